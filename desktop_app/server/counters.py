"""Counters for the feed sequence and human-readable business numbers."""

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app.server.db import CounterRow


def next_values(session: Session, name: str, count: int = 1) -> int:
    """Reserve `count` values; returns the last one. Creates the counter on first use."""
    result = session.execute(
        update(CounterRow).where(CounterRow.name == name)
        .values(value=CounterRow.value + count).returning(CounterRow.value)
    ).scalar_one_or_none()
    if result is None:
        session.add(CounterRow(name=name, value=count))
        session.flush()
        return count
    return int(result)


def current_value(session: Session, name: str) -> int:
    return session.scalar(select(CounterRow.value).where(CounterRow.name == name)) or 0


def set_at_least(session: Session, name: str, value: int) -> None:
    session.execute(update(CounterRow).where(CounterRow.name == name, CounterRow.value < value)
                    .values(value=value))


def business_number(session: Session, prefix: str, width: int = 8) -> str:
    """AU-00001234 style numbers; the counter is per prefix."""
    return f"{prefix}-{next_values(session, 'number_' + prefix):0{width}d}"

"""Counters for the feed sequence and human-readable business numbers."""

import re

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app.server.db import CounterRow, PartyRow

PARTY_COUNTER = "number_party"
PARTY_NUMBER_BASE = 100000  # the seed numbers customers and prospects KD-/IN-100000 + n


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


def party_number(session: Session, prefix: str) -> str:
    """KD-100153 / IN-100153 style: customers and prospects share one sequence (as seeded),
    so a new prospect's number follows the highest one. A database seeded before the counter
    existed starts it after its highest stored number."""
    if session.get(CounterRow, PARTY_COUNTER) is None:
        numbers = session.scalars(select(PartyRow.customer_number))
        highest = max((int(found.group()) for number in numbers
                       if (found := re.search(r"\d+$", number))),
                      default=PARTY_NUMBER_BASE - 1)
        session.add(CounterRow(name=PARTY_COUNTER, value=max(highest, PARTY_NUMBER_BASE - 1)))
        session.flush()
    return f"{prefix}-{next_values(session, PARTY_COUNTER)}"

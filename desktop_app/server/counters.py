"""Counters for the feed sequence and human-readable business numbers.

A counter row is created on first use with INSERT ... ON CONFLICT DO NOTHING, so two
processes using a new counter at once do not collide on its primary key; incrementing it
locks the row until commit (see retry.py for the order in which locks are taken).
"""

import re

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app.server.db import CounterRow, PartyRow
from desktop_app.server.upsert import insert_if_absent

PARTY_COUNTER = "number_party"
PARTY_NUMBER_BASE = 100000  # the seed numbers customers and prospects KD-/IN-100000 + n


def next_values(session: Session, name: str, count: int = 1) -> int:
    """Reserve `count` values; returns the last one. Creates the counter on first use."""
    result = _increment(session, name, count)
    if result is None:
        create_if_absent(session, name, 0)
        result = _increment(session, name, count)
        assert result is not None  # the row exists now: ours or a concurrent creator's
    return result


def _increment(session: Session, name: str, count: int) -> int | None:
    value = session.execute(
        update(CounterRow).where(CounterRow.name == name)
        .values(value=CounterRow.value + count).returning(CounterRow.value)
    ).scalar_one_or_none()
    return None if value is None else int(value)


def create_if_absent(session: Session, name: str, value: int) -> bool:
    """The counter with this start value unless it exists (race-free); True if created."""
    return insert_if_absent(session, CounterRow, {"name": name, "value": value})


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
        create_if_absent(session, PARTY_COUNTER, max(highest, PARTY_NUMBER_BASE - 1))
    return f"{prefix}-{next_values(session, PARTY_COUNTER)}"

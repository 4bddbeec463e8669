"""The business time zone: every time a clerk or a customer reads is Berlin time.

The provider is a German firm; its documents, deadlines and the calendar days of the filters
are Berlin's, whatever zone the clerk's machine is set to (a terminal server in UTC, a laptop
abroad). Stored timestamps are UTC; naive ones are UTC by the backend's convention.
"""

import functools
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["BUSINESS_TIME_ZONE", "business_midnight", "business_time", "business_zone"]

BUSINESS_TIME_ZONE = "Europe/Berlin"


@functools.cache
def business_zone() -> tzinfo:
    try:
        return ZoneInfo(BUSINESS_TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):  # no tz database (Windows without tzdata)
        return UTC


def business_time(moment: datetime) -> datetime:
    """`moment` (aware, or naive UTC) as an aware datetime in Berlin time."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(business_zone())


def business_midnight(day: date) -> datetime:
    """The start of a Berlin calendar day, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=business_zone())

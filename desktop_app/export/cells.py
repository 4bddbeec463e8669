"""What an exported table is made of: typed columns and the formats of one UI language.

A row is a tuple of plain values, one per column: `TEXT` a str, `DATETIME` a datetime (aware,
or naive UTC as the cache stores them: written in Berlin time, the app's business time zone),
`DATE` a date, `MONEY` euro cents (int), `INTEGER` an int; None is an empty cell. A `TEXT`
column with `labels` holds codes and shows their labels (a code without one as it is).
"""

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from desktop_app.domain.business_time import business_time

__all__ = ["CellKind", "CellValue", "ExportColumn", "Formats", "LocalClock", "Row",
           "formats_for", "local_datetime"]

Language = Literal["de", "en"]
CellValue = str | int | datetime | date | None
Row = Sequence[CellValue]


class CellKind(enum.Enum):
    TEXT = "text"
    DATETIME = "datetime"
    DATE = "date"
    MONEY = "money"  # euro cents
    INTEGER = "integer"


@dataclass(frozen=True, slots=True)
class ExportColumn:
    header: str
    kind: CellKind = CellKind.TEXT
    labels: Mapping[str, str] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Formats:
    """How one language writes dates and numbers.

    CSV cells are text that a spreadsheet parses: German ones as German Excel reads them
    ("26.11.2026 18:00", "1234,56"); English ones in ISO dates and with a decimal point,
    which every English Excel reads the same (26/11 and 11/26 do not). XLSX cells are real
    dates and numbers; their display formats follow the app's locales (de_DE, en_GB).
    """

    language: Language
    csv_datetime: str
    csv_date: str
    decimal_point: str
    xlsx_datetime: str
    xlsx_date: str
    xlsx_money: str
    xlsx_integer: str = "0"


# str.format patterns ({0} is the date or time), not strftime: with PySide6 loaded, every
# strftime call runs its import hook (strftime imports `time`), a third of a CSV export.
_FORMATS = {
    "de": Formats("de", "{0.day:02d}.{0.month:02d}.{0.year:04d} {0.hour:02d}:{0.minute:02d}",
                  "{0.day:02d}.{0.month:02d}.{0.year:04d}", ",", "dd.mm.yyyy hh:mm",
                  "dd.mm.yyyy", '#,##0.00 "€"'),
    "en": Formats("en", "{0.year:04d}-{0.month:02d}-{0.day:02d} {0.hour:02d}:{0.minute:02d}",
                  "{0.year:04d}-{0.month:02d}-{0.day:02d}", ".", "dd/mm/yyyy hh:mm",
                  "dd/mm/yyyy", '"€"#,##0.00'),
}


def formats_for(language: Language) -> Formats:
    return _FORMATS[language]


def local_datetime(value: datetime) -> datetime:
    """The moment as a naive Berlin wall-clock time, to the second (what a sheet shows)."""
    return business_time(value).replace(tzinfo=None, microsecond=0)


_UNIX = datetime(1970, 1, 1, tzinfo=UTC)
_UNIX_NAIVE = _UNIX.replace(tzinfo=None)
_SECOND = timedelta(seconds=1)
_HOUR = 3600
_UNKNOWN = -(10**9)  # no offset looked up yet for the hour


class LocalClock:
    """Berlin wall-clock seconds since 1970-01-01 00:00 (the same moment as
    `local_datetime`, as an int), fast enough for every cell of a large export: the zone's
    offset is looked up once per UTC hour (its changes fall on whole UTC hours; an hour in
    which it changes is computed moment by moment)."""

    __slots__ = ("_offsets",)

    def __init__(self) -> None:
        self._offsets: dict[int, int | None] = {}

    def seconds(self, value: datetime) -> int:
        utc = (value - (_UNIX if value.tzinfo is not None else _UNIX_NAIVE)) // _SECOND
        hour = utc // _HOUR
        offset = self._offsets.get(hour, _UNKNOWN)
        if offset == _UNKNOWN:
            offset = self._offset_of(hour)
        if offset is None:  # the offset changes within this hour
            return (local_datetime(value) - _UNIX_NAIVE) // _SECOND
        return utc + offset

    def _offset_of(self, hour: int) -> int | None:
        if len(self._offsets) > 100_000:  # a bound for years of distinct hours
            self._offsets.clear()
        start = _UNIX + timedelta(hours=hour)
        first = business_time(start).utcoffset()
        last = business_time(start + timedelta(seconds=_HOUR - 1)).utcoffset()
        offset = (first // _SECOND if first is not None and first == last
                  and first % _SECOND == timedelta(0) else None)
        self._offsets[hour] = offset
        return offset

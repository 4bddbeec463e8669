"""What an exported table is made of: typed columns and the formats of one UI language.

A row is a tuple of plain values, one per column: `TEXT` a str, `DATETIME` a datetime (aware,
or naive UTC as the cache stores them: written in Berlin time, the app's business time zone),
`DATE` a date, `MONEY` euro cents (int), `INTEGER` an int; None is an empty cell.
"""

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from desktop_app.domain.business_time import business_time

__all__ = ["CellKind", "CellValue", "ExportColumn", "Formats", "Row", "formats_for",
           "local_datetime"]

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

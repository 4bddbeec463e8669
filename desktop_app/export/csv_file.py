"""The table as CSV for Excel: UTF-8 with BOM (Excel reads umlauts right only with it),
semicolons (German Excel's list separator), CRLF lines, quotes where a cell needs them."""

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from desktop_app.export.atomic import atomic_path
from desktop_app.export.cells import (
    CellKind,
    CellValue,
    ExportColumn,
    Formats,
    Row,
    local_datetime,
)

__all__ = ["DELIMITER", "csv_cells", "write_csv"]

DELIMITER = ";"
# A spreadsheet runs a cell that starts like a formula (CSV injection, OWASP): such texts get
# a leading apostrophe, which Excel shows as text and does not print.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Formatter = Callable[[CellValue], str]


def _text(value: CellValue) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _formatter(kind: CellKind, formats: Formats) -> Formatter:
    match kind:
        case CellKind.TEXT:
            return _text
        case CellKind.DATETIME:
            moment = formats.csv_datetime.format
            return lambda v: moment(local_datetime(v)) if isinstance(v, datetime) else ""
        case CellKind.DATE:
            day = formats.csv_date.format
            return lambda v: day(v) if isinstance(v, date) else ""
        case CellKind.MONEY:
            point = formats.decimal_point

            def money(value: CellValue) -> str:
                if not isinstance(value, int):
                    return ""
                sign = "-" if value < 0 else ""
                euros, cents = divmod(abs(value), 100)
                return f"{sign}{euros}{point}{cents:02d}"

            return money
        case CellKind.INTEGER:
            return lambda v: str(v) if isinstance(v, int) else ""


def csv_cells(columns: Sequence[ExportColumn], formats: Formats) -> Callable[[Row], list[str]]:
    """The function turning one row into its CSV texts."""
    formatters = [_formatter(column.kind, formats) for column in columns]
    pairs = list(enumerate(formatters))
    return lambda row: [format_(row[index]) for index, format_ in pairs]


def write_csv(target: Path, columns: Sequence[ExportColumn], rows: Iterable[Row],
              formats: Formats) -> int:
    """Write the header and the rows to `target` atomically; returns the number of rows."""
    cells = csv_cells(columns, formats)
    count = 0
    with atomic_path(target) as partial, \
            partial.open("x", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL,
                            lineterminator="\r\n")
        writer.writerow([column.header for column in columns])
        for row in rows:
            writer.writerow(cells(row))
            count += 1
        stream.flush()
        os.fsync(stream.fileno())
    return count

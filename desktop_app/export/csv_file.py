"""The table as CSV for Excel: UTF-8 with BOM (Excel reads umlauts right only with it),
semicolons (German Excel's list separator), CRLF lines, quotes where a cell needs them."""

import csv
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_app.export.atomic import atomic_path
from desktop_app.export.cells import (
    CellKind,
    CellValue,
    ExportColumn,
    Formats,
    LocalClock,
    Row,
)

__all__ = ["DELIMITER", "csv_cells", "write_csv"]

DELIMITER = ";"
# A spreadsheet runs a cell that starts like a formula (CSV injection, OWASP): such texts get
# a leading apostrophe, which Excel shows as text and does not print.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Formatter = Callable[[CellValue], str]
_MINUTE_FIELD = "{0.minute:02d}"
_MINUTES = [f"{minute:02d}" for minute in range(60)]
_LOCAL_EPOCH = datetime(1970, 1, 1)


def _text(value: CellValue) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _labelled(labels: Mapping[str, str]) -> Formatter:
    """Codes shown as their labels (guarded once per label, not once per cell)."""
    shown = {code: _text(label) for code, label in labels.items()}

    def label(value: CellValue) -> str:
        text = shown.get(value) if isinstance(value, str) else None
        return _text(value) if text is None else text

    return label


def _moment(pattern: str) -> Formatter:
    """Berlin wall-clock time by `pattern`. A pattern ending in the minute formats the rest
    once per hour (every cell of an export would cost a str.format of five fields)."""
    clock = LocalClock()
    if not pattern.endswith(_MINUTE_FIELD):
        whole = pattern.format
        return lambda v: (whole(_LOCAL_EPOCH + timedelta(seconds=clock.seconds(v)))
                          if isinstance(v, datetime) else "")
    head = pattern[: -len(_MINUTE_FIELD)].format
    hours: dict[int, str] = {}

    def moment(value: CellValue) -> str:
        if not isinstance(value, datetime):
            return ""
        hour, rest = divmod(clock.seconds(value), 3600)
        prefix = hours.get(hour)
        if prefix is None:
            if len(hours) > 100_000:
                hours.clear()
            prefix = hours[hour] = head(_LOCAL_EPOCH + timedelta(hours=hour))
        return prefix + _MINUTES[rest // 60]

    return moment


def _formatter(column: ExportColumn, formats: Formats) -> Formatter:
    match column.kind:
        case CellKind.TEXT:
            return _text if column.labels is None else _labelled(column.labels)
        case CellKind.DATETIME:
            return _moment(formats.csv_datetime)
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
    """The function turning one row into its CSV texts (one formatter per column, chosen
    here: nothing is decided per cell)."""
    formatters = [_formatter(column, formats) for column in columns]
    return lambda row: [format_(value) for format_, value in zip(formatters, row, strict=True)]


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

"""The table as an Excel workbook (XlsxWriter, constant-memory mode: each row goes to disk as
it is written): real date and number cells with display formats, a bold header row that stays
in view (frozen) and carries the autofilter, and columns as wide as their contents."""

import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from desktop_app.export.atomic import atomic_path, sync_to_disk
from desktop_app.export.cells import (
    CellKind,
    CellValue,
    ExportColumn,
    Formats,
    Row,
    local_datetime,
)

__all__ = ["MAX_WIDTH", "write_xlsx"]

MAX_WIDTH = 60  # characters: longer texts wrap in Excel's cell editor anyway
_MIN_WIDTH = 8
_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year quirk built in)
_EPOCH_DAY = _EPOCH.date()
_SHOWN_WIDTH = {CellKind.DATETIME: 16, CellKind.DATE: 10, CellKind.MONEY: 12,
                CellKind.INTEGER: 8}

Cell = Callable[[int, int, CellValue], None]


def _serial(value: datetime) -> float:
    """A datetime as Excel's day number (Berlin wall-clock time)."""
    return (local_datetime(value) - _EPOCH).total_seconds() / 86_400


def _cell_writer(sheet: Any, kind: CellKind, number_format: Any, widths: list[int],
                 column: int) -> Cell:
    # The typed write_* methods: write() would take "=..." texts for formulas.
    write_string, write_number = sheet.write_string, sheet.write_number
    match kind:
        case CellKind.TEXT:
            def text(row: int, col: int, value: CellValue) -> None:
                if value is None or value == "":
                    return
                shown = str(value)
                write_string(row, col, shown)
                if len(shown) > widths[column]:
                    widths[column] = len(shown)
            return text
        case CellKind.DATETIME:
            def moment(row: int, col: int, value: CellValue) -> None:
                if isinstance(value, datetime):
                    write_number(row, col, _serial(value), number_format)
            return moment
        case CellKind.DATE:
            def day(row: int, col: int, value: CellValue) -> None:
                if isinstance(value, date):
                    write_number(row, col, (value - _EPOCH_DAY).days, number_format)
            return day
        case CellKind.MONEY:
            def money(row: int, col: int, value: CellValue) -> None:
                if isinstance(value, int):
                    write_number(row, col, value / 100, number_format)
            return money
        case CellKind.INTEGER:
            def integer(row: int, col: int, value: CellValue) -> None:
                if isinstance(value, int):
                    write_number(row, col, value, number_format)
            return integer


def _number_format(kind: CellKind, formats: Formats) -> str | None:
    return {CellKind.DATETIME: formats.xlsx_datetime, CellKind.DATE: formats.xlsx_date,
            CellKind.MONEY: formats.xlsx_money, CellKind.INTEGER: formats.xlsx_integer
            }.get(kind)


def _fill(workbook: Any, sheet_name: str, columns: Sequence[ExportColumn],
          rows: Iterable[Row], formats: Formats) -> int:
    sheet = workbook.add_worksheet(sheet_name[:31])
    header_format = workbook.add_format({"bold": True, "bottom": 1})
    widths = [max(len(column.header) + 3, _MIN_WIDTH, _SHOWN_WIDTH.get(column.kind, 0))
              for column in columns]  # + 3: the autofilter's button
    writers: list[tuple[int, Cell]] = []
    for index, column in enumerate(columns):
        shown = _number_format(column.kind, formats)
        number_format = workbook.add_format({"num_format": shown}) if shown else None
        writers.append((index, _cell_writer(sheet, column.kind, number_format, widths, index)))
        sheet.write_string(0, index, column.header, header_format)
    line = 0
    for line, row in enumerate(rows, start=1):
        for index, write in writers:
            write(line, index, row[index])
    for index, width in enumerate(widths):
        sheet.set_column(index, index, min(width + 1, MAX_WIDTH))
    sheet.freeze_panes(1, 0)
    if columns:
        sheet.autofilter(0, 0, line, len(columns) - 1)
    return line


def write_xlsx(target: Path, columns: Sequence[ExportColumn], rows: Iterable[Row],
               formats: Formats, sheet_name: str) -> int:
    """Write the sheet to `target` atomically; returns the number of rows.

    XlsxWriter keeps its row data in temporary files until the workbook is zipped: they go to
    a private folder that is removed whatever happens (a cancel, a full disk)."""
    with atomic_path(target) as partial, \
            tempfile.TemporaryDirectory(prefix="orderdesk-export-") as scratch:
        workbook = xlsxwriter.Workbook(str(partial), {
            "constant_memory": True, "tmpdir": scratch, "strings_to_numbers": False,
            "strings_to_formulas": False, "strings_to_urls": False})
        try:
            count = _fill(workbook, sheet_name, columns, rows, formats)
            workbook.close()
        except FileCreateError as error:  # the zip could not be written: the OSError inside
            cause = error.args[0] if error.args else None
            raise cause if isinstance(cause, OSError) else OSError(str(error)) from error
        finally:
            _close_row_files(workbook)
        sync_to_disk(partial)
    return count


def _close_row_files(workbook: Any) -> None:
    """A workbook left unclosed (a cancel) still holds its row data files open: close them,
    so that the scratch folder can go (Windows removes no open file)."""
    for sheet in workbook.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None and not handle.closed:
            handle.close()

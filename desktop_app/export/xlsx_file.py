"""The table as an Excel workbook (XlsxWriter, constant-memory mode: each row goes to disk as
it is written): real date and number cells with display formats, a bold header row that stays
in view (frozen) and carries the autofilter, and columns as wide as their contents."""

import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter import xmlwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.worksheet import Worksheet

from desktop_app.export.atomic import atomic_path, sync_to_disk
from desktop_app.export.cells import (
    CellKind,
    CellValue,
    ExportColumn,
    Formats,
    LocalClock,
    Row,
)

__all__ = ["MAX_WIDTH", "write_xlsx"]

MAX_WIDTH = 60  # characters: longer texts wrap in Excel's cell editor anyway
_MIN_WIDTH = 8
_EPOCH_DAY = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year quirk built in)
_EPOCH_SECONDS = (date(1970, 1, 1) - _EPOCH_DAY).days * 86_400  # 1970 in Excel's seconds
_SHOWN_WIDTH = {CellKind.DATETIME: 16, CellKind.DATE: 10, CellKind.MONEY: 12,
                CellKind.INTEGER: 8}

Cell = Callable[[int, int, CellValue], None]


def _sheet_class() -> Any:
    """XlsxWriter's worksheet, skipping its control-character escape for the texts that have
    nothing to escape (nearly all): in constant-memory mode it runs two regex substitutions
    on every text cell, and with PySide6 loaded each one with a template also passes Qt's
    import hook: a quarter of an export's time. The file stays byte for byte the same; with
    an XlsxWriter that escapes otherwise, the plain worksheet is used."""
    escape = getattr(Worksheet, "_escape_control_characters", None)
    first = getattr(xmlwriter, "re_control_chars_1", None)
    second = getattr(xmlwriter, "re_control_chars_2", None)
    if not callable(escape) or not isinstance(first, re.Pattern) or not isinstance(
            second, re.Pattern):
        return Worksheet
    plain: Callable[[Any], Any] = escape
    needs_escape = re.compile(f"{first.pattern}|{second.pattern}|[\ufffe\uffff]").search

    def lean_escape(data: Any) -> Any:
        if data.__class__ is str and not needs_escape(data):
            return data
        return plain(data)

    return type("LeanWorksheet", (Worksheet,),
                {"_escape_control_characters": staticmethod(lean_escape)})


_SHEET_CLASS = _sheet_class()


def _cell_writer(sheet: Any, column: ExportColumn, number_format: Any, widths: list[int],
                 index: int) -> Cell:
    # The typed write_* methods: write() would take "=..." texts for formulas, and it decides
    # on every cell what the value is; here the column decides once.
    write_string, write_number = sheet.write_string, sheet.write_number
    match column.kind:
        case CellKind.TEXT:
            labels = column.labels or {}

            def text(row: int, col: int, value: CellValue) -> None:
                if value is None or value == "":
                    return
                shown = labels.get(value, value) if isinstance(value, str) else str(value)
                write_string(row, col, shown)
                if len(shown) > widths[index]:
                    widths[index] = len(shown)
            return text
        case CellKind.DATETIME:
            seconds = LocalClock().seconds

            def moment(row: int, col: int, value: CellValue) -> None:
                # Excel's day number of the Berlin wall-clock time: write_number with the
                # column's date format (write_datetime converts each value on its own).
                if isinstance(value, datetime):
                    write_number(row, col, (seconds(value) + _EPOCH_SECONDS) / 86_400,
                                 number_format)
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
    sheet = workbook.add_worksheet(sheet_name[:31], worksheet_class=_SHEET_CLASS)
    header_format = workbook.add_format({"bold": True, "bottom": 1})
    widths = [max(len(column.header) + 3, _MIN_WIDTH, _SHOWN_WIDTH.get(column.kind, 0))
              for column in columns]  # + 3: the autofilter's button
    writers: list[tuple[int, Cell]] = []
    for index, column in enumerate(columns):
        shown = _number_format(column.kind, formats)
        number_format = workbook.add_format({"num_format": shown}) if shown else None
        writers.append((index, _cell_writer(sheet, column, number_format, widths, index)))
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

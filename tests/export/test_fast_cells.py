"""The fast paths of the writers give exactly what the plain computations give: Berlin time
by the per-hour offset (summer time changes, naive UTC, other zones, the odd pre-1893 offset),
CSV date texts, Excel day numbers and XlsxWriter's escapes of texts."""

import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import xlsxwriter
from desktop_app.export import xlsx_file
from desktop_app.export.cells import (
    CellKind,
    ExportColumn,
    LocalClock,
    formats_for,
    local_datetime,
)
from desktop_app.export.csv_file import csv_cells
from xlsxwriter.worksheet import Worksheet

LOCAL_EPOCH = datetime(1970, 1, 1)


def moments() -> list[datetime]:
    """Every 7 minutes 13 seconds around both 2026 changes, and a few odd ones."""
    found = []
    for start in (datetime(2026, 3, 29, tzinfo=UTC), datetime(2026, 10, 25, tzinfo=UTC)):
        found += [start + timedelta(seconds=433 * n, microseconds=n % 2 * 999_999)
                  for n in range(60)]
    return [
        *found,
        datetime(2026, 11, 26, 17, 0),  # naive: UTC
        datetime(2026, 7, 1, 18, 5, 9, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        datetime(1893, 3, 31, 23, 30, tzinfo=UTC),  # Berlin's mean time (+0:53:28) ends
        datetime(1960, 6, 1, 12, 0, 59, 999_999, tzinfo=UTC),  # before 1970
        datetime(2, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 22, tzinfo=UTC),
    ]


@pytest.mark.parametrize("value", moments())
def test_local_seconds_are_local_datetime(value: datetime) -> None:
    clock = LocalClock()
    for _twice in range(2):  # looked up, then from the hour's cache
        assert LOCAL_EPOCH + timedelta(seconds=clock.seconds(value)) == local_datetime(value)


@pytest.mark.parametrize("language", ["de", "en"])
def test_csv_times_are_the_formats_texts(language: str) -> None:
    formats = formats_for("de" if language == "de" else "en")
    cells = csv_cells([ExportColumn("t", CellKind.DATETIME)], formats)
    for value in moments():
        assert cells([value]) == [formats.csv_datetime.format(local_datetime(value))]
    assert cells([None]) == [""]


def test_excel_day_numbers_are_the_plain_ones(tmp_path: Path) -> None:
    columns = [ExportColumn("t", CellKind.DATETIME)]
    values = [value for value in moments() if value.year >= 1900]
    xlsx_file.write_xlsx(tmp_path / "t.xlsx", columns, [(v,) for v in values],
                         formats_for("de"), "t")
    with zipfile.ZipFile(tmp_path / "t.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    for value in values:
        plain = (local_datetime(value) - datetime(1899, 12, 30)).total_seconds() / 86_400
        assert f"<v>{plain:.16G}</v>" in sheet


TEXTS = ["plain", "_x0041_ literal", "bell\x07", "tab\tand\nline", "\ufffe\uffff", "a_xb_",
         " leading", "Müller & <Söhne>", "_X00ff_"]


def sheet_xml(path: Path, sheet_class: type[Worksheet]) -> bytes:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("x", worksheet_class=sheet_class)
    for row, text in enumerate(TEXTS):
        sheet.write_string(row, 0, text)
    book.close()
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml")


def test_the_lean_worksheet_escapes_as_xlsxwriter(tmp_path: Path) -> None:
    assert xlsx_file._SHEET_CLASS is not Worksheet  # the fast path is on with this XlsxWriter
    lean = sheet_xml(tmp_path / "lean.xlsx", xlsx_file._SHEET_CLASS)
    assert lean == sheet_xml(tmp_path / "plain.xlsx", Worksheet)
    assert b"_x005F_x0041_" in lean and b"_x0007_" in lean and b"_xFFFE_" in lean

"""The CSV and XLSX writers: read back what they wrote; formats per language; atomic files."""

import csv
import errno
import io
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from desktop_app.export.atomic import ExportError
from desktop_app.export.cells import CellKind, ExportColumn, Row, formats_for
from desktop_app.export.csv_file import write_csv
from desktop_app.export.xlsx_file import write_xlsx
from desktop_app.sync.progress import SyncCancelled

COLUMNS = [
    ExportColumn("Kunde"), ExportColumn("Auftragsdatum", CellKind.DATETIME),
    ExportColumn("Tag", CellKind.DATE), ExportColumn("Betrag", CellKind.MONEY),
    ExportColumn("Anzahl", CellKind.INTEGER),
]
# Summer time (UTC+2) and winter time (UTC+1) in Berlin.
SUMMER = datetime(2026, 7, 1, 16, 5, 9, tzinfo=UTC)
WINTER = datetime(2026, 11, 26, 17, 0)  # naive: UTC, as the cache stores it
ROWS: list[Row] = [
    ("Müller & Söhne GmbH; Straße \"Süd\"", SUMMER, date(2026, 7, 1), 123456, 3),
    ("Zeilen\numbruch", WINTER, date(2026, 1, 2), -5, 0),
    ("=HYPERLINK(\"x\")", None, None, None, None),
    ("", SUMMER, date(2026, 2, 28), 7, 12),
]


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, so that leftovers of the writers show."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return scratch


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8 only with it
    with io.StringIO(raw.decode("utf-8-sig"), newline="") as text:
        return list(csv.reader(text, delimiter=";"))


def test_csv_in_german(tmp_path: Path) -> None:
    target = tmp_path / "Aufträge.csv"
    assert write_csv(target, COLUMNS, ROWS, formats_for("de")) == 4
    lines = read_csv(target)
    assert lines[0] == ["Kunde", "Auftragsdatum", "Tag", "Betrag", "Anzahl"]
    assert lines[1] == ["Müller & Söhne GmbH; Straße \"Süd\"", "01.07.2026 18:05", "01.07.2026",
                        "1234,56", "3"]
    assert lines[2] == ["Zeilen\numbruch", "26.11.2026 18:00", "02.01.2026", "-0,05", "0"]
    assert lines[3] == ["'=HYPERLINK(\"x\")", "", "", "", ""]  # no formula for Excel to run
    assert lines[4] == ["", "01.07.2026 18:05", "28.02.2026", "0,07", "12"]
    raw = target.read_bytes().decode("utf-8-sig")
    assert raw.count("\r\n") == 5 and "\"Müller & Söhne GmbH; Straße \"\"Süd\"\"\"" in raw
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Aufträge.csv", "tmp"]


def test_csv_in_english(tmp_path: Path) -> None:
    target = tmp_path / "orders.csv"
    write_csv(target, COLUMNS, ROWS, formats_for("en"))
    lines = read_csv(target)
    assert lines[1][1:] == ["2026-07-01 18:05", "2026-07-01", "1234.56", "3"]
    assert lines[2][1:4] == ["2026-11-26 18:00", "2026-01-02", "-0.05"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_xlsx_has_real_dates_and_numbers(tmp_path: Path, language: str,
                                         private_temp: Path) -> None:
    target = tmp_path / "Aufträge.xlsx"
    formats = formats_for("en" if language == "en" else "de")
    assert write_xlsx(target, COLUMNS, ROWS, formats, "Aufträge") == 4
    book = openpyxl.load_workbook(target)
    sheet = book["Aufträge"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Kunde", "Auftragsdatum", "Tag", "Betrag", "Anzahl"]
    assert values[1] == ["Müller & Söhne GmbH; Straße \"Süd\"", datetime(2026, 7, 1, 18, 5, 9),
                         datetime(2026, 7, 1), 1234.56, 3]
    assert values[2] == ["Zeilen\numbruch", datetime(2026, 11, 26, 18, 0), datetime(2026, 1, 2),
                         -0.05, 0]
    assert values[3] == ["=HYPERLINK(\"x\")", None, None, None, None]
    assert sheet["A4"].data_type == "s"  # a text, not a formula
    assert sheet["B2"].number_format == formats.xlsx_datetime
    assert sheet["C2"].number_format == formats.xlsx_date
    assert sheet["D2"].number_format == formats.xlsx_money
    assert sheet["A1"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E5"
    widths = {key: dim.width for key, dim in sheet.column_dimensions.items()}
    assert widths["A"] > len("Müller & Söhne GmbH; Straße \"Süd\"")  # as wide as the text
    assert widths["B"] >= 16  # room for "26.11.2026 18:00"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Aufträge.xlsx", "tmp"]
    assert not list(private_temp.iterdir())  # XlsxWriter's scratch files are gone


def test_an_empty_list_writes_the_header(tmp_path: Path) -> None:
    assert write_xlsx(tmp_path / "e.xlsx", COLUMNS, [], formats_for("de"), "x") == 0
    sheet = openpyxl.load_workbook(tmp_path / "e.xlsx").active
    assert sheet is not None and sheet.max_row == 1
    assert write_csv(tmp_path / "e.csv", COLUMNS, [], formats_for("de")) == 0
    assert len(read_csv(tmp_path / "e.csv")) == 1


def cancelled_after(count: int) -> Iterator[Row]:
    for index in range(count):
        yield ROWS[index % len(ROWS)]
    raise SyncCancelled()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_cancel_leaves_no_file_and_no_temporary(tmp_path: Path, suffix: str,
                                                  private_temp: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / f"old.{suffix}").write_bytes(b"kept")
    target = folder / f"old.{suffix}"
    with pytest.raises(SyncCancelled):
        if suffix == "csv":
            write_csv(target, COLUMNS, cancelled_after(500), formats_for("de"))
        else:
            write_xlsx(target, COLUMNS, cancelled_after(500), formats_for("de"), "x")
    assert [p.name for p in folder.iterdir()] == [f"old.{suffix}"]
    assert target.read_bytes() == b"kept"  # an older file of that name stays as it was
    assert not list(private_temp.iterdir())


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_missing_folder_is_a_clear_fault(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / "gone" / f"Aufträge.{suffix}"
    with pytest.raises(ExportError) as raised:
        if suffix == "csv":
            write_csv(target, COLUMNS, ROWS, formats_for("de"))
        else:
            write_xlsx(target, COLUMNS, ROWS, formats_for("de"), "x")
    assert "Ordner nicht gefunden" in raised.value.message("de")
    assert "keine Datei angelegt" in raised.value.message("de")
    assert "folder not found" in raised.value.message("en")
    assert not (tmp_path / "gone").exists()


def test_a_folder_without_write_permission(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, whom chmod does not stop: the refusal is the operating system's."""
    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ExportError) as raised:
        write_csv(tmp_path / "a.csv", COLUMNS, ROWS, formats_for("en"))
    assert "no permission to write" in raised.value.message("en")
    assert "keine Schreibberechtigung" in raised.value.message("de")
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["tmp"]


def test_a_full_disk_mid_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = 0

    def full_disk() -> Iterator[Row]:
        nonlocal written
        for written in range(10_000):
            yield ROWS[0]
            if written == 5000:
                raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError) as raised:
        write_csv(tmp_path / "a.csv", COLUMNS, full_disk(), formats_for("de"))
    assert "kein Speicherplatz mehr frei" in raised.value.message("de")
    with pytest.raises(ExportError):
        write_xlsx(tmp_path / "a.xlsx", COLUMNS, full_disk(), formats_for("de"), "x")
    assert [p.name for p in tmp_path.iterdir()] == ["tmp"]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_file_where_the_folder_should_be(tmp_path: Path, suffix: str) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_bytes(b"")
    with pytest.raises(ExportError) as raised:
        if suffix == "csv":
            write_csv(blocker / f"a.{suffix}", COLUMNS, ROWS, formats_for("de"))
        else:
            write_xlsx(blocker / f"a.{suffix}", COLUMNS, ROWS, formats_for("de"), "x")
    assert "Ordner nicht gefunden" in raised.value.message("de")

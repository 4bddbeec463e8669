"""Issue 12, item 19: saved and exported PDFs get the user's umask (colleagues on a shared
folder can open them), and a batch export ends with a message: how many, where, what failed."""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.documents.confirmation_batch import BatchResult, confirmation_filename
from desktop_app.gui.documents.confirmation_output import ConfirmationOutput
from desktop_app.gui.documents.pdf_viewer import PdfViewerDialog
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.documents import support

IDS = [f"order-{n:06d}" for n in range(100, 104)]
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    live = LiveCache(tmp_path / "cache.sqlite3")
    support.fill(live.store, [support.short_order(n) for n in range(100, 104)])
    yield live
    live.close()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def output(
    cache: LiveCache, tmp_path: Path, parent: QWidget, tasks: TaskManager
) -> Iterator[ConfirmationOutput]:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    made = ConfirmationOutput(cache, "en", settings, tasks, parent)
    yield made
    assert made.shutdown()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _close_boxes(parent: QWidget) -> list[str]:
    texts = []
    for box in parent.findChildren(QMessageBox):
        texts.append(box.text())
        box.close()
    return texts


@posix_only
def test_a_saved_confirmation_gets_the_umask(
    output: ConfirmationOutput, qtbot: QtBot, parent: QWidget, tmp_path: Path, umask_022: None
) -> None:
    target = tmp_path / "AEB.pdf"
    with qtbot.wait_signal(output.pdfSaved, timeout=20_000):
        output.save_pdf(parent, "order-000100", target)
    assert _mode(target) == 0o644


@posix_only
def test_exported_confirmations_get_the_umask(
    output: ConfirmationOutput, qtbot: QtBot, parent: QWidget, tmp_path: Path, umask_022: None
) -> None:
    folder = tmp_path / "shared"
    with qtbot.wait_signal(output.exportFinished, timeout=30_000):
        output.export_pdfs(parent, IDS, folder)
    assert sorted(_mode(path) for path in folder.iterdir()) == [0o644] * len(IDS)
    _close_boxes(parent)


@posix_only
def test_a_stricter_umask_is_honoured_too(
    output: ConfirmationOutput, qtbot: QtBot, parent: QWidget, tmp_path: Path
) -> None:
    previous = os.umask(0o027)
    try:
        target = tmp_path / "AEB.pdf"
        with qtbot.wait_signal(output.pdfSaved, timeout=20_000):
            output.save_pdf(parent, "order-000100", target)
    finally:
        os.umask(previous)
    assert _mode(target) == 0o640


@posix_only
def test_a_backend_document_saved_from_the_viewer_gets_the_umask(
    qtbot: QtBot, tmp_path: Path, umask_022: None
) -> None:
    from desktop_app.server.pdfs import render_confirmation

    from tests.cache import records

    settings = QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat)
    viewer = PdfViewerDialog(render_confirmation(records.order(7)), "AEB", "AEB.pdf", settings)
    qtbot.addWidget(viewer)
    target = tmp_path / "saved.pdf"
    assert viewer.save_to(target)
    assert _mode(target) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_the_export_says_how_many_were_written_where(
    output: ConfirmationOutput, qtbot: QtBot, parent: QWidget, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    with qtbot.wait_signal(output.messageShown, timeout=30_000) as shown:
        output.export_pdfs(parent, [*IDS, "order-gone"], folder)
    text = str(shown.args[0])
    assert "4 confirmation" in text and str(folder) in text
    assert "1 order" in text  # no longer in the cache
    assert any(str(folder) in box for box in _close_boxes(parent))


def test_a_failed_file_is_named_and_the_rest_is_written(
    output: ConfirmationOutput, qtbot: QtBot, parent: QWidget, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    blocked = folder / confirmation_filename("AU-00000101", "en")
    blocked.mkdir()  # a folder where the file should go: that one cannot be written
    (blocked / "keep").write_text("x")
    with (
        qtbot.wait_signal(output.exportFinished, timeout=30_000) as finished,
        qtbot.wait_signal(output.messageShown, timeout=30_000) as shown,
    ):
        output.export_pdfs(parent, IDS, folder)
    result = finished.args[0]
    assert isinstance(result, BatchResult)
    assert len(result.written) == 3
    assert [number for number, _reason in result.failed] == ["AU-00000101"]
    text = str(shown.args[0])
    assert "3 confirmation" in text and "AU-00000101" in text
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]
    _close_boxes(parent)

"""Issue 18, item 6: `orderdesk --demo` leaves no temporary folder behind, on every way out:
Ctrl+C (SIGINT) and SIGTERM of a real process, the window closed (the session closed after
the event loop ends), and a start that fails."""

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch import demo
from desktop_app.launch.workspace import Workspace
from pytestqt.qtbot import QtBot

from tests.gui.window import settings_at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]
START_S = 120


def demo_folders(folder: Path) -> list[Path]:
    return sorted(folder.glob("orderdesk-demo-*"))


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_ends_the_demo_and_removes_its_folder(tmp_path: Path, stop: int) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "desktop_app.app", "--demo"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    try:
        line = process.stdout.readline()  # printed once the backend runs
        assert line.startswith("Demo backend:"), process.stderr.read()
        assert len(demo_folders(temp)) == 1  # the demo's data lives there meanwhile
        process.send_signal(stop)
        code = process.wait(timeout=START_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
        errors = process.stderr.read()
        process.stdout.close()
        process.stderr.close()
    assert code == 0, errors
    assert "Traceback" not in errors
    assert demo_folders(temp) == []


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_closing_the_demo_removes_its_folder(qtbot: QtBot, tasks: TaskManager, temp: Path,
                                             tmp_path: Path) -> None:
    session = demo.DemoSession.open(settings_at(tmp_path / "settings.ini"), tasks, "en")
    try:
        with qtbot.waitSignal(session.backendReady, timeout=START_S * 1000) as ready:
            session.show()
        assert ready.args == [True]
        assert len(demo_folders(temp)) == 1
    finally:
        session.close()  # what run_demo_in does once the closed window ends the loop
    assert demo_folders(temp) == []


def test_a_failing_start_removes_its_folder(qapp: object, tasks: TaskManager, temp: Path,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*_args: object, **_kwargs: object) -> Workspace:
        assert len(demo_folders(temp)) == 1
        raise RuntimeError("the window could not be built")

    monkeypatch.setattr(Workspace, "open", failing)
    with pytest.raises(RuntimeError):
        demo.DemoSession.open(settings_at(tmp_path / "settings.ini"), tasks, "en")
    assert demo_folders(temp) == []


def test_a_failing_close_still_removes_the_folder(qtbot: QtBot, tasks: TaskManager,
                                                  temp: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    session = demo.DemoSession.open(settings_at(tmp_path / "settings.ini"), tasks, "en")
    real_close = session.workspace.close

    def failing_close() -> None:
        real_close()
        raise RuntimeError("a window refused to close")

    monkeypatch.setattr(session.workspace, "close", failing_close)
    with pytest.raises(RuntimeError):
        session.close()
    assert demo_folders(temp) == []

"""Issue 12, item 21: `orderdesk --demo` paints its window before the embedded backend's
part begins (importing FastAPI, uvicorn and the PDF library, seeding, starting): those used
to come first and delayed the first paint by seconds. How long it takes is measured in
bench/demo_bench.py; here, in a fresh interpreter, what had happened by the first paint."""

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])  # the app's desktop_application() takes this one up
seen = {}

class Watch(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and not seen
                and watched.window().objectName() == "mainWindow"):
            seen["server"] = sorted(name for name in ("fastapi", "uvicorn", "fpdf",
                                    "desktop_app.server.embedded") if name in sys.modules)
            seen["banner"] = watched.window().indicators.banner_label.text()
            seen["link"] = watched.window().online_label.text()
            QTimer.singleShot(0, app.quit)
        return False

watch = Watch()
app.installEventFilter(watch)
QTimer.singleShot(120_000, app.quit)
from desktop_app.app import main
code = main(["--demo", "--language", "en"])
print("SEEN " + json.dumps(seen), flush=True)
"""


def test_the_demo_window_is_painted_before_the_server_is_imported(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path),
        ORDERDESK_LOG_DIR=str(tmp_path / "log"),
    )
    run = subprocess.run(  # noqa: S603 (our own child script)
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("SEEN ")]
    assert lines, run.stdout + run.stderr[-3000:]
    seen = json.loads(lines[-1].removeprefix("SEEN "))
    assert seen["server"] == []  # nothing of the backend was loaded yet
    assert "Starting the demo backend" in seen["banner"]
    assert "Connecting" in seen["link"]

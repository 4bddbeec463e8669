"""`orderdesk --demo`: how soon the window is painted, and how soon its list is filled.

    python bench/demo_bench.py [--samples 5]

Each sample is a fresh process (QT_QPA_PLATFORM=offscreen unless set, its own settings and
log folder) running `desktop_app.app.main(["--demo"])`, the console entry point. Prints, as
medians over the samples, measured in the same run:
  1. time to first paint: from the child's first line (before Qt and the app are imported)
     to the end of the main window's first paint;
  2. time to the filled list: to the end of the first paint of the order table with rows
     (the embedded backend seeded and started, the demo clerk logged in, the first sync in);
  3. the baseline: a bare QMainWindow + QTableView over a 50-row QStandardItemModel, the
     same clock (as bench/gui_bench.py), and both figures as a ratio of it.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

STARTED = time.perf_counter()  # a child's own clock: before Qt and the app are imported
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

MARKER = "RESULT"
BARE_ROWS = 50
FIRST_PAINT_TARGET_S = 1.0  # README: the window opens at once


def child_bare() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    window = QMainWindow()
    model = QStandardItemModel(BARE_ROWS, 8, window)
    for row in range(BARE_ROWS):
        for column in range(8):
            model.setItem(row, column, QStandardItem(f"Zeile {row} Spalte {column}"))
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1400, 900)
    times = _watch(app, lambda widget: widget is table.viewport() and model.rowCount() > 0)
    _quit_when_filled(app, times)
    window.show()
    app.exec()
    print(
        f"{MARKER} " + json.dumps({"first_paint": times["filled"], "filled": times["filled"]}),
        flush=True,
    )
    os._exit(0)  # the figure is taken: no teardown


def _quit_when_filled(app: "QApplication", times: dict[str, float]) -> None:
    from PySide6.QtCore import QTimer

    poll = QTimer(app)
    poll.timeout.connect(lambda: "filled" in times and app.quit())
    poll.start(5)
    QTimer.singleShot(120_000, app.quit)  # a guard: never hang the benchmark


def child_demo() -> None:
    """The console entry point with a paint watch on the QApplication it will reuse."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([])  # `desktop_application()` takes this one up

    def filled(widget: object) -> bool:
        window = getattr(widget, "window", lambda: None)()
        table, model = getattr(window, "table", None), getattr(window, "model", None)
        return (table is not None and model is not None and widget is table.viewport()
                and model.rowCount() > 0)  # fmt: skip

    def main_window(window: object) -> bool:
        return bool(getattr(window, "objectName", str)() == "mainWindow")

    times = _watch(app, filled, first=main_window)
    _quit_when_filled(app, times)  # the demo closes as after File → Quit
    from desktop_app.app import main

    code = main(["--demo", "--language", "de"])
    if "filled" not in times:
        print(f"NOT FILLED (exit {code})", flush=True)
    print(f"{MARKER} " + json.dumps(times), flush=True)


def _watch(
    app: object, filled: Callable[[object], bool], first: Callable[[object], bool] | None = None
) -> dict[str, float]:
    """Times (s since STARTED) at which the first paint (`first`) and the first filled paint
    (`filled`) ended: a zero timer posted from the paint event runs after paint and flush."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    times: dict[str, float] = {}

    def ended(name: str) -> Callable[[], None]:
        def note() -> None:
            times.setdefault(name, time.perf_counter() - STARTED)

        return note

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                if first is not None and "first_paint" not in times and _in_window(watched, first):
                    QTimer.singleShot(0, ended("first_paint"))
                if "filled" not in times and filled(watched):
                    QTimer.singleShot(0, ended("filled"))
            return False

    watch = Watch()
    app.installEventFilter(watch)  # type: ignore[attr-defined]
    _keep.append(watch)
    return times


_keep: list[object] = []


def _in_window(widget: object, test: Callable[[object], bool]) -> bool:
    window = getattr(widget, "window", None)
    return window is not None and test(window())


def run_child(kind: str, folder: Path) -> dict[str, float]:
    env = dict(
        os.environ,
        XDG_CONFIG_HOME=str(folder / "config"),
        ORDERDESK_LOG_DIR=str(folder / "log"),
        LANG="de_DE.UTF-8",
    )
    run = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", kind],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith(MARKER)]
    if not lines:
        raise RuntimeError(f"the {kind} child failed:\n{run.stdout}\n{run.stderr[-3000:]}")
    result: dict[str, float] = json.loads(lines[-1].removeprefix(MARKER))
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--child", choices=("bare", "demo"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return
    if args.child == "demo":
        child_demo()
        return
    samples = max(3, args.samples)
    bare: list[float] = []
    first: list[float] = []
    filled: list[float] = []
    with tempfile.TemporaryDirectory(prefix="demo-bench-") as name:
        for sample in range(samples):  # interleaved: load on the machine hits both alike
            bare.append(run_child("bare", Path(name) / f"bare-{sample}")["first_paint"])
            demo = run_child("demo", Path(name) / f"demo-{sample}")
            first.append(demo["first_paint"])
            filled.append(demo["filled"])
    base = statistics.median(bare)
    paint, full = statistics.median(first), statistics.median(filled)
    print(f"platform {os.environ['QT_QPA_PLATFORM']}, {samples} samples each (medians)")
    print(
        f"bare QMainWindow + 50-row table, first paint:   {base * 1000:7.0f} ms "
        f"(range {min(bare) * 1000:.0f}-{max(bare) * 1000:.0f})"
    )
    print(
        f"orderdesk --demo, first paint of the window:    {paint * 1000:7.0f} ms "
        f"(range {min(first) * 1000:.0f}-{max(first) * 1000:.0f}) = {paint / base:.1f}x bare"
        f"   target < {FIRST_PAINT_TARGET_S:.0f} s: "
        f"{'met' if paint < FIRST_PAINT_TARGET_S else 'MISSED'}"
    )
    print(
        f"orderdesk --demo, list filled (backend + sync): {full * 1000:7.0f} ms "
        f"(range {min(filled) * 1000:.0f}-{max(filled) * 1000:.0f}) = {full / base:.1f}x bare"
    )


if __name__ == "__main__":
    main()

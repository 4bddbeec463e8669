"""The dashboard over a generated 100,000-order cache: its computation and the GUI thread.

    python bench/dashboard_bench.py [--orders 100000] [--repeat 7]

Prints, measured in the same run: the median ms of `cache.dashboard.dashboard` (all tiles,
the weekly chart, the processing times) against a plain SELECT COUNT(*) FROM orders (the
raw baseline) and their ratio (target < 150 ms); then the longest gap between ticks of a
5 ms timer on the GUI thread while the main window switches to the dashboard and it fills
(target < 50 ms), median and max over the repeats.
"""

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

import itertools

from desktop_app.cache.dashboard import dashboard
from desktop_app.cache.writer import save_catalog
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.dashboard.page import business_today
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from tests.cache import dashboard_data
from tests.gui import orders

TICK_MS = 5
TARGET_MS, STALL_TARGET_MS = 150.0, 50.0


def timed(action: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return times


def longest_stall(window: MainWindow) -> float:
    """Longest gap between 5 ms ticks from showing the dashboard until it has filled."""
    loop, ticks = QEventLoop(), [time.perf_counter()]
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    page = window.dashboard.page
    page.refresh()  # hidden: marks it stale, so showing it reads the cache again
    page.filled.connect(loop.quit)
    timer.start()
    QTimer.singleShot(20, window.dashboard.show_dashboard)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    QTimer.singleShot(50, loop.quit)  # the paint after the fill counts too
    loop.exec()
    timer.stop()
    page.filled.disconnect(loop.quit)
    return max(b - a for a, b in itertools.pairwise(ticks)) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    cache = LiveCache(folder / "cache.sqlite3")
    started = time.perf_counter()
    save_catalog(cache.store, statuses=orders.STATUSES, business_transactions=orders.TRANSACTIONS)
    dashboard_data.fill(cache.store, args.orders, business_today(), carts=500)
    print(f"(generated {args.orders:,} orders in {time.perf_counter() - started:.0f} s)")
    day = business_today()
    with cache.store.session() as session:
        dashboard(session, day)  # warm the page cache as a running app has it
        ours = timed(lambda: dashboard(session, day), args.repeat)
    raw = sqlite3.connect(folder / "cache.sqlite3")
    baseline = timed(lambda: raw.execute("SELECT COUNT(*) FROM orders").fetchall(), args.repeat)
    raw.close()
    mine, base = statistics.median(ours), statistics.median(baseline)
    print(f"dashboard computed: median {mine:.1f} ms of {args.repeat} runs (min {min(ours):.1f},"
          f" max {max(ours):.1f}); COUNT(*) baseline {base:.2f} ms; ratio {mine / base:.0f}x;"
          f" target < {TARGET_MS:.0f} ms: {'met' if mine < TARGET_MS else 'MISSED'}")
    tasks = TaskManager()
    window = MainWindow(cache, "de", QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat),
                        None, tasks)
    window.resize(1400, 900)
    window.show()
    loop = QEventLoop()
    window.ordersLoaded.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    stalls = []
    for _ in range(args.repeat):
        window.dashboard.show_list()
        QTimer.singleShot(200, loop.quit)  # the list's own repaint is not the dashboard's
        loop.exec()
        stalls.append(longest_stall(window))
    print(f"GUI stall while the dashboard opens and fills: median {statistics.median(stalls):.1f}"
          f" ms, max {max(stalls):.1f} ms of {args.repeat} openings; target < "
          f"{STALL_TARGET_MS:.0f} ms: {'met' if max(stalls) < STALL_TARGET_MS else 'MISSED'}")
    window.close()
    tasks.shutdown()
    cache.close()
    del app


if __name__ == "__main__":
    main()

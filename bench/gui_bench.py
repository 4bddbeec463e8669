"""The main window with 100,000 cached orders: start, search, PageDown, a full sync, memory.

    python bench/gui_bench.py [--orders 100000] [--samples 5] [--keystrokes 15] [--pages N]
                              [--idle 60] [--skip-sync] [--keep-cache FILE]

Runs offscreen unless QT_QPA_PLATFORM says otherwise. Prints, measured in the same run, each
row beside its target, its same-run baseline and "met"/"MISSED":
  1. cold start to the first painted order list: a fresh process per sample, wall time from
     starting the interpreter to the end of the table's first paint with rows, against a bare
     QMainWindow + QTableView over a 50-row QStandardItemModel (medians, and their ratio);
  2. search as you type: key press in the search field to the end of the repaint showing its
     result (no debounce: the query runs on the key press), one letter at a time and a second
     letter typed while the first one's list still loads (its query is interrupted); a
     status-filter change likewise; baseline: a bare QLineEdit filtering a 50-row table;
  3. PageDown from the first row to the last (or --pages times): key press to the end of the
     repaint, median and max per page, against a bare 100,000-row QTableView;
  4. the longest GUI-thread stall (gap between ticks of a 5 ms timer) during a full background
     sync of the orders from a reference server process, refresh_after_sync included;
  5. the peak memory (ru_maxrss) of that process after the sync, and its resident memory
     after --idle seconds (default a minute) of an idle window following the sync (baseline:
     the window before the sync).
"""

import argparse
import gc
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()  # a child's own clock: before Qt and the app are imported
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget  # noqa: E402

MARKER = "PAINTED"
TICK_MS = 5
BARE_ROWS = 50
LETTERS = "mbkwnasgectivpz"
USER = "u-1"
START_TARGET_S, START_RATIO, STALL_TARGET_MS, MEMORY_TARGET_MB = 0.6, 3.0, 50.0, 300.0
SEARCH_MEDIAN_MS, SEARCH_MAX_MS = 100.0, 150.0  # issue 16: key press to repainted view
# PageDown: a page within a 60 Hz frame typically, never a stall the GUI-stall target forbids.
PAGE_MEDIAN_MS, PAGE_MAX_MS = 16.0, 50.0
IDLE_TARGET_MB = 250.0  # after a minute idle following the sync: within the peak target


# --- shared helpers ----------------------------------------------------------------------------


class PaintWatch(QObject):
    """`done_at`: when the first paint of one of `widgets` after `arm()` (with `ready()` true)
    has finished (a zero timer posted from the paint event runs after the paint and flush)."""

    def __init__(self, widgets: Sequence[QWidget], ready: Callable[[], bool]) -> None:
        super().__init__()
        self.ready = ready
        self._armed = True
        self.done_at: float | None = None
        for widget in widgets:
            widget.installEventFilter(self)

    def arm(self) -> None:
        self._armed, self.done_at = True, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._armed and event.type() == QEvent.Type.Paint and self.ready():
            self._armed = False
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self.done_at = time.perf_counter()


class TimerWatch:
    """When a QTimer fired: a slot connected ahead of the timer's other receivers (an event
    filter on the timer would see it earlier, but PySide6 6.12 crashes on QTimerEvent there)."""

    def __init__(self, timer: QTimer, receivers: Sequence[Callable[[], None]]) -> None:
        self.fired_at: float | None = None
        for receiver in receivers:
            timer.timeout.disconnect(receiver)
        timer.timeout.connect(self._fired)
        for receiver in receivers:
            timer.timeout.connect(receiver)

    def _fired(self) -> None:
        self.fired_at = time.perf_counter()


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until `condition()` (polled every millisecond) or the timeout.
    A local QEventLoop, not a processEvents() loop: PySide6 6.12's processEvents() leaks a
    reference to None per call, and a few thousand calls abort the interpreter."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.setInterval(1)

    def check() -> None:
        if condition() or time.perf_counter() > deadline:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()
    return condition()


def settings_at(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


# --- children ------------------------------------------------------------------------------


def child_bare() -> None:
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
    painted(app, window, table, model.rowCount)


def child_app(cache_path: Path, settings_path: Path) -> None:
    from desktop_app.gui.common.tasks import TaskManager
    from desktop_app.gui.overview.main_window import MainWindow
    from desktop_app.sync.live_cache import LiveCache

    app = QApplication([])
    cache = LiveCache(cache_path)
    window = MainWindow(cache, "de", settings_at(settings_path), USER, TaskManager(app))
    painted(app, window, window.table, window.model.rowCount)


def painted(
    app: QApplication, window: QMainWindow, table: QTableView, rows: Callable[[], int]
) -> None:
    watch = PaintWatch([table.viewport()], lambda: rows() > 0)
    window.show()
    if not wait_until(lambda: watch.done_at is not None, 60):
        print("NOT PAINTED", flush=True)
        os._exit(1)
    assert watch.done_at is not None
    print(f"{MARKER} {(watch.done_at - STARTED) * 1000:.1f} {rows()}", flush=True)
    os._exit(0)  # the figure is taken: no teardown


def resident_mb() -> float:
    """The process's resident memory now (VmRSS), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_sync(api: str, folder: Path, idle_s: float) -> None:
    """Empty cache, main window, sync controller; ticks of a 5 ms timer until the round ends,
    then `idle_s` seconds of an idle window (the event loop running) before the memory now."""
    from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore
    from desktop_app.cache.paths import documents_dir
    from desktop_app.gui.account.sync_controller import SyncController
    from desktop_app.gui.common.tasks import TaskManager
    from desktop_app.gui.overview.main_window import MainWindow
    from desktop_app.server.seed import DEMO_PASSWORD
    from desktop_app.sync.live_cache import LiveCache

    spans: dict[str, float] = {}

    class TimedWindow(MainWindow):
        def refresh_after_sync(self) -> None:
            spans["refresh_start"] = time.perf_counter()
            super().refresh_after_sync()
            spans["refresh_end"] = time.perf_counter()

    app = QApplication([])
    api_settings = ApiSettings(base_url=api)
    auth = AuthSession(api_settings, NoTokenStore())
    auth.login("anna.berger", DEMO_PASSWORD)  # provider staff: sees every order
    client = ApiClient(api_settings, auth)
    cache_path = folder / "sync-cache.sqlite3"
    cache = LiveCache(cache_path)
    tasks = TaskManager(app)
    window = TimedWindow(cache, "de", settings_at(folder / "sync-settings.ini"), USER, tasks)
    sync = SyncController(window, client, cache, documents_dir(cache_path), tasks, "de")
    window.show()
    gc.freeze()  # as Workspace.show() does
    wait_until(lambda: False, 0.3)  # the window settles before the clock starts
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    outcome: dict[str, Any] = {"rss_before_mb": resident_mb()}

    def idle_done() -> None:
        gc.collect()  # as any later allocation would trigger it
        outcome["rss_idle_mb"] = resident_mb()
        app.quit()

    def finished(ok: bool) -> None:
        spans["end"] = time.perf_counter()
        outcome["ok"] = ok
        outcome["rss_end_mb"] = resident_mb()
        QTimer.singleShot(20, ticker.stop)  # a few more ticks after the end
        QTimer.singleShot(int(idle_s * 1000), idle_done)

    sync.syncFinished.connect(finished)
    ticker.start()
    spans["start"] = time.perf_counter()
    ticks.append(spans["start"])
    sync.start()
    QTimer.singleShot(900_000, app.quit)  # a guard: never hang the benchmark
    app.exec()
    ticker.stop()
    gaps = [(b - a, a) for a, b in itertools.pairwise(ticks)]
    longest, longest_at = max(gaps)

    def phase(at: float) -> str:
        if "refresh_start" not in spans or at < spans["refresh_start"] - 0.001:
            return "change feed"
        if at <= spans["refresh_end"]:
            return "refresh_after_sync"
        return "documents"

    def phase_max(name: str) -> float:
        return max((gap for gap, at in gaps if phase(at) == name), default=0.0) * 1000

    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "ok": outcome.get("ok", False), "rows": window.model.rowCount(),
        "sync_s": spans.get("end", time.perf_counter()) - spans["start"],
        "feed_s": spans.get("refresh_start", spans["start"]) - spans["start"],
        "refresh_ms": (spans.get("refresh_end", 0.0) - spans.get("refresh_start", 0.0)) * 1000,
        "longest_ms": longest * 1000, "longest_phase": phase(longest_at),
        "longest_at_s": longest_at - spans["start"],
        "p99_ms": percentile([gap for gap, _ in gaps], 0.99) * 1000,
        "ticks": len(ticks), "rss_mb": rss_kb / 1024,
        "max_feed_ms": phase_max("change feed"), "max_refresh_ms": phase_max("refresh_after_sync"),
        "max_documents_ms": phase_max("documents"),
        "over_target": sum(1 for gap, _ in gaps if gap * 1000 > STALL_TARGET_MS),
        "rss_before_mb": outcome["rss_before_mb"], "rss_end_mb": outcome.get("rss_end_mb"),
        "rss_idle_mb": outcome.get("rss_idle_mb"), "idle_s": idle_s,
    }  # fmt: skip
    print("RESULT " + json.dumps(result), flush=True)
    sync.shutdown()
    client.close()
    os._exit(0)


# --- the parent ----------------------------------------------------------------------------


def fill_cache(path: Path, count: int) -> None:
    from desktop_app.cache.store import CacheStore
    from desktop_app.cache.writer import begin_bulk_load, finish_bulk_load
    from tests.gui import orders

    store = CacheStore(path)
    begin_bulk_load(store)  # as the sync fills an empty cache
    for start in range(0, count, 10_000):
        orders.fill(store, orders.generated(min(10_000, count - start), seed=start,
                                            first=start + 1))  # fmt: skip
    finish_bulk_load(store)
    store.dispose()


def one_start(arguments: list[str]) -> tuple[float, float]:
    """(wall s from spawning the interpreter to the marker, the child's own s)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), *arguments],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT)  # fmt: skip
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(MARKER):
            wall = time.perf_counter() - started
            process.wait(timeout=60)
            _, own_ms, rows = line.split()
            assert int(rows) > 0, line
            return wall, float(own_ms) / 1000
    process.wait(timeout=60)
    raise RuntimeError(f"the child {arguments} never painted")


def cold_start(cache: Path, folder: Path, samples: int, orders: int) -> None:
    bare_args = ["--child", "bare"]
    app_args = ["--child", "app", "--cache", str(cache)]
    bare, app = [], []
    for sample in range(samples + 1):  # the first pair warms the disk cache, not counted
        settings = folder / f"start-{sample}.ini"  # a first start: no stored layout
        bare_run = one_start(bare_args)
        app_run = one_start([*app_args, "--settings", str(settings)])
        if sample:
            bare.append(bare_run)
            app.append(app_run)
    bare_wall, bare_own = median([w for w, _ in bare]), median([o for _, o in bare])
    app_wall, app_own = median([w for w, _ in app]), median([o for _, o in app])
    ratio = app_wall / bare_wall
    print(
        f"cold start, bare QMainWindow+QTableView ({BARE_ROWS} rows): {bare_wall * 1000:7.0f} ms"
        f"  (in-process {bare_own * 1000:.0f} ms)"
    )
    print(
        f"cold start, main window, {orders:,} cached orders: {app_wall * 1000:7.0f} ms"
        f"  (in-process {app_own * 1000:.0f} ms)   target < {START_TARGET_S * 1000:.0f} ms:"
        f" {verdict(app_wall < START_TARGET_S)}"
    )
    print(
        f"cold start ratio main / bare: {ratio:5.2f}x   target <= {START_RATIO:.0f}x:"
        f" {verdict(ratio <= START_RATIO)}"
    )
    print(
        f"  (medians of {samples} fresh processes each; all wall times from spawning the "
        "interpreter to the end of the first paint with rows)"
    )


class Installed:
    """Set when the list loader installs a result (first rows or the whole list)."""

    def __init__(self, window: Any) -> None:
        self.at: float | None = None
        window.loader.firstRowsShown.connect(self._mark)
        window.loader.listLoaded.connect(self._mark)

    def _mark(self, *_args: object) -> None:
        self.at = time.perf_counter() if self.at is None else self.at


def bare_search_baseline(keystrokes: int) -> list[float]:
    """Key press to repainted view in a bare QLineEdit + QTableView (a 50-row model filtered by
    a QSortFilterProxyModel on every key press): what Qt itself costs in this run, under this
    machine's load."""
    from PySide6.QtCore import QSortFilterProxyModel

    window = QMainWindow()
    holder = QWidget(window)
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    layout = QVBoxLayout(holder)
    edit = QLineEdit(holder)
    model = QStandardItemModel(BARE_ROWS, 8, window)
    for row in range(BARE_ROWS):
        for column in range(8):
            model.setItem(row, column, QStandardItem(f"{row:03} {LETTERS[row % 15]}"))  # one letter
    proxy = QSortFilterProxyModel(window)
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    table = QTableView(holder)
    table.setModel(proxy)
    layout.addWidget(edit)
    layout.addWidget(table)
    window.setCentralWidget(holder)
    window.resize(1400, 900)
    edit.textChanged.connect(proxy.setFilterFixedString)
    watch = PaintWatch([table.viewport()], lambda: True)
    window.show()
    assert wait_until(lambda: watch.done_at is not None, 30)
    edit.setFocus()
    times: list[float] = []
    for letter in (LETTERS * 2)[:keystrokes]:
        edit.clear()
        wait_until(lambda: False, 0.05)
        watch.arm()
        pressed = time.perf_counter()
        QTest.keyClicks(edit, letter)
        assert wait_until(lambda: watch.done_at is not None, 5)
        assert watch.done_at is not None
        times.append((watch.done_at - pressed) * 1000)
    window.close()
    return times


def filtering(cache_path: Path, folder: Path, keystrokes: int, pages: int | None) -> None:
    from desktop_app.gui.common.tasks import TaskManager
    from desktop_app.gui.overview.main_window import MainWindow
    from desktop_app.sync.live_cache import LiveCache

    app = QApplication.instance() or QApplication([])
    bare_keys = bare_search_baseline(keystrokes)
    cache = LiveCache(cache_path)
    window = MainWindow(cache, "de", settings_at(folder / "filter.ini"), USER, TaskManager(app))
    model, bar = window.model, window.filter_bar
    installed = Installed(window)
    watch = PaintWatch([window.table.viewport(), window.empty_label], lambda: True)
    window.show()
    assert wait_until(lambda: watch.done_at is not None, 30)
    assert wait_until(lambda: not model.is_partial, 30)  # the rest of the first list is in
    total = model.rowCount()
    watch.ready = lambda: installed.at is not None  # only paints of the new list count
    window.search_edit.setFocus()

    def settle_all() -> None:
        if window.search_edit.text() or bar.status.currentIndex():
            window.search_edit.clear()
            bar.status.setCurrentIndex(0)
            assert wait_until(lambda: model.rowCount() == total and not model.is_partial, 10)
        wait_until(lambda: False, 0.05)

    def one_key(letter: str) -> float:
        """ms from the key press to the end of the repaint showing that key's result."""
        installed.at = None
        watch.arm()
        pressed = time.perf_counter()
        QTest.keyClicks(window.search_edit, letter)
        assert wait_until(lambda: watch.done_at is not None, 10), letter
        assert watch.done_at is not None
        return (watch.done_at - pressed) * 1000

    keys: list[float] = []
    counts: list[int] = []
    for letter in (LETTERS * 2)[:keystrokes]:
        settle_all()
        keys.append(one_key(letter))
        assert wait_until(lambda: not model.is_partial, 10)
        counts.append(model.matching_count)
    # Typing on: the second letter arrives while the first one's whole list is still read
    # (the stale query is interrupted); key press to the second letter's repainted list.
    second_keys: list[float] = []
    pairs = [("m", "a"), ("b", "e"), ("k", "u"), ("w", "i"), ("n", "o")]
    for first, second in itertools.islice(itertools.cycle(pairs), keystrokes):
        settle_all()
        one_key(first)
        second_keys.append(one_key(second))
    status_times: list[float] = []
    codes = list(range(1, bar.status.count()))
    settle_all()
    for step in range(keystrokes):
        target = codes[step % len(codes)] if step % 2 == 0 else 0
        installed.at = None
        watch.arm()
        changed = time.perf_counter()
        bar.status.setCurrentIndex(target)
        assert wait_until(lambda: watch.done_at is not None, 10)
        assert watch.done_at is not None
        status_times.append((watch.done_at - changed) * 1000)
        assert wait_until(lambda: not model.is_partial, 10)
        wait_until(lambda: False, 0.05)
    bare = median(bare_keys)

    def row(label: str, values: Sequence[float]) -> None:
        middle, most = median(values), max(values)
        met = middle <= SEARCH_MEDIAN_MS and most <= SEARCH_MAX_MS
        print(
            f"{label}: median {middle:6.1f} ms, max {most:6.1f} ms   target median <= "
            f"{SEARCH_MEDIAN_MS:.0f}, max <= {SEARCH_MAX_MS:.0f} ms; bare Qt baseline median "
            f"{bare:.1f} ms ({middle / bare:.1f}x): {verdict(met)}"
        )

    row("search key press to repainted view (no debounce)", keys)
    row("search, typing on (second key while the first's list loads)", second_keys)
    row("status-filter change to repainted view", status_times)
    print(
        f"  (medians of {len(keys)} one-letter searches over {total:,} orders, "
        f"{min(counts):,}..{max(counts):,} matches, {len(second_keys)} two-letter words and "
        f"{len(status_times)} status changes; bare baseline: {len(bare_keys)} key presses)"
    )
    settle_all()
    page_down(window.table, total, pages, "main window")
    window.close()
    cache.close()


def bare_table(rows: int) -> tuple[QMainWindow, QTableView]:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex

    class Rows(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
            return 0 if parent.isValid() else rows

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
            return 0 if parent.isValid() else 8

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Zeile {index.row()} Spalte {index.column()}"
            return None

    window = QMainWindow()
    table = QTableView(window)
    table.setModel(Rows(table))
    window.setCentralWidget(table)
    window.resize(1400, 900)
    window.show()
    return window, table


def page_through(table: QTableView, pages: int | None) -> list[float]:
    """PageDown from the first row to the last (or `pages` times): ms from each key press to
    the end of the repaint it caused."""
    model = table.model()
    watch = PaintWatch([table.viewport()], lambda: True)
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    table.scrollToTop()
    wait_until(lambda: False, 0.2)
    times: list[float] = []
    last = model.rowCount() - 1
    while table.currentIndex().row() < last and (pages is None or len(times) < pages):
        watch.arm()
        pressed = time.perf_counter()
        QTest.keyClick(table, Qt.Key.Key_PageDown)
        assert wait_until(lambda: watch.done_at is not None, 10)
        assert watch.done_at is not None
        times.append((watch.done_at - pressed) * 1000)
    return times


def page_down(table: QTableView, total: int, pages: int | None, label: str) -> None:
    shown = page_through(table, pages)
    bare_window, bare = bare_table(total)
    assert wait_until(lambda: bare.viewport().isVisible(), 5)
    baseline = page_through(bare, len(shown))
    bare_window.close()
    middle, most = median(shown), max(shown)
    met = middle <= PAGE_MEDIAN_MS and most <= PAGE_MAX_MS
    print(
        f"PageDown through {total:,} rows, {label}: repaint per page median {middle:5.1f} ms, "
        f"max {most:5.1f} ms   target median <= {PAGE_MEDIAN_MS:.0f}, max <= "
        f"{PAGE_MAX_MS:.0f} ms; bare 100,000-row QTableView baseline median "
        f"{median(baseline):.1f} ms, max {max(baseline):.1f} ms "
        f"({middle / median(baseline):.1f}x): {verdict(met)}"
    )
    print(f"  (medians of {len(shown)} pages, baseline {len(baseline)} pages)")


def start_server(url: str) -> tuple[subprocess.Popen[bytes], str]:
    import requests
    from desktop_app.server.embedded import free_port

    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_app.server.cli",
            "--database",
            url,
            "--port",
            str(port),
            "--simulator-interval",
            "0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if requests.get(base + "/api/v1/health", timeout=1).ok:
                return process, base + "/api/v1"
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the reference server did not start")


def full_sync(folder: Path, orders: int, idle_s: float) -> None:
    from desktop_app.server.database import Database
    from desktop_app.server.seed import seed_generated

    url = f"sqlite:///{folder / 'server.sqlite3'}"
    started = time.perf_counter()
    database = Database(url)
    seed_generated(database, orders)
    database.dispose()
    print(f"  (seeded {orders:,} orders on the server in {time.perf_counter() - started:.0f} s)")
    process, api = start_server(url)
    try:
        run = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child", "sync", "--api", api,
             "--folder", str(folder), "--idle", str(idle_s)], capture_output=True, text=True,
            cwd=ROOT, timeout=1200 + idle_s, check=False)  # fmt: skip
    finally:
        process.terminate()
        process.wait(timeout=30)
    lines = [line for line in run.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        raise RuntimeError(f"the sync child failed:\n{run.stdout}\n{run.stderr[-3000:]}")
    result = json.loads(lines[-1].removeprefix("RESULT "))
    longest, p99 = result["longest_ms"], result["p99_ms"]
    print(
        f"full sync of {orders:,} orders: {result['sync_s']:.1f} s (change feed "
        f"{result['feed_s']:.1f} s, refresh_after_sync {result['refresh_ms']:.0f} ms), "
        f"{result['rows']:,} rows listed, ok={result['ok']}"
    )
    print(
        f"GUI stall during the sync, longest gap of {TICK_MS} ms ticks: {longest:6.1f} ms "
        f"(in {result['longest_phase']}, at {result['longest_at_s']:.1f} s)"
        f"   target < {STALL_TARGET_MS:.0f} ms: {verdict(longest < STALL_TARGET_MS)}"
    )
    print(
        f"GUI stall during the sync, 99th percentile gap: {p99:6.1f} ms; gaps over "
        f"{STALL_TARGET_MS:.0f} ms: {result['over_target']} of {result['ticks']:,}; longest "
        f"per phase: feed {result['max_feed_ms']:.0f}, refresh {result['max_refresh_ms']:.0f},"
        f" documents {result['max_documents_ms']:.0f} ms"
    )
    rss = result["rss_mb"]
    print(
        f"peak memory (ru_maxrss) after the sync: {rss:6.0f} MB"
        f"   target < {MEMORY_TARGET_MB:.0f} MB: {verdict(rss < MEMORY_TARGET_MB)}"
    )
    idle, before = result["rss_idle_mb"], result["rss_before_mb"]
    if idle is None:
        print("memory after the idle minute: not measured (the sync child ended early)")
        return
    print(
        f"memory (VmRSS) after {result['idle_s']:.0f} s idle following the sync: {idle:6.0f} MB"
        f" (at the sync's end {result['rss_end_mb']:.0f} MB)   target < {IDLE_TARGET_MB:.0f}"
        f" MB; same-run baseline: the window before the sync {before:.0f} MB "
        f"(+{idle - before:.0f} MB): {verdict(idle < IDLE_TARGET_MB)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--keystrokes", type=int, default=15)
    parser.add_argument("--pages", type=int, help="PageDown at most this often (default: "
                        "to the last row)")
    parser.add_argument("--skip-sync", action="store_true", help="cold start and filters only")
    parser.add_argument("--keep-cache", type=Path, metavar="FILE",
                        help="fill the cache there once and reuse it in later runs")
    parser.add_argument("--child", choices=("bare", "app", "sync"), help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--settings", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--idle", type=float, default=60.0,
                        help="seconds idle after the sync before the memory is read")
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
    elif args.child == "app":
        child_app(args.cache, args.settings)
    elif args.child == "sync":
        child_sync(args.api, args.folder, args.idle)
    with tempfile.TemporaryDirectory(prefix="gui-bench-") as name:
        folder = Path(name)
        cache = args.keep_cache or folder / "cache.sqlite3"
        started = time.perf_counter()
        if not cache.exists():
            fill_cache(cache, args.orders)
            print(f"  (filled a cache with {args.orders:,} orders in "
                  f"{time.perf_counter() - started:.0f} s)")  # fmt: skip
        print(f"  (cache {cache}; platform {os.environ['QT_QPA_PLATFORM']})")
        cold_start(cache, folder, args.samples, args.orders)
        filtering(cache, folder, args.keystrokes, args.pages)
        if not args.skip_sync:
            full_sync(folder, args.orders, args.idle)


if __name__ == "__main__":
    main()

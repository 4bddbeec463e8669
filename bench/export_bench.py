"""Export of the order list (issue 14): 100,000 cached orders as CSV and as XLSX, against the
raw writers in the same run.

    python bench/export_bench.py [--orders 100000] [--repeat 3]

Each export runs as File → Export list does (desktop_app/gui/overview/list_export.py): one
ordered scan of the shown fields in the list's filter and sort (queries.order_export_rows),
read in chunks, each column's formatter, the writer and the atomic rename. The baselines
write the same rows with the bare libraries: the csv module writing the already formatted
texts from memory, and XlsxWriter in constant-memory mode writing the values (labels applied)
with write_row (no formats, no widths). Prints the medians, the ratios
and the peak memory growth of one more run of each (Python's allocations by tracemalloc, and
the process's peak RSS where Linux can reset it), with the targets: CSV < 5 s, XLSX < 10 s,
memory growth < 100 MB.
"""

import argparse
import csv
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from desktop_app.cache.queries import OrderFilter, OrderSort
from desktop_app.cache.store import CacheStore
from desktop_app.export.cells import formats_for
from desktop_app.export.csv_file import csv_cells, write_csv
from desktop_app.export.order_rows import order_rows
from desktop_app.export.xlsx_file import write_xlsx
from desktop_app.gui.overview.list_export import export_table
from desktop_app.gui.overview.order_columns import OrderColumn, OrderLabels

from cache_queries_bench import generate  # bench/ is the script folder: sys.path[0]

TARGETS = {"csv": 5.0, "xlsx": 10.0}
MEMORY_TARGET_MB = 100.0
_PROC = Path("/proc/self")


def _rss_peak_kb() -> int | None:
    try:
        for line in (_PROC / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_rss_peak() -> bool:
    try:
        (_PROC / "clear_refs").write_text("5")  # Linux: the peak RSS starts again from now
    except OSError:
        return False
    return True


def _rss_kb() -> int:
    for line in (_PROC / "status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        store = CacheStore(folder / "cache.sqlite3")
        started = time.perf_counter()
        generate(store, args.orders)
        print(f"cache with {args.orders:,} orders in {time.perf_counter() - started:.1f} s")
        with store.session() as session:
            labels = OrderLabels.load(session, "de")
        columns, fields = export_table(list(OrderColumn), labels)
        formats = formats_for("de")

        def export(kind: str) -> int:
            rows = order_rows(store, OrderFilter(), OrderSort(), fields=fields).rows
            if kind == "csv":
                return write_csv(folder / "orders.csv", columns, rows, formats)
            return write_xlsx(folder / "orders.xlsx", columns, rows, formats, "Aufträge")

        # The same rows, read once and kept in memory for the baselines.
        rows = [tuple((column.labels or {}).get(value, value) for column, value
                      in zip(columns, row, strict=True))
                for row in order_rows(store, OrderFilter(), OrderSort(), fields=fields).rows]
        texts = list(map(csv_cells(columns, formats), rows))

        def raw_csv() -> int:
            with (folder / "raw.csv").open("w", encoding="utf-8-sig", newline="") as stream:
                writer = csv.writer(stream, delimiter=";")
                writer.writerow([column.header for column in columns])
                writer.writerows(texts)
            return len(texts)

        def raw_xlsx() -> int:
            book = xlsxwriter.Workbook(str(folder / "raw.xlsx"), {"constant_memory": True,
                                                                  "remove_timezone": True})
            sheet = book.add_worksheet()
            sheet.write_row(0, 0, [column.header for column in columns])
            for line, row in enumerate(rows, start=1):
                sheet.write_row(line, 0, row)
            book.close()
            return len(rows)

        def median(work: Callable[[], int]) -> float:
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                assert work() == args.orders
                times.append(time.perf_counter() - started)
            return statistics.median(times)

        print(f"medians of {args.repeat} runs, {len(columns)} columns:")
        results = {}
        for kind, baseline in (("csv", raw_csv), ("xlsx", raw_xlsx)):
            ours, raw = median(partial(export, kind)), median(baseline)
            results[kind] = ours
            verdict = "ok" if ours < TARGETS[kind] else "OVER TARGET"
            print(f"  {kind:4}  export {ours:6.2f} s   raw {raw:6.2f} s   ratio {ours / raw:5.2f}"
                  f"   target < {TARGETS[kind]:.0f} s: {verdict}")
        for kind in ("csv", "xlsx"):
            reset = _reset_rss_peak()
            rss_before = _rss_kb()
            tracemalloc.start()
            export(kind)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            peak_mb = peak / 2**20
            rss_peak = _rss_peak_kb()
            rss = (f"{(rss_peak - rss_before) / 1024:6.1f} MB" if reset and rss_peak
                   else "  n/a")
            verdict = "ok" if peak_mb < MEMORY_TARGET_MB else "OVER TARGET"
            print(f"  {kind:4}  peak memory growth: Python {peak_mb:6.1f} MB, process RSS {rss}"
                  f"   target < {MEMORY_TARGET_MB:.0f} MB: {verdict}")
        store.dispose()


if __name__ == "__main__":
    main()

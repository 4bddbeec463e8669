"""The confirmation letter as PDF: one order, the 60-item order, and a batch of 100.

    python bench/documents_bench.py [--repeat 15] [--batch 100]

Prints medians in ms and the ratio against a baseline measured in the same run: a plain
one-page QTextDocument (a few paragraphs) printed to a QPdfWriter, i.e. what Qt alone needs
to make a one-page PDF. Targets: one confirmation under 150 ms, 100 in a batch under 10 s
(the batch runs the GUI's export worker function on a worker thread, as the app does).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_app.cache.store import CacheStore
from desktop_app.documents.output import PDF_RESOLUTION, confirmation_pdf, transaction_labels
from desktop_app.documents.pages import A4_LAYOUT
from desktop_app.gui.common.tasks import Lane, Operation, TaskManager
from desktop_app.gui.documents.confirmation_batch import BatchResult, export_confirmations
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QThreadPool
from PySide6.QtGui import QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from tests.documents import support


def baseline_pdf() -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(A4_LAYOUT)
    writer.setResolution(PDF_RESOLUTION)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setHtml("<h1>Auftrag</h1>" + "<p>Vielen Dank für Ihren Auftrag.</p>" * 8)
    document.print_(writer)
    del writer
    return bytes(data.data())


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm-up: fonts, template compilation
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        store = CacheStore(Path(folder) / "cache.sqlite3")
        batch_ids = [f"order-{n:06d}" for n in range(100, 100 + args.batch)]
        support.fill(store, [support.short_order(), support.long_order(),
                             *(support.short_order(n) for n in range(100, 100 + args.batch))])
        with store.session() as session:
            labels = transaction_labels(session)
        short = support.detail_of(store, "order-000001")
        long = support.detail_of(store, "order-000002")
        base = median_ms(baseline_pdf, args.repeat)
        one = median_ms(lambda: confirmation_pdf(short, "de", labels), args.repeat)
        sixty = median_ms(lambda: confirmation_pdf(long, "de", labels), max(args.repeat // 3, 3))
        pages = confirmation_pdf(long, "de", labels)[1]
        print(f"baseline: plain 1-page QTextDocument -> PDF     {base:8.1f} ms")
        print(f"one confirmation (1 page), median of {args.repeat:<3}     {one:8.1f} ms"
              f"  ({one / base:.1f}x baseline; target < 150 ms: "
              f"{'met' if one < 150 else 'MISSED'})")
        print(f"60-item confirmation ({pages} pages)               {sixty:8.1f} ms"
              f"  ({sixty / base:.1f}x baseline)")

        tasks = TaskManager()
        group = tasks.group(None, Lane.CACHE)
        results: list[BatchResult] = []
        start = time.perf_counter()
        Operation(lambda cancel, report: export_confirmations(
            store, batch_ids, Path(folder) / "batch", "de", cancel, report)).on_success(
            results.append).run_in(group)
        while not results:
            app.processEvents()
            time.sleep(0.005)
        batch = time.perf_counter() - start
        tasks.shutdown()
        QThreadPool.globalInstance().waitForDone()
        written = len(results[0].written)
        per = batch * 1000 / written
        print(f"batch of {written} PDFs on a worker (files on disk)  {batch:8.2f} s"
              f"  ({per:.1f} ms each = {per / base:.1f}x baseline; target < 10 s: "
              f"{'met' if batch < 10 else 'MISSED'})")
        store.dispose()


if __name__ == "__main__":
    main()

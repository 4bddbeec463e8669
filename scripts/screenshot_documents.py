"""Screenshots and sample PDFs of the confirmation documents, on the reference server's data.

    xvfb-run -a python scripts/screenshot_documents.py [OUTPUT_DIR] [--language de|en]

Seeds the demo backend, syncs it into a temporary cache and, for the demo order with the most
item rows, saves in OUTPUT_DIR (default `screenshots/`): `confirmation-<lang>.pdf` (the local
letter) with `confirmation-<lang>-<page>.png` (needs pdftoppm), `backend-confirmation.pdf`
(the server's), `documents-box-<lang>.png` (the detail panel's documents box in the main
window) and `pdf-viewer-<lang>.png` (the backend's confirmation in the in-app viewer).
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, even when another one is installed

from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore  # noqa: E402
from desktop_app.cache import queries  # noqa: E402
from desktop_app.cache.records import OrderDetail  # noqa: E402
from desktop_app.documents.output import save_confirmation_pdf, transaction_labels  # noqa: E402
from desktop_app.gui.common.formatting import locale_for  # noqa: E402
from desktop_app.gui.common.tasks import TaskManager  # noqa: E402
from desktop_app.gui.documents.pdf_viewer import PdfViewerDialog  # noqa: E402
from desktop_app.gui.overview.main_window import MainWindow  # noqa: E402
from desktop_app.server.database import Database  # noqa: E402
from desktop_app.server.embedded import EmbeddedServer  # noqa: E402
from desktop_app.server.seed import DEMO_PASSWORD, seed_demo  # noqa: E402
from desktop_app.server.settings import ServerSettings  # noqa: E402
from desktop_app.sync.catalog import sync_catalog  # noqa: E402
from desktop_app.sync.changes import ChangeSync  # noqa: E402
from desktop_app.sync.live_cache import LiveCache  # noqa: E402
from PySide6.QtCore import QLocale, QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QGroupBox, QScrollArea  # noqa: E402


def demo(folder: Path) -> tuple[LiveCache, bytes, OrderDetail]:
    url = f"sqlite:///{folder / 'server.sqlite3'}"
    database = Database(url)
    seed_demo(database)
    database.dispose()
    server = EmbeddedServer.start(ServerSettings(database_url=url, simulator_interval=0))
    settings = ApiSettings(base_url=server.api)
    auth = AuthSession(settings, NoTokenStore())
    auth.login("max.nord", DEMO_PASSWORD)
    client = ApiClient(settings, auth)
    cache = LiveCache(folder / "cache.sqlite3")
    try:
        ChangeSync(client, cache).run()
        sync_catalog(client, cache)
        with cache.store.session() as session:
            ids = queries.order_ids(session, queries.OrderFilter(), queries.OrderSort())
            details = [d for i in ids if (d := queries.order_detail(session, i)) is not None]
        detail = max(details, key=lambda d: sum(1 + len(i.options) for i in d.items))
        confirmation = next(d for d in detail.documents if d.kind == "confirmation")
        backend_pdf = client.document(confirmation.id)[0]
    finally:
        client.close()
        server.stop()
    return cache, backend_pdf, detail


def shoot(app: QApplication, cache: LiveCache, backend_pdf: bytes, detail: OrderDetail,
          output: Path, language: str) -> list[Path]:
    saved: list[Path] = []
    with cache.store.session() as session:
        labels = transaction_labels(session)
    letter = output / f"confirmation-{language}.pdf"
    save_confirmation_pdf(detail, letter, "en" if language == "en" else "de", labels)
    (output / "backend-confirmation.pdf").write_bytes(backend_pdf)
    saved += [letter, output / "backend-confirmation.pdf"]
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:  # a fixed tool with our own file names as arguments
        subprocess.run([pdftoppm, "-png", "-r", "70", str(letter),
                        str(output / f"confirmation-{language}")], check=True)
        saved += sorted(output.glob(f"confirmation-{language}-*.png"))
    settings = QSettings(str(output / ".screenshot-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(cache, "en" if language == "en" else "de", settings, None,
                        TaskManager(app))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.select_order(detail.id)
    app.processEvents()
    box = window.detail_panel.findChild(QGroupBox, "documentsGroup")
    scroll = window.detail_panel.findChild(QScrollArea)
    if box is not None and scroll is not None:
        scroll.ensureWidgetVisible(box)
    app.processEvents()
    target = output / f"documents-box-{language}.png"
    window.grab().save(str(target))
    saved.append(target)
    viewer = PdfViewerDialog(backend_pdf, "Auftragseingangsbestätigung", "AEB.pdf", settings,
                             window)
    viewer.show()
    QTest.qWait(1500)  # QPdfView renders its pages asynchronously
    target = output / f"pdf-viewer-{language}.png"
    viewer.grab().save(str(target))
    saved.append(target)
    viewer.close()
    window.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--language", choices=("de", "en"), default="de")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    QLocale.setDefault(locale_for("en" if args.language == "en" else "de"))
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="orderdesk-shots-") as folder:
        cache, backend_pdf, detail = demo(Path(folder))
        try:
            for path in shoot(app, cache, backend_pdf, detail, args.output, args.language):
                print(path)
        finally:
            cache.close()
    app.quit()


if __name__ == "__main__":
    main()

"""Screenshots of the order detail and status panels on the reference server's demo data.

    xvfb-run -a python scripts/screenshot_panels.py [OUTPUT_DIR] [--language de|en]

Seeds the demo backend in a temporary folder, syncs it into a temporary cache, and saves
`panels-completed-<lang>.png` (a completed order that came from a quote) and
`panels-clearing-<lang>.png` (an order with a clearing note) in OUTPUT_DIR (default
`screenshots/`). Runs offscreen too (QT_QPA_PLATFORM=offscreen), with Qt's bundled fonts.
"""

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, even when another one is installed

from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore  # noqa: E402
from desktop_app.cache import queries  # noqa: E402
from desktop_app.cache.records import OrderDetail  # noqa: E402
from desktop_app.gui.panels import OrderDetailPanel, OrderStatusPanel  # noqa: E402
from desktop_app.server.database import Database  # noqa: E402
from desktop_app.server.embedded import EmbeddedServer  # noqa: E402
from desktop_app.server.seed import DEMO_PASSWORD, seed_demo  # noqa: E402
from desktop_app.server.settings import ServerSettings  # noqa: E402
from desktop_app.sync.catalog import sync_catalog  # noqa: E402
from desktop_app.sync.changes import ChangeSync  # noqa: E402
from desktop_app.sync.live_cache import LiveCache  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget  # noqa: E402

Wanted = Callable[[OrderDetail], bool]
PICKS: dict[str, Wanted] = {
    "completed": lambda d: (
        d.status == "completed"
        and d.quote is not None
        and d.contract is not None
        and len(d.documents) > 0
    ),
    "clearing": lambda d: d.clearing_note is not None,
}


def demo_cache(folder: Path) -> LiveCache:
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
    finally:
        client.close()
        server.stop()
    return cache


def pick(cache: LiveCache) -> dict[str, OrderDetail]:
    found: dict[str, OrderDetail] = {}
    with cache.store.session() as session:
        for order_id in queries.order_ids(session, queries.OrderFilter(), queries.OrderSort()):
            detail = queries.order_detail(session, order_id)
            for name, wanted in PICKS.items():
                if detail is not None and name not in found and wanted(detail):
                    found[name] = detail
            if len(found) == len(PICKS):
                break
    return found


def shoot(cache: LiveCache, output: Path, language: str) -> list[Path]:
    with cache.store.session() as session:
        statuses = queries.statuses(session)
        transactions = queries.business_transactions(session)
    saved = []
    for name, detail in pick(cache).items():
        window = QWidget()
        window.setWindowTitle(f"OrderDesk – {detail.order_number}")
        layout = QHBoxLayout(window)
        detail_panel, status_panel = OrderDetailPanel(), OrderStatusPanel()
        layout.addWidget(detail_panel, 3)
        layout.addWidget(status_panel, 2)
        detail_panel.show_order(detail, statuses, transactions, language)
        status_panel.show_order(detail, statuses, transactions, language)
        window.resize(1280, 960)
        window.show()
        QApplication.processEvents()
        target = output / f"panels-{name}-{language}.png"
        if not window.grab().save(str(target)):
            raise SystemExit(f"could not save {target}")
        saved.append(target)
        window.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--language", choices=("de", "en"), default="de")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(german if args.language == "de" else english)
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="orderdesk-shots-") as folder:
        cache = demo_cache(Path(folder))
        try:
            for path in shoot(cache, args.output, args.language):
                print(path)
        finally:
            cache.close()
    app.quit()


if __name__ == "__main__":
    main()

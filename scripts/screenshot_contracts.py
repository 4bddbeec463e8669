"""Screenshots of the contracts overview on the reference server's demo data.

    xvfb-run -a python scripts/screenshot_contracts.py [OUTPUT_DIR] [--extra-qm FILE]
    QT_SCALE_FACTOR=1.5 xvfb-run -a python scripts/screenshot_contracts.py ...

Seeds the demo backend in a temporary folder, syncs max.nord's data into a temporary cache and
opens the window in German and English on a 1400×900 screen (at 150 % the window is 1400/1.5
× 900/1.5 logical pixels): `contracts-<lang>-<scale>.png` (a contract with orders selected),
`contracts-search-<lang>-<scale>.png` (a search), `contracts-menu-<lang>-<scale>.png` (the
New cart menu) and `contracts-offline-<lang>-<scale>.png`. `--extra-qm` installs another
catalog first (texts not merged into the .ts yet).
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, even when another one is installed

from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore  # noqa: E402
from desktop_app.gui.common.formatting import Language, locale_for  # noqa: E402
from desktop_app.gui.common.tasks import TaskManager  # noqa: E402
from desktop_app.gui.common.translations import install_translators  # noqa: E402
from desktop_app.gui.contracts.window import ContractsWindow  # noqa: E402
from desktop_app.server.database import Database  # noqa: E402
from desktop_app.server.embedded import EmbeddedServer  # noqa: E402
from desktop_app.server.seed import DEMO_PASSWORD, seed_demo  # noqa: E402
from desktop_app.server.settings import ServerSettings  # noqa: E402
from desktop_app.sync.catalog import sync_catalog  # noqa: E402
from desktop_app.sync.changes import ChangeSync  # noqa: E402
from desktop_app.sync.live_cache import LiveCache  # noqa: E402
from PySide6.QtCore import QEventLoop, QLocale, QPoint, QSettings, QTimer, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

USER = "max.nord"


def wait_for(app: QApplication, signal: object, timeout_ms: int = 15_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, target: Path) -> Path:
    if not widget.grab().save(str(target)):
        raise SystemExit(f"could not save {target}")
    print(target)
    return target


def shoot(app: QApplication, cache: LiveCache, output: Path, language: Language,
          extra: Path | None) -> None:
    QLocale.setDefault(locale_for(language))
    install_translators(language)
    translator = QTranslator(app)
    if extra is not None and language == "de":
        translator.load(str(extra))
        app.installTranslator(translator)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
    tag = f"{language}-{int(scale * 100)}"
    with tempfile.TemporaryDirectory(prefix="orderdesk-settings-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = ContractsWindow(cache, language, settings, TaskManager(app))
        window.resize(int(1400 / scale), int(900 / scale))
        window.show()
        wait_for(app, window.rowsLoaded)
        model = window.model
        busiest = max(range(model.rowCount()),
                      key=lambda r: (c.order_count if (c := model.contract(r)) else 0))
        window.table.selectRow(busiest)
        wait_for(app, window.ordersLoaded)
        save(window, output / f"contracts-{tag}.png")
        menu = window.new_cart_menu
        menu.popup(QPoint(0, 0))
        app.processEvents()
        save(menu, output / f"contracts-menu-{tag}.png")
        menu.hide()
        window.search_edit.setText("zänker")
        app.processEvents()
        if model.rowCount():
            window.table.selectRow(0)
            wait_for(app, window.ordersLoaded)
        save(window, output / f"contracts-search-{tag}.png")
        window.search_edit.clear()
        window.table.selectRow(busiest)
        window.table.scrollTo(model.index(busiest, 0))
        wait_for(app, window.ordersLoaded, 500)
        window.set_online(False, "Der Server ist nicht erreichbar (127.0.0.1)."
                          if language == "de" else "The server cannot be reached (127.0.0.1).")
        window.statusBar().showMessage(window.new_cart_action.toolTip())
        app.processEvents()
        save(window, output / f"contracts-offline-{tag}.png")
        window.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
    app.removeTranslator(translator)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--extra-qm", type=Path, default=None)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="orderdesk-shots-") as folder:
        url = f"sqlite:///{Path(folder) / 'server.sqlite3'}"
        database = Database(url)
        seed_demo(database)
        database.dispose()
        server = EmbeddedServer.start(ServerSettings(database_url=url, simulator_interval=0))
        settings = ApiSettings(base_url=server.api)
        auth = AuthSession(settings, NoTokenStore())
        auth.login(USER, DEMO_PASSWORD)
        client = ApiClient(settings, auth)
        cache = LiveCache(Path(folder) / "cache.sqlite3")
        try:
            sync_catalog(client, cache)
            ChangeSync(client, cache).run()
            languages: tuple[Language, ...] = ("de", "en")
            for language in languages:
                shoot(app, cache, args.output, language, args.extra_qm)
        finally:
            cache.close()
            client.close()
            server.stop()
    app.quit()


if __name__ == "__main__":
    main()

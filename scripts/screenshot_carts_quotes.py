"""Screenshots of the carts-and-quotes window on the reference server's demo data.

    xvfb-run -a python scripts/screenshot_carts_quotes.py [OUTPUT_DIR]

Seeds the demo backend in a temporary folder, syncs max.nord's data into a temporary cache,
opens the window (German and English UI locale) and saves in OUTPUT_DIR (default
`screenshots/`): `carts-quotes-<lang>.png` (a sent or approved quote selected),
`carts-quotes-withdrawn-<lang>.png` (after withdrawing it through the backend and a sync,
with the disabled Withdraw action's tooltip text in the status bar) and
`carts-quotes-offline-<lang>.png` (offline: every action disabled).
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, even when another one is installed

from desktop_app.api import ApiClient, ApiSettings, AuthSession, NoTokenStore  # noqa: E402
from desktop_app.domain.enums import QuoteState  # noqa: E402
from desktop_app.gui.common.formatting import Language, locale_for  # noqa: E402
from desktop_app.gui.common.tasks import TaskManager  # noqa: E402
from desktop_app.gui.common.translations import install_translators  # noqa: E402
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow  # noqa: E402
from desktop_app.server.database import Database  # noqa: E402
from desktop_app.server.embedded import EmbeddedServer  # noqa: E402
from desktop_app.server.seed import DEMO_PASSWORD, seed_demo  # noqa: E402
from desktop_app.server.settings import ServerSettings  # noqa: E402
from desktop_app.sync.catalog import sync_catalog  # noqa: E402
from desktop_app.sync.changes import ChangeSync  # noqa: E402
from desktop_app.sync.live_cache import LiveCache  # noqa: E402
from PySide6.QtCore import QEventLoop, QLocale, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SIZE = (1500, 620)
USER = "max.nord"


def wait_for(app: QApplication, signal: object, timeout_ms: int = 15_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    for _ in range(5):
        app.processEvents()


def save(window: CartsQuotesWindow, target: Path) -> Path:
    if not window.grab().save(str(target)):
        raise SystemExit(f"could not save {target}")
    return target


def shoot(app: QApplication, client: ApiClient, cache: LiveCache, tenant: str, output: Path,
          language: Language) -> list[Path]:
    QLocale.setDefault(locale_for(language))
    install_translators(language)  # the window texts in that language
    with tempfile.TemporaryDirectory(prefix="orderdesk-settings-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = CartsQuotesWindow(cache, client, language, settings, frozenset({tenant}),
                                   TaskManager(app))
        window.resize(*SIZE)
        window.show()
        wait_for(app, window.rowsLoaded)
        live = [row for row in range(window.model.rowCount())
                if window.model.state(row) in (QuoteState.SENT, QuoteState.APPROVED)]
        # a sent quote first; the second language finds the first one withdrawn already
        live.sort(key=lambda row: window.model.state(row) is not QuoteState.SENT)
        window.table.selectRow(live[0])
        app.processEvents()
        saved = [save(window, output / f"carts-quotes-{language}.png")]
        window.confirm = lambda _title, _text: True
        window.withdraw_current()
        wait_for(app, window.actionFinished)
        ChangeSync(client, cache).run()  # what the sync controller does on syncRequested
        window.refresh()
        wait_for(app, window.rowsLoaded)
        window.statusBar().showMessage(window.withdraw_action.toolTip())
        saved.append(save(window, output / f"carts-quotes-withdrawn-{language}.png"))
        window.set_online(False, "Der Server ist nicht erreichbar (127.0.0.1)."
                          if language == "de" else "The server cannot be reached (127.0.0.1).")
        window.statusBar().showMessage(window.delete_action.toolTip())
        app.processEvents()
        saved.append(save(window, output / f"carts-quotes-offline-{language}.png"))
        window.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "screenshots")
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
        me = auth.login(USER, DEMO_PASSWORD)
        client = ApiClient(settings, auth)
        cache = LiveCache(Path(folder) / "cache.sqlite3")
        try:
            sync_catalog(client, cache)
            ChangeSync(client, cache).run()
            languages: tuple[Language, ...] = ("de", "en")
            for language in languages:
                for path in shoot(app, client, cache, me.tenant.id, args.output, language):
                    print(path)
        finally:
            cache.close()
            client.close()
            server.stop()
    app.quit()


if __name__ == "__main__":
    main()

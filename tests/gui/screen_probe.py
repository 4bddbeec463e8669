"""Opens every OrderDesk window on the screen Qt was started with and prints, as JSON, each
window's frame and the screen's available area (run by test_windows_fit_screen.py in a
process of its own: the screen size and scaling are fixed when Qt starts).

    QT_QPA_PLATFORM=offscreen:configfile=screen.json [QT_SCALE_FACTOR=1.5] \
        python -m tests.gui.screen_probe OUT_DIR
"""

import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.api import ApiClient
from desktop_app.api.errors import Language
from desktop_app.cache import queries
from desktop_app.cache.records import SyncState
from desktop_app.cache.schema import OrderRow
from desktop_app.documents.output import confirmation_pdf, transaction_labels
from desktop_app.gui.account.about_dialog import AboutDialog
from desktop_app.gui.account.diagnostics import AboutInfo
from desktop_app.gui.account.login_dialog import LoginDialog
from desktop_app.gui.account.settings_dialog import SettingsDialog
from desktop_app.gui.common.crash import CrashDialog
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.common.translations import install_translators
from desktop_app.gui.documents.confirmation.dialog import ConfirmationDialog
from desktop_app.gui.documents.pdf_viewer import PdfViewerDialog
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow
from desktop_app.gui.ordering.wizard import OrderWizard
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from tests.sync.support import login, start_seeded_server

LANGUAGES: tuple[Language, ...] = ("de", "en")


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


@contextmanager
def shown(app: QApplication, window: QWidget) -> Iterator[QWidget]:
    window.show()
    settle(app)
    yield window
    window.close()
    window.deleteLater()
    settle(app)


def main(out: Path) -> int:
    app = QApplication([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="screen-probe-"))
    server = start_seeded_server(folder)
    client = login(server)
    cache = LiveCache(folder / "cache.sqlite3")
    sync_catalog(client, cache)
    ChangeSync(client, cache).run()
    tasks = TaskManager()
    screen = app.primaryScreen().availableGeometry()
    found: dict[str, list[int]] = {"screen": [screen.x(), screen.y(), screen.width(),
                                              screen.height()]}
    for language in LANGUAGES:
        install_translators(language, app)
        settings = QSettings(str(folder / f"orderdesk-{language}.ini"), QSettings.Format.IniFormat)
        for name, window in windows(app, language, client, cache, settings, tasks, server.api):
            frame = window.frameGeometry()
            found[f"{name}-{language}"] = [frame.x(), frame.y(), frame.width(), frame.height()]
            window.grab().save(str(out / f"{name}-{language}.png"))
    print(json.dumps(found))
    tasks.shutdown()
    client.close()
    cache.close()
    server.stop()
    return 0


def windows(app: QApplication, language: Language, client: ApiClient, cache: LiveCache,
            settings: QSettings, tasks: TaskManager, api: str) -> Iterator[tuple[str, QWidget]]:
    """Each window shown in turn (closed again after the caller measured it)."""
    with cache.store.session() as session:
        order_id = session.scalars(select(OrderRow.id).order_by(OrderRow.id).limit(1)).one()
        detail = queries.order_detail(session, order_id)
        statuses, transactions = queries.statuses(session), queries.business_transactions(session)
        labels = transaction_labels(session)
    assert detail is not None
    pdf, _pages = confirmation_pdf(detail, language, labels)
    main_window = MainWindow(cache, language, settings, client.me().username, tasks)
    makers: dict[str, Callable[[], QWidget]] = {
        "login": lambda: LoginDialog(settings, language, tasks, backend_url=api),
        "settings": lambda: SettingsDialog(settings, language, main_window),
        "about": lambda: AboutDialog(AboutInfo(cache.path, api),
                                     SyncState(None, datetime.now(UTC), None, None),
                                     QLocale(language), settings, main_window),
        "crash": lambda: CrashDialog("Traceback (most recent call last):\n" * 40, main_window),
        "wizard": lambda: OrderWizard(client, cache, language, tasks, parent=main_window),
        "carts": lambda: CartsQuotesWindow(cache, client, language, settings, None, tasks,
                                           parent=main_window),
        "confirmation": lambda: ConfirmationDialog(detail, statuses, transactions, language,
                                                   main_window),
        "pdf_viewer": lambda: PdfViewerDialog(pdf, "PDF", "a.pdf", settings, main_window),
    }
    with shown(app, main_window):
        yield "main", main_window
        for name, make in makers.items():
            with shown(app, make()) as window:
                yield name, window


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

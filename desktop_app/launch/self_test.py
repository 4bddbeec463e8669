"""`orderdesk --self-test`: smoke-test an installation or a built bundle without a screen.

Runs offscreen, in a temporary folder, and prints one line per check:

- qt: the Qt platform (offscreen) and the versions;
- cache: a new cache file, brought to the newest schema by the Alembic migrations (so the
  migration scripts are in the bundle);
- demo backend database: a new database of the embedded reference server (`--demo`),
  brought to the newest schema by the server's own Alembic migrations;
- sample order: one order written through the cache writer and read back;
- confirmation pdf: `render_confirmation_pdf` writes it; it starts with %PDF and QtPdf sees
  a page;
- translations: OrderDesk's German and English catalogs load and translate a known text, and
  Qt's own German catalog (qtbase) is found where QLibraryInfo says;
- forms: every Designer form in ui/ loads;
- icons and templates: the app icon in every size, and the document templates;
- main window: built over the temporary cache, showing the sample order.

Exit status 0 when every check passed, 1 otherwise (with the failing checks named).
"""

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

__all__ = ["CHECKS", "REQUIRED_TEMPLATES", "SelfTestError", "run_self_test"]

# Document templates every build must ship (resources/templates).
REQUIRED_TEMPLATES: tuple[str, ...] = ("confirmation.html.j2",)
KNOWN_FILE_MENU = {"de": "&Datei", "en": "&File"}  # WindowActions' "&File" in each catalog


class SelfTestError(RuntimeError):
    """A check failed; the message says what is wrong."""


@dataclass
class _Context:
    folder: Path
    cache_path: Path | None = None
    order_id: str | None = None
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def needs_cache(self) -> tuple[Path, str]:
        if self.cache_path is None or self.order_id is None:
            raise SelfTestError("not run: the cache or the sample order failed")
        return self.cache_path, self.order_id


def _check_qt(_context: _Context) -> str:
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    platform = app.platformName()
    if platform != "offscreen" and os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        raise SelfTestError(f"the offscreen platform was asked for, {platform!r} runs")
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform {platform}"


def _check_cache(context: _Context) -> str:
    from desktop_app.cache.revision import HEAD_REVISION, current_revision
    from desktop_app.cache.store import CacheStore

    path = context.folder / "cache" / "self-test.sqlite3"
    path.parent.mkdir()
    store = CacheStore(path)
    store.dispose()
    revision = current_revision(path)
    if revision != HEAD_REVISION:
        raise SelfTestError(f"cache at revision {revision}, expected {HEAD_REVISION}")
    context.cache_path = path
    return f"new cache migrated to revision {revision}"


def _check_server_database(context: _Context) -> str:
    from desktop_app.server.database import Database
    from desktop_app.server.schema import current_revision, head_revision

    database = Database(f"sqlite:///{context.folder / 'server.sqlite3'}")
    try:
        revision, head = current_revision(database.engine), head_revision()
    finally:
        database.dispose()
    if revision != head:
        raise SelfTestError(f"server database at revision {revision}, expected {head}")
    return f"new server database migrated to revision {revision}"


def _check_sample_order(context: _Context) -> str:
    from desktop_app.cache import queries
    from desktop_app.cache.store import CacheStore
    from desktop_app.launch.sample_order import SAMPLE_ORDER_NUMBER, write_sample_order

    if context.cache_path is None:
        raise SelfTestError("not run: the cache failed")
    with CacheStore(context.cache_path) as store:
        order_id = write_sample_order(store)
        with store.session() as session:
            detail = queries.order_detail(session, order_id)
    if detail is None or detail.order_number != SAMPLE_ORDER_NUMBER:
        raise SelfTestError("the order written is not read back")
    context.order_id = order_id
    return f"order {detail.order_number} written and read back"


def _check_pdf(context: _Context) -> str:
    from PySide6.QtPdf import QPdfDocument

    from desktop_app.cache.store import CacheStore
    from desktop_app.launch.confirmation_pdf import render_confirmation_pdf

    cache_path, order_id = context.needs_cache()
    pdf = context.folder / "confirmation.pdf"
    with CacheStore(cache_path) as store:
        render_confirmation_pdf(store, order_id, pdf)
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SelfTestError(f"{pdf.name} does not start with %PDF")
    document = QPdfDocument()
    error = document.load(str(pdf))
    pages = document.pageCount()
    document.close()
    if error != QPdfDocument.Error.None_ or pages < 1:
        raise SelfTestError(f"QtPdf reads {pages} pages ({error.name})")
    return f"{pages} page(s), {len(data):,} bytes"


def _check_translations(_context: _Context) -> str:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from desktop_app.gui.common.translations import catalog_file

    for language, wanted in KNOWN_FILE_MENU.items():
        translator = QTranslator()
        path = catalog_file("de" if language == "de" else "en")
        if not translator.load(str(path)):
            raise SelfTestError(f"cannot load {path}")
        got = translator.translate("WindowActions", "&File")
        if got != wanted:
            raise SelfTestError(f"{path.name}: '&File' gives {got!r}, expected {wanted!r}")
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator()
    if not qt_own.load(QLocale("de"), "qtbase", "_", qt_folder) or qt_own.isEmpty():
        raise SelfTestError(f"Qt's own German catalog (qtbase_de.qm) is not in {qt_folder}")
    return f"de and en from {path.parent}; Qt's own from {qt_folder}"


def _check_forms(_context: _Context) -> str:
    from PySide6.QtWidgets import QWidget

    from desktop_app.gui.common.forms import FormNotFoundError, form_path, load_form

    folder = form_path("main_window.ui").parent
    names = sorted(path.name for path in folder.glob("*.ui"))
    for name in names:
        host = QWidget()
        try:
            load_form(name, host)  # as the windows load them
        except (FormNotFoundError, RuntimeError) as error:  # PySide6 raises where Qt is null
            raise SelfTestError(f"{name} does not load: {error}") from None
        finally:
            host.deleteLater()
    return f"{len(names)} forms from {folder}"


def _check_resources(_context: _Context) -> str:
    from PySide6.QtGui import QImage

    from desktop_app.documents.templates import TemplateNotFoundError, templates_dir
    from desktop_app.gui.common.resources import app_icon, icon_files, resources_dir

    files = icon_files()
    for path in files:
        if path.suffix == ".png" and QImage(str(path)).isNull():
            raise SelfTestError(f"{path.name} is not a readable image")
    if app_icon().isNull():
        raise SelfTestError("the window icon is empty")
    found = []
    for name in REQUIRED_TEMPLATES:
        try:
            found.append(templates_dir(name) / name)
        except TemplateNotFoundError as error:
            raise SelfTestError(str(error)) from None
    return (f"{len(files)} icon files in {resources_dir()}; templates: "
            + ", ".join(str(path) for path in found))


def _check_main_window(context: _Context) -> str:
    from PySide6.QtCore import QSettings

    from desktop_app.gui.common.tasks import TaskManager
    from desktop_app.gui.overview.main_window import MainWindow
    from desktop_app.sync.live_cache import LiveCache

    cache_path, _order_id = context.needs_cache()
    settings = QSettings(str(context.folder / "settings.ini"), QSettings.Format.IniFormat)
    cache = LiveCache(cache_path)
    tasks = TaskManager()
    try:
        window = MainWindow(cache, "de", settings, None, tasks)
        try:
            shown = window.model.matching_count
        finally:
            window.close()
            window.deleteLater()
    finally:
        tasks.shutdown()
        cache.close()
    if shown != 1:
        raise SelfTestError(f"the window lists {shown} orders, expected 1")
    return "built over the cache, listing the sample order"


CHECKS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("qt", _check_qt),
    ("cache", _check_cache),
    ("demo backend database", _check_server_database),
    ("sample order", _check_sample_order),
    ("confirmation pdf", _check_pdf),
    ("translations", _check_translations),
    ("forms", _check_forms),
    ("icons and templates", _check_resources),
    ("main window", _check_main_window),
)


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check, print one line each; 0 when all passed, 1 otherwise."""
    out = out or sys.stdout
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # only takes effect for a new QApplication
    from PySide6.QtWidgets import QApplication

    from desktop_app import __version__

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "orderdesk"])
    where = "bundle" if getattr(sys, "frozen", False) else "source"
    print(f"OrderDesk {__version__} self-test ({sys.platform}, {where}, Python "
          f"{sys.version.split()[0]} in {Path(sys.executable).parent})", file=out)
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="orderdesk-self-test-") as folder:
        context = _Context(Path(folder))
        for name, check in CHECKS:
            try:
                detail = check(context)
            except Exception as error:
                failed.append(name)
                print(f"FAIL {name}: {type(error).__name__}: {error}", file=out)
            else:
                print(f"ok   {name}: {detail}", file=out)
            app.processEvents()  # deleteLater of the forms and the window
    if failed:
        print(f"self-test FAILED: {len(failed)} of {len(CHECKS)} checks ({', '.join(failed)})",
              file=out)  # fmt: skip
        return 1
    print(f"self-test passed: {len(CHECKS)} checks", file=out)
    return 0

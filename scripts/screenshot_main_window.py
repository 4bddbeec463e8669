"""Screenshots of the main window on the reference server's demo data, German and English.

    xvfb-run -a python scripts/screenshot_main_window.py [OUTPUT_DIR]

Seeds the demo backend in a temporary folder, syncs it into a temporary cache (as
scripts/screenshot_panels.py does), opens the MainWindow at 1400 x 900 with fresh settings,
selects a completed order and saves `main-window-<lang>.png` and
`main-window-status-<lang>.png` (the processing-status tab) and
`main-window-offline-<lang>.png` (offline, with the banner) in OUTPUT_DIR (default
`screenshots/`). Runs offscreen too (QT_QPA_PLATFORM=offscreen), with Qt's bundled fonts.
"""

import argparse
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, even when another one is installed

from desktop_app.api.errors import OfflineError  # noqa: E402
from desktop_app.gui.common.formatting import Language, format_datetime, locale_for  # noqa: E402
from desktop_app.gui.common.tasks import TaskManager  # noqa: E402
from desktop_app.gui.common.translations import install_translators  # noqa: E402
from desktop_app.gui.overview.main_window import DETAIL_TAB, STATUS_TAB, MainWindow  # noqa: E402
from desktop_app.sync.live_cache import LiveCache  # noqa: E402
from PySide6.QtCore import QCoreApplication, QLocale, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from scripts.screenshot_panels import demo_cache, pick  # noqa: E402

SIZE = (1400, 900)
DEMO_USER = "max.nord"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(app: QApplication, cache: LiveCache, output: Path, language: Language) -> list[Path]:
    QLocale.setDefault(locale_for(language))  # the panels format in the default locale
    install_translators(language)
    chosen = pick(cache).get("completed")
    with tempfile.TemporaryDirectory(prefix="orderdesk-settings-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(cache, language, settings, DEMO_USER, TaskManager(app))
        window.resize(*SIZE)
        window.show()
        settle(app)
        if chosen is None or not window.select_order(chosen.id):
            window.select_row(0)
        window.set_online(True, "")
        settle(app)
        saved = []
        for tab, name in ((DETAIL_TAB, "main-window"), (STATUS_TAB, "main-window-status")):
            window.tabs.setCurrentIndex(tab)
            settle(app)
            target = output / f"{name}-{language}.png"
            if not window.grab().save(str(target)):
                raise SystemExit(f"could not save {target}")
            saved.append(target)
        window.tabs.setCurrentIndex(DETAIL_TAB)
        # The texts the sync controller shows when the backend cannot be reached.
        window.set_online(False, OfflineError("orders.example.com").message(language))
        when = format_datetime(locale_for(language), datetime(2026, 11, 25, 17, 5, tzinfo=UTC))
        window.show_banner(QCoreApplication.translate(
            "SyncController", "Offline – showing cached data from %1").replace("%1", when),
            "warning")
        settle(app)
        target = output / f"main-window-offline-{language}.png"
        if not window.grab().save(str(target)):
            raise SystemExit(f"could not save {target}")
        saved.append(target)
        window.close()
        window.deleteLater()
        settle(app)
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="orderdesk-shots-") as folder:
        cache = demo_cache(Path(folder))
        try:
            languages: tuple[Language, ...] = ("de", "en")
            for language in languages:
                for path in shoot(app, cache, args.output, language):
                    print(path)
        finally:
            cache.close()
    app.quit()


if __name__ == "__main__":
    main()

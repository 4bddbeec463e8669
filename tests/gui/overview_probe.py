"""Opens the main window on the screen Qt was started with, over generated orders, and prints
as JSON what the list and the panels need of their width (run by test_defect_layout_fit.py
in a process of its own: the screen size and scaling are fixed when Qt starts). Saves the
window's picture per language and tab into OUT_DIR.

    QT_QPA_PLATFORM=offscreen:configfile=screen.json [QT_SCALE_FACTOR=1.5] \
        python -m tests.gui.overview_probe OUT_DIR
"""

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from desktop_app.api.errors import Language
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.common.translations import install_translators
from desktop_app.gui.overview.main_window import DETAIL_TAB, STATUS_TAB, MainWindow
from desktop_app.gui.overview.order_columns import OrderColumn
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.gui.window import live_cache

LANGUAGES: tuple[Language, ...] = ("de", "en")


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def measure(window: MainWindow) -> dict[str, Any]:
    header = window.table.horizontalHeader()
    panels = []
    for area in window.tabs.currentWidget().findChildren(QScrollArea):
        contents = area.widget()
        if area.isVisible() and contents is not None:
            panels.append({"name": area.objectName(),
                           "hbar": area.horizontalScrollBar().isVisible(),
                           "content": contents.width(),
                           "viewport": area.viewport().width()})  # fmt: skip
    return {
        "window": [window.width(), window.height()],
        "columns": sum(header.sectionSize(column) for column in OrderColumn),
        "viewport": window.table.viewport().width(),
        "hscroll": window.table.horizontalScrollBar().maximum(),
        "panels": panels,
    }


def main(out: Path) -> int:
    app = QApplication([sys.argv[0]])
    folder = Path(tempfile.mkdtemp(prefix="overview-probe-"))
    cache = live_cache(folder / "cache.sqlite3")
    tasks = TaskManager()
    found: dict[str, Any] = {}
    for language in LANGUAGES:
        install_translators(language, app)
        settings = QSettings(str(folder / f"orderdesk-{language}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(cache, language, settings, "u-1", tasks)
        window.show()
        settle(app)
        window.select_row(0)
        for tab, name in ((DETAIL_TAB, "detail"), (STATUS_TAB, "status")):
            window.open_tab(tab)
            settle(app)
            found[f"{name}-{language}"] = measure(window)
            window.grab().save(str(out / f"main-{name}-{language}.png"))
        window.close()
        window.deleteLater()
        settle(app)
    print(json.dumps(found))
    tasks.shutdown()
    cache.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

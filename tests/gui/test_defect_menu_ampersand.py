"""An "&" in a customer's name is shown in the order's context menu, not taken as a
mnemonic (issue 12, item 18: "Hartung AG & Co. KG" read "Hartung AG _Co. KG")."""

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.cache import records
from tests.gui import orders
from tests.gui.window import ids_shown, live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
NAME = "Hartung AG & Co. KG"


def test_the_context_menu_shows_an_ampersand_in_the_customers_name(qtbot: QtBot,
                                                                   tmp_path: Path) -> None:
    cache = live_cache(tmp_path / "cache.sqlite3", count=0)
    try:
        orders.fill(cache.store, [records.order(1, customer_name=NAME)])
        window = open_window(qtbot, cache, tmp_path / "orderdesk.ini", english=True)
        qtbot.waitUntil(lambda: len(ids_shown(window)) == 1, timeout=20_000)
        position = window.table.visualRect(window.model.index(0, 0)).center()
        menu = window.table_menu(position)
        assert menu is not None
        first = menu.actions()[0]
        # Qt shows "&&" as one "&"; a single "&" would underline the next letter instead.
        assert first.text() == f"New cart for customer {NAME.replace('&', '&&')}…"
        assert QKeySequence.mnemonic(first.text()).isEmpty()
        window.close()
    finally:
        cache.close()

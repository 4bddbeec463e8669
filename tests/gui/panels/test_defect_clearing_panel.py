"""Issue 12, item 11: the status panel of a clearing case says who acts and what comes next."""

import pytest
from desktop_app.cache.store import CacheStore
from desktop_app.gui.common.forms import child
from desktop_app.gui.panels import OrderStatusPanel
from PySide6.QtWidgets import QFrame
from pytestqt.qtbot import QtBot

from tests.gui.panels import support
from tests.gui.panels.support import Catalogs
from tests.gui.panels.test_status_panel import local_time


@pytest.fixture
def panel(qtbot: QtBot) -> OrderStatusPanel:
    widget = OrderStatusPanel()
    qtbot.addWidget(widget)
    return widget


def test_a_clearing_case_says_who_acts_and_what_happens_next(
    panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    panel.show_order(support.detail(store, support.CLEARING), *catalogs, "de")
    detail = support.detail(store, support.CLEARING)
    frame = child(panel, QFrame, "clearingFrame")
    text = " ".join(support.visible_texts(frame))
    assert "Who acts:" in text and "clearing team" in text
    assert "sales partner" in text  # asked only when the clearing team needs something
    assert "What happens next:" in text
    assert local_time(detail.expected_completion_at) in text


def test_an_order_without_clearing_has_no_such_hint(
    panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    panel.show_order(support.detail(store, support.COMPLETE), *catalogs, "de")
    assert not support.shows(panel, "Who acts:")

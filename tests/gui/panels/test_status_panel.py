"""The status panel: explanation, clearing note, timeline, processing time, document flow."""

from datetime import datetime
from pathlib import Path

import pytest
from desktop_app.cache.store import CacheStore
from desktop_app.domain.business_time import business_time
from desktop_app.gui.common.forms import child
from desktop_app.gui.panels import FlowKind, OrderStatusPanel
from desktop_app.gui.panels.flow_document import FlowDocumentDialog
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.panels import support
from tests.gui.panels.support import Catalogs


@pytest.fixture
def panel(qtbot: QtBot) -> OrderStatusPanel:
    widget = OrderStatusPanel()
    qtbot.addWidget(widget)
    return widget


def show(panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs, order_id: str) -> None:
    panel.show_order(support.detail(store, order_id), *catalogs, "de")


def local_time(moment: datetime) -> str:
    return business_time(moment).strftime("%d.%m.%Y %H:%M")  # the app shows Berlin time


def timeline(panel: OrderStatusPanel) -> list[str]:
    box = child(panel, QWidget, "timeline")
    assert box is not None
    return [label.text() for label in box.findChildren(QLabel)
            if label.isVisibleTo(panel) and label.text() != "●"]  # fmt: skip


def test_a_completed_order_shows_its_explanation_history_and_completion(
    panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.COMPLETE)
    detail = support.detail(store, support.COMPLETE)
    texts = support.visible_texts(panel)
    assert "Abgeschlossen" in texts
    assert "Der Auftrag ist abgeschlossen; die Vertragsnummer steht fest." in texts
    assert "Completed on:" in texts
    assert local_time(detail.history[-1].at) in texts
    assert "up to 2 day(s) (partly automated)" in texts
    assert not child(panel, QFrame, "clearingFrame").isVisibleTo(panel)
    times = [local_time(event.at) for event in detail.history]
    assert timeline(panel) == [
        times[0], "Eingegangen", times[1], "In Bearbeitung", "Clearing", times[2], "Abgeschlossen"
    ]  # fmt: skip


def test_a_clearing_case_is_highlighted_and_the_completion_expected(
    panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.CLEARING)
    detail = support.detail(store, support.CLEARING)
    clearing = child(panel, QFrame, "clearingFrame")
    assert clearing.isVisibleTo(panel)
    assert "Nutzungsort wird geprüft" in support.visible_texts(clearing)
    assert "In Bearbeitung" in support.visible_texts(panel)
    assert support.shows(panel, "Expected completion:")
    assert support.shows(panel, local_time(detail.expected_completion_at))
    assert timeline(panel)[-2:] == [
        "In Bearbeitung", "Rufnummernportierung wartet auf den Altanbieter"
    ]  # fmt: skip


def opened_documents(panel: OrderStatusPanel) -> list[FlowDocumentDialog]:
    return [dialog for dialog in panel.findChildren(FlowDocumentDialog) if dialog.isVisible()]


def test_the_flow_strip_shows_numbers_and_dates_and_opens_cached_steps(
    qtbot: QtBot, panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.COMPLETE)
    flow = panel.flow
    assert flow.button(FlowKind.QUOTE).text() == "Quote\nAN-00000001\n10.03.2025"
    assert flow.button(FlowKind.CONTRACT).text() == "Contract\nVT-10000001\n12.03.2025"
    assert flow.button(FlowKind.ORDER).text().startswith("Order\nAU-00000001\n")
    for kind in (FlowKind.CART, FlowKind.QUOTE, FlowKind.CONTRACT):
        assert flow.button(kind).isEnabled()
        QTest.mouseClick(flow.button(kind), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(opened_documents(panel)) == 1)
        opened = opened_documents(panel)[0]
        assert opened.objectName() == f"flowDocument_{kind.value}"
        opened.close()
        qtbot.waitUntil(lambda: not opened_documents(panel))
    # The order itself is what the panel shows: a label, not a button.
    order = flow.button(FlowKind.ORDER)
    assert order.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    assert order.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_uncached_steps_are_disabled_and_say_why(
    qtbot: QtBot, panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.UNCACHED_LINKS)
    flow = panel.flow
    for kind in (FlowKind.CART, FlowKind.QUOTE, FlowKind.CONTRACT):
        button = flow.button(kind)
        assert not button.isEnabled()
        assert button.toolTip() == "Not in the local cache"
        button.click()
        assert not opened_documents(panel)
    assert flow.button(FlowKind.QUOTE).text() == "Quote\nAN-00000001"
    assert flow.button(FlowKind.CONTRACT).text() == "Contract\nVT-10000003"


def test_missing_steps_say_so(panel: OrderStatusPanel, store: CacheStore,
                              catalogs: Catalogs) -> None:  # fmt: skip
    show(panel, store, catalogs, support.CLEARING)
    quote, contract = panel.flow.button(FlowKind.QUOTE), panel.flow.button(FlowKind.CONTRACT)
    assert not quote.isEnabled() and "without a quote" in quote.toolTip()
    assert not contract.isEnabled()
    assert contract.text() == "Contract\nnot yet assigned"


def test_no_order_shows_the_placeholder(
    panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    placeholder = ["Select an order to see its processing status."]
    assert support.visible_texts(panel) == placeholder
    show(panel, store, catalogs, support.CLEARING)
    panel.show_order(None, *catalogs, "de")
    assert support.visible_texts(panel) == placeholder


def test_without_cached_catalogs_the_domain_labels_stand_in(
    panel: OrderStatusPanel, store: CacheStore
) -> None:
    panel.show_order(support.detail(store, support.CLEARING), [], [], "en")
    assert "In processing" in support.visible_texts(panel)


def test_the_panel_renders_offscreen(
    panel: OrderStatusPanel, store: CacheStore, catalogs: Catalogs, tmp_path: Path
) -> None:
    show(panel, store, catalogs, support.CLEARING)
    panel.resize(600, 800)
    target = tmp_path / "status.png"
    assert panel.grab().save(str(target))
    image = QImage(str(target))
    assert not image.isNull() and image.height() == 800

"""The order detail panel shows a cached order read-only, in the German locale."""

from datetime import datetime
from pathlib import Path

import pytest
from desktop_app.cache.store import CacheStore
from desktop_app.domain.business_time import business_time
from desktop_app.gui.common.forms import child
from desktop_app.gui.panels import OrderDetailPanel
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
)
from pytestqt.qtbot import QtBot

from tests.gui.panels import support
from tests.gui.panels.support import Catalogs


@pytest.fixture
def panel(qtbot: QtBot) -> OrderDetailPanel:
    widget = OrderDetailPanel()
    qtbot.addWidget(widget)
    return widget


def show(panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs, order_id: str,
         language: str = "de") -> None:  # fmt: skip
    panel.show_order(support.detail(store, order_id), *catalogs, language)


def local_time(moment: datetime) -> str:
    return business_time(moment).strftime("%d.%m.%Y %H:%M")  # the app shows Berlin time


def test_a_complete_order_shows_everything_captured_while_ordering(
    panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.COMPLETE)
    detail = support.detail(store, support.COMPLETE)
    texts = support.visible_texts(panel)
    for expected in (
        "Order AU-00000001", "Existing customer", "Müller Elektro GmbH", "KD-100001",
        "Hauptstraße 1\n20095 Hamburg", "info@mueller.example", "Nordlicht GmbH", "Neuauftrag",
        "Tengo Centraflex 10 Nutzer", "VT-10000001", "Max Nordmann", "AN-00000001",
        "freigabe@mueller.example", local_time(detail.created_at),
        "1.234,56\xa0€", "1.469,13\xa0€", "49,90\xa0€", "59,38\xa0€", "98,00\xa0€", "3",
        "Weg 0\n20095 Hamburg", "+4940999\n+4940998", "Stammdaten des Kunden",
        "Bestätigender Benutzer, Ersteller des Angebots",
        "Auftragseingangsbestätigung\nAEB-1.pdf, 1,2 kB",
        "Leistungsbeschreibung\nLB-1.pdf, 2,3 MB",
    ):  # fmt: skip
        assert expected in texts, expected
    assert support.shows(panel, "Option 0\nPhone numbers: +49401230")
    assert support.shows(panel, "10.03.2025")
    assert support.shows(panel, "orders cannot be changed after submission")
    assert not support.shows(panel, "not yet assigned")


def test_english_takes_the_backend_labels_in_english(
    panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.COMPLETE, "en")
    assert support.shows(panel, "New order")
    assert support.shows(panel, "Tengo Centraflex 10 users")
    assert support.shows(panel, "Service description")
    assert support.shows(panel, "1.234,56\xa0€")  # the locale decides the format, not the language


def test_an_uncached_customer_without_quote_contract_or_documents(
    panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.CLEARING)
    texts = support.visible_texts(panel)
    assert "Neumann Logistik KG" in texts
    assert "not in the local cache" in texts
    assert "not yet assigned" in texts
    assert "Nachbestellung" in texts
    assert support.shows(panel, "without a quote")
    assert "Quote number:" not in texts
    assert "Existing customer" not in texts
    assert "No documents for this order." in texts
    assert not child(panel, QListWidget, "documentsList").isVisibleTo(panel)


def test_a_quote_number_is_shown_even_when_the_quote_is_not_cached(
    panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.UNCACHED_LINKS)
    texts = support.visible_texts(panel)
    assert "AN-00000001" in texts and "VT-10000003" in texts
    assert "Quote created on:" not in texts  # only known from the cached quote


def test_nothing_is_editable(panel: OrderDetailPanel, store: CacheStore,
                             catalogs: Catalogs) -> None:  # fmt: skip
    show(panel, store, catalogs, support.COMPLETE)
    for editor in panel.findChildren(QLineEdit):
        assert editor.isReadOnly()
    for text in panel.findChildren(QTextEdit):
        assert text.isReadOnly()
    for plain in panel.findChildren(QPlainTextEdit):
        assert plain.isReadOnly()
    assert not panel.findChildren(QAbstractSpinBox) and not panel.findChildren(QComboBox)
    for view in panel.findChildren(QAbstractItemView):
        assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    buttons = [b.text() for b in panel.findChildren(QPushButton) if b.isVisibleTo(panel)]
    assert sorted(buttons) == ["&Open", "Order-receipt &confirmation…"]


def test_confirmation_button_asks_for_the_shown_order(panel: OrderDetailPanel, store: CacheStore,
                                                      catalogs: Catalogs, qtbot: QtBot) -> None:
    show(panel, store, catalogs, support.COMPLETE)
    button = next(b for b in panel.findChildren(QPushButton) if "confirmation" in b.text())
    with qtbot.waitSignal(panel.confirmationRequested) as asked:
        button.click()
    assert asked.args == [support.COMPLETE]


def test_no_order_shows_the_placeholder(
    panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    assert support.visible_texts(panel) == ["Select an order to see its details."]
    show(panel, store, catalogs, support.COMPLETE)
    panel.show_order(None, *catalogs, "de")
    assert support.visible_texts(panel) == ["Select an order to see its details."]


def test_open_and_double_click_request_the_document(
    qtbot: QtBot, panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.COMPLETE)
    documents = child(panel, QListWidget, "documentsList")
    button = child(panel, QPushButton, "openButton")
    with qtbot.waitSignal(panel.documentRequested) as opened:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.args == ["doc-confirmation"]
    documents.setCurrentRow(1)
    with qtbot.waitSignal(panel.documentRequested) as activated:
        documents.itemActivated.emit(documents.item(1))
    assert activated.args == ["doc-terms"]


def test_open_is_disabled_without_a_selection(
    qtbot: QtBot, panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs
) -> None:
    show(panel, store, catalogs, support.COMPLETE)
    child(panel, QListWidget, "documentsList").setCurrentRow(-1)
    button = child(panel, QPushButton, "openButton")
    assert not button.isEnabled()
    with qtbot.assertNotEmitted(panel.documentRequested):
        button.click()


def test_the_panel_renders_offscreen(
    panel: OrderDetailPanel, store: CacheStore, catalogs: Catalogs, tmp_path: Path
) -> None:
    show(panel, store, catalogs, support.COMPLETE)
    panel.resize(600, 1000)
    target = tmp_path / "detail.png"
    assert panel.grab().save(str(target))
    image = QImage(str(target))
    assert not image.isNull() and image.width() == 600

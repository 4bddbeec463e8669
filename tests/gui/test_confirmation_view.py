"""The confirmation view on its own: facts, documents with their buttons, recipients merged
by the domain's rule (also when the data lists an address twice), recipient problems."""

from desktop_app.contract.base import ViolationOut
from desktop_app.contract.orders import OrderConfirmation, RecipientOut
from desktop_app.domain.enums import RecipientSource
from desktop_app.gui.documents.confirmation import ConfirmationView, detail_from_confirmation
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.cache import records

S = RecipientSource


def confirmation(recipients: list[RecipientOut]) -> OrderConfirmation:
    order = records.order(7, document_ids=["order-000007.confirmation", "order-000007.sheet"])
    return OrderConfirmation(order=order, documents=order.documents, recipients=recipients,
                             recipient_problems=[ViolationOut(
                                 code="RECIPIENT_MISSING", field="recipients.approver",
                                 message_de="Für „Zustimmer“ ist keine E-Mail-Adresse bekannt.",
                                 message_en="No email address is known for “Approver”.")])


def test_recipients_are_merged_and_labelled(qtbot: QtBot) -> None:
    view = ConfirmationView()
    qtbot.addWidget(view)
    data = confirmation([
        RecipientOut(email="Einkauf@Mueller.example", sources=[S.CUSTOMER_MASTER_DATA]),
        RecipientOut(email="max@nord.example", sources=[S.QUOTE_CREATOR, S.CONFIRMING_USER]),
        RecipientOut(email="einkauf@mueller.example", sources=[S.TENANT_MASTER_DATA]),
    ])
    view.show_order(detail_from_confirmation(data), [], [], "en", ["No address for approver"])
    assert view.shown_recipients == [
        ("Einkauf@Mueller.example", ["Customer master data", "Tenant master data"]),
        ("max@nord.example", ["User who confirmed", "Quote creator"]),
    ]
    problems = view.findChild(QLabel, "recipientProblemsLabel")
    assert isinstance(problems, QLabel) and not problems.isHidden()
    title = view.findChild(QLabel, "titleLabel")
    assert isinstance(title, QLabel) and "AU-00000007" in title.text()


def test_document_buttons_emit_their_signals(qtbot: QtBot) -> None:
    view = ConfirmationView()
    qtbot.addWidget(view)
    data = confirmation([RecipientOut(email="a@b.example", sources=[S.CONFIRMING_USER])])
    view.show_order(detail_from_confirmation(data), [], [], "de")
    buttons = {b.objectName(): b for b in view.findChildren(QPushButton)}
    with qtbot.waitSignal(view.documentRequested) as opened:
        buttons["open:order-000007.sheet"].click()
    assert opened.args == ["order-000007.sheet"]
    with qtbot.waitSignal(view.previewRequested) as previewed:
        buttons["previewButton"].click()
    with qtbot.waitSignal(view.printRequested) as printed:
        buttons["printButton"].click()
    with qtbot.waitSignal(view.savePdfRequested) as saved:
        buttons["savePdfButton"].click()
    assert previewed.args == printed.args == saved.args == ["order-000007"]
    with qtbot.waitSignal(view.openOrderRequested) as jumped:
        view.open_order_button.click()
    assert jumped.args == ["order-000007"]

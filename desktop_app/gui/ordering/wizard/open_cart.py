"""An open cart in a contract's way (at most one per contract), named as the clerk knows it:
customer, business transaction, creation date (and its quote), never by its internal id.

The cart comes from a rule violation: the local check's (on the cache) or the backend's
refusal (`params["cart"]`; older servers only name it in the message). Its details come from
the cache, else from the backend (on a worker). `OpenCartBox` shows it on the transaction
page with Resume and Delete; `CancelQuestion` asks on Cancel whether to keep the wizard's cart.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from desktop_app.api import ApiClient
from desktop_app.cache.cart_list import cart_line
from desktop_app.cache.store import CacheStore
from desktop_app.contract.base import ViolationOut
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.domain.violations import Violation
from desktop_app.gui.common.formatting import moment

OPEN_CART_EXISTS = "OPEN_CART_EXISTS"
_CART_IN_MESSAGE = re.compile(r"\((cart-[^)\s]+)\)")
BOX_STYLE = (
    "QFrame#openCartBox { border: 1px solid #b26a00; border-radius: 4px;"
    " background: #fff4e5; } QFrame#openCartBox QLabel { color: #663c00; }"
)


@dataclass(frozen=True)
class OpenCart:
    cart_id: str
    customer: str
    transaction: BusinessTransaction
    created_at: datetime
    quote_number: str | None


def blocking_cart_id(violations: Sequence[Violation | ViolationOut]) -> str | None:
    """The open cart an OPEN_CART_EXISTS violation names, if there is one."""
    for found in violations:
        if found.code != OPEN_CART_EXISTS:
            continue
        if cart := found.params.get("cart"):
            return cart
        if match := _CART_IN_MESSAGE.search(found.message_en):
            return match.group(1)
    return None


def cached_open_cart(store: CacheStore, cart_id: str) -> OpenCart | None:
    with store.session() as session:  # one row by primary key
        line = cart_line(session, cart_id)
    if line is None:
        return None
    return OpenCart(
        line.cart_id,
        line.customer_name or "",
        line.business_transaction,
        line.created_at,
        line.quote_number,
    )


def fetched_open_cart(client: ApiClient, cart_id: str, customer: str) -> OpenCart:
    """On a worker: a cart the cache does not know yet (just made, not synced)."""
    cart = client.get_cart(cart_id)
    quote = client.quote(cart.quote_id) if cart.quote_id else None
    return OpenCart(
        cart.id,
        customer,
        cart.business_transaction,
        cart.created_at,
        quote.quote_number if quote else None,
    )


class OpenCartBox(QFrame):
    """The open cart in the way, with Resume and Delete (hidden while there is none)."""

    resumeRequested = Signal(str)  # noqa: N815 (Qt naming): the cart id
    deleteRequested = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openCartBox")
        self.setStyleSheet(BOX_STYLE)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("&Resume this cart"), self)
        self.delete_button = QPushButton(self.tr("De&lete this cart…"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.delete_button)
        self.cart: OpenCart | None = None
        self.resume_button.clicked.connect(self._resume)
        self.delete_button.clicked.connect(self._delete)
        self.hide()

    def show_cart(self, cart: OpenCart | None, description: str = "") -> None:
        self.cart = cart
        self.label.setText(self.tr("Continue this cart, or delete it to start a new one."))
        self.setToolTip(description)
        self.setVisible(cart is not None)

    def _resume(self) -> None:
        if self.cart is not None:
            self.resumeRequested.emit(self.cart.cart_id)

    def _delete(self) -> None:
        if self.cart is not None:
            self.deleteRequested.emit(self.cart.cart_id)


def describe(cart: OpenCart, transaction_label: str) -> str:
    """E.g. Product change for Müller GmbH, created on 02.12.2026 14:30 (quote AN-…)."""
    translate = QCoreApplication.translate  # literal calls, so that lupdate finds them
    text = (
        translate("OpenCart", "%1 for %2, created on %3")
        .replace("%1", transaction_label or cart.transaction.value)
        .replace("%2", cart.customer)
        .replace("%3", moment(cart.created_at))
    )
    if cart.quote_number:
        text += " " + translate("OpenCart", "(quote %1)").replace("%1", cart.quote_number)
    return text


class CancelQuestion(QMessageBox):
    """On Cancel with a cart stored: keep it (to resume later), delete it, or go back."""

    def __init__(self, description: str, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.NoButton, parent
        )
        self.setObjectName("cancelQuestion")
        self.setWindowTitle(self.tr("Cancel the order wizard"))
        self.setText(self.tr("A cart is stored for this order: %1.").replace("%1", description))
        self.setInformativeText(
            self.tr(
                "Keep it to continue later from Orders → Carts and quotes; while it is open, the "
                "contract takes no other cart. Or delete it."
            )
        )
        self.keep_button = self.addButton(self.tr("&Keep cart"), QMessageBox.ButtonRole.AcceptRole)
        self.delete_button = self.addButton(
            self.tr("&Delete cart"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.back_button = self.addButton(self.tr("&Go back"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.back_button)

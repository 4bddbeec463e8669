"""The document flow cart -> quote -> order -> contract, each step clickable where cached."""

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from desktop_app.cache.records import OrderDetail
from desktop_app.gui.common import formatting


class FlowKind(StrEnum):
    CART = "cart"
    QUOTE = "quote"
    ORDER = "order"
    CONTRACT = "contract"


@dataclass(frozen=True)
class FlowStep:
    kind: FlowKind
    id: str | None  # None: the order has no such step (no quote, no contract yet)
    number: str
    when: str
    cached: bool


def acts_on_existing_contract(detail: OrderDetail) -> bool:
    """A reorder, extension, product change ... not yet processed: the order names the
    existing contract (its id) but has no contract number of its own yet."""
    return detail.contract_number is None and detail.contract_id is not None


def contract_number(detail: OrderDetail) -> str:
    """The number processing gave the order, else that of the existing contract it acts on
    (when cached), else empty."""
    if detail.contract_number:
        return detail.contract_number
    if acts_on_existing_contract(detail) and detail.contract is not None:
        return detail.contract.contract_number
    return ""


def flow_steps(detail: OrderDetail) -> tuple[FlowStep, ...]:
    cart, quote, contract = detail.cart, detail.quote, detail.contract
    return (
        FlowStep(FlowKind.CART, detail.cart_id, "",
                 formatting.local_date(cart.created_at) if cart else "", cart is not None),
        FlowStep(FlowKind.QUOTE, detail.quote_id, detail.quote_number or "",
                 formatting.local_date(quote.created_at) if quote else "", quote is not None),
        FlowStep(FlowKind.ORDER, detail.id, detail.order_number,
                 formatting.local_date(detail.created_at), True),
        FlowStep(FlowKind.CONTRACT, detail.contract_id, contract_number(detail),
                 formatting.day(contract.start_date) if contract else "", contract is not None),
    )  # fmt: skip


class FlowStrip(QWidget):
    """Emits `flowItemActivated(kind, id)` when a cached step is clicked."""

    flowItemActivated = Signal(str, str)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._buttons: dict[FlowKind, QToolButton] = {}
        self._ids: dict[FlowKind, str] = {}
        self._existing = False  # the shown order acts on an existing contract
        for index, kind in enumerate(FlowKind):
            if index:
                arrow = QLabel("→")
                arrow.setAlignment(Qt.AlignmentFlag.AlignCenter)
                layout.addWidget(arrow)
            button = QToolButton(self)
            button.setObjectName(f"flow_{kind.value}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            if kind is FlowKind.ORDER:  # the order shown: a label, not a button
                button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            else:
                button.setCursor(Qt.CursorShape.PointingHandCursor)
                button.clicked.connect(self._clicked)
            layout.addWidget(button, 1)
            self._buttons[kind] = button

    def button(self, kind: FlowKind) -> QToolButton:
        return self._buttons[kind]

    def _caption(self, kind: FlowKind) -> str:
        return {
            FlowKind.CART: self.tr("Cart"),
            FlowKind.QUOTE: self.tr("Quote"),
            FlowKind.ORDER: self.tr("Order"),
            FlowKind.CONTRACT: self.tr("Contract"),
        }[kind]

    def show_flow(self, detail: OrderDetail) -> None:
        self._ids.clear()
        self._existing = acts_on_existing_contract(detail)
        for step in flow_steps(detail):
            button = self._buttons[step.kind]
            number = step.number or ("" if step.kind is FlowKind.CART else self.tr("none"))
            if step.kind is FlowKind.CONTRACT and step.id is None:
                number = self.tr("not yet assigned")
            elif step.kind is FlowKind.CONTRACT and not step.number:  # existing, not cached
                number = self.tr("existing contract")
            lines = [self._caption(step.kind), number, step.when]
            button.setText("\n".join(line for line in lines if line))
            font = button.font()
            font.setBold(step.kind is FlowKind.ORDER)
            button.setFont(font)
            button.setEnabled(step.cached)
            button.setToolTip(self._tooltip(step))
            if step.cached and step.id is not None:
                self._ids[step.kind] = step.id

    def _tooltip(self, step: FlowStep) -> str:
        if step.kind is FlowKind.ORDER:
            return self.tr("This order")
        if step.id is None:
            return (self.tr("This order was placed without a quote") if step.kind is FlowKind.QUOTE
                    else self.tr("The contract number is assigned during processing"))  # fmt: skip
        if step.kind is FlowKind.CONTRACT and self._existing:
            return (self.tr("The existing contract this order acts on")
                    + ("" if step.cached else " – " + self.tr("Not in the local cache")))
        if not step.cached:
            return self.tr("Not in the local cache")
        return self.tr("Show %1").replace("%1", self._caption(step.kind))

    @Slot()
    def _clicked(self) -> None:
        for kind, button in self._buttons.items():
            if button is self.sender() and kind in self._ids:
                self.flowItemActivated.emit(kind.value, self._ids[kind])

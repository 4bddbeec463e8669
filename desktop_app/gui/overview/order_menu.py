"""The order table's context menu: a new cart for the order's customer or contract, its
contract in the contracts overview, and the order-receipt confirmation."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from desktop_app.cache import queries
from desktop_app.cache.store import CacheStore
from desktop_app.gui.overview.order_table_model import ORDER_ID_ROLE

__all__ = ["OrderMenu", "order_menu"]

NewCart = Callable[[str, str], None]  # customer id, contract id ("" for none)


def _literal(name: str) -> str:
    """A name in a menu text: its "&" is a letter, not a mnemonic."""
    return name.replace("&", "&&")


def order_menu(table: QTableView, position: QPoint, store: CacheStore, new_cart: NewCart,
               new_cart_action: QAction,
               show_confirmation: Callable[[str], object],
               show_contract: Callable[[str], object] | None = None) -> QMenu | None:
    """The menu for the order at `position` (viewport coordinates); None off the rows."""
    index = table.indexAt(position)
    order_id = index.data(ORDER_ID_ROLE) if index.isValid() else None
    if not order_id:
        return None
    with store.session() as session:  # one order by id
        detail = queries.order_detail(session, order_id)
    if detail is None:
        return None
    translate = QCoreApplication.translate  # literal calls, so that lupdate finds them
    menu = QMenu(table)
    for_customer = menu.addAction(translate("OrderMenu", "New cart for customer %1…").replace(
        "%1", _literal(detail.customer_name)))
    for_customer.triggered.connect(lambda: new_cart(detail.customer_id, ""))
    number = detail.contract_number or (detail.contract.contract_number
                                        if detail.contract else None)
    if detail.contract_id and number:
        for_contract = menu.addAction(translate("OrderMenu", "New cart for contract %1…")
                                      .replace("%1", _literal(number)))
        for_contract.triggered.connect(
            lambda: new_cart(detail.customer_id, detail.contract_id or ""))
    for action in menu.actions():
        action.setEnabled(new_cart_action.isEnabled())
    menu.addSeparator()
    if show_contract is not None and detail.contract is not None:  # cached: it is listed
        contract = detail.contract
        shown = menu.addAction(translate("OrderMenu", "Show contract %1")
                               .replace("%1", _literal(contract.contract_number)))
        shown.triggered.connect(lambda: show_contract(contract.id))
    confirmation = menu.addAction(translate("OrderMenu", "Order-receipt confirmation…"))
    confirmation.triggered.connect(lambda: show_confirmation(detail.id))
    return menu


class OrderMenu(QObject):
    """The table's context menu; one at a time (the previous one is deleted)."""

    def __init__(self, table: QTableView, store: CacheStore, new_cart: NewCart,
                 new_cart_action: QAction, show_confirmation: Callable[[str], object],
                 show_contract: Callable[[str], object] | None = None) -> None:
        super().__init__(table)
        self._table = table
        self._args = (store, new_cart, new_cart_action, show_confirmation, show_contract)
        self._menu: QMenu | None = None

    def menu_at(self, position: QPoint) -> QMenu | None:
        menu = order_menu(self._table, position, *self._args)
        if menu is not None:
            if self._menu is not None:
                self._menu.deleteLater()
            self._menu = menu
        return menu

    @Slot(QPoint)
    def popup(self, position: QPoint) -> None:
        if (menu := self.menu_at(position)) is not None:
            menu.popup(self._table.viewport().mapToGlobal(position))

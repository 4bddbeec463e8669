"""Page 3: the cart. Products and options from the cached catalog, quantities, a usage
location with phone numbers; every change is stored on the backend (so the cart can be
resumed) and validated there; the price summary follows in the UI locale. Read-only, visibly,
once a quote exists."""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop_app.cache.ordering import CatalogOption, CatalogProduct, catalog
from desktop_app.contract.carts import (
    CartItemIn,
    CartOut,
    SelectedOptionIn,
    UsageLocationIn,
    ValidationResult,
)
from desktop_app.contract.parties import AddressIn
from desktop_app.domain import catalog as domain_catalog
from desktop_app.domain.entities import Address, CartItem, SelectedOption, UsageLocation
from desktop_app.domain.enums import OptionKind
from desktop_app.domain.items import check_item
from desktop_app.domain.transactions import TransactionContext, check_products_fit
from desktop_app.domain.violations import Violation
from desktop_app.gui.common import formatting
from desktop_app.gui.common.tasks import TaskGroup
from desktop_app.gui.ordering.wizard.page import WizardPage, field_error
from desktop_app.gui.ordering.wizard.state import WizardState
from desktop_app.gui.ordering.wizard.transaction_page import domain_contract

FORM = "wizard_cart.ui"
BANNER_STYLE = ("QLabel { border: 1px solid #b26a00; border-radius: 4px; padding: 6px 8px;"
                " background: #fff4e5; color: #663c00; font-weight: bold; }")


def _fallback_catalog() -> list[CatalogProduct]:
    """Before the first catalog sync: the domain's own catalog."""
    return [CatalogProduct(
        p.code, p.family, p.name_de, p.name_en, p.monthly_cents, p.one_time_cents,
        p.minimum_term_months, True,
        tuple(CatalogOption(o.code, o.kind, o.name_de, o.name_en, o.monthly_cents,
                            o.one_time_cents, o.max_quantity) for o in p.options))
        for p in domain_catalog.orderable_products()]


def split_numbers(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def domain_item(item: CartItemIn) -> CartItem:
    return CartItem(
        item.product_code, item.quantity,
        tuple(SelectedOption(o.code, o.quantity, tuple(o.phone_numbers)) for o in item.options),
        tuple(UsageLocation(Address(u.address.street, u.address.postal_code, u.address.city,
                                    u.address.country), tuple(u.phone_numbers))
              for u in item.usage_locations))


class CartPage(WizardPage):
    def __init__(self, state: WizardState, runner: TaskGroup,
                 parent: QWidget | None = None) -> None:
        super().__init__(FORM, state, runner, parent)
        self.setTitle(self.tr("Cart"))
        self.setSubTitle(self.tr("Add products with their options and usage locations. The "
                                 "cart is stored on the backend and checked after each "
                                 "change."))
        self.banner = self.widget(QLabel, "readOnlyBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.editor = self.widget(QGroupBox, "editorGroup")
        self.product = self.widget(QComboBox, "productCombo")
        self.quantity = self.widget(QSpinBox, "quantitySpin")
        self.options = self.widget(QTableWidget, "optionsTable")
        self.street = self.widget(QLineEdit, "streetEdit")
        self.postal_code = self.widget(QLineEdit, "postalCodeEdit")
        self.city = self.widget(QLineEdit, "cityEdit")
        self.phones = self.widget(QLineEdit, "phoneEdit")
        self.item_error = self.widget(QLabel, "itemError")
        self.add_button = self.widget(QPushButton, "addButton")
        self.items = self.widget(QTreeWidget, "itemsTree")
        self.remove_button = self.widget(QPushButton, "removeButton")
        self.totals = {name: self.widget(QLabel, f"{name}Value") for name in
                       ("monthlyNet", "monthlyGross", "oneTimeNet", "oneTimeGross")}
        field_error(self.item_error, None)
        self._valid = False
        self._shown: list[bool] = []  # per top-level row: added automatically (a fee)?
        self._products = self._load_catalog()
        self._setup_tables()
        for product in self._products:
            self.product.addItem(self._pick(product.name_de, product.name_en), product.code)
        self.product.currentIndexChanged.connect(self._product_changed)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_selected)
        self.items.itemSelectionChanged.connect(self._update_buttons)
        self._product_changed()

    def _pick(self, german: str, english: str) -> str:
        return german if self.state.language == "de" else english

    def _load_catalog(self) -> list[CatalogProduct]:
        with self.state.cache.store.session() as session:
            cached = [p for p in catalog(session) if p.orderable]
        return cached or _fallback_catalog()

    def _setup_tables(self) -> None:
        self.options.setColumnCount(3)
        self.options.setHorizontalHeaderLabels(
            [self.tr("Option"), self.tr("Quantity"), self.tr("Phone numbers (porting)")])
        self.options.verticalHeader().hide()
        header = self.options.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.items.setColumnCount(4)
        self.items.setHeaderLabels([self.tr("Item"), self.tr("Quantity"),
                                    self.tr("Monthly (net)"), self.tr("One-time (net)")])
        tree_header = self.items.header()
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            tree_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setAlternatingRowColors(True)

    @property
    def current_product(self) -> CatalogProduct | None:
        code = self.product.currentData()
        return next((p for p in self._products if p.code == code), None)

    def select_product(self, code: str) -> None:
        self.product.setCurrentIndex(self.product.findData(code))

    @Slot()
    def _product_changed(self, *_args: object) -> None:
        product = self.current_product
        offered = [o for o in (product.options if product else ())
                   if o.kind is not OptionKind.USAGE_LOCATION]
        self.options.setRowCount(len(offered))
        for row, option in enumerate(offered):
            price = formatting.money(option.monthly_cents) if option.monthly_cents else \
                formatting.money(option.one_time_cents)
            check = QTableWidgetItem(f"{self._pick(option.name_de, option.name_en)} ({price})")
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            check.setData(Qt.ItemDataRole.UserRole, option.code)
            self.options.setItem(row, 0, check)
            spin = QSpinBox()
            spin.setRange(1, option.max_quantity)
            spin.setEnabled(option.max_quantity > 1)
            self.options.setCellWidget(row, 1, spin)
            numbers = QLineEdit()
            numbers.setEnabled(option.kind is OptionKind.NUMBER_PORTING)
            self.options.setCellWidget(row, 2, numbers)
        has_location = product is not None and any(
            o.kind is OptionKind.USAGE_LOCATION for o in product.options)
        for edit in (self.street, self.postal_code, self.city):
            edit.setEnabled(has_location)
        self.phones.setEnabled(has_location and product is not None and product.family.is_voice)
        field_error(self.item_error, None)

    def set_option(self, code: str, checked: bool = True, quantity: int = 1,
                   numbers: str = "") -> None:
        for row in range(self.options.rowCount()):
            entry = self.options.item(row, 0)
            if entry is not None and entry.data(Qt.ItemDataRole.UserRole) == code:
                entry.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                spin, edit = self.options.cellWidget(row, 1), self.options.cellWidget(row, 2)
                assert isinstance(spin, QSpinBox) and isinstance(edit, QLineEdit)
                spin.setValue(quantity)
                edit.setText(numbers)

    def set_location(self, street: str, postal_code: str, city: str, phones: str = "") -> None:
        self.street.setText(street)
        self.postal_code.setText(postal_code)
        self.city.setText(city)
        self.phones.setText(phones)

    # --- the item being added -----------------------------------------------------------------

    def _selected_options(self) -> list[SelectedOptionIn]:
        chosen: list[SelectedOptionIn] = []
        for row in range(self.options.rowCount()):
            entry = self.options.item(row, 0)
            if entry is None or entry.checkState() != Qt.CheckState.Checked:
                continue
            spin, edit = self.options.cellWidget(row, 1), self.options.cellWidget(row, 2)
            assert isinstance(spin, QSpinBox) and isinstance(edit, QLineEdit)
            chosen.append(SelectedOptionIn(code=str(entry.data(Qt.ItemDataRole.UserRole)),
                                           quantity=spin.value(),
                                           phone_numbers=split_numbers(edit.text())))
        return chosen

    def built_item(self) -> CartItemIn | None:
        product = self.current_product
        if product is None:
            return None
        locations: list[UsageLocationIn] = []
        if self.street.isEnabled() and any(e.text().strip() for e in
                                           (self.street, self.postal_code, self.city)):
            locations.append(UsageLocationIn(
                address=AddressIn(street=self.street.text(), postal_code=self.postal_code.text(),
                                  city=self.city.text()),
                phone_numbers=split_numbers(self.phones.text()) if self.phones.isEnabled()
                else []))
        return CartItemIn(product_code=product.code, quantity=self.quantity.value(),
                          options=self._selected_options(), usage_locations=locations)

    def item_violations(self, item: CartItemIn) -> list[Violation]:
        """The domain's item rules and whether the product fits the transaction."""
        index = len(self.state.items)
        found = [replace(v, field=None) for v in check_item(domain_item(item), index)]
        party, transaction = self.state.party, self.state.transaction
        if party is not None and transaction is not None:
            contract = self.state.contract
            context = TransactionContext(transaction, party,
                                         domain_contract(contract) if contract else None, (),
                                         date.today())
            found += check_products_fit(context, (domain_item(item),))
        return found

    @Slot()
    def add_item(self) -> None:
        item = self.built_item()
        if item is None or self.busy or self.state.cart_read_only:
            return
        problems = self.item_violations(item)
        field_error(self.item_error, "\n".join(v.message(self.state.language)
                                               for v in problems) or None)
        if problems:
            return
        self._store([*self.state.items, item])

    @Slot()
    def remove_selected(self) -> None:
        row = self.selected_row()
        user_rows = [i for i, out in enumerate(self._shown) if not out]
        if row < 0 or row not in user_rows or self.busy:
            return
        items = list(self.state.items)
        del items[user_rows.index(row)]
        self._store(items)

    def _store(self, items: list[CartItemIn]) -> None:
        cart = self.state.cart
        if cart is None:
            return
        client = self.state.client

        language = self.state.language

        def work() -> tuple[CartOut, list[str], bool]:
            stored = client.replace_items(cart.id, items)
            result = client.validate_cart(cart.id)
            return stored, [v.message(language) for v in result.violations], result.valid

        def done(outcome: tuple[CartOut, list[str], bool]) -> None:
            stored, problems, valid = outcome
            self.state.cart, self.state.items, self._valid = stored, items, valid
            self.show_problems(problems)
            self.show_cart()

        self.call(work, done)

    # --- the cart as stored ----------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.show_cart()

    def show_cart(self) -> None:
        cart = self.state.cart
        lines = cart.items if cart else []
        self.items.clear()
        self._shown = []
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for line in lines:
            name = self._pick(line.product_name_de, line.product_name_en)
            if line.automatic:
                name += " – " + self.tr("added automatically")
            top = QTreeWidgetItem(self.items, [
                name, str(line.quantity), formatting.money(line.monthly_net_cents),
                formatting.money(line.one_time_net_cents)])
            for column in (1, 2, 3):
                top.setTextAlignment(column, right)
            for option in line.options:
                QTreeWidgetItem(top, [self._pick(option.name_de, option.name_en),
                                      str(option.quantity)]).setTextAlignment(1, right)
            for location in line.usage_locations:
                address = location.address
                place = QTreeWidgetItem(top, [f"{address.street}, {address.postal_code} "
                                              f"{address.city}"])
                if location.phone_numbers:
                    QTreeWidgetItem(place, [", ".join(location.phone_numbers)])
            self._shown.append(line.automatic)
        self.items.expandAll()
        for entry in self.items.findItems("*", Qt.MatchFlag.MatchWildcard
                                          | Qt.MatchFlag.MatchRecursive):
            entry.setToolTip(0, entry.text(0))  # a narrow column elides; the tip has it all
        totals = cart.totals if cart else None
        for name, cents in (("monthlyNet", totals.monthly_net_cents if totals else 0),
                            ("monthlyGross", totals.monthly_gross_cents if totals else 0),
                            ("oneTimeNet", totals.one_time_net_cents if totals else 0),
                            ("oneTimeGross", totals.one_time_gross_cents if totals else 0)):
            self.totals[name].setText(formatting.money(cents))
        read_only = self.state.cart_read_only
        self.banner.setVisible(read_only)
        self.editor.setEnabled(not read_only)
        self._update_buttons()

    def selected_row(self) -> int:
        """The cart line (top-level row) of the current entry; -1 for none."""
        entry = self.items.currentItem()
        while entry is not None and entry.parent() is not None:
            entry = entry.parent()
        return self.items.indexOfTopLevelItem(entry) if entry is not None else -1

    def select_row(self, row: int) -> None:
        entry = self.items.topLevelItem(row)
        if entry is not None:
            self.items.setCurrentItem(entry)

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        removable = 0 <= row < len(self._shown) and not self._shown[row]
        self.remove_button.setEnabled(removable and not self.state.cart_read_only)

    def mark_valid(self, open_cart: bool) -> None:
        """A resumed cart: checked again by the backend before Next."""
        self._valid = False
        if open_cart and self.state.cart is not None:
            cart_id, client = self.state.cart.id, self.state.client
            self.call(lambda: client.validate_cart(cart_id), self._validated)

    def _validated(self, result: ValidationResult) -> None:
        self._valid = result.valid
        self.show_problems([v.message(self.state.language) for v in result.violations])

    def ready(self) -> bool:
        if self.state.cart_read_only:
            return True
        return bool(self.state.items) and self._valid

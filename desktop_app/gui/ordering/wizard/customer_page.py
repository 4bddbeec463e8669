"""Page 1: pick a cached customer or prospect, or create a prospect (each field checked)."""

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QWidget

from desktop_app.cache import queries
from desktop_app.cache.ordering import customer as cached_customer
from desktop_app.cache.records import CustomerInfo
from desktop_app.contract.parties import AddressIn, PartyOut, ProspectCreate
from desktop_app.domain.entities import Address, Party
from desktop_app.domain.enums import PartyKind
from desktop_app.domain.validation import check_address, check_email
from desktop_app.gui.common.tasks import TaskGroup
from desktop_app.gui.ordering.wizard.page import WizardPage, field_error
from desktop_app.gui.ordering.wizard.state import WizardState

FORM = "wizard_customer.ui"
PARTY_ROLE = Qt.ItemDataRole.UserRole
SEARCH_LIMIT = 200
SEARCH_PAUSE_MS = 150  # the list follows a pause in typing, not every keystroke


def party_of(info: CustomerInfo) -> Party:
    return Party(info.id, info.tenant_id, info.kind, info.company, info.contact_name, info.email,
                 Address(info.street, info.postal_code, info.city, info.country))


def party_from_wire(party: PartyOut) -> Party:
    address = party.address
    return Party(party.id, party.tenant_id, party.kind, party.company, party.contact_name,
                 party.email, Address(address.street, address.postal_code, address.city,
                                      address.country))


class CustomerPage(WizardPage):
    def __init__(self, state: WizardState, runner: TaskGroup,
                 parent: QWidget | None = None) -> None:
        super().__init__(FORM, state, runner, parent)
        self.setTitle(self.tr("Customer or prospect"))
        self.setSubTitle(self.tr("Search the cached customers, or create a prospect."))
        self.search = self.widget(QLineEdit, "searchEdit")
        self.list = self.widget(QListWidget, "customerList")
        self.selected = self.widget(QLabel, "selectedLabel")
        self.create_button = self.widget(QPushButton, "createProspectButton")
        self.fields = {name: self.widget(QLineEdit, f"{name}Edit")
                       for name in ("company", "contact", "street", "postalCode", "city",
                                    "email")}  # fmt: skip
        self.errors = {name: self.widget(QLabel, f"{name}Error") for name in self.fields}
        for label in self.errors.values():
            field_error(label, None)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(lambda: self._search(self.search.text()))
        self.search.textChanged.connect(self._pause.start)
        self.list.currentItemChanged.connect(self._chosen)
        self.create_button.clicked.connect(self.create_prospect)
        self._search("")

    @Slot(str)
    def _search(self, text: str) -> None:
        with self.state.cache.store.session() as session:  # LIKE over a few hundred rows
            found = queries.customers(session, text, SEARCH_LIMIT)
        current = self.state.party.id if self.state.party else None
        self.list.blockSignals(True)
        self.list.clear()
        for info in found:
            self._add(party_of(info), info.customer_number)
        self.list.blockSignals(False)
        self._select(current)

    def _add(self, party: Party, number: str) -> QListWidgetItem:
        kind = self.tr("Prospect") if party.kind is PartyKind.PROSPECT else self.tr("Customer")
        entry = QListWidgetItem(f"{party.company} — {party.address.city}\n{kind} {number}")
        entry.setData(PARTY_ROLE, party)
        self.list.addItem(entry)
        return entry

    def _select(self, party_id: str | None) -> None:
        for row in range(self.list.count()):
            entry = self.list.item(row)
            party = entry.data(PARTY_ROLE)
            if isinstance(party, Party) and party.id == party_id:
                self.list.setCurrentItem(entry)
                return

    def preselect(self, customer_id: str) -> bool:
        """Start on a customer given by the caller (a context menu); False if not cached."""
        with self.state.cache.store.session() as session:
            info = cached_customer(session, customer_id)
        if info is None:
            return False
        self.state.party = party_of(info)
        self.search.setText(info.company)
        self._pause.stop()
        self._search(info.company)  # now: the customer must be listed to be selected
        self._select(info.id)
        self._show_selected()
        return True

    @Slot(QListWidgetItem, QListWidgetItem)
    def _chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        party = current.data(PARTY_ROLE) if current is not None else None
        if isinstance(party, Party):
            self.state.party = party
        self._show_selected()
        self.refresh()

    def _show_selected(self) -> None:
        party = self.state.party
        if party is None:
            self.selected.setText(self.tr("No customer chosen yet."))
            return
        email = party.email or self.tr("no email in the master data")
        self.selected.setText(self.tr("Chosen: %1 (%2)").replace("%1", party.company)
                              .replace("%2", email))

    def ready(self) -> bool:
        return self.state.party is not None

    # --- a new prospect -----------------------------------------------------------------------

    def _text(self, name: str) -> str:
        return self.fields[name].text().strip()

    def prospect_problems(self) -> dict[str, str]:
        """Field -> message, from the domain's checks; empty when the prospect may be sent."""
        language = self.state.language
        problems: dict[str, str] = {}
        for name, caption in (("company", self.tr("The company")),
                              ("contact", self.tr("The contact person"))):  # fmt: skip
            if not self._text(name):
                problems[name] = self.tr("%1 is required.").replace("%1", caption)
        address = Address(self._text("street"), self._text("postalCode"), self._text("city"))
        for found in check_address(address, "address"):
            name = (found.field or "").rsplit(".", 1)[-1]
            key = "postalCode" if name == "postal_code" else name
            problems.setdefault(key, found.message(language))
        for found in check_email(self._text("email") or None, "email"):
            problems["email"] = (self.tr("The email address is required.")
                                 if found.code == "FIELD_REQUIRED" else found.message(language))
        return problems

    @Slot()
    def create_prospect(self) -> None:
        problems = self.prospect_problems()
        for name, label in self.errors.items():
            field_error(label, problems.get(name))
        if problems:
            self.fields[next(iter(problems))].setFocus()
            return
        body = ProspectCreate(company=self._text("company"), contact_name=self._text("contact"),
                              email=self._text("email"),
                              address=AddressIn(street=self._text("street"),
                                                postal_code=self._text("postalCode"),
                                                city=self._text("city")))  # fmt: skip
        client = self.state.client
        self.call(lambda: client.create_prospect(body), self._created)

    def _created(self, party: PartyOut) -> None:
        chosen = party_from_wire(party)
        self.state.party = chosen
        entry = self._add(chosen, party.customer_number)
        self.list.setCurrentItem(entry)
        for edit in self.fields.values():
            edit.clear()

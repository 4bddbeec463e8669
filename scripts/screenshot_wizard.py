"""Screenshots of every order-wizard page and of the confirmation page, on demo data.

    xvfb-run -a python scripts/screenshot_wizard.py [OUTPUT_DIR] [--language en|de]

Seeds the reference backend in a temporary folder, syncs it into a temporary cache as the
demo clerk max.nord and walks the wizard like a clerk: a new order with a quote (customer,
transaction, cart, the cart read-only after the quote, quote sent, approval, summary,
confirmation), a product change blocked by the minimum term, a prospect whose quote waits for
the provider, the prospect form with its field messages, and the confirmation page reopened
from the cache. Saves `wizard-<nn>-<page>-<lang>.png` in OUTPUT_DIR (default `screenshots/`).
German texts appear once the lead has added the translations (the backend's labels and rule
messages are German already with --language de).
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, even when another one is installed

from desktop_app.api import ApiClient  # noqa: E402
from desktop_app.api.errors import Language  # noqa: E402
from desktop_app.domain.enums import BusinessTransaction, ChangeRequestState  # noqa: E402
from desktop_app.gui.common.formatting import locale_for  # noqa: E402
from desktop_app.gui.common.translations import install_translators  # noqa: E402
from desktop_app.gui.documents.confirmation import ConfirmationDialog  # noqa: E402
from desktop_app.gui.ordering.wizard import OrderWizard, PageId  # noqa: E402
from desktop_app.gui.ordering.wizard.page import WizardPage  # noqa: E402
from desktop_app.server.embedded import EmbeddedServer  # noqa: E402
from desktop_app.sync.live_cache import LiveCache  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402
from tests.gui.wizard_support import make_contract, sync  # noqa: E402
from tests.sync.ordering import a_customer  # noqa: E402
from tests.sync.support import login, start_seeded_server  # noqa: E402

SIZE = (1100, 760)
TIMEOUT = 30.0


class Shooter:
    def __init__(self, app: QApplication, output: Path, language: Language) -> None:
        self.app, self.output, self.language = app, output, language
        self.count = 0
        self.saved: list[Path] = []

    def settle(self, page: WizardPage | None = None) -> None:
        deadline = time.monotonic() + TIMEOUT
        while True:
            self.app.processEvents()
            if page is None or not page.busy:
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"{type(page).__name__} stayed busy")
            time.sleep(0.02)
        for _ in range(5):
            self.app.processEvents()

    def shoot(self, widget: QWidget, name: str) -> None:
        self.settle()
        self.count += 1
        target = self.output / f"wizard-{self.count:02d}-{name}-{self.language}.png"
        if not widget.grab().save(str(target)):
            raise SystemExit(f"could not save {target}")
        self.saved.append(target)

    def next(self, wizard: OrderWizard, expected: PageId) -> None:
        page = wizard.currentPage()
        assert isinstance(page, WizardPage)
        wizard.next()
        self.settle(page)
        if wizard.currentId() != int(expected):
            raise SystemExit(f"stuck on {type(page).__name__}: {page.problems}")

    def wizard(self, client: ApiClient, cache: LiveCache, *args: object) -> OrderWizard:
        wizard = OrderWizard(client, cache, self.language, *args)  # type: ignore[arg-type]
        wizard.resize(*SIZE)
        wizard.show()
        self.settle(wizard.customer_page)
        return wizard


def scroll_to_end(view: QWidget) -> None:
    area = view.findChild(QScrollArea, "scrollArea")
    if isinstance(area, QScrollArea):
        QApplication.processEvents()
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())


def new_order_with_quote(shots: Shooter, client: ApiClient, cache: LiveCache) -> None:
    wizard = shots.wizard(client, cache)
    customer = a_customer(client, 1)
    page = wizard.customer_page
    page.search.setText(client.customer(customer).company.split()[0])
    shots.settle()
    page.preselect(customer)
    shots.shoot(wizard, "customer")
    shots.next(wizard, PageId.TRANSACTION)
    wizard.transaction_page.select_transaction(BusinessTransaction.NEW_ORDER)
    shots.shoot(wizard, "transaction")
    shots.next(wizard, PageId.CART)
    cart = wizard.cart_page
    for product, options in (("centraflex-10", ("flat-de", "encryption")),
                             ("internet-dsl-250", ("static-ip-8",))):
        cart.select_product(product)
        for code in options:
            cart.set_option(code)
        voice = product.startswith("centraflex")
        cart.set_location("Hafenstraße 12", "20457", "Hamburg",
                          "040 1234567, 040 1234568" if voice else "")
        cart.add_item()
        shots.settle(cart)
    cart.select_product("ipfonie-trunk-10")
    cart.set_location("Hafenstraße 12", "20457", "Hamburg", "12345")
    cart.add_item()  # an invalid phone number: the message beside the editor
    shots.shoot(wizard, "cart")
    wizard.set_online(False, "The server cannot be reached (127.0.0.1). Please check the "
                             "network connection; cached orders stay readable.")
    shots.shoot(wizard, "cart-offline")
    wizard.set_online(True)
    shots.next(wizard, PageId.QUOTE)
    quote = wizard.quote_page
    shots.shoot(wizard, "quote-new")
    quote.create_quote()
    shots.settle(quote)
    quote.extra.setText("einkauf@")
    shots.shoot(wizard, "quote-invalid-recipient")
    quote.extra.setText("einkauf@kunde.example")
    quote.send_quote()
    shots.settle(quote)
    shots.shoot(wizard, "quote-sent")
    wizard.back()
    shots.shoot(wizard, "cart-read-only")
    shots.next(wizard, PageId.QUOTE)
    shots.next(wizard, PageId.APPROVAL)
    approval = wizard.approval_page
    shots.shoot(wizard, "approval-waiting")
    approval.approver.setText("chefin@kunde.example")
    approval.approve()
    shots.settle(approval)
    shots.shoot(wizard, "approval-approved")
    shots.next(wizard, PageId.SUBMIT)
    shots.shoot(wizard, "submit")
    shots.next(wizard, PageId.CONFIRMATION)
    shots.shoot(wizard, "confirmation")
    scroll_to_end(wizard.confirmation_page.view)
    shots.shoot(wizard, "confirmation-end")
    wizard.close()


def product_change_blocked(shots: Shooter, server: EmbeddedServer, client: ApiClient,
                           cache: LiveCache) -> None:
    customer = a_customer(client, 2)
    contract = make_contract(server, customer, "ipfonie-trunk-10", in_minimum_term=True)
    make_contract(server, customer, "centraflex-10", in_minimum_term=True,
                  change_request=ChangeRequestState.APPROVED)
    sync(client, cache)
    wizard = shots.wizard(client, cache, customer, contract,
                          BusinessTransaction.PRODUCT_CHANGE)
    shots.shoot(wizard, "transaction-minimum-term")
    wizard.close()


def prospect_waits_for_provider(shots: Shooter, client: ApiClient, cache: LiveCache) -> None:
    wizard = shots.wizard(client, cache)
    page = wizard.customer_page
    for name, text in (("company", "Startup Nord GmbH"), ("contact", ""),
                       ("street", "Hafenstraße 1"), ("postalCode", "2045"),
                       ("city", "Hamburg"), ("email", "pia@startup")):  # fmt: skip
        page.fields[name].setText(text)
    page.create_prospect()
    shots.shoot(wizard, "customer-prospect-errors")
    page.fields["contact"].setText("Pia Neu")
    page.fields["postalCode"].setText("20457")
    page.fields["email"].setText("pia@startup.example")
    page.create_prospect()
    shots.settle(page)
    shots.next(wizard, PageId.TRANSACTION)
    wizard.transaction_page.select_transaction(BusinessTransaction.NEW_ORDER)
    shots.next(wizard, PageId.CART)
    cart = wizard.cart_page
    cart.select_product("ipfonie-trunk-30")
    cart.set_location("Hafenstraße 1", "20457", "Hamburg", "040 7654321")
    cart.add_item()
    shots.settle(cart)
    shots.next(wizard, PageId.QUOTE)
    wizard.quote_page.create_quote()
    shots.settle(wizard.quote_page)
    wizard.quote_page.send_quote()
    shots.settle(wizard.quote_page)
    shots.next(wizard, PageId.APPROVAL)
    approval = wizard.approval_page
    approval.approver.setText("pia@startup.example")
    approval.approve()
    shots.settle(approval)
    shots.shoot(wizard, "approval-provider")
    wizard.close()


def reopened_confirmation(shots: Shooter, client: ApiClient, cache: LiveCache) -> None:
    sync(client, cache)
    from desktop_app.cache import queries

    with cache.store.session() as session:
        newest = queries.order_ids(session, queries.OrderFilter(), queries.OrderSort())
        detail = None
        for order_id in newest[:50]:
            candidate = queries.order_detail(session, order_id)
            if candidate and candidate.quote_id and len(candidate.recipients) > 2:
                detail = candidate
                break
        statuses = queries.statuses(session)
        transactions = queries.business_transactions(session)
    if detail is None:
        return
    dialog = ConfirmationDialog(detail, statuses, transactions, shots.language)
    dialog.resize(820, 760)
    dialog.show()
    shots.shoot(dialog, "confirmation-from-cache")
    scroll_to_end(dialog.view)
    shots.shoot(dialog, "confirmation-from-cache-end")
    dialog.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--language", choices=("en", "de"), default="en")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    language: Language = "de" if args.language == "de" else "en"
    QLocale.setDefault(locale_for(language))
    install_translators(language)  # the window texts in that language
    args.output.mkdir(parents=True, exist_ok=True)
    shots = Shooter(app, args.output, language)
    with tempfile.TemporaryDirectory(prefix="orderdesk-wizard-shots-") as folder:
        server = start_seeded_server(Path(folder))
        client = login(server)
        cache = LiveCache(Path(folder) / "cache.sqlite3")
        try:
            sync(client, cache)
            new_order_with_quote(shots, client, cache)
            product_change_blocked(shots, server, client, cache)
            prospect_waits_for_provider(shots, client, cache)
            reopened_confirmation(shots, client, cache)
        finally:
            cache.close()
            client.close()
            server.stop()
    for path in shots.saved:
        print(path)
    app.quit()


if __name__ == "__main__":
    main()

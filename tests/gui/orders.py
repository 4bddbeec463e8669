"""Generated orders for the GUI tests and the GUI benchmark (deterministic)."""

import random
from datetime import UTC, datetime, timedelta

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import apply_page, save_catalog
from desktop_app.contract.meta import BusinessTransactionOut, StatusOut
from desktop_app.contract.orders import OrderOut
from desktop_app.domain.enums import BusinessTransaction, OrderStatus

from tests.cache import records

START = datetime(2025, 1, 1, tzinfo=UTC)
NAMES = ["Müller", "Schröder", "Abel", "Zimmermann", "Becker", "Wolf", "Neumann", "Krause"]
FORMS = ["GmbH", "AG", "KG", "GmbH & Co. KG", "e.K."]
USERS = [f"u-{n}" for n in range(5)]

STATUSES = [
    StatusOut(code=OrderStatus.RECEIVED, label_de="Eingegangen", label_en="Received",
              explanation_de="Der Auftrag ist eingegangen.",
              explanation_en="The order has been received."),
    StatusOut(code=OrderStatus.IN_PROCESSING, label_de="In Bearbeitung",
              label_en="In processing", explanation_de="Der Auftrag wird bearbeitet.",
              explanation_en="The order is being processed."),
    StatusOut(code=OrderStatus.COMPLETED, label_de="Abgeschlossen", label_en="Completed",
              explanation_de="Der Auftrag ist abgeschlossen.",
              explanation_en="The order has been completed."),
]  # fmt: skip
TRANSACTIONS = [
    BusinessTransactionOut(code=code, label_de=f"GV {code.value}", label_en=f"BT {code.value}",
                           acts_on_contract=code.acts_on_contract)
    for code in BusinessTransaction
]  # fmt: skip


def generated(count: int, seed: int = 7, first: int = 1) -> list[OrderOut]:
    rng = random.Random(seed)
    return [
        records.order(
            n, customer_name=f"{rng.choice(NAMES)} {rng.choice(NAMES)} {rng.choice(FORMS)}",
            product_code=rng.choice(list(records.PRODUCTS)),
            status=rng.choice(list(OrderStatus)),
            transaction=rng.choice(list(BusinessTransaction)),
            contract_number=f"VT-{10000000 + n}" if rng.random() < 0.8 else None,
            created_at=START + timedelta(minutes=rng.randrange(500_000)),
            created_by=rng.choice(USERS),
        )
        for n in range(first, first + count)
    ]  # fmt: skip


def fill(store: CacheStore, orders: list[OrderOut], page: int = 1000) -> None:
    """The orders and the status / transaction catalog, as a sync writes them."""
    save_catalog(store, statuses=STATUSES, business_transactions=TRANSACTIONS)
    for start in range(0, len(orders), page):
        apply_page(store, records.upserts(orders[start : start + page]), [], str(start))

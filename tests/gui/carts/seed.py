"""A cache with carts and quotes in every state the view shows (and some it must not)."""

from datetime import date, timedelta

from desktop_app.cache.store import CacheStore
from desktop_app.cache.writer import apply_page, save_catalog
from desktop_app.contract.carts import CartOut, QuoteOut, Totals
from desktop_app.domain.enums import BusinessTransaction, CartState, QuoteState

from tests.cache import records
from tests.gui import orders

TODAY = date(2025, 4, 1)
TENANT = "t-nord"
VALID = date(2025, 4, 10)  # after TODAY
PAST = date(2025, 3, 20)  # before TODAY

# cart id -> (quote state or None for a bare open cart, valid until, customer)
QUOTES: dict[str, tuple[QuoteState | None, date, str]] = {
    "cart-open-1": (None, VALID, "party-1"),
    "cart-open-2": (None, VALID, "party-2"),
    "cart-q-open": (QuoteState.OPEN, VALID, "party-1"),
    "cart-q-sent": (QuoteState.SENT, VALID, "party-2"),
    "cart-q-sent-old": (QuoteState.SENT, PAST, "party-1"),  # shown as expired
    "cart-q-approved": (QuoteState.APPROVED, VALID, "party-3"),
    "cart-q-rejected": (QuoteState.REJECTED, VALID, "party-1"),
    "cart-q-withdrawn": (QuoteState.WITHDRAWN, PAST, "party-2"),  # stays withdrawn
    "cart-q-expired": (QuoteState.EXPIRED, PAST, "party-3"),
}
SHOWN_STATES: dict[str, QuoteState] = {
    "cart-open-1": QuoteState.OPEN, "cart-open-2": QuoteState.OPEN,
    "cart-q-open": QuoteState.OPEN, "cart-q-sent": QuoteState.SENT,
    "cart-q-sent-old": QuoteState.EXPIRED, "cart-q-approved": QuoteState.APPROVED,
    "cart-q-rejected": QuoteState.REJECTED, "cart-q-withdrawn": QuoteState.WITHDRAWN,
    "cart-q-expired": QuoteState.EXPIRED,
}  # fmt: skip
HIDDEN = ("cart-ordered", "cart-other-tenant")
NAMES = {"party-1": "Müller Elektro GmbH", "party-2": "Abel & Söhne KG",
         "party-3": "Zimmermann Bau AG"}


def _totals(n: int) -> Totals:
    return Totals(monthly_net_cents=1000 * n, monthly_gross_cents=1190 * n,
                  one_time_net_cents=500 * (10 - n), one_time_gross_cents=595 * (10 - n))


def carts_and_quotes() -> list[CartOut | QuoteOut]:
    made: list[CartOut | QuoteOut] = []
    for n, (cart_id, (state, valid, customer)) in enumerate(QUOTES.items(), start=1):
        reorder = cart_id == "cart-open-2"
        quote_id = None if state is None else f"quote-{n}"
        made.append(records.cart(cart_id, customer).model_copy(update={
            "state": CartState.OPEN if state is None else CartState.QUOTED,
            "quote_id": quote_id, "totals": _totals(n),
            "items": [records.item("ipfonie-trunk-30" if reorder else "centraflex-10"),
                      records.item("internet-dsl-250")][: 1 + n % 2],
            "business_transaction": BusinessTransaction.REORDER if reorder
            else BusinessTransaction.NEW_ORDER,
            "contract_id": "contract-VT-10000001" if reorder else None,
            "created_at": records.BASE_TIME + timedelta(days=n),
            "updated_at": records.BASE_TIME + timedelta(days=n),
        }))
        if state is not None and quote_id is not None:
            made.append(records.quote(quote_id, cart_id).model_copy(update={
                "quote_number": f"AN-{n:08d}", "customer_id": customer, "state": state,
                "valid_until": valid, "totals": _totals(n),
                "created_at": records.BASE_TIME + timedelta(days=n, hours=1),
                "updated_at": records.BASE_TIME + timedelta(days=n, hours=1),
            }))
    made.append(records.cart("cart-ordered"))  # ordered, with its ordered quote
    made.append(records.quote("quote-ordered", "cart-ordered"))
    made.append(records.cart("cart-other-tenant").model_copy(
        update={"tenant_id": "t-sued", "state": CartState.OPEN, "quote_id": None}))
    return made


def fill(store: CacheStore) -> None:
    save_catalog(store, statuses=orders.STATUSES, business_transactions=orders.TRANSACTIONS)
    parties = [records.party(party_id, name) for party_id, name in NAMES.items()]
    models = [*parties, records.contract("VT-10000001", "party-2"), *carts_and_quotes()]
    apply_page(store, records.upserts(models), [], "c1")

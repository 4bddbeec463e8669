"""Which of the view's actions a line allows, and why not: the disabled action's tooltip.

Mirrors the backend (desktop_app/server/services/carts.py and quotes.py, domain/quotes.py):
a quote can be withdrawn while it is open, sent or approved; any cart that is not ordered
can be deleted (its quote goes with it); an open cart is edited further and a live quote
(open, sent, approved) is sent, approved or ordered in the wizard. The client is stricter in
one point: a quote past its validity date counts as expired at once, so it is neither
resumed nor withdrawn, even before the backend's expiry run has marked it.
"""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop_app.cache.cart_list import CartQuoteListRow
from desktop_app.domain.enums import QuoteState
from desktop_app.domain.quotes import LIVE_QUOTE_STATES

__all__ = ["Verdict", "can_delete", "can_resume", "can_withdraw", "common_block"]

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    reason: str  # for the tooltip: what the action does, or why it is disabled


def common_block(
    row: CartQuoteListRow | None, online: bool, offline_reason: str, busy: bool
) -> Verdict | None:
    """What blocks every action alike: offline, nothing selected, another action running."""
    if not online:
        reason = offline_reason or translate("CartsQuotes", "the order backend cannot be reached.")
        return Verdict(False, translate("CartsQuotes", "Offline: %1").replace("%1", reason))
    if row is None:
        return Verdict(False, translate("CartsQuotes", "Select a cart or quote first."))
    if busy:
        return Verdict(
            False, translate("CartsQuotes", "Please wait until the running action has finished.")
        )
    return None


def can_resume(row: CartQuoteListRow, state: QuoteState) -> Verdict:
    if not row.is_quote:
        return Verdict(
            True, translate("CartsQuotes", "Continue this cart in the order wizard (Enter).")
        )
    if state in LIVE_QUOTE_STATES:
        return Verdict(
            True, translate("CartsQuotes", "Continue with this quote in the order wizard (Enter).")
        )
    if state is QuoteState.REJECTED:
        return Verdict(
            False,
            translate(
                "CartsQuotes",
                "The customer has rejected this quote, so it cannot be "
                "ordered. Delete the cart and start a new one.",
            ),
        )
    if state is QuoteState.WITHDRAWN:
        return Verdict(
            False,
            translate("CartsQuotes", "This quote has been withdrawn, so it cannot be ordered."),
        )
    return Verdict(
        False, translate("CartsQuotes", "This quote has expired, so it cannot be ordered.")
    )


def can_withdraw(row: CartQuoteListRow, state: QuoteState) -> Verdict:
    if not row.is_quote:
        return Verdict(
            False,
            translate("CartsQuotes", "Only a quote can be withdrawn; this cart has none yet."),
        )
    if state in LIVE_QUOTE_STATES:
        return Verdict(
            True,
            translate(
                "CartsQuotes",
                "Withdraw this quote: the customer can no longer approve it (Ctrl+Shift+W).",
            ),
        )
    if state is QuoteState.REJECTED:
        return Verdict(
            False,
            translate(
                "CartsQuotes", "The customer has rejected this quote; there is nothing to withdraw."
            ),
        )
    if state is QuoteState.WITHDRAWN:
        return Verdict(False, translate("CartsQuotes", "This quote has already been withdrawn."))
    return Verdict(
        False, translate("CartsQuotes", "This quote has expired; there is nothing to withdraw.")
    )


def can_delete(row: CartQuoteListRow) -> Verdict:
    if row.is_quote:
        return Verdict(
            True, translate("CartsQuotes", "Delete this cart together with its quote (Del).")
        )
    return Verdict(True, translate("CartsQuotes", "Delete this cart (Del)."))

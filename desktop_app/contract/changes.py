"""The change feed: one sequence over orders, customers, contracts, carts and quotes."""

from enum import StrEnum
from typing import Any, Literal

from desktop_app.contract.base import ResponseModel

MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 500
# The longest a GET /changes?wait=S long-poll is held (seconds); longer waits are capped.
MAX_WAIT = 60.0


def capped_wait(wait: float) -> float:
    """The seconds the server holds a long-poll that asked for `wait` (read at call time)."""
    return min(wait, MAX_WAIT)


class ChangeKind(StrEnum):
    ORDER = "order"
    CUSTOMER = "customer"
    CONTRACT = "contract"
    CART = "cart"
    QUOTE = "quote"


class Change(ResponseModel):
    """`data` is the full record (OrderOut, PartyOut, ...) for upserts and None for deletes."""

    seq: int
    kind: ChangeKind
    op: Literal["upsert", "delete"]
    id: str
    data: dict[str, Any] | None


class ChangePage(ResponseModel):
    changes: list[Change]
    next_cursor: str
    has_more: bool
    # Changes still waiting after this page (for progress bars); 0 on the last page.
    remaining: int = 0

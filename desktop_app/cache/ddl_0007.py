"""FROZEN DDL of migration revision 0007 (the orders' completion time): do not edit.

`orders.completed_at` is the time of the order's 'completed' status event while the order is
completed (NULL otherwise), as fixed-width UTC text like every cache timestamp. The writer
fills it from the record's history when it writes an order; migration 0007 fills it for the
rows already cached from `order_details.history_json` (`completion_of`). Its partial index
holds only the completed orders and covers what the completion-day filter and the
dashboard's processing times (receipt = `created_at`, completion = `completed_at`) read;
`bulk_schema` drops and rebuilds it with the others. A later change belongs in a new
migration with its own frozen module.
"""

from datetime import UTC, datetime

import orjson

__all__ = ["COMPLETED_INDEX", "COMPLETED_INDEX_COLUMNS", "completion_of"]

COMPLETED_INDEX = "ix_orders_completed_at"
COMPLETED_INDEX_COLUMNS = ("completed_at", "business_transaction", "automation", "created_at")


def completion_of(history_json: str | None) -> str | None:
    """The last 'completed' event's time of a wire history (JSON list of StatusEventOut), as
    `schema.format_timestamp` text; None without one or for unreadable text."""
    try:
        history = orjson.loads(history_json or "[]")
    except orjson.JSONDecodeError:
        return None
    found: str | None = None
    for event in history if isinstance(history, list) else ():
        if not isinstance(event, dict) or event.get("status") != "completed":
            continue
        try:
            moment = datetime.fromisoformat(str(event.get("at")))
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        found = moment.astimezone(UTC).replace(tzinfo=None).isoformat(
            timespec="microseconds") + "Z"
    return found

"""What a clerk is told about while they work: the events of orders and quotes, and for whom.

The sync detects an event when a live change-feed page moves a record into a new state
(never during the first sync or a full resync: those are history, not news).
"""

from enum import StrEnum


class NotificationKind(StrEnum):
    ORDER_COMPLETED = "order_completed"  # detail: the contract number
    ORDER_CLEARING = "order_clearing"  # detail: the clearing note
    QUOTE_APPROVED = "quote_approved"
    QUOTE_REJECTED = "quote_rejected"
    QUOTE_EXPIRED = "quote_expired"


class Audience(StrEnum):
    """Whose records' events the clerk is notified of (a setting)."""

    MINE = "mine"  # orders the clerk created (submitted) or whose quote they created
    TENANT = "tenant"  # every record the clerk's backend login can see
    NONE = "none"  # none: the in-app list stays empty, no desktop notifications

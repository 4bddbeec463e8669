"""How a notification reads: one line of text, and the customer with the time below it.

The texts are in the "Notifications" translation context; numbers and notes come from the
cache as the backend wrote them.
"""

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_app.cache.notifications import Notification
from desktop_app.domain.notifications import NotificationKind
from desktop_app.gui.common.formatting import format_datetime

__all__ = ["notification_subline", "notification_text"]


def notification_text(notification: Notification) -> str:
    """"Order AU-00000001 completed – contract VT-10000001", "Quote AN-… expired", …"""
    translate = QCoreApplication.translate  # literal calls, so that lupdate finds them
    number, detail = notification.number, notification.detail or ""
    match notification.kind:
        case NotificationKind.ORDER_COMPLETED if detail:
            text = translate("Notifications", "Order %1 completed – contract %2")
        case NotificationKind.ORDER_COMPLETED:
            text = translate("Notifications", "Order %1 completed")
        case NotificationKind.ORDER_CLEARING if detail:
            text = translate("Notifications", "Order %1 – clearing case: %2")
        case NotificationKind.ORDER_CLEARING:
            text = translate("Notifications", "Order %1 is a clearing case")
        case NotificationKind.QUOTE_APPROVED:
            text = translate("Notifications", "Quote %1 approved by the customer")
        case NotificationKind.QUOTE_REJECTED:
            text = translate("Notifications", "Quote %1 rejected by the customer")
        case NotificationKind.QUOTE_EXPIRED:
            text = translate("Notifications", "Quote %1 expired")
    # One pass over the template: a number or note holding "%2" stays as it is.
    return text.replace("%1", "\0").replace("%2", detail).replace("\0", number)


def notification_subline(notification: Notification, locale: QLocale) -> str:
    """The customer and when it happened (Berlin time): "Müller Elektro GmbH · 10.03.2025 14:00"."""
    when = format_datetime(locale, notification.occurred_at)
    return f"{notification.customer_name} · {when}" if notification.customer_name else when

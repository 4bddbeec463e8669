"""How a quote's state reads to the clerk: one wording for the wizard's quote page and the
document flow's quote dialog."""

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.enums import QuoteState


def quote_state_label(state: QuoteState) -> str:
    translate = QCoreApplication.translate  # literal calls, so that lupdate finds them
    return {
        QuoteState.OPEN: translate("DocumentStates", "created, not sent"),
        QuoteState.SENT: translate("DocumentStates", "sent, waiting for the customer"),
        QuoteState.APPROVED: translate("DocumentStates", "approved by the customer"),
        QuoteState.REJECTED: translate("DocumentStates", "rejected by the customer"),
        QuoteState.WITHDRAWN: translate("DocumentStates", "withdrawn"),
        QuoteState.EXPIRED: translate("DocumentStates", "expired"),
        QuoteState.ORDERED: translate("DocumentStates", "ordered"),
    }[state]

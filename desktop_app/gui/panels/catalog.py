"""The backend's labels for statuses and business transactions, in the chosen language.

The panels get the cached catalogs (`cache.queries.statuses` / `business_transactions`). Before
the first catalog sync they may be empty: statuses then fall back to the domain's catalog and
business transactions to their code, so nothing is ever blank.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop_app.cache.records import BusinessTransactionInfo, StatusInfo
from desktop_app.domain.enums import BusinessTransaction, OrderStatus, RecipientSource
from desktop_app.domain.processing import STATUS_CATALOG
from desktop_app.domain.recipients import SOURCE_LABELS

_DOMAIN_STATUSES = {
    s.status: StatusInfo(s.status, s.label_de, s.label_en, s.explanation_de, s.explanation_en)
    for s in STATUS_CATALOG
}


@dataclass(frozen=True)
class Catalog:
    """Labels for one show_order call; `language` is "de" or "en"."""

    language: str = "de"
    statuses: dict[OrderStatus, StatusInfo] = field(default_factory=dict)
    transactions: dict[BusinessTransaction, BusinessTransactionInfo] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        statuses: Sequence[StatusInfo],
        transactions: Sequence[BusinessTransactionInfo],
        language: str,
    ) -> "Catalog":
        return cls(
            language,
            {s.code: s for s in statuses},
            {t.code: t for t in transactions},
        )

    @property
    def german(self) -> bool:
        return self.language != "en"

    def pick(self, german: str, english: str) -> str:
        return german if self.german else english

    def _status(self, status: OrderStatus) -> StatusInfo:
        return self.statuses.get(status) or _DOMAIN_STATUSES[status]

    def status_label(self, status: OrderStatus) -> str:
        info = self._status(status)
        return self.pick(info.label_de, info.label_en)

    def status_explanation(self, status: OrderStatus) -> str:
        info = self._status(status)
        return self.pick(info.explanation_de, info.explanation_en)

    def transaction_label(self, transaction: BusinessTransaction) -> str:
        info = self.transactions.get(transaction)
        return self.pick(info.label_de, info.label_en) if info else transaction.value

    def source_label(self, source: RecipientSource) -> str:
        german, english = SOURCE_LABELS[source]
        return self.pick(german, english)

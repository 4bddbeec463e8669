"""The order status catalog and how long processing takes by degree of automation."""

from dataclasses import dataclass
from datetime import timedelta

from desktop_app.domain.enums import (
    AutomationDegree,
    BusinessTransaction,
    OrderStatus,
    ProductFamily,
)


@dataclass(frozen=True)
class StatusInfo:
    status: OrderStatus
    label_de: str
    label_en: str
    explanation_de: str
    explanation_en: str


STATUS_CATALOG: tuple[StatusInfo, ...] = (
    StatusInfo(OrderStatus.RECEIVED, "Eingegangen", "Received",
               "Der Auftrag ist eingegangen und wartet auf die Bearbeitung.",
               "The order has been received and is waiting to be processed."),
    StatusInfo(OrderStatus.IN_PROCESSING, "In Bearbeitung", "In processing",
               "Der Auftrag wird bearbeitet; Vertrag und Technik werden vorbereitet.",
               "The order is being processed; contract and technology are being prepared."),
    StatusInfo(OrderStatus.COMPLETED, "Abgeschlossen", "Completed",
               "Der Auftrag ist abgeschlossen; die Vertragsnummer steht fest.",
               "The order is completed; the contract number is assigned."),
)


@dataclass(frozen=True)
class ProcessingPlan:
    """Expected time from receipt until processing starts and until completion."""

    degree: AutomationDegree
    starts_after: timedelta
    completes_after: timedelta


PLANS: dict[AutomationDegree, ProcessingPlan] = {
    AutomationDegree.FULL: ProcessingPlan(AutomationDegree.FULL, timedelta(minutes=1),
                                          timedelta(minutes=5)),
    AutomationDegree.PARTIAL: ProcessingPlan(AutomationDegree.PARTIAL, timedelta(hours=2),
                                             timedelta(days=2)),
    AutomationDegree.MANUAL: ProcessingPlan(AutomationDegree.MANUAL, timedelta(days=1),
                                            timedelta(days=10)),
}


def automation_degree(family: ProductFamily, transaction: BusinessTransaction) -> AutomationDegree:
    """Reorders of voice products and usage-location orders for them run fully automated."""
    if family.is_voice and transaction in (BusinessTransaction.REORDER,
                                           BusinessTransaction.USAGE_LOCATION):
        return AutomationDegree.FULL
    if family is ProductFamily.INTERNET and transaction in (
            BusinessTransaction.NEW_ORDER, BusinessTransaction.PRODUCT_CHANGE,
            BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER):
        return AutomationDegree.MANUAL
    return AutomationDegree.PARTIAL


def processing_plan(family: ProductFamily, transaction: BusinessTransaction) -> ProcessingPlan:
    return PLANS[automation_degree(family, transaction)]

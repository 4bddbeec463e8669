"""Order processing: status catalog and degree of automation."""

from datetime import timedelta

import pytest
from desktop_app.domain.enums import (
    AutomationDegree,
    BusinessTransaction,
    OrderStatus,
    ProductFamily,
)
from desktop_app.domain.processing import (
    PLANS,
    STATUS_CATALOG,
    automation_degree,
    processing_plan,
)

VOICE = [ProductFamily.CENTRAFLEX, ProductFamily.IPFONIE]


@pytest.mark.parametrize("family", VOICE)
@pytest.mark.parametrize("transaction", [BusinessTransaction.REORDER,
                                         BusinessTransaction.USAGE_LOCATION])
def test_voice_reorders_and_usage_locations_are_fully_automated(
        family: ProductFamily, transaction: BusinessTransaction) -> None:
    assert automation_degree(family, transaction) is AutomationDegree.FULL
    plan = processing_plan(family, transaction)
    assert plan.degree is AutomationDegree.FULL
    assert plan.completes_after <= timedelta(minutes=15)  # "within minutes"


@pytest.mark.parametrize("transaction", [BusinessTransaction.REORDER,
                                         BusinessTransaction.USAGE_LOCATION])
def test_internet_is_never_fully_automated(transaction: BusinessTransaction) -> None:
    assert automation_degree(ProductFamily.INTERNET, transaction) is not AutomationDegree.FULL


@pytest.mark.parametrize(("family", "transaction", "degree"), [
    (ProductFamily.INTERNET, BusinessTransaction.NEW_ORDER, AutomationDegree.MANUAL),
    (ProductFamily.INTERNET, BusinessTransaction.PRODUCT_CHANGE, AutomationDegree.MANUAL),
    (ProductFamily.INTERNET, BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER,
     AutomationDegree.MANUAL),
    (ProductFamily.INTERNET, BusinessTransaction.REORDER, AutomationDegree.PARTIAL),
    (ProductFamily.INTERNET, BusinessTransaction.CONTRACT_EXTENSION, AutomationDegree.PARTIAL),
    (ProductFamily.INTERNET, BusinessTransaction.USAGE_LOCATION, AutomationDegree.PARTIAL),
    (ProductFamily.CENTRAFLEX, BusinessTransaction.NEW_ORDER, AutomationDegree.PARTIAL),
    (ProductFamily.CENTRAFLEX, BusinessTransaction.CONTRACT_EXTENSION, AutomationDegree.PARTIAL),
    (ProductFamily.CENTRAFLEX, BusinessTransaction.PRODUCT_CHANGE, AutomationDegree.PARTIAL),
    (ProductFamily.IPFONIE, BusinessTransaction.NEW_ORDER, AutomationDegree.PARTIAL),
    (ProductFamily.IPFONIE, BusinessTransaction.PRODUCT_CHANGE_NEW_ORDER,
     AutomationDegree.PARTIAL),
    (ProductFamily.FEE, BusinessTransaction.REORDER, AutomationDegree.PARTIAL),
])
def test_automation_degree_table(family: ProductFamily, transaction: BusinessTransaction,
                                 degree: AutomationDegree) -> None:
    assert automation_degree(family, transaction) is degree
    assert processing_plan(family, transaction) is PLANS[degree]


def test_every_combination_has_a_plan() -> None:
    for family in ProductFamily:
        for transaction in BusinessTransaction:
            plan = processing_plan(family, transaction)
            assert plan.starts_after < plan.completes_after


def test_plans_get_slower_with_less_automation() -> None:
    assert set(PLANS) == set(AutomationDegree)
    for degree, plan in PLANS.items():
        assert plan.degree is degree
    full, partial, manual = (PLANS[d] for d in (AutomationDegree.FULL, AutomationDegree.PARTIAL,
                                                AutomationDegree.MANUAL))
    assert full.completes_after < partial.completes_after < manual.completes_after
    assert full.starts_after < partial.starts_after < manual.starts_after


def test_status_catalog_has_the_three_states_in_order() -> None:
    assert [info.status for info in STATUS_CATALOG] == [
        OrderStatus.RECEIVED, OrderStatus.IN_PROCESSING, OrderStatus.COMPLETED]
    for info in STATUS_CATALOG:
        for german, english in ((info.label_de, info.label_en),
                                (info.explanation_de, info.explanation_en)):
            assert german.strip()
            assert english.strip()
            assert german != english

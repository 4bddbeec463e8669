"""Issue 12, item 6: one displayed time zone, the business time zone Europe/Berlin, in the app
(list, panels, flow strip) and in the documents — whatever zone the machine is set to."""

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from desktop_app.cache.store import CacheStore
from desktop_app.documents.formats import DocumentFormats
from desktop_app.gui.common import formatting
from desktop_app.gui.panels import FlowKind, OrderDetailPanel, OrderStatusPanel
from desktop_app.gui.panels.flow import flow_steps
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from tests.gui.panels import support
from tests.gui.panels.support import Catalogs

# 05:39 UTC in summer is 07:39 in Berlin; 23:30 UTC in winter is 00:30 of the next day there.
SUMMER = datetime(2026, 7, 2, 5, 39, tzinfo=UTC)
LATE_WINTER = datetime(2026, 1, 14, 23, 30, tzinfo=UTC)


@pytest.fixture(params=["UTC", "America/New_York"])
def machine_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_the_app_formats_moments_in_berlin_time(machine_zone: str) -> None:
    german = formatting.locale_for("de")
    assert formatting.format_datetime(german, SUMMER) == "02.07.2026 07:39"
    assert formatting.format_datetime(german, LATE_WINTER) == "15.01.2026 00:30"
    assert formatting.local_date(LATE_WINTER, german) == "15.01.2026"
    naive_utc = SUMMER.replace(tzinfo=None)  # the cache's convention: naive is UTC
    assert formatting.format_datetime(german, naive_utc) == "02.07.2026 07:39"


def test_app_and_document_show_the_same_time(machine_zone: str) -> None:
    document = DocumentFormats("de").date_time(SUMMER)
    assert document == "02.07.2026, 07:39 Uhr"
    app = formatting.format_datetime(formatting.locale_for("de"), SUMMER)
    assert document.replace(",", "").replace(" Uhr", "") == app


def test_the_panels_show_berlin_time(
    machine_zone: str, qtbot: QtBot, store: CacheStore, catalogs: Catalogs
) -> None:
    detail = support.detail(store, support.COMPLETE)
    berlin = DocumentFormats("de")
    expected_created = berlin.date_time(detail.created_at).replace(",", "").replace(" Uhr", "")
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    panel.show_order(detail, *catalogs, "de")
    assert support.shows(panel, expected_created)
    status = OrderStatusPanel()
    qtbot.addWidget(status)
    status.show_order(detail, *catalogs, "de")
    completed = berlin.date_time(detail.history[-1].at).replace(",", "").replace(" Uhr", "")
    assert support.shows(status, completed)
    order_step = next(s for s in flow_steps(detail) if s.kind is FlowKind.ORDER)
    assert order_step.when == berlin.date(detail.created_at)


def test_the_machine_zone_really_differs_from_berlin(machine_zone: str) -> None:
    """Guards the other tests: under this TZ the machine's own local time is not Berlin's."""
    assert os.environ["TZ"] == machine_zone
    assert SUMMER.astimezone().strftime("%H:%M") != "07:39"
    assert QLocale().toString(0) == "0"

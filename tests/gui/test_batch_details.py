"""The orders of a batch (print or PDF export) read one by one: `cached_details` notes the
missing, reports progress and stops between two orders once cancelled."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.gui.documents.batch_print import PrintResult
from desktop_app.gui.documents.confirmation_batch import BatchResult, cached_details
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import CancelToken

from tests.documents import support

IDS = ["order-000100", "order-gone", "order-000101", "order-000102"]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    live = LiveCache(tmp_path / "cache.sqlite3")
    support.fill(live.store, [support.short_order(n) for n in (100, 101, 102)])
    yield live
    live.close()


def test_every_order_in_turn_the_missing_noted(cache: LiveCache, tmp_path: Path) -> None:
    reports: list[tuple[int, int | None]] = []
    outcome = BatchResult(tmp_path)
    numbers = [detail.order_number for detail in cached_details(
        cache.store, IDS, CancelToken(), lambda done, total: reports.append((done, total)),
        outcome)]
    assert numbers == ["AU-00000100", "AU-00000101", "AU-00000102"]
    assert outcome.missing == ["order-gone"] and not outcome.cancelled
    assert reports == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_cancel_stops_before_the_next_order(cache: LiveCache) -> None:
    cancel, outcome = CancelToken(), PrintResult()
    reports: list[int] = []
    numbers = []
    for detail in cached_details(cache.store, IDS, cancel,
                                 lambda done, _total: reports.append(done), outcome):
        numbers.append(detail.order_number)
        cancel.cancel()  # while the first order is handled
    assert numbers == ["AU-00000100"] and outcome.cancelled
    assert reports == [0, 1] and outcome.missing == []


def test_cancel_during_the_last_order_is_no_cancel(cache: LiveCache) -> None:
    cancel, outcome = CancelToken(), PrintResult()
    numbers = []
    for detail in cached_details(cache.store, ["order-000102"], cancel,
                                 lambda _done, _total: None, outcome):
        numbers.append(detail.order_number)
        cancel.cancel()
    assert numbers == ["AU-00000102"] and not outcome.cancelled  # all were handled


def test_cancelled_before_the_start_reads_nothing(cache: LiveCache) -> None:
    cancel, outcome = CancelToken(), PrintResult()
    cancel.cancel()
    assert list(cached_details(cache.store, IDS, cancel, lambda _d, _t: None, outcome)) == []
    assert outcome.cancelled and outcome.missing == []


def test_no_orders(cache: LiveCache) -> None:
    reports: list[tuple[int, int | None]] = []
    outcome = PrintResult()
    assert list(cached_details(cache.store, [], CancelToken(),
                               lambda done, total: reports.append((done, total)), outcome)) == []
    assert reports == [(0, 0)] and not outcome.cancelled

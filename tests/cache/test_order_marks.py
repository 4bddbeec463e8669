"""Orders marked changed since the clerk last opened them: set by tracked pages, cleared by
opening the order, listed by the "changed only" filter; kept across restarts and resyncs."""

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from desktop_app.cache import notifications, queries, writer
from desktop_app.cache.queries import OrderFilter, OrderSort, OrderSortColumn
from desktop_app.cache.store import CacheStore
from desktop_app.cache.transfer import copy_catalog
from desktop_app.cache.writer import Model
from desktop_app.contract.changes import ChangeKind
from desktop_app.domain.enums import OrderStatus

from tests.cache import records

CHANGED = OrderFilter(changed_only=True)


def apply(store: CacheStore, models: Sequence[Model], *, track: bool = True,
          deletes: list[str] | None = None) -> None:  # fmt: skip
    writer.apply_page(store, records.upserts(models),
                      [(ChangeKind.ORDER, oid) for oid in deletes or []], "c", track=track)


def order_id(number: int) -> str:
    return f"order-{number:06d}"


def moved(number: int, **changes: object) -> Model:
    """Order `number` as the backend sends it once it is in processing: a change worth a mark."""
    return records.order(number, status=OrderStatus.IN_PROCESSING, **changes)  # type: ignore[arg-type]


def changed(store: CacheStore, numbers: range | list[int] = range(1, 11)) -> set[str]:
    with store.session() as session:
        return notifications.changed_order_ids(session, [order_id(n) for n in numbers])


def changed_count(store: CacheStore) -> int:
    with store.session() as session:
        return notifications.changed_count(session)


def _ten(store: CacheStore) -> None:
    apply(store, [records.order(n, created_by=f"u-{n % 2}") for n in range(1, 11)], track=False)


def test_a_tracked_page_marks_the_orders_it_really_changes(store: CacheStore) -> None:
    _ten(store)
    assert changed(store) == set()
    later = records.BASE_TIME + timedelta(days=9)
    apply(store, [records.order(2, created_by="u-0", updated_at=later),  # same state: no mark
                  records.order(3, created_by="u-1", status=OrderStatus.IN_PROCESSING),
                  records.order(5, created_by="u-1", contract_number="VT-5"),
                  records.order(11)])  # new to the cache: marked, not notified
    assert changed(store, range(1, 12)) == {order_id(3), order_id(5), order_id(11)}
    assert changed_count(store) == 3


def test_an_untracked_page_marks_nothing(store: CacheStore) -> None:
    _ten(store)
    apply(store, [records.order(2), records.order(11)], track=False)
    assert changed_count(store) == 0


def test_marks_keep_the_latest_change_time(store: CacheStore) -> None:
    _ten(store)
    later = records.BASE_TIME + timedelta(days=9)
    apply(store, [moved(1)])
    apply(store, [records.order(1, status=OrderStatus.COMPLETED, contract_number="VT-1",
                                updated_at=later)])
    raw = store.engine.raw_connection()
    try:
        rows = raw.execute("SELECT order_id, changed_at FROM order_marks").fetchall()
    finally:
        raw.close()
    assert rows == [(order_id(1), "2025-03-19T12:00:00.000000Z")]


def test_mark_seen_clears_the_mark(store: CacheStore) -> None:
    _ten(store)
    apply(store, [moved(1), moved(2)])
    assert notifications.mark_seen(store, order_id(1)) is True
    assert notifications.mark_seen(store, order_id(1)) is False  # already seen
    assert notifications.mark_seen(store, "order-unknown") is False
    assert changed(store) == {order_id(2)}
    apply(store, [records.order(1, status=OrderStatus.COMPLETED, contract_number="VT-1")])
    # it changed again
    assert changed(store) == {order_id(1), order_id(2)}


def test_a_deleted_order_loses_its_mark(store: CacheStore) -> None:
    _ten(store)
    apply(store, [moved(1), moved(2)])
    apply(store, [], deletes=[order_id(1)])
    assert changed(store) == {order_id(2)}
    assert changed_count(store) == 1


def test_changed_order_ids_of_many(store: CacheStore) -> None:
    apply(store, [records.order(n) for n in range(1, 1201)], track=False)
    apply(store, [moved(n) for n in range(1, 1201, 100)])
    asked = [order_id(n) for n in range(1, 1201)] + ["order-unknown"]
    with store.session() as session:
        assert notifications.changed_order_ids(session, asked) == {
            order_id(n) for n in range(1, 1201, 100)}
        assert notifications.changed_order_ids(session, []) == set()


def test_changed_count_ignores_marks_of_orders_not_cached(store: CacheStore) -> None:
    _ten(store)
    apply(store, [moved(1)])
    raw = store.engine.raw_connection()
    try:
        raw.execute("INSERT INTO order_marks VALUES ('order-gone', '2025-01-01T00:00:00.000000Z')")
        raw.commit()
    finally:
        raw.close()
    assert changed_count(store) == 1


def _marked(store: CacheStore) -> None:
    _ten(store)  # u-0: even numbers, u-1: odd ones
    apply(store, [records.order(3, created_by="u-1", status=OrderStatus.IN_PROCESSING),
                  records.order(4, created_by="u-0", contract_number="VT-4"),
                  records.order(7, created_by="u-1", status=OrderStatus.COMPLETED,
                                contract_number="VT-7")])  # fmt: skip


def test_changed_only_filter_counts_lists_and_status_counts_agree(store: CacheStore) -> None:
    _marked(store)
    with store.session() as session:
        for order_filter in (
            CHANGED,
            OrderFilter(changed_only=True, created_by="u-1"),
            OrderFilter(changed_only=True, statuses=frozenset({"received"})),
            OrderFilter(changed_only=True, clearing=True),
            OrderFilter(changed_only=True, text="AU-00000004"),
        ):
            count = queries.count_orders(session, order_filter)
            ids = queries.order_ids(session, order_filter, OrderSort())
            page = queries.order_page(session, order_filter, OrderSort(), 0, 100)
            assert count == len(ids) == len(page), order_filter
            assert [row.id for row in page] == ids
            assert all(row.changed for row in page)
            assert queries.order_ids(session, order_filter, OrderSort(), limit=2) == ids[:2]
        assert queries.order_ids(session, CHANGED, OrderSort()) == [
            order_id(7), order_id(4), order_id(3)]  # newest first
        assert queries.count_orders(session, OrderFilter(changed_only=True, created_by="u-1")) == 2
        counts = queries.status_counts(session, CHANGED)
        assert counts == {"received": 1, "in_processing": 1, "completed": 1, queries.CLEARING: 1}
        assert queries.count_orders(session, OrderFilter()) == 10


def test_changed_only_in_every_sort(store: CacheStore) -> None:
    _marked(store)
    with store.session() as session:
        for column in OrderSortColumn:
            for descending in (False, True):
                sort = OrderSort(column, descending)
                ids = queries.order_ids(session, CHANGED, sort)
                assert sorted(ids) == [order_id(3), order_id(4), order_id(7)], sort


def test_list_rows_say_whether_changed(store: CacheStore) -> None:
    _marked(store)
    with store.session() as session:
        page = queries.order_page(session, OrderFilter(), OrderSort(), 0, 100)
        assert {row.id for row in page if row.changed} == {order_id(3), order_id(4), order_id(7)}
        rows = queries.order_rows_by_ids(session, [order_id(3), order_id(5)])
        assert (rows[order_id(3)].changed, rows[order_id(5)].changed) == (True, False)
    notifications.mark_seen(store, order_id(3))
    with store.session() as session:
        assert not queries.order_rows_by_ids(session, [order_id(3)])[order_id(3)].changed
        assert queries.count_orders(session, CHANGED) == 2


def test_an_empty_changed_list(store: CacheStore) -> None:
    _ten(store)
    with store.session() as session:
        assert queries.count_orders(session, CHANGED) == 0
        assert queries.order_ids(session, CHANGED, OrderSort()) == []
        assert queries.order_page(session, CHANGED, OrderSort(), 0, 50) == []
        assert sum(queries.status_counts(session, CHANGED).values()) == 0


def test_marks_survive_reopening_the_cache(cache_path: Path) -> None:
    with CacheStore(cache_path) as store:
        _marked(store)
        notifications.mark_seen(store, order_id(4))
    with CacheStore(cache_path) as store:
        assert changed(store) == {order_id(3), order_id(7)}
        with store.session() as session:
            assert queries.count_orders(session, CHANGED) == 2


def test_marks_survive_a_full_resync_copy(cache_path: Path, tmp_path: Path) -> None:
    with CacheStore(cache_path) as old, CacheStore(tmp_path / "fresh.sqlite3") as fresh:
        _marked(old)
        notifications.mark_seen(old, order_id(4))
        _ten(fresh)  # the resync's pull: untracked
        assert changed(fresh) == set()
        copy_catalog(old, fresh)
        assert changed(fresh) == {order_id(3), order_id(7)}
        with fresh.session() as session:
            assert queries.count_orders(session, CHANGED) == 2

"""Notifications: tracked feed pages turn state transitions into one notification each;
the audience decides whose the clerk sees; read state is kept in the cache."""

import sqlite3
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.cache import notifications, writer
from desktop_app.cache.errors import CacheWriteError
from desktop_app.cache.notifications import Notification
from desktop_app.cache.store import CacheStore
from desktop_app.cache.transfer import copy_catalog
from desktop_app.cache.writer import Model
from desktop_app.domain.enums import OrderStatus, QuoteState
from desktop_app.domain.notifications import Audience, NotificationKind

from tests.cache import records

LATER = records.BASE_TIME + timedelta(days=3)


def apply(store: CacheStore, models: Sequence[Model], cursor: str = "c", *,
          track: bool = True) -> None:  # fmt: skip
    writer.apply_page(store, records.upserts(models), [], cursor, track=track)


def every(store: CacheStore) -> list[Notification]:
    with store.session() as session:
        return notifications.list_notifications(session, Audience.TENANT, None)


def unread(store: CacheStore, audience: Audience = Audience.TENANT,
           user: str | None = None) -> int:  # fmt: skip
    with store.session() as session:
        return notifications.unread_count(session, audience, user)


def test_order_completed_gives_one_notification_with_the_contract_number(
    store: CacheStore,
) -> None:
    apply(store, [records.quote(created_by="u-7"),
                  records.order(1, status=OrderStatus.IN_PROCESSING)], track=False)
    done = records.order(1, status=OrderStatus.COMPLETED, contract_number="VT-10000001",
                         updated_at=LATER)
    apply(store, [done])
    [note] = every(store)
    assert note == Notification(
        id=note.id, kind=NotificationKind.ORDER_COMPLETED, entity_kind="order",
        entity_id="order-000001", number="AU-00000001", customer_name="Müller Elektro GmbH",
        detail="VT-10000001", created_by="u-1", quote_created_by="u-7", tenant_id="t-nord",
        cart_id=None, occurred_at=LATER, read=False,
    )  # fmt: skip
    assert note.occurred_at.tzinfo is not None


def test_order_clearing_case_gives_one_notification_with_its_note(store: CacheStore) -> None:
    apply(store, [records.order(1, quote_id=None)], track=False)  # received, no note
    apply(store, [records.order(1, quote_id=None, status=OrderStatus.IN_PROCESSING)])
    [note] = every(store)
    assert (note.kind, note.detail) == (NotificationKind.ORDER_CLEARING,
                                        "Nutzungsort wird geprüft")  # fmt: skip
    assert note.quote_created_by is None  # an order without a quote
    assert note.created_by == "u-1"


def test_order_quote_not_cached_leaves_its_author_unknown(store: CacheStore) -> None:
    apply(store, [records.order(1)], track=False)
    apply(store, [records.order(1, status=OrderStatus.COMPLETED, contract_number="VT-1")])
    assert [n.quote_created_by for n in every(store)] == [None]


@pytest.mark.parametrize(("state", "kind"), [
    (QuoteState.APPROVED, NotificationKind.QUOTE_APPROVED),
    (QuoteState.REJECTED, NotificationKind.QUOTE_REJECTED),
    (QuoteState.EXPIRED, NotificationKind.QUOTE_EXPIRED),
])  # fmt: skip
def test_quote_decision_gives_one_notification(
    store: CacheStore, state: QuoteState, kind: NotificationKind
) -> None:
    apply(store, [records.party(company="Schröder Bau AG"),
                  records.quote("quote-9", "cart-9", state=QuoteState.SENT, created_by="u-5",
                                quote_number="AN-00000009")], track=False)  # fmt: skip
    apply(store, [records.quote("quote-9", "cart-9", state=state, created_by="u-5",
                                quote_number="AN-00000009", updated_at=LATER)])
    [note] = every(store)
    assert note == Notification(
        id=note.id, kind=kind, entity_kind="quote", entity_id="quote-9", number="AN-00000009",
        customer_name="Schröder Bau AG", detail=None, created_by="u-5",
        quote_created_by="u-5", tenant_id="t-nord", cart_id="cart-9", occurred_at=LATER,
        read=False,
    )  # fmt: skip


def test_quote_customer_not_cached_has_an_empty_name(store: CacheStore) -> None:
    apply(store, [records.quote(state=QuoteState.SENT)], track=False)
    apply(store, [records.quote(state=QuoteState.APPROVED)])
    assert [n.customer_name for n in every(store)] == [""]


@pytest.mark.parametrize("state", [QuoteState.SENT, QuoteState.WITHDRAWN, QuoteState.ORDERED])
def test_other_quote_states_are_not_notified(store: CacheStore, state: QuoteState) -> None:
    apply(store, [records.quote(state=QuoteState.OPEN)], track=False)
    apply(store, [records.quote(state=state)])
    assert every(store) == []


def test_other_order_changes_are_not_notified(store: CacheStore) -> None:
    apply(store, [records.order(1, quote_id=None)], track=False)
    # In processing, but the note stays None; completed -> completed; note -> other note.
    in_processing = records.order(1, quote_id=None).model_copy(
        update={"status": OrderStatus.IN_PROCESSING})
    apply(store, [in_processing])
    apply(store, [records.order(2, status=OrderStatus.COMPLETED, contract_number="VT-2")],
          track=False)
    apply(store, [records.order(2, status=OrderStatus.COMPLETED, contract_number="VT-3")])
    apply(store, [records.order(3, status=OrderStatus.IN_PROCESSING)], track=False)
    apply(store, [records.order(3, status=OrderStatus.IN_PROCESSING).model_copy(
        update={"clearing_note": "Andere Notiz"})])
    assert every(store) == []


def test_the_same_state_sent_again_gives_no_second_notification(store: CacheStore) -> None:
    apply(store, [records.order(1, quote_id=None), records.quote(state=QuoteState.SENT)],
          track=False)
    page: list[Model] = [records.order(1, quote_id=None, status=OrderStatus.IN_PROCESSING),
            records.quote(state=QuoteState.APPROVED)]
    apply(store, page, "c1")
    apply(store, page, "c2")  # the same records again (a later page re-sends them)
    assert sorted(n.kind for n in every(store)) == [NotificationKind.ORDER_CLEARING,
                                                    NotificationKind.QUOTE_APPROVED]


def test_both_order_events_in_one_page_give_two(store: CacheStore) -> None:
    apply(store, [records.order(1, quote_id=None)], track=False)
    done = records.order(1, quote_id=None, status=OrderStatus.COMPLETED, contract_number="VT-1")
    apply(store, [done.model_copy(update={"clearing_note": "nachträglich geprüft"})])
    assert sorted(n.kind for n in every(store)) == [NotificationKind.ORDER_CLEARING,
                                                    NotificationKind.ORDER_COMPLETED]


def test_the_last_version_in_a_page_counts_against_the_cached_one(store: CacheStore) -> None:
    apply(store, [records.order(1, quote_id=None)], track=False)
    apply(store, [records.order(1, quote_id=None, status=OrderStatus.COMPLETED,
                                contract_number="VT-1"),
                  records.order(1, quote_id=None)])  # back to received within the page
    assert every(store) == []


def test_records_new_to_the_cache_are_not_notified(store: CacheStore) -> None:
    apply(store, [records.order(1, status=OrderStatus.COMPLETED, contract_number="VT-1"),
                  records.order(2, status=OrderStatus.IN_PROCESSING),
                  records.quote(state=QuoteState.APPROVED)])
    assert every(store) == []


def test_untracked_pages_notify_nothing(store: CacheStore) -> None:
    apply(store, [records.order(1, quote_id=None), records.quote(state=QuoteState.SENT)],
          track=False)
    apply(store, [records.order(1, quote_id=None, status=OrderStatus.IN_PROCESSING),
                  records.quote(state=QuoteState.APPROVED)], track=False)
    assert every(store) == []


def test_an_untracked_page_is_the_default(store: CacheStore) -> None:
    writer.apply_page(store, records.upserts([records.order(1, quote_id=None)]), [], "c1")
    writer.apply_page(store, records.upserts(
        [records.order(1, quote_id=None, status=OrderStatus.IN_PROCESSING)]), [], "c2")
    assert every(store) == []


def test_a_page_that_fails_writes_no_notification(store: CacheStore) -> None:
    apply(store, [records.order(1, quote_id=None), records.order(2, quote_id=None)],
          "c1", track=False)
    bad = [records.order(1, quote_id=None, status=OrderStatus.IN_PROCESSING),
           # the same document id as order 3's: the page fails on its UNIQUE constraint
           records.order(2, quote_id=None, document_ids=["shared.pdf"]),
           records.order(3, quote_id=None, document_ids=["shared.pdf"])]
    with pytest.raises(CacheWriteError, match="UNIQUE"):
        apply(store, bad, "c2")
    assert every(store) == []
    with store.session() as session:
        assert notifications.changed_count(session) == 0
        assert notifications.changed_order_ids(session, ["order-000001", "order-000002"]) == set()
    # The same page, fixed, is then notified once.
    apply(store, bad[:2], "c2")
    assert [n.kind for n in every(store)] == [NotificationKind.ORDER_CLEARING]


def test_occurred_at_is_the_records_update_time(store: CacheStore) -> None:
    apply(store, [records.order(1, quote_id=None)], track=False)
    apply(store, [records.order(1, quote_id=None, status=OrderStatus.IN_PROCESSING,
                                updated_at=LATER)])
    assert [n.occurred_at for n in every(store)] == [LATER]


def _three_events(store: CacheStore) -> None:
    """u-1's order (quote by u-2), u-3's order without quote, and u-2's quote."""
    apply(store, [
        records.quote("quote-1", "cart-1", state=QuoteState.ORDERED, created_by="u-2"),
        records.quote("quote-2", "cart-2", state=QuoteState.SENT, created_by="u-2",
                      quote_number="AN-00000002"),
        records.order(1, created_by="u-1", quote_id="quote-1"),
        records.order(2, created_by="u-3", quote_id=None),
    ], track=False)  # fmt: skip
    apply(store, [records.order(1, created_by="u-1", quote_id="quote-1",
                                status=OrderStatus.IN_PROCESSING)], "c1")
    apply(store, [records.order(2, created_by="u-3", quote_id=None,
                                status=OrderStatus.IN_PROCESSING)], "c2")
    apply(store, [records.quote("quote-2", "cart-2", state=QuoteState.EXPIRED,
                                created_by="u-2", quote_number="AN-00000002")], "c3")


def entity_ids(found: list[Notification]) -> list[str]:
    return [n.entity_id for n in found]


def test_audience_mine_tenant_none(store: CacheStore) -> None:
    _three_events(store)
    with store.session() as session:
        def listed(audience: Audience, user: str | None) -> list[str]:
            return entity_ids(notifications.list_notifications(session, audience, user))

        def counted(audience: Audience, user: str | None) -> int:
            return notifications.unread_count(session, audience, user)

        newest_first = ["quote-2", "order-000002", "order-000001"]
        assert listed(Audience.TENANT, None) == newest_first
        assert listed(Audience.TENANT, "u-9") == newest_first
        assert listed(Audience.MINE, "u-1") == ["order-000001"]  # submitted it
        assert listed(Audience.MINE, "u-2") == ["quote-2", "order-000001"]  # quote author
        assert listed(Audience.MINE, "u-3") == ["order-000002"]
        assert listed(Audience.MINE, "u-9") == []
        assert listed(Audience.MINE, None) == []  # no user known: nobody's
        assert listed(Audience.NONE, "u-1") == []
        assert [counted(Audience.TENANT, None), counted(Audience.MINE, "u-2"),
                counted(Audience.MINE, None), counted(Audience.NONE, "u-1")] == [3, 2, 0, 0]


def test_list_limit_and_newest_first(store: CacheStore) -> None:
    _three_events(store)
    with store.session() as session:
        found = notifications.list_notifications(session, Audience.TENANT, None, limit=2)
        assert entity_ids(found) == ["quote-2", "order-000002"]
        assert found[0].id > found[1].id
        assert notifications.list_notifications(session, Audience.TENANT, None, limit=0) == []


def test_notifications_after_an_id_oldest_first(store: CacheStore) -> None:
    with store.session() as session:
        assert notifications.last_notification_id(session) == 0
    _three_events(store)
    with store.session() as session:
        first, second, third = notifications.notifications_after(
            session, 0, Audience.TENANT, None)
        assert entity_ids([first, second, third]) == ["order-000001", "order-000002", "quote-2"]
        assert notifications.last_notification_id(session) == third.id
        after = notifications.notifications_after(session, first.id, Audience.TENANT, None)
        assert after == [second, third]
        assert notifications.notifications_after(session, third.id, Audience.TENANT, None) == []
        mine = notifications.notifications_after(session, 0, Audience.MINE, "u-2")
        assert entity_ids(mine) == ["order-000001", "quote-2"]
        assert notifications.notifications_after(session, 0, Audience.NONE, "u-2") == []


def test_mark_read_some_then_all(store: CacheStore) -> None:
    _three_events(store)
    first = every(store)[-1]
    notifications.mark_read(store, [first.id, 10_000])  # an unknown id is ignored
    assert [n.read for n in reversed(every(store))] == [True, False, False]
    assert unread(store) == 2
    assert unread(store, Audience.MINE, "u-1") == 0
    notifications.mark_read(store, [])
    assert unread(store) == 2
    notifications.mark_read(store)
    assert unread(store) == 0
    assert all(n.read for n in every(store))
    notifications.mark_read(store)  # again: nothing to do, no error


def test_mark_read_many_ids(store: CacheStore) -> None:
    _three_events(store)
    ids = [n.id for n in every(store)]
    notifications.mark_read(store, list(range(-1000, 0)) + ids + list(range(5000, 6000)))
    assert unread(store) == 0


def test_read_state_survives_reopening_the_cache(cache_path: Path) -> None:
    with CacheStore(cache_path) as store:
        _three_events(store)
        notifications.mark_read(store, [every(store)[0].id])
    with CacheStore(cache_path) as store:
        assert [n.read for n in every(store)] == [True, False, False]
        assert unread(store) == 2


def test_notifications_survive_a_full_resync_copy(cache_path: Path, tmp_path: Path) -> None:
    with CacheStore(cache_path) as old, CacheStore(tmp_path / "fresh.sqlite3") as fresh:
        _three_events(old)
        notifications.mark_read(old, [every(old)[0].id])
        apply(fresh, [records.order(1), records.order(2)], track=False)  # the resync's pull
        copy_catalog(old, fresh)
        assert every(fresh) == every(old)
        # New ones after the swap continue after the carried ids (AUTOINCREMENT's sequence).
        last = every(fresh)[0].id
        apply(fresh, [records.order(1, status=OrderStatus.COMPLETED, contract_number="VT-1")])
        assert every(fresh)[0].id > last


def test_write_failure_is_a_cache_write_error(store: CacheStore) -> None:
    _three_events(store)
    raw = sqlite3.connect(store.path)
    raw.execute("DROP TABLE notifications")
    raw.execute("DROP TABLE order_marks")
    raw.commit()
    raw.close()
    with pytest.raises(CacheWriteError):
        notifications.mark_read(store)
    with pytest.raises(CacheWriteError):
        notifications.mark_read(store, [1])
    with pytest.raises(CacheWriteError):
        notifications.mark_seen(store, "order-000001")
    with pytest.raises(CacheWriteError):  # a tracked page cannot be written either
        apply(store, [records.order(1, status=OrderStatus.COMPLETED, contract_number="VT")])

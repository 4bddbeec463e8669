"""The change feed's fan-out: waiters at the head start without a read, and the waiters one
commit wakes share one page read. Page reads are counted by the server (SharedPages.reads),
waits by the wake-up; no wall-clock bounds."""

import asyncio
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.contract.changes import ChangeKind
from desktop_app.server import feed
from desktop_app.server.database import utcnow
from desktop_app.server.feed_pages import SharedPages, load_marks
from desktop_app.server.feed_wakeup import FeedMarks, LocalFeedWakeup
from desktop_app.server.problems import ProblemError

from tests.server.databases import database_copy
from tests.server.live_server import Api, LiveServer, start_server
from tests.server.test_changes_long_poll import (
    FALLBACK,
    Poll,
    _assert_problem,
    _head,
    _new_prospect,
    _until,
)


def _wakeup(server: LiveServer) -> LocalFeedWakeup:
    wakeup = server.context.wakeup
    assert isinstance(wakeup, LocalFeedWakeup)
    return wakeup


def _reads(server: LiveServer) -> int:
    return server.context.pages.reads


def _known_marks(server: LiveServer) -> None:
    _until(lambda: load_marks(server.context), "the feed marks to load")
    assert server.context.wakeup.marks.head_for(None) is not None


@pytest.fixture
def own_server(demo_database: str, tmp_path: Path) -> Iterator[LiveServer]:
    with database_copy(demo_database, tmp_path) as url:
        server = start_server(url)
        yield server
        server.stop()


# --- live server --------------------------------------------------------------------------


def test_fifty_waiters_woken_by_one_commit_share_one_page_read(
        live_server: LiveServer, clerk: Api, other_clerk: Api) -> None:
    _known_marks(live_server)
    cursor, other_cursor = _head(clerk), _head(other_clerk)
    wakeup = _wakeup(live_server)
    already, woken = wakeup.waiting, wakeup.woken
    other = Poll(other_clerk, other_cursor, wait=60)
    polls = [Poll(clerk, cursor, wait=60) for _ in range(50)]
    reads = _reads(live_server)
    other.start()
    for poll in polls:
        poll.start()
    _until(lambda: wakeup.waiting == already + 51, "all requests to wait")
    # At the head: none of them read the feed before waiting.
    assert _reads(live_server) == reads
    prospect = _new_prospect(clerk, "Fünfzig Warter GmbH")
    pages = [poll.page() for poll in polls]
    assert all([change.id for change in page.changes] == [prospect] for page in pages)
    assert len({page.next_cursor for page in pages}) == 1
    assert _reads(live_server) == reads + 1  # not 50
    # The other tenant's waiter was neither woken nor answered the clerk's prospect.
    assert wakeup.woken == woken + 50
    assert other.is_alive()
    own = _new_prospect(other_clerk, "Eigener Warter GmbH")
    assert [change.id for change in other.page().changes] == [own]


def test_plain_reads_keep_no_pages(live_server: LiveServer, clerk: Api) -> None:
    """Only long-polls share pages: a resync's bulk reads (no wait) are never kept, which
    would hold up to 256 pages of 500 orders each until the next commit."""
    _known_marks(live_server)
    kept_before = set(live_server.context.pages._entries)
    for _ in range(2):
        answer = clerk.get("/changes", params={"limit": 99})
        assert answer.status_code == 200
    assert set(live_server.context.pages._entries) <= kept_before


def test_a_long_poll_at_the_head_starts_without_a_read(live_server: LiveServer,
                                                       clerk: Api) -> None:
    _known_marks(live_server)
    cursor = _head(clerk)
    reads, already = _reads(live_server), _wakeup(live_server).waiting
    poll = Poll(clerk, cursor, wait=60)
    poll.start()
    _until(lambda: _wakeup(live_server).waiting == already + 1, "the request to wait")
    assert _reads(live_server) == reads
    prospect = _new_prospect(clerk)
    assert [change.id for change in poll.page().changes] == [prospect]
    assert _reads(live_server) == reads + 1


def test_a_long_poll_behind_the_head_reads_and_answers_at_once(live_server: LiveServer,
                                                               clerk: Api) -> None:
    _known_marks(live_server)
    cursor = _head(clerk)
    prospect = _new_prospect(clerk)
    reads = _reads(live_server)
    response = clerk.get("/changes", params={"since": cursor, "wait": 60})
    assert [change["id"] for change in response.json()["changes"]] == [prospect]
    assert _reads(live_server) == reads + 1


def test_at_the_head_of_its_tenants_the_empty_answer_keeps_the_cursor(
        live_server: LiveServer, clerk: Api, other_clerk: Api,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.contract import changes as changes_contract

    _known_marks(live_server)
    cursor = _head(clerk)
    _new_prospect(other_clerk, "Nur für Südwest GmbH")  # past the cursor, hidden from it
    monkeypatch.setattr(changes_contract, "MAX_WAIT", 0.2)
    reads = _reads(live_server)
    response = clerk.get("/changes", params={"since": cursor, "wait": 30})
    assert response.json() == {"changes": [], "next_cursor": cursor, "has_more": False,
                               "remaining": 0}
    assert _reads(live_server) == reads


def test_unknown_marks_are_read_once_and_the_wait_still_works(own_server: LiveServer) -> None:
    clerk = Api(own_server, "max.nord")
    try:
        marks = own_server.context.wakeup.marks
        marks.forget()
        cursor = _head(clerk)
        reads = _reads(own_server)
        poll = Poll(clerk, cursor, wait=60)
        poll.start()
        _until(lambda: _wakeup(own_server).waiting == 1, "the request to wait")
        assert _reads(own_server) == reads + 1  # unknown: it read before waiting
        _until(lambda: marks.head_for(None) is not None, "the marks to load")
        prospect = _new_prospect(clerk)
        assert [change.id for change in poll.page().changes] == [prospect]
    finally:
        clerk.close()


def test_a_prune_while_waiters_sleep_still_answers_old_cursors_410(
        own_server: LiveServer) -> None:
    clerk, other = Api(own_server, "max.nord"), Api(own_server, "paul.sued")
    try:
        _known_marks(own_server)
        cursor = _head(clerk)
        other_tenant = other.get("/me").json()["tenant"]["id"]
        database = own_server.context.database
        with database.write() as session:  # another tenant's deletion after the cursor
            feed.record(session, ChangeKind.CART, "cart-pruned-later", other_tenant, None,
                        utcnow())
        with database.write() as session:
            assert feed.prune_tombstones(session, timedelta(0), utcnow() + timedelta(1)) >= 1
        # The in-memory marks still said "nothing for the clerk": the prune forgot them.
        result: dict[str, int] = {}

        def poll() -> None:
            result["status"] = clerk.get("/changes", params={"since": cursor, "wait": 60},
                                         timeout=120).status_code

        thread = threading.Thread(target=poll, daemon=True)
        thread.start()
        thread.join(FALLBACK)
        assert result.get("status") == 410
        _assert_problem(clerk.get("/changes", params={"since": cursor, "wait": 60}), 410)
    finally:
        clerk.close()
        other.close()


def test_a_bad_cursor_is_still_400_with_known_marks(live_server: LiveServer,
                                                    clerk: Api) -> None:
    _known_marks(live_server)
    _assert_problem(clerk.get("/changes", params={"since": "1.x", "wait": 60}), 400)
    epoch, seq = _head(clerk).split(".")[:2]
    _assert_problem(clerk.get("/changes", params={"since": f"{int(epoch) + 1}.{seq}",
                                                  "wait": 60}), 410)
    _assert_problem(clerk.get("/changes", params={"since": f"{epoch}.{int(seq) + 5}",
                                                  "wait": 60}), 410)


# --- the marks ------------------------------------------------------------------------------


def test_marks_are_unknown_until_loaded_and_only_grow() -> None:
    marks = FeedMarks()
    marks.committed(frozenset({"t-1"}), 7)
    assert marks.head_for(None) is None
    assert marks.loaded(marks.generation, 1, 0, 5, {"t-1": 4, "t-2": 5})
    head = marks.head_for(frozenset({"t-1"}))
    assert head is not None and (head.head, head.visible) == (7, 7)  # the commit stays
    second = marks.head_for(frozenset({"t-2", "t-3"}))
    assert second is not None and second.visible == 5
    nobody = marks.head_for(frozenset({"t-9"}))
    assert nobody is not None and nobody.visible == 0
    everyone = marks.head_for(None)
    assert everyone is not None and everyone.visible == 7


def test_a_load_that_began_before_a_forget_is_void() -> None:
    marks = FeedMarks()
    generation = marks.generation
    marks.forget()  # e.g. a prune committed while the snapshot was read
    assert not marks.loaded(generation, 1, 0, 5, {})
    assert marks.head_for(None) is None
    assert marks.loaded(marks.generation, 1, 3, 5, {})
    marks.forget()
    assert marks.head_for(None) is None


def test_a_notify_raises_the_marks_before_it_wakes_and_without_seq_forgets() -> None:
    async def scenario() -> tuple[bool, int | None, bool]:
        wakeup = LocalFeedWakeup()
        assert wakeup.marks.loaded(wakeup.marks.generation, 1, 0, 3, {})
        seen: list[int] = []

        async def waiter() -> bool:
            woken = await wakeup.wait(frozenset({"t-1"}), 30)
            head = wakeup.marks.head_for(frozenset({"t-1"}))
            seen.append(-1 if head is None else head.visible)
            return woken

        task = asyncio.ensure_future(waiter())
        while wakeup.waiting < 1:
            await asyncio.sleep(0)
        wakeup.notify(frozenset({"t-1"}), 9)
        woken = await task
        wakeup.notify(frozenset({"t-1"}))
        return woken, seen[0], wakeup.marks.head_for(None) is None

    assert asyncio.run(scenario()) == (True, 9, True)


# --- shared pages ---------------------------------------------------------------------------


def _page(cursor: str) -> feed.RawPage:
    return feed.RawPage(rows=[(1, "order", "upsert", "o-1", "{}")], next_cursor=cursor,
                        has_more=False)


def test_same_key_reads_once_other_keys_read_on_their_own() -> None:
    async def scenario() -> tuple[int, list[bytes], int]:
        pages = SharedPages()
        calls: list[str] = []

        def read(name: str) -> feed.RawPage:
            calls.append(name)
            return _page(f"1.{name}")

        key = (0, 5, "1.4", frozenset({"t-1"}), 500)
        same = [pages.page(key, lambda: read("5")) for _ in range(20)]
        other_scope = pages.page((0, 5, "1.4", None, 500), lambda: read("6"))
        results = await asyncio.gather(*same, other_scope)
        later = await pages.page(key, lambda: read("7"))  # still the same head: kept
        return len(calls), [body for _, body in [*results, later]], pages.reads

    count, bodies, reads = asyncio.run(scenario())
    assert (count, reads) == (2, 2)
    assert len(set(bodies[:20])) == 1 and bodies[21] == bodies[0]
    assert bodies[20] != bodies[0]


def test_a_newer_head_reads_again_and_errors_are_not_kept() -> None:
    async def scenario() -> tuple[int, int]:
        pages = SharedPages()
        calls: list[int] = []

        def failing() -> feed.RawPage:
            calls.append(0)
            raise ProblemError(410, "Cursor expired", "gone")

        key = (0, 5, "1.4", None, 500)
        for _ in range(2):
            with pytest.raises(ProblemError):
                await pages.page(key, failing)
        await pages.page(key, lambda: _page("1.5"))
        await pages.page((0, 6, "1.4", None, 500), lambda: _page("1.6"))
        await pages.page((1, 6, "1.4", None, 500), lambda: _page("1.6"))
        await pages.page(None, lambda: _page("1.6"))  # unknown marks: never shared
        return len(calls), pages.reads

    assert asyncio.run(scenario()) == (2, 6)


def test_a_wait_that_ends_after_the_marks_were_forgotten_reads_its_answer(
        own_server: LiveServer) -> None:
    clerk = Api(own_server, "max.nord")
    try:
        _known_marks(own_server)
        cursor = _head(clerk)
        reads = _reads(own_server)
        poll = Poll(clerk, cursor, wait=60)
        poll.start()
        _until(lambda: _wakeup(own_server).waiting == 1, "the request to wait")
        assert _reads(own_server) == reads
        own_server.context.wakeup.marks.forget()  # e.g. a prune while it waited
        own_server.context.wakeup.close()  # the wait ends (as when the server stops)
        page = poll.page()
        assert (page.changes, page.next_cursor) == ([], cursor)
        assert _reads(own_server) == reads + 1
    finally:
        clerk.close()


def test_a_commit_by_another_process_wakes_the_waiters(own_server: LiveServer) -> None:
    """Another process writing the same database (a second server, --seed-only, a script)
    never notifies this one: the once-a-second watch sees the stored counter ahead of the
    marks and wakes every waiter to read, instead of "nothing new" from memory."""
    clerk = Api(own_server, "max.nord")
    try:
        _a_commit_by_another_process_wakes(own_server, clerk)
    finally:
        clerk.close()


def _a_commit_by_another_process_wakes(own_server: LiveServer, clerk: Api) -> None:
    from desktop_app.server.database import Database
    from desktop_app.server.db import PartyRow
    from desktop_app.server.services import publish
    from sqlalchemy import select

    _known_marks(own_server)
    cursor = _head(clerk)
    _known_marks(own_server)  # the head read above may have loaded them; known either way
    wakeup = _wakeup(own_server)
    already = wakeup.waiting
    poll = Poll(clerk, cursor, wait=60)
    poll.start()
    _until(lambda: wakeup.waiting == already + 1, "the long-poll to wait")
    outside = Database(own_server.context.settings.database_url)  # "another process"
    try:
        with outside.write() as session:
            party = session.scalars(select(PartyRow).where(
                PartyRow.tenant_id == "t-nordlicht").limit(1)).one()
            party.updated_at = utcnow()
            publish.party(session, party, party.updated_at)
            changed = party.id
    finally:
        outside.dispose()
    assert [change.id for change in poll.page().changes] == [changed]

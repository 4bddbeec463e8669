"""The progress rules page by page, and the backoff (no server; desktop_app/sync/feed_check)."""

from datetime import datetime

import pytest
from desktop_app.contract.changes import ChangeKind
from desktop_app.sync import feed_check
from desktop_app.sync.feed_check import (
    FeedPosition,
    FeedStalledError,
    ProgressCheck,
    StallBackoff,
    position_of,
)
from desktop_app.sync.pages import ChangePageRecords


def page(cursor: str, *, more: bool = False, remaining: int = 0,
         seqs: tuple[int, ...] = ()) -> ChangePageRecords:
    deletes = [(ChangeKind.ORDER, f"o-{seq}") for seq in seqs]
    return ChangePageRecords(upserts=[], deletes=deletes, next_cursor=cursor, has_more=more,
                             remaining=remaining, first_seq=min(seqs, default=None),
                             last_seq=max(seqs, default=None))


def problem_of(check: ProgressCheck, next_page: ChangePageRecords) -> feed_check.Problem:
    with pytest.raises(FeedStalledError) as caught:
        check.accept(next_page)
    return caught.value.problem


@pytest.mark.parametrize(("cursor", "position"), [
    ("7.42", FeedPosition(7, 42)), ("7.42.3", FeedPosition(7, 42)), ("0.0", FeedPosition(0, 0)),
    ("", None), (None, None), ("abc", None), ("7", None), ("7.4.2.1", None), ("7.²", None),
    ("-1.5", None), ("1." + "9" * 40, None),
])
def test_cursor_positions(cursor: str | None, position: FeedPosition | None) -> None:
    assert position_of(cursor) == position


def test_an_honest_pull_passes() -> None:
    check = ProgressCheck(None)
    check.accept(page("5.100", more=True, remaining=200, seqs=(1, 100)))
    check.accept(page("5.200", more=True, remaining=100, seqs=(101, 200)))
    check.accept(page("5.300", seqs=(201, 300)))


def test_an_empty_long_poll_answer_keeps_its_cursor() -> None:
    ProgressCheck("5.300").accept(page("5.300"))
    ProgressCheck("5.300.2").accept(page("5.300.2"))


@pytest.mark.parametrize(("since", "bad", "problem"), [
    ("5.300", page("5.300", more=True, remaining=10), feed_check.STANDING),
    ("5.300", page("5.300", seqs=(300,)), feed_check.STANDING),  # changes, cursor unmoved
    ("5.300", page("5.200", more=True, remaining=10, seqs=(250,)), feed_check.BACKWARDS),
    ("5.300", page("5.200"), feed_check.BACKWARDS),
    ("5.300", page("6.400", more=True, remaining=10, seqs=(301,)), feed_check.OTHER_EPOCH),
    ("5.300", page("cursor-7", more=True, remaining=10), feed_check.UNREADABLE),
    (None, page("", more=True, remaining=10), feed_check.UNREADABLE),
    ("5.300", page("5.400", seqs=(300, 400)), feed_check.OUT_OF_RANGE),  # one already had
    ("5.300", page("5.400", seqs=(301, 401)), feed_check.OUT_OF_RANGE),  # beyond the cursor
])
def test_pages_that_do_not_move_forward(since: str | None, bad: ChangePageRecords,
                                        problem: feed_check.Problem) -> None:
    assert problem_of(ProgressCheck(since), bad) == problem


def test_a_cursor_this_client_cannot_read_is_a_start() -> None:
    """A cursor stored by an older client (none that this one accepted)."""
    ProgressCheck("legacy").accept(page("5.10", more=True, remaining=5, seqs=(1, 10)))


def test_remaining_may_stand_for_a_few_pages_not_for_more() -> None:
    check = ProgressCheck("5.0")
    check.accept(page("5.10", more=True, remaining=100, seqs=(1, 10)))
    seq = 10
    for number in range(feed_check.REMAINING_PATIENCE):  # commits meanwhile hold it up
        seq += 10
        check.accept(page(f"5.{seq}", more=True, remaining=100 + number, seqs=(seq,)))
    seq += 10
    check.accept(page(f"5.{seq}", more=True, remaining=99, seqs=(seq,)))  # lower than ever
    for _ in range(feed_check.REMAINING_PATIENCE):
        seq += 10
        check.accept(page(f"5.{seq}", more=True, remaining=99, seqs=(seq,)))
    seq += 10
    assert problem_of(check, page(f"5.{seq}", more=True, remaining=99, seqs=(seq,))) == (
        feed_check.NOT_SHRINKING)


def test_remaining_alternating_up_and_down_is_caught() -> None:
    check = ProgressCheck("5.0")
    check.accept(page("5.1", more=True, remaining=100, seqs=(1,)))
    with pytest.raises(FeedStalledError):
        for seq in range(2, 2 * feed_check.REMAINING_PATIENCE + 10):
            check.accept(page(f"5.{seq}", more=True, remaining=100 - seq % 2, seqs=(seq,)))


def test_the_backoff_doubles_up_to_its_limit_and_clears() -> None:
    now = [0.0]
    backoff = StallBackoff(lambda: now[0], local_now=lambda: datetime(2026, 3, 2, 9, 0))
    stall = FeedStalledError(feed_check.STANDING, technical="since 5.3")
    assert stall.retry_at is None and "Versuch" not in stall.message("de")
    delays = []
    for _ in range(8):
        backoff.check()  # the backoff has passed: may ask
        remembered = backoff.stalled(stall)
        assert remembered.retry_at is not None
        delays.append(remembered.retry_at - datetime(2026, 3, 2, 9, 0))
        with pytest.raises(FeedStalledError) as refused:
            backoff.check()
        assert refused.value is not remembered  # a fresh error each time, same text
        assert refused.value.message("en") == remembered.message("en")
        now[0] += delays[-1].total_seconds()
    assert [delay.total_seconds() / 60 for delay in delays] == [1, 2, 4, 8, 16, 30, 30, 30]
    backoff.cleared()
    assert backoff.stalls == 0
    backoff.check()

"""The change feed's in-process wake-up: who is woken by a commit, and what close() does.

No wall-clock bounds: "not woken" is checked through the wake-up's own counters, and the
timeouts of waits that must not end early are far longer than the test needs.
"""

import asyncio
import threading

import pytest
from desktop_app.contract.changes import MAX_WAIT, capped_wait
from desktop_app.server.feed_wakeup import FeedWakeup, LocalFeedWakeup

LONG = 120.0  # a wait that must be ended by something else than its timeout


async def _registered(wakeup: LocalFeedWakeup, count: int) -> None:
    while wakeup.waiting < count:
        await asyncio.sleep(0)


def test_it_is_a_feed_wakeup() -> None:
    wakeup: FeedWakeup = LocalFeedWakeup()
    assert isinstance(wakeup, LocalFeedWakeup)


def test_a_notify_of_the_tenant_wakes_its_waiter() -> None:
    async def scenario() -> bool:
        wakeup = LocalFeedWakeup()
        waiting = asyncio.ensure_future(wakeup.wait(frozenset({"t-1", "t-2"}), LONG))
        await _registered(wakeup, 1)
        wakeup.notify(frozenset({"t-2", "t-9"}))
        woken = await waiting
        assert wakeup.waiting == 0
        return woken

    assert asyncio.run(scenario()) is True


def test_another_tenants_notify_does_not_wake_it() -> None:
    async def scenario() -> tuple[int, int, bool]:
        wakeup = LocalFeedWakeup()
        waiting = asyncio.ensure_future(wakeup.wait(frozenset({"t-1"}), LONG))
        await _registered(wakeup, 1)
        wakeup.notify(frozenset({"t-2"}))
        wakeup.notify(frozenset())
        await asyncio.sleep(0)
        still_waiting, woken_before = wakeup.waiting, wakeup.woken
        wakeup.notify(frozenset({"t-1"}))
        return still_waiting, woken_before, await waiting

    assert asyncio.run(scenario()) == (1, 0, True)


def test_a_waiter_for_all_tenants_is_woken_by_any() -> None:
    async def scenario() -> bool:
        wakeup = LocalFeedWakeup()
        waiting = asyncio.ensure_future(wakeup.wait(None, LONG))
        await _registered(wakeup, 1)
        wakeup.notify(frozenset({"t-7"}))
        return await waiting

    assert asyncio.run(scenario()) is True


def test_a_timeout_returns_false_and_unregisters() -> None:
    async def scenario() -> tuple[bool, int]:
        wakeup = LocalFeedWakeup()
        woken = await wakeup.wait(frozenset({"t-1"}), 0.01)
        return woken, wakeup.waiting

    assert asyncio.run(scenario()) == (False, 0)


def test_zero_or_negative_timeout_returns_at_once() -> None:
    async def scenario() -> tuple[bool, bool]:
        wakeup = LocalFeedWakeup()
        return await wakeup.wait(None, 0), await wakeup.wait(None, -1)

    assert asyncio.run(scenario()) == (False, False)


def test_notify_from_another_thread_wakes_the_loop() -> None:
    async def scenario() -> bool:
        wakeup = LocalFeedWakeup()
        waiting = asyncio.ensure_future(wakeup.wait(frozenset({"t-1"}), LONG))
        await _registered(wakeup, 1)
        thread = threading.Thread(target=wakeup.notify, args=(frozenset({"t-1"}),))
        thread.start()
        woken = await waiting
        thread.join()
        return woken

    assert asyncio.run(scenario()) is True


def test_close_wakes_every_waiter_with_false_and_later_waits_return_at_once() -> None:
    async def scenario() -> tuple[list[bool], bool, int]:
        wakeup = LocalFeedWakeup()
        waits = [asyncio.ensure_future(wakeup.wait(tenants, LONG))
                 for tenants in (None, frozenset({"t-1"}), frozenset({"t-2"}))]
        await _registered(wakeup, 3)
        wakeup.close()
        wakeup.close()  # idempotent
        results = list(await asyncio.gather(*waits))
        later = await wakeup.wait(None, LONG)
        wakeup.notify(frozenset({"t-1"}))  # harmless after close
        return results, later, wakeup.waiting

    assert asyncio.run(scenario()) == ([False, False, False], False, 0)


def test_a_cancelled_wait_unregisters() -> None:
    async def scenario() -> int:
        wakeup = LocalFeedWakeup()
        waiting = asyncio.ensure_future(wakeup.wait(frozenset({"t-1"}), LONG))
        await _registered(wakeup, 1)
        waiting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiting
        wakeup.notify(frozenset({"t-1"}))
        return wakeup.waiting

    assert asyncio.run(scenario()) == 0


def test_notify_after_the_waiters_loop_closed_is_harmless() -> None:
    wakeup = LocalFeedWakeup()
    loop = asyncio.new_event_loop()
    task = loop.create_task(wakeup.wait(frozenset({"t-1"}), LONG))
    loop.run_until_complete(_registered(wakeup, 1))
    task.cancel()
    loop.run_until_complete(asyncio.gather(task, return_exceptions=True))
    loop.close()
    wakeup.notify(frozenset({"t-1"}))
    assert wakeup.waiting == 0


def test_many_waiters_of_one_tenant_are_all_woken_once() -> None:
    async def scenario() -> tuple[list[bool], int]:
        wakeup = LocalFeedWakeup()
        waits = [asyncio.ensure_future(wakeup.wait(frozenset({"t-1"}), LONG))
                 for _ in range(200)]
        await _registered(wakeup, 200)
        wakeup.notify(frozenset({"t-1"}))
        wakeup.notify(frozenset({"t-1"}))  # already woken: not woken twice
        return list(await asyncio.gather(*waits)), wakeup.woken

    results, woken = asyncio.run(scenario())
    assert results == [True] * 200
    assert woken == 200


@pytest.mark.parametrize(("asked", "granted"), [
    (0.0, 0.0), (0.5, 0.5), (MAX_WAIT, MAX_WAIT), (MAX_WAIT + 0.1, MAX_WAIT),
    (3600.0, MAX_WAIT), (float("inf"), MAX_WAIT),
])
def test_the_wait_is_capped(asked: float, granted: float) -> None:
    assert capped_wait(asked) == granted


def test_the_cap_is_sixty_seconds() -> None:
    assert MAX_WAIT == 60.0


def test_a_waiter_without_tenants_is_counted_and_never_woken() -> None:
    async def scenario() -> tuple[int, bool, int]:
        wakeup = LocalFeedWakeup()
        waiting = asyncio.ensure_future(wakeup.wait(frozenset(), 0.05))
        await _registered(wakeup, 1)
        wakeup.notify(frozenset({"t-1"}))
        return wakeup.woken, await waiting, wakeup.waiting

    assert asyncio.run(scenario()) == (0, False, 0)

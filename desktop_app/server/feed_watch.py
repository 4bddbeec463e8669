"""Commits this process did not hear of: another writer of the same database.

The wake-up hears this process's own commits (Database.write) and, on PostgreSQL, the other
server processes' (LISTEN/NOTIFY, feed_wakeup_pg). Writers without a wake-up
(`orderdesk-server --seed-only` against a live database, an admin script), and on PostgreSQL
a notification lost with its connection, raise the feed's sequence counter unheard;
long-polls at the head would then answer "nothing new" from the in-memory marks until they
time out, and again after. Once a second the stored counter is compared with the marks; when
it is ahead, every waiter is woken to read (about a second late: the fallback carrier)."""

import asyncio
import logging

from starlette.concurrency import run_in_threadpool

from desktop_app.server.context import ServerContext
from desktop_app.server.counters import current_value
from desktop_app.server.database import FEED_SEQ

log = logging.getLogger(__name__)
INTERVAL_S = 1.0


def stored_head(context: ServerContext) -> int:
    with context.database.read() as session:
        return current_value(session, FEED_SEQ)


async def watch_outside_commits(context: ServerContext, interval: float = INTERVAL_S) -> None:
    """Runs until cancelled (the app's lifespan); a failed check is logged and retried."""
    wakeup = context.wakeup
    while True:
        await asyncio.sleep(interval)
        head = wakeup.marks.head_for(None)
        if head is None:  # unknown marks: every long-poll reads the database anyway
            continue
        try:
            stored = await run_in_threadpool(stored_head, context)
        except Exception:  # e.g. the database is locked for a moment: the next round checks
            log.warning("could not compare the feed with the wake-up's marks", exc_info=True)
            continue
        if stored > head.head:
            wakeup.notify_everyone()

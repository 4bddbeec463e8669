"""The feed check: every change reaches every clerk once, and every order is in every feed of
its tenant exactly once.

Each clerk keeps a FeedView: the version (seq) it holds of every record, built from the pages
it received (full sync, then listening). At the end every user's feed is read once more from
the start (a snapshot: the log is compacted, one row per record) and each view is compared with
it up to the view's own cursor: a change committed after the clerk's last page is not yet its
business. Pure code: the smoke test feeds it doubled and missing changes.
"""

import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Change = tuple[int, str, str]  # (seq, kind, id)
EXAMPLES = 5


def cursor_seq(cursor: str | None) -> int:
    """The sequence number a cursor stands at (0 for the start)."""
    if not cursor or cursor == "0":
        return 0
    return int(cursor.split(".")[1])


def record_key(kind: str, entity_id: str) -> str:
    # Interned: 500 clerks hold the same few thousand keys.
    return sys.intern(f"{kind}:{entity_id}")


@dataclass
class Problems:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, what: str, example: str) -> None:
        self.counts[what] += 1
        shown = self.examples.setdefault(what, [])
        if len(shown) < EXAMPLES:
            shown.append(example)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        return [f"    {what}: {count} (e.g. {'; '.join(self.examples[what])})"
                for what, count in self.counts.most_common()]


@dataclass
class FeedView:
    """One clerk's picture of the records its feed showed it."""

    name: str
    user: str
    tenant: str
    entries: dict[str, int] = field(default_factory=dict)  # record key -> seq held
    cursor: int = 0
    pages: int = 0
    changes: int = 0
    problems: Problems = field(default_factory=Problems)

    def apply(self, asked: str | None, changes: Sequence[Change], next_cursor: str) -> None:
        """A page answered for `asked`: every change must lie past the cursor asked from, in
        ascending order, newer than the version held."""
        since = cursor_seq(asked)
        previous = since
        for seq, kind, entity_id in changes:
            key = record_key(kind, entity_id)
            held = self.entries.get(key)
            where = f"{self.name} {key} seq {seq}"
            if held == seq:
                self.problems.add("change delivered twice", where)
            elif held is not None and held > seq:
                self.problems.add("older version after a newer one", f"{where} < {held}")
            elif seq <= since:
                self.problems.add("change at or behind the cursor asked from",
                                  f"{where} <= {since}")
            elif seq <= previous:
                self.problems.add("changes out of order in a page", where)
            if held is None or seq > held:
                self.entries[key] = seq
            previous = max(previous, seq)
        reached = cursor_seq(next_cursor)
        if reached < since:
            self.problems.add("cursor moved backwards", f"{self.name} {since} -> {reached}")
        self.cursor = max(self.cursor, reached)
        self.pages += 1
        self.changes += len(changes)


@dataclass
class Snapshot:
    """One user's whole feed, read from the start after the run."""

    user: str
    tenant: str
    entries: dict[str, int]
    cursor: int
    doubled: list[str]  # keys found more than once


def snapshot_of(user: str, tenant: str, changes: Iterable[Change], cursor: int) -> Snapshot:
    """A record changed while its pages were read shows up again at a later seq (the log moved
    it on); the same seq twice is a doubled row."""
    entries: dict[str, int] = {}
    doubled = []
    for seq, kind, entity_id in changes:
        key = record_key(kind, entity_id)
        if entries.get(key) == seq:
            doubled.append(f"{key} seq {seq}")
        entries[key] = max(seq, entries.get(key, 0))
    return Snapshot(user, tenant, entries, cursor, doubled)


@dataclass
class Verdict:
    problems: Problems
    checked_views: int
    checked_orders: int  # submitted orders looked for in the feeds of their tenant
    in_flight: int  # snapshot versions past a view's cursor (committed after its last page)

    @property
    def passed(self) -> bool:
        return self.problems.total == 0


def check(views: Sequence[FeedView], snapshots: dict[str, Snapshot],
          submitted: dict[str, str]) -> Verdict:
    """`snapshots` by user; `submitted`: order id -> tenant of every order the run created."""
    problems = Problems()
    in_flight = 0
    for snapshot in snapshots.values():
        for example in snapshot.doubled:
            problems.add("record twice in the feed", f"{snapshot.user}: {example}")
    for view in views:
        for what, count in view.problems.counts.items():  # found while applying the pages
            problems.counts[what] += count
            problems.examples.setdefault(what, []).extend(
                view.problems.examples[what][:EXAMPLES - len(problems.examples.get(what, []))])
        snapshot = snapshots[view.user]
        for key, seq in snapshot.entries.items():
            held = view.entries.get(key)
            if seq > view.cursor:
                in_flight += 1
            elif held is None:
                problems.add("record missing from a clerk's feed", f"{view.name} {key} seq {seq}")
            elif held != seq:
                problems.add("stale version in a clerk's feed",
                             f"{view.name} {key} holds {held}, feed has {seq}")
        for key, version in view.entries.items():
            newest = snapshot.entries.get(key)
            if newest is None:
                problems.add("record the feed does not hold", f"{view.name} {key} seq {version}")
            elif version > newest:
                problems.add("version newer than the feed",
                             f"{view.name} {key} {version} > {newest}")
    checked = 0
    for order_id, tenant in submitted.items():
        key = record_key("order", order_id)
        for view in views:
            if view.tenant == tenant:
                checked += 1
                if key not in view.entries:
                    problems.add("submitted order missing from a feed of its tenant",
                                 f"{view.name} {key}")
        for snapshot in snapshots.values():
            if snapshot.tenant == tenant and key not in snapshot.entries:
                problems.add("submitted order missing from its tenant's feed",
                             f"{snapshot.user} {key}")
    return Verdict(problems, len(views), checked, in_flight)

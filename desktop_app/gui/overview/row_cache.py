"""A bounded least-recently-used cache of list rows, filled a window at a time."""

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

__all__ = ["RowCache"]

T = TypeVar("T")


class RowCache(Generic[T]):
    """Entries by id, at most `capacity` of them; ids the loader did not find are remembered
    as missing (until `clear`) so that a vanished row is not asked for on every paint."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[str, T] = OrderedDict()
        self._missing: set[str] = set()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> T | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def knows(self, key: str) -> bool:
        return key in self._entries or key in self._missing

    def fill(self, wanted: Sequence[str], load: Callable[[Sequence[str]], dict[str, T]]) -> None:
        """Load the wanted ids not held yet (one call), then evict the least recently used."""
        needed = [key for key in wanted if not self.knows(key)]
        if not needed:
            return
        found = load(needed)
        for key in needed:
            entry = found.get(key)
            if entry is None:
                self._missing.add(key)
            else:
                self._entries[key] = entry
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()
        self._missing.clear()

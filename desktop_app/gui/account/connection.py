"""Whether the order backend can be reached: one owner, everyone else asks or notifies it.

The sync controller owns the one `BackendLink` of a workspace; the main window (and through
its `onlineChanged`, the wizard and the carts window) only shows what it says. Starting
offline, a failing call or a light periodic check all go through the controller, so the state
the clerk sees and the state the sync acts on can never disagree.
"""

import enum

from PySide6.QtCore import QObject, Signal

__all__ = ["BackendLink", "Link"]


class Link(enum.Enum):
    CONNECTING = "connecting"  # nothing answered yet (e.g. the demo backend still starts)
    ONLINE = "online"  # the last call reached the backend
    OFFLINE = "offline"  # the last call could not reach it; `reason` says why


class BackendLink(QObject):
    """The state and, when offline, why; `changed(state, reason)` on every change."""

    changed = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state, self._reason = Link.CONNECTING, ""

    @property
    def state(self) -> Link:
        return self._state

    @property
    def reason(self) -> str:
        return self._reason

    def set(self, state: Link, reason: str = "") -> None:
        if (state, reason) != (self._state, self._reason):
            self._state, self._reason = state, reason
            self.changed.emit(state, reason)

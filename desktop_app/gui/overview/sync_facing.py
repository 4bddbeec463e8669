"""The part of the main window the sync controller talks to (banner, progress, last sync,
the backend link, "Log in again"): what tests/gui/sync_support.RecordingWindow stands in for.

A mixin of MainWindow, which owns the indicators and actions it sets and emits
`onlineChanged`; kept apart so the window module only composes.
"""

from datetime import datetime

from PySide6.QtCore import SignalInstance

from desktop_app.gui.account.connection import Link
from desktop_app.gui.overview.window_actions import WindowActions
from desktop_app.gui.overview.window_status import BannerKind, SyncIndicators


class SyncFacing:
    indicators: SyncIndicators
    window_actions: WindowActions
    onlineChanged: SignalInstance  # noqa: N815 (Qt naming)
    _online: bool
    _offline_reason: str
    _ordering: bool

    def show_banner(self, text: str, kind: BannerKind = "warning") -> None:
        self.indicators.show_banner(text, kind)

    def hide_banner(self) -> None:
        self.indicators.hide_banner()

    def set_sync_progress(self, done: int, total: int) -> None:
        self.indicators.set_progress(done, total)

    @property
    def syncCancelRequested(self) -> SignalInstance:  # noqa: N802 (Qt signal name)
        """Cancel beside the progress bar was clicked."""
        return self.indicators.cancelRequested

    def show_status_message(self, text: str) -> None:
        self.indicators.show_message(text)

    def set_last_sync(self, moment: datetime | None) -> None:
        self.indicators.set_last_sync(moment)

    def set_online(self, online: bool, reason: str) -> None:
        """Online: backend actions follow their features; offline: disabled, saying why."""
        self.set_link(Link.ONLINE if online else Link.OFFLINE, reason)

    def set_link(self, state: Link, reason: str) -> None:
        """Show what the sync controller's `BackendLink` says (its `changed` is connected
        here by the workspace); while connecting, backend actions wait like offline."""
        if state is Link.CONNECTING:
            reason = reason or self.indicators.connecting_text()
        self._online, self._offline_reason = state is Link.ONLINE, reason
        self.indicators.set_link(state, reason)
        self._update_backend_actions()
        self.onlineChanged.emit(self._online, reason)

    def set_sign_in_needed(self, needed: bool) -> None:
        """Show "Log in again…" (File menu and tool bar) while the backend wants a login."""
        self.window_actions.sign_in.setVisible(needed)

    @property
    def is_online(self) -> bool:
        return self._online

    def enable_ordering(self) -> None:
        """The order wizard is connected (`newCartRequested`): New cart works while online."""
        self._ordering = True
        self._update_backend_actions()

    def _update_backend_actions(self) -> None:
        self.window_actions.update_new_cart(self._ordering, self._online, self._offline_reason)

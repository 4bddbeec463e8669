"""The main window's sync indicators: status-bar widgets and the banner above the filters.

The sync controller drives them through the window's public methods; nothing here reads the
cache or the network. Beside the progress bar, while a sync runs, a Cancel button emits
`cancelRequested` (the controller cancels the sync).
"""

from datetime import datetime
from typing import Literal

from PySide6.QtCore import QLocale, QObject, Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QStatusBar, QToolButton

from desktop_app.gui.account.connection import Link
from desktop_app.gui.common.formatting import format_datetime
from desktop_app.gui.common.forms import child

__all__ = ["BannerKind", "SyncIndicators"]

BannerKind = Literal["info", "warning", "error"]

_BANNER_COLORS: dict[str, tuple[str, str]] = {  # background, border: calm, readable on both
    "info": ("#e8f1fb", "#2f6fb3"),
    "warning": ("#fff4e0", "#b26a00"),
    "error": ("#fdecea", "#c62828"),
}


STATUS_MESSAGE_MS = 10_000  # how long a status-bar message stays


class SyncIndicators(QObject):
    """Progress bar with its Cancel button, "last synchronized" label, online indicator,
    status-bar messages and the banner."""

    cancelRequested = Signal()  # noqa: N815 (Qt naming): Cancel beside the progress bar

    def __init__(self, status_bar: QStatusBar, form: QFrame, locale: QLocale) -> None:
        super().__init__(status_bar)
        self._locale = locale
        self._status_bar = status_bar
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("syncCancelButton")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr(
            "Stop the synchronization; what has arrived so far is kept."))
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.cancel_button.hide()
        self.last_sync_label = QLabel()
        self.last_sync_label.setObjectName("lastSyncLabel")
        self.online_label = QLabel()
        self.online_label.setObjectName("onlineLabel")
        status_bar.addPermanentWidget(self.progress)
        status_bar.addPermanentWidget(self.cancel_button)
        status_bar.addPermanentWidget(self.last_sync_label)
        status_bar.addPermanentWidget(self.online_label)
        self.banner = form
        self.banner_label = child(form, QLabel, "bannerLabel")
        close = child(form, QToolButton, "bannerCloseButton")
        close.setText(self.tr("Dismiss"))
        close.clicked.connect(self.hide_banner)
        self.banner.hide()
        self.set_last_sync(None)
        self.set_online(True, "")

    def set_progress(self, done: int, total: int) -> None:
        """Show sync progress; total <= 0 means "unknown" (a busy bar); done >= total > 0
        hides the bar again (idle)."""
        if total > 0 and done >= total:
            self.progress.hide()
            self.cancel_button.hide()
            return
        if total <= 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, total)
            self.progress.setValue(max(done, 0))
        if self.progress.isHidden():  # a new sync: Cancel works again
            self.cancel_button.setEnabled(True)
        self.progress.show()
        self.cancel_button.show()

    @Slot()
    def _cancel_clicked(self) -> None:
        self.cancel_button.setEnabled(False)  # once; the bar goes when the sync has stopped
        self.cancelRequested.emit()

    def show_message(self, text: str) -> None:
        """A passing note in the status bar (e.g. why F5 did not start a sync)."""
        self._status_bar.showMessage(text, STATUS_MESSAGE_MS)

    def set_last_sync(self, moment: datetime | None) -> None:
        if moment is None:
            self.last_sync_label.setText(self.tr("Not synchronized yet"))
        else:
            when = format_datetime(self._locale, moment)
            self.last_sync_label.setText(self.tr("Last synchronized: %1").replace("%1", when))

    def set_online(self, online: bool, reason: str) -> None:
        self.set_link(Link.ONLINE if online else Link.OFFLINE, reason)

    def connecting_text(self) -> str:
        return self.tr("the connection to the order backend is being established.")

    def set_link(self, state: Link, reason: str) -> None:
        if state is Link.ONLINE:
            self.online_label.setText("● " + self.tr("Online"))
            self.online_label.setStyleSheet("color: #2e7d32;")
            self.online_label.setToolTip(self.tr("The order backend can be reached."))
        elif state is Link.CONNECTING:
            self.online_label.setText("○ " + self.tr("Connecting…"))
            self.online_label.setStyleSheet("color: #555555;")
            self.online_label.setToolTip(self.tr("Waiting for the order backend's first answer."))
        else:
            self.online_label.setText("● " + self.tr("Offline"))
            self.online_label.setStyleSheet("color: #b26a00;")
            self.online_label.setToolTip(reason or self.tr("The order backend cannot be reached."))

    def show_banner(self, text: str, kind: BannerKind = "warning") -> None:
        background, border = _BANNER_COLORS.get(kind, _BANNER_COLORS["warning"])
        self.banner.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QFrame#banner QLabel {{ color: #202020; }}"
        )
        self.banner.setProperty("kind", kind)
        self.banner_label.setText(text)
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

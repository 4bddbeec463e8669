"""A notice about the local cache itself (damaged and rebuilt, disk full, read-only), above the
main window's sync banner: the sync controller replaces that banner with every outcome
(offline, synced), while this one stays until its cause is gone.

It names the folder as a link, which opens in the file manager: support asks for the file.
"""

from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

__all__ = ["CacheNotice", "NoticeKind", "folder_link"]

NoticeKind = Literal["info", "warning", "error"]

_COLORS: dict[str, tuple[str, str]] = {  # background, border (as the sync banner's)
    "info": ("#e8f1fb", "#2f6fb3"),
    "warning": ("#fff4e0", "#b26a00"),
    "error": ("#fdecea", "#c62828"),
}


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def folder_link(path: Path) -> str:
    """Rich text: the folder's path as a link to it (`path` itself if it is a folder)."""
    folder = path if path.is_dir() else path.parent
    url = QUrl.fromLocalFile(str(folder)).toString()
    return f'<a href="{_escaped(url)}">{_escaped(str(path))}</a>'


class CacheNotice(QFrame):
    """One message at a time (`show_notice`), rich text whose plain parts are escaped by the
    caller with `plain()`; Dismiss hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cacheNotice")
        self.label = QLabel()
        self.label.setObjectName("cacheNoticeLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.setOpenExternalLinks(False)
        self.label.linkActivated.connect(self._open_link)
        self.dismiss = QToolButton()
        self.dismiss.setObjectName("cacheNoticeDismiss")
        self.dismiss.setText(self.tr("Dismiss"))
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.kind: NoticeKind = "info"
        self.hide()

    @staticmethod
    def plain(text: str) -> str:
        return _escaped(text)

    def show_notice(self, rich_text: str, kind: NoticeKind = "warning") -> None:
        background, border = _COLORS[kind]
        self.setStyleSheet(
            f"QFrame#cacheNotice {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QFrame#cacheNotice QLabel {{ color: #202020; }}")
        self.kind = kind
        self.label.setText(rich_text)
        self.show()

    def text(self) -> str:
        """What the clerk reads (without markup)."""
        return self.label.text()

    def _open_link(self, link: str) -> None:
        QDesktopServices.openUrl(QUrl(link))

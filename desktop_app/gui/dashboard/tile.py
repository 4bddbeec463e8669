"""One dashboard tile: a big count over its caption; a button, so clicking it, Enter or
Space opens what it counted."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

__all__ = ["Tile"]


class Tile(QPushButton):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.count_label = QLabel("–")
        self.count_label.setObjectName("tileCount")
        font = self.count_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.count_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setObjectName("tileCaption")
        self.caption_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("tileDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setEnabled(False)  # the palette's dimmer text
        self.detail_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(2)
        for label in (self.count_label, self.caption_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setAccessibleName(caption)

    def set_count(self, text: str, detail: str = "") -> None:
        self.count_label.setText(text)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self.setAccessibleName(f"{self.caption_label.text()}: {text}")
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else super().sizeHint()
        return QSize(max(hint.width(), 150), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, self.sizeHint().height())

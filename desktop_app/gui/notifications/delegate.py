"""Paints a notification as two lines: its text (bold while unread, after a dot) and, smaller
and grey, the customer and the time. Long texts are elided; the tooltip has them whole."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.gui.notifications.model import SUBLINE_ROLE, UNREAD_ROLE
from desktop_app.gui.panels.status_badge import CHANGED_COLOR

__all__ = ["NotificationDelegate"]

_PAD, _DOT, _GAP = 8, 8, 6
UNREAD_COLOR = CHANGED_COLOR  # as the order list's mark of a changed order


class NotificationDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        main, small = QFont(option.font), QFont(option.font)
        small.setBold(False)  # (the model's font for an unread one is bold)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.9, 7.0))
        return main, small

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        main, small = self._fonts(option)
        bold = QFont(main)
        bold.setBold(True)
        height = QFontMetrics(bold).height() + QFontMetrics(small).height() + 2 * _PAD + 2
        texts = (QFontMetrics(bold).horizontalAdvance(str(index.data() or "")),
                 QFontMetrics(small).horizontalAdvance(str(index.data(SUBLINE_ROLE) or "")))
        return QSize(max(texts) + 2 * _PAD + _DOT + _GAP, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        unread = bool(index.data(UNREAD_ROLE))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = opt.palette.color(group, role)
        main, small = self._fonts(opt)
        main.setBold(unread)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        first = QFontMetrics(main)
        painter.save()
        try:
            if unread:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(text_color if selected else QColor(UNREAD_COLOR))
                top = rect.top() + (first.height() - _DOT) // 2
                painter.drawEllipse(rect.left(), top, _DOT, _DOT)
            left = rect.left() + _DOT + _GAP
            line = QRect(left, rect.top(), rect.right() - left, first.height())
            painter.setFont(main)
            painter.setPen(text_color)
            painter.drawText(line, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             first.elidedText(text, Qt.TextElideMode.ElideRight, line.width()))
            second = QFontMetrics(small)
            below = QRect(left, line.bottom() + 2, line.width(), second.height())
            painter.setFont(small)
            grey = QColor(text_color)
            if not selected:
                grey.setAlpha(170)
            painter.setPen(grey)
            subline = str(index.data(SUBLINE_ROLE) or "")
            painter.drawText(below, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             second.elidedText(subline, Qt.TextElideMode.ElideRight, below.width()))
        finally:
            painter.restore()

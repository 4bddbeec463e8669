"""Orders per week over the last 12 weeks, stacked by business transaction (QtCharts).

Every bar segment is a link: `barClicked(week, transaction)`. Hovering one shows its count.
"""

from collections.abc import Mapping

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from desktop_app.cache.dashboard import WeeklyOrders
from desktop_app.domain.enums import BusinessTransaction
from desktop_app.gui.common.formatting import day

__all__ = ["WeeklyChart"]

# One calm colour per business transaction (readable on light and dark palettes).
_COLOURS = ("#3b6fb6", "#5aa469", "#d9883b", "#8e5fb3", "#c7504f", "#3fa3a8", "#9c8b3a")


class WeeklyChart(QChartView):
    barClicked = Signal(int, object)  # noqa: N815 (Qt naming): week index, BusinessTransaction

    def __init__(self, locale: QLocale, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setObjectName("weeklyChart")
        self._locale = locale
        self._weekly: WeeklyOrders | None = None
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._chart.setBackgroundVisible(False)
        self._chart.layout().setContentsMargins(0, 0, 0, 0)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self._apply_palette()

    def _apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        self._chart.legend().setLabelColor(text)
        self._text = text

    @property
    def weekly(self) -> WeeklyOrders | None:
        return self._weekly

    def set_data(self, weekly: WeeklyOrders, labels: Mapping[str, str]) -> None:
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self._weekly = weekly
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        for n, (transaction, values) in enumerate(weekly.counts.items()):
            bar_set = QBarSet(labels.get(transaction.value, transaction.value))
            bar_set.setColor(QColor(_COLOURS[n % len(_COLOURS)]))
            bar_set.setBorderColor(QColor(_COLOURS[n % len(_COLOURS)]))
            bar_set.append([float(count) for count in values])
            bar_set.clicked.connect(lambda week, t=transaction: self.barClicked.emit(week, t))
            # Not the bar set itself in the slot: a lambda holding its own sender is a cycle
            # that the garbage collector may clear after removeAllSeries() deleted the set
            # in C++ (a crash in a full test run); the label is all the tooltip needs.
            label = bar_set.label()
            bar_set.hovered.connect(
                lambda on, week, t=transaction, text=label: self._hovered(on, week, t, text))
            series.append(bar_set)
        chart.addSeries(series)
        weeks = QBarCategoryAxis()
        weeks.append([QCoreApplication.translate("Dashboard", "W%1")
                      .replace("%1", str(monday.isocalendar().week)) for monday in weekly.mondays])
        weeks.setLabelsColor(self._text)
        weeks.setGridLineVisible(False)
        chart.addAxis(weeks, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(weeks)
        counts = QValueAxis()
        totals = [sum(values) for values in zip(*weekly.counts.values(), strict=True)] or [0]
        counts.setRange(0, max(max(totals), 1))
        counts.applyNiceNumbers()
        counts.setLabelFormat("%d")
        counts.setLabelsColor(self._text)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        chart.legend().setVisible(bool(weekly.counts))

    def _hovered(self, on: bool, week: int, transaction: BusinessTransaction,
                 label: str) -> None:
        if not on or self._weekly is None:
            QToolTip.hideText()
            self.viewport().unsetCursor()
            return
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        monday = self._weekly.mondays[week]
        text = (QCoreApplication.translate("Dashboard", "%1, week of %2: %3 orders (click to list)")
                .replace("%1", label)
                .replace("%2", day(monday, self._locale))
                .replace("%3", self._locale.toString(self._weekly.counts[transaction][week])))
        QToolTip.showText(QCursor.pos(), text, self)

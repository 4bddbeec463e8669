"""The order's processing status: explanation, clearing case, timeline and document flow."""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.cache.records import BusinessTransactionInfo, OrderDetail, StatusInfo
from desktop_app.domain.enums import AutomationDegree, OrderStatus
from desktop_app.domain.processing import PLANS
from desktop_app.gui.common import formatting
from desktop_app.gui.common.forms import child, load_form
from desktop_app.gui.panels.catalog import Catalog
from desktop_app.gui.panels.flow import FlowKind, FlowStrip
from desktop_app.gui.panels.flow_document import FlowDocumentDialog
from desktop_app.gui.panels.status_style import paint_badge, paint_clearing
from desktop_app.gui.panels.timeline import TimelineView
from desktop_app.gui.panels.widgets import bold, prepare_values, read_only

FORM = "order_status.ui"
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


class OrderStatusPanel(QWidget):
    """Shows where one cached order stands. A click on the flow's cart, quote or contract
    shows that document (FlowDocumentDialog); `contractOrdersRequested(number)` asks the
    window to list the orders on a contract."""

    contractOrdersRequested = Signal(str)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = form = load_form(FORM, self)
        prepare_values(form)
        self._pages = child(form, QStackedWidget, "pages")
        self._timeline, self.flow = TimelineView(), FlowStrip()
        for name, view in (("timeline", self._timeline), ("flowStrip", self.flow)):
            layout = QVBoxLayout(child(form, QWidget, name))
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(view)
        self._detail: OrderDetail | None = None
        self._english = False
        self.flow.flowItemActivated.connect(self._open_flow_document)
        clearing = child(form, QFrame, "clearingFrame")
        clearing.setStyleSheet(paint_clearing(clearing.objectName()))
        bold(self._label("clearingTitle"))
        self._add_clearing_steps(clearing)
        for name in ("statusExplanation", "clearingNote", "clearingWho", "clearingNext"):
            read_only(self._label(name))
        self.show_order(None, (), (), "de")

    def _label(self, name: str) -> QLabel:
        return child(self._form, QLabel, name)

    @staticmethod
    def _add_clearing_steps(frame: QFrame) -> None:
        """Below the note: who acts on a clearing case and what comes next."""
        layout = frame.layout()
        assert layout is not None  # from the form
        for name in ("clearingWho", "clearingNext"):
            label = QLabel(frame)
            label.setObjectName(name)
            label.setWordWrap(True)
            layout.addWidget(label)

    def show_order(
        self,
        detail: OrderDetail | None,
        statuses: Sequence[StatusInfo],
        transactions: Sequence[BusinessTransactionInfo],
        language: str,
    ) -> None:
        """Show `detail`'s status, or the placeholder when no order is selected (None)."""
        self._detail, self._english = detail, language == "en"
        if detail is None:
            self._pages.setCurrentIndex(0)
            return
        catalog = Catalog.of(statuses, transactions, language)
        paint_badge(self._label("statusBadge"), detail.status, catalog.status_label(detail.status))
        self._label("statusExplanation").setText(catalog.status_explanation(detail.status))
        child(self._form, QFrame, "clearingFrame").setVisible(bool(detail.clearing_note))
        self._label("clearingNote").setText(detail.clearing_note or "")
        if detail.clearing_note:
            self._show_clearing_steps(detail)
        self._show_processing(detail)
        self._timeline.show_history(detail.history, catalog)
        self.flow.show_flow(detail)
        self._pages.setCurrentIndex(1)

    @Slot(str, str)
    def _open_flow_document(self, kind: str, _id: str) -> None:
        if self._detail is None or FlowKind(kind) is FlowKind.ORDER:
            return
        dialog = FlowDocumentDialog(FlowKind(kind), self._detail, self._english, self)
        dialog.contractOrdersRequested.connect(self.contractOrdersRequested)
        dialog.open()

    def _show_clearing_steps(self, detail: OrderDetail) -> None:
        # The backend's clearing team corrects the order; the partner is asked only when
        # something is missing (the reference backend's clearing note says so too).
        self._label("clearingWho").setText(self.tr(
            "Who acts: the provider's clearing team checks and corrects the order by hand. "
            "The sales partner acts only if the clearing team asks for information."))
        self._label("clearingNext").setText(self.tr(
            "What happens next: after the correction, processing continues by itself; "
            "expected completion %1.").replace(
                "%1", formatting.moment(detail.expected_completion_at)))

    def _show_processing(self, detail: OrderDetail) -> None:
        plan = PLANS[detail.automation]
        self._label("expectedDurationValue").setText(
            f"{self._duration(plan.completes_after)} ({self._automation(detail.automation)})"
        )
        caption, when = self._label("completionLabel"), self._label("completionValue")
        if detail.status is OrderStatus.COMPLETED:
            done = [e.at for e in detail.history if e.status is OrderStatus.COMPLETED]
            caption.setText(self.tr("Completed on:"))
            when.setText(formatting.moment(done[-1] if done else detail.updated_at))
        else:
            caption.setText(self.tr("Expected completion:"))
            text = formatting.moment(detail.expected_completion_at)
            if detail.expected_completion_at < datetime.now(UTC):
                text += " – " + self.tr("overdue")
            when.setText(text)

    def _duration(self, span: timedelta) -> str:
        if span < HOUR:
            return self.tr("about %n minute(s)", "", round(span / timedelta(minutes=1)))
        if span < DAY:
            return self.tr("about %n hour(s)", "", round(span / HOUR))
        return self.tr("up to %n day(s)", "", round(span / DAY))

    def _automation(self, degree: AutomationDegree) -> str:
        return {
            AutomationDegree.FULL: self.tr("fully automated"),
            AutomationDegree.PARTIAL: self.tr("partly automated"),
            AutomationDegree.MANUAL: self.tr("processed manually"),
        }[degree]

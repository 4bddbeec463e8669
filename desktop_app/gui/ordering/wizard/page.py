"""The wizard pages' common ground: a Designer form, a busy bar, and one place for problems.

`call(work, done)` runs a backend call on the wizard's task group (network lane); meanwhile
the page is busy (progress bar, Next disabled). Rule violations, offline and other faults
appear in the page's problem box in the clerk's language (a bug gets the crash dialog); what
was entered stays as it was.
"""

import logging
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget, QWizardPage

from desktop_app.api.errors import OfflineError, RuleViolationError
from desktop_app.domain.violations import Violation
from desktop_app.gui.common import errors
from desktop_app.gui.common.forms import child, load_form
from desktop_app.gui.common.tasks import Operation, ProgressReport, TaskGroup
from desktop_app.gui.ordering.wizard.state import WizardState
from desktop_app.sync.progress import CancelToken, SyncCancelled

log = logging.getLogger(__name__)
T = TypeVar("T")
W = TypeVar("W", bound=QWidget)

PROBLEM_STYLE = ("QLabel#problemBox { border: 1px solid #c62828; border-radius: 4px;"
                 " padding: 6px 8px; background: #fdecea; color: #7f1d1d; }")
OFFLINE_STYLE = ("QLabel#offlineBox { border: 1px solid #b26a00; border-radius: 4px;"
                 " padding: 6px 8px; background: #fff4e5; color: #663c00; }")
ERROR_STYLE = "color: #b71c1c;"


def field_error(label: QLabel, text: str | None) -> None:
    """A message next to a field; hidden while there is none."""
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setText(text or "")
    label.setVisible(bool(text))


class WizardPage(QWizardPage):
    """Base of every wizard page; subclasses implement `ready()` and may override hooks."""

    def __init__(self, form: str, state: WizardState, runner: TaskGroup,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self._runner = state, runner
        host = QWidget(self)
        self.form = load_form(form, host)
        self.problem_box = QLabel(self)
        self.problem_box.setObjectName("problemBox")
        self.problem_box.setStyleSheet(PROBLEM_STYLE)
        self.problem_box.setWordWrap(True)
        self.problem_box.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_box.hide()
        self.offline_box = QLabel(self)
        self.offline_box.setObjectName("offlineBox")
        self.offline_box.setStyleSheet(OFFLINE_STYLE)
        self.offline_box.setWordWrap(True)
        self.offline_box.setTextFormat(Qt.TextFormat.PlainText)
        self.offline_box.hide()
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setMaximumHeight(6)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.offline_box)
        layout.addWidget(host, 1)
        layout.addWidget(self.problem_box)
        layout.addWidget(self.busy_bar)
        self._busy = 0

    # --- form access ------------------------------------------------------------------------

    def widget(self, kind: type[W], name: str) -> W:
        return child(self.form, kind, name)

    # --- completeness -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def ready(self) -> bool:
        """Whether the page's own conditions for Next hold (problems shown block it)."""
        return True

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self.busy and self.ready()

    def refresh(self) -> None:
        self.completeChanged.emit()

    # --- problems ---------------------------------------------------------------------------

    def set_offline(self, reason: str | None) -> None:
        """While the backend cannot be reached: say so above the page (entries stay)."""
        if reason is None:
            self.offline_box.hide()
            return
        text = self.tr("Offline: the order wizard needs the order backend. Everything entered "
                       "is kept; continue when the connection is back.")
        self.offline_box.setText(f"{text}\n{reason}" if reason else text)
        self.offline_box.show()

    def show_problems(self, lines: Sequence[str]) -> None:
        self.problem_box.setText("\n".join(f"• {line}" for line in lines))
        self.problem_box.setVisible(bool(lines))

    def show_violations(self, violations: Sequence[Violation]) -> None:
        self.show_problems([v.message(self.state.language) for v in violations])

    def clear_problems(self) -> None:
        self.show_problems([])

    @property
    def problems(self) -> list[str]:
        """The lines shown in the problem box (empty while hidden)."""
        if self.problem_box.isHidden():
            return []
        return [line.removeprefix("• ") for line in self.problem_box.text().splitlines()]

    def show_error(self, error: BaseException) -> None:
        language = self.state.language
        if isinstance(error, RuleViolationError):
            self.show_problems([v.message(language) for v in error.violations]
                               or [error.message(language)])
        elif isinstance(error, OfflineError):
            self.show_problems([
                self.tr("The order wizard needs the order backend, which cannot be reached "
                        "now. Everything entered is kept: try again when the connection is "
                        "back."),
                error.message(language)])
        else:  # other faults in the problem box; a bug gets the crash dialog
            errors.report(error, self, lambda text, _kind: self.show_problems([text]),
                          context=type(self).__name__, language=language)

    # --- backend calls ----------------------------------------------------------------------

    def call(self, work: Callable[[], T], done: Callable[[T], None],
             failed: Callable[[BaseException], None] | None = None) -> None:
        """Run `work` off the GUI thread; `done(result)` or the error shown, on this thread
        (only while the wizard exists: its task group dies with it)."""
        def run(cancel: CancelToken, _report: ProgressReport) -> Any:
            cancel.raise_if_cancelled()
            return work()

        self._set_busy(+1)
        (Operation(run, name=type(self).__name__)
         .on_success(lambda result: self._call_finished(done, result))
         .on_failure(lambda raised: self._call_failed(failed, raised))
         .run_in(self._runner))

    def _call_finished(self, done: Callable[[Any], None], result: object) -> None:
        self._set_busy(-1)
        self.clear_problems()
        done(result)
        self.refresh()

    def _call_failed(self, failed: Callable[[BaseException], None] | None,
                     raised: BaseException) -> None:
        self._set_busy(-1)
        if isinstance(raised, SyncCancelled):
            return
        self.show_error(raised)
        if failed is not None:
            failed(raised)
        self.refresh()

    def _set_busy(self, step: int) -> None:
        self._busy = max(0, self._busy + step)
        self.busy_bar.setVisible(self.busy)
        self.setCursor(Qt.CursorShape.BusyCursor if self.busy else Qt.CursorShape.ArrowCursor)
        self.refresh()

    @Slot()
    def go_next(self) -> None:
        """After a call that validatePage started: move on (validatePage now agrees)."""
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

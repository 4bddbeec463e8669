"""The one path by which failures reach the clerk.

An `EnvironmentFault` (network, backend refusal, invalid page, cache or disk, a damaged
document, a broken business rule: desktop_app/domain/faults.py) is the environment's doing:
its German or English message is shown where the clerk works — a `Surface` the caller names
(the main window's banner or status bar, a wizard page's problem list) or, by default, a
window-modal message box over the widget that started the work. A cancelled task is silent.
Anything else is a bug: logged with its traceback and shown in the crash dialog (crash.py).
"""

import logging
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.domain.faults import EnvironmentFault, Language
from desktop_app.gui.common.crash import report_bug
from desktop_app.gui.common.logs import current_log_file
from desktop_app.sync.progress import SyncCancelled

__all__ = ["MessageKind", "Surface", "fault_text", "is_fault", "report", "set_language",
           "ui_language"]

log = logging.getLogger(__name__)

MessageKind = Literal["info", "warning", "error"]
_language: Language = "de"


# Where a caller wants the clerk to read about a fault: e.g. the main window's
# `show_banner`, a wizard page's problem list; called with the text and its kind.
Surface = Callable[[str, MessageKind], None]


def set_language(language: Language) -> None:
    """The UI language of the messages (set with the translators at start)."""
    global _language
    _language = language


def ui_language() -> Language:
    return _language


def is_fault(error: BaseException) -> bool:
    """True for what the environment causes (and cancellations); False for bugs."""
    return isinstance(error, EnvironmentFault | SyncCancelled)


def fault_text(fault: EnvironmentFault, language: Language | None = None) -> str:
    """The clerk's message; where technical details went to the log, it says which file."""
    language = language or _language
    text = fault.message(language)
    log_file = current_log_file()
    if fault.technical and log_file is not None:
        where = QCoreApplication.translate("errors", "Details: %1").replace("%1", str(log_file))
        text = f"{text}\n{where}"
    return text


def report(error: BaseException, parent: QWidget | None = None,
           surface: Surface | None = None, *, context: str = "",
           language: Language | None = None) -> None:
    """Tell the clerk about `error` (a fault, in `language`: by default the UI's) or report
    it as a bug."""
    if isinstance(error, SyncCancelled):
        return
    if not isinstance(error, EnvironmentFault):
        report_bug(error, context or (type(parent).__name__ if parent is not None else ""))
        return
    log.warning("%s%s: %s", type(error).__name__, f" ({context})" if context else "", error)
    text = fault_text(error, language)
    if surface is not None:
        surface(text, "error")
        return
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("errors", "OrderDesk"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal if parent is not None
                          else Qt.WindowModality.ApplicationModal)
    box.show()

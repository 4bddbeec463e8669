"""The main window's confirmation output: print, preview, save and export of confirmations,
and backend documents in the viewer — from the window's actions, the detail panel and the
confirmation pages. `ConfirmationOutput` is made on first use: its imports (documents,
dialogs, the PDF viewer) are not needed to show the order list."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, SignalInstance
from PySide6.QtWidgets import QTableView, QWidget

from desktop_app.gui.common.formatting import Language
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.overview.window_actions import WindowActions
from desktop_app.sync.live_cache import LiveCache

if TYPE_CHECKING:
    from desktop_app.gui.documents.confirmation_output import ConfirmationOutput
    from desktop_app.sync.documents import DocumentSource

__all__ = ["OutputHookup"]


class OutputHookup(QObject):
    """Connects the output actions and requests of `window` to one ConfirmationOutput."""

    def __init__(self, window: QWidget, cache: LiveCache, language: Language,
                 settings: QSettings, tasks: TaskManager) -> None:
        super().__init__(window)
        self._window, self._cache, self._language = window, cache, language
        self._settings, self._tasks = settings, tasks
        self._output: ConfirmationOutput | None = None
        self._source: DocumentSource | None = None

    @property
    def output(self) -> "ConfirmationOutput":
        if self._output is None:
            from desktop_app.gui.documents.confirmation_output import ConfirmationOutput

            self._output = ConfirmationOutput(self._cache, self._language, self._settings,
                                              self._tasks, self._window)
            self._output.set_document_source(self._source)
        return self._output

    def set_document_source(self, source: "DocumentSource | None") -> None:
        self._source = source
        if self._output is not None:
            self._output.set_document_source(source)

    def wire(self, actions: WindowActions, shown_order: Callable[[], str | None],
                selected_orders: Callable[[], list[str]],
                requests: tuple[SignalInstance, SignalInstance, SignalInstance,
                                SignalInstance]) -> None:
        """`requests`: the window's document, preview, print and save-PDF signals."""
        window = self._window

        def with_order(output: Callable[[QWidget, str], object]) -> None:
            if (order_id := shown_order()) is not None:
                output(window, order_id)

        actions.print.triggered.connect(lambda: with_order(self.output.print_))
        actions.preview.triggered.connect(lambda: with_order(self.output.preview))
        actions.save_pdf.triggered.connect(lambda: with_order(self.output.save_pdf))
        actions.export_pdfs.triggered.connect(
            lambda: self.output.export_pdfs(window, selected_orders()))
        actions.print_batch.triggered.connect(
            lambda: self.output.print_batch(window, selected_orders()))
        document, preview, print_, save = requests
        document.connect(lambda document_id: self.output.open_backend_document(window,
                                                                              document_id))
        preview.connect(lambda order_id: self.output.preview(window, order_id))
        print_.connect(lambda order_id: self.output.print_(window, order_id))
        save.connect(lambda order_id: self.output.save_pdf(window, order_id))

    @staticmethod
    def update_actions(actions: WindowActions, shown: bool, table: QTableView) -> None:
        """Print, preview and save work on the shown order (from the cache, offline too);
        export and batch printing on the selected ones."""
        for action in (actions.print, actions.preview, actions.save_pdf):
            action.setEnabled(shown)
        selected = bool(table.selectionModel().hasSelection())
        actions.export_pdfs.setEnabled(selected)
        actions.print_batch.setEnabled(selected)

    def shutdown(self) -> None:
        if self._output is not None:
            self._output.shutdown()

"""File → Export list…: the order list as filtered and sorted, with the columns the header
shows (hidden ones left out, in the clerk's order), as CSV or XLSX on the cache lane.

The header, the list's query and its labels are read when the export starts; the rows come
from the cache in chunks (desktop_app/export), never as Qt items. A progress dialog with
Cancel shows after 600 ms; a cancelled or failed export leaves no file behind, and why it
failed reaches the clerk through the error path.
"""

import enum
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QProgressDialog, QWidget

from desktop_app.cache.queries import CLEARING
from desktop_app.cache.store import CacheStore
from desktop_app.domain.faults import EnvironmentFault
from desktop_app.export.cells import CellKind, ExportColumn, formats_for
from desktop_app.export.csv_file import write_csv
from desktop_app.export.order_rows import order_rows
from desktop_app.gui.common import errors
from desktop_app.gui.common.formatting import Language, locale_for
from desktop_app.gui.common.tasks import (
    BackgroundTask,
    Lane,
    Operation,
    ProgressReport,
    TaskManager,
)
from desktop_app.gui.overview.order_columns import (
    OrderColumn,
    OrderLabels,
    clearing_case,
    header_text,
)
from desktop_app.gui.overview.order_source import OrderQuery
from desktop_app.sync.progress import CancelToken

__all__ = ["ExportKind", "ExportResult", "ListExport", "export_table", "visible_columns"]

PROGRESS_DELAY_MS = 600
LAST_FOLDER_KEY, LAST_KIND_KEY = "export/last_folder", "export/last_kind"


class ExportKind(enum.Enum):
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int


Target = tuple[Path, ExportKind]
# Asks where to export (the file dialog; tests put their own in): the dialog parent, the
# suggested file; None when the clerk cancels.
TargetChooser = Callable[[QWidget, Path, ExportKind], Target | None]


def visible_columns(header: QHeaderView) -> list[OrderColumn]:
    """The columns as the header shows them: in visual order, hidden sections left out."""
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [OrderColumn(index) for index in logical
            if 0 <= index < len(OrderColumn) and not header.isSectionHidden(index)]


def _field(column: OrderColumn, labels: OrderLabels
           ) -> tuple[str, CellKind, Mapping[str, str] | None]:
    """The cache field a column shows (`queries.order_export_rows`), its kind and, for codes,
    their labels."""
    match column:
        case OrderColumn.ORDER_NUMBER:
            return "order_number", CellKind.TEXT, None
        case OrderColumn.ORDER_DATE:
            return "created_at", CellKind.DATETIME, None
        case OrderColumn.CUSTOMER:
            return "customer_name", CellKind.TEXT, None
        case OrderColumn.BUSINESS_TRANSACTION:
            return "business_transaction", CellKind.TEXT, labels.transactions
        case OrderColumn.PRODUCT:
            english = labels.language == "en"
            return ("product_name_en" if english else "product_name_de"), CellKind.TEXT, None
        case OrderColumn.STATUS:  # a clearing case shows as one, whatever its status
            return "status_shown", CellKind.TEXT, {**labels.statuses, CLEARING: clearing_case()}
        case OrderColumn.CONTRACT_NUMBER:  # empty until assigned: a blank a sheet can filter
            return "contract_number", CellKind.TEXT, None
        case OrderColumn.LAST_CHANGE:
            return "updated_at", CellKind.DATETIME, None


def export_table(columns: list[OrderColumn], labels: OrderLabels
                 ) -> tuple[list[ExportColumn], list[str]]:
    """The file's columns (headers as the list shows them; the texts the list shows, dates
    and times as dates) and the cache fields that fill them, in the same order (GUI thread:
    the headers are translated here)."""
    fields = [_field(column, labels) for column in columns]
    exported = [ExportColumn(header_text(column), kind, shown)
                for column, (_name, kind, shown) in zip(columns, fields, strict=True)]
    return exported, [name for name, _kind, _shown in fields]


def choose_file(parent: QWidget, suggested: Path, kind: ExportKind) -> Target | None:
    """The save dialog, offering XLSX and CSV; the suffix follows the chosen type."""
    translate = QCoreApplication.translate
    xlsx = translate("ListExport", "Excel workbook (*.xlsx)")
    csv_ = translate("ListExport", "CSV for Excel (*.csv)")
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, translate("ListExport", "Export order list"), str(suggested), f"{xlsx};;{csv_}",
        xlsx if kind is ExportKind.XLSX else csv_)
    if not chosen:
        return None
    path = Path(chosen)
    by_suffix = {f".{k.value}": k for k in ExportKind}
    if path.suffix.lower() in by_suffix:
        return path, by_suffix[path.suffix.lower()]
    picked = ExportKind.CSV if chosen_filter == csv_ else ExportKind.XLSX
    return path.with_name(f"{path.name}.{picked.value}"), picked


class ListExport(QObject):
    """The export of one main window's order list."""

    exportFinished = Signal(object)  # noqa: N815 (Qt naming): an ExportResult
    exportEnded = Signal(object)  # noqa: N815 (Qt naming): ExportResult or the exception
    messageShown = Signal(str)  # noqa: N815 (Qt naming): an error message the clerk got

    def __init__(self, window: QWidget, store: CacheStore, tasks: TaskManager,
                 language: Language, settings: QSettings, header: QHeaderView,
                 query: Callable[[], OrderQuery], labels: Callable[[], OrderLabels]) -> None:
        super().__init__(window)
        self._window, self._store, self._language = window, store, language
        self._settings, self._header, self._query, self._labels = settings, header, query, labels
        self._writes = tasks.group(self, Lane.CACHE)
        self._locale = locale_for(language)
        self.choose_target: TargetChooser = choose_file
        self.progress: QProgressDialog | None = None
        self.status: Callable[[str], None] = lambda _text: None  # the window's status bar

    def _suggested(self) -> tuple[Path, ExportKind]:
        folder = self._settings.value(LAST_FOLDER_KEY, "")
        start = Path(folder) if isinstance(folder, str) and folder else Path.home()
        kind_value = self._settings.value(LAST_KIND_KEY, ExportKind.XLSX.value)
        kind = ExportKind.CSV if kind_value == ExportKind.CSV.value else ExportKind.XLSX
        name = self.tr("Orders %1").replace("%1", date.today().isoformat())
        # No is_dir() here: on the GUI thread it can hang for seconds on a share that is away;
        # the file dialog copes with a folder that is gone.
        return start / f"{name}.{kind.value}", kind

    @Slot()
    def export(self) -> BackgroundTask | None:
        """Ask for the file, then export (None: the clerk cancelled or one is running)."""
        if self.progress is not None:
            self._tell(self.tr("An export is already running."))
            return None
        suggested, kind = self._suggested()
        target = self.choose_target(self._window, suggested, kind)
        if target is None:
            return None
        return self.export_to(*target)

    def export_to(self, path: Path, kind: ExportKind) -> BackgroundTask | None:
        if self.progress is not None:
            self._tell(self.tr("An export is already running."))
            return None
        self._settings.setValue(LAST_FOLDER_KEY, str(path.parent))
        self._settings.setValue(LAST_KIND_KEY, kind.value)
        columns, fields = export_table(visible_columns(self._header), self._labels())
        query, store, formats = self._query(), self._store, formats_for(self._language)
        sheet = self.tr("Orders")

        def work(cancel: CancelToken, report: ProgressReport) -> ExportResult:
            def progressed(done: int, total: int) -> None:
                report(done, total)
                cancel.raise_if_cancelled()  # between chunks: the writer removes its file

            source = order_rows(store, query.order_filter, query.sort, progressed,
                                fields=fields)
            report(0, source.total)
            with closing(source.rows) as rows:
                if kind is ExportKind.CSV:
                    count = write_csv(path, columns, rows, formats)
                else:  # XlsxWriter (27 ms of imports) only when needed, off the GUI thread
                    from desktop_app.export.xlsx_file import write_xlsx

                    count = write_xlsx(path, columns, rows, formats, sheet)
            return ExportResult(path, count)

        self.progress = self._progress_dialog(path)
        task = (Operation(work, name="export order list").with_progress(self._progressed)
                .on_success(self._finished).on_failure(self._failed).run_in(self._writes))
        self.progress.canceled.connect(task.cancel)
        return task

    def _progress_dialog(self, path: Path) -> QProgressDialog:
        progress = QProgressDialog(self.tr("Exporting the order list to %1…").replace(
            "%1", path.name), self.tr("Cancel"), 0, 0, self._window)
        progress.setWindowTitle(self.tr("Export order list"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        return progress

    @Slot(int, object)
    def _progressed(self, done: int, total: int | None) -> None:
        # A modal progress dialog's setValue() processes events: the export may end (and
        # the dialog go) inside it, so the label comes first and the dialog is held here.
        if (progress := self.progress) is not None and total is not None:
            progress.setLabelText(self.tr("Exporting %1 of %2 orders…")
                                  .replace("%1", self._locale.toString(done))
                                  .replace("%2", self._locale.toString(total)))
            progress.setMaximum(max(total, 1))
            progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    @Slot(object)
    def _finished(self, result: ExportResult) -> None:
        self._close_progress()
        self.status(self.tr("%n order(s) exported to %1.", "", result.rows)
                    .replace("%1", str(result.path)))
        self.exportFinished.emit(result)
        self.exportEnded.emit(result)

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if errors.is_fault(error) and not isinstance(error, EnvironmentFault):
            self.status(self.tr("Export cancelled; no file was written."))  # the clerk's Cancel
        else:
            errors.report(error, self._window, lambda text, _kind: self._tell(text),
                          context="exporting the order list", language=self._language)
        self.exportEnded.emit(error)

    def _tell(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("OrderDesk"), text,
                          QMessageBox.StandardButton.Ok, self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.messageShown.emit(text)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        return self._writes.shutdown(timeout_ms)

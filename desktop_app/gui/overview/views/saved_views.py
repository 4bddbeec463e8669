"""Saved views: the current filter, sort and columns under a name, in a "Views" menu, a side
list (`ViewsDock`) and on Ctrl+1 … Ctrl+9; rename, delete, reorder. Stored per account in
a typed JSON file (store.py); the defaults on first use come from convert.py."""

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMenu, QTableView

from desktop_app.domain.business_time import business_time
from desktop_app.domain.os_errors import os_error_reason
from desktop_app.gui.common.errors import ui_language
from desktop_app.gui.common.questions import confirmed
from desktop_app.gui.overview.column_fit import ColumnFit
from desktop_app.gui.overview.filter_bar import FilterBar
from desktop_app.gui.overview.views.columns import HeaderMenu, apply_columns, capture_columns
from desktop_app.gui.overview.views.convert import default_views, filter_values, view_filter
from desktop_app.gui.overview.views.dock import ViewsDock
from desktop_app.gui.overview.views.model import SHORTCUTS, ViewListModel, clean_name
from desktop_app.gui.overview.views.store import (
    SCHEMA_VERSION,
    SavedView,
    ViewsCorrupt,
    ViewsTooNew,
    load_views,
    save_views,
)

__all__ = ["SavedViews", "business_today"]

log = logging.getLogger(__name__)


def business_today() -> date:
    """Today in Berlin (the days the list shows)."""
    return business_time(datetime.now(UTC)).date()


def _problem_text(problem: ViewsTooNew | ViewsCorrupt) -> str:
    translate = QCoreApplication.translate
    if isinstance(problem, ViewsTooNew):
        return (translate("SavedViews", "Your saved views were stored by a newer OrderDesk "
                          "(format %1; this version reads up to %2). They are kept unchanged; "
                          "until you update, the default views are shown and changes are not "
                          "saved.").replace("%1", str(problem.found))
                .replace("%2", str(SCHEMA_VERSION)))  # fmt: skip
    if problem.moved_to is None:  # unreadable for now (locked, offline drive): kept as is
        return translate("SavedViews", "Your saved views (%1) could not be read just now. "
                         "They are kept unchanged; until the next start the default views "
                         "are shown and changes are not saved.").replace("%1", str(problem.path))
    return translate("SavedViews", "Your saved views could not be read and were set aside "
                     "as %1. The default views are shown.").replace("%1", str(problem.moved_to))


class SavedViews(QObject):
    """`applied(name)` after a view was applied; `problem` says what went wrong with the
    file ("" when nothing did)."""

    applied = Signal(str)

    def __init__(self, window: QMainWindow, filter_bar: FilterBar, table: QTableView,
                 fit: ColumnFit, path: Path,
                 today: Callable[[], date] = business_today) -> None:  # fmt: skip
        super().__init__(window)
        self._window, self._bar, self._table, self._fit = window, filter_bar, table, fit
        self._path, self._today = path, today
        self._read_only, self.problem = False, ""
        self.header_menu = HeaderMenu(table, fit)
        self.model = ViewListModel(self._load(), self)
        self.model.viewsChanged.connect(self._store)
        self._make_actions()
        self.dock = ViewsDock(window, self.model, self)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()  # until the clerk opens it (its state is restored with the window's)
        self.dock.set_problem(self.problem)
        self.show_list = self.dock.toggleViewAction()
        self.show_list.setText(self.tr("Views &list"))
        self.show_list.setShortcut(QKeySequence("F9"))
        self.show_list.setToolTip(self.tr("Show or hide the list of saved views (F9)"))
        window.addAction(self.show_list)
        self.menu = self._make_menu()
        self._entries: list[QAction] = []
        self.model.viewsChanged.connect(self._refresh_menu)
        self.model.modelReset.connect(self._refresh_menu)
        self._refresh_menu()

    # --- the file ------------------------------------------------------------------------------

    def _load(self) -> list[SavedView]:
        try:
            stored = load_views(self._path)
        except ViewsTooNew as problem:
            self._read_only, self.problem = True, _problem_text(problem)
            return default_views()
        except ViewsCorrupt as problem:
            self.problem = _problem_text(problem)
            if problem.moved_to is None:  # still in place: writing would overwrite it
                self._read_only = True
                return default_views()
            stored = None
        if stored is not None:
            return list(stored.views)
        views = default_views()
        self._write(views)
        return views

    def _write(self, views: list[SavedView]) -> None:
        if self._read_only:
            return
        try:
            save_views(self._path, views)
        except OSError as error:
            log.warning("saved views not written to %s: %s", self._path, error)
            german, english = os_error_reason(error)
            self.problem = self.tr("Your views could not be saved: %1").replace(
                "%1", english if ui_language() == "en" else german)
            self._window.statusBar().showMessage(self.problem, 15_000)

    def _store(self) -> None:
        self._write(self.model.views)

    # --- actions and menu ------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, slot: Callable[[], object], tip: str = "") -> QAction:
            made = QAction(text, self)
            made.setToolTip(tip or text.replace("&", ""))
            made.triggered.connect(slot)
            return made

        self.save_action = action(self.tr("&Save current view…"), self.ask_save,
                                  self.tr("Keep the current filters, sort and columns under a "
                                          "name"))  # fmt: skip
        self.rename_action = action(self.tr("&Rename view…"), self.ask_rename)
        self.delete_action = action(self.tr("&Delete view…"), self.ask_delete)
        self.up_action = action(self.tr("Move &up"), lambda: self.move_current(-1))
        self.down_action = action(self.tr("Move do&wn"), lambda: self.move_current(1))
        self.shortcut_actions: list[QAction] = []
        for number in range(1, SHORTCUTS + 1):
            made = QAction(self)
            made.setShortcut(QKeySequence(f"Ctrl+{number}"))
            made.triggered.connect(lambda _checked=False, row=number - 1: self.apply(row))
            self._window.addAction(made)  # works wherever the focus is in the window
            self.shortcut_actions.append(made)

    def _make_menu(self) -> QMenu:
        bar = self._window.menuBar()
        menu = QMenu(self.tr("Vie&ws"), bar)
        menu.setObjectName("viewsMenu")
        menu.setToolTipsVisible(True)
        menus = [a for a in bar.actions() if a.menu() is not None]
        if menus:  # before Help, the last menu
            bar.insertMenu(menus[-1], menu)
        else:
            bar.addMenu(menu)
        return menu

    def _refresh_menu(self) -> None:
        """The view entries between the menu's fixed parts (never `QMenu.clear()`: it
        would delete the shared actions)."""
        menu = self.menu
        if not self._entries:  # the first time: the fixed parts around the views' place
            menu.addAction(self.save_action)
            menu.addSeparator()
            self._views_end = menu.addSeparator()
            menu.addActions([self.rename_action, self.delete_action, self.up_action,
                             self.down_action])  # fmt: skip
            menu.addSeparator()
            menu.addAction(self.show_list)
            menu.addAction(self.header_menu.reset_action)
            self._none = QAction(self.tr("No saved views"), menu)
            self._none.setEnabled(False)
        for entry in self._entries:
            menu.removeAction(entry)
            if entry not in self.shortcut_actions and entry is not self._none:
                entry.deleteLater()
        views = self.model.views
        self._entries = []
        for row, view in enumerate(views):
            if row < SHORTCUTS:
                entry = self.shortcut_actions[row]
            else:
                entry = QAction(menu)
                entry.triggered.connect(lambda _checked=False, at=row: self.apply(at))
            entry.setText(view.name.replace("&", "&&"))
            entry.setEnabled(True)
            self._entries.append(entry)
        for spare in self.shortcut_actions[len(views):]:
            spare.setEnabled(False)  # Ctrl+n without a view n does nothing
        menu.insertActions(self._views_end, self._entries or [self._none])
        if not views:
            self._entries = [self._none]
        self.update_actions()

    def update_actions(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        for entry in (self.rename_action, self.delete_action):
            entry.setEnabled(row >= 0)
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < count - 1)

    # --- the current view --------------------------------------------------------------------

    def current_row(self) -> int:
        """The view chosen in the side list, else the one applied last (-1: none)."""
        return self.dock.current_row()

    def capture(self, name: str) -> SavedView:
        header = self._table.horizontalHeader()
        return SavedView(
            name=clean_name(name), filter=view_filter(self._bar.values(), self._today()),
            sort_column=header.sortIndicatorSection(),
            sort_descending=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            columns=capture_columns(self._table, self._fit),
        )  # fmt: skip

    def apply(self, row: int) -> bool:
        """Show view `row`: its columns, sort and filters (relative days from today)."""
        view = self.model.view(row)
        if view is None:
            return False
        if view.columns:
            apply_columns(self._table, self._fit, view.columns)
        descending, ascending = Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder
        order = descending if view.sort_descending else ascending
        header = self._table.horizontalHeader()
        if 0 <= view.sort_column < header.count():
            header.setSortIndicator(view.sort_column, order)
        self._bar.set_values(filter_values(view.filter, self._today()))
        self.dock.select_row(row)
        self.update_actions()
        self.applied.emit(view.name)
        return True

    # --- changes (the ask_ ones ask the clerk first) -----------------------------------------

    def save(self, name: str) -> int:
        """Save the current view as `name` (replacing a view of that name); its row."""
        row = self.model.put(self.capture(name))
        self.dock.select_row(row)
        self.update_actions()
        return row

    def rename(self, row: int, name: str) -> bool:
        return self.model.setData(self.model.index(row), name)

    def delete(self, row: int) -> bool:
        done = self.model.removeRows(row, 1)
        self.update_actions()
        return done

    def move_current(self, step: int) -> bool:
        row = self.current_row()
        if not self.model.move(row, step):
            return False
        self.dock.select_row(row + step)
        self.update_actions()
        return True

    def ask_save(self) -> None:
        current = self.model.view(self.current_row())
        name, ok = QInputDialog.getText(self._window, self.tr("Save view"),
                                        self.tr("Name of the view:"),
                                        text=current.name if current else "")  # fmt: skip
        name = clean_name(name)
        if not ok or not name:
            return
        if self.model.row_of(name) >= 0 and not confirmed(
                self._window, self.tr("Save view"),
                self.tr("Replace the view “%1” with the current filters?").replace("%1", name)):
            return
        self.save(name)

    def ask_rename(self) -> None:
        row = self.current_row()
        view = self.model.view(row)
        if view is None:
            return
        name, ok = QInputDialog.getText(self._window, self.tr("Rename view"),
                                        self.tr("New name:"), text=view.name)  # fmt: skip
        if ok and not self.rename(row, name) and clean_name(name) != view.name:
            self._window.statusBar().showMessage(
                self.tr("A view needs a name that no other view has."), 15_000)

    def ask_delete(self) -> None:
        row = self.current_row()
        view = self.model.view(row)
        if view is not None and confirmed(self._window, self.tr("Delete view"),
                                          self.tr("Delete the view “%1”?")
                                          .replace("%1", view.name)):  # fmt: skip
            self.delete(row)

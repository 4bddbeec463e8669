"""The saved views as a list model: the side list shows it, renames in place (EditRole) and
reorders by drag (`moveRows`, which QListView's internal move uses) or move up/down."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_app.gui.overview.views.store import MAX_NAME, SavedView

__all__ = ["SHORTCUTS", "ViewListModel", "clean_name"]

SHORTCUTS = 9  # Ctrl+1 ... Ctrl+9 open the first nine views

_Index = QModelIndex | QPersistentModelIndex


def clean_name(name: str) -> str:
    """A view's name as stored: one line, trimmed, at most MAX_NAME characters."""
    return " ".join(name.split())[:MAX_NAME]


class ViewListModel(QAbstractListModel):
    """`viewsChanged` after every change the clerk made (rename, move, add, remove)."""

    viewsChanged = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, views: Sequence[SavedView] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._views = list(views)

    # --- reading -------------------------------------------------------------------------

    @property
    def views(self) -> list[SavedView]:
        return list(self._views)

    def view(self, row: int) -> SavedView | None:
        return self._views[row] if 0 <= row < len(self._views) else None

    def row_of(self, name: str) -> int:
        return next((row for row, view in enumerate(self._views) if view.name == name), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._views)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        view = self.view(index.row()) if index.isValid() else None
        if view is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return view.name
        if role == Qt.ItemDataRole.ToolTipRole and index.row() < SHORTCUTS:
            return self.tr("%1 (Ctrl+%2)").replace("%1", view.name).replace(
                "%2", str(index.row() + 1))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemNeverHasChildren)  # fmt: skip

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    # --- changing --------------------------------------------------------------------------

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Rename; an empty name or one another view has is refused."""
        view = self.view(index.row()) if index.isValid() else None
        if view is None or role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        name = clean_name(value)
        if not name or (name != view.name and self.row_of(name) >= 0):
            return False
        if name != view.name:
            self._views[index.row()] = view.model_copy(update={"name": name})
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                                 Qt.ItemDataRole.EditRole])
            self.viewsChanged.emit()
        return True

    def put(self, view: SavedView) -> int:
        """Add `view`, or replace the view of the same name in its place; returns its row."""
        row = self.row_of(view.name)
        if row >= 0:
            self._views[row] = view
            self.dataChanged.emit(self.index(row), self.index(row))
        else:
            row = len(self._views)
            self.beginInsertRows(QModelIndex(), row, row)
            self._views.append(view)
            self.endInsertRows()
        self.viewsChanged.emit()
        return row

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._views):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._views[row : row + count]
        self.endRemoveRows()
        self.viewsChanged.emit()
        return True

    def moveRows(self, source_parent: _Index, source_row: int, count: int,  # noqa: N802
                 destination_parent: _Index, destination_child: int) -> bool:
        """Move `count` rows to before `destination_child` (Qt's convention)."""
        rows = len(self._views)
        if (source_parent.isValid() or destination_parent.isValid() or count < 1
                or source_row < 0 or source_row + count > rows
                or not 0 <= destination_child <= rows
                or source_row <= destination_child <= source_row + count):  # fmt: skip
            return False
        if not self.beginMoveRows(QModelIndex(), source_row, source_row + count - 1,
                                  QModelIndex(), destination_child):  # fmt: skip
            return False
        moving = self._views[source_row : source_row + count]
        del self._views[source_row : source_row + count]
        at = destination_child - count if destination_child > source_row else destination_child
        self._views[at:at] = moving
        self.endMoveRows()
        self.viewsChanged.emit()
        return True

    def move(self, row: int, step: int) -> bool:
        """Move one view up (-1) or down (+1)."""
        target = row + step
        if not 0 <= row < len(self._views) or not 0 <= target < len(self._views):
            return False
        destination = target if step < 0 else target + 1
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)

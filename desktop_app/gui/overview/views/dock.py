"""The side list of saved views: a click applies a view, F2 renames it in place, a drag
(or the arrow buttons) reorders; buttons save, rename and delete."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QGridLayout,
    QLabel,
    QListView,
    QMainWindow,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.overview.views.model import ViewListModel

if TYPE_CHECKING:
    from desktop_app.gui.overview.views.saved_views import SavedViews

__all__ = ["ViewsDock"]


class ViewsDock(QDockWidget):
    def __init__(self, window: QMainWindow, model: ViewListModel, views: "SavedViews") -> None:
        super().__init__(self.tr("Views"), window)
        self.setObjectName("viewsDock")  # saveState needs a name
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)  # fmt: skip
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.problem_label = QLabel(body)
        self.problem_label.setObjectName("viewsProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #8a4b00;")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        self.list = QListView(body)
        self.list.setObjectName("viewsList")
        self.list.setModel(model)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setToolTip(self.tr("Click a view to show it; F2 renames it; drag to reorder"))
        self.list.clicked.connect(lambda index: views.apply(index.row()))
        self.list.activated.connect(lambda index: views.apply(index.row()))
        layout.addWidget(self.list)
        # Narrow: the order list keeps its room. Save on a row of its own, then rename,
        # delete and the arrows.
        buttons = QGridLayout()
        buttons.setSpacing(2)
        for action, name, row, column, span in (
            (views.save_action, "saveView", 0, 0, 4), (views.rename_action, "renameView", 1, 0, 1),
            (views.delete_action, "deleteView", 1, 1, 1), (views.up_action, "viewUp", 1, 2, 1),
            (views.down_action, "viewDown", 1, 3, 1),
        ):  # fmt: skip
            button = QToolButton(body)
            button.setObjectName(name)
            button.setDefaultAction(action)
            if name in ("viewUp", "viewDown"):
                button.setArrowType(Qt.ArrowType.UpArrow if name == "viewUp"
                                    else Qt.ArrowType.DownArrow)  # fmt: skip
            else:
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, row, column, 1, span)
        layout.addLayout(buttons)
        self.list.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.setWidget(body)
        self.list.selectionModel().currentChanged.connect(
            lambda _current, _previous: views.update_actions())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 34), hint.height())

    def set_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        model = self.list.model()
        index = model.index(row, 0) if 0 <= row < model.rowCount() else QModelIndex()
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

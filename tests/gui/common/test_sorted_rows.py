"""The shared in-memory table (desktop_app/gui/common/sorted_rows.py): counts, header, flags,
and a sort that moves the persistent indexes with their lines."""

from enum import IntEnum
from typing import TYPE_CHECKING

import pytest
from desktop_app.gui.common.sorted_rows import RIGHT_ALIGNED, SortedLinesModel
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)


class _Column(IntEnum):
    ID = 0
    WORD = 1


class _Words(SortedLinesModel[tuple[str, str], _Column]):
    """Lines (id, word) in the given order at first; column 0 sorts by id, column 1 by word;
    the filter leaves out the lines whose word starts with "x"."""

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        super().__init__(tuple(_Column), _Column.ID, Qt.SortOrder.AscendingOrder)
        self._all = list(lines)
        self._shown = self._matching()

    def _header(self, section: int) -> str:
        return ("Id", "Word")[section]

    def _right_aligned(self, column: int) -> bool:
        return column == 0

    def _line_id(self, line: tuple[str, str]) -> str:
        return line[0]

    def _key(self, line: tuple[str, str]) -> str:
        return line[self._sort_column]

    def _matching(self) -> list[tuple[str, str]]:
        return [line for line in self._all if not line[1].startswith("x")]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = int(Qt.ItemDataRole.DisplayRole)) -> object:
        if not index.isValid() or role != int(Qt.ItemDataRole.DisplayRole):
            return None
        return self._shown[index.row()][index.column()]


def test_counts_header_and_flags(qapp: object, qtmodeltester: "ModelTester") -> None:
    model = _Words([("a", "pear"), ("b", "apple"), ("c", "fig")])
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no children
    assert model.columnCount(model.index(0, 0)) == 0
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(s, horizontal) for s in (0, 1)] == ["Id", "Word"]
    assert model.headerData(0, horizontal, _ALIGN) == RIGHT_ALIGNED
    assert model.headerData(1, horizontal, _ALIGN) is None
    assert model.headerData(2, horizontal) is None  # out of range
    assert model.headerData(-1, horizontal) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert model.flags(model.index(1, 1)) == \
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def test_sort_moves_persistent_indexes_by_line_id(qapp: object,
                                                  qtmodeltester: "ModelTester") -> None:
    model = _Words([("a", "pear"), ("d", "xylophone"), ("b", "apple"), ("c", "fig")])
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 3  # the filtered line stays out, sorted or not
    kept = QPersistentModelIndex(model.index(0, 1))  # ("a", "pear")
    model.sort(1)
    assert [model.index(row, 1).data() for row in range(3)] == ["apple", "fig", "pear"]
    assert (kept.row(), kept.column(), kept.data()) == (2, 1, "pear")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(row, 0).data() for row in range(3)] == ["c", "b", "a"]
    assert (kept.row(), kept.data()) == (2, "pear")
    assert (model.row_of("a"), model.row_of("c")) == (2, 0)
    assert model.row_of("d") is None and model.row_of("nobody") is None  # filtered, unknown
    assert model.total_count == 4


def test_sort_by_a_column_out_of_range_changes_nothing(qapp: object, qtbot: object) -> None:
    model = _Words([("b", "apple"), ("a", "pear")])
    emitted: list[None] = []
    model.layoutChanged.connect(lambda *_: emitted.append(None))
    for column in (-1, 2, 99):
        model.sort(column)
    assert [model.index(row, 0).data() for row in range(2)] == ["b", "a"]
    assert emitted == []


def test_the_base_class_names_no_header_nor_order(qapp: object) -> None:
    bare = SortedLinesModel[str, _Column](tuple(_Column), _Column.ID,
                                          Qt.SortOrder.AscendingOrder)
    assert bare.rowCount() == 0
    with pytest.raises(NotImplementedError):
        bare.headerData(0, Qt.Orientation.Horizontal)
    with pytest.raises(NotImplementedError):
        bare.sort(0)

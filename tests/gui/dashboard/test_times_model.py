"""The processing-times model: texts and values made once per fill, read per cell."""

from datetime import timedelta

from desktop_app.cache.dashboard import ProcessingTime
from desktop_app.domain.enums import AutomationDegree, BusinessTransaction
from desktop_app.gui.dashboard.times_model import ProcessingTimesModel
from PySide6.QtCore import QLocale, QModelIndex, Qt
from pytestqt.qtbot import QtBot

ROWS = (
    ProcessingTime(BusinessTransaction.NEW_ORDER, AutomationDegree.FULL, 1200,
                   timedelta(minutes=14), timedelta(minutes=5)),
    ProcessingTime(BusinessTransaction.REORDER, AutomationDegree.MANUAL, 3,
                   timedelta(days=9), timedelta(days=10)),
)


def test_cells_after_a_fill_and_after_an_empty_one(qtbot: QtBot, qtmodeltester: object) -> None:
    model = ProcessingTimesModel(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert model.rowCount() == 0 and model.data(model.index(0, 0)) is None
    model.set_rows(ROWS, {"new_order": "Neuauftrag"})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    display = [[model.data(model.index(r, c)) for c in range(5)] for r in range(2)]
    assert display == [["Neuauftrag", "fully automated", "1.200", "14 min", "5 min"],
                       ["reorder", "manual", "3", "9,0 days", "10,0 days"]]
    edit = int(Qt.ItemDataRole.EditRole)
    assert model.data(model.index(0, 3), edit) == 14 * 60.0
    assert model.data(model.index(1, 0), edit) == "reorder"
    tip = int(Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 3), tip) == "Slower than expected"
    assert model.data(model.index(1, 3), tip) is None
    align = int(Qt.ItemDataRole.TextAlignmentRole)
    assert model.data(model.index(0, 2), align) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(0, 0), align) & Qt.AlignmentFlag.AlignLeft
    assert model.data(model.index(5, 0)) is None
    assert model.data(QModelIndex()) is None
    model.set_rows((), {})
    assert model.rowCount() == 0 and model.data(model.index(0, 0)) is None

"""Issue 13: a change committed on the server reaches the open main window by itself (no F5):
the list row, the detail and status panels show it in place, selection and scroll stay."""

from pathlib import Path

import pytest
from desktop_app.domain.enums import OrderStatus
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.overview.order_table_model import ORDER_ID_ROLE, ORDER_ROW_ROLE
from desktop_app.server.database import utcnow
from desktop_app.server.db import OrderRow
from desktop_app.server.services import publish
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.window import settings_at

pytestmark = [
    pytest.mark.usefixtures("no_thread_left"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]
SYNC_MS = 90_000


def _row_of(model: object, order_id: str) -> int:
    for row in range(model.rowCount()):  # type: ignore[attr-defined]
        if model.index(row, 0).data(ORDER_ID_ROLE) == order_id:  # type: ignore[attr-defined]
            return row
    return -1


def test_a_server_change_updates_the_selected_order_in_place(
    tasks: TaskManager, qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop_app.launch.demo import DemoSession

    session = DemoSession.open(settings_at(tmp_path / "settings.ini"), tasks, "en")
    window, sync = session.window, session.sync
    window.resize(1400, 800)
    try:
        with qtbot.waitSignal(sync.syncFinished, timeout=SYNC_MS) as first:
            session.show()
        assert first.args == [True]
        qtbot.waitUntil(lambda: sync.listening, timeout=SYNC_MS)
        model, table = window.model, window.table
        qtbot.waitUntil(lambda: model.rowCount() > 60, timeout=SYNC_MS)
        # An order still in progress well down the list, selected, with the list scrolled.
        moves = {OrderStatus.RECEIVED: OrderStatus.IN_PROCESSING,
                 OrderStatus.IN_PROCESSING: OrderStatus.COMPLETED}

        def status_at(row: int) -> OrderStatus | None:
            listed = model.index(row, 0).data(ORDER_ROW_ROLE)
            return None if listed is None else listed.status

        target_row = next(row for row in range(30, model.rowCount()) if status_at(row) in moves)
        old_status = status_at(target_row)
        assert old_status is not None
        new_status = moves[old_status]
        order_id = model.index(target_row, 0).data(ORDER_ID_ROLE)
        assert window.select_order(order_id)
        table.scrollTo(model.index(target_row, 0))
        qtbot.waitUntil(lambda: window.shown_order_id == order_id)
        scroll = table.verticalScrollBar().value()
        assert scroll > 0
        badge = window.status_panel.findChild(QLabel, "statusBadge")
        assert badge is not None
        before = badge.text()
        applied: list[int] = []
        sync.changesApplied.connect(applied.append)

        assert session.server is not None
        with session.server.context.database.write() as db:  # the backend moves it on
            row = db.scalars(select(OrderRow).where(OrderRow.id == order_id)).one()
            now = utcnow()
            row.status, row.updated_at = new_status, now
            publish.order(db, row, now)

        def shown_moved_on() -> bool:
            at = _row_of(model, order_id)
            return at >= 0 and status_at(at) is new_status and badge.text() != before

        qtbot.waitUntil(shown_moved_on, timeout=SYNC_MS)  # no F5 was pressed
        assert applied
        current: QModelIndex = table.selectionModel().currentIndex()
        assert current.data(ORDER_ID_ROLE) == order_id  # the selection stayed
        assert window.shown_order_id == order_id
        assert table.verticalScrollBar().value() == scroll  # and the scroll position
    finally:
        session.close()

"""Issue 12, item 2: the carts-and-quotes window lists the carts of every tenant the user may
see (max.nord: Nordlicht and its sub-tenant Nordlicht Hamburg), naming the tenant on lines
that are not the user's own; and (item 22) it opens centred on the main window."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.cache.cart_list import open_carts_and_quotes
from desktop_app.contract.carts import CartCreate
from desktop_app.domain.enums import BusinessTransaction, PartyKind
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.ordering.carts.columns import CartColumn
from desktop_app.launch.workspace import Workspace
from desktop_app.server.db import PartyRow
from desktop_app.server.embedded import EmbeddedServer
from PySide6.QtCore import QLocale, QSettings, QSize, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.sync.support import login

pytestmark = [
    pytest.mark.usefixtures("no_thread_left"),
    pytest.mark.qt_log_ignore("This plugin does not support raise"),
]
HAMBURG = "Nordlicht Kommunikation – Büro Hamburg"


@pytest.fixture
def workspace(tasks: TaskManager, server: EmbeddedServer, tmp_path: Path) -> Iterator[Workspace]:
    client = login(server, "max.nord")
    me = client.me()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    default = QLocale()
    opened = Workspace.open(
        client, tmp_path / "cache.sqlite3", settings, "en", tasks, me.user_id, me.tenant.id
    )
    yield opened
    opened.close()
    QLocale.setDefault(default)


def _hamburg_customer(server: EmbeddedServer) -> str:
    with server.context.database.read() as session:
        return (
            session.scalars(
                select(PartyRow.id)
                .where(PartyRow.tenant_id == "t-nordlicht-hh", PartyRow.kind == PartyKind.CUSTOMER)
                .order_by(PartyRow.id)
            ).first()
            or ""
        )


def test_a_sub_tenants_cart_is_listed_with_its_tenant(
    qtbot: QtBot, server: EmbeddedServer, workspace: Workspace
) -> None:
    customer = _hamburg_customer(server)
    created = workspace.client.create_cart(
        CartCreate(customer_id=customer, business_transaction=BusinessTransaction.NEW_ORDER)
    )
    assert created.tenant_id == "t-nordlicht-hh"
    carts = workspace.carts_quotes
    with qtbot.waitSignal(carts.rowsLoaded, timeout=10_000):
        carts.open()
    with qtbot.waitSignal(carts.rowsLoaded, timeout=60_000):  # after the sync's refresh
        workspace.sync.request_sync()
    with qtbot.waitSignal(workspace.sync.syncFinished, timeout=60_000):
        pass  # the documents step of that sync round
    lines = [carts.model.cart_row(row) for row in range(carts.model.rowCount())]
    with workspace.cache.store.session() as session:
        cached = open_carts_and_quotes(session)
    # every line the cache holds for this account (own tenant and sub-tenant) is listed
    assert sorted(line.cart_id for line in lines if line) == sorted(c.cart_id for c in cached)
    assert {line.tenant_id for line in lines if line} == {"t-nordlicht", "t-nordlicht-hh"}
    row = carts.model.row_of(created.id)
    assert row is not None  # the new Hamburg cart can be found, resumed and deleted
    customer_text = carts.model.index(row, CartColumn.CUSTOMER).data()
    assert customer_text.endswith("(Büro Hamburg)")  # what differs from the own tenant
    assert carts.model.index(row, CartColumn.CUSTOMER).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Tenant: {HAMBURG}"
    )
    own = next(r for r, line in enumerate(lines) if line and line.tenant_id == "t-nordlicht")
    own_text = carts.model.index(own, CartColumn.CUSTOMER).data()
    assert "Nordlicht" not in own_text  # the own tenant is not named
    carts.table.selectRow(row)
    resume, _withdraw, delete = carts.verdicts()
    assert resume.allowed and delete.allowed
    carts.search_edit.setText("Büro Hamburg")  # the tenant can be searched for
    assert carts.model.rowCount() >= 1
    assert all(
        line.tenant_id == "t-nordlicht-hh"
        for line in map(carts.model.cart_row, range(carts.model.rowCount()))
        if line is not None
    )


def test_the_window_opens_centred_on_the_main_window(qtbot: QtBot, workspace: Workspace) -> None:
    window, carts = workspace.window, workspace.carts_quotes
    screen = window.screen().availableGeometry()
    # The offscreen screen is small: a small carts window fits anywhere on it.
    carts.resize(700, 400)
    window.resize(carts.frameGeometry().size() + QSize(60, 60))
    frame = window.frameGeometry()
    window.move(screen.right() - frame.width() - 10, screen.bottom() - frame.height() - 10)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(carts.rowsLoaded, timeout=10_000):
        carts.open()
    qtbot.waitExposed(carts)
    centre, wanted = carts.frameGeometry().center(), window.frameGeometry().center()
    assert abs(centre.x() - wanted.x()) <= 10 and abs(centre.y() - wanted.y()) <= 10, (
        carts.frameGeometry(),
        window.frameGeometry(),
    )
    assert screen.contains(carts.frameGeometry())

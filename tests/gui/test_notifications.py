"""Notifications in the main window: each event kind in the list with its text (German and
English), the unread count, opening the order or the cart, mark all read, the audience
setting, desktop messages for new ones only, and what survives a restart."""

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from desktop_app.cache import notifications
from desktop_app.cache.notifications import Notification
from desktop_app.domain.notifications import Audience, NotificationKind
from desktop_app.gui.common import translations
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.notifications.audience import AUDIENCE_KEY, load_audience
from desktop_app.gui.notifications.desktop import MESSAGE_MS
from desktop_app.gui.notifications.model import NOTIFICATION_ROLE, UNREAD_ROLE
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow
from desktop_app.gui.overview.main_window import MainWindow
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui import live_events
from tests.gui.live_events import cart_id, happen, order_number, quote_number
from tests.gui.window import USER, live_cache, open_window, settings_at

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

# What the offscreen platform cannot do (a popup grabs the keyboard, a window is raised).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise",
                                       "This plugin does not support grabbing")

WAIT_MS = 5000
OTHER_USER = "u-3"
KINDS = list(NotificationKind)
# Record numbers of the events (away from the 120 generated orders).
NUMBERS = {kind: 900 + n for n, kind in enumerate(KINDS)}

ENGLISH = {
    NotificationKind.ORDER_COMPLETED: "Order AU-00000900 completed – contract VT-20000900",
    NotificationKind.ORDER_CLEARING:
        "Order AU-00000901 – clearing case: Nutzungsort wird geprüft",
    NotificationKind.QUOTE_APPROVED: "Quote AN-00000902 approved by the customer",
    NotificationKind.QUOTE_REJECTED: "Quote AN-00000903 rejected by the customer",
    NotificationKind.QUOTE_EXPIRED: "Quote AN-00000904 expired",
}  # fmt: skip
GERMAN = {
    NotificationKind.ORDER_COMPLETED: "Auftrag AU-00000900 abgeschlossen – Vertrag VT-20000900",
    NotificationKind.ORDER_CLEARING:
        "Auftrag AU-00000901 – Clearing-Fall: Nutzungsort wird geprüft",
    NotificationKind.QUOTE_APPROVED: "Angebot AN-00000902 vom Kunden freigegeben",
    NotificationKind.QUOTE_REJECTED: "Angebot AN-00000903 vom Kunden abgelehnt",
    NotificationKind.QUOTE_EXPIRED: "Angebot AN-00000904 abgelaufen",
}  # fmt: skip


class FakeTray(QObject):
    """Stands in for QSystemTrayIcon (offscreen has no system tray)."""

    messageClicked = Signal()  # noqa: N815 (Qt naming)

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title: str, msg: str, icon: QIcon,  # noqa: N802
                    msecs: int = MESSAGE_MS) -> None:
        self.messages.append((title, msg))


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[LiveCache]:
    opened = live_cache(tmp_path / "cache.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "orderdesk.ini"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English catalog (its plural forms: "2 new notifications")."""
    translations.install_translators("en")
    yield
    translations.uninstall_translators()


def window_on(qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager, *,
              english: bool = True) -> MainWindow:
    window = open_window(qtbot, cache, settings_path, english=english, tasks=tasks)
    qtbot.waitUntil(lambda: window.notifications.center.ready, timeout=WAIT_MS)
    return window


def refreshed(qtbot: QtBot, window: MainWindow) -> None:
    """What a sync does after applying live pages: the window re-reads the cache."""
    with qtbot.waitSignal(window.notifications.center.changed, timeout=WAIT_MS):
        window.refresh_after_sync()


def listed(window: MainWindow) -> list[Notification]:
    model = window.notifications.center.model
    return [model.index(row, 0).data(NOTIFICATION_ROLE) for row in range(model.rowCount())]


def texts(window: MainWindow) -> list[str]:
    model = window.notifications.center.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def every_kind(cache: LiveCache) -> None:
    for step, kind in enumerate(KINDS):
        happen(cache.store, kind, NUMBERS[kind], step=step)


def cached(cache: LiveCache) -> list[Notification]:
    with cache.store.session() as session:
        return notifications.list_notifications(session, Audience.TENANT, None)


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    hookup = window.notifications
    hookup.button.click()
    qtbot.waitUntil(hookup.popup.isVisible, timeout=WAIT_MS)
    view = hookup.popup.view
    rect = view.visualRect(hookup.center.model.index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# --- the list and its texts ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "de"])
def test_each_event_kind_is_listed_newest_first_with_its_text(
    qtbot: QtBot, qtmodeltester: "ModelTester", qapp: QApplication, cache: LiveCache,
    settings_path: Path, tasks: TaskManager, language: str,
) -> None:
    if language == "de":
        translations.install_translators("de")
    try:
        window = window_on(qtbot, cache, settings_path, tasks, english=language == "en")
        model = window.notifications.center.model
        qtmodeltester.check(model)  # type: ignore[no-untyped-call]
        assert model.rowCount() == 0
        every_kind(cache)
        refreshed(qtbot, window)
        expected = ENGLISH if language == "en" else GERMAN
        assert texts(window) == [expected[kind] for kind in reversed(KINDS)]
        assert [n.kind for n in listed(window)] == list(reversed(KINDS))
        first = model.index(0, 0)
        assert first.data(UNREAD_ROLE) is True
        font = first.data(Qt.ItemDataRole.FontRole)
        assert isinstance(font, QFont) and font.bold()
        subline = first.data(Qt.ItemDataRole.UserRole + 2)
        assert subline.startswith(live_events.QUOTE_CUSTOMER + " · ")
    finally:
        translations.uninstall_translators()


def test_an_order_completed_without_a_contract_number_says_completed(
    qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager,
) -> None:
    from desktop_app.cache.writer import apply_page
    from desktop_app.domain.enums import OrderStatus

    from tests.cache import records

    window = window_on(qtbot, cache, settings_path, tasks)
    before = records.order(950, status=OrderStatus.IN_PROCESSING, quote_id=None, created_by=USER)
    after = records.order(950, status=OrderStatus.COMPLETED, quote_id=None, created_by=USER,
                          updated_at=live_events.LATER)
    apply_page(cache.store, records.upserts([before]), [], "b", track=False)
    apply_page(cache.store, records.upserts([after]), [], "l", track=True)
    refreshed(qtbot, window)
    assert texts(window) == ["Order AU-00000950 completed"]


@pytest.mark.parametrize(("language", "zero", "three"), [
    ("en", "Notifications", "Notifications: 3"),
    ("de", "Benachrichtigungen", "Benachrichtigungen: 3"),
])  # fmt: skip
def test_the_status_bar_shows_the_unread_count(
    qtbot: QtBot, qapp: QApplication, cache: LiveCache, settings_path: Path,
    tasks: TaskManager, language: str, zero: str, three: str,
) -> None:
    if language == "de":
        translations.install_translators("de")
    try:
        window = window_on(qtbot, cache, settings_path, tasks, english=language == "en")
        button = window.notifications.button
        assert button.text() == zero
        assert not button.font().bold()
        for step, kind in enumerate(KINDS[:3]):
            happen(cache.store, kind, NUMBERS[kind], step=step)
        refreshed(qtbot, window)
        assert button.text() == three
        assert button.font().bold()
        assert window.statusBar().isAncestorOf(button)
    finally:
        translations.uninstall_translators()


# --- opening and reading ----------------------------------------------------------------------


def test_clicking_an_order_notification_opens_the_order_and_marks_it_read(
    qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager,
) -> None:
    window = window_on(qtbot, cache, settings_path, tasks)
    every_kind(cache)
    refreshed(qtbot, window)
    center = window.notifications.center
    row = next(r for r, n in enumerate(listed(window))
               if n.kind is NotificationKind.ORDER_COMPLETED)
    with qtbot.waitSignal(center.changed, timeout=WAIT_MS):  # the refresh after the write
        click_row(qtbot, window, row)
    qtbot.waitUntil(lambda: window.shown_order_id == "order-000900", timeout=WAIT_MS)
    assert not window.notifications.popup.isVisible()
    qtbot.waitUntil(lambda: center.unread == len(KINDS) - 1, timeout=WAIT_MS)
    assert window.notifications.button.text() == f"Notifications: {len(KINDS) - 1}"
    qtbot.waitUntil(lambda: [n.read for n in cached(cache)].count(True) == 1, timeout=WAIT_MS)
    [read] = [n for n in cached(cache) if n.read]
    assert read.entity_id == "order-000900"
    assert center.model.index(row, 0).data(UNREAD_ROLE) is False


def test_clicking_a_quote_notification_opens_the_carts_window_on_its_cart(
    qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager,
) -> None:
    window = window_on(qtbot, cache, settings_path, tasks)
    carts = CartsQuotesWindow(cache, object(), "en", settings_at(settings_path), None,  # type: ignore[arg-type]
                              tasks, parent=window)
    window.cartRequested.connect(carts.show_cart)
    every_kind(cache)
    refreshed(qtbot, window)
    row = next(r for r, n in enumerate(listed(window))
               if n.kind is NotificationKind.QUOTE_REJECTED)
    with qtbot.waitSignal(carts.rowsLoaded, timeout=WAIT_MS):
        click_row(qtbot, window, row)
    assert carts.isVisible()
    selected = carts.current_row()
    assert selected is not None and selected.cart_id == cart_id(NUMBERS[
        NotificationKind.QUOTE_REJECTED])
    assert selected.quote_number == quote_number(NUMBERS[NotificationKind.QUOTE_REJECTED])
    qtbot.waitUntil(lambda: window.notifications.center.unread == len(KINDS) - 1,
                    timeout=WAIT_MS)
    # Open again on another cart while a filter hides it: the filter is cleared.
    carts.search_edit.setText("nothing matches this")
    target = cart_id(NUMBERS[NotificationKind.QUOTE_APPROVED])
    window.cartRequested.emit(target)
    current = carts.current_row()
    assert current is not None and current.cart_id == target
    assert carts.search_edit.text() == ""


def test_enter_on_the_newest_opens_it(
    qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager,
) -> None:
    window = window_on(qtbot, cache, settings_path, tasks)
    happen(cache.store, NotificationKind.ORDER_CLEARING, 920)
    refreshed(qtbot, window)
    window.window_actions.notifications.trigger()
    popup = window.notifications.popup
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    QTest.keyClick(popup.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.shown_order_id == "order-000920", timeout=WAIT_MS)
    assert not popup.isVisible()


def test_mark_all_as_read(
    qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager,
) -> None:
    window = window_on(qtbot, cache, settings_path, tasks)
    every_kind(cache)
    refreshed(qtbot, window)
    hookup = window.notifications
    hookup.button.click()
    assert hookup.popup.mark_all_button.isEnabled()
    with qtbot.waitSignal(hookup.center.changed, timeout=WAIT_MS):
        hookup.popup.mark_all_button.click()
    assert hookup.button.text() == "Notifications"
    qtbot.waitUntil(lambda: all(n.read for n in cached(cache)), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not hookup.popup.mark_all_button.isEnabled(), timeout=WAIT_MS)
    model = hookup.center.model
    assert model.rowCount() == len(KINDS)  # still listed, as read
    assert all(model.index(r, 0).data(UNREAD_ROLE) is False for r in range(model.rowCount()))


# --- the audience setting ----------------------------------------------------------------------


def test_the_audience_setting_filters_the_list_and_applies_at_once(
    qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager,
) -> None:
    window = window_on(qtbot, cache, settings_path, tasks)
    settings = settings_at(settings_path)
    assert load_audience(settings) is Audience.MINE  # the default
    happen(cache.store, NotificationKind.ORDER_COMPLETED, 930, user=USER, step=0)
    happen(cache.store, NotificationKind.ORDER_COMPLETED, 931, user=OTHER_USER, step=1)
    happen(cache.store, NotificationKind.QUOTE_EXPIRED, 932, user=OTHER_USER, step=2)
    refreshed(qtbot, window)
    center = window.notifications.center
    assert [n.number for n in listed(window)] == [order_number(930)]
    assert center.unread == 1

    def choose(audience: Audience) -> None:
        settings.setValue(AUDIENCE_KEY, audience.value)
        settings.sync()
        with qtbot.waitSignal(center.changed, timeout=WAIT_MS):
            window.settingsChanged.emit()  # as after OK in the settings dialog

    choose(Audience.TENANT)
    assert [n.number for n in listed(window)] == [quote_number(932), order_number(931),
                                                  order_number(930)]
    assert window.notifications.button.text() == "Notifications: 3"
    choose(Audience.NONE)
    assert listed(window) == []
    assert window.notifications.button.text() == "Notifications"
    window.notifications.button.click()
    popup = window.notifications.popup
    assert popup.pages.currentWidget() is popup.empty_label
    assert "switched off" in popup.empty_label.text()
    popup.hide()
    choose(Audience.MINE)
    assert [n.number for n in listed(window)] == [order_number(930)]


def test_a_hand_edited_audience_falls_back_to_mine(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat)
    settings.setValue(AUDIENCE_KEY, "everyone")
    assert load_audience(settings) is Audience.MINE


# --- desktop messages ---------------------------------------------------------------------------


def test_desktop_messages_only_for_new_ones_within_the_audience(
    qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager, english: None,
) -> None:
    happen(cache.store, NotificationKind.QUOTE_APPROVED, 940)  # before the window opened
    window = window_on(qtbot, cache, settings_path, tasks)
    tray = FakeTray()
    window.notifications.desktop.use_tray(tray)
    refreshed(qtbot, window)
    assert tray.messages == []  # history, not news
    assert len(listed(window)) == 1
    happen(cache.store, NotificationKind.ORDER_COMPLETED, 941, step=1)
    happen(cache.store, NotificationKind.ORDER_COMPLETED, 942, user=OTHER_USER, step=2)
    refreshed(qtbot, window)
    assert tray.messages == [("Order AU-00000941 completed – contract VT-20000941",
                              tray.messages[0][1])]
    assert tray.messages[0][1].startswith("Neumann Krause KG · ")
    refreshed(qtbot, window)
    assert len(tray.messages) == 1  # each one once
    tray.messageClicked.emit()
    qtbot.waitUntil(lambda: window.shown_order_id == "order-000941", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.notifications.center.unread == 1, timeout=WAIT_MS)

    happen(cache.store, NotificationKind.ORDER_CLEARING, 943, step=3)
    happen(cache.store, NotificationKind.QUOTE_REJECTED, 944, step=4)
    refreshed(qtbot, window)
    title, body = tray.messages[-1]
    assert title == "2 new notifications"
    assert body.splitlines() == ["Quote AN-00000944 rejected by the customer",
                                 "Order AU-00000943 – clearing case: Nutzungsort wird geprüft"]
    tray.messageClicked.emit()  # a summary opens the list
    qtbot.waitUntil(window.notifications.popup.isVisible, timeout=WAIT_MS)
    window.notifications.popup.hide()

    settings = settings_at(settings_path)
    settings.setValue(AUDIENCE_KEY, Audience.NONE.value)
    settings.sync()
    happen(cache.store, NotificationKind.QUOTE_EXPIRED, 945, step=5)
    refreshed(qtbot, window)
    assert len(tray.messages) == 2  # switched off: no message


def test_no_system_tray_no_desktop_messages(
    qtbot: QtBot, cache: LiveCache, settings_path: Path, tasks: TaskManager,
) -> None:
    window = window_on(qtbot, cache, settings_path, tasks)
    assert window.notifications.desktop.tray is None  # offscreen has none
    happen(cache.store, NotificationKind.ORDER_COMPLETED, 946)
    refreshed(qtbot, window)  # nothing to show it on, and no error
    assert window.notifications.button.text() == "Notifications: 1"


# --- a restart ----------------------------------------------------------------------------------


def test_notifications_and_their_read_state_survive_a_restart(
    qtbot: QtBot, tmp_path: Path, settings_path: Path, tasks: TaskManager,
) -> None:
    path = tmp_path / "restart.sqlite3"
    first_cache = live_cache(path)
    try:
        window = window_on(qtbot, first_cache, settings_path, tasks)
        every_kind(first_cache)
        refreshed(qtbot, window)
        row = next(r for r, n in enumerate(listed(window))
                   if n.kind is NotificationKind.ORDER_CLEARING)
        with qtbot.waitSignal(window.notifications.center.changed, timeout=WAIT_MS):
            click_row(qtbot, window, row)
        qtbot.waitUntil(lambda: sum(n.read for n in cached(first_cache)) == 1, timeout=WAIT_MS)
        before = texts(window)
        window.close()
    finally:
        first_cache.close()
    second_cache = LiveCache(path)
    try:
        again = window_on(qtbot, second_cache, settings_path, tasks)
        assert texts(again) == before
        assert again.notifications.button.text() == f"Notifications: {len(KINDS) - 1}"
        assert [n.read for n in listed(again)].count(True) == 1
        again.close()
    finally:
        second_cache.close()

"""The settings dialog: language, sync interval and stale threshold, stored and applied."""

from datetime import timedelta
from pathlib import Path

import pytest
from desktop_app.domain.notifications import Audience
from desktop_app.gui.account.settings_dialog import (
    SettingsDialog,
    load_sync_settings,
    save_sync_settings,
)
from desktop_app.gui.account.sync_controller import SyncController, SyncSettings
from desktop_app.gui.common.stored import load_language
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.notifications.audience import load_audience
from desktop_app.gui.overview.main_window import MainWindow
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.gui.sync_support import RecordingWindow
from tests.gui.window import live_cache, open_window, settings_at

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_defaults_then_stored_values(tmp_path: Path, qtbot: QtBot) -> None:
    settings = settings_at(tmp_path / "s.ini")
    dialog = SettingsDialog(settings, "de")
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "de"
    assert (dialog.interval_spin.value(), dialog.stale_spin.value()) == (5, 24)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.interval_spin.setValue(15)
    dialog.stale_spin.setValue(48)
    dialog.accept()
    assert dialog.language_changed
    assert load_language(settings) == "en"
    assert load_sync_settings(settings) == SyncSettings(interval=timedelta(minutes=15),
                                                        stale_after=timedelta(hours=48))
    again = SettingsDialog(settings, "en")
    qtbot.addWidget(again)
    assert (again.language_combo.currentData(), again.interval_spin.value()) == ("en", 15)
    again.accept()
    assert not again.language_changed


def test_cancel_stores_nothing(tmp_path: Path, qtbot: QtBot) -> None:
    settings = settings_at(tmp_path / "s.ini")
    dialog = SettingsDialog(settings, "de")
    qtbot.addWidget(dialog)
    dialog.interval_spin.setValue(60)
    dialog.reject()
    assert load_sync_settings(settings) == SyncSettings()


@pytest.mark.parametrize(("interval", "stale", "expected"), [
    ("abc", "", SyncSettings()),
    ("0", "-5", SyncSettings(interval=timedelta(minutes=1), stale_after=timedelta(hours=1))),
    ("100000", "100000", SyncSettings(interval=timedelta(minutes=240),
                                      stale_after=timedelta(hours=720))),
])  # fmt: skip
def test_hand_edited_values_are_clamped(
    tmp_path: Path, interval: str, stale: str, expected: SyncSettings
) -> None:
    settings = settings_at(tmp_path / "s.ini")
    settings.setValue("sync/interval_minutes", interval)
    settings.setValue("sync/stale_after_hours", stale)
    assert load_sync_settings(settings) == expected


def test_the_controller_applies_new_settings_at_once(tmp_path: Path,
                                                     tasks: TaskManager) -> None:
    cache = live_cache(tmp_path / "c.sqlite3", count=0)
    window = RecordingWindow()
    try:
        sync = SyncController(window, None, cache, tmp_path / "docs",  # type: ignore[arg-type]
                              tasks)
        chosen = SyncSettings(interval=timedelta(minutes=30), stale_after=timedelta(hours=2))
        sync.apply_settings(chosen)
        assert sync.settings == chosen
        assert sync._periodic.interval() == 30 * 60 * 1000
        assert window.named("show_banner")  # nothing synced yet: says so
        assert sync.shutdown(1000)
    finally:
        cache.close()


def test_the_window_opens_the_dialog_and_reports_changes(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = live_cache(tmp_path / "c.sqlite3")
    try:
        window: MainWindow = open_window(qtbot, cache, tmp_path / "w.ini")
        assert window.window_actions.settings.shortcut().toString() == "Ctrl+,"

        def choose_english(dialog: SettingsDialog) -> int:
            dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
            dialog.interval_spin.setValue(10)
            dialog.accept()
            return int(QDialog.DialogCode.Accepted.value)

        monkeypatch.setattr(SettingsDialog, "exec", choose_english)
        with qtbot.waitSignal(window.settingsChanged):
            window.window_actions.settings.trigger()
        assert window.window_actions.english.isChecked()
        assert "after a restart" in window.statusBar().currentMessage()
        settings = settings_at(tmp_path / "w.ini")
        assert load_sync_settings(settings).interval == timedelta(minutes=10)
        save_sync_settings(settings, SyncSettings())
    finally:
        cache.close()


def test_the_notification_audience_defaults_to_mine_and_is_stored(
    tmp_path: Path, qtbot: QtBot
) -> None:
    settings = settings_at(tmp_path / "s.ini")
    dialog = SettingsDialog(settings, "en")
    qtbot.addWidget(dialog)
    combo = dialog.audience_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["mine", "tenant", "none"]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "My orders and quotes", "All of my company's orders and quotes", "None"]
    assert combo.currentData() == "mine"
    combo.setCurrentIndex(combo.findData("none"))
    dialog.reject()
    assert load_audience(settings) is Audience.MINE  # cancelled
    again = SettingsDialog(settings, "en")
    qtbot.addWidget(again)
    again.audience_combo.setCurrentIndex(again.audience_combo.findData("tenant"))
    again.accept()
    assert settings.value("notifications/audience") == "tenant"
    third = SettingsDialog(settings, "en")
    qtbot.addWidget(third)
    assert third.audience_combo.currentData() == "tenant"

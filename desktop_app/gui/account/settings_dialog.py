"""The settings dialog: UI language, sync interval, the age at which cached data warns, and
whose orders and quotes the clerk is notified about.

Values live in QSettings (plain numbers and a language code; never secrets). The language
applies after a restart (the translators and every widget's texts are set up at start);
the sync settings apply at once through `SyncController.apply_settings`, the notification
audience with the window's next read of the notifications (`settingsChanged`).
"""

from datetime import timedelta

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from desktop_app.domain.notifications import Audience
from desktop_app.gui.account.sync_controller import SyncSettings
from desktop_app.gui.common import stored
from desktop_app.gui.common.formatting import Language
from desktop_app.gui.common.forms import child, load_form
from desktop_app.gui.notifications.audience import load_audience, save_audience

__all__ = ["FORM", "SettingsDialog", "load_sync_settings", "save_sync_settings"]

FORM = "settings_dialog.ui"
_INTERVAL, _STALE = "sync/interval_minutes", "sync/stale_after_hours"
_DEFAULTS = SyncSettings()


def _whole(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(str(settings.value(key, default)))
    except ValueError:
        return default
    return min(max(value, low), high)  # a hand-edited file cannot stop the sync


def load_sync_settings(settings: QSettings) -> SyncSettings:
    default_minutes = int(_DEFAULTS.interval.total_seconds() // 60)
    default_hours = int(_DEFAULTS.stale_after.total_seconds() // 3600)
    return SyncSettings(
        interval=timedelta(minutes=_whole(settings, _INTERVAL, default_minutes, 1, 240)),
        stale_after=timedelta(hours=_whole(settings, _STALE, default_hours, 1, 720)),
    )


def save_sync_settings(settings: QSettings, chosen: SyncSettings) -> None:
    settings.setValue(_INTERVAL, int(chosen.interval.total_seconds() // 60))
    settings.setValue(_STALE, int(chosen.stale_after.total_seconds() // 3600))


START_PAGE = "window/start_page"  # the main window's first page: START_ORDERS or START_DASHBOARD
START_ORDERS, START_DASHBOARD = "orders", "dashboard"


class SettingsDialog(QDialog):
    """Shows the stored values; OK stores the changed ones (`language_changed` tells)."""

    def __init__(self, settings: QSettings, language: Language,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings, self._language = settings, language
        self.language_changed = False
        self.setWindowTitle(self.tr("OrderDesk – settings"))
        form = load_form(FORM, self)
        self.language_combo = child(form, QComboBox, "languageCombo")
        self.interval_spin = child(form, QSpinBox, "intervalSpin")
        self.stale_spin = child(form, QSpinBox, "staleSpin")
        self.audience_combo = child(form, QComboBox, "audienceCombo")
        buttons = child(form, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Each language in its own name, so a clerk finds theirs in either UI language.
        self.language_combo.addItem("Deutsch", "de")
        self.language_combo.addItem("English", "en")
        chosen = stored.load_language(settings, language)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(chosen)))
        sync = load_sync_settings(settings)
        self.interval_spin.setValue(int(sync.interval.total_seconds() // 60))
        self.stale_spin.setValue(int(sync.stale_after.total_seconds() // 3600))
        for audience, text in ((Audience.MINE, self.tr("My orders and quotes")),
                               (Audience.TENANT, self.tr("All of my company's orders and quotes")),
                               (Audience.NONE, self.tr("None"))):  # fmt: skip
            self.audience_combo.addItem(text, audience.value)
        chosen_audience = load_audience(settings).value
        self.audience_combo.setCurrentIndex(max(0, self.audience_combo.findData(chosen_audience)))
        self.start_combo = QComboBox(form)  # which page the main window opens on
        self.start_combo.setObjectName("startPageCombo")
        self.start_combo.addItem(self.tr("Order list"), START_ORDERS)
        self.start_combo.addItem(self.tr("Dashboard"), START_DASHBOARD)
        self.start_combo.setCurrentIndex(
            1 if settings.value(START_PAGE, START_ORDERS) == START_DASHBOARD else 0)
        if (rows := form.findChild(QFormLayout, "languageLayout")) is not None:
            rows.addRow(self.tr("S&tart page:"), self.start_combo)

    def sync_settings(self) -> SyncSettings:
        return SyncSettings(interval=timedelta(minutes=self.interval_spin.value()),
                            stale_after=timedelta(hours=self.stale_spin.value()))  # fmt: skip

    def accept(self) -> None:
        chosen: Language = "en" if self.language_combo.currentData() == "en" else "de"
        self.language_changed = chosen != stored.load_language(self._settings, self._language)
        stored.save_language(self._settings, chosen)
        save_sync_settings(self._settings, self.sync_settings())
        save_audience(self._settings, Audience(str(self.audience_combo.currentData())))
        self._settings.setValue(START_PAGE, str(self.start_combo.currentData()))
        self._settings.sync()
        super().accept()

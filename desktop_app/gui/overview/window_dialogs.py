"""The main window's own dialogs: language choice, settings and About (imported on use)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow

from desktop_app.cache import queries
from desktop_app.cache.store import CacheStore
from desktop_app.gui.account.diagnostics import AboutInfo
from desktop_app.gui.common import stored
from desktop_app.gui.common.formatting import Language, locale_for
from desktop_app.gui.overview.window_actions import WindowActions

if TYPE_CHECKING:
    from desktop_app.gui.account.about_dialog import AboutDialog

__all__ = ["choose_language", "open_about", "open_settings"]

_SHOWN_MS = 10_000


def _restart_note(window: QMainWindow) -> None:
    window.statusBar().showMessage(QCoreApplication.translate(
        "MainWindow", "The language setting applies after a restart."), _SHOWN_MS)


def choose_language(window: QMainWindow, settings: QSettings, action: QAction) -> None:
    stored.save_language(settings, "en" if action.data() == "en" else "de")
    _restart_note(window)


def open_settings(window: QMainWindow, settings: QSettings, language: Language,
                  actions: WindowActions) -> bool:
    """The settings dialog (modal); True after OK (the caller applies the new values)."""
    from desktop_app.gui.account.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, language, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        for choice in actions.languages.actions():
            choice.setChecked(choice.data() == stored.load_language(settings))
        if dialog.language_changed:
            _restart_note(window)
        return True
    finally:
        dialog.deleteLater()


def open_about(window: QMainWindow, info: AboutInfo, store: CacheStore, language: Language,
               settings: QSettings) -> "AboutDialog":
    """Help → About (window-modal, not blocking)."""
    from desktop_app.gui.account.about_dialog import AboutDialog

    with store.session() as session:
        state = queries.sync_state(session)
    dialog = AboutDialog(info, state, locale_for(language), settings, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

"""Plain values kept in QSettings by every window: the UI language and Qt's state blobs.

Plain values only (strings, ints, bools, Qt's own state blobs); no secrets ever go here.
"""

from PySide6.QtCore import QByteArray, QSettings

from desktop_app.gui.common.formatting import Language

__all__ = ["LANGUAGE_KEY", "load_language", "load_state", "save_language", "save_state"]

LANGUAGE_KEY = "ui/language"


def load_language(settings: QSettings, default: Language = "de") -> Language:
    value = settings.value(LANGUAGE_KEY, default, str)
    return "en" if value == "en" else "de"


def save_language(settings: QSettings, language: Language) -> None:
    settings.setValue(LANGUAGE_KEY, language)


def save_state(settings: QSettings, key: str, state: QByteArray) -> None:
    settings.setValue(key, state)


def load_state(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None

"""The audience setting ("Notify me about"): stored in QSettings, read at each use, so that a
change in the settings dialog applies at once."""

from PySide6.QtCore import QSettings

from desktop_app.domain.notifications import Audience

__all__ = ["AUDIENCE_KEY", "load_audience", "save_audience"]

AUDIENCE_KEY = "notifications/audience"
DEFAULT = Audience.MINE


def load_audience(settings: QSettings) -> Audience:
    """The stored audience; MINE when none is stored or a hand-edited value is unknown."""
    try:
        return Audience(str(settings.value(AUDIENCE_KEY, DEFAULT.value)))
    except ValueError:
        return DEFAULT


def save_audience(settings: QSettings, audience: Audience) -> None:
    settings.setValue(AUDIENCE_KEY, audience.value)

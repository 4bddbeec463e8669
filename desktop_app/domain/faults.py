"""The base of every error the environment causes, with the clerk's German and English text.

Network failures, backend refusals, invalid pages, a cache or disk that cannot be written,
damaged documents and broken business rules are not bugs: the GUI shows their `message()`
where the clerk works (desktop_app/gui/common/errors.py). Any other exception is a bug and
gets the crash dialog. Messages never carry secrets; `technical` is extra context for
the log only (never shown as the message).
"""

from typing import Literal

__all__ = ["EnvironmentFault", "Language"]

Language = Literal["de", "en"]


class EnvironmentFault(Exception):
    """An expected failure caused by the environment; `message()` is what the clerk reads."""

    def __init__(self, message_de: str, message_en: str, *, technical: str = "") -> None:
        super().__init__(message_en)
        self.message_de, self.message_en, self.technical = message_de, message_en, technical

    def message(self, language: Language = "de") -> str:
        return self.message_de if language == "de" else self.message_en

    def __str__(self) -> str:
        return f"{self.message_en} ({self.technical})" if self.technical else self.message_en

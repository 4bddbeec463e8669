"""Errors of the cache layer (the layers above never need to know SQLAlchemy's)."""

from desktop_app.domain.faults import EnvironmentFault

_DISK_FULL = ("disk is full", "no space left", "disk full")


class CacheError(EnvironmentFault):
    """The cache could not be read or written. `technical` (the driver's words, English) goes
    to the log; the clerk reads a German or English message, a full disk named as such."""

    _what_de = "Der lokale Cache konnte nicht gelesen oder geschrieben werden."
    _what_en = "The local cache could not be read or written."

    def __init__(self, technical: str) -> None:
        if any(words in technical.lower() for words in _DISK_FULL):
            de = f"{self._what_de} Der Datenträger ist voll: bitte Platz schaffen."
            en = f"{self._what_en} The disk is full: please free some space."
        else:  # the error path adds where the log file is
            de, en = self._what_de, self._what_en
        super().__init__(de, en, technical=technical)


class CacheWriteError(CacheError):
    """A page could not be applied; nothing of it was written and the cursor did not move."""

    _what_de = ("Der lokale Cache konnte nicht aktualisiert werden; er bleibt auf dem letzten "
                "Stand.")
    _what_en = "The local cache could not be updated; it keeps its last state."


def describe(error: BaseException) -> str:
    """The driver's message of a SQLAlchemy error (without its SQL and parameters)."""
    original = getattr(error, "orig", None)
    return str(original if original is not None else error)

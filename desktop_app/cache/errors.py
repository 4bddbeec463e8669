"""Errors of the cache layer (the layers above never need to know SQLAlchemy's)."""


class CacheError(Exception):
    """The cache could not be read or written; the message is fit for a clerk's log."""


class CacheWriteError(CacheError):
    """A page could not be applied; nothing of it was written and the cursor did not move."""


def describe(error: BaseException) -> str:
    """The driver's message of a SQLAlchemy error (without its SQL and parameters)."""
    original = getattr(error, "orig", None)
    return str(original if original is not None else error)

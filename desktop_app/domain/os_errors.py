"""The operating system words its errors in English; the clerk reads them in the UI language."""

import errno

__all__ = ["os_error_reason"]

_REASONS: dict[int, tuple[str, str]] = {
    errno.EACCES: ("keine Schreibberechtigung", "no permission to write"),
    errno.EPERM: ("keine Schreibberechtigung", "no permission to write"),
    errno.ENOSPC: ("kein Speicherplatz mehr frei", "no space left on the drive"),
    errno.EDQUOT: ("kein Speicherplatz mehr frei", "no space left on the drive"),
    errno.EISDIR: ("dort liegt ein Ordner", "a folder is in the way"),
    errno.ENOENT: ("Ordner nicht gefunden", "folder not found"),
    errno.ENOTDIR: ("Ordner nicht gefunden", "folder not found"),
    errno.EROFS: ("das Laufwerk ist schreibgeschützt", "the drive is read-only"),
    errno.ENAMETOOLONG: ("Name zu lang", "name too long"),
}


def os_error_reason(error: OSError) -> tuple[str, str]:
    """Why, in a few German and English words. An error without words of ours is named by
    its number: the system's own (English) text belongs in the log only."""
    number = error.errno or 0
    if number in _REASONS:
        return _REASONS[number]
    if number:
        return f"Systemfehler Nr. {number}", f"system error no. {number}"
    return "unbekannter Systemfehler", "unknown system error"

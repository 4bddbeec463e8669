"""File names that come from the backend (or from order data), made safe for any disk.

A name never carries a folder (no path traversal), no control or reserved characters, no
Windows device name (CON, NUL, COM1, ... also with an extension), no trailing dot or space,
and stays within a length every file system takes. An empty result becomes the fallback.
"""

import re
import unicodedata

__all__ = ["MAX_NAME_LENGTH", "safe_filename"]

MAX_NAME_LENGTH = 120  # characters; leaves room for a folder within Windows' MAX_PATH
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
             *(f"COM{n}" for n in "123456789¹²³"), *(f"LPT{n}" for n in "123456789¹²³")}
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f]')


def safe_filename(name: str, fallback: str = "document.pdf", suffix: str = ".pdf") -> str:
    """`name` as a plain file name ending in `suffix` (added when missing)."""
    text = unicodedata.normalize("NFC", name)
    text = text.replace("\\", "/").rsplit("/", 1)[-1]  # only the last part of any path
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                   for c in text)
    text = _UNSAFE.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if not text.replace("_", "").strip(" ."):
        text = fallback
    if suffix and not text.lower().endswith(suffix):
        text += suffix
    stem, dot, ext = text.rpartition(".") if "." in text else (text, "", "")
    if stem.split(".")[0].strip().upper() in _RESERVED:
        stem = "_" + stem
    room = MAX_NAME_LENGTH - len(dot + ext)
    stem = stem[:max(room, 1)].rstrip(" .") or "_"
    return f"{stem}{dot}{ext}"

"""The support text of Help → About → "Copy diagnostic information": versions, OS, paths and
the last sync state. Never a secret: the dialog reads no keyring and no token, and URLs and
error texts are scrubbed of credentials before they are shown or copied."""

import platform
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import PySide6
from PySide6.QtCore import QLocale, qVersion

from desktop_app import __version__
from desktop_app.cache.records import SyncState
from desktop_app.domain.redaction import redact, safe_url

__all__ = ["AboutInfo", "diagnostic_text", "redact", "safe_url", "versions"]



@dataclass(frozen=True)
class AboutInfo:
    """What the About dialog tells besides versions; the workspace knows the backend."""

    cache_path: Path
    backend_url: str | None = None  # None: not known (e.g. a window without workspace)


def versions() -> list[tuple[str, str]]:
    return [
        ("OrderDesk", __version__),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
    ]


def _when(value: datetime | None) -> str:
    """In UTC, ISO-like: support compares it with the backend's logs."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if value else "never"


def diagnostic_text(info: AboutInfo, state: SyncState, locale: QLocale,
                    paths: list[tuple[str, str]]) -> str:
    """Plain English text for a support ticket (not translated: support reads it)."""
    lines = ["OrderDesk diagnostic information", ""]
    lines += [f"{name}: {version}" for name, version in versions()]
    lines += [
        f"Operating system: {platform.platform()} ({platform.machine()})",
        f"Installation: {'bundle' if getattr(sys, 'frozen', False) else sys.prefix}",
        f"UI language: {locale.name()}",
        "",
        f"Backend: {safe_url(info.backend_url) if info.backend_url else 'unknown'}",
        f"Cache: {info.cache_path}",
        *(f"{name}: {where}" for name, where in paths),
        "",
        f"Last successful sync: {_when(state.last_success_at)}",
        f"Last sync attempt: {_when(state.last_attempt_at)}",
        f"Last sync error: {redact(state.last_error) if state.last_error else 'none'}",
        f"Change feed position: {'stored' if state.cursor else 'none (full sync next)'}",
    ]
    return "\n".join(lines) + "\n"

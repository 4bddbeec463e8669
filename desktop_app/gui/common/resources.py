"""Where resources/ (icons, document templates) lives, and the app's window icon.

`resources_dir()` looks in this order, like `forms.form_path` and `translations.catalogs_dir`:
`$ORDERDESK_RESOURCES_DIR` (when set, only there: a wrong value is an error, not a silent
fallback); `resources/` in a frozen bundle (`sys._MEIPASS`, see packaging/orderdesk.spec);
resources/ of the checkout; share/orderdesk/resources under the interpreter prefix.
"""

import os
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

__all__ = ["ICON_SIZES", "ResourceNotFoundError", "app_icon", "icon_files", "resources_dir"]

ICON_SIZES = (16, 32, 48, 64, 128, 256)  # the PNGs scripts/render_icons.py makes
APP_ICON = "orderdesk"


class ResourceNotFoundError(RuntimeError):
    """A resource the app ships is missing (a packaging bug)."""


def _candidates() -> list[Path]:
    if override := os.environ.get("ORDERDESK_RESOURCES_DIR"):
        return [Path(override)]
    found: list[Path] = []
    if frozen := getattr(sys, "_MEIPASS", None):
        found.append(Path(frozen) / "resources")
    found.append(Path(__file__).resolve().parents[3] / "resources")
    found.append(Path(sys.prefix) / "share" / "orderdesk" / "resources")
    return found


def resources_dir() -> Path:
    tried = _candidates()
    for folder in tried:
        if (folder / "icons").is_dir():
            return folder
    raise ResourceNotFoundError("no resources in: " + ", ".join(str(p) for p in tried))


def icon_files() -> list[Path]:
    """The app icon's SVG and PNG sizes; raises when one is missing."""
    icons = resources_dir() / "icons"
    files = [icons / f"{APP_ICON}.svg", *(icons / f"{APP_ICON}-{s}.png" for s in ICON_SIZES)]
    missing = [path.name for path in files if not path.is_file()]
    if missing:
        raise ResourceNotFoundError(f"missing in {icons}: {', '.join(missing)}")
    return files


def app_icon() -> QIcon:
    """The window icon from the PNG sizes (no SVG plugin needed); empty when they are
    missing, which the self-test reports."""
    icon = QIcon()
    try:
        files = icon_files()
    except ResourceNotFoundError:
        return icon
    for path in files:
        if path.suffix == ".png":
            icon.addFile(str(path))
    return icon

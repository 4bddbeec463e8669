"""Where the Qt Designer forms (.ui) live and how a widget loads one.

The forms have one home: the repository's `ui/` folder, edited with Qt Designer. They are not
copied into the package. `forms_dir()` finds them in this order:

1. `$ORDERDESK_UI_DIR`, if set (for tools and unusual layouts);
2. `ui/` next to a frozen executable (PyInstaller puts data files under `sys._MEIPASS`; the
   spec in packaging/ adds `ui/*.ui` there);
3. `ui/` at the repository root, found from this file: a clean clone run from source and an
   editable install (`pip install -e .`) both import this module from the checkout;
4. `share/orderdesk/ui` under the interpreter prefix, where a regular (wheel) install puts the
   forms (`[tool.setuptools.data-files]` in pyproject.toml).

A missing form is a packaging bug, so it raises `FormNotFoundError` naming every folder tried.
"""

import os
import sys
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

T = TypeVar("T", bound=QObject)


class FormNotFoundError(RuntimeError):
    pass


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("ORDERDESK_UI_DIR")
    if override:
        found.append(Path(override))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / "ui")
    found.append(Path(__file__).resolve().parents[3] / "ui")
    found.append(Path(sys.prefix) / "share" / "orderdesk" / "ui")
    return found


def form_path(name: str) -> Path:
    """The path of form `name` (e.g. "order_detail.ui")."""
    tried = _candidates()
    for folder in tried:
        if (folder / name).is_file():
            return folder / name
    raise FormNotFoundError(f"{name} not found in: " + ", ".join(str(p) for p in tried))


def load_form(name: str, host: QWidget) -> QWidget:
    """Load form `name` as a child of `host`, filling it edge to edge; returns the form."""
    file = QFile(str(form_path(name)))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormNotFoundError(f"cannot read {file.fileName()}: {file.errorString()}")
    try:
        form = QUiLoader().load(file, host)
    finally:
        file.close()
    if form is None:
        raise FormNotFoundError(f"{name} is not a valid form")
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form


def child(root: QObject, kind: type[T], name: str) -> T:
    """The child `name` of type `kind` in a loaded form; a missing one is a form bug."""
    found = root.findChild(kind, name)
    if not isinstance(found, kind):
        raise FormNotFoundError(f"the form has no {kind.__name__} named {name!r}")
    return found

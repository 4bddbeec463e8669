"""The app icon and the resources folder (the bundle's layout is checked by --self-test)."""

from pathlib import Path

import pytest
from desktop_app.gui.common.resources import (
    ICON_SIZES,
    ResourceNotFoundError,
    app_icon,
    icon_files,
    resources_dir,
)
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_icon_has_every_rendered_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(size.width() for size in icon.availableSizes()) == list(ICON_SIZES)
    assert QSize(256, 256) in icon.availableSizes()


def test_the_checkout_resources_are_found() -> None:
    assert resources_dir() == ROOT / "resources"
    assert icon_files()[0].name == "orderdesk.svg"


def test_an_override_is_used_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   qapp: QApplication) -> None:
    """A wrong ORDERDESK_RESOURCES_DIR is an error, not a silent fallback to the checkout."""
    monkeypatch.setenv("ORDERDESK_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ResourceNotFoundError, match="no resources in"):
        resources_dir()
    assert app_icon().isNull()


def test_a_missing_size_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    for path in icon_files():
        (icons / path.name).write_bytes(path.read_bytes())
    (icons / "orderdesk-48.png").unlink()
    monkeypatch.setenv("ORDERDESK_RESOURCES_DIR", str(tmp_path))
    with pytest.raises(ResourceNotFoundError, match=r"orderdesk-48\.png"):
        icon_files()

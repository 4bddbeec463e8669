"""The install pulls in only the Qt parts the app imports (issue: `pip install -e .` brought
Qt WebEngine and the add-ons, 440 MB the app never loaded). The add-ons wheel is declared since
the dashboard draws its chart with QtCharts; a declared Qt wheel the app does not import fails."""

import importlib.metadata as metadata
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_IMPORT = re.compile(r"\bPySide6\.(Qt\w+)")
UNUSED_QT = {"pyside6", "pyside6-webengine"}


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[<>=!~ \[;]", spec, maxsplit=1)[0].lower().replace("_", "-")
            for spec in project["dependencies"]}


def qt_modules_used() -> set[str]:
    return {match for path in (ROOT / "desktop_app").rglob("*.py")
            for match in QT_IMPORT.findall(path.read_text(encoding="utf-8"))}


def owner(module: str) -> str:
    """The installed distribution that ships PySide6/<module>.*.so (or .pyd)."""
    for dist in ("PySide6_Essentials", "PySide6_Pdf", "PySide6_Addons", "PySide6_WebEngine"):
        try:
            files = metadata.files(dist) or []
        except metadata.PackageNotFoundError:
            continue
        if any(f.parent.name == "PySide6" and f.name.startswith(module + ".") for f in files):
            return dist.lower().replace("_", "-")
    raise AssertionError(f"no installed PySide6 wheel ships {module}")


def test_no_qt_meta_package_or_web_engine_is_required() -> None:
    assert not declared() & UNUSED_QT


def test_every_declared_qt_wheel_ships_a_module_the_app_imports() -> None:
    owners = {owner(module) for module in qt_modules_used()}
    qt_wheels = {name for name in declared() if name.startswith("pyside6")}
    assert "pyside6-addons" in owners  # QtCharts (gui/dashboard)
    assert qt_wheels <= owners


def test_every_qt_module_the_app_imports_comes_from_a_declared_wheel() -> None:
    used = qt_modules_used()
    assert {"QtCore", "QtWidgets", "QtPdf"} <= used
    missing = {module: owner(module) for module in used if owner(module) not in declared()}
    assert not missing


def test_the_time_zone_database_is_declared_where_the_system_has_none() -> None:
    """The app shows Europe/Berlin time (domain/business_time.py): zoneinfo finds it in the
    system's database on Linux, on Windows only in the tzdata wheel."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(spec.startswith("tzdata") and "win32" in spec for spec in project["dependencies"])

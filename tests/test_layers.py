"""Layer rules import-linter cannot state: documents renders without widgets."""

import ast
from pathlib import Path

import desktop_app

PACKAGE = Path(desktop_app.__file__).parent


def imported_modules(folder: Path) -> set[str]:
    found: set[str] = set()
    for source in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_documents_layer_builds_no_widgets() -> None:
    modules = imported_modules(PACKAGE / "documents")
    assert not {name for name in modules if "QtWidgets" in name}


def test_the_scan_sees_widget_imports(tmp_path: Path) -> None:
    (tmp_path / "widget.py").write_text("from PySide6.QtWidgets import QWidget\n")
    assert "PySide6.QtWidgets.QWidget" in imported_modules(tmp_path)

"""Translations: every visible string has a finished German and English translation, the
catalogs compile from the .ts files, and the windows (and Qt's own dialogs) speak German."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.gui.common import translations
from desktop_app.gui.common.translations import TranslationError, catalog_file, install_translators
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from scripts import update_translations

from tests.gui.window import live_cache, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled catalogs go to a fresh user cache folder, not the developer's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture
def back_to_source_texts(qapp: QApplication) -> Iterator[None]:
    yield
    translations.uninstall_translators()


def test_every_source_text_has_a_finished_translation_in_both_languages() -> None:
    """Runs lupdate over the GUI code and forms: a new tr() text, a changed one, a missing,
    empty or unfinished translation or a lost %1 placeholder is listed here."""
    assert update_translations.check() == []


def test_the_check_finds_an_unfinished_translation(tmp_path: Path) -> None:
    broken = tmp_path / "orderdesk_de.ts"
    text = (update_translations.TRANSLATIONS / "orderdesk_de.ts").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("<translation>&amp;Datei</translation>",
                     '<translation type="unfinished"></translation>', 1)
        .replace("<translation>%1 Aufträge</translation>", "<translation>Aufträge</translation>"),
        encoding="utf-8",
    )  # fmt: skip
    found = update_translations.problems(broken)
    assert any("'&File': not translated" in problem for problem in found)
    assert any("'%1 orders': placeholders differ" in problem for problem in found)


def test_catalogs_are_compiled_from_the_ts_files_into_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    shutil.copytree(update_translations.TRANSLATIONS, folder)
    assert not list(folder.glob("*.qm"))  # never committed
    first = catalog_file("de", folder)
    assert first.is_file() and (tmp_path / "xdg-cache") in first.parents
    assert catalog_file("de", folder) == first  # compiled once per .ts content
    ts_file = folder / "orderdesk_de.ts"
    ts_file.write_text(ts_file.read_text(encoding="utf-8").replace("&amp;Datei", "&amp;Akte"),
                       encoding="utf-8")  # fmt: skip
    assert catalog_file("de", folder) != first  # a changed .ts is compiled anew


def test_a_built_catalog_beside_the_ts_file_is_used(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    shutil.copytree(update_translations.TRANSLATIONS, folder)
    built = folder / "orderdesk_de.qm"
    shutil.copy(catalog_file("de", folder), built)
    assert catalog_file("de", folder) == built


def test_missing_or_broken_catalogs_raise(tmp_path: Path) -> None:
    with pytest.raises(TranslationError, match="no translation for 'en'"):
        catalog_file("en", tmp_path)
    (tmp_path / "orderdesk_de.ts").write_text("<TS><context>", encoding="utf-8")
    with pytest.raises(TranslationError, match="lrelease failed"):
        catalog_file("de", tmp_path)


@pytest.mark.usefixtures("back_to_source_texts")
def test_german_main_window_and_qt_dialogs(tmp_path: Path, qtbot: QtBot) -> None:
    install_translators("de")
    cache = live_cache(tmp_path / "cache.sqlite3")
    try:
        window = open_window(qtbot, cache, tmp_path / "settings.ini")
        assert window.windowTitle() == "OrderDesk – Auftragsübersicht"
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Datei", "&Aufträge", "&Ansicht", "Ansi&chten", "&Hilfe"]
        assert window.search_edit.placeholderText().startswith("Auftragsnummer")  # a form
        assert window.count_label.text() == "120 Aufträge"
        assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Auftragsnummer"
        sync = window.window_actions.sync
        assert sync.text() == "&Synchronisieren"
        assert isinstance(window.menuBar().actions()[0].menu(), QMenu)
    finally:
        cache.close()
    # Qt's own dialogs (print, file) come translated too.
    assert QCoreApplication.translate("QPrintDialog", "Print") == "Drucken"
    assert QCoreApplication.translate("QFileDialog", "Save As") == "Speichern unter"


@pytest.mark.usefixtures("back_to_source_texts")
def test_english_catalog_and_plural_forms(qapp: QApplication) -> None:
    install_translators("en")
    assert QCoreApplication.translate("WindowActions", "&File") == "&File"
    assert QCoreApplication.translate("OrderStatusPanel", "about %n hour(s)", None, 1) == (
        "about 1 hour")
    install_translators("de")  # switching replaces the translators
    assert QCoreApplication.translate("OrderStatusPanel", "about %n hour(s)", None, 3) == (
        "etwa 3 Stunden")
    assert QCoreApplication.translate("WindowActions", "&File") == "&Datei"


def test_system_language_is_english_only_for_an_english_desktop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for locale, expected in ((QLocale(QLocale.Language.English), "en"),
                             (QLocale(QLocale.Language.German), "de"),
                             (QLocale(QLocale.Language.French), "de"),
                             (QLocale.c(), "de")):  # fmt: skip
        monkeypatch.setattr(translations, "_system_locale", lambda locale=locale: locale)
        assert translations.system_language() == expected


def _untranslatable_calls(path: Path) -> list[str]:
    """tr()/translate() calls lupdate cannot read: a non-literal text or context, or a
    helper wrapping them (its callers' texts would silently stay English)."""
    import ast

    found = []
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    # Texts marked with QT_TRANSLATE_NOOP("Context", "text") are translated later by value.
    marked = "QT_TRANSLATE_NOOP(" in source
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in {"tr", "_tr", "_", "translate"}:
            found.append(f"{path.name}:{node.lineno}: wraps tr(): lupdate misses its callers")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
        is_translate = name == "translate" and (
            isinstance(func, ast.Name) or owner in {"QCoreApplication", "QApplication"}
        )  # (not QPainter.translate)
        literal_args = 1 if name == "tr" else 0 if marked else 2 if is_translate else 0
        if not literal_args:
            continue
        if name == "tr" and not (isinstance(func, ast.Attribute)
                                 and isinstance(func.value, ast.Name) and func.value.id == "self"):
            found.append(f"{path.name}:{node.lineno}: tr() not on self: its context is wrong")
        args = node.args[:literal_args]
        if len(args) < literal_args or not all(
            isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in args
        ):
            found.append(f"{path.name}:{node.lineno}: {name}() without literal strings")
    return found


def test_every_tr_call_is_readable_by_lupdate() -> None:
    found = [problem for path in update_translations.sources() if path.suffix == ".py"
             for problem in _untranslatable_calls(path)]  # fmt: skip
    assert found == []

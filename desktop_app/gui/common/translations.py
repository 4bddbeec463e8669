"""The user-interface language: Qt translators for OrderDesk's texts and Qt's own dialogs.

The texts are English in the source (`tr()`); resources/translations holds the Qt Linguist
files orderdesk_de.ts and orderdesk_en.ts (kept current by scripts/update_translations.py).
Compiled catalogs (.qm) are never committed, so they cannot drift from the .ts files: a
bundle or wheel build compiles them next to the .ts files, and a source checkout compiles
them on first use with PySide6's lrelease into the user cache folder, keyed by the .ts
file's hash (a changed .ts is compiled anew).

`catalogs_dir()` looks in this order: `$ORDERDESK_TRANSLATIONS_DIR`; `translations/` in a
frozen bundle; resources/translations of the checkout; share/orderdesk/translations under
the interpreter prefix (a wheel install).
"""

import hashlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.gui.common.formatting import Language

__all__ = [
    "TranslationError",
    "catalog_file",
    "catalogs_dir",
    "install_translators",
    "system_language",
    "uninstall_translators",
]

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # installed translators must outlive this call


class TranslationError(RuntimeError):
    """A catalog is missing or cannot be compiled or loaded (a packaging bug)."""


def _candidates() -> list[Path]:
    found: list[Path] = []
    if override := os.environ.get("ORDERDESK_TRANSLATIONS_DIR"):
        found.append(Path(override))
    if frozen := getattr(sys, "_MEIPASS", None):
        found.append(Path(frozen) / "translations")
    found.append(Path(__file__).resolve().parents[3] / "resources" / "translations")
    found.append(Path(sys.prefix) / "share" / "orderdesk" / "translations")
    return found


def catalogs_dir() -> Path:
    tried = _candidates()
    for folder in tried:
        if any(folder.glob("orderdesk_*.ts")) or any(folder.glob("orderdesk_*.qm")):
            return folder
    raise TranslationError("no translations in: " + ", ".join(str(p) for p in tried))


def _system_locale() -> QLocale:
    return QLocale.system()


def system_language() -> Language:
    """English for an English desktop; German, the fallback, for everything else."""
    return "en" if _system_locale().language() == QLocale.Language.English else "de"


def _lrelease() -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    if bundled.exists():
        return str(bundled)
    if found := shutil.which("pyside6-lrelease"):
        return found
    raise TranslationError("PySide6's lrelease was not found: cannot compile the translations")


def _cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("OrderDesk", appauthor=False) / "translations"


def catalog_file(language: Language, folder: Path | None = None) -> Path:
    """The compiled catalog of `language`: a built one beside its .ts, else compiled now."""
    folder = folder or catalogs_dir()
    ts_file, built = folder / f"orderdesk_{language}.ts", folder / f"orderdesk_{language}.qm"
    if built.is_file() and (not ts_file.is_file()
                            or built.stat().st_mtime >= ts_file.stat().st_mtime):  # fmt: skip
        return built
    if not ts_file.is_file():
        raise TranslationError(f"no translation for {language!r} in {folder}")
    digest = hashlib.sha256(ts_file.read_bytes()).hexdigest()[:16]
    compiled = _cache_dir() / f"orderdesk_{language}-{digest}.qm"
    if not compiled.is_file():
        compiled.parent.mkdir(parents=True, exist_ok=True)
        partial = compiled.with_suffix(f".{os.getpid()}.part")
        result = subprocess.run(  # noqa: S603 (our .ts file, PySide6's lrelease)
            [_lrelease(), "-silent", str(ts_file), "-qm", str(partial)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0 or not partial.is_file():
            raise TranslationError(f"lrelease failed for {ts_file}: {result.stderr.strip()}")
        partial.replace(compiled)  # atomic: a parallel start never reads half a file
    return compiled


def install_translators(language: Language, app: QCoreApplication | None = None) -> None:
    """Translate OrderDesk's texts and Qt's own dialogs (print, file, message boxes) into
    `language`; replaces translators installed before. Call before building widgets."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise TranslationError("create the QApplication first")
    uninstall_translators()
    ours = QTranslator(app)
    if not ours.load(str(catalog_file(language))):
        raise TranslationError(f"the {language!r} catalog cannot be loaded")
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(language), "qtbase", "_", qt_folder):
        _installed.append(qt_own)
    elif language != "en":
        log.warning("Qt's own %s translations are missing in %s", language, qt_folder)
    _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)


def uninstall_translators() -> None:
    """Back to the English source texts."""
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()

"""Update the Qt Linguist files from the sources: `python scripts/update_translations.py`.

Runs PySide6's lupdate over the GUI code and the Designer forms into
resources/translations/orderdesk_{de,en}.ts (obsolete entries dropped). The English file is
completed from the English source texts (plural forms from "(s)"); a text moved to another
class keeps its translation; new German translations are written by hand (Qt Linguist or an
editor). `--check` changes nothing and exits 1 when a source text is missing from a file or a
translation is unfinished (the test suite does this).
"""

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")
_PLURAL = re.compile(r"\((\w+)\)")


def sources() -> list[Path]:
    """Every file with visible strings: the GUI layers' Python modules and the forms."""
    code = [
        path
        for package in ("gui", "launch", "documents")
        for path in sorted((ROOT / "desktop_app" / package).rglob("*.py"))
    ]
    return [*code, ROOT / "desktop_app" / "app.py", *sorted((ROOT / "ui").glob("*.ui"))]


def lupdate_binary() -> str:
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lupdate"
    if bundled.exists():
        return str(bundled)
    found = shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("lupdate not found: PySide6 is not installed completely")
    return found


def run_lupdate(ts_file: Path) -> None:
    listing = ts_file.with_suffix(".files")
    listing.write_text("\n".join(str(path) for path in sources()) + "\n", encoding="utf-8")
    try:
        subprocess.run(
            [lupdate_binary(), "-silent", "-no-obsolete", "-locations", "none",
             f"@{listing}", "-ts", str(ts_file)],
            check=True,
        )  # fmt: skip
    finally:
        listing.unlink()


def english_forms(source: str) -> list[str]:
    """'about %n minute(s)' -> singular and plural."""
    return [_PLURAL.sub("", source), _PLURAL.sub(r"\1", source)]


def complete_english(ts_file: Path) -> None:
    tree = ET.parse(ts_file)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        del translation.attrib["type"]
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = source
    write_ts(tree, ts_file)


def finished_translations(ts_file: Path) -> dict[str, ET.Element]:
    """Finished translations by source text, whatever their context (class) is."""
    if not ts_file.exists():
        return {}
    found: dict[str, ET.Element] = {}
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None:
            found.setdefault(message.findtext("source") or "", translation)
    return found


def carry_over(ts_file: Path, known: dict[str, ET.Element]) -> None:
    """A text that moved to another class keeps its translation (lupdate drops it)."""
    tree = ET.parse(ts_file)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        old = known.get(message.findtext("source") or "")
        if translation is None or translation.get("type") != "unfinished" or old is None:
            continue
        translation.attrib.clear()
        translation.text = old.text
        for child in list(translation):
            translation.remove(child)
        for form in old:
            ET.SubElement(translation, form.tag).text = form.text
    write_ts(tree, ts_file)


def write_ts(tree: "ET.ElementTree[ET.Element]", ts_file: Path) -> None:
    root = tree.getroot()
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def problems(ts_file: Path) -> list[str]:
    """Unfinished or empty translations, and lost %1/%n placeholders."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            texts = [] if translation is None else (
                [form.text or "" for form in translation.iter("numerusform")]
                or [translation.text or ""]
            )  # fmt: skip
            where = f"{ts_file.name}: {name}: {source!r}"
            if translation is None or translation.get("type") in {"unfinished", "vanished",
                                                                  "obsolete"}:  # fmt: skip
                found.append(f"{where}: not translated")
            elif not all(text.strip() for text in texts):
                found.append(f"{where}: empty translation")
            else:
                wanted = sorted(re.findall(r"%(?:\d|n)", source))
                for text in texts:
                    if sorted(re.findall(r"%(?:\d|n)", text)) != wanted:
                        found.append(f"{where}: placeholders differ in {text!r}")
    return found


def message_keys(ts_file: Path) -> set[tuple[str, str]]:
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(ts_file).getroot().iter("context")
        for message in context.iter("message")
    }


def check() -> list[str]:
    """What is wrong with the committed files (empty: all source texts translated)."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        run_lupdate(fresh)
        wanted = message_keys(fresh)
    for language in LANGUAGES:
        ts_file = TRANSLATIONS / f"orderdesk_{language}.ts"
        if not ts_file.exists():
            found.append(f"{ts_file.name}: missing")
            continue
        have = message_keys(ts_file)
        found += [f"{ts_file.name}: {c}: {s!r}: not in the file (run this script)"
                  for c, s in sorted(wanted - have)]  # fmt: skip
        found += [f"{ts_file.name}: {c}: {s!r}: no longer in the sources (run this script)"
                  for c, s in sorted(have - wanted)]  # fmt: skip
        found += problems(ts_file)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report, change nothing")
    if parser.parse_args().check:
        found = check()
        print("\n".join(found) or "translations complete")
        return 1 if found else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts_file = TRANSLATIONS / f"orderdesk_{language}.ts"
        known = finished_translations(ts_file)
        run_lupdate(ts_file)
        carry_over(ts_file, known)
        if language == "en":
            complete_english(ts_file)
    unfinished = problems(TRANSLATIONS / "orderdesk_de.ts")
    print("\n".join(unfinished) or "German translation complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())

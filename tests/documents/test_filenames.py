"""File names from the backend never reach the disk unsanitised."""

import pytest
from desktop_app.documents.filenames import MAX_NAME_LENGTH, safe_filename


@pytest.mark.parametrize(("name", "expected"), [
    ("AEB-1.pdf", "AEB-1.pdf"),
    ("Bestätigung AU-1.pdf", "Bestätigung AU-1.pdf"),
    ("../../etc/passwd", "passwd.pdf"),
    ("..\\..\\Windows\\system.ini", "system.ini.pdf"),
    ("C:\\Users\\x\\a.pdf", "a.pdf"),
    ("CON", "_CON.pdf"),
    ("con.pdf", "_con.pdf"),
    ("nul .pdf", "_nul.pdf"),
    ("COM1.tar.pdf", "_COM1.tar.pdf"),
    ("LPT9", "_LPT9.pdf"),
    ("a\x00b\nc\x1b.pdf", "a b c.pdf"),
    ('re:port*?<>|".pdf', "re_port______.pdf"),
    ("..", "document.pdf"),
    ("", "document.pdf"),
    ("  . ", "document.pdf"),
    ("bericht.PDF", "bericht.PDF"),
    ("name.", "name.pdf"),
])
def test_names_are_made_safe(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_long_names_are_capped_keeping_the_extension() -> None:
    name = safe_filename("x" * 500 + ".pdf")
    assert len(name) == MAX_NAME_LENGTH
    assert name.endswith("x.pdf")

"""Issue 12, item 10 (documents): a file that cannot be written is explained in the clerk's
language; the operating system's English text ("Permission denied") stays in the log."""

import errno
from pathlib import Path

import pytest
from desktop_app.documents.output import DocumentError


@pytest.mark.parametrize(("code", "german", "english"), [
    (errno.EACCES, "keine Schreibberechtigung", "no permission to write"),
    (errno.ENOSPC, "kein Speicherplatz mehr frei", "no space left on the drive"),
    (errno.EISDIR, "dort liegt ein Ordner", "a folder is in the way"),
    (errno.ENOENT, "Ordner nicht gefunden", "folder not found"),
    (errno.EROFS, "das Laufwerk ist schreibgeschützt", "the drive is read-only"),
])  # fmt: skip
def test_a_write_failure_is_worded_per_language(code: int, german: str, english: str) -> None:
    os_text = "Some English system text"
    error = DocumentError.not_written(Path("/x/AEB.pdf"), OSError(code, os_text))
    assert german in error.message("de") and os_text not in error.message("de")
    assert english in error.message("en") and os_text not in error.message("en")
    assert error.reason("de") == german and error.reason("en") == english
    assert os_text in error.technical  # for the log


def test_an_unknown_failure_names_its_number_and_logs_the_system_text() -> None:
    """Issue 17, item 4: the system's English text is not quoted in a German message."""
    error = DocumentError.not_written(Path("/x/AEB.pdf"), OSError(errno.EIO, "I/O error"))
    assert f"Systemfehler Nr. {errno.EIO}" in error.message("de")
    assert f"system error no. {errno.EIO}" in error.message("en")
    assert "I/O error" not in error.message("de") + error.message("en")
    assert "I/O error" in error.technical

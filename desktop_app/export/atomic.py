"""Write an export under its final name only when complete: a hidden partial file in the
target folder, then `os.replace`. A failure or a cancel removes the partial file."""

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from desktop_app.domain.faults import EnvironmentFault
from desktop_app.domain.os_errors import os_error_reason

__all__ = ["ExportError", "atomic_path", "sync_to_disk"]



class ExportError(EnvironmentFault):
    """The export file could not be written (no permission, disk full, folder gone...)."""

    @classmethod
    def not_written(cls, path: Path, error: OSError) -> "ExportError":
        system = error.strerror or str(error)
        german, english = os_error_reason(error)
        return cls(f"Die Liste konnte nicht exportiert werden ({path}: {german}). Es wurde "
                   "keine Datei angelegt.",
                   f"The list could not be exported ({path}: {english}). No file was "
                   "written.", technical=f"{type(error).__name__}: {system}")


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A partial file's path to write; on success it becomes `target` (replacing an older
    file), on any exception it is removed and an OSError is raised as ExportError."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        yield partial
        partial.replace(target)
    except OSError as error:
        _remove(partial)
        raise ExportError.not_written(target, error) from error
    except BaseException:
        _remove(partial)
        raise


def _remove(partial: Path) -> None:
    """Remove the partial file, if one was made (the folder may be gone or be no folder)."""
    with suppress(OSError):
        partial.unlink(missing_ok=True)


def sync_to_disk(path: Path) -> None:
    """Flush the file's data to the drive before it is renamed into place."""
    with path.open("rb+") as stream:  # writable: Windows refuses to flush a read-only handle
        os.fsync(stream.fileno())

"""The log file: rotating, under the platform's user log folder, never holding a secret.

`start_logging()` runs at start for the demo and for real use (desktop_app/launch). Every
line, tracebacks included, passes `redact()` before it is written, so a token or password
that found its way into a message or an exception never reaches the disk.
"""

import logging
import logging.handlers
import os
from pathlib import Path

from platformdirs import user_log_path

from desktop_app.domain.redaction import redact

__all__ = ["RedactingFormatter", "current_log_file", "default_log_folder", "start_logging",
           "stop_logging"]

LOG_NAME = "orderdesk.log"
MAX_BYTES = 2_000_000
BACKUPS = 4
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_handler: logging.Handler | None = None
_log_file: Path | None = None


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then hides credentials in the whole text (message and traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def default_log_folder() -> Path:
    """The user log folder (ORDERDESK_LOG_DIR overrides it: tests, portable installs)."""
    override = os.environ.get("ORDERDESK_LOG_DIR")
    return Path(override) if override else user_log_path("OrderDesk", appauthor=False)


def start_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Write the root logger to `folder`/orderdesk.log (rotating); returns the file, or None
    when the folder cannot be created (the app still runs; the crash dialog says so)."""
    global _handler, _log_file
    stop_logging()
    folder = folder or default_log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as error:
        logging.getLogger(__name__).warning("no log file in %s: %s", folder, error)
        return None
    handler.setFormatter(RedactingFormatter(_FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    _handler, _log_file = handler, folder / LOG_NAME
    return _log_file


def stop_logging() -> None:
    global _handler, _log_file
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
    _handler, _log_file = None, None


def current_log_file() -> Path | None:
    """Where the log is written now; None before `start_logging()` (or when it failed)."""
    return _log_file

"""Bounds on backend answers and calls, and the errors when a backend breaks them.

A page of the change feed may hold at most `limit` records and, as bytes, at most what
`limit` records can sensibly need (FEED_BYTES_PER_RECORD each, about twice the largest order
of the demo data and three times the mean). Other answers are bounded by a fixed size. An
answer over its bound is refused while it is read, before it is held in memory; the bound is
on the decoded bytes, so a gzip answer (feed pages, Accept-Encoding) is counted as it
unpacks and a gzip bomb is refused like any oversized answer. One call takes at most its
deadline (desktop_app/api/calls.py).
"""

from desktop_app.api.errors import ApiError, OfflineError

__all__ = [
    "DEFAULT_MAX_BYTES", "DOCUMENT_MAX_BYTES", "FEED_BASE_BYTES", "FEED_BYTES_PER_RECORD",
    "CallAborted", "DeadlineError", "ResponseTooLargeError", "TooManyRecordsError",
    "check_record_count", "feed_page_max_bytes",
]

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 4 * MIB  # one order, a cart, the catalog, a list of customers …
DOCUMENT_MAX_BYTES = 20 * MIB  # a document's bytes (confirmation PDFs are ~100 KB)
FEED_BYTES_PER_RECORD = 8 * 1024
FEED_BASE_BYTES = 64 * 1024  # cursor, flags and slack


def feed_page_max_bytes(limit: int, per_record: int = FEED_BYTES_PER_RECORD) -> int:
    """The most bytes a change page asked for with `limit` records may have (500 → ~4 MB)."""
    return FEED_BASE_BYTES + max(limit, 1) * per_record


def _megabytes(size: int, language: str) -> str:
    text = f"{size / MIB:.1f}"
    return text.replace(".", ",") if language == "de" else text


class ResponseTooLargeError(ApiError):
    """The answer is larger than its bound; reading stopped there and nothing was kept."""

    def __init__(self, subject: str, max_bytes: int) -> None:
        super().__init__(
            f"Die Antwort des Servers ist zu groß (mehr als {_megabytes(max_bytes, 'de')} MB) "
            "und wurde nicht übernommen. Bitte wenden Sie sich an den Support.",
            f"The server's answer is too large (more than {_megabytes(max_bytes, 'en')} MB) "
            "and was not accepted. Please contact support.",
            technical=f"{subject}: more than {max_bytes} bytes")
        self.subject = subject
        self.max_bytes = max_bytes


class TooManyRecordsError(ApiError):
    """A page holds more records than were asked for."""

    def __init__(self, subject: str, count: int, limit: int) -> None:
        super().__init__(
            f"Der Server hat {count} Datensätze geschickt, angefordert waren höchstens "
            f"{limit}. Die Antwort wurde nicht übernommen.",
            f"The server sent {count} records where at most {limit} were asked for. The "
            "answer was not accepted.",
            technical=f"{subject}: {count} records for limit={limit}")
        self.count = count
        self.limit = limit


class DeadlineError(OfflineError):
    """The call did not end within its deadline (e.g. a body trickling in byte by byte);
    offline for the sync: it retries later, with backoff."""

    def __init__(self, host: str, seconds: float) -> None:
        super().__init__(host, timed_out=True)
        shown = f"{seconds:g}"
        self.message_de = (
            f"Der Server ({host}) hat nicht innerhalb von {shown.replace('.', ',')} Sekunden "
            "vollständig geantwortet; der Abruf wurde abgebrochen. Zwischengespeicherte "
            "Aufträge bleiben lesbar.")
        self.message_en = (
            f"The server ({host}) did not answer completely within {shown} seconds; the "
            "request was stopped. Cached orders stay readable.")
        self.args = (self.message_en,)
        self.seconds = seconds


class CallAborted(ApiError):
    """The call was ended from outside: the clerk cancelled, or the app is quitting."""

    def __init__(self) -> None:
        super().__init__("Der Abruf wurde abgebrochen.", "The request was cancelled.")


def check_record_count(subject: str, count: int, limit: int) -> None:
    if count > limit:
        raise TooManyRecordsError(subject, count, limit)

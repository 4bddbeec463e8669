"""Every message the clerk reads is wholly German or wholly English (issue 17, item 4).

The test walks every EnvironmentFault subclass of the client (the errors the GUI shows as
messages: desktop_app/gui/common/errors.py), builds each from the hostile material the lower
layers hand it — a driver's English words, pydantic's texts, a server's problem titles and
details, cursors — and checks both messages: the German one carries no English words and no
English text of the lower layers, the English one no German words, no umlauts or German
quotes; the technical detail is in `technical` (the log), in neither message.

A new error type fails `test_every_error_type_is_walked` until it has samples here.
"""

import errno
import importlib
import json
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import desktop_app
import pytest
from desktop_app.api import errors as api_errors
from desktop_app.api import limits
from desktop_app.api.settings import check_backend_url
from desktop_app.cache.errors import CacheError, CacheWriteError
from desktop_app.cache.queries import sync_state
from desktop_app.contract.auth import MeOut
from desktop_app.contract.base import ViolationOut
from desktop_app.documents.output import DocumentError
from desktop_app.domain.faults import EnvironmentFault
from desktop_app.export.atomic import ExportError
from desktop_app.launch.cache_opening import CacheOpenError
from desktop_app.sync import feed_check
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.documents import DocumentIntegrityError
from desktop_app.sync.feed_check import FeedStalledError
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.pages import InvalidPageError, parse_page
from pydantic import ValidationError

# Words that are the same in both languages (or names): allowed on both sides.
SHARED = {"server", "cache", "http", "json", "support", "details", "bundle", "position",
          "orderdesk", "status", "uhr", "moment", "localhost"}
# Short, frequent words that give a language away (never identifiers of ours).
ENGLISH_WORDS = {"the", "and", "not", "could", "is", "are", "please", "again", "try", "field",
                 "fields", "invalid", "error", "record", "page", "applied", "with", "from",
                 "of", "to", "cannot", "no", "has", "have", "local", "sync", "answer",
                 "response", "request", "refused", "found", "wait", "too", "many", "its",
                 "stopped", "left", "required", "should", "valid", "input", "missing",
                 "expected", "mismatch", "full", "disk", "database", "failed", "because"}
GERMAN_WORDS = {"der", "die", "das", "den", "dem", "des", "nicht", "ist", "wurde", "und",
                "bitte", "oder", "sie", "ein", "eine", "kein", "keine", "konnte", "mit", "von",
                "für", "auf", "nach", "erneut", "später", "bleibt", "feld", "felder", "seite",
                "antwort", "fehler", "versuch", "zu", "lokale", "datensatz", "ungültig"}
GERMAN_LETTERS = re.compile("[äöüÄÖÜß„‚]")
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
QUOTED = re.compile(r"„[^“]*“|“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True)
class Sample:
    fault: EnvironmentFault
    # The lower layer's own words: must be in `technical`, in neither message.
    hostile: tuple[str, ...] = ()
    # Names and identifiers put into both messages (hosts, ids, paths, field names, titles).
    neutral: tuple[str, ...] = ()


DRIVER = "(sqlite3.OperationalError) database or disk is full"
PYDANTIC_WORDS = ("Field required", "Input should be")
SERVER_TITLE, SERVER_DETAIL = "Conflict", "The cart was changed by someone else meanwhile."
HOST = "orders.example.com"


def _validation_error(raw: bytes) -> ValidationError:
    try:
        MeOut.model_validate_json(raw)
    except ValidationError as error:
        return error
    raise AssertionError("valid")


def _page_error(raw: bytes) -> InvalidPageError:
    with pytest.raises(InvalidPageError) as caught:
        parse_page(raw)
    return caught.value


def _url_error(url: str) -> api_errors.InsecureUrlError:
    with pytest.raises(api_errors.InsecureUrlError) as caught:
        check_backend_url(url)
    return caught.value


def _change(op: str, data: object, record_id: str = "o-1", kind: str = "order") -> bytes:
    return json.dumps({"changes": [{"seq": 1, "kind": kind, "op": op, "id": record_id,
                                    "data": data}],
                       "next_cursor": "1.1", "has_more": False}).encode()


def _api() -> Iterator[Sample]:
    yield Sample(api_errors.NotAuthenticatedError())
    yield Sample(api_errors.NotAuthenticatedError.login_refused())
    yield Sample(api_errors.NotAuthenticatedError.credentials_missing())
    yield Sample(api_errors.OfflineError(HOST), neutral=(HOST,))
    yield Sample(api_errors.OfflineError(HOST, timed_out=True), neutral=(HOST,))
    for status, title in ((500, "Internal Server Error"), (503, "Service Unavailable"),
                          (429, "Too Many Requests"), (302, "Found"), (None, None)):
        yield Sample(api_errors.ServerError(status, title),
                     hostile=(title,) if title else ())
    for seconds in (None, 0, 1, 30, 89, 120, 3600):
        yield Sample(api_errors.LoginThrottledError(seconds))
    yield Sample(api_errors.LoginThrottledError.from_header(
        "Wed, 21 Oct 2026 07:28:00 GMT", now=datetime(2026, 10, 21, 7, 27, tzinfo=UTC)))
    violation = ViolationOut(code="PRODUCT_UNKNOWN", field="items[0].product_code",
                             message_de="Das Produkt „x-1“ gibt es im Katalog nicht.",
                             message_en="The product “x-1” is not in the catalog.")
    yield Sample(api_errors.RuleViolationError([violation]), neutral=("x-1",))
    yield Sample(api_errors.RuleViolationError([]))
    yield Sample(api_errors.InvalidResponseError("document d-1: sha256 mismatch"),
                 hostile=("sha256 mismatch",))
    yield Sample(api_errors.InvalidResponseError.from_validation(
        _validation_error(b'{"user_id": "u-1"}'), "GET /api/v1/me"),
        hostile=PYDANTIC_WORDS[:1], neutral=("api", "me", "tenant", "username", "role",
                                             "display_name", "email"))
    yield Sample(api_errors.InvalidResponseError.from_validation(
        _validation_error(b"<html>captive portal</html>"), "GET /api/v1/me"),
        hostile=("Invalid JSON",), neutral=("api", "me"))
    yield Sample(api_errors.NotFoundError("Order o-1 was not found"),
                 hostile=("Order o-1 was not found",))
    yield Sample(api_errors.CursorGoneError())
    for status in (400, 403, 409, 412, 418):
        yield Sample(api_errors.BadRequestError(status, SERVER_TITLE, SERVER_DETAIL),
                     hostile=(SERVER_DETAIL,))
    yield Sample(api_errors.BadRequestError(422, "Invalid request", "body.items, body.quantity"),
                 hostile=("Invalid request",), neutral=("body", "items", "quantity"))
    for url in ("ftp://orders.example.com", "https://user:pw@orders.example.com",
                "https://orders.example.com/?x=1", "http://orders.example.com", "https://:x"):
        yield Sample(_url_error(url), neutral=("orders", "example", "com", "ftp", "https",
                                               "http", "pw", "user"))
    yield Sample(api_errors.TlsError(HOST, custom_ca=True), neutral=(HOST,))
    yield Sample(api_errors.TlsError(HOST, custom_ca=False), neutral=(HOST,))


def _limits() -> Iterator[Sample]:
    """H7's bounds and deadlines (desktop_app/api/limits.py)."""
    subject = "GET /api/v1/changes"
    yield Sample(limits.ResponseTooLargeError(subject, 4 * limits.MIB))
    yield Sample(limits.TooManyRecordsError(subject, 63_900, 500))
    yield Sample(limits.DeadlineError(HOST, 2.5), neutral=(HOST,))
    yield Sample(limits.CallAborted())


def _cache_and_files() -> Iterator[Sample]:
    yield Sample(CacheError(DRIVER), hostile=(DRIVER,))
    yield Sample(CacheError("(sqlite3.DatabaseError) file is not a database"),
                 hostile=("file is not a database",))
    yield Sample(CacheWriteError(f"could not apply the change page: {DRIVER}"),
                 hostile=("could not apply the change page", DRIVER))
    yield Sample(CacheWriteError("could not swap in the rebuilt cache: [WinError 32] The "
                                 "process cannot access the file"),
                 hostile=("could not swap in", "The process cannot access the file"))
    folder = Path("/home/clerk/.local/share/OrderDesk")
    neutral = ("home", "clerk", "local", "share", "OrderDesk")
    for disk_full in (True, False):
        yield Sample(CacheOpenError(folder, DRIVER, disk_full=disk_full), hostile=(DRIVER,),
                     neutral=neutral)
    target = Path("/home/clerk/export/orders.xlsx")
    for code in (errno.EACCES, errno.ENOSPC, errno.ENOENT, errno.EROFS, errno.EIO,
                 errno.EBUSY, 0):
        os_error = OSError(code, "Some English system text") if code else OSError("boom")
        for fault in (ExportError.not_written(target, os_error),
                      DocumentError.not_written(target, os_error)):
            yield Sample(fault, hostile=("Some English system text",) if code else ("boom",),
                         neutral=("home", "clerk", "export", "orders", "xlsx"))
    yield Sample(DocumentError.device_refused(), hostile=("QPainter",))
    yield Sample(DocumentIntegrityError("Auftragseingangsbestätigung",
                                        "Order receipt confirmation"),
                 neutral=("Auftragseingangsbestätigung", "Order receipt confirmation"))


def _pages() -> Iterator[Sample]:
    yield Sample(_page_error(b'{"changes": [{"seq": 1, '), hostile=("EOF while parsing",))
    yield Sample(_page_error(b'{"changes": "many", "next_cursor": "1.1", "has_more": false}'),
                 hostile=("Input should be a valid",), neutral=("changes",))
    yield Sample(_page_error(b'{"changes": [], "has_more": false}'),
                 hostile=("Field required",), neutral=("next_cursor",))
    yield Sample(_page_error(_change("upsert", {"id": "o-1"})), hostile=("Field required",),
                 neutral=("o-1",))
    yield Sample(_page_error(_change("upsert", None, kind="customer")),
                 hostile=("an upsert without its record",), neutral=("o-1", "data"))
    cursors = "asked since '7.300', got next_cursor '7.200'"
    for problem in (feed_check.BACKWARDS, feed_check.STANDING, feed_check.OTHER_EPOCH,
                    feed_check.UNREADABLE, feed_check.OUT_OF_RANGE, feed_check.NOT_SHRINKING):
        stalled = FeedStalledError(problem, technical=cursors)
        yield Sample(stalled, hostile=("7.300", "7.200", "asked since"))
        yield Sample(stalled.retried_at(datetime(2026, 3, 2, 14, 31)),
                     hostile=("7.300", "7.200"))


SAMPLES: list[Callable[[], Iterator[Sample]]] = [_api, _limits, _cache_and_files, _pages]
# Bases only ever raised through a subclass.
ABSTRACT: set[type[EnvironmentFault]] = {api_errors.ApiError}


def _all_samples() -> list[Sample]:
    return [sample for make in SAMPLES for sample in make()]


def _import_client_modules() -> None:
    """Every module of the client, so that every error type is defined (the reference
    server's are not the clerk's; migration scripts run on import)."""
    for module in pkgutil.walk_packages(desktop_app.__path__, "desktop_app."):
        name = module.name
        if name.startswith("desktop_app.server") or ".migrations" in name or name.endswith(
                "__main__"):
            continue
        importlib.import_module(name)


def _subclasses(base: type[EnvironmentFault]) -> set[type[EnvironmentFault]]:
    found: set[type[EnvironmentFault]] = set()
    for sub in base.__subclasses__():
        found |= {sub} | _subclasses(sub)
    return found


def test_every_error_type_is_walked() -> None:
    _import_client_modules()
    walked = {type(sample.fault) for sample in _all_samples()}
    missing = {cls for cls in _subclasses(EnvironmentFault) - ABSTRACT - walked
               if cls.__module__.startswith("desktop_app.")
               and not cls.__module__.startswith("desktop_app.server")}
    assert not missing, f"add samples for {sorted(c.__qualname__ for c in missing)}"


def _without_names(text: str, neutral: tuple[str, ...]) -> str:
    """`text` without the sample's names and without quoted names („…“, “…”)."""
    for name in sorted(neutral, key=len, reverse=True):
        text = text.replace(name, " ")
    return QUOTED.sub(" ", text)


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


@pytest.mark.parametrize("sample", _all_samples(),
                         ids=lambda s: f"{type(s.fault).__name__}:{s.fault.message('en')[:40]}")
def test_each_message_is_in_one_language(sample: Sample) -> None:
    german, english = sample.fault.message("de"), sample.fault.message("en")
    assert german and english and german != english
    for words in sample.hostile:
        assert words not in german and words not in english, words
        assert words in sample.fault.technical, f"{words!r} is not in the log either"
    german_text = _without_names(german, sample.neutral)
    english_text = _without_names(english, sample.neutral)
    german_words, english_words = _words(german_text), _words(english_text)
    assert not german_words & ENGLISH_WORDS, german
    assert not english_words & GERMAN_WORDS, english
    assert not GERMAN_LETTERS.search(english_text), english
    # No longer word of one message reappears in the other (a part carried over whole).
    carried = {word for word in english_words & german_words
               if len(word) >= 4} - SHARED
    assert not carried, (carried, german, english)


def test_the_stored_sync_error_is_the_german_message(tmp_path: Path) -> None:
    """The cache's sync state keeps the clerk's German text, never the English one plus the
    driver's words (before: "Lokaler Zwischenspeicher: The local cache could not …")."""
    class FullDisk:
        def changes_raw(self, since: str | None, limit: int, wait: float = 0) -> bytes:
            raise CacheWriteError(f"could not apply the change page: {DRIVER}")

    cache = LiveCache(tmp_path / "cache.sqlite3")
    try:
        with pytest.raises(CacheWriteError) as caught:
            ChangeSync(FullDisk(), cache).run()
        with cache.store.session() as session:
            stored = sync_state(session).last_error
    finally:
        cache.close()
    assert stored == caught.value.message("de")
    assert DRIVER not in (stored or "")

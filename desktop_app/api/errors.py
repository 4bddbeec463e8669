"""Typed failures of the API layer, each with a message a clerk can read (German and English).

Messages never carry tokens, passwords or raw response bodies: only status codes, host names,
request paths and the paths of fields that failed validation. Each message is wholly German
or wholly English: what the server or pydantic says in its own words (problem titles and
details, validation texts; English) goes to `technical`, i.e. the log, never into a message.
"""

import math
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from pydantic import ValidationError

from desktop_app.contract.base import ViolationOut
from desktop_app.domain.faults import EnvironmentFault, Language

__all__ = [
    "ApiError", "BadRequestError", "CursorGoneError", "InsecureUrlError", "InvalidResponseError",
    "Language", "LoginThrottledError", "NotAuthenticatedError", "NotFoundError", "OfflineError",
    "RuleViolationError", "ServerError", "TlsError", "retry_after_seconds",
]


class ApiError(EnvironmentFault):
    """Base of every error the API layer raises; `message()` is what the clerk sees."""


class NotAuthenticatedError(ApiError):
    """The session is over (401 after one refresh attempt) or the login was refused."""

    def __init__(self, message_de: str = "Sie sind nicht mehr angemeldet. Bitte melden Sie "
                                         "sich erneut an.",
                 message_en: str = "You are no longer logged in. Please log in again.") -> None:
        super().__init__(message_de, message_en)

    @classmethod
    def login_refused(cls) -> "NotAuthenticatedError":
        return cls("Benutzername oder Passwort falsch.", "Wrong user name or password.")

    @classmethod
    def credentials_missing(cls) -> "NotAuthenticatedError":
        return cls("Bitte Benutzername und Passwort eingeben.",
                   "Please enter your user name and password.")


class OfflineError(ApiError):
    """The server could not be reached or did not answer in time."""

    def __init__(self, host: str, *, timed_out: bool = False) -> None:
        if timed_out:
            super().__init__(
                f"Der Server ({host}) antwortet nicht rechtzeitig. Bitte versuchen Sie es "
                "später erneut; zwischengespeicherte Aufträge bleiben lesbar.",
                f"The server ({host}) did not answer in time. Please try again later; "
                "cached orders stay readable.")
        else:
            super().__init__(
                f"Der Server ist nicht erreichbar ({host}). Bitte prüfen Sie die "
                "Netzwerkverbindung; zwischengespeicherte Aufträge bleiben lesbar.",
                f"The server cannot be reached ({host}). Please check the network "
                "connection; cached orders stay readable.")
        self.host = host
        self.timed_out = timed_out


class ServerError(ApiError):
    """5xx, an exhausted 429, or any status the contract does not expect; the server's
    problem title goes to the log."""

    def __init__(self, status: int | None, title: str | None = None) -> None:
        code = f" (HTTP {status})" if status is not None else ""
        if status == 429 or (status is not None and status in (502, 503, 504)):
            de = f"Der Server ist derzeit überlastet oder nicht verfügbar{code}. Bitte " \
                 "versuchen Sie es in einigen Minuten erneut."
            en = f"The server is overloaded or unavailable{code}. Please try again in a " \
                 "few minutes."
        else:
            de = f"Der Server hat einen Fehler gemeldet{code}. Bitte versuchen Sie es " \
                 "später erneut oder wenden Sie sich an den Support."
            en = f"The server reported an error{code}. Please try again later or contact " \
                 "support."
        super().__init__(de, en, technical=f"problem title: {title}" if title else "")
        self.status = status
        self.title = title


def retry_after_seconds(value: str | None, now: datetime | None = None) -> int | None:
    """Whole seconds from a Retry-After header (delta-seconds or an HTTP date; rounded up);
    None when absent or unreadable."""
    text = (value or "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0, math.ceil((moment - (now or datetime.now(UTC))).total_seconds()))


def _wait_words(seconds: int) -> tuple[str, str]:
    """"30 Sekunden" / "30 seconds"; from 90 seconds on in whole minutes (rounded up)."""
    if seconds < 90:
        return (f"{seconds} Sekunde" if seconds == 1 else f"{seconds} Sekunden",
                f"{seconds} second" if seconds == 1 else f"{seconds} seconds")
    minutes = math.ceil(seconds / 60)
    return f"{minutes} Minuten", f"{minutes} minutes"


class LoginThrottledError(ApiError):
    """429 on login: too many attempts for this user name or from this computer; the backend
    says in Retry-After how long to wait."""

    def __init__(self, retry_after: int | None) -> None:
        if retry_after is None or retry_after <= 0:
            de_wait, en_wait = "Bitte warten Sie einen Moment", "Please wait a moment"
        else:
            seconds_de, seconds_en = _wait_words(retry_after)
            de_wait, en_wait = f"Bitte warten Sie {seconds_de}", f"Please wait {seconds_en}"
        super().__init__(
            f"Zu viele Anmeldeversuche. {de_wait} und versuchen Sie es dann erneut.",
            f"Too many login attempts. {en_wait}, then try again.",
            technical=f"HTTP 429, Retry-After: {retry_after}")
        self.retry_after = retry_after

    @classmethod
    def from_header(cls, retry_after: str | None,
                    now: datetime | None = None) -> "LoginThrottledError":
        return cls(retry_after_seconds(retry_after, now))


class RuleViolationError(ApiError):
    """422 with the broken business rules; each violation carries its code and messages."""

    def __init__(self, violations: Sequence[ViolationOut]) -> None:
        self.violations: list[ViolationOut] = list(violations)
        de = " ".join(v.message_de for v in self.violations) or "Die Eingaben verletzen " \
            "Geschäftsregeln."
        en = " ".join(v.message_en for v in self.violations) or "The input breaks business " \
            "rules."
        super().__init__(de, en)

    @property
    def codes(self) -> list[str]:
        return [v.code for v in self.violations]


class InvalidResponseError(ApiError):
    """The response does not match the contract (not JSON, missing or wrong fields).

    `what` (the client's or pydantic's words) goes to the log; the message names the request
    (`subject`, e.g. "GET /api/v1/me") and the failing field paths (`fields`), identifiers
    that read the same in both languages."""

    def __init__(self, what: str, *, subject: str = "", fields: Sequence[str] = (),
                 not_json: bool = False) -> None:
        where = f" ({subject})" if subject else ""
        names = ", ".join(fields)
        if not_json:
            de = f"Die Antwort des Servers{where} ist kein gültiges JSON."
            en = f"The server's response{where} is not valid JSON."
        else:
            de = f"Die Antwort des Servers ist ungültig{where}" + (
                f": Feld {names}." if len(fields) == 1 else
                f": Felder {names}." if fields else ".")
            en = f"The server's response is invalid{where}" + (
                f": field {names}." if len(fields) == 1 else
                f": fields {names}." if fields else ".")
        super().__init__(de, en, technical=what)
        self.what, self.subject, self.fields = what, subject, list(fields)

    @classmethod
    def from_validation(cls, error: ValidationError, subject: str) -> "InvalidResponseError":
        """Names the failing field paths, never the offending input values."""
        fields: list[str] = []
        problems: list[str] = []
        for item in error.errors(include_input=False, include_url=False)[:5]:
            if item["type"] == "json_invalid":
                return cls(f"not valid JSON: {item['msg']}", subject=subject, not_json=True)
            location = ".".join(str(part) for part in item["loc"]) or "(root)"
            fields.append(location)
            problems.append(f"{location}: {item['msg']}")
        more = error.error_count() - len(fields)
        if more > 0:
            fields.append(f"+{more}")
        return cls("; ".join(problems), subject=subject, fields=fields)


class NotFoundError(ApiError):
    """404; the server's detail (its own words) goes to the log."""

    def __init__(self, what: str = "") -> None:
        super().__init__("Der Datensatz wurde nicht gefunden oder ist nicht sichtbar.",
                         "The record was not found or is not visible.", technical=what)


class CursorGoneError(ApiError):
    """410 on the change feed: the cursor is too old, a full resync is needed."""

    def __init__(self) -> None:
        super().__init__("Der lokale Stand ist zu alt; die Daten werden vollständig neu "
                         "geladen.",
                         "The local copy is too old; all data will be loaded again.")


# A detail that only lists field paths ("body.items, body.customer_id"): the client's own
# summary of a request validation problem, identifiers that can stay in the message.
_FIELD_LIST = re.compile(r"[\w\[\]-]+(?:\.[\w\[\]-]+)*(?:, [\w\[\]-]+(?:\.[\w\[\]-]+)*)*",
                         re.ASCII)
# What a refusal means for the clerk, by status; any other 4xx gets the general sentence.
_REFUSALS: dict[int, tuple[str, str]] = {
    403: ("Dafür fehlt Ihnen die Berechtigung.", "You are not allowed to do this."),
    409: ("Der Datensatz wurde inzwischen geändert oder ist in einem anderen Zustand. Bitte "
          "laden Sie ihn neu.",
          "The record was changed meanwhile or is in another state. Please reload it."),
    412: ("Der Datensatz wurde inzwischen geändert. Bitte laden Sie ihn neu.",
          "The record was changed meanwhile. Please reload it."),
}


class BadRequestError(ApiError):
    """Any other 4xx. The server's problem title and detail (its own words) go to the log;
    a detail that only names fields stays in the message."""

    def __init__(self, status: int, title: str, detail: str | None = None) -> None:
        fields = detail if detail and _FIELD_LIST.fullmatch(detail) else None
        de, en = _REFUSALS.get(status, ("", ""))
        de = f"Der Server hat die Anfrage abgelehnt (HTTP {status}). {de}".rstrip()
        en = f"The server refused the request (HTTP {status}). {en}".rstrip()
        if fields:
            de, en = f"{de} Betroffene Felder: {fields}.", f"{en} Fields concerned: {fields}."
        super().__init__(de, en, technical=f"{title}: {detail}" if detail else title)
        self.status = status
        self.title = title
        self.detail = detail


class InsecureUrlError(ApiError):
    """A backend URL the client refuses to talk to."""

    def __init__(self, shown_url: str, reason_de: str, reason_en: str) -> None:
        super().__init__(f"Die Serveradresse „{shown_url}“ wird nicht verwendet: {reason_de}",
                         f"The server address “{shown_url}” is refused: {reason_en}")


class TlsError(ApiError):
    """The server's certificate could not be verified."""

    def __init__(self, host: str, *, custom_ca: bool) -> None:
        if custom_ca:
            de_hint = "Bitte prüfen Sie die eingestellte CA-Zertifikatsdatei (CA-Bundle)."
            en_hint = "Please check the configured CA certificate file (CA bundle)."
        else:
            de_hint = ("Verwendet Ihr Unternehmen eine eigene Zertifizierungsstelle, tragen Sie "
                       "deren CA-Zertifikatsdatei (CA-Bundle) in den Einstellungen ein.")
            en_hint = ("If your company uses its own certificate authority, set its CA "
                       "certificate file (CA bundle) in the settings.")
        super().__init__(
            f"Das Zertifikat des Servers ({host}) ist nicht vertrauenswürdig; die Verbindung "
            f"wurde abgebrochen. {de_hint}",
            f"The server's certificate ({host}) is not trusted; the connection was "
            f"refused. {en_hint}")
        self.host = host

"""Typed failures of the API layer, each with a message a clerk can read (German and English).

Messages never carry tokens, passwords or raw response bodies: only status codes, problem
titles from the server, host names and the paths of fields that failed validation.
"""

from collections.abc import Sequence

from pydantic import ValidationError

from desktop_app.contract.base import ViolationOut
from desktop_app.domain.faults import EnvironmentFault, Language

__all__ = [
    "ApiError", "BadRequestError", "CursorGoneError", "InsecureUrlError", "InvalidResponseError",
    "Language", "NotAuthenticatedError", "NotFoundError", "OfflineError", "RuleViolationError",
    "ServerError", "TlsError",
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
    """5xx, an exhausted 429, or any status the contract does not expect."""

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
        if title:
            de, en = f"{de} ({title})", f"{en} ({title})"
        super().__init__(de, en)
        self.status = status
        self.title = title


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
    """The response does not match the contract (not JSON, missing or wrong fields)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"Die Antwort des Servers ist ungültig: {what}",
                         f"The server's response is invalid: {what}")
        self.what = what

    @classmethod
    def from_validation(cls, error: ValidationError, subject: str) -> "InvalidResponseError":
        """Names the failing field paths and problems, never the offending input values."""
        parts: list[str] = []
        for item in error.errors(include_input=False, include_url=False)[:5]:
            if item["type"] == "json_invalid":
                return cls(f"{subject}: kein gültiges JSON / not valid JSON")
            location = ".".join(str(part) for part in item["loc"]) or "(root)"
            parts.append(f"{location}: {item['msg']}")
        more = error.error_count() - len(parts)
        if more > 0:
            parts.append(f"+{more}")
        return cls(f"{subject}: " + "; ".join(parts))


class NotFoundError(ApiError):
    def __init__(self, what: str = "") -> None:
        suffix = f" ({what})" if what else ""
        super().__init__(f"Der Datensatz wurde nicht gefunden oder ist nicht sichtbar{suffix}.",
                         f"The record was not found or is not visible{suffix}.")


class CursorGoneError(ApiError):
    """410 on the change feed: the cursor is too old, a full resync is needed."""

    def __init__(self) -> None:
        super().__init__("Der lokale Stand ist zu alt; die Daten werden vollständig neu "
                         "geladen.",
                         "The local copy is too old; all data will be loaded again.")


class BadRequestError(ApiError):
    """Any other 4xx; carries the problem title the server gave."""

    def __init__(self, status: int, title: str, detail: str | None = None) -> None:
        text = f"{title}: {detail}" if detail else title
        super().__init__(f"Der Server hat die Anfrage abgelehnt (HTTP {status}): {text}",
                         f"The server refused the request (HTTP {status}): {text}")
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

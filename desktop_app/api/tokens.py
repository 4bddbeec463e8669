"""Where refresh tokens live: the OS keyring, or nowhere (never a plain-text file).

keyring is imported lazily, inside the functions: importing it can be slow.
"""

import logging
from typing import Literal, Protocol

log = logging.getLogger(__name__)

SERVICE_NAME = "OrderDesk"

NO_KEYRING_DE = ("Kein Schlüsselbund verfügbar ({why}). Die Anmeldung wird daher nicht "
                 "gespeichert. Das Passwort wird bei jedem Start abgefragt.")
NO_KEYRING_EN = ("No keyring available ({why}). The login is therefore not stored; "
                 "the password is asked for at every start.")


class TokenStore(Protocol):
    """Keeps one refresh token per (backend URL, user name)."""

    def load(self, backend_url: str, username: str) -> str | None: ...

    def save(self, backend_url: str, username: str, token: str) -> None: ...

    def delete(self, backend_url: str, username: str) -> None: ...


def account_name(backend_url: str, username: str) -> str:
    return f"{backend_url}|{username}"


class KeyringTokenStore:
    """The OS keyring (Windows Credential Manager, Secret Service, macOS Keychain)."""

    def __init__(self, service: str = SERVICE_NAME) -> None:
        self.service = service

    def load(self, backend_url: str, username: str) -> str | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(self.service, account_name(backend_url, username))
        except KeyringError as error:
            log.warning("reading the keyring failed: %s", type(error).__name__)
            return None

    def save(self, backend_url: str, username: str, token: str) -> None:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(self.service, account_name(backend_url, username), token)
        except KeyringError as error:
            # Not stored means the password is asked for next time; never a file fallback.
            log.warning("writing to the keyring failed: %s", type(error).__name__)

    def delete(self, backend_url: str, username: str) -> None:
        import keyring
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            keyring.delete_password(self.service, account_name(backend_url, username))
        except PasswordDeleteError:
            pass  # nothing stored
        except KeyringError as error:
            log.warning("deleting from the keyring failed: %s", type(error).__name__)


class NoTokenStore:
    """Stores nothing: used where no keyring works; the clerk logs in at every start."""

    def load(self, backend_url: str, username: str) -> str | None:
        return None

    def save(self, backend_url: str, username: str, token: str) -> None:
        return None

    def delete(self, backend_url: str, username: str) -> None:
        return None


def keyring_status(language: Literal["de", "en"] = "de") -> tuple[bool, str]:
    """Whether a usable keyring backend exists, and a sentence a clerk can read about it."""
    template = NO_KEYRING_DE if language == "de" else NO_KEYRING_EN
    try:
        import keyring
        from keyring.backends import chainer, fail, null

        backend = keyring.get_keyring()
    except Exception as error:
        why = ("Fehler beim Laden: " if language == "de" else "failed to load: ") \
            + type(error).__name__
        return False, template.format(why=why)
    if isinstance(backend, fail.Keyring | null.Keyring):
        why = ("kein Dienst wie Secret Service gefunden" if language == "de"
               else "no service such as Secret Service found")
        return False, template.format(why=why)
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        why = ("keine nutzbare Schlüsselbund-Anbindung" if language == "de"
               else "no usable keyring backend")
        return False, template.format(why=why)
    name = getattr(backend, "name", type(backend).__name__)
    if language == "de":
        return True, f"Die Anmeldung wird im Schlüsselbund des Systems gespeichert ({name})."
    return True, f"The login is stored in the system keyring ({name})."


def choose_token_store(language: Literal["de", "en"] = "de") -> tuple[TokenStore, str]:
    """The keyring store where a keyring works, else NoTokenStore; plus the reason to show."""
    usable, reason = keyring_status(language)
    store: TokenStore = KeyringTokenStore() if usable else NoTokenStore()
    return store, reason

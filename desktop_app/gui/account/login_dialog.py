"""The login dialog: backend URL, user name, password, "remember me" through the keyring.

Layout from ui/login_dialog.ui. The login itself (`AuthSession.login`) runs through the
task manager's network lane, never on the GUI thread; failures are shown in the dialog with the API
errors' own messages. The last backend URL, user name and tenant persist in QSettings — the
password never does, and the refresh token only reaches the OS keyring ("remember me").
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QSettings, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop_app.api import (
    ApiError,
    ApiSettings,
    AuthSession,
    KeyringTokenStore,
    NotAuthenticatedError,
    NoTokenStore,
    OfflineError,
    TokenStore,
    check_backend_url,
    keyring_status,
)
from desktop_app.api.errors import Language
from desktop_app.contract.auth import MeOut
from desktop_app.gui.common import errors
from desktop_app.gui.common.forms import child, load_form
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.sync.progress import CancelToken

__all__ = [
    "API_PATH",
    "FORM",
    "LoginDialog",
    "LoginOutcome",
    "LoginResult",
    "PendingLogin",
    "SavedLogin",
    "api_url",
]

log = logging.getLogger(__name__)

FORM = "login_dialog.ui"
API_PATH = "/api/v1"
KEY_URL, KEY_USER = "login/backend_url", "login/username"
KEY_TENANT, KEY_USER_ID = "login/tenant_id", "login/user_id"
KEY_REMEMBER = "login/remember"
PREFERRED_WIDTH = 460

SettingsFactory = Callable[[str], ApiSettings]


class LoginOutcome(IntEnum):
    """`exec()` results beyond Accepted (logged in) and Rejected (cancelled)."""

    DEMO = 2  # "Use the demo instead"
    OFFLINE = 3  # "Work offline with cached data" after the server could not be reached


class PendingLogin:
    """The password typed before choosing to work offline, kept in memory only (never in
    settings, keyring or logs) and used once, when the backend answers again."""

    __slots__ = ("_password", "remember", "username")

    def __init__(self, username: str, password: str, remember: bool) -> None:
        self.username, self._password, self.remember = username, password, remember

    def __repr__(self) -> str:  # never shows the password
        return f"PendingLogin(user={self.username!r})"

    @property
    def password(self) -> str:
        return self._password

    def forget(self) -> None:
        self._password = ""


@dataclass(frozen=True)
class LoginResult:
    auth: AuthSession
    me: MeOut


@dataclass(frozen=True)
class SavedLogin:
    """What QSettings remembers of the last login (never a password or token)."""

    backend_url: str
    username: str
    tenant_id: str
    user_id: str

    @classmethod
    def load(cls, settings: QSettings) -> "SavedLogin":
        def text(key: str) -> str:
            value = settings.value(key, "")
            return value if isinstance(value, str) else ""

        return cls(text(KEY_URL), text(KEY_USER), text(KEY_TENANT), text(KEY_USER_ID))

    def save(self, settings: QSettings) -> None:
        settings.setValue(KEY_URL, self.backend_url)
        settings.setValue(KEY_USER, self.username)
        settings.setValue(KEY_TENANT, self.tenant_id)
        settings.setValue(KEY_USER_ID, self.user_id)
        settings.sync()


def api_url(typed: str) -> str:
    """The checked API base URL: the typed address, with /api/v1 added when it is missing.

    Raises InsecureUrlError for an address the client refuses (e.g. plain http to a remote
    host).
    """
    url = check_backend_url(typed)
    return url if url.endswith(API_PATH) else url + API_PATH


class LoginDialog(QDialog):
    """Ask for the account and log in off the GUI thread; `result_login` after Accepted."""

    def __init__(
        self,
        settings: QSettings,
        language: Language,
        tasks: TaskManager,
        *,
        backend_url: str | None = None,
        make_settings: SettingsFactory = ApiSettings,
        offline_possible: Callable[[str, str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._language = settings, language
        self._make_settings = make_settings
        self._offline_possible = offline_possible
        self._tasks = tasks.group(self, Lane.NETWORK)
        self._busy = False
        self._closed = False
        self.result_login: LoginResult | None = None
        self.offline_target: tuple[str, str] | None = None  # (API URL, user) to open offline
        self.pending_login: PendingLogin | None = None  # the typed password, for later
        self._form = load_form(FORM, self)
        self.url_edit = child(self._form, QLineEdit, "urlEdit")
        self.user_edit = child(self._form, QLineEdit, "userEdit")
        self.password_edit = child(self._form, QLineEdit, "passwordEdit")
        self.remember_check = child(self._form, QCheckBox, "rememberCheck")
        self.keyring_note = child(self._form, QLabel, "keyringNote")
        self.message_label = child(self._form, QLabel, "messageLabel")
        self.busy_bar = child(self._form, QProgressBar, "busyBar")
        self.demo_hint = child(self._form, QLabel, "demoHint")
        self.demo_button = child(self._form, QPushButton, "demoButton")
        self.offline_button = child(self._form, QPushButton, "offlineButton")
        self.cancel_button = child(self._form, QPushButton, "cancelButton")
        self.login_button = child(self._form, QPushButton, "loginButton")
        self._retranslate()
        self._fill(backend_url)
        self._setup_keyring()
        self.login_button.clicked.connect(self.start_login)
        self.cancel_button.clicked.connect(self.reject)
        self.demo_button.clicked.connect(self._choose_demo)
        self.offline_button.clicked.connect(self._choose_offline)
        self.password_edit.returnPressed.connect(self.start_login)
        self._set_busy(False)
        self.offline_button.hide()
        self.message_label.hide()
        # A preferred width only: an explicit minimum would override the layout's, and
        # buttons would be squeezed below their texts (German ones are long).
        self.resize(max(PREFERRED_WIDTH, self.sizeHint().width()), self.sizeHint().height())

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("OrderDesk – log in"))
        child(self._form, QLabel, "introLabel").setText(
            self.tr("Log in to your order backend."))
        child(self._form, QLabel, "urlLabel").setText(self.tr("Backend &URL:"))
        child(self._form, QLabel, "userLabel").setText(self.tr("User &name:"))
        child(self._form, QLabel, "passwordLabel").setText(self.tr("&Password:"))
        self.url_edit.setPlaceholderText(self.tr("https://orders.example.com"))
        self.remember_check.setText(self.tr("&Remember me"))
        self.keyring_note.setText(
            self.tr("No keyring available – the password is asked at each start"))
        self.demo_hint.setText(self.tr(
            "No backend is configured yet. To look around first, start the demo: it brings "
            "its own backend with sample orders."))
        self.demo_button.setText(self.tr("Use the &demo instead"))
        self.offline_button.setText(self.tr("Work &offline with cached data"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.login_button.setText(self.tr("&Log in"))

    def _fill(self, backend_url: str | None) -> None:
        saved = SavedLogin.load(self._settings)
        first_start = not backend_url and not saved.backend_url
        self.url_edit.setText(backend_url or saved.backend_url)
        if not backend_url or _same_backend(backend_url, saved.backend_url):
            self.user_edit.setText(saved.username)
        self.demo_hint.setVisible(first_start)
        for edit in (self.url_edit, self.user_edit, self.password_edit):
            if not edit.text():
                edit.setFocus()
                break

    def _setup_keyring(self) -> None:
        usable, reason = keyring_status(self._language)
        self.keyring_usable = usable
        self.keyring_note.setVisible(not usable)
        self.remember_check.setEnabled(usable)
        self.remember_check.setToolTip(reason)
        self.keyring_note.setToolTip(reason)
        remembered = self._settings.value(KEY_REMEMBER, False)
        self.remember_check.setChecked(usable and remembered in (True, "true"))

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.url_edit, self.user_edit, self.password_edit, self.login_button,
                       self.demo_button, self.offline_button):
            widget.setEnabled(not busy)
        self.remember_check.setEnabled(not busy and self.keyring_usable)
        self.busy_bar.setVisible(busy)
        if busy:
            self.show_message(self.tr("Logging in …"), error=False)

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #b00020;" if error else "")
        self.message_label.setVisible(bool(text))
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """A message or the offline button appeared: grow to the preferred size, so that the
        fields keep their height instead of being squeezed to their minimum."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.size().expandedTo(self.sizeHint()))

    @property
    def message(self) -> str:
        return self.message_label.text() if self.message_label.isVisibleTo(self) else ""

    @Slot()
    def start_login(self) -> None:
        """Check the input, then log in on a worker thread."""
        if self._busy:
            return
        self.offline_button.hide()
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        try:
            settings = self._make_settings(api_url(self.url_edit.text()))
        except ApiError as error:
            self.show_message(error.message(self._language))
            self.url_edit.setFocus()
            return
        remember = self.remember_check.isChecked() and self.keyring_usable
        store: TokenStore = KeyringTokenStore() if remember else NoTokenStore()
        auth = AuthSession(settings, store)
        keyring_usable = self.keyring_usable

        def work(_cancel: CancelToken, _report: ProgressReport) -> LoginResult:
            me = auth.login(user, password)
            if not remember and keyring_usable:  # "remember me" off: forget any stored login
                KeyringTokenStore().delete(auth.backend_url, user)
            return LoginResult(auth, me)

        self._set_busy(True)
        (Operation(work, name="login").on_success(self._logged_in)
         .on_failure(self._login_failed).run_in(self._tasks))

    @Slot(object)
    def _logged_in(self, result: LoginResult) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        if self._closed:
            result.auth.transport.close()  # cancelled meanwhile
            return
        SavedLogin(result.auth.backend_url, result.me.username, result.me.tenant.id,
                   result.me.user_id).save(self._settings)
        self._settings.setValue(KEY_REMEMBER, self.remember_check.isChecked())
        self.result_login = result
        self.accept()  # sets _closed; the result is already kept

    @Slot(object)
    def _login_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        # A refusal or an unreachable server in the dialog; a bug in the crash dialog.
        errors.report(error, self, lambda text, _kind: self.show_message(text), context="login",
                      language=self._language)
        if isinstance(error, NotAuthenticatedError):
            self.password_edit.selectAll()
            self.password_edit.setFocus()
        elif isinstance(error, OfflineError):
            self._offer_offline()

    def _offer_offline(self) -> None:
        if self._offline_possible is None:
            return
        try:
            url = api_url(self.url_edit.text())
        except ApiError:
            return
        user = self.user_edit.text().strip()
        if user and self._offline_possible(url, user):
            self.offline_target = (url, user)
            self.offline_button.show()
            self._grow_to_fit()

    @Slot()
    def _choose_demo(self) -> None:
        self.done(LoginOutcome.DEMO)

    @Slot()
    def _choose_offline(self) -> None:
        target, password = self.offline_target, self.password_edit.text()
        if target is not None and password:
            remember = self.remember_check.isChecked() and self.keyring_usable
            self.pending_login = PendingLogin(target[1], password, remember)
        self.password_edit.clear()
        self.done(LoginOutcome.OFFLINE)

    def done(self, code: int) -> None:
        """Close; a login still running is waited for (bounded by its timeouts)."""
        self._closed = True
        self._tasks.cancel_all()
        super().done(code)

    def shutdown(self) -> bool:
        """Wait for the login thread; call before the dialog is dropped."""
        return self._tasks.shutdown()


def _same_backend(first: str, second: str) -> bool:
    def norm(url: str) -> str:
        try:
            return api_url(url).lower()
        except ApiError:
            return url.strip().rstrip("/").lower()

    return bool(second) and norm(first) == norm(second)

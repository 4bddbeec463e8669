"""Real use: `orderdesk --backend URL` and plain `orderdesk` (login, resume, offline start).

`--backend URL` with a refresh token in the keyring for (URL, last user) resumes that login
without asking; otherwise, and for plain `orderdesk`, the login dialog asks (prefilled with the
URL, or the last backend and user; with nothing configured it offers the demo). When the
backend cannot be reached and a cache exists for (URL, last user, last tenant), the window
opens on that cache, offline, and the sync retries by itself.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_app.api import (
    ApiClient,
    ApiError,
    ApiSettings,
    AuthSession,
    KeyringTokenStore,
    NotAuthenticatedError,
    NoTokenStore,
    OfflineError,
    TokenStore,
    choose_token_store,
)
from desktop_app.api.errors import Language
from desktop_app.cache.paths import cache_file, caches_root
from desktop_app.contract.auth import MeOut
from desktop_app.gui.account.login_dialog import (
    LoginDialog,
    LoginOutcome,
    PendingLogin,
    SavedLogin,
    SettingsFactory,
    api_url,
)
from desktop_app.gui.common.single_instance import InstanceGuard, account_key
from desktop_app.gui.common.tasks import Lane, Operation, ProgressReport, TaskManager
from desktop_app.launch.cache_opening import CacheOpenError
from desktop_app.launch.runtime import Runtime
from desktop_app.launch.workspace import Workspace, use_language
from desktop_app.sync.progress import CancelToken

__all__ = ["DEMO", "RUNNING", "ResumingAuthSession", "run_account", "start_account"]

log = logging.getLogger(__name__)

T = TypeVar("T")
DEMO: Literal["demo"] = "demo"
RUNNING: Literal["running"] = "running"  # another OrderDesk runs the account: shown instead
EXIT_CANCELLED = 1
EXIT_CACHE_UNUSABLE = 3
AskLogin = Callable[[LoginDialog], int]


class ResumingAuthSession(AuthSession):
    """An AuthSession that gets its access token on first use: the sync's retries sign in by
    themselves. With a refresh token (a resume that met an unreachable server) it refreshes;
    with the password typed before an offline start (`pending`) it logs in, once the backend
    answers, and forgets the password after that one use."""

    def __init__(self, settings: ApiSettings, store: TokenStore,
                 pending: PendingLogin | None = None) -> None:
        super().__init__(settings, store)
        self._pending = pending
        self._pending_lock = threading.Lock()

    def access_token(self) -> str:
        try:
            return super().access_token()
        except NotAuthenticatedError:
            if self.username is None:
                self._log_in_pending()
                return super().access_token()
            self.refresh()  # OfflineError while the server stays unreachable
            return super().access_token()

    def _log_in_pending(self) -> None:
        with self._pending_lock:  # several workers may ask at once: one login
            if self.signed_in:
                return
            pending = self._pending
            if pending is None or not pending.password:
                raise NotAuthenticatedError()
            try:
                self.login(pending.username, pending.password)
            except OfflineError:
                raise  # still unreachable: kept for the next attempt
            except BaseException:
                pending.forget()  # refused (or worse): the clerk logs in again
                self._pending = None
                raise
            pending.forget()
            self._pending = None
            log.info("signed in with the password typed before the offline start")


def off_gui_thread(tasks: TaskManager, work: Callable[[], T]) -> T:
    """Run `work` on the network lane while the GUI thread keeps processing events (a local
    event loop: the start-up has nothing to show until it is done)."""
    loop = QEventLoop()
    outcome: list[object] = []
    group = tasks.group(None, Lane.NETWORK)

    def task(_cancel: CancelToken, _report: ProgressReport) -> T:
        return work()

    def ended(value: object) -> None:
        outcome.append(value)
        loop.quit()

    Operation(task, name="start-up").on_success(ended).on_failure(ended).run_in(group)
    loop.exec()
    group.deleteLater()
    value = outcome[0]
    if isinstance(value, BaseException):
        raise value
    return value  # type: ignore[return-value]  # what `work` returned


@dataclass(frozen=True)
class StartOptions:
    """What tests and special set-ups change: cache folder, API settings, the dialog runner."""

    caches_root: Path | None = None
    make_settings: SettingsFactory = ApiSettings
    ask: AskLogin = LoginDialog.exec


def _cache_path(url: str, saved: SavedLogin, username: str, root: Path | None) -> Path | None:
    """The cache of (url, username) if one exists for the last tenant of that account."""
    if not saved.tenant_id or saved.username != username:
        return None
    if api_url(saved.backend_url).lower() != url.lower():
        return None
    path = cache_file(url, saved.tenant_id, username, root=root)
    return path if path.is_file() else None


def _claim(backend_url: str, username: str, options: StartOptions) -> InstanceGuard | None:
    """This process runs the account; None when another one does (its window is asked to
    come to the front): then nothing here may touch the account's login or cache."""
    root = options.caches_root if options.caches_root is not None else caches_root()
    guard = InstanceGuard(account_key(backend_url, username), root)
    if guard.acquire():
        return guard
    guard.show_running()
    guard.deleteLater()
    return None


def _with_guard(guard: InstanceGuard, open_workspace: Callable[[], Workspace]) -> Workspace:
    try:
        workspace = open_workspace()
    except BaseException:
        guard.release()
        raise
    workspace.hold(guard)
    return workspace


def _online(auth: AuthSession, me: MeOut, settings: QSettings, language: Language,
            tasks: TaskManager, options: StartOptions,
            guard: InstanceGuard | None = None) -> Workspace | Literal["running"]:
    guard = guard or _claim(auth.backend_url, me.username, options)
    if guard is None:
        auth.transport.close()
        return RUNNING
    SavedLogin(auth.backend_url, me.username, me.tenant.id, me.user_id).save(settings)
    client = ApiClient(auth.settings, auth)
    path = cache_file(auth.backend_url, me.tenant.id, me.username, root=options.caches_root)

    def open_workspace() -> Workspace:
        workspace = Workspace.open(client, path, settings, language, tasks, me.user_id,
                                   me.tenant.id)
        offer_new_login(workspace, me.username, me.tenant.id, settings, language, tasks,
                        options)
        return workspace

    return _with_guard(guard, open_workspace)


def _offline(auth: AuthSession, path: Path, saved: SavedLogin, settings: QSettings,
             language: Language, error: OfflineError, tasks: TaskManager,
             options: StartOptions, guard: InstanceGuard) -> Workspace:
    def open_workspace() -> Workspace:
        workspace = Workspace.open(ApiClient(auth.settings, auth), path, settings, language,
                                   tasks, saved.user_id or None, saved.tenant_id or None)
        workspace.sync.mark_offline(error.message(language))
        offer_new_login(workspace, saved.username, saved.tenant_id, settings, language, tasks,
                        options)
        return workspace

    return _with_guard(guard, open_workspace)


def offer_new_login(workspace: Workspace, username: str, tenant_id: str, settings: QSettings,
                    language: Language, tasks: TaskManager, options: StartOptions) -> None:
    """When the backend wants a new login (no stored token, or the session was revoked),
    File → Log in again… asks for the password of the same account and the sync goes on;
    another account needs a restart, since the window shows this account's cache."""
    window, auth = workspace.window, workspace.client.auth

    def log_in_again() -> None:
        dialog = LoginDialog(settings, language, tasks, backend_url=auth.backend_url,
                             make_settings=options.make_settings, parent=window)
        dialog.user_edit.setText(username)
        try:
            code = options.ask(dialog)
            dialog.shutdown()
            result = dialog.result_login
            if code != QDialog.DialogCode.Accepted or result is None:
                return
            if (result.me.username.casefold() != username.casefold()
                    or (tenant_id and result.me.tenant.id != tenant_id)):
                result.auth.transport.close()
                QMessageBox.warning(
                    window, QCoreApplication.translate("LogInAgain", "OrderDesk – log in again"),
                    QCoreApplication.translate(
                        "LogInAgain", "This window shows the orders of %1. To work with "
                        "another account, restart OrderDesk and log in with it.",
                    ).replace("%1", username))
                return
            auth.adopt(result.auth)
            result.auth.transport.close()
            window.set_sign_in_needed(False)
            workspace.sync.request_sync()
        finally:
            dialog.deleteLater()

    workspace.sync.signInRequired.connect(lambda: window.set_sign_in_needed(True))
    window.window_actions.sign_in.triggered.connect(log_in_again)


def _offline_from_dialog(url: str, user: str, path: Path, saved: SavedLogin,
                         settings: QSettings, language: Language, tasks: TaskManager,
                         options: StartOptions,
                         pending: PendingLogin | None) -> Workspace | Literal["running"]:
    """The clerk chose to work offline: a stored login, if any, is taken up so that the sync
    signs in by itself once the server answers; else the password just typed (`pending`,
    in memory only) signs in then; without either the sync asks to log in again."""
    store = choose_token_store(language)[0]
    if not store.load(options.make_settings(url).base_url, user) and pending is not None:
        # A login from the typed password keeps its token only if "remember me" was on.
        store = KeyringTokenStore() if pending.remember else NoTokenStore()
    auth = ResumingAuthSession(options.make_settings(url), store, pending)
    guard = _claim(auth.backend_url, user, options)
    if guard is None:
        auth.transport.close()
        return RUNNING
    error = OfflineError(auth.settings.host)
    if auth.store.load(auth.backend_url, user):
        try:
            off_gui_thread(tasks, lambda: auth.resume(user))
        except OfflineError as offline:
            error = offline
        except ApiError as other:
            log.warning("resuming the stored login failed: %s", type(other).__name__)
    return _offline(auth, path, saved, settings, language, error, tasks, options, guard)


def _resume(url: str, username: str, settings: QSettings, language: Language,
            tasks: TaskManager,
            options: StartOptions) -> Workspace | Literal["running"] | None:
    """Resume a stored login without asking; None when there is none (or it is unusable).
    RUNNING, before the stored refresh token is used, when another OrderDesk runs the
    account: its refresh would make the backend revoke the login of both."""
    store: TokenStore = choose_token_store(language)[0]
    try:
        auth = ResumingAuthSession(options.make_settings(url), store)
    except (ApiError, ValueError):
        return None
    guard = _claim(auth.backend_url, username, options)
    if guard is None:
        auth.transport.close()
        return RUNNING
    resumed = _resume_claimed(auth, store, username, settings, language, tasks, options, guard)
    if resumed is None:
        guard.release()
        guard.deleteLater()
    return resumed


def _resume_claimed(auth: "ResumingAuthSession", store: TokenStore, username: str,
                    settings: QSettings, language: Language, tasks: TaskManager,
                    options: StartOptions, guard: InstanceGuard) -> Workspace | None:
    if not store.load(auth.backend_url, username):
        return None
    saved = SavedLogin.load(settings)

    def work() -> MeOut | None:
        if not auth.resume(username):
            return None
        return ApiClient(auth.settings, auth).me()

    try:
        me = off_gui_thread(tasks, work)
    except OfflineError as error:
        path = _cache_path(auth.backend_url, saved, username, options.caches_root)
        if path is None:
            auth.transport.close()
            return None  # nothing to review offline: the dialog shows the problem on login
        return _offline(auth, path, saved, settings, language, error, tasks, options, guard)
    except ApiError as error:
        log.warning("resuming the stored login failed: %s", type(error).__name__)
        auth.transport.close()
        return None
    if me is None:
        auth.transport.close()
        return None
    workspace = _online(auth, me, settings, language, tasks, options, guard)
    assert isinstance(workspace, Workspace)  # the guard was held: never RUNNING
    return workspace


def start_account(settings: QSettings, language: Language, tasks: TaskManager,
                  backend: str | None = None,
                  options: StartOptions | None = None,
                  ) -> Workspace | Literal["demo", "running"] | None:
    """The workspace to show, DEMO when the clerk chose the demo, RUNNING when another
    OrderDesk runs the account (its window was brought to the front), or None (cancelled)."""
    options = options or StartOptions()
    saved = SavedLogin.load(settings)
    if backend and saved.username:
        try:
            url = api_url(backend)
        except ApiError:
            url = ""
        if url:
            resumed = _resume(url, saved.username, settings, language, tasks, options)
            if resumed is not None:
                return resumed

    def offline_possible(url: str, user: str) -> bool:
        return _cache_path(url, saved, user, options.caches_root) is not None

    dialog = LoginDialog(settings, language, tasks, backend_url=backend,
                         make_settings=options.make_settings, offline_possible=offline_possible)
    try:
        code = options.ask(dialog)
        dialog.shutdown()
        if code == LoginOutcome.DEMO:
            return DEMO
        if code == LoginOutcome.OFFLINE and dialog.offline_target is not None:
            url, user = dialog.offline_target
            path = _cache_path(url, saved, user, options.caches_root)
            if path is not None:
                return _offline_from_dialog(url, user, path, saved, settings, language,
                                            tasks, options, dialog.pending_login)
        result = dialog.result_login
        if code != QDialog.DialogCode.Accepted or result is None:
            return None
        return _online(result.auth, result.me, settings, language, tasks, options)
    finally:
        dialog.deleteLater()


def run_account(backend: str | None = None, language: str | None = None) -> int:
    runtime = Runtime.start()
    try:
        chosen = use_language(runtime.settings, language)
        try:
            started = start_account(runtime.settings, chosen, runtime.tasks, backend)
        except CacheOpenError as error:
            log.error("the cache cannot be opened: %s", error)
            QMessageBox.critical(None, QCoreApplication.translate("Start", "OrderDesk"),
                                 error.message(chosen))
            return EXIT_CACHE_UNUSABLE
        if started == RUNNING:
            return 0
        if started == DEMO:
            from desktop_app.launch.demo import run_demo_in  # the embedded server loads here

            return run_demo_in(runtime, language)
        if not isinstance(started, Workspace):
            return EXIT_CANCELLED
        runtime.describe_sync(started.describe_sync)
        try:
            started.show()
            return runtime.app.exec()
        finally:
            started.close()
    finally:
        runtime.close()

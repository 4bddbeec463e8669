"""A throttled login (429 with Retry-After) reaches the clerk as a clear message with the wait
time, in one language (issue 15, item 3: the client's side; the server's is
desktop_app/server/throttle.py)."""

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from desktop_app.api import ApiSettings, AuthSession, NotAuthenticatedError, NoTokenStore
from desktop_app.api.errors import Language, LoginThrottledError, retry_after_seconds
from desktop_app.gui.account.login_dialog import LoginDialog
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from pytestqt.qtbot import QtBot

from tests.gui.window import settings_at
from tests.keyring_fixtures import InMemoryKeyring
from tests.sync.hostile_server import Exchange, HostileServer

LOGIN_TIMEOUT_MS = 20_000


def _throttled(retry_after: str) -> Callable[[Exchange], None]:
    """What the reference backend answers a throttled login (H5: problem+json, Retry-After)."""

    def behaviour(exchange: Exchange) -> None:
        problem = {"type": "about:blank", "title": "Too Many Requests", "status": 429,
                   "detail": "Too many failed logins; try again in 120 seconds."}
        exchange.send(429, json.dumps(problem).encode(), [("Retry-After", retry_after)],
                      content_type="application/problem+json")

    return behaviour


@pytest.fixture
def hostile(server: EmbeddedServer) -> Iterator[HostileServer]:
    running = HostileServer(server.base_url)
    yield running
    running.stop()


def _login(api: str, username: str = "max.nord", password: str = DEMO_PASSWORD) -> None:
    auth = AuthSession(ApiSettings(base_url=api, max_retries=2, backoff_factor=0.01),
                       NoTokenStore())
    try:
        auth.login(username, password)
    finally:
        auth.transport.close()


def test_a_429_on_login_says_how_long_to_wait(hostile: HostileServer) -> None:
    hostile.on("POST", "/auth/token", _throttled("120"))
    with pytest.raises(LoginThrottledError) as caught:
        _login(hostile.api)
    error = caught.value
    assert error.retry_after == 120
    assert error.message("de") == ("Zu viele Anmeldeversuche. Bitte warten Sie 2 Minuten und "
                                   "versuchen Sie es dann erneut.")
    assert error.message("en") == ("Too many login attempts. Please wait 2 minutes, then "
                                   "try again.")
    assert "Too many failed logins" not in error.message("de")  # the server's English
    assert len(hostile.requests_to("POST", "/auth/token")) == 1  # a login is not retried


def test_retry_after_as_a_date(hostile: HostileServer) -> None:
    when = datetime.now(UTC) + timedelta(seconds=45)
    hostile.on("POST", "/auth/token", _throttled(format_datetime(when, usegmt=True)))
    with pytest.raises(LoginThrottledError) as caught:
        _login(hostile.api)
    assert caught.value.retry_after is not None and 40 <= caught.value.retry_after <= 46
    assert "Sekunden" in caught.value.message("de")


@pytest.mark.parametrize(("header", "seconds"), [
    ("30", 30), (" 7 ", 7), ("0", 0), ("", None), (None, None), ("soon", None), ("-5", None),
    ("1.5", None), ("Wed, 21 Oct 2026 07:28:00 GMT", 60), ("Wed, 21 Oct 2026 07:00:00 GMT", 0),
])
def test_retry_after_values(header: str | None, seconds: int | None) -> None:
    now = datetime(2026, 10, 21, 7, 27, tzinfo=UTC)
    assert retry_after_seconds(header, now) == seconds


@pytest.mark.parametrize(("seconds", "german", "english"), [
    (1, "1 Sekunde", "1 second"), (45, "45 Sekunden", "45 seconds"),
    (89, "89 Sekunden", "89 seconds"), (90, "2 Minuten", "2 minutes"),
    (600, "10 Minuten", "10 minutes"), (None, "einen Moment", "a moment"),
])
def test_the_wait_is_worded_per_language(seconds: int | None, german: str,
                                         english: str) -> None:
    error = LoginThrottledError(seconds)
    assert f"Bitte warten Sie {german} " in error.message("de")
    assert f"Please wait {english}," in error.message("en")


def test_the_reference_backend_throttles_and_the_client_says_so(server: EmbeddedServer) -> None:
    """The real pair: wrong passwords for one user name until the backend answers 429."""
    refused = 0
    with pytest.raises(LoginThrottledError) as caught:
        for _ in range(100):
            try:
                _login(server.api, "throttle.probe", "wrong-password")
            except NotAuthenticatedError:
                refused += 1
    assert refused >= 1
    assert caught.value.retry_after is not None and caught.value.retry_after > 0


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_login_dialog_shows_it(qtbot: QtBot, tmp_path: Path, hostile: HostileServer,
                                   memory_keyring: InMemoryKeyring, language: Language) -> None:
    hostile.on("POST", "/auth/token", _throttled("30"))
    tasks = TaskManager()
    dialog = LoginDialog(settings_at(tmp_path / "settings.ini"), language, tasks,
                         make_settings=lambda url: ApiSettings(base_url=url, max_retries=0))
    tasks.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url_edit.setText(hostile.api)
    dialog.user_edit.setText("max.nord")
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=LOGIN_TIMEOUT_MS)
    assert dialog.message == LoginThrottledError(30).message(language)
    assert dialog.isVisible() and dialog.result_login is None

"""Issue 18, item 4: one OrderDesk per account. A second start for the same account (another
process) brings the running window to the front and never opens the cache or uses the stored
login; another account runs beside it; a crashed instance's lock is taken over."""

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api import AuthSession, KeyringTokenStore
from desktop_app.gui.account.login_dialog import SavedLogin
from desktop_app.gui.common.single_instance import InstanceGuard, account_key
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.launch.account import RUNNING, StartOptions, start_account
from desktop_app.launch.workspace import Workspace
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.gui.test_login import USER, fast, never_ask
from tests.gui.window import settings_at
from tests.keyring_fixtures import InMemoryKeyring

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       "This plugin does not support raise")
URL = "https://orders.example.com/api/v1"
ROOT = Path(__file__).resolve().parents[2]

# A first OrderDesk: holds the account's guard, says so, and reports each "show" it hears.
HOLDER = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_app.gui.common.single_instance import InstanceGuard
app = QApplication([])
guard = InstanceGuard(sys.argv[1], Path(sys.argv[2]))
print("HELD" if guard.acquire() else "REFUSED", flush=True)
guard.activated.connect(lambda: print("SHOWN", flush=True))
QTimer.singleShot(60_000, app.quit)
app.exec()
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    arguments = [sys.executable, "-c", HOLDER, account_key(URL, USER), str(tmp_path / "caches")]
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, text=True,  # noqa: S603
                               env=env, cwd=ROOT)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "HELD"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)
    process.stdout.close()


def test_a_second_start_shows_the_running_window(qapp: object, holder: subprocess.Popen[str],
                                                 tmp_path: Path) -> None:
    second = InstanceGuard(account_key(URL, USER), tmp_path / "caches")
    assert not second.acquire()  # never a second writer of the same cache
    assert second.show_running()
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "SHOWN"
    # The same account spelled differently is the same account.
    again = InstanceGuard(account_key(URL.upper() + "/", USER.upper()), tmp_path / "caches")
    assert not again.acquire()


def test_another_account_runs_beside_it(qapp: object, holder: subprocess.Popen[str],
                                        tmp_path: Path) -> None:
    other = InstanceGuard(account_key(URL, "erika.muster"), tmp_path / "caches")
    assert other.acquire()
    other.release()


def test_a_crashed_instance_does_not_block_the_next_start(
        qapp: object, holder: subprocess.Popen[str], tmp_path: Path) -> None:
    holder.send_signal(signal.SIGKILL)  # no clean-up: lock file and socket stay behind
    holder.wait(timeout=30)
    assert any((tmp_path / "caches").glob("instance-*.lock"))
    guard = InstanceGuard(account_key(URL, USER), tmp_path / "caches")
    assert guard.acquire()
    guard.release()


def test_a_second_start_for_a_running_account_leaves_its_login_alone(
        tasks: TaskManager, qtbot: QtBot, server: EmbeddedServer,
        memory_keyring: InMemoryKeyring, tmp_path: Path) -> None:
    """The issue's revocation: the second start's refresh rotated the token the first one
    held. Now the second start stops before using the stored login; once the first ends, a
    start resumes normally."""
    settings: QSettings = settings_at(tmp_path / "settings.ini")
    auth = AuthSession(fast(server.api), KeyringTokenStore())
    me = auth.login(USER, DEMO_PASSWORD)
    auth.transport.close()
    SavedLogin(server.api, USER, me.tenant.id, me.user_id).save(settings)
    stored = dict(memory_keyring.entries)
    options = StartOptions(caches_root=tmp_path / "caches", make_settings=fast, ask=never_ask)
    first = start_account(settings, "de", tasks, server.base_url, options)
    assert isinstance(first, Workspace)
    try:
        shown: list[bool] = []
        assert first.guard is not None
        first.guard.activated.connect(lambda: shown.append(True))
        after_first = dict(memory_keyring.entries)
        assert after_first != stored  # the first start rotated the refresh token
        assert start_account(settings, "de", tasks, server.base_url, options) == RUNNING
        qtbot.waitUntil(lambda: shown == [True], timeout=10_000)
        assert memory_keyring.entries == after_first  # the second start used nothing
    finally:
        first.close()
    third = start_account(settings, "de", tasks, server.base_url, options)
    assert isinstance(third, Workspace)
    third.close()

"""Issue 12, item 20: no text in the login dialog is clipped, in German or English, with the
demo and the offline buttons shown (the offline one appears after a failed login)."""

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.api import ApiSettings
from desktop_app.api.errors import Language
from desktop_app.gui.account.login_dialog import LoginDialog
from desktop_app.gui.common import translations
from desktop_app.gui.common.tasks import TaskManager
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.window import settings_at
from tests.keyring_fixtures import InMemoryKeyring

pytestmark = pytest.mark.usefixtures("no_thread_left")


def fast(url: str) -> ApiSettings:
    return ApiSettings(base_url=url, max_retries=0, connect_timeout=2)


@pytest.fixture
def translated(request: pytest.FixtureRequest) -> Iterator[Language]:
    language: Language = request.param
    translations.install_translators(language)
    yield language
    translations.uninstall_translators()


def clipped(widget: QWidget, dialog: QWidget) -> str:
    """Why `widget` does not show its whole text, or "" when it does."""
    inside = QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())
    if not dialog.rect().contains(inside):
        return f"{widget.objectName()} reaches outside the dialog"
    if isinstance(widget, QAbstractButton) and widget.width() < widget.sizeHint().width():
        return f"{widget.objectName()} is {widget.width()} px wide, needs {widget.sizeHint()}"
    if isinstance(widget, QLineEdit) and widget.height() < widget.sizeHint().height():
        return f"{widget.objectName()} is squeezed to {widget.height()} px"
    if (
        isinstance(widget, QLabel)
        and widget.text()
        and not widget.wordWrap()
        and widget.width() < widget.sizeHint().width()
    ):
        return f"{widget.objectName()} is narrower than its text"
    return ""


@pytest.mark.parametrize("translated", ["de", "en"], indirect=True)
def test_no_login_dialog_text_is_clipped(
    qtbot: QtBot, tmp_path: Path, translated: Language, memory_keyring: InMemoryKeyring
) -> None:
    tasks = TaskManager()
    settings = settings_at(tmp_path / "settings.ini")  # a first start: the demo is offered
    dialog = LoginDialog(
        settings, translated, tasks, make_settings=fast, offline_possible=lambda _url, _user: True
    )
    tasks.setParent(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with socket.socket() as probe:  # nothing listens there: the login fails offline
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    dialog.url_edit.setText(url)
    dialog.user_edit.setText("max.nord")
    dialog.password_edit.setText("demo1234")
    dialog.login_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    qtbot.waitUntil(lambda: dialog.offline_button.isVisible(), timeout=5_000)
    assert dialog.demo_button.isVisible() and dialog.demo_hint.isVisible()
    shown = [
        widget
        for widget in dialog.findChildren(QWidget)
        if widget.isVisible() and isinstance(widget, QAbstractButton | QLabel | QLineEdit)
    ]
    problems = [problem for widget in shown if (problem := clipped(widget, dialog))]
    dialog.shutdown()
    assert problems == []

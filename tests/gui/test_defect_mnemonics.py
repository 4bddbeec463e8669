"""Issue 12, item 17: no two widgets of one wizard page (the wizard's own Back/Next/Commit/
Finish buttons included) share a mnemonic (&-letter), in German and in English; the same for
the carts-and-quotes window, the open-cart box and the cancel question. A page's widgets are
all checked, shown or not yet: the open-cart box or the provider fields appear later."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from desktop_app.api import ApiClient
from desktop_app.api.errors import Language
from desktop_app.gui.common import translations
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.ordering.carts.window import CartsQuotesWindow
from desktop_app.gui.ordering.wizard import OrderWizard, PageId
from desktop_app.gui.ordering.wizard.open_cart import CancelQuestion
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget, QWizard
from pytestqt.qtbot import QtBot

from tests.gui.wizard_support import cache, client

__all__ = ["cache", "client"]  # the wizard_support fixtures
LANGUAGES: tuple[Language, ...] = ("de", "en")


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled catalogs go to a fresh user cache folder, not the developer's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[Language]:
    chosen: Language = request.param
    translations.install_translators(chosen)
    yield chosen
    translations.uninstall_translators()


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("&&" is a literal ampersand)."""
    position = 0
    while (position := text.find("&", position)) >= 0:
        following = text[position + 1 : position + 2]
        if following != "&":
            return following.casefold() or None
        position += 2
    return None


def texts_of(root: QWidget) -> Iterator[str]:
    """Texts that carry a mnemonic: buttons, labels with a buddy, group boxes."""
    for widget in root.findChildren(QWidget):
        if (isinstance(widget, QAbstractButton) and widget.window() is root.window()) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            yield widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget.title()


def clashes(texts: Iterable[str]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        if (letter := mnemonic(text)) is not None:
            by_letter[letter].append(text)
    return {letter: found for letter, found in by_letter.items() if len(found) > 1}


def wizard_buttons(wizard: OrderWizard, page_id: PageId) -> list[str]:
    """The wizard's buttons shown with the page: Back except on the first, Next or Commit
    or Finish, Cancel except on the last."""
    shown = [QWizard.WizardButton.BackButton] if page_id is not PageId.CUSTOMER else []
    if page_id is PageId.SUBMIT:
        shown.append(QWizard.WizardButton.CommitButton)
    elif page_id is PageId.CONFIRMATION:
        shown.append(QWizard.WizardButton.FinishButton)
    else:
        shown.append(QWizard.WizardButton.NextButton)
    if page_id is not PageId.CONFIRMATION:
        shown.append(QWizard.WizardButton.CancelButton)
    page = wizard.page(int(page_id))
    return [page.buttonText(button) or wizard.buttonText(button) for button in shown]


def test_no_wizard_page_repeats_a_mnemonic(
    qtbot: QtBot, client: ApiClient, cache: LiveCache, tasks: TaskManager, language: Language
) -> None:
    wizard = OrderWizard(client, cache, language, tasks)
    qtbot.addWidget(wizard)
    found = {}
    for page_id in PageId:
        page = wizard.page(int(page_id))
        texts = [*texts_of(page), *wizard_buttons(wizard, page_id)]
        assert any(mnemonic(text) for text in texts), (page_id, texts)
        if problems := clashes(texts):
            found[page_id.name] = problems
    assert not found, found
    wizard.shutdown()


def test_the_carts_window_and_the_cancel_question_repeat_no_mnemonic(
    qtbot: QtBot,
    client: ApiClient,
    cache: LiveCache,
    tasks: TaskManager,
    language: Language,
    tmp_path: Path,
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    carts = CartsQuotesWindow(cache, client, language, settings, None, tasks)
    qtbot.addWidget(carts)
    assert not clashes(texts_of(carts)), list(texts_of(carts))
    menu_texts = [action.text() for action in carts.table.actions()]  # its context menu
    assert not clashes(menu_texts), menu_texts
    question = CancelQuestion("Produktwechsel für Beispiel GmbH")
    qtbot.addWidget(question)
    buttons = [button.text() for button in question.buttons()]
    assert len(buttons) == 3 and all(mnemonic(text) for text in buttons)
    assert not clashes(buttons), buttons
    carts.shutdown()

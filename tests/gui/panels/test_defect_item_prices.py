"""Issue 12, item 5: an item is shown the same way in the detail panel, the local letter and
the backend's PDF — the product's own price, each option with its price, and the totals — so
every amount agrees (the panel showed the line total with its options, 224,40 €, where the
letters show the product alone, 179,70 €)."""

import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator

import pytest
from desktop_app.api import ApiClient
from desktop_app.cache import queries
from desktop_app.cache.detail import order_detail
from desktop_app.cache.queries import OrderFilter, OrderSort, order_ids
from desktop_app.cache.records import OrderDetail
from desktop_app.documents.output import confirmation_pdf, transaction_labels
from desktop_app.domain.items import own_cents
from desktop_app.gui.common.forms import child
from desktop_app.gui.panels import OrderDetailPanel
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.panels import support
from tests.sync.support import login, start_seeded_server

PDFTOTEXT = shutil.which("pdftotext")
_AMOUNT = re.compile(r"-?\d{1,3}(?:\.\d{3})*,\d{2}")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="needs pdftotext")


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ApiClient, LiveCache]]:
    folder = tmp_path_factory.mktemp("prices")
    server: EmbeddedServer = start_seeded_server(folder)
    client = login(server)
    cache = LiveCache(folder / "cache.sqlite3")
    sync_catalog(client, cache)
    ChangeSync(client, cache).run()
    yield client, cache
    cache.close()
    client.close()
    server.stop()


def _chosen(cache: LiveCache) -> list[OrderDetail]:
    """Orders whose items have options with monthly and one-time prices, and a few more."""
    with cache.store.session() as session:
        ids = order_ids(session, OrderFilter(), OrderSort())
        details = [d for d in (order_detail(session, i) for i in ids) if d is not None]
    rich = sorted(details, key=lambda d: -sum(len(i.options) for i in d.items))
    chosen = rich[:3]
    chosen += [d for d in details if any(i.automatic for i in d.items)][:1]
    chosen += [d for d in details if all(not i.options for i in d.items)][:1]
    return chosen


def pdf_amounts(pdf: bytes) -> Counter[str]:
    assert PDFTOTEXT is not None
    command = [PDFTOTEXT, "-layout", "-", "-"]  # our own PDF through a fixed tool
    text = subprocess.run(command, input=pdf, capture_output=True, check=True)  # noqa: S603
    return Counter(_AMOUNT.findall(text.stdout.decode()))


def panel_amounts(panel: OrderDetailPanel) -> Counter[str]:
    found: Counter[str] = Counter()
    for name in ("itemsTable", "totalsTable"):
        box = child(panel, QWidget, name)
        for label in box.findChildren(QLabel):
            if label.isVisibleTo(panel):
                found.update(_AMOUNT.findall(label.text()))
    return found


def test_panel_and_both_letters_agree_on_every_amount(
        synced: tuple[ApiClient, LiveCache], qtbot: QtBot) -> None:  # fmt: skip
    client, cache = synced
    with cache.store.session() as session:
        labels = transaction_labels(session)
        catalogs = queries.statuses(session), queries.business_transactions(session)
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    chosen = _chosen(cache)
    assert any(o.monthly_net_cents for d in chosen for i in d.items for o in i.options)
    for detail in chosen:
        panel.show_order(detail, *catalogs, "de")
        shown = panel_amounts(panel)
        ours = pdf_amounts(confirmation_pdf(detail, "de", labels)[0])
        confirmation = next(d for d in detail.documents if d.kind == "confirmation")
        theirs = pdf_amounts(client.document(confirmation.id)[0])
        assert shown == ours == theirs, detail.order_number


def test_the_product_row_shows_the_product_alone(
    store: object, catalogs: support.Catalogs, qtbot: QtBot
) -> None:
    detail = support.detail(store, support.COMPLETE)  # type: ignore[arg-type]
    item = detail.items[0]
    assert item.options and any(o.monthly_net_cents for o in item.options)
    panel = OrderDetailPanel()
    qtbot.addWidget(panel)
    panel.show_order(detail, *catalogs, "de")
    own = own_cents(item.monthly_net_cents, [o.monthly_net_cents for o in item.options])
    texts = support.visible_texts(child(panel, QWidget, "itemsTable"))
    assert f"{own / 100:.2f}".replace(".", ",") + "\xa0€" in texts
    assert "99,00\xa0€" not in texts  # the line total with its options is not the product's


def test_own_cents_is_the_line_without_its_options() -> None:
    assert own_cents(22440, [2490, 1990, 260]) == 17700
    assert own_cents(9900, []) == 9900

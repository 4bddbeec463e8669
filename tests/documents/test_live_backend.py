"""Against the live reference server: the local confirmation says what the backend's PDF
says for real demo orders, and backend documents open online and then offline."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from desktop_app.api import ApiClient
from desktop_app.cache.detail import order_detail
from desktop_app.cache.queries import OrderFilter, OrderSort, order_ids
from desktop_app.cache.records import OrderDetail
from desktop_app.documents.output import confirmation_pdf, transaction_labels
from desktop_app.gui.common.tasks import TaskManager
from desktop_app.gui.documents.confirmation_output import ConfirmationOutput
from desktop_app.gui.documents.pdf_viewer import PdfViewerDialog
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.documents import DocumentFetcher
from desktop_app.sync.live_cache import LiveCache
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.documents import support
from tests.sync.support import login, start_seeded_server


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[EmbeddedServer, ApiClient, LiveCache]]:
    folder = tmp_path_factory.mktemp("live")
    server = start_seeded_server(folder)
    client = login(server)
    cache = LiveCache(folder / "cache.sqlite3")
    sync_catalog(client, cache)
    ChangeSync(client, cache).run()
    yield server, client, cache
    cache.close()
    client.close()
    server.stop()


def _details(cache: LiveCache) -> list[OrderDetail]:
    with cache.store.session() as session:
        ids = order_ids(session, OrderFilter(), OrderSort())
        found = [order_detail(session, order_id) for order_id in ids]
    return [detail for detail in found if detail is not None]


def _interesting(details: list[OrderDetail]) -> list[OrderDetail]:
    """The order with the most rows, one with an automatic item, one without a quote."""
    chosen = [max(details, key=lambda d: sum(1 + len(i.options) for i in d.items))]
    wishes: list[Callable[[OrderDetail], bool]] = [
        lambda d: any(i.automatic for i in d.items),
        lambda d: d.quote_id is None,
        lambda d: any(o.phone_numbers for i in d.items for o in i.options),
    ]
    for wanted in wishes:
        chosen += [d for d in details if wanted(d)][:1]
    return chosen


def test_local_confirmation_matches_the_backends_pdf(
        synced: tuple[EmbeddedServer, ApiClient, LiveCache], qapp: object) -> None:
    _server, client, cache = synced
    with cache.store.session() as session:
        labels = transaction_labels(session)
    chosen = _interesting(_details(cache))
    assert len(chosen) >= 3
    for detail in chosen:
        confirmation = next(d for d in detail.documents if d.kind == "confirmation")
        theirs = support.flat(" ".join(support.pages_text(client.document(confirmation.id)[0])))
        ours = support.flat(" ".join(support.pages_text(
            confirmation_pdf(detail, "de", labels)[0])))
        assert support.amounts(ours) == support.amounts(theirs), detail.order_number
        for recipient in detail.recipients:
            assert recipient.email in ours and recipient.email in theirs
        for item in detail.items:
            assert ours.count(item.product_name_de) >= 1
        for label in ("Stammdaten des Kunden", "Stammdaten des Mandanten",
                      "Bestätigender Benutzer", "Zustimmer", "Ersteller des Angebots",
                      "(automatisch hinzugefügt)", "ohne Angebot (Vollmacht)",
                      "Geschäftsvorfall"):
            assert (label in ours) == (label in theirs), (detail.order_number, label)


def test_backend_documents_open_online_then_offline(
        tasks: TaskManager,
        synced: tuple[EmbeddedServer, ApiClient, LiveCache], qtbot: QtBot,
        tmp_path: Path) -> None:
    _server, client, cache = synced
    detail = _interesting(_details(cache))[0]
    sheet = next(d for d in detail.documents if d.kind != "confirmation")
    parent = QWidget()
    qtbot.addWidget(parent)
    output = ConfirmationOutput(cache, "de", QSettings(str(tmp_path / "s.ini"),
                                                       QSettings.Format.IniFormat), tasks, parent)
    try:
        output.set_document_source(client)
        with qtbot.wait_signal(output.documentShown, timeout=20_000) as shown:
            output.open_backend_document(parent, sheet.id)
        online = shown.args[0]
        assert isinstance(online, PdfViewerDialog) and online.loaded
        online.close()
        output.set_document_source(None)  # offline now: the stored copy must do
        with qtbot.wait_signal(output.documentShown, timeout=20_000) as shown:
            output.open_backend_document(parent, sheet.id)
        offline = shown.args[0]
        assert isinstance(offline, PdfViewerDialog) and offline.loaded
        assert "Produktinformationsblatt" in support.flat(
            " ".join(support.pages_text(offline.external_copy())))
        offline.close()
    finally:
        assert output.shutdown()


def test_prefetched_documents_need_no_backend(
        synced: tuple[EmbeddedServer, ApiClient, LiveCache]) -> None:
    _server, client, cache = synced
    from desktop_app.cache.paths import documents_dir
    from desktop_app.gui.documents.document_access import NoBackend, verified_document

    folder = documents_dir(cache.path)
    result = DocumentFetcher(client, cache, folder).prefetch_recent(recent_orders=3)
    assert not result.failed
    offline = DocumentFetcher(NoBackend(), cache, folder)
    for detail in _details(cache)[:3]:
        for document in detail.documents:
            with cache.store.session() as session:
                stored = order_detail(session, detail.id)
            assert stored is not None
            found = verified_document(offline, document)
            assert found.content.startswith(b"%PDF") and not found.downloaded

"""Accounts get separate caches; catalog metadata by ETag; documents downloaded and verified."""

import hashlib
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from desktop_app.api import (
    ApiClient,
    ApiSettings,
    AuthSession,
    NoTokenStore,
    OfflineError,
    choose_token_store,
)
from desktop_app.cache.detail import order_detail
from desktop_app.cache.paths import cache_file, documents_dir
from desktop_app.cache.queries import OrderFilter, OrderSort, order_page, statuses
from desktop_app.cache.records import DocumentInfo
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.seed import DEMO_PASSWORD
from desktop_app.sync.catalog import sync_catalog
from desktop_app.sync.changes import ChangeSync
from desktop_app.sync.documents import DocumentFetcher, DocumentIntegrityError
from desktop_app.sync.live_cache import LiveCache
from keyring.backends import fail

from tests.sync.support import cached_order_ids, login


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.set_keyring(previous)


def test_without_a_keyring_the_app_still_syncs_and_stores_nothing(
        no_keyring: None, server: EmbeddedServer, tmp_path: Path) -> None:
    store, reason = choose_token_store()
    assert isinstance(store, NoTokenStore) and "Passwort" in reason
    settings = ApiSettings(base_url=server.api)
    auth = AuthSession(settings, store)
    auth.login("max.nord", DEMO_PASSWORD)
    client = ApiClient(settings, auth)
    cache = LiveCache(tmp_path / "cache.sqlite3")
    try:
        ChangeSync(client, cache).run()
        assert cached_order_ids(cache)
        assert store.load(server.api, "max.nord") is None
        assert not AuthSession(settings, store).resume("max.nord")  # asks for the password
    finally:
        cache.close()
        client.close()


def test_a_second_user_gets_a_separate_cache(server: EmbeddedServer, tmp_path: Path) -> None:
    paths = {user: cache_file(server.api, tenant, user, root=tmp_path)
             for user, tenant in (("max.nord", "t-nordlicht"), ("lena.hh", "t-nordlicht-hh"))}
    assert len(set(paths.values())) == 2
    seen: dict[str, set[str]] = {}
    for user, path in paths.items():
        client, cache = login(server, user), LiveCache(path)
        try:
            ChangeSync(client, cache).run()
            seen[user] = set(cached_order_ids(cache))
        finally:
            cache.close()
            client.close()
    # The sub-tenant's clerk sees a strict part of what the parent tenant's clerk sees.
    assert seen["lena.hh"] and seen["lena.hh"] < seen["max.nord"]


def test_catalog_is_fetched_once_then_answered_by_etag(client: ApiClient,
                                                       cache: LiveCache) -> None:
    assert sync_catalog(client, cache) == ["business_transactions", "products", "statuses"]
    assert sync_catalog(client, cache) == []  # three 304s
    with cache.store.session() as session:
        assert [s.code.value for s in statuses(session)] == [
            "received", "in_processing", "completed"]


def _newest_order_documents(cache: LiveCache) -> list[DocumentInfo]:
    with cache.store.session() as session:
        newest = order_page(session, OrderFilter(), OrderSort(), 0, 1)[0]
        detail = order_detail(session, newest.id)
        assert detail is not None
        return list(detail.documents)


def test_documents_download_on_open_verify_and_stay_available_offline(
        client: ApiClient, cache: LiveCache, tmp_path: Path) -> None:
    ChangeSync(client, cache).run()
    fetcher = DocumentFetcher(client, cache, documents_dir(cache.path))
    document = _newest_order_documents(cache)[0]
    path = fetcher.open(document)
    content = path.read_bytes()
    assert content.startswith(b"%PDF")
    assert path.stem == hashlib.sha256(content).hexdigest()

    class Offline:
        def document(self, document_id: str) -> tuple[bytes, str | None]:
            raise OfflineError("127.0.0.1")

    offline = DocumentFetcher(Offline(), cache, documents_dir(cache.path))
    refreshed = next(d for d in _newest_order_documents(cache) if d.id == document.id)
    assert refreshed.local_path == str(path)
    assert offline.open(refreshed) == path  # no network needed once downloaded


def test_a_damaged_document_is_rejected_and_not_stored(client: ApiClient,
                                                       cache: LiveCache) -> None:
    ChangeSync(client, cache).run()

    class Damaging:
        def document(self, document_id: str) -> tuple[bytes, str | None]:
            content, sha256 = client.document(document_id)
            return content[:-10] + b"corrupted!", sha256

    folder = documents_dir(cache.path)
    document = _newest_order_documents(cache)[0]
    with pytest.raises(DocumentIntegrityError) as caught:
        DocumentFetcher(Damaging(), cache, folder).fetch(document)
    assert "Prüfsumme" in caught.value.message("de")
    assert not folder.exists() or not list(folder.glob("*.pdf"))


def test_recent_orders_documents_are_prefetched(client: ApiClient, cache: LiveCache) -> None:
    ChangeSync(client, cache).run()
    fetcher = DocumentFetcher(client, cache, documents_dir(cache.path))
    result = fetcher.prefetch_recent(recent_orders=3)
    assert result.fetched >= 3 and not result.failed
    assert all(d.local_path for d in _newest_order_documents(cache))
    assert fetcher.prefetch_recent(recent_orders=3).fetched == 0  # nothing left to fetch


def test_one_damaged_document_does_not_stop_the_prefetch(client: ApiClient,
                                                        cache: LiveCache) -> None:
    ChangeSync(client, cache).run()
    damaged = _newest_order_documents(cache)[0].id

    class DamagesOne:
        def document(self, document_id: str) -> tuple[bytes, str | None]:
            content, sha256 = client.document(document_id)
            return (content + b"!" if document_id == damaged else content), sha256

    result = DocumentFetcher(DamagesOne(), cache, documents_dir(cache.path)).prefetch_recent(3)
    assert [document_id for document_id, _ in result.failed] == [damaged]
    assert result.fetched >= 2

"""Order documents: downloaded on first open, prefetched for recent orders, checked by sha256.

Files are stored under their sha256, so a document survives a full resync (which builds a new
cache database) and two orders' identical documents are stored once.
"""

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from desktop_app.api.errors import ApiError, OfflineError
from desktop_app.cache.detail import documents_to_prefetch
from desktop_app.cache.records import DocumentInfo
from desktop_app.cache.writer import forget_document_download, mark_document_downloaded
from desktop_app.domain.faults import EnvironmentFault
from desktop_app.sync.changes import utcnow
from desktop_app.sync.live_cache import LiveCache
from desktop_app.sync.progress import (
    CancelToken,
    ProgressCallback,
    SyncProgress,
    ignore_progress,
)

PREFETCH_RECENT_ORDERS = 50


@dataclass
class PrefetchResult:
    fetched: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (document id, message)


class DocumentSource(Protocol):
    def document(self, document_id: str) -> tuple[bytes, str | None]: ...


class DocumentIntegrityError(EnvironmentFault):
    """The bytes do not match their sha256: not stored, not shown."""

    def __init__(self, title: str, title_en: str | None = None) -> None:
        """`title` German, `title_en` English (the German one where none is given)."""
        super().__init__(
            f"Das Dokument „{title}“ kam beschädigt an (Prüfsumme falsch) und wurde "
            "verworfen. Bitte erneut versuchen.",
            f"The document “{title_en or title}” arrived damaged (wrong checksum) and was "
            "discarded. Please try again.")
        self.title = title


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


class DocumentFetcher:
    def __init__(self, source: DocumentSource, cache: LiveCache, folder: Path) -> None:
        self._source, self._cache, self._folder = source, cache, folder

    def _path_for(self, sha256: str) -> Path:
        return self._folder / f"{sha256}.pdf"

    def local_copy(self, document: DocumentInfo) -> Path | None:
        """A verified local file for the document, if there is one (works offline)."""
        for sha256 in (document.local_sha256, document.sha256):
            if sha256 is None:
                continue
            path = self._path_for(sha256)
            if path.is_file() and sha256_of(path) == sha256:
                return path
        if document.local_path is not None:
            forget_document_download(self._cache.store, document.id)
        return None

    def open(self, document: DocumentInfo) -> Path:
        """The local file, downloading it first if needed (raises the api's OfflineError)."""
        return self.local_copy(document) or self.fetch(document)

    def fetch(self, document: DocumentInfo) -> Path:
        content, announced = self._source.document(document.id)
        actual = hashlib.sha256(content).hexdigest()
        if any(expected not in (None, actual) for expected in (announced, document.sha256)):
            raise DocumentIntegrityError(document.title_de, document.title_en)
        self._folder.mkdir(parents=True, exist_ok=True)
        path = self._path_for(actual)
        # A name of its own per download (an open and a prefetch may race for one document),
        # renamed into place: never a half-written PDF under the final name.
        with tempfile.NamedTemporaryFile(dir=self._folder, suffix=".part",
                                         delete=False) as partial:
            partial.write(content)
        Path(partial.name).replace(path)
        mark_document_downloaded(self._cache.store, document.id, path, utcnow(), actual)
        return path

    def prefetch_recent(self, recent_orders: int = PREFETCH_RECENT_ORDERS,
                        cancel: CancelToken | None = None,
                        progress: ProgressCallback = ignore_progress) -> PrefetchResult:
        """Download what the newest orders need offline.

        One document that fails (damaged, gone) does not stop the others; going offline
        does, since every further attempt would fail the same way.
        """
        cancel = cancel or CancelToken()
        with self._cache.store.session() as session:
            wanted = documents_to_prefetch(session, recent_orders)
        result = PrefetchResult()
        for done, document in enumerate(wanted, start=1):
            cancel.raise_if_cancelled()
            local = self.local_copy(document)
            try:
                if local is None:
                    self.fetch(document)
                    result.fetched += 1
                else:  # kept from before a full resync: only the cache's note was missing
                    mark_document_downloaded(self._cache.store, document.id, local, utcnow(),
                                             local.stem)
            except OfflineError:
                raise
            except (ApiError, DocumentIntegrityError) as error:
                result.failed.append((document.id, error.message("de")))
            progress(SyncProgress("documents", done, len(wanted)))
        return result

"""Backend documents for the viewer: verified bytes from the local store or the backend.

Runs on a worker (it may download). The store keeps files under their sha256
(sync/documents.py); a stored file whose content no longer matches is fetched again, and a
download that does not match its digest is refused — a damaged PDF never reaches the viewer.
"""

import hashlib
from dataclasses import dataclass

from desktop_app.api.errors import OfflineError
from desktop_app.cache.records import DocumentInfo
from desktop_app.documents.filenames import safe_filename
from desktop_app.sync.documents import DocumentFetcher, DocumentIntegrityError, DocumentSource

__all__ = ["NoBackend", "VerifiedDocument", "verified_document"]


class NoBackend:
    """The document source while no backend is attached (offline start, tests)."""

    def document(self, document_id: str) -> tuple[bytes, str | None]:
        raise OfflineError("—")


@dataclass(frozen=True)
class VerifiedDocument:
    info: DocumentInfo
    content: bytes
    filename: str  # safe for any file system
    downloaded: bool  # False: served from the local store (works offline)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def verified_document(fetcher: DocumentFetcher, document: DocumentInfo) -> VerifiedDocument:
    """The document's bytes, checked against its sha256 (raises OfflineError when it is not
    stored and the backend cannot be reached, DocumentIntegrityError when it arrives damaged)."""
    local = fetcher.local_copy(document)  # verifies; a mismatching file is forgotten
    downloaded = local is None
    path = local or fetcher.fetch(document)
    content = path.read_bytes()
    if _digest(content) != path.stem:  # changed on disk after the check: fetch once more
        path, downloaded = fetcher.fetch(document), True
        content = path.read_bytes()
        if _digest(content) != path.stem:
            raise DocumentIntegrityError(document.title_de, document.title_en)
    name = safe_filename(document.filename, fallback=f"{document.kind or 'document'}.pdf")
    return VerifiedDocument(document, content, name, downloaded)


def source_or_offline(source: DocumentSource | None) -> DocumentSource:
    return source if source is not None else NoBackend()

"""Where cache files live: one SQLite file per (backend URL, tenant, user)."""

import hashlib
import re
from pathlib import Path

import platformdirs

APP_NAME = "OrderDesk"
_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")


def caches_root() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME)) / "caches"


def _normalized_url(backend_url: str) -> str:
    return backend_url.strip().rstrip("/").lower()


def _slug(text: str, limit: int = 24) -> str:
    return _SLUG_UNSAFE.sub("-", text.lower()).strip("-")[:limit].strip("-") or "x"


def cache_file(backend_url: str, tenant_id: str, username: str, root: Path | None = None) -> Path:
    """The cache database of one account; `root` overrides the platform folder (tests).

    The name carries a sha256 of the triple, so two accounts never share a file, plus a
    readable slug of host, tenant and user for whoever looks into the folder.
    """
    url = _normalized_url(backend_url)
    digest = hashlib.sha256("\n".join((url, tenant_id, username)).encode("utf-8")).hexdigest()
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url)
    slug = "_".join(_slug(part) for part in (host, tenant_id, username))
    return (root if root is not None else caches_root()) / f"{slug}_{digest[:32]}.sqlite3"


def documents_dir(cache_file: Path) -> Path:
    """The folder for the downloaded documents (PDFs) belonging to a cache file."""
    return cache_file.with_name(cache_file.stem + ".documents")

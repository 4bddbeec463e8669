"""Order submissions in flight read straight from the pages of a damaged cache file.

When SQLite cannot read a damaged file at all (its header or schema pages are gone, e.g. a
truncated file: a bulk load rewrites the schema at the end of the file), the idempotency
keys may still sit in intact table pages. This scans every page for table-leaf cells whose
record has the shape of a `pending_submissions` row (a UUID key, a cart id, a timestamp) —
SQLite's file format, https://www.sqlite.org/fileformat2.html, sections 1.6 and 2.1.

A stale copy of a row (an old page version) may be found too: resending its key is safe, the
backend answers a known key with the order it created (never a second one); a finished copy
of the same key wins over an unfinished one.
"""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

__all__ = ["PENDING_COLUMNS", "scan_pending_submissions"]

PENDING_COLUMNS = ("idempotency_key", "cart_id", "quote_id", "created_at", "order_id",
                   "order_number", "finished_at", "last_error")
_LEAF_TABLE = 0x0D
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d")
_TEXTS = (0, 1, 3)  # key, cart id, created_at: never NULL
_MAGIC = b"SQLite format 3\x00"
_ALL_PAGE_SIZES = (4096, 1024, 2048, 8192, 16_384, 32_768, 65_536, 512)


def _varint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    for index in range(9):
        if at + index >= len(data):
            raise ValueError("varint beyond the page")
        byte = data[at + index]
        if index == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + index + 1
    raise ValueError("unreachable")  # pragma: no cover


def _record(payload: bytes) -> list[Any] | None:
    """The values of a record of texts and NULLs (anything else: not our row)."""
    try:
        header_size, at = _varint(payload, 0)
        types: list[int] = []
        while at < header_size:
            serial, at = _varint(payload, at)
            types.append(serial)
    except ValueError:
        return None
    if len(types) != len(PENDING_COLUMNS):
        return None
    values: list[Any] = []
    body = header_size
    for serial in types:
        if serial == 0:
            values.append(None)
        elif serial >= 13 and serial % 2:
            size = (serial - 13) // 2
            if body + size > len(payload):
                return None
            try:
                values.append(payload[body:body + size].decode("utf-8"))
            except UnicodeDecodeError:
                return None
            body += size
        else:
            return None
    return values


def _cells(page: bytes, header_at: int, usable: int) -> Iterator[bytes]:
    """The local payloads of a table-leaf page's cells (overflowing ones left out)."""
    count = int.from_bytes(page[header_at + 3:header_at + 5], "big")
    for number in range(count):
        pointer_at = header_at + 8 + 2 * number
        offset = int.from_bytes(page[pointer_at:pointer_at + 2], "big")
        if not 0 < offset < len(page):
            continue
        try:
            size, at = _varint(page, offset)
            _rowid, at = _varint(page, at)
        except ValueError:
            continue
        if size <= usable - 35 and at + size <= len(page):
            yield page[at:at + size]


def _page_sizes(header: bytes) -> tuple[int, ...]:
    """The header's page size; with the header gone, every size SQLite allows (a page
    boundary missed by a wrong size finds no leaf pages)."""
    if not header.startswith(_MAGIC):
        return _ALL_PAGE_SIZES
    size = int.from_bytes(header[16:18], "big")
    return (65_536 if size == 1 else size,)


def _is_pending(values: list[Any]) -> bool:
    if any(not isinstance(values[index], str) for index in _TEXTS):
        return False
    return bool(_UUID.match(values[0]) and values[1] and _TIMESTAMP.match(values[3]))


def scan_pending_submissions(path: Path) -> list[dict[str, Any]]:
    """Rows that look like `pending_submissions` rows, one per key (a finished copy first)."""
    found: dict[str, dict[str, Any]] = {}
    with path.open("rb") as file:
        header = file.read(100)
        reserved = header[20] if header.startswith(_MAGIC) else 0
        for size in _page_sizes(header):
            file.seek(0)
            for row in _rows(file, size, reserved):
                known = found.get(row["idempotency_key"])
                if known is None or (known["finished_at"] is None and row["finished_at"]):
                    found[row["idempotency_key"]] = row
    return list(found.values())


def _rows(file: BinaryIO, size: int, reserved: int) -> Iterator[dict[str, Any]]:
    number = 0
    while page := file.read(size):
        header_at = 100 if number == 0 else 0
        number += 1
        if len(page) < size or page[header_at] != _LEAF_TABLE:
            continue
        for payload in _cells(page, header_at, size - reserved):
            values = _record(payload)
            if values is not None and _is_pending(values):
                yield dict(zip(PENDING_COLUMNS, values, strict=True))

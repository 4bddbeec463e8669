"""The clerk's saved views on disk: a typed JSON file per account, with a schema version.

One file beside the account's cache (`views_file`): the cache file's name already stands
for one backend URL, tenant and user, so another account never sees these views. The file
is a pydantic model (`ViewsFile`), written atomically (a temporary file, then
`os.replace`); never pickled, never a QSettings blob. Older schema versions are migrated
when read (`_MIGRATIONS`); a file from a newer OrderDesk is refused (`ViewsTooNew`) and left
untouched; an unreadable file is moved aside (`ViewsCorrupt` names where) so that the
defaults can take its place. Relative days stay relative: a `DayRef` says "today minus N
days" and is resolved on the day the view is applied.
"""

import json
import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

__all__ = [
    "SCHEMA_VERSION",
    "DayRef",
    "SavedView",
    "ViewColumn",
    "ViewFilter",
    "ViewsCorrupt",
    "ViewsFile",
    "ViewsProblem",
    "ViewsTooNew",
    "load_views",
    "save_views",
    "views_file",
]

SCHEMA_VERSION: Literal[2] = 2
MAX_NAME = 80


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DayRef(_Model):
    """A day of a filter: `days_from_today` (0 today, -7 a week before the day the view is
    applied) or a `fixed` day; exactly one of them."""

    days_from_today: int | None = Field(default=None, ge=-36500, le=36500)
    fixed: date | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.days_from_today is None) == (self.fixed is None):
            raise ValueError("a day is either relative (days_from_today) or fixed")
        return self

    def resolve(self, today: date) -> date:
        if self.fixed is not None:
            return self.fixed
        return date.fromordinal(today.toordinal() + (self.days_from_today or 0))


class ViewFilter(_Model):
    """The filter bar's choices ("" for all). `completed`: the days are completion days."""

    text: str = Field(default="", max_length=500)
    status: str = ""
    transaction: str = ""
    family: str = ""
    completed: bool = False
    date_from: DayRef | None = None
    date_to: DayRef | None = None
    mine: bool = False
    changed: bool = False


class ViewColumn(_Model):
    """One column of the order list, in the list's order from left to right."""

    column: int = Field(ge=0, le=63)
    hidden: bool = False
    width: int | None = Field(default=None, ge=8, le=4000)


class SavedView(_Model):
    name: str = Field(min_length=1, max_length=MAX_NAME)
    filter: ViewFilter = ViewFilter()
    sort_column: int = Field(default=1, ge=0, le=63)
    sort_descending: bool = True
    columns: tuple[ViewColumn, ...] | None = None  # None: the view leaves the columns alone


class ViewsFile(_Model):
    schema_version: Literal[2] = SCHEMA_VERSION
    views: tuple[SavedView, ...] = ()


class ViewsProblem(Exception):
    """The views file could not be used as it is; `path` is the file."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class ViewsTooNew(ViewsProblem):
    """Written by a newer OrderDesk (schema `found`); left untouched, not overwritten."""

    def __init__(self, path: Path, found: int) -> None:
        super().__init__(path)
        self.found = found


class ViewsCorrupt(ViewsProblem):
    """Unreadable (not JSON, or not views); moved aside to `moved_to` (None: could not)."""

    def __init__(self, path: Path, moved_to: Path | None, reason: str) -> None:
        super().__init__(path)
        self.moved_to, self.reason = moved_to, reason


def views_file(cache_file: Path) -> Path:
    """The views of the account whose cache is `cache_file` (see cache/paths.py)."""
    return cache_file.with_name(cache_file.stem + ".views.json")


# --- migrations: each takes the JSON of version N and returns that of version N + 1 --------


def _v1_day(word: object) -> dict[str, Any] | None:
    """Version 1 wrote days as words: "today", "today-7", or an ISO date."""
    if not isinstance(word, str) or not word:
        return None
    if word == "today":
        return {"days_from_today": 0}
    if word.startswith("today-") and word[6:].isdigit():
        return {"days_from_today": -int(word[6:])}
    return {"fixed": word}


def _from_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1: days as words, the sort as "sort": {"column", "descending"}, no columns."""
    views = []
    for view in data.get("views", []):
        old_filter = dict(view.get("filter", {}))
        for key in ("date_from", "date_to"):
            old_filter[key] = _v1_day(old_filter.get(key))
        sort = view.get("sort", {})
        views.append({"name": view.get("name", ""), "filter": old_filter,
                      "sort_column": sort.get("column", 1),
                      "sort_descending": sort.get("descending", True)})  # fmt: skip
    return {"schema_version": 2, "views": views}


_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_v1}


def _migrated(data: dict[str, Any], path: Path) -> dict[str, Any]:
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"no valid schema_version: {version!r}")
    if version > SCHEMA_VERSION:
        raise ViewsTooNew(path, version)
    while version < SCHEMA_VERSION:
        data = _MIGRATIONS[version](data)
        version = int(data["schema_version"])
    return data


# --- reading and writing --------------------------------------------------------------------


def _move_aside(path: Path, now: datetime) -> Path | None:
    target = path.with_name(f"{path.stem}.corrupt-{now:%Y%m%d-%H%M%S}{path.suffix}")
    try:
        path.replace(target)
    except OSError:
        return None
    return target


def load_views(path: Path, now: Callable[[], datetime] = datetime.now) -> ViewsFile | None:
    """The views in `path`; None when there is no file yet (first use: the defaults).
    Raises `ViewsTooNew` (file kept) or `ViewsCorrupt` (file moved aside)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ViewsCorrupt(path, None, str(error)) from error
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return ViewsFile.model_validate(_migrated(data, path))
    except ViewsTooNew:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, ValidationError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ViewsCorrupt(path, _move_aside(path, now()), reason) from error


def save_views(path: Path, views: Sequence[SavedView]) -> None:
    """Write atomically: a reader sees the old file or the new one, never half of one."""
    text = ViewsFile(views=tuple(views)).model_dump_json(indent=2, exclude_none=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)  # os.replace: atomic on one file system
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

"""The saved views' file: typed, versioned, atomic; older versions migrate, newer ones are
refused untouched, unreadable ones are moved aside."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from desktop_app.gui.overview.views.store import (
    SCHEMA_VERSION,
    DayRef,
    SavedView,
    ViewColumn,
    ViewFilter,
    ViewsCorrupt,
    ViewsTooNew,
    load_views,
    save_views,
    views_file,
)
from pydantic import ValidationError

WHEN = datetime(2026, 3, 2, 9, 30, 0)


def test_round_trip_is_json_with_a_version(tmp_path: Path) -> None:
    path = tmp_path / "a.views.json"
    days = {"date_from": DayRef(days_from_today=-7), "date_to": DayRef(fixed=date(2026, 1, 31))}
    view = SavedView(name="Müller – offen", filter=ViewFilter(status="received", **days),
        columns=(ViewColumn(column=0), ViewColumn(column=3, hidden=True),
                 ViewColumn(column=2, width=200)))  # fmt: skip
    save_views(path, [view])
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["views"][0]["filter"]["date_from"] == {"days_from_today": -7}
    loaded = load_views(path)
    assert loaded is not None and loaded.views == (view,)
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_no_file_is_none_and_views_live_beside_the_cache(tmp_path: Path) -> None:
    assert load_views(tmp_path / "none.json") is None
    cache = tmp_path / "host_t_u_abc.sqlite3"
    assert views_file(cache) == tmp_path / "host_t_u_abc.views.json"


def test_version_1_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    path.write_text(json.dumps({"schema_version": 1, "views": [
        {"name": "Letzte Woche", "filter": {"status": "completed", "date_from": "today-7",
                                            "date_to": "today"},
         "sort": {"column": 7, "descending": False}},
        {"name": "Januar", "filter": {"date_from": "2026-01-01", "date_to": "2026-01-31"}},
    ]}), encoding="utf-8")  # fmt: skip
    loaded = load_views(path)
    assert loaded is not None
    first, second = loaded.views
    assert first.filter.date_from == DayRef(days_from_today=-7)
    assert first.filter.date_to == DayRef(days_from_today=0)
    assert (first.sort_column, first.sort_descending, first.columns) == (7, False, None)
    assert second.filter.date_from == DayRef(fixed=date(2026, 1, 1))


def test_a_newer_version_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    text = json.dumps({"schema_version": SCHEMA_VERSION + 1, "views": [], "new": 1})
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ViewsTooNew) as raised:
        load_views(path)
    assert raised.value.found == SCHEMA_VERSION + 1
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("content", [
    b"{not json", b"[]", b'{"views": []}', b'{"schema_version": "2"}',
    b'{"schema_version": 2, "views": [{"name": ""}]}',
    b'{"schema_version": 2, "views": [{"name": "x", "unknown": 1}]}',
    b'{"schema_version": 2, "views": [{"name": "x", "filter": {"date_from": {}}}]}',
    b"\xff\xfe",
])  # fmt: skip
def test_a_corrupt_file_is_moved_aside(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "v.views.json"
    path.write_bytes(content)
    with pytest.raises(ViewsCorrupt) as raised:
        load_views(path, now=lambda: WHEN)
    moved = tmp_path / "v.views.corrupt-20260302-093000.json"
    assert raised.value.moved_to == moved
    assert moved.read_bytes() == content and not path.exists()


def test_day_refs_are_one_or_the_other() -> None:
    with pytest.raises(ValidationError):
        DayRef()
    with pytest.raises(ValidationError):
        DayRef(days_from_today=0, fixed=date(2026, 1, 1))
    assert DayRef(days_from_today=-1).resolve(date(2026, 3, 1)) == date(2026, 2, 28)

"""orders.completed_at (revision 0007): the completion time, written by the writer, filled
by the migration for cached rows, indexed, and rebuilt after a bulk load."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from desktop_app.cache import bulk_schema, migrate, queries, writer
from desktop_app.cache.ddl_0007 import COMPLETED_INDEX, completion_of
from desktop_app.cache.engine import make_engine
from desktop_app.cache.queries import OrderFilter
from desktop_app.cache.store import CacheStore
from desktop_app.contract.orders import StatusEventOut
from desktop_app.domain.enums import OrderStatus
from sqlalchemy import inspect

from tests.cache import old_cache, records

T0 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def _completed_at(path: Path) -> dict[str, str | None]:
    engine = make_engine(path)
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT order_number, completed_at FROM orders")
        found = {number: at for number, at in rows}
    engine.dispose()
    return found


def _reopened() -> object:
    """An order completed once and then back in processing (its status wins)."""
    done = records.order(3, status=OrderStatus.COMPLETED, created_at=T0)
    history = [*done.history, StatusEventOut(status=OrderStatus.IN_PROCESSING,
                                             at=T0 + timedelta(days=2))]
    return done.model_copy(update={"history": history, "status": OrderStatus.IN_PROCESSING})


def _models() -> list[writer.Model]:
    twice = records.order(4, status=OrderStatus.COMPLETED, created_at=T0)
    history = [*twice.history, StatusEventOut(status=OrderStatus.COMPLETED,
                                              at=T0 + timedelta(days=3, microseconds=7))]
    return [
        records.order(1, status=OrderStatus.COMPLETED, created_at=T0),
        records.order(2, status=OrderStatus.IN_PROCESSING, created_at=T0),
        _reopened(),  # type: ignore[list-item]
        twice.model_copy(update={"history": history}),  # the last completion counts
    ]


EXPECTED = {
    "AU-00000001": "2026-03-02T10:00:00.000000Z",
    "AU-00000002": None,
    "AU-00000003": None,
    "AU-00000004": "2026-03-04T10:00:00.000007Z",
}


def test_the_writer_fills_completed_at(cache_path: Path) -> None:
    with CacheStore(cache_path) as store:
        writer.apply_page(store, records.upserts(_models()), [], "c1")
        # back in processing: the completion goes
        writer.apply_page(store, records.upserts([records.order(
            1, status=OrderStatus.IN_PROCESSING, created_at=T0)]), [], "c2")
    assert _completed_at(cache_path) == {**EXPECTED, "AU-00000001": None}


def test_upgrade_from_0006_fills_completed_at_from_the_histories(cache_path: Path) -> None:
    migrate.upgrade(cache_path, "0006")
    old = CacheStore(cache_path, migrate=False)
    old_cache.apply_old_page(old, records.upserts(_models()), "c1")
    with old.write() as connection:  # an unreadable history: no completion, no failure
        connection.exec_driver_sql(
            "UPDATE order_details SET history_json = 'not json' WHERE order_id = "
            "(SELECT id FROM orders WHERE order_number = 'AU-00000004')")
    old.dispose()
    with CacheStore(cache_path) as store, store.session() as session:
        assert migrate.current_revision(cache_path) == "0007"
        assert queries.count_orders(session, OrderFilter(completed_from=T0.date())) == 1
    assert _completed_at(cache_path) == {**EXPECTED, "AU-00000004": None}
    engine = make_engine(cache_path)
    with engine.connect() as connection:
        names = {ix["name"] for ix in inspect(connection).get_indexes("orders")}
    engine.dispose()
    assert COMPLETED_INDEX in names


def test_downgrade_from_0007_drops_the_column(cache_path: Path) -> None:
    migrate.upgrade(cache_path)
    engine = migrate._migration_engine(cache_path)
    with engine.connect() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
        connection.commit()
        columns = {c["name"] for c in inspect(connection).get_columns("orders")}
    engine.dispose()
    assert "completed_at" not in columns
    assert migrate.current_revision(cache_path) == "0006"


def test_a_bulk_load_drops_and_rebuilds_the_completion_index(cache_path: Path) -> None:
    assert COMPLETED_INDEX in {str(index.name) for index in bulk_schema.bulk_indexes()}
    with CacheStore(cache_path) as store:
        writer.begin_bulk_load(store)
        with store.session() as session:
            plan = session.connection().exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'").scalars().all()
        assert COMPLETED_INDEX not in plan
        writer.apply_page(store, records.upserts(_models()), [], "c1")
        writer.finish_bulk_load(store)
        with store.session() as session:
            detail = " ".join(str(row[-1]) for row in session.connection().exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM orders WHERE completed_at >= "
                "'2026-03-01' AND completed_at < '2026-03-05'"))
            assert queries.count_orders(session, OrderFilter(completed_from=T0.date())) == 2
    assert COMPLETED_INDEX in detail


def test_completion_of_reads_wire_histories() -> None:
    assert completion_of('[{"status": "received", "at": "2026-03-01T10:00:00Z"},'
                         ' {"status": "completed", "at": "2026-03-02T12:00:00+01:00"}]'
                         ) == "2026-03-02T11:00:00.000000Z"
    assert completion_of('[{"status": "completed", "at": "yesterday"}]') is None
    assert completion_of("{}") is None
    assert completion_of(None) is None
    assert completion_of("[1, null]") is None

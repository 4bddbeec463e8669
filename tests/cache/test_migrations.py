"""Migrations create the schema; a cache made by revision 0001 upgrades to head."""

import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from desktop_app.cache import migrate, queries, revision
from desktop_app.cache.engine import make_engine
from desktop_app.cache.schema import Base
from desktop_app.cache.store import CacheStore
from sqlalchemy import inspect

from tests.cache import old_cache, records


def test_new_cache_is_at_head(cache_path: Path) -> None:
    with CacheStore(cache_path):
        pass
    assert migrate.current_revision(cache_path) == migrate.head_revision() == "0007"


def test_migrations_produce_exactly_the_models(cache_path: Path) -> None:
    migrate.upgrade(cache_path)
    engine = make_engine(cache_path)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert [d for d in diff if "order_search" not in repr(d)] == []
    assert {"orders", "order_documents", "order_search", "sync_state", "products"} <= tables
    assert not tables & {"order_items", "order_item_options", "order_usage_locations",
                         "order_status_events", "order_recipients"}  # fmt: skip


def test_indexes_for_sortable_and_filter_columns(cache_path: Path) -> None:
    migrate.upgrade(cache_path)
    engine = make_engine(cache_path)
    with engine.connect() as connection:
        leading = {ix["column_names"][0] for ix in inspect(connection).get_indexes("orders")}
    engine.dispose()
    assert {
        "order_number", "created_at", "customer_name", "business_transaction",
        "product_family", "product_name_de", "status_rank", "contract_number", "updated_at",
        "created_by",
    } <= leading  # fmt: skip


def test_upgrade_from_0001_backfills_search(cache_path: Path) -> None:
    migrate.upgrade(cache_path, "0001")
    assert migrate.current_revision(cache_path) == "0001"
    # Fill the 0001 cache through the writer without upgrading it.
    old = CacheStore(cache_path, migrate=False)
    models = [records.order(1, customer_name="Schröder Bau AG"), records.order(2)]
    old_cache.apply_old_page(old, records.upserts(models), "c1")
    old.dispose()

    with CacheStore(cache_path) as store, store.session() as session:
        assert migrate.current_revision(cache_path) == revision.HEAD_REVISION
        search = queries.OrderFilter(text="schröder")
        found = queries.order_ids(session, search, queries.OrderSort())
        assert found == ["order-000001"]
        assert queries.count_orders(session, queries.OrderFilter(text="AU-0000000")) == 2
        assert queries.sync_state(session).cursor == "c1"


def test_stamp_and_current_revision(cache_path: Path) -> None:
    assert migrate.current_revision(cache_path) is None
    migrate.upgrade(cache_path, "0001")
    migrate.stamp(cache_path, "0002")
    assert migrate.current_revision(cache_path) == "0002"


def test_head_revision_constant_is_alembics_head() -> None:
    assert migrate.head_revision() == revision.HEAD_REVISION


def test_current_revision_without_alembic_agrees(cache_path: Path) -> None:
    assert revision.current_revision(cache_path) is None  # missing
    migrate.upgrade(cache_path, "0001")
    assert revision.current_revision(cache_path) == "0001" == migrate.current_revision(cache_path)
    assert not revision.is_at_head(cache_path)
    migrate.upgrade(cache_path)
    assert revision.current_revision(cache_path) == migrate.current_revision(cache_path)
    assert revision.is_at_head(cache_path)


def test_opening_a_cache_at_head_does_not_import_alembic(cache_path: Path) -> None:
    with CacheStore(cache_path):
        pass
    script = (
        "import sys; from pathlib import Path; from desktop_app.cache.store import CacheStore\n"
        f"CacheStore(Path({str(cache_path)!r})).dispose()\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'alembic'], 'alembic imported'"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], cwd=root, check=True)  # noqa: S603 (fixed arguments)


def test_upgrade_from_0003_adds_pending_submissions_and_keeps_orders(cache_path: Path) -> None:
    migrate.upgrade(cache_path, "0003")
    old = CacheStore(cache_path, migrate=False)
    old_cache.apply_old_page(old, records.upserts([records.order(1)]), "c1")
    old.dispose()
    with CacheStore(cache_path) as store, store.session() as session:
        assert migrate.current_revision(cache_path) == revision.HEAD_REVISION
        assert queries.count_orders(session, queries.OrderFilter()) == 1
    engine = make_engine(cache_path)
    with engine.connect() as connection:
        assert "pending_submissions" in inspect(connection).get_table_names()
    engine.dispose()


def test_upgrade_from_0005_adds_marks_and_notifications(cache_path: Path) -> None:
    migrate.upgrade(cache_path, "0005")
    old = CacheStore(cache_path, migrate=False)
    old_cache.apply_old_page(old, records.upserts([records.order(1)]), "c1")  # untracked
    old.dispose()
    with CacheStore(cache_path) as store, store.session() as session:
        assert migrate.current_revision(cache_path) == revision.HEAD_REVISION
        assert queries.count_orders(session, queries.OrderFilter()) == 1
    engine = make_engine(cache_path)
    with engine.connect() as connection:
        assert {"order_marks", "notifications"} <= set(inspect(connection).get_table_names())
        created = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'notifications'").scalar_one()
    engine.dispose()
    assert "AUTOINCREMENT" in created  # ids never reused: "the ones after id N" stays right


def test_downgrade_from_0006_drops_marks_and_notifications(cache_path: Path) -> None:
    from alembic import command

    migrate.upgrade(cache_path)
    engine = migrate._migration_engine(cache_path)
    with engine.connect() as connection:
        config = migrate.alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        connection.commit()
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert not tables & {"order_marks", "notifications"}
    assert migrate.current_revision(cache_path) == "0005"

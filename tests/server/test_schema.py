"""The server's schema under its own Alembic migrations, on SQLite and (with the test switch)
PostgreSQL: applied when a Database opens, exactly once however many open it at once,
adopting databases made by create_all; 64-bit sequence, counters and ids; UTC timestamps
(TIMESTAMP WITH TIME ZONE on PostgreSQL); a pool for every request thread."""

import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from desktop_app.server import schema
from desktop_app.server.database import FEED_EPOCH, FEED_HORIZON, FEED_SEQ, Database
from desktop_app.server.db import Base, ChangeRow, CounterRow, OutboxRow, PartyRow, UtcDateTime
from desktop_app.server.engine import POOL_SIZE, REQUEST_THREADS, make_engine
from desktop_app.server.search_key import party_search_key
from sqlalchemy import func, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

from tests.postgres import require_postgres
from tests.server.databases import server_database

BIG = 2**40  # far beyond a 32-bit INTEGER


def _engine(url: str) -> Engine:
    return make_engine(url, pool_size=2, max_overflow=0)


def _revisions(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.scalars(text("SELECT version_num FROM alembic_version")))


def test_a_new_database_is_migrated_to_the_head_and_matches_the_models(tmp_path: Path) -> None:
    with server_database(tmp_path) as url:
        Database(url).dispose()
        engine = _engine(url)
        try:
            assert _revisions(engine) == [schema.head_revision()]
            with engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                assert compare_metadata(context, Base.metadata) == []
        finally:
            engine.dispose()


def test_upgrade_migrates_and_returns_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    with server_database(tmp_path) as url:
        schema.upgrade(url)
        schema.upgrade(url)
        engine = _engine(url)
        try:
            assert schema.current_revision(engine) == schema.head_revision()
            assert _revisions(engine) == [schema.head_revision()]
        finally:
            engine.dispose()
        database = Database(url)  # a migrated database opens as any other
        with database.read() as session:
            assert session.get(CounterRow, FEED_SEQ) is not None
        database.dispose()


def _create_all_era_rows(engine: Engine) -> None:
    """What a server made by create_all (before migrations) held: no alembic_version, no
    search key, its counters."""
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text(
            "INSERT INTO tenants (id, name, email, parent_id, has_power_of_attorney, "
            "is_provider) VALUES ('t-alt', 'Alt GmbH', NULL, NULL, :no, :no)"), {"no": False})
        connection.execute(text(
            "INSERT INTO parties (id, tenant_id, kind, customer_number, company, contact_name,"
            " email, street, postal_code, city, country, updated_at) VALUES ('p-alt', 't-alt',"
            " 'customer', 'KD-100001', 'Bäckerei Müller', 'Jörg Weiß', NULL, 'Hafenstraße 1',"
            " '20457', 'Hamburg', 'DE', :at)"), {"at": datetime(2024, 5, 6, 7, 8, 9)})
        connection.execute(text("INSERT INTO counters (name, value) VALUES (:n, :v)"), [
            {"n": FEED_SEQ, "v": 7}, {"n": FEED_HORIZON, "v": 0}, {"n": FEED_EPOCH, "v": 4242}])
        connection.execute(text(
            "INSERT INTO change_log (seq, kind, entity_id, tenant_id, op, data, changed_at) "
            "VALUES (7, 'customer', 'p-alt', 't-alt', 'upsert', '{}', :at)"),
            {"at": datetime(2024, 5, 6, 7, 8, 9)})


def test_a_database_made_by_create_all_is_adopted_with_its_data(tmp_path: Path) -> None:
    with server_database(tmp_path) as url:
        engine = _engine(url)
        try:
            # Revision 0001 is exactly the schema create_all made (compared by hand once:
            # same tables, columns, types, indexes and constraints on SQLite and PostgreSQL).
            schema.migrate(engine, schema.BASE_REVISION)
            _create_all_era_rows(engine)
            assert schema.current_revision(engine) is None
        finally:
            engine.dispose()

        database = Database(url)
        try:
            with database.read() as session:
                party = session.get(PartyRow, "p-alt")
                assert party is not None
                assert party.search_key == party_search_key("Bäckerei Müller", "KD-100001",
                                                            "Jörg Weiß")
                assert party.updated_at == datetime(2024, 5, 6, 7, 8, 9)
                change = session.get(ChangeRow, 7)
                assert change is not None and change.changed_at == datetime(2024, 5, 6, 7, 8, 9)
                counters = {row.name: row.value for row in session.scalars(select(CounterRow))}
                assert counters == {FEED_SEQ: 7, FEED_HORIZON: 0, FEED_EPOCH: 4242}
        finally:
            database.dispose()
        engine = _engine(url)
        try:
            assert _revisions(engine) == [schema.head_revision()]
        finally:
            engine.dispose()


def test_several_openers_of_a_new_database_at_once_migrate_it_once(tmp_path: Path) -> None:
    # Each opener has an engine (and connections) of its own, as separate processes have.
    openers = 6
    with server_database(tmp_path) as url:
        start = threading.Barrier(openers)
        errors: list[BaseException] = []

        def open_database() -> None:
            try:
                start.wait(timeout=60)
                Database(url, pool_size=1, max_overflow=0).dispose()
            except BaseException as error:  # reported below, with the others
                errors.append(error)

        threads = [threading.Thread(target=open_database) for _ in range(openers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert errors == []
        engine = _engine(url)
        try:
            assert _revisions(engine) == [schema.head_revision()]
            with engine.connect() as connection:
                names = list(connection.scalars(select(CounterRow.name).order_by(
                    CounterRow.name)))
            assert names == sorted([FEED_EPOCH, FEED_HORIZON, FEED_SEQ])
        finally:
            engine.dispose()


def test_seq_counters_and_ids_hold_64_bit_values(tmp_path: Path) -> None:
    with server_database(tmp_path) as url:
        database = Database(url)
        try:
            with database.write() as session:
                session.execute(text(
                    "INSERT INTO tenants (id, name, has_power_of_attorney, is_provider) "
                    "VALUES ('t-big', 'Groß', :no, :no)"), {"no": False})
                session.add(CounterRow(name="big", value=BIG))
                session.add(ChangeRow(seq=BIG + 1, kind="customer", entity_id="x",
                                      tenant_id="t-big", op="delete", data=None,
                                      changed_at=datetime(2025, 1, 1)))
                if database.is_postgres:  # the id sequence past 32 bits
                    session.execute(text("SELECT setval('email_outbox_id_seq', :v)"), {"v": BIG})
                else:  # SQLite's next rowid follows the largest
                    session.add(OutboxRow(id=BIG, kind="k", tenant_id="t-big", subject="s",
                                          reference_id="r", recipients=[],
                                          created_at=datetime(2025, 1, 1)))
                    session.flush()
                generated = OutboxRow(kind="k", tenant_id="t-big", subject="s",
                                      reference_id="r", recipients=[],
                                      created_at=datetime(2025, 1, 1))
                session.add(generated)
                session.flush()
                assert generated.id == BIG + 1
            with database.write() as session:
                session.execute(update(CounterRow).where(CounterRow.name == "big")
                                .values(value=CounterRow.value + BIG))
            with database.read() as session:
                assert session.scalar(select(CounterRow.value).where(
                    CounterRow.name == "big")) == 2 * BIG
                assert session.scalar(select(func.max(ChangeRow.seq))) == BIG + 1
        finally:
            database.dispose()


def _moments() -> dict[str, tuple[datetime, datetime]]:
    """Stored value -> what reads back (naive UTC)."""
    berlin_summer = timezone(timedelta(hours=2))
    return {
        "naive": (datetime(2025, 3, 30, 1, 30, 15, 123456), datetime(2025, 3, 30, 1, 30, 15,
                                                                      123456)),
        "aware": (datetime(2025, 7, 1, 12, 0, tzinfo=berlin_summer), datetime(2025, 7, 1, 10, 0)),
        "utc": (datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC), datetime(2025, 12, 31, 23, 59,
                                                                          59)),
    }


def test_timestamps_read_back_as_naive_utc_whatever_the_session_time_zone(
        tmp_path: Path) -> None:
    with server_database(tmp_path) as url:
        database = Database(url)
        try:
            with database.write() as session:
                for seq, (entity, (stored, _read)) in enumerate(_moments().items(), start=1):
                    session.add(ChangeRow(seq=seq, kind="customer", entity_id=entity,
                                          tenant_id="t", op="delete", data=None,
                                          changed_at=stored))
            with database.read() as session:
                if database.is_postgres:  # as a session of another client might be set up
                    session.execute(text("SET LOCAL TIME ZONE 'America/New_York'"))
                read = {row.entity_id: row.changed_at for row in session.scalars(
                    select(ChangeRow))}
                assert read == {entity: expected for entity, (_s, expected)
                                in _moments().items()}
                assert all(moment.tzinfo is None for moment in read.values())
                # Comparisons bind through the type as well: 10:00 UTC is before 11:00 UTC.
                earlier = session.scalars(select(ChangeRow.entity_id).where(
                    ChangeRow.changed_at < datetime(2025, 7, 1, 11, 0),
                    ChangeRow.changed_at > datetime(2025, 7, 1, 9, 0))).all()
                assert earlier == ["aware"]
        finally:
            database.dispose()


def _column_types(url: str) -> dict[tuple[str, str], str]:
    engine = _engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'public'"))
            return {(table, column): kind for table, column, kind in rows}
    finally:
        engine.dispose()


def test_postgres_stores_timestamps_with_time_zone_and_64_bit_numbers(tmp_path: Path) -> None:
    require_postgres()
    with server_database(tmp_path) as url:
        Database(url).dispose()
        types = _column_types(url)
        moments = [(table.name, column.name) for table in Base.metadata.sorted_tables
                   for column in table.columns if isinstance(column.type, UtcDateTime)]
        assert len(moments) == 19
        assert {types[key] for key in moments} == {"timestamp with time zone"}
        numbers = [("change_log", "seq"), ("counters", "value"), ("order_events", "id"),
                   ("email_outbox", "id")]
        assert {types[key] for key in numbers} == {"bigint"}
        engine = _engine(url)
        try:
            with engine.connect() as connection:
                sequences: dict[str, str] = dict(connection.execute(text(
                    "SELECT sequencename, data_type FROM pg_sequences")).all())
        finally:
            engine.dispose()
        assert sequences == {"order_events_id_seq": "bigint", "email_outbox_id_seq": "bigint"}


def test_the_pool_has_a_connection_for_every_request_thread(tmp_path: Path) -> None:
    """Every one of AnyIO's request threads may hold a session at once without waiting for
    the pool (which used to be 5 + 10)."""
    with server_database(tmp_path) as url:
        database = Database(url)
        try:
            pool = database.engine.pool
            assert isinstance(pool, QueuePool)
            assert pool.size() == POOL_SIZE >= REQUEST_THREADS
            holding = threading.Barrier(REQUEST_THREADS + 1)
            release = threading.Event()
            failures: list[BaseException] = []

            def hold_a_session() -> None:
                try:
                    with database.read() as session:
                        session.execute(select(CounterRow.value).limit(1)).all()
                        holding.wait(timeout=60)  # all threads hold a connection now
                        release.wait(timeout=60)
                except BaseException as error:
                    failures.append(error)

            threads = [threading.Thread(target=hold_a_session) for _ in range(REQUEST_THREADS)]
            for thread in threads:
                thread.start()
            holding.wait(timeout=60)
            checked_out = pool.checkedout()
            release.set()
            for thread in threads:
                thread.join(timeout=60)
            assert failures == []
            assert checked_out == REQUEST_THREADS
        finally:
            database.dispose()


def test_a_failed_migration_leaves_the_database_closed_and_reports_it(tmp_path: Path) -> None:
    with server_database(tmp_path) as url:
        engine = _engine(url)
        try:
            schema.migrate(engine)
            with engine.begin() as connection:  # a revision this server does not know
                connection.execute(text("UPDATE alembic_version SET version_num = 'future'"))
        finally:
            engine.dispose()
        with pytest.raises(Exception, match="future"):
            Database(url)

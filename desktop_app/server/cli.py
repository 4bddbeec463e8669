"""`orderdesk-server`: run the reference backend, optionally seeding it first.

`orderdesk-server migrate --database URL` brings the database's schema to the newest
revision and exits (serving does that too, on start). `--workers N` serves with N processes
(desktop_app.server.workers); SQLite serves one process only and refuses more.
"""

import argparse
import logging
import sys
import time
from pathlib import Path

import uvicorn
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from desktop_app import __version__
from desktop_app.server.app import create_app
from desktop_app.server.database import Database
from desktop_app.server.schema import upgrade
from desktop_app.server.serving import FeedServer, listening_socket
from desktop_app.server.settings import ServerSettings
from desktop_app.server.workers import STARTUP_FAILURE, serve_workers

DEFAULT_DATABASE = "sqlite:///orderdesk-server.sqlite3"
SERVE, MIGRATE = "serve", "migrate"

log = logging.getLogger(__name__)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="orderdesk-server", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", choices=(SERVE, MIGRATE), default=SERVE,
                        help="serve (default), or migrate the database's schema and exit")
    parser.add_argument("--database", default=DEFAULT_DATABASE,
                        help="SQLAlchemy URL (default: %(default)s)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="worker processes (default: %(default)s; more than one needs "
                             "PostgreSQL)")
    parser.add_argument("--seed", metavar="demo|N",
                        help="seed the demo data set, or N generated orders for benchmarks")
    parser.add_argument("--seed-only", action="store_true", help="seed, then exit")
    parser.add_argument("--clock-speed", type=float, default=1.0,
                        help="simulated processing time runs this many times faster")
    parser.add_argument("--simulator-interval", type=float, default=2.0,
                        help="seconds between processing-simulator rounds; 0 switches it off")
    parser.add_argument("--version", action="version", version=__version__)
    args = parser.parse_args(argv)
    try:
        backend = make_url(args.database).get_backend_name()
    except ArgumentError:
        # Not echoed: an unparsable URL may still hold a password.
        parser.error("--database: not an SQLAlchemy URL (dialect+driver://user@host/name)")
    if args.command == MIGRATE and (args.seed is not None or args.seed_only):
        parser.error("migrate does not seed: run --seed after it")
    if args.seed not in (None, "demo") and not str(args.seed).isdigit():
        parser.error("--seed takes 'demo' or a number of orders")
    if args.clock_speed <= 0:
        parser.error("--clock-speed must be positive")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.workers > 1 and backend == "sqlite":
        parser.error(f"--workers {args.workers}: an SQLite database is served by one process "
                     "only (its writers would lock each other out); use a PostgreSQL "
                     "database (postgresql+psycopg://...) for several workers")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if args.command == MIGRATE:
        upgrade(args.database)
        print("database schema is up to date", file=sys.stderr)
        return 0
    settings = ServerSettings(database_url=args.database, clock_speed=args.clock_speed,
                              simulator_interval=args.simulator_interval)
    database = Database(settings.database_url)  # migrates, once, before any worker starts
    if args.seed is not None:
        _seed(database, args.seed)
    if args.seed_only:
        database.dispose()
        return 0
    if args.database == DEFAULT_DATABASE:
        print(f"database: {Path('orderdesk-server.sqlite3').resolve()}", file=sys.stderr)
    try:
        listener = listening_socket(args.host, args.port, shared=args.workers > 1)
    except OSError as error:
        log.error("cannot listen on %s:%s: %s", args.host, args.port, error)
        database.dispose()
        return STARTUP_FAILURE
    port = listener.getsockname()[1]
    log.info("OrderDesk reference backend on http://%s:%s (%d %s)", args.host, port,
             args.workers, "worker" if args.workers == 1 else "workers")
    if args.workers > 1:
        database.dispose()  # each worker opens its own
        return serve_workers(settings, listener, args.workers)
    server = FeedServer(uvicorn.Config(create_app(settings, database), host=args.host,
                                       port=port, log_level="info"))
    server.run(sockets=[listener])
    return 0 if server.started else STARTUP_FAILURE


def _seed(database: Database, what: str) -> None:
    from desktop_app.server import seed  # Faker is slow to import; only when seeding

    started = time.perf_counter()
    if what == "demo":
        seed.seed_demo(database)
    else:
        seed.seed_generated(database, int(what))
    print(f"seeded {what} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if what == "demo":
        print(seed.DEMO_LOGINS_TEXT, file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())

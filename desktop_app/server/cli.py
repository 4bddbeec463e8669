"""`orderdesk-server`: run the reference backend, optionally seeding it first."""

import argparse
import logging
import sys
import time
from pathlib import Path

import uvicorn

from desktop_app import __version__
from desktop_app.server.app import create_app
from desktop_app.server.database import Database
from desktop_app.server.serving import FeedServer
from desktop_app.server.settings import ServerSettings

DEFAULT_DATABASE = "sqlite:///orderdesk-server.sqlite3"
STARTUP_FAILURE = 3  # as uvicorn.run exits when the server did not start (port taken, ...)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="orderdesk-server", description=__doc__)
    parser.add_argument("--database", default=DEFAULT_DATABASE,
                        help="SQLAlchemy URL (default: %(default)s)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", metavar="demo|N",
                        help="seed the demo data set, or N generated orders for benchmarks")
    parser.add_argument("--seed-only", action="store_true", help="seed, then exit")
    parser.add_argument("--clock-speed", type=float, default=1.0,
                        help="simulated processing time runs this many times faster")
    parser.add_argument("--simulator-interval", type=float, default=2.0,
                        help="seconds between processing-simulator rounds; 0 switches it off")
    parser.add_argument("--version", action="version", version=__version__)
    args = parser.parse_args(argv)
    if args.seed not in (None, "demo") and not str(args.seed).isdigit():
        parser.error("--seed takes 'demo' or a number of orders")
    if args.clock_speed <= 0:
        parser.error("--clock-speed must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    settings = ServerSettings(database_url=args.database, clock_speed=args.clock_speed,
                              simulator_interval=args.simulator_interval)
    database = Database(settings.database_url)
    if args.seed is not None:
        from desktop_app.server import seed  # Faker is slow to import; only when seeding

        started = time.perf_counter()
        if args.seed == "demo":
            seed.seed_demo(database)
        else:
            seed.seed_generated(database, int(args.seed))
        print(f"seeded {args.seed} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        if args.seed == "demo":
            print(seed.DEMO_LOGINS_TEXT, file=sys.stderr)
    if args.seed_only:
        return 0
    if args.database == DEFAULT_DATABASE:
        print(f"database: {Path('orderdesk-server.sqlite3').resolve()}", file=sys.stderr)
    server = FeedServer(uvicorn.Config(create_app(settings, database), host=args.host,
                                       port=args.port, log_level="info"))
    server.run()
    return 0 if server.started else STARTUP_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())

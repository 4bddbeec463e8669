"""`orderdesk`: the composition root of the desktop app.

The desktop window arrives with step 3; until then `--demo` runs the embedded reference
backend with fresh demo data so that it can be explored over HTTP.
"""

import argparse
import sys
import tempfile
import threading
from pathlib import Path

from desktop_app import __version__

DEMO_CLOCK_SPEED = 60.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="orderdesk", description="OrderDesk order client")
    parser.add_argument("--demo", action="store_true",
                        help="run against an embedded reference backend with demo data")
    parser.add_argument("--backend", metavar="URL", help="the order backend to work with")
    parser.add_argument("--version", action="version", version=f"OrderDesk {__version__}")
    return parser.parse_args(argv)


def run_demo_backend(stop: threading.Event) -> int:
    from desktop_app.server.database import Database
    from desktop_app.server.embedded import EmbeddedServer
    from desktop_app.server.seed import DEMO_LOGINS_TEXT, seed_demo
    from desktop_app.server.settings import ServerSettings

    with tempfile.TemporaryDirectory(prefix="orderdesk-demo-") as folder:
        url = f"sqlite:///{Path(folder) / 'demo-backend.sqlite3'}"
        database = Database(url)
        seed_demo(database)
        database.dispose()
        server = EmbeddedServer.start(ServerSettings(database_url=url,
                                                     clock_speed=DEMO_CLOCK_SPEED))
        print(f"Demo backend: {server.api} (OpenAPI: {server.base_url}/docs)")
        print(DEMO_LOGINS_TEXT)
        print("The desktop window is not built yet (step 3 of the plan). Ctrl+C ends the demo.")
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.demo:
        return run_demo_backend(threading.Event())
    print("OrderDesk's desktop window is not built yet; `orderdesk --demo` starts the demo "
          "backend.", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())

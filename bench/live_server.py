"""The reference server for bench/live_bench.py, in its own process, with a status-change pump.

    python bench/live_server.py --database sqlite:///path/server.sqlite3

Serves the seeded database on 127.0.0.1 (EmbeddedServer: uvicorn in a thread of this process,
the processing simulator off) and prints `READY <api url>`. Then reads commands, one a line:

  * `pick` -> `PICKED <order id> <new status>`: the next order the pump would move on (the
    newest received order, else the newest one in processing), nothing committed yet;
  * `commit <order id>` -> `COMMITTED <order id> <status> <t>`: moves that order one step
    (received -> in processing, in processing -> completed with its contract) with the
    simulator's own functions in one `Database.write()` transaction, so the change feed and its
    wake-up fire as in production. `t` is time.monotonic() taken just before the commit
    (system-wide on Linux: comparable with the clients' clocks);
  * `quit` (or the end of stdin): stops the server.
A command that cannot be carried out answers `ERROR <why>`; the server goes on.

The main thread only blocks on stdin, so this process's CPU time is the server's.
"""

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from desktop_app.domain.enums import OrderStatus
from desktop_app.server.database import Database, utcnow
from desktop_app.server.db import OrderRow
from desktop_app.server.embedded import EmbeddedServer
from desktop_app.server.settings import ServerSettings
from desktop_app.server.simulator import advance_order
from sqlalchemy import select

NEXT_STATUS = {OrderStatus.RECEIVED: OrderStatus.IN_PROCESSING,
               OrderStatus.IN_PROCESSING: OrderStatus.COMPLETED}  # fmt: skip


def pick(database: Database) -> tuple[str, OrderStatus] | None:
    with database.read() as session:
        for status in NEXT_STATUS:
            order_id = session.scalars(
                select(OrderRow.id).where(OrderRow.status == status)
                .order_by(OrderRow.created_at.desc(), OrderRow.id).limit(1)).first()  # fmt: skip
            if order_id is not None:
                return order_id, NEXT_STATUS[status]
    return None


def commit(database: Database, order_id: str) -> tuple[OrderStatus, float]:
    """One step of one order, committed; (its new status, monotonic time before the commit)."""
    now = utcnow()
    with database.write() as session:
        moved = advance_order(session, order_id, now)
        if moved is None:
            raise ValueError(f"order {order_id!r} cannot move on")
        status = moved
        stamp = time.monotonic()  # the block's end commits (and wakes the waiters)
    return status, stamp


def serve(url: str) -> None:
    settings = ServerSettings(database_url=url, simulator_interval=0,
                              access_token_ttl=timedelta(hours=4))  # fmt: skip
    server = EmbeddedServer.start(settings)
    database = server.context.database
    print(f"READY {server.api} {os.getpid()}", flush=True)
    try:
        for line in sys.stdin:
            command, _, argument = line.strip().partition(" ")
            if command == "pick":
                picked = pick(database)
                print("PICKED none" if picked is None else f"PICKED {picked[0]} {picked[1].value}",
                      flush=True)  # fmt: skip
            elif command == "commit":
                try:
                    status, stamp = commit(database, argument)
                except ValueError as error:
                    print(f"ERROR {error}", flush=True)
                    continue
                print(f"COMMITTED {argument} {status.value} {stamp:.6f}", flush=True)
            elif command == "quit":
                break
            elif command:
                print(f"ERROR unknown command {command!r}", flush=True)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True, help="SQLAlchemy URL of a seeded database")
    serve(parser.parse_args().database)


if __name__ == "__main__":
    main()

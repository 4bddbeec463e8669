"""Simulator soak: several server processes on one database, the processing simulator at a fast
clock for a while, then: was every step applied exactly once?

    python bench/simulator_soak.py --postgres ADMIN_URL [--workers 3 | --processes 3]
        [--duration 600] [--clock-speed 20000] [--seed 2000] [--submitting 4]
    python bench/simulator_soak.py --quick            (SQLite, one process, 20 s)
    python bench/simulator_soak.py --check-only URL --baseline FILE

Seeds a database of its own (`orderdesk-server --seed-only --seed N`), serves it with
`orderdesk-server --workers 3` (or, with --processes 3, three servers side by side on the same
database, which is what --workers amounts to for the simulator), every worker's simulator on
at --simulator-interval, and keeps a supply of new orders coming through the real API (cart ->
quote -> order, --submitting partner clerks, one order every --submit-interval s each). After
--duration the servers stop and the database is checked: every order has exactly one event per
status it reached (received, in processing, completed: no step applied twice, none skipped),
every contract created during the run belongs to exactly one order (no orphan), every completed
new order has its contract, and no record is in the change feed twice. Prints what moved,
the requests and their errors, and the check; exits 1 when the check fails or a request failed.
--keep keeps the database and writes the baseline (contracts before the run) next to the logs,
so --check-only can check it again.
"""

import argparse
import asyncio
import os
import shutil
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from desktop_app.server.seed import DEMO_PASSWORD

from load import server as servers  # bench/ is the script folder: sys.path[0]
from load import soakcheck
from load.clerk import Clerk, Run, clerk_http
from load.stats import Recorder, table

SOAK_USERS = ("max.nord", "lena.hh", "paul.sued", "mia.rhein")  # partner clerks
PROGRESS_EVERY_S = 60.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 s, 200 orders (SQLite: 1 "
                        "process)")
    parser.add_argument("--postgres", metavar="ADMIN_URL",
                        help="PostgreSQL cluster (a user that may create databases)")
    parser.add_argument("--workers", type=int, help="orderdesk-server --workers N")
    parser.add_argument("--processes", type=int, help="N orderdesk-server processes")
    parser.add_argument("--duration", type=float, default=600.0, help="seconds (default 10 min)")
    parser.add_argument("--clock-speed", type=float, default=20000.0)
    parser.add_argument("--simulator-interval", type=float, default=0.5)
    parser.add_argument("--seed", default="2000", help="N generated orders, or demo")
    parser.add_argument("--submitting", type=int, default=4)
    parser.add_argument("--submit-interval", type=float, default=1.0)
    parser.add_argument("--keep", action="store_true", help="keep the database and the logs")
    parser.add_argument("--check-only", metavar="DATABASE_URL",
                        help="only check this database (needs --baseline)")
    parser.add_argument("--baseline", type=Path, help="the baseline file a --keep run wrote")
    args = parser.parse_args(argv)
    if args.check_only:
        if args.baseline is None:
            parser.error("--check-only needs --baseline")
        return args
    if args.quick:
        args.duration, args.seed = min(args.duration, 20.0), "200"
    if args.workers is None and args.processes is None:
        if not args.postgres:
            args.workers, args.processes = 1, 1
        elif "--workers" in servers.cli_help():
            args.workers, args.processes = 3, 1
        else:
            print("note: this orderdesk-server has no --workers yet: three processes side by "
                  "side on one database instead (--processes 3)")
            args.workers, args.processes = 1, 3
    args.workers, args.processes = args.workers or 1, args.processes or 1
    if (args.workers > 1 or args.processes > 1) and not args.postgres:
        parser.error("several server processes need --postgres (SQLite is single-process)")
    if args.workers > 1 and "--workers" not in servers.cli_help():
        parser.error("this orderdesk-server has no --workers yet; try --processes N")
    return args


async def supply_orders(args: argparse.Namespace, apis: list[str],
                        deadline: float) -> Recorder:
    """Partner clerks order through the API until the deadline; progress once a minute."""
    run = Run(Recorder())
    clerks = [Clerk(f"clerk-{index}", SOAK_USERS[index % len(SOAK_USERS)], DEMO_PASSWORD,
                    clerk_http(apis[index % len(apis)]), run) for index in range(args.submitting)]
    stop = asyncio.Event()
    try:
        await asyncio.gather(*(clerk.connect() for clerk in clerks))
        tasks = [asyncio.create_task(clerk.submit_orders(args.submit_interval, stop))
                 for clerk in clerks]
        while (left := deadline - time.monotonic()) > 0:
            await asyncio.sleep(min(left, PROGRESS_EVERY_S))
            print(f"  {time.strftime('%H:%M:%S')}: {len(run.submitted)} orders submitted, "
                  f"{run.recorder.error_count} failed requests", flush=True)
        stop.set()
        await asyncio.gather(*tasks)
    finally:
        for clerk in clerks:
            await clerk.http.aclose()
    return run.recorder


def report(verdict: soakcheck.SoakVerdict) -> None:
    moved = ", ".join(f"{status} {verdict.moved[status]}" for status in soakcheck.STATUSES)
    print(f"  status events in the database: {moved}; contracts created in the run: "
          f"{verdict.new_contracts}")
    print(f"  check: {'passed' if verdict.passed else 'FAILED'}")
    for line in verdict.problems.lines():
        print(line)


def soak(args: argparse.Namespace) -> int:
    folder = Path(tempfile.mkdtemp(prefix="simulator-soak-"))
    url = (servers.create_postgres_database(args.postgres) if args.postgres
           else f"sqlite:///{folder / 'server.sqlite3'}")
    failed = True
    try:
        seconds = servers.seed(url, args.seed, folder / "seed.log")
        print(f"seeded --seed {args.seed} in {seconds:.1f} s; logs in {folder}")
        baseline = soakcheck.baseline_of(url, datetime.now(UTC).isoformat())
        baseline_file = folder / "baseline.json"
        baseline.save(baseline_file)
        started = servers.start(url, folder, workers=args.workers, processes=args.processes,
                                clock_speed=args.clock_speed,
                                simulator_interval=args.simulator_interval)
        shape = (f"--workers {args.workers}" if args.workers > 1
                 else f"{args.processes} processes")
        print(f"serving with {shape} ({len(started.pids())} server processes), simulator "
              f"every {args.simulator_interval:g} s at clock x{args.clock_speed:g}; "
              f"{args.submitting} clerks ordering for {args.duration:g} s")
        began = time.monotonic()
        cpu_before = started.cpu_seconds()
        try:
            recorder = asyncio.run(supply_orders(args, started.apis,
                                                 began + args.duration))
            alive = started.alive()
            cpu = (started.cpu_seconds() - cpu_before) / (time.monotonic() - began) * 100
        finally:
            codes = started.stop()
        print(f"  servers' CPU {cpu:.0f} % of one core; exit codes {codes}"
              f"{'' if alive else ' (a server ended during the run)'}")
        elapsed = time.monotonic() - began
        print(f"  requests ({elapsed:.0f} s): {recorder.requests}, errors "
              f"{recorder.error_count}")
        for line in table(recorder, elapsed):
            print(line)
        verdict = soakcheck.check(soakcheck.read_tables(url), baseline)
        report(verdict)
        failed = not verdict.passed or bool(recorder.error_count) or not alive or any(
            code not in (0, -signal.SIGINT) for code in codes)
        if args.keep:
            print(f"  kept: --check-only {url} --baseline {baseline_file}")
        return 1 if failed else 0
    finally:
        if args.postgres and not args.keep:
            servers.drop_postgres_database(args.postgres, url)
        if failed or args.keep:
            print(f"  logs kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.check_only:
        verdict = soakcheck.check(soakcheck.read_tables(args.check_only),
                                  soakcheck.Baseline.load(args.baseline))
        report(verdict)
        return 0 if verdict.passed else 1
    print(f"simulator soak: {os.cpu_count()} cores; load average before "
          f"{os.getloadavg()[0]:.2f}")
    code = soak(args)
    print(f"load average after {os.getloadavg()[0]:.2f}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())

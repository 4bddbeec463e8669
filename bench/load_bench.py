"""Load on the reference backend: many clerks listening, some ordering, the simulator running.

    python bench/load_bench.py [--quick] [--clerks 500] [--submitting 25] [--duration 60]
        [--postgres ADMIN_URL [--workers N | --processes N]] [--wait 25 | --poll 5]
        [--seed demo|N] [--clock-speed 3000] [--runs 3]

Seeds a database of its own (`orderdesk-server --seed-only`; SQLite file in a temporary
folder, or with --postgres a fresh database in that cluster, dropped afterwards) and serves it
with `orderdesk-server` (--workers N: that many worker processes; --processes N: N separate
servers on one PostgreSQL, clients spread over them), the processing simulator on at a fast
clock. Then N clerks (asyncio + httpx in this one process, spread over the seeded users and so
over several tenants):
  * connect: log in, GET /me, the whole feed from the start (at most --connect-concurrency
    clerks at a time, as a morning's start); each then listens right away;
  * live (--duration s): every clerk listens with GET /changes?wait=25 (or polls every --poll
    seconds without wait); --submitting clerks (5 % by default; partner clerks) order through
    the real path: POST /carts, validate, quote, send, customer approval, POST /orders with an
    Idempotency-Key, one every --submit-interval s each;
  * check: the listeners read on to the head, every user's feed is read once more from the
    start, and each clerk's view must hold exactly the feed's version of every record up to its
    cursor (nothing missing, stale, delivered twice or out of order), every submitted order in
    every feed of its tenant.
Prints per phase and endpoint: count, requests/s, p50/p95/p99 (ms, nearest rank) and errors;
the feed delivery (from the submitter's 201 to each listener having the new order); the
servers' and this process's CPU; the check; and the issue's targets. Baseline of the same run:
a plain GET /health round trip (median of 30). With --runs N, the medians over N runs.
This client process shares the machine's 2 cores with the servers: its CPU is printed too.
Exits 1 when the check fails or any request failed.
"""

import argparse
import asyncio
import math
import os
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
import httpx
from desktop_app.domain.enums import Role
from desktop_app.server.seed import DEMO_PASSWORD, USERS

from load import server as servers  # bench/ is the script folder: sys.path[0]
from load.clerk import Clerk, Failed, Run, clerk_http
from load.feedcheck import Change, FeedView, Snapshot, Verdict, check, cursor_seq, snapshot_of
from load.stats import Recorder, median_of, percentile, summary, table

ORDER_ENDPOINTS = ("POST /carts", "POST /carts/{id}/validate", "POST /carts/{id}/quote",
                   "POST /quotes/{id}/send", "POST /quotes/{id}/approval", "POST /orders")
FEED_ENDPOINTS = ("GET /changes (poll)",)  # no-wait reads while live
P95_TARGET_MS = 250.0
TARGET_CLERKS, TARGET_SUBMITTING, TARGET_WORKERS = 500, 25, 2
BASELINE_CALLS = 30
PROGRESS_EVERY = 100  # clerks connected
INJECTIONS = ("doubled", "lost")


@dataclass
class Figures:
    """One run's figures (what --runs takes the medians of)."""

    live_seconds: float = 0.0
    live_requests: int = 0
    errors: int = 0
    server_5xx: int = 0
    order_p95: float = float("nan")  # all order endpoints together
    orders_p95: float = float("nan")  # POST /orders alone
    feed_read_p95: float = float("nan")  # no-wait feed reads while live
    delivery_p95: float = float("nan")
    orders: int = 0
    problems: int = 0
    server_cpu: float = 0.0  # % of one core over the live phase
    client_cpu: float = 0.0
    health_ms: float = float("nan")
    notes: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.live_requests / self.live_seconds if self.live_seconds else 0.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="20 clerks, 2 submitting, 10 s, 200 generated orders")
    parser.add_argument("--clerks", type=int, default=TARGET_CLERKS)
    parser.add_argument("--submitting", type=int,
                        help="clerks that also order (default 5 %% of --clerks, at least 1)")
    parser.add_argument("--submit-interval", type=float, default=2.0)
    parser.add_argument("--duration", type=float, default=60.0, help="live phase, seconds")
    parser.add_argument("--wait", type=float, default=25.0, help="long-poll wait, seconds")
    parser.add_argument("--poll", type=float, metavar="S",
                        help="poll every S seconds without wait instead of listening")
    parser.add_argument("--postgres", metavar="ADMIN_URL",
                        help="PostgreSQL cluster (a user that may create databases)")
    parser.add_argument("--workers", type=int, default=1,
                        help="orderdesk-server --workers N (PostgreSQL)")
    parser.add_argument("--processes", type=int, default=1,
                        help="N orderdesk-server processes on one PostgreSQL database")
    parser.add_argument("--seed", default="demo", help="demo, or N generated orders")
    parser.add_argument("--clock-speed", type=float, default=3000.0)
    parser.add_argument("--simulator-interval", type=float, default=1.0)
    parser.add_argument("--connect-concurrency", type=int, default=25)
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds the listeners get after the last order")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database and logs")
    parser.add_argument("--inject", action="append", choices=INJECTIONS, default=[],
                        help="test aid: before the check, deliver one change to a clerk twice "
                        "(doubled) or forget one order in a clerk's feed (lost); the check "
                        "must report it")
    args = parser.parse_args(argv)
    if args.quick:
        args.clerks, args.duration, args.seed = min(args.clerks, 20), 10.0, "200"
        args.submitting = 2 if args.submitting is None else args.submitting
    if args.submitting is None:
        args.submitting = max(1, math.ceil(args.clerks * 0.05))
    if args.clerks < 1 or not 0 <= args.submitting <= args.clerks:
        parser.error("need at least one clerk and at most --clerks submitting")
    if (args.workers > 1 or args.processes > 1) and not args.postgres:
        parser.error("several server processes need --postgres (SQLite is single-process)")
    if args.workers > 1 and "--workers" not in servers.cli_help():
        parser.error("this orderdesk-server has no --workers yet; try --processes N")
    return args


def users() -> list[tuple[str, str, bool]]:
    """(username, tenant, partner) of every seeded user."""
    return [(name, tenant, role is not Role.PROVIDER_STAFF)
            for name, _, _, role, tenant in USERS]


def make_clerks(count: int, apis: list[str], run: Run) -> list[Clerk]:
    seeded = users()
    return [Clerk(f"clerk-{index:03d}", seeded[index % len(seeded)][0], DEMO_PASSWORD,
                  clerk_http(apis[index % len(apis)]), run) for index in range(count)]


def submitters(clerks: list[Clerk], count: int) -> list[Clerk]:
    partner = {name for name, _, is_partner in users() if is_partner}
    return [clerk for clerk in clerks if clerk.username in partner][:count]


async def health_baseline(api: str) -> float:
    async with httpx.AsyncClient(base_url=api, timeout=10) as http:
        times = []
        for _ in range(BASELINE_CALLS):
            started = time.monotonic()
            (await http.get("/health")).raise_for_status()
            times.append((time.monotonic() - started) * 1000)
    return statistics.median(times)


async def read_snapshot(clerk: Clerk) -> Snapshot:
    """The clerk's user's whole feed from the start, as a fresh client would read it."""
    cursor: str | None = None
    changes: list[Change] = []
    while True:
        params: dict[str, object] = {"limit": 1000}
        if cursor is not None:
            params["since"] = cursor
        page = (await clerk.request("GET /changes (snapshot)", "GET", "/changes",
                                    params=params)).json()
        changes += [(c["seq"], c["kind"], c["id"]) for c in page["changes"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return snapshot_of(clerk.username, clerk.tenant, changes, cursor_seq(cursor))


def inject(what: str, clerks: list[Clerk]) -> str:
    """doubled: the newest change a clerk holds delivered to it once more (as a repeated page
    would); lost: an order dropped from the last clerk's feed (as a skipped page would)."""
    views = [clerk.view for clerk in clerks if clerk.view and clerk.view.entries]
    if what == "doubled":
        view = views[0]
        key, seq = max(view.entries.items(), key=lambda item: item[1])
        kind, _, entity_id = key.partition(":")
        view.apply(f"0.{seq - 1}", [(seq, kind, entity_id)], f"0.{view.cursor}")
    else:
        view = views[-1]
        key = next(key for key in view.entries if key.startswith("order:"))
        seq = view.entries.pop(key)
    return f"{what}: {view.name} {key} seq {seq}"


async def connect_all(clerks: list[Clerk], concurrency: int, listen: "ListenFactory") -> None:
    gate = asyncio.Semaphore(concurrency)
    connected = 0
    began = time.monotonic()

    async def one(clerk: Clerk) -> None:
        nonlocal connected
        async with gate:
            await clerk.connect()
        listen(clerk)
        connected += 1
        if connected % PROGRESS_EVERY == 0 and connected < len(clerks):
            print(f"    {connected} clerks connected after {time.monotonic() - began:.0f} s",
                  flush=True)

    results = await asyncio.gather(*(one(clerk) for clerk in clerks), return_exceptions=True)
    failed = [result for result in results if isinstance(result, BaseException)]
    if failed:
        raise RuntimeError(f"{len(failed)} clerks could not connect, e.g. {failed[0]!r}")


class ListenFactory:
    """Starts a clerk's listening (or polling) task; keeps the tasks to cancel them."""

    def __init__(self, wait: float, poll: float | None) -> None:
        self.wait, self.poll = wait, poll
        self.tasks: list[asyncio.Task[None]] = []

    def __call__(self, clerk: Clerk) -> None:
        behaviour = clerk.poll(self.poll) if self.poll else clerk.listen(self.wait)
        self.tasks.append(asyncio.create_task(behaviour, name=f"{clerk.name}-listen"))

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)


def print_phase(title: str, recorder: Recorder, seconds: float) -> None:
    print(f"  {title}: {seconds:.1f} s, {recorder.requests} requests, "
          f"{recorder.requests / seconds if seconds else 0:.1f} req/s, "
          f"{recorder.error_count} errors")
    for line in table(recorder, seconds):
        print(line)
    if recorder.throttled:
        print(f"    throttled (429, retried after Retry-After): {dict(recorder.throttled)}")


def deliveries(clerks: list[Clerk], run: Run) -> list[float]:
    """ms from each submitted order's 201 to each listener that received the new order."""
    found = []
    for clerk in clerks:
        for order_id, seen in clerk.first_seen.items():
            if order_id in run.submitted:
                found.append((seen - run.submitted[order_id][1]) * 1000)
    return found


async def load(args: argparse.Namespace, started: servers.Servers) -> Figures:
    figures = Figures(health_ms=await health_baseline(started.apis[0]))
    print(f"  baseline: GET /health round trip {figures.health_ms:.2f} ms "
          f"(median of {BASELINE_CALLS}, one at a time)")
    run = Run(Recorder())
    clerks = make_clerks(args.clerks, started.apis, run)
    listeners = ListenFactory(args.wait, args.poll)
    try:
        began = time.monotonic()
        await connect_all(clerks, args.connect_concurrency, listeners)
        print_phase(f"connect ({args.clerks} clerks: login, GET /me, full sync)", run.recorder,
                    time.monotonic() - began)
        await asyncio.sleep(1.0)  # every listener parked in its first long-poll
        figures = await live(args, started, clerks, run, listeners, figures)
    finally:
        await listeners.stop()
        for clerk in clerks:
            await clerk.http.aclose()
    return figures


async def live(args: argparse.Namespace, started: servers.Servers, clerks: list[Clerk],
               run: Run, listeners: ListenFactory, figures: Figures) -> Figures:
    run.recorder = live_recorder = Recorder()
    for clerk in clerks:
        clerk.live = True
    ordering = submitters(clerks, args.submitting)
    stop = asyncio.Event()
    cpu_before = started.cpu_seconds(), _own_cpu()
    began = time.monotonic()
    tasks = [asyncio.create_task(clerk.submit_orders(args.submit_interval, stop))
             for clerk in ordering]
    await asyncio.sleep(args.duration)
    stop.set()
    await asyncio.gather(*tasks)
    await asyncio.sleep(args.settle)  # the last orders reach the listeners
    seconds = time.monotonic() - began
    figures.server_cpu = (started.cpu_seconds() - cpu_before[0]) / seconds * 100
    figures.client_cpu = (_own_cpu() - cpu_before[1]) / seconds * 100
    mode = f"polling every {args.poll:g} s" if args.poll else f"listening (wait={args.wait:g})"
    print_phase(f"live ({len(clerks)} clerks {mode}, {len(ordering)} submitting, simulator on)",
                live_recorder, seconds)
    print(f"    orders submitted: {len(run.submitted)}; re-logins: {run.relogins}; sent again "
          f"once after a connection broke before the answer: {run.resent or 0}")
    delivered = deliveries(clerks, run)
    p50, p95, p99 = summary(delivered)
    print(f"    feed delivery (submitter's 201 -> listener has the order): {len(delivered)} "
          f"deliveries, p50 {p50:.1f} / p95 {p95:.1f} / p99 {p99:.1f} ms")
    print(f"    CPU: servers {figures.server_cpu:.0f} % of one core, this client process "
          f"{figures.client_cpu:.0f} % (2 cores in all)")
    await listeners.stop()
    run.recorder = check_recorder = Recorder()
    verdict = await final_check(args, clerks, run)
    if check_recorder.error_count:
        print_phase("check reads", check_recorder, 1.0)
    order_times = [v for e in ORDER_ENDPOINTS for v in live_recorder.latencies.get(e, [])]
    feed_times = [v for e in FEED_ENDPOINTS for v in live_recorder.latencies.get(e, [])]
    figures.live_seconds, figures.live_requests = seconds, live_recorder.requests
    figures.errors = live_recorder.error_count + check_recorder.error_count
    figures.server_5xx = sum(n for recorder in (live_recorder, check_recorder)
                             for counter in recorder.errors.values()
                             for what, n in counter.items() if what.startswith("5"))
    figures.order_p95 = percentile(order_times, 0.95)
    figures.orders_p95 = percentile(live_recorder.latencies.get("POST /orders", []), 0.95)
    figures.feed_read_p95 = percentile(feed_times, 0.95)
    figures.delivery_p95 = p95
    figures.orders, figures.problems = len(run.submitted), verdict.problems.total
    return figures


async def final_check(args: argparse.Namespace, clerks: list[Clerk], run: Run) -> Verdict:
    results = await asyncio.gather(*(clerk.catch_up() for clerk in clerks),
                                   return_exceptions=True)
    caught_up = [clerk for clerk, result in zip(clerks, results, strict=True)
                 if not isinstance(result, BaseException)]
    if len(caught_up) < len(clerks):
        print(f"    {len(clerks) - len(caught_up)} clerks could not read on to the head "
              "(left out of the check)")
    for what in args.inject:
        print(f"    injected {inject(what, caught_up)}")
    by_user: dict[str, Clerk] = {}
    for clerk in caught_up:
        by_user.setdefault(clerk.username, clerk)
    snapshots = {}
    for username, clerk in by_user.items():
        try:
            snapshots[username] = await read_snapshot(clerk)
        except Failed as error:
            print(f"    the snapshot of {username} could not be read: {error}")
    views: list[FeedView] = [clerk.view for clerk in caught_up
                             if clerk.view is not None and clerk.username in snapshots]
    submitted = {order_id: tenant for order_id, (tenant, _) in run.submitted.items()}
    verdict = check(views, snapshots, submitted)
    print(f"  check: {verdict.checked_views} clerks' feeds against {len(snapshots)} users' "
          f"feeds read anew; {len(submitted)} orders looked for in {verdict.checked_orders} "
          f"feeds of their tenant; {verdict.in_flight} versions committed after a clerk's "
          f"last page (not counted): {'passed' if verdict.passed else 'FAILED'}")
    for line in verdict.problems.lines():
        print(line)
    return verdict


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def one_run(args: argparse.Namespace, number: int) -> Figures:
    folder = Path(tempfile.mkdtemp(prefix="load-bench-"))
    url = (servers.create_postgres_database(args.postgres) if args.postgres
           else f"sqlite:///{folder / 'server.sqlite3'}")
    started: servers.Servers | None = None
    failed = True  # keep the logs of a run that broke off
    try:
        seconds = servers.seed(url, args.seed, folder / "seed.log")
        print(f"run {number}: seeded --seed {args.seed} in {seconds:.1f} s; logs in {folder}")
        started = servers.start(url, folder, workers=args.workers, processes=args.processes,
                                clock_speed=args.clock_speed,
                                simulator_interval=args.simulator_interval)
        figures = asyncio.run(load(args, started))
        if not started.alive():
            figures.notes.append("a server process ended during the run")
        failed = bool(figures.errors or figures.problems or figures.notes)
        return figures
    finally:
        if started is not None:
            codes = started.stop()
            # uvicorn re-raises the stopping signal after its clean shutdown: -SIGINT is normal
            if any(code not in (0, -signal.SIGINT, None) for code in codes):
                print(f"  server exit codes: {codes}; see {folder}")
        if args.postgres and not args.keep:
            servers.drop_postgres_database(args.postgres, url)
        if failed or args.keep:
            print(f"  logs kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def print_targets(args: argparse.Namespace, runs: list[Figures]) -> None:
    def med(values: list[float]) -> float:
        return median_of([v for v in values if not math.isnan(v)])

    note = f" (median of {len(runs)} runs)" if len(runs) > 1 else ""
    order_p95 = med([f.order_p95 for f in runs])
    orders_p95 = med([f.orders_p95 for f in runs])
    delivery = med([f.delivery_p95 for f in runs])
    feed_read = med([f.feed_read_p95 for f in runs])
    errors = sum(f.errors for f in runs)
    problems = sum(f.problems for f in runs)
    backend = "PostgreSQL" if args.postgres else "SQLite"
    processes = (f"{args.workers} workers" if args.workers > 1 else
                 f"{args.processes} processes" if args.processes > 1 else "1 process")
    print(f"\nsummary{note}: {backend}, {processes}, {args.clerks} clerks "
          f"{'polling' if args.poll else 'listening'}, {args.submitting} submitting")
    print(f"  live requests/s {med([f.rate for f in runs]):.1f}; orders per run "
          f"{med([float(f.orders) for f in runs]):.0f}; servers' CPU "
          f"{med([f.server_cpu for f in runs]):.0f} %, client's "
          f"{med([f.client_cpu for f in runs]):.0f} % of one core")
    health = med([f.health_ms for f in runs])
    polls = f"feed polls {feed_read:.1f} ms, " if args.poll else ""
    print(f"  p95 order endpoints {order_p95:.1f} ms (POST /orders {orders_p95:.1f} ms), "
          f"{polls}feed delivery {delivery:.1f} ms; "
          f"GET /health {health:.2f} ms -> order p95 = {order_p95 / health:.0f}x health")
    at_target = (args.postgres and max(args.workers, args.processes) == TARGET_WORKERS
                 and args.clerks >= TARGET_CLERKS and args.submitting >= TARGET_SUBMITTING)
    scale = "" if at_target else " (not the target's configuration: PostgreSQL, 2 workers, " \
        "500 clerks, 25 submitting)"
    print(f"targets{scale}:")
    print(f"  0 errors: {errors} in all runs ({sum(f.server_5xx for f in runs)} x 5xx) "
          f"-> {verdict(errors == 0)}")
    # The feed's latency as a clerk sees it: listening, the delivery of a new order; polling,
    # the poll's read.
    feed_name, feed_value = (("feed reads (polls)", feed_read) if args.poll
                             else ("feed delivery", delivery))
    for name, value in (("order endpoints", order_p95), (feed_name, feed_value)):
        print(f"  p95 {name} < {P95_TARGET_MS:.0f} ms: {value:.1f} ms "
              f"-> {verdict(value < P95_TARGET_MS)}")
    print(f"  every order exactly once in every feed of its tenant: {problems} problems "
          f"-> {verdict(problems == 0)}")
    for figures in runs:
        for line in figures.notes:
            print(f"  note: {line}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"load bench: {args.clerks} clerks, {args.submitting} submitting, "
          f"{args.duration:g} s live, {os.cpu_count()} cores; load average before "
          f"{os.getloadavg()[0]:.2f}")
    runs = [one_run(args, number) for number in range(1, args.runs + 1)]
    print_targets(args, runs)
    print(f"load average after {os.getloadavg()[0]:.2f}")
    return 1 if any(f.errors or f.problems for f in runs) else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Live order status: from a committed status change on the server to the clients.

    python bench/live_bench.py [--quick] [--changes 20] [--waiters 1,50,200] [--idle 10]

Seeds a reference server (generated orders), runs it as its own process (bench/live_server.py,
so its CPU can be measured alone) and starts the clients as processes of their own
(bench/live_clients.py), all logged in as provider staff so that every change wakes every
client:
  * a raw long-poll client (ApiClient.changes_raw(wait=)), a cache client (LiveCache +
    ChangeSync.run(wait=)) and the app's MainWindow with its SyncController listening
    (offscreen), each waiting on the server at the same time;
  * 1, 50 and 200 simulated waiters (asyncio, GET /changes?wait=60, polling again when
    answered) in another process: "other clients waiting" (the other two measured clients
    wait as well).
For each waiter count, it commits one status change at a time (an order received -> in
processing, or in processing -> completed, by the simulator's functions in one Database.write())
once every client waits again, and measures from the server's time.monotonic() just before
the commit (system-wide on Linux: one clock for all processes) to
  (a) the long-poll answer in the raw client,
  (b) the change applied in the client cache (ChangeSync.run returned, its transaction in),
  (c) the end of the first repaint of the order's row showing the new status in the window
      (an event filter on the table viewport's Paint events; the row scrolled into view).
Prints medians and p95 (nearest rank) per configuration, and the baseline of the same run:
a plain GET /api/v1/health round trip and a no-wait GET /changes at the head of the feed.
Also the server's CPU time per change (from the commit until every client waits again), a
measure of what each woken waiter costs. Then, with the largest waiter count still waiting and
no changes for --idle seconds: the CPU time (utime+stime from /proc/<pid>/stat) of the server
process and of the idle listening window process, as % of one core. The load average before
and after is printed: other work on this 2-core machine slows every figure.
"""

import argparse
import math
import os
import queue
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

HERE = Path(__file__).resolve().parent
KINDS = ("poll", "cache", "window")
LABELS = {"poll": "(a) long-poll answer", "cache": "(b) applied in the cache",
          "window": "(c) row repainted"}  # fmt: skip
TARGETS_MS = {"cache": 300.0, "window": 400.0}  # p95
SERVER_IDLE_TARGET, CLIENT_IDLE_TARGET = 5.0, 1.0  # % of one core
SEEN_TIMEOUT_S = 15.0
GAP_S = 0.4  # between changes, once every client waits again (plus up to 0.2 s of jitter)


class Child:
    """A child process speaking lines: replies in one queue, `SEEN` lines in another."""

    def __init__(self, name: str, command: Sequence[str], log: Path) -> None:
        self.name = name
        self._log: IO[str] = log.open("w")
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        self.process = subprocess.Popen(list(command), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self._log, text=True,
                                        bufsize=1, cwd=ROOT, env=env)  # fmt: skip
        self.replies: queue.Queue[str] = queue.Queue()
        self.seen: queue.Queue[tuple[str, str, float]] = queue.Queue()
        self.early = 0
        threading.Thread(target=self._read, name=f"{name}-out", daemon=True).start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            words = line.split()
            if not words:
                continue
            if words[0] == "SEEN":
                self.seen.put((words[2], words[3], float(words[4])))
            elif words[0] == "EARLY":
                self.early += 1
            else:
                self.replies.put(line.strip())
        self.replies.put("EOF")

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, prefix: str, timeout: float = 60.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.replies.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise RuntimeError(f"{self.name}: no {prefix} within {timeout:.0f} s") from None
            if line == "EOF":
                raise RuntimeError(f"{self.name} ended; see {self._log.name}")
            if line.startswith(prefix):
                return line.split()[1:]
            if line.startswith("ERROR"):
                raise RuntimeError(f"{self.name}: {line}")

    def ask(self, line: str, prefix: str, timeout: float = 60.0) -> list[str]:
        self.send(line)
        return self.expect(prefix, timeout)

    def wait_seen(self, order_id: str, status: str, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                seen_id, seen_status, stamp = self.seen.get(
                    timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if (seen_id, seen_status) == (order_id, status):
                return stamp

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.send("quit")
                self.process.wait(timeout=20)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest rank: the smallest value with at least `share` of the values at or below it."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


@dataclass
class Figures:
    latencies: dict[tuple[int, str], list[float]] = field(default_factory=dict)  # ms
    lost: dict[tuple[int, str], int] = field(default_factory=dict)
    # CPU ms per counted change (commit to every waiter polling again), per waiter count
    server_cpu: dict[int, float] = field(default_factory=dict)
    waiters_cpu: dict[int, float] = field(default_factory=dict)


class Bench:
    def __init__(self, folder: Path, url: str, wait: float) -> None:
        self.folder = folder
        python = sys.executable
        self.server = Child("server", [python, str(HERE / "live_server.py"), "--database", url],
                            folder / "server.log")  # fmt: skip
        self.children: list[Child] = [self.server]
        ready = self.server.expect("READY", 120)
        self.api = ready[0]
        clients = [python, str(HERE / "live_clients.py")]
        common = ["--api", self.api, "--folder", str(folder), "--wait", str(wait)]
        self.waiters = self._start("waiters", [*clients, "waiters", *common])
        self.clients = {kind: self._start(kind, [*clients, kind, *common]) for kind in KINDS}
        self.waiters.expect("READY", 120)
        self.modes = {kind: child.expect("READY", 600)[1:] for kind, child in self.clients.items()}

    def _start(self, name: str, command: list[str]) -> Child:
        child = Child(name, command, self.folder / f"{name}.log")
        self.children.append(child)
        return child

    def stop(self) -> None:
        for child in reversed(self.children):
            child.stop()

    def waiter_status(self) -> tuple[int, int, int, int, int, int]:
        count, outstanding, answers, changes, errors, early = (
            int(value) for value in self.waiters.ask("status", "WAITERS"))
        return count, outstanding, answers, changes, errors, early

    def settle(self, count: int, answers_before: int | None, timeout: float = 60.0) -> int:
        """Until all `count` waiters hold a request again (after answering one change)."""
        deadline = time.monotonic() + timeout
        while True:
            _, outstanding, answers, _, _, _ = self.waiter_status()
            woke = answers_before is None or answers >= answers_before + count
            if (outstanding == count and woke) or time.monotonic() > deadline:
                return answers
            time.sleep(0.02)

    def baseline(self, count: int) -> dict[str, float]:
        import json

        reply = self.clients["poll"].ask(f"baseline {count}", "BASELINE")
        result: dict[str, float] = json.loads(" ".join(reply))
        return result

    def one_change(self, count: int) -> dict[str, float | None] | None:
        """Commit one change and wait for every client to see it: {kind: ms or None}."""
        picked = self.server.ask("pick", "PICKED")
        if picked[0] == "none":
            return None
        order_id, status = picked
        for kind in ("cache", "window"):
            self.clients[kind].ask(f"watch {order_id} {status}", "WATCHING")
        answers = self.settle(count, None)
        time.sleep(0.05)  # the scroll's repaint, and the waiters parked in the server
        committed = self.server.ask(f"commit {order_id}", "COMMITTED")
        assert committed[:2] == [order_id, status], committed
        stamp = float(committed[2])
        result: dict[str, float | None] = {}
        for kind in KINDS:
            seen = self.clients[kind].wait_seen(order_id, status, SEEN_TIMEOUT_S)
            result[kind] = None if seen is None else (seen - stamp) * 1000
        self.settle(count, answers)
        time.sleep(GAP_S + random.uniform(0, 0.2))
        return result

    def measure(self, counts: Sequence[int], changes: int, warmup: int) -> Figures:
        figures = Figures()
        for count in counts:
            self.waiters.ask(f"target {count}", "TARGET")
            self.settle(count, None)
            time.sleep(0.5)
            busy = {"server": 0.0, "waiters": 0.0}
            counted = 0
            for step in range(warmup + changes):
                before = {name: cpu_seconds(self.pid_of(name)) for name in busy}
                result = self.one_change(count)
                if result is None:
                    print(f"  (no order left to move on after {step} changes with {count} "
                          "waiters: seed more orders)")  # fmt: skip
                    break
                if step < warmup:
                    continue
                counted += 1
                for name in busy:  # includes the gap after the change: idle, ~0
                    busy[name] += cpu_seconds(self.pid_of(name)) - before[name]
                for kind, value in result.items():
                    if value is None:
                        figures.lost[count, kind] = figures.lost.get((count, kind), 0) + 1
                    else:
                        figures.latencies.setdefault((count, kind), []).append(value)
            if counted:
                figures.server_cpu[count] = busy["server"] / counted * 1000
                figures.waiters_cpu[count] = busy["waiters"] / counted * 1000
        return figures

    def pid_of(self, name: str) -> int:
        return next(child.pid for child in self.children if child.name == name)

    def idle_cpu(self, seconds: float) -> dict[str, float]:
        """% of one core over `seconds` with no changes, per child."""
        time.sleep(1.0)  # the last change's work is done
        before = {child.name: cpu_seconds(child.pid) for child in self.children}
        started = time.monotonic()
        time.sleep(seconds)
        wall = time.monotonic() - started
        return {child.name: (cpu_seconds(child.pid) - before[child.name]) / wall * 100
                for child in self.children}  # fmt: skip


def seed(url: str, orders: int) -> float:
    from desktop_app.server.database import Database
    from desktop_app.server.seed import seed_generated

    started = time.perf_counter()
    database = Database(url)
    seed_generated(database, orders)
    database.dispose()
    return time.perf_counter() - started


def report(figures: Figures, counts: Sequence[int], base: dict[str, float],
           cpu: dict[str, float], idle_s: float, waiters_now: int) -> None:
    health, plain = base["health_ms"], base["changes_ms"]
    print(f"baseline (same run): GET /api/v1/health round trip {health:6.1f} ms, "
          f"GET /changes at the head without wait {plain:6.1f} ms (medians)")
    for kind in KINDS:
        for count in counts:
            values = figures.latencies.get((count, kind), [])
            lost = figures.lost.get((count, kind), 0)
            med, p95 = statistics.median(values) if values else float("nan"), percentile(
                values, 0.95)
            line = (f"{LABELS[kind]:<26} {count:>3} waiters: median {med:6.1f} ms, "
                    f"p95 {p95:6.1f} ms ({len(values)} changes"
                    f"{f', {lost} NOT SEEN within {SEEN_TIMEOUT_S:.0f} s' if lost else ''}; "
                    f"median {med / plain:5.1f}x the no-wait GET)")
            target = TARGETS_MS.get(kind)
            if target is not None:
                line += f"   target p95 < {target:.0f} ms: {verdict(p95 < target and not lost)}"
            print(line)
    per_change = ", ".join(f"{figures.server_cpu[count]:.0f} ms with {count} waiters "
                           f"(their process {figures.waiters_cpu[count]:.0f} ms)"
                           for count in counts if count in figures.server_cpu)  # fmt: skip
    print(f"  (server CPU per change, all clients answered and polling again: {per_change})")
    server, window = cpu["server"], cpu["window"]
    print(f"idle server CPU, {waiters_now} waiters + 3 measured clients waiting, {idle_s:g} s: "
          f"{server:5.2f} % of one core   target < {SERVER_IDLE_TARGET:.0f} %: "
          f"{verdict(server < SERVER_IDLE_TARGET)}")
    print(f"idle client CPU, listening main window (window + listener), {idle_s:g} s: "
          f"{window:5.2f} % of one core   target < {CLIENT_IDLE_TARGET:.0f} %: "
          f"{verdict(window < CLIENT_IDLE_TARGET)}")
    print(f"  (also idle: cache client {cpu['cache']:.2f} %, raw long-poll client "
          f"{cpu['poll']:.2f} %, the {waiters_now} simulated waiters' process "
          f"{cpu['waiters']:.2f} %)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="5 changes per configuration")
    parser.add_argument("--changes", type=int, help="changes per configuration (default 20)")
    parser.add_argument("--warmup", type=int, default=2, help="changes not counted, each")
    parser.add_argument("--waiters", default="1,50,200", help="simulated waiter counts")
    parser.add_argument("--orders", type=int, help="seeded orders (default 5000; quick 2000)")
    parser.add_argument("--idle", type=float, help="seconds of the idle CPU measurement")
    parser.add_argument("--wait", type=float, default=25.0, help="the measured clients' wait")
    args = parser.parse_args()
    changes = args.changes or (5 if args.quick else 20)
    orders = args.orders or (2000 if args.quick else 5000)
    idle_s = args.idle or (5.0 if args.quick else 10.0)
    counts = [int(value) for value in args.waiters.split(",")]
    with tempfile.TemporaryDirectory(prefix="live-bench-") as name:
        folder = Path(name)
        url = f"sqlite:///{folder / 'server.sqlite3'}"
        seeded = seed(url, orders)
        started = time.monotonic()
        bench = Bench(folder, url, args.wait)
        try:
            print(f"live status at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {orders:,} orders "
                  f"(seeded in {seeded:.1f} s), clients up in {time.monotonic() - started:.1f} s"
                  f"; {changes} changes per configuration (+{args.warmup} warm-up), clients' "
                  f"wait {args.wait:.0f} s, waiters' wait 60 s; {os.cpu_count()} cores, "
                  f"platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
            modes = ", ".join(f"{kind} {' '.join(mode)}" for kind, mode in bench.modes.items())
            load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
            print(f"  (clients: {modes}; load average before: {load})")
            base = bench.baseline(20)
            figures = bench.measure(counts, changes, args.warmup)
            cpu = bench.idle_cpu(idle_s)
            load_after = ", ".join(f"{value:.2f}" for value in os.getloadavg())
            waiters_now, _, _, _, errors, early = bench.waiter_status()
            early_clients = {kind: child.early for kind, child in bench.clients.items()
                             if child.early}  # fmt: skip
        except BaseException:
            bench.stop()
            print(f"logs: {folder}/*.log", file=sys.stderr)
            for log in sorted(folder.glob("*.log")):
                print(f"--- {log.name}\n{log.read_text()[-3000:]}", file=sys.stderr)
            raise
        bench.stop()
    report(figures, counts, base, cpu, idle_s, waiters_now)
    print(f"  (load average after: {load_after}; other work on the machine slows all figures)")
    if early or early_clients:
        print(f"  NOTE: the server answered waiting requests at once (no long-poll): "
              f"{early} early waiter answers, clients {early_clients}; these are polling "
              "figures")
    if errors:
        print(f"  NOTE: {errors} failed waiter requests")


if __name__ == "__main__":
    main()

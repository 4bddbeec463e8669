"""bench/live_bench.py runs end to end in a tiny configuration, and its server's change pump
commits real status changes and refuses what it cannot do. No timing is asserted here: the
figures are the benchmark's business."""

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from desktop_app.server.database import Database
from desktop_app.server.seed import seed_generated

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"


def run_lines(process: subprocess.Popen[str], command: str) -> str:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(command + "\n")
    process.stdin.flush()
    return process.stdout.readline().strip()


@pytest.fixture
def pump(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    database = Database(url)
    seed_generated(database, 200)
    database.dispose()
    command = [sys.executable, str(BENCH / "live_server.py"), "--database", url]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,  # noqa: S603
                          text=True, cwd=ROOT) as process:  # fmt: skip
        assert process.stdin is not None and process.stdout is not None
        ready = process.stdout.readline().split()
        assert ready[0] == "READY", ready
        yield process, url
        if process.poll() is None:
            process.stdin.write("quit\n")
            process.stdin.flush()
            process.wait(timeout=60)
    assert process.returncode == 0


def test_the_pump_moves_the_picked_order_on_and_records_it_in_the_feed(
    pump: tuple[subprocess.Popen[str], str],
) -> None:
    from desktop_app.server.db import ChangeRow, OrderRow
    from sqlalchemy import select

    process, url = pump
    picked = run_lines(process, "pick").split()
    assert picked[0] == "PICKED" and picked[2] in ("in_processing", "completed"), picked
    committed = run_lines(process, f"commit {picked[1]}").split()
    assert committed[:3] == ["COMMITTED", picked[1], picked[2]], committed
    float(committed[3])  # a monotonic stamp
    database = Database(url)
    try:
        with database.read() as session:
            order = session.get(OrderRow, picked[1])
            assert order is not None and order.status == picked[2]
            last = session.scalars(select(ChangeRow).order_by(ChangeRow.seq.desc())).first()
            assert last is not None and last.entity_id == picked[1]
    finally:
        database.dispose()
    following = run_lines(process, "pick").split()
    if following[1] == picked[1]:  # the same order once more: only its next step
        assert (picked[2], following[2]) == ("in_processing", "completed"), following


def test_the_pump_refuses_unknown_orders_and_commands_and_goes_on(
    pump: tuple[subprocess.Popen[str], str],
) -> None:
    process, _url = pump
    assert run_lines(process, "commit order-does-not-exist").startswith("ERROR ")
    assert run_lines(process, "explode").startswith("ERROR unknown command")
    assert run_lines(process, "pick").startswith("PICKED ")


def test_the_benchmark_runs_in_a_tiny_configuration() -> None:
    run = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, str(BENCH / "live_bench.py"), "--changes", "1", "--warmup", "0",
         "--waiters", "1,3", "--orders", "300", "--idle", "0.5"],
        capture_output=True, text=True, cwd=ROOT, timeout=280, check=False)  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr[-5000:]
    out = run.stdout
    assert "baseline (same run)" in out
    for label in ("(a) long-poll answer", "(b) applied in the cache", "(c) row repainted"):
        for waiters in (1, 3):
            line = rf"{re.escape(label)}\s+{waiters} waiters: median\s+\d+\.\d ms, p95\s+\d+"
            assert re.search(line, out), out
    assert "NOT SEEN" not in out, out  # every change reached every client
    assert "no long-poll" not in out, out  # the clients waited on the server
    assert "idle server CPU" in out and "idle client CPU" in out
    assert out.count("target") >= 4 and ("met" in out or "MISSED" in out)

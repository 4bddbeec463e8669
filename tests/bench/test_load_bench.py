"""bench/load_bench.py and bench/simulator_soak.py run end to end in tiny configurations (a
live server on 127.0.0.1, SQLite), and their checks fail when the feed or the database holds a
doubled or a lost step. No timing is asserted here: the figures are the benchmarks' business."""

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"
TINY_LOAD = ["--quick", "--clerks", "6", "--submitting", "2", "--duration", "4",
             "--submit-interval", "1", "--settle", "2"]
RUN_TIMEOUT_S = 600


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True,  # noqa: S603
                          text=True, cwd=ROOT, timeout=RUN_TIMEOUT_S, check=False)  # fmt: skip


def problem_counts(output: str) -> dict[str, int]:
    """The check's problem lines: '    <what>: <count> (e.g. ...)'."""
    return {what: int(count) for what, count in
            re.findall(r"^    ([a-z][^:\n]*): (\d+) \(e\.g\. ", output, re.MULTILINE)}


def test_the_load_bench_orders_listens_and_its_feed_check_passes() -> None:
    result = run("load_bench.py", *TINY_LOAD)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert re.search(r"connect \(6 clerks.*0 errors", out), out
    assert re.search(r"^    POST /orders +[1-9]\d* ", out, re.MULTILINE), out
    for endpoint in ("POST /carts/{id}/quote", "POST /quotes/{id}/approval",
                     "GET /changes?wait=25 (held)", "POST /auth/token"):
        assert endpoint in out, out
    submitted = int(re.search(r"orders submitted: (\d+)", out).group(1))  # type: ignore[union-attr]
    assert submitted > 0
    # every submitted order looked for in the feed of each of the clerks of its tenant
    looked = re.search(r"(\d+) orders looked for in (\d+) feeds", out)
    assert looked is not None and int(looked.group(1)) == submitted and int(looked.group(2)) > 0
    assert re.search(r"check: 6 clerks' feeds .*: passed", out), out
    assert problem_counts(out) == {}
    assert "0 errors: 0 in all runs (0 x 5xx) -> met" in out


def test_a_doubled_and_a_lost_change_fail_the_feed_check() -> None:
    result = run("load_bench.py", *TINY_LOAD, "--inject", "doubled", "--inject", "lost")
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "injected doubled: clerk-" in out and "injected lost: clerk-" in out, out
    assert re.search(r"check: .*: FAILED", out), out
    found = problem_counts(out)
    assert found.pop("change delivered twice") == 1, out
    assert found.pop("record missing from a clerk's feed") == 1, out
    # the lost order may be one the run submitted: then it is missing from its tenant's feed
    assert set(found) <= {"submitted order missing from a feed of its tenant"}, out


def test_the_soak_checks_every_step_once_and_reports_a_doubled_event() -> None:
    result = run("simulator_soak.py", "--quick", "--duration", "6", "--submitting", "2",
                 "--keep")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "check: passed" in out, out
    moved = re.search(r"received (\d+), in_processing (\d+), completed (\d+)", out)
    assert moved is not None and all(int(count) > 0 for count in moved.groups()), out
    kept = re.search(r"--check-only sqlite:///(\S+) --baseline (\S+)", out)
    assert kept is not None, out
    database, baseline = Path(kept.group(1)), Path(kept.group(2))
    try:
        again = run("simulator_soak.py", "--check-only", f"sqlite:///{database}",
                    "--baseline", str(baseline))
        assert again.returncode == 0 and "check: passed" in again.stdout, again.stdout

        with sqlite3.connect(database) as connection:  # one step applied twice
            order_id, at = connection.execute(
                "SELECT order_id, at FROM order_events WHERE status = 'completed' "
                "LIMIT 1").fetchone()
            connection.execute("INSERT INTO order_events (order_id, status, at) "
                               "VALUES (?, 'completed', ?)", (order_id, at))
            connection.execute(  # and the contract of a second completion nobody owns
                "INSERT INTO contracts SELECT 'contract-orphan', tenant_id, customer_id, "
                "'VT-ORPHAN', product_code, state, start_date, minimum_term_months, "
                "change_request, updated_at FROM contracts LIMIT 1")
        doubled = run("simulator_soak.py", "--check-only", f"sqlite:///{database}",
                      "--baseline", str(baseline))
    finally:
        for leftover in database.parent.iterdir():
            leftover.unlink()
        database.parent.rmdir()
    assert doubled.returncode == 1, doubled.stdout + doubled.stderr
    assert "check: FAILED" in doubled.stdout
    assert problem_counts(doubled.stdout) == {"status event more than once": 1,
                                              "contract without an order (orphan)": 1}
    assert f"{order_id} completed x2" in doubled.stdout

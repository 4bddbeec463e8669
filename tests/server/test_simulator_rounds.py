"""The simulator's background loop: tombstones are pruned on the first round, then at most
every PRUNE_INTERVAL (the scan dominated a round at the demo's one round a second)."""

import threading
from datetime import datetime
from pathlib import Path

import pytest
from desktop_app.server import simulator
from desktop_app.server.database import Database
from desktop_app.server.settings import ServerSettings
from desktop_app.server.simulator import ProcessingSimulator


def _rounds(tmp_path: Path, count: int) -> list[bool]:
    url = f"sqlite:///{tmp_path / 'rounds.sqlite3'}"
    database = Database(url)
    sim = ProcessingSimulator(database, ServerSettings(database_url=url,
                                                       simulator_interval=0.001))
    prunes: list[bool] = []
    enough = threading.Event()

    def advance(now: datetime | None = None, *, prune: bool = True) -> int:
        prunes.append(prune)
        if len(prunes) >= count:
            enough.set()
        return 0

    sim.advance = advance  # type: ignore[method-assign]
    sim.start()
    try:
        assert enough.wait(50)
    finally:
        sim.stop()
        database.dispose()
    return prunes[:count]


def test_the_loop_prunes_on_its_first_round_only_within_the_interval(tmp_path: Path) -> None:
    assert _rounds(tmp_path, 5) == [True, False, False, False, False]


def test_the_loop_prunes_again_once_the_interval_passed(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(simulator, "PRUNE_INTERVAL", 0.0)
    assert _rounds(tmp_path, 3) == [True, True, True]

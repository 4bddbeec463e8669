"""Every window fits a 1366×768 screen at 100 % and a 1920×1080 screen at 150 % scaling, in
German and English (issue: at 150 % the wizard's Next and Cancel were off the screen and the
PDF viewer ran past its bottom).

Qt fixes the screen when it starts, so each screen is probed in a process of its own
(tests/gui/screen_probe.py) on the offscreen platform configured to that screen, less a
40-pixel task bar. The probe also saves each window's picture beside the figures.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TASK_BAR = 40
SCREENS = {  # name: (width, height, scale)
    "1366x768@100%": (1366, 768, 1.0),
    "1920x1080@150%": (1920, 1080, 1.5),
}
WINDOWS = ("main", "login", "settings", "about", "crash", "wizard", "carts", "confirmation",
           "pdf_viewer")


def probe(tmp_path: Path, width: int, height: int, scale: float) -> dict[str, list[int]]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "probe", "x": 0, "y": 0, "width": width, "height": height - TASK_BAR,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": str(scale)}
    done = subprocess.run([sys.executable, "-m", "tests.gui.screen_probe", str(tmp_path)],  # noqa: S603
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, list[int]] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_window_fits_the_screen(tmp_path: Path, screen: str) -> None:
    width, height, scale = SCREENS[screen]
    found = probe(tmp_path, width, height, scale)
    left, top, room_width, room_height = found.pop("screen")
    assert (room_width, room_height) == (round(width / scale), round((height - TASK_BAR) / scale))
    assert set(found) == {f"{name}-{language}" for name in WINDOWS for language in ("de", "en")}
    too_big = {
        name: frame for name, frame in found.items()
        if not (frame[0] >= left and frame[1] >= top
                and frame[0] + frame[2] <= left + room_width
                and frame[1] + frame[3] <= top + room_height)
    }  # fmt: skip
    assert not too_big, f"outside {room_width}×{room_height}: {too_big}"

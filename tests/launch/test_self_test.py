"""`orderdesk --self-test`: in-process and as a subprocess; a broken resource makes it fail
with a message naming the problem (a bundle missing a file must not pass)."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from desktop_app.app import main
from desktop_app.launch.self_test import CHECKS, run_self_test
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled catalogs go to a fresh user cache folder, not the developer's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


def run_in_process() -> tuple[int, str]:
    out = io.StringIO()
    code = run_self_test(out)
    return code, out.getvalue()


def test_every_check_passes_in_process(qapp: QApplication) -> None:
    code, output = run_in_process()
    assert code == 0, output
    lines = output.splitlines()
    assert [line.split(":")[0] for line in lines[1:-1]] == [f"ok   {name}" for name, _ in CHECKS]
    assert lines[-1] == f"self-test passed: {len(CHECKS)} checks"
    assert "confirmation pdf: 1 page(s)" in output


def test_the_command_line_option_runs_it(qapp: QApplication,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out


def test_a_missing_icon_folder_fails_with_a_message(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ORDERDESK_RESOURCES_DIR", str(tmp_path / "nowhere"))
    code, output = run_in_process()
    assert code == 1
    assert "FAIL icons and templates: ResourceNotFoundError: no resources in: " in output
    assert "self-test FAILED: 1 of" in output


def test_a_broken_catalog_fails(qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
                                tmp_path: Path) -> None:
    """A bundle's compiled catalog that Qt cannot read (truncated, say)."""
    broken = tmp_path / "translations"
    broken.mkdir()
    (broken / "orderdesk_de.qm").write_bytes(b"not a catalog")
    (broken / "orderdesk_en.qm").write_bytes(b"not a catalog")
    monkeypatch.setenv("ORDERDESK_TRANSLATIONS_DIR", str(broken))
    code, output = run_in_process()
    assert code == 1
    assert f"FAIL translations: SelfTestError: cannot load {broken / 'orderdesk_de.qm'}" in output


@pytest.mark.qt_log_ignore("Designer: An error has occurred while reading the UI file")
def test_a_broken_form_fails(qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
                             tmp_path: Path) -> None:
    forms = tmp_path / "ui"
    shutil.copytree(ROOT / "ui", forms)
    (forms / "settings_dialog.ui").write_text("<ui version='4.0'><widget class=", encoding="utf-8")
    monkeypatch.setenv("ORDERDESK_UI_DIR", str(forms))
    code, output = run_in_process()
    assert code == 1
    assert "FAIL forms: SelfTestError: settings_dialog.ui does not load" in output
    assert "ok   main window" in output  # the other checks still run
    assert "self-test FAILED: 1 of" in output


def subprocess_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ORDERDESK_")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen by itself
    env.update(XDG_CACHE_HOME=str(tmp_path / "xdg-cache"), **extra)
    return env


def test_as_a_subprocess_it_exits_zero(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--self-test"], cwd=ROOT,
                            env=subprocess_env(tmp_path), capture_output=True, text=True,
                            timeout=120, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   qt: Qt " in result.stdout and "platform offscreen" in result.stdout
    assert result.stdout.rstrip().endswith("checks")


def test_as_a_subprocess_a_broken_resource_path_exits_non_zero(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--self-test"], cwd=ROOT,
                            env=subprocess_env(tmp_path, ORDERDESK_RESOURCES_DIR=str(tmp_path)),
                            capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert result.returncode == 1
    assert f"no resources in: {tmp_path}" in result.stdout
    assert "self-test FAILED" in result.stdout

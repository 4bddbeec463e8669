"""Issue 12, item 24: without the X libraries Qt's xcb plugin needs, `orderdesk` says in one
line what to install (Debian/Ubuntu package names) instead of dying with Qt's own message.

The libraries are "missing" by a patched loader: the check runs before any QApplication."""

import pytest
from desktop_app import app
from desktop_app.launch import display_check


@pytest.fixture
def x11_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Linux X11 session where Qt would pick the xcb plugin."""
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")


def without(*names: str) -> "display_check.Loader":
    def load(name: str) -> None:
        if name in names:
            raise OSError(f"{name}: cannot open shared object file")

    return load


def never_started(*_args: object) -> int:
    raise AssertionError("the app went on to create its QApplication")


def test_missing_x_libraries_are_named_with_their_packages(
    x11_session: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        display_check, "load_library", without("libxcb-cursor.so.0", "libxkbcommon-x11.so.0")
    )
    monkeypatch.setattr("desktop_app.launch.account.run_account", never_started)
    monkeypatch.setattr("desktop_app.launch.demo.run_demo", never_started)
    for argv in ([], ["--demo"]):
        assert app.main(argv) == display_check.EXIT_NO_DISPLAY
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err  # one line
        assert "libxcb-cursor0" in err and "libxkbcommon-x11-0" in err
        assert "apt install" in err
        assert "libxcb-icccm4" not in err  # only what is missing


def test_with_the_libraries_the_app_starts(
    x11_session: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(display_check, "load_library", without())
    started: list[object] = []

    def run_account(*args: object) -> int:
        started.append(args)
        return 0

    monkeypatch.setattr("desktop_app.launch.account.run_account", run_account)
    assert app.main([]) == 0 and started


@pytest.mark.parametrize(
    "env",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland"},
        {"WAYLAND_DISPLAY": "wayland-0"},
    ],
)
def test_other_platforms_are_not_checked(
    x11_session: None, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(display_check, "load_library", without("libxcb.so.1"))
    assert display_check.missing_x_packages() == []


def test_windows_is_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(display_check, "load_library", without("libxcb.so.1"))
    assert display_check.missing_x_packages() == []


def test_the_real_loader_fails_for_a_missing_library() -> None:
    with pytest.raises(OSError):
        display_check.load_library("libno-such-library-orderdesk.so.0")

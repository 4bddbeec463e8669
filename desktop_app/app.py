"""`orderdesk`: the composition root of the desktop app.

`--demo` runs the whole app against an embedded reference backend with fresh demo data
(desktop_app/launch/demo.py). `--backend URL` and plain `orderdesk` are real use: a stored
login is resumed, else the login dialog asks (desktop_app/launch/account.py).
`--self-test` smoke-tests an installation or a built bundle offscreen
(desktop_app/launch/self_test.py).
"""

import argparse
import sys
from pathlib import Path

from desktop_app import __version__


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="orderdesk", description="OrderDesk order client")
    parser.add_argument("--demo", action="store_true",
                        help="run against an embedded reference backend with demo data")
    parser.add_argument("--backend", metavar="URL", help="the order backend to work with")
    parser.add_argument("--language", choices=("de", "en"),
                        help="user-interface language (default: the saved choice, else de)")
    parser.add_argument("--version", action="version", version=f"OrderDesk {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check offscreen that the installation works, then exit")
    return parser.parse_args(argv)


def _attach_console() -> None:
    """The Windows bundle is a GUI program without a console: --version, --help and
    --self-test print into the console they were started from, if any."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = Path("CONOUT$").open("w", encoding="utf-8")  # noqa: SIM115 (until exit)
        sys.stderr = sys.stdout


def main(argv: list[str] | None = None) -> int:
    _attach_console()
    args = parse_args(argv)
    if args.self_test:
        from desktop_app.launch.self_test import run_self_test

        return run_self_test()
    from desktop_app.launch.display_check import EXIT_NO_DISPLAY, report_missing_x_libraries

    if report_missing_x_libraries():  # before Qt: its own message says nothing to install
        return EXIT_NO_DISPLAY
    if args.demo:
        from desktop_app.launch.demo import run_demo  # Qt and the server load only here

        return run_demo(args.language)
    from desktop_app.launch.account import run_account  # Qt loads only here

    return run_account(args.backend, args.language)


if __name__ == "__main__":
    raise SystemExit(main())

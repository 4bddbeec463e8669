"""`orderdesk`: the composition root of the desktop app.

`--demo` runs the whole app against an embedded reference backend with fresh demo data
(desktop_app/launch/demo.py). `--backend URL` and plain `orderdesk` are real use: a stored
login is resumed, else the login dialog asks (desktop_app/launch/account.py).
"""

import argparse

from desktop_app import __version__


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="orderdesk", description="OrderDesk order client")
    parser.add_argument("--demo", action="store_true",
                        help="run against an embedded reference backend with demo data")
    parser.add_argument("--backend", metavar="URL", help="the order backend to work with")
    parser.add_argument("--language", choices=("de", "en"),
                        help="user-interface language (default: the saved choice, else de)")
    parser.add_argument("--version", action="version", version=f"OrderDesk {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.demo:
        from desktop_app.launch.demo import run_demo  # Qt and the server load only here

        return run_demo(args.language)
    from desktop_app.launch.account import run_account  # Qt loads only here

    return run_account(args.backend, args.language)


if __name__ == "__main__":
    raise SystemExit(main())

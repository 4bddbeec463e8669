"""Before Qt starts on Linux/X11: are the libraries of Qt's xcb platform plugin there?

Without them Qt aborts with its own message ("could not load the Qt platform plugin xcb …
no Qt platform plugin could be initialized"), which does not say what to install. This check
loads each library the plugin links against (ctypes, no Qt) and names the missing ones'
Debian/Ubuntu packages in one line. It imports nothing heavy: `orderdesk` runs it first.
"""

import ctypes
import os
import sys
from collections.abc import Callable

__all__ = [
    "EXIT_NO_DISPLAY",
    "XCB_LIBRARIES",
    "Loader",
    "load_library",
    "missing_x_packages",
    "report_missing_x_libraries",
]

EXIT_NO_DISPLAY = 3
Loader = Callable[[str], None]

# What libqxcb.so / libQt6XcbQpa.so.6 (PySide6 6.x) link against beyond Qt and libc, with the
# Debian/Ubuntu package that ships each (`ldd` on the plugin; the same names on Ubuntu 22.04+).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def load_library(name: str) -> None:
    """Load a shared library by its soname; OSError when the system has none."""
    ctypes.CDLL(name)


def _uses_xcb() -> bool:
    """Would Qt pick its xcb plugin? Linux with QT_QPA_PLATFORM unset or xcb, and no
    Wayland session (Qt prefers its wayland plugin there)."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = os.environ.get("QT_QPA_PLATFORM", "").strip().lower()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not os.environ.get("WAYLAND_DISPLAY")


def missing_x_packages() -> list[str]:
    """The packages to install for the xcb plugin to load (empty when nothing is missing
    or Qt will not use xcb)."""
    if not _uses_xcb():
        return []
    missing: list[str] = []
    for name, package in XCB_LIBRARIES.items():
        try:
            load_library(name)
        except OSError:
            missing.append(package)
    return missing


def report_missing_x_libraries() -> bool:
    """Print the one-line advice to stderr when libraries are missing; True then."""
    packages = missing_x_packages()
    if not packages:
        return False
    # Before Qt (and so its translators) exists: one plain English line for the console.
    print(
        "OrderDesk cannot open its window: the X11 libraries Qt needs are missing. "
        f"Install them (Debian/Ubuntu): sudo apt install {' '.join(packages)}",
        file=sys.stderr,
        flush=True,
    )
    return True

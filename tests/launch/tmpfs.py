"""A small tmpfs to fill: a real full disk (ENOSPC from the kernel, as SQLite meets it).

Mounting needs root (or CAP_SYS_ADMIN); elsewhere the tests that need it are skipped.
"""

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

__all__ = ["fill", "mounted_tmpfs"]


@contextmanager
def mounted_tmpfs(folder: Path, size_mb: int) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if mount is None or umount is None or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run([mount, "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs",  # noqa: S603
                              str(folder)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run([umount, "-l", str(folder)], check=False)  # noqa: S603


def fill(folder: Path) -> Path:
    """A file that takes every free byte of `folder`'s file system (remove it to free)."""
    filler = folder / "filler.bin"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for chunk in (1 << 20, 1 << 12, 1 << 9):
            block = b"\0" * chunk
            try:
                while True:
                    os.write(descriptor, block)
            except OSError:
                continue  # full at this size: smaller blocks fill the rest
    finally:
        os.close(descriptor)
    assert shutil.disk_usage(folder).free < 4096
    return filler

"""Folders and files that cannot be read, for the tests: ``chmod 000`` where that works, and a
faithful simulation where it does not (a test run as root, as CI may, reads a chmod-000
folder all the same): os.scandir, os.listdir, os.open and os.stat raise PermissionError for
the paths named, as the kernel does for a user without the right. ``HOW`` says which was
used, for the figures the tests print.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

import pytest


def _chmod_works(probe_dir: Path) -> bool:
    """True when chmod 000 keeps this process out of a folder (not root, a file system with modes)."""
    probe = probe_dir / ".unreadable-probe"
    probe.mkdir()
    try:
        probe.chmod(0)
        try:
            os.listdir(probe)
        except PermissionError:
            return True
        return False
    finally:
        probe.chmod(0o700)
        probe.rmdir()


HOW: dict[str, str] = {}


def listed(fixture: Path) -> list[str]:
    """The paths a rule fixture's ``_unreadable.txt`` names (relative to the records folder)."""
    spec = fixture / "_unreadable.txt"
    if not spec.exists():
        return []
    return [line.strip() for line in spec.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.strip().startswith("#")]


@contextlib.contextmanager
def unreadable(root: Path, *rels: str):
    """Within the block, the folders and files rels (below root) cannot be read."""
    if not rels:
        yield
        return
    paths = [Path(root, rel) for rel in rels]
    for p in paths:
        assert p.exists(), f"{p} does not exist"
    if _chmod_works(Path(root)):
        HOW["how"] = "chmod 000"
        modes = [(p, p.stat().st_mode & 0o7777) for p in paths]
        try:
            for p in paths:
                p.chmod(0)
            yield
        finally:
            for p, mode in modes:
                p.chmod(mode)
        return
    HOW["how"] = f"simulated (uid {os.geteuid()}: chmod 000 does not keep this process out)"
    denied = [os.path.abspath(p) for p in paths]

    def blocked(path, below_only: bool) -> bool:
        if isinstance(path, int):
            return False
        p = os.path.abspath(os.fsdecode(os.fspath(path)))
        for d in denied:
            if p.startswith(d + os.sep) or (p == d and not below_only):
                return True
        return False

    def deny(path):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(os.fspath(path)))

    real_scandir, real_listdir, real_open, real_stat = os.scandir, os.listdir, os.open, os.stat

    def scandir(path="."):
        if blocked(path, below_only=False):
            deny(path)
        return real_scandir(path)

    def listdir(path="."):
        if blocked(path, below_only=False):
            deny(path)
        return real_listdir(path)

    def open_(path, flags, mode=0o777, *, dir_fd=None):
        # a file named itself (chmod 000 on a file) or anything inside a folder named
        if dir_fd is None and blocked(path, below_only=False):
            deny(path)
        return real_open(path, flags, mode, dir_fd=dir_fd)

    def stat(path, *, dir_fd=None, follow_symlinks=True):
        # stat needs the right to search the folders on the way, not the file itself
        if dir_fd is None and blocked(path, below_only=True):
            deny(path)
        return real_stat(path, dir_fd=dir_fd, follow_symlinks=follow_symlinks)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "scandir", scandir)
        mp.setattr(os, "listdir", listdir)
        mp.setattr(os, "open", open_)
        mp.setattr(os, "stat", stat)
        yield

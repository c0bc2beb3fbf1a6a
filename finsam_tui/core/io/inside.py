"""Writing files into a folder without ever writing outside it.

A folder that arrives by `git pull` or an unpacked archive may hold a planted symlink
(``records/.finsam-schema -> ~/.config``, ``moten -> /somewhere``). Commands that write into
such a folder (`finsam export all --out`, `finsam schema --out`, `finsam init`) resolve each
target with :func:`target`, which refuses a path that leaves the folder or passes through a
symlink, and write with :func:`replace_file`, which never follows a symlink at the target.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path, PurePosixPath


class OutsideFolder(ValueError):
    """rel would be written outside root (``..``, an absolute path or a symlink on the way)."""

    def __init__(self, rel: str, root: Path):
        super().__init__(rel)
        self.rel, self.root = rel, root


def target(root: Path, rel: str) -> Path:
    """root/rel, after checking that it and every folder on the way below root stay inside root
    and that none of them is a symlink (root itself is what the user named); OutsideFolder
    otherwise."""
    p = PurePosixPath(rel)
    if p.is_absolute() or not p.parts or any(part in ("", ".", "..") for part in p.parts) or "\\" in rel:
        raise OutsideFolder(rel, root)
    real_root = Path(root).resolve()
    path = Path(root)
    for part in p.parts:
        path = path / part
        if path.is_symlink() or not path.resolve().is_relative_to(real_root):
            raise OutsideFolder(rel, root)
    return path


def replace_file(path: Path, data: bytes) -> None:
    """Write data to a new temp file next to path, then rename it onto path. The temp file is
    created exclusively (O_EXCL, O_NOFOLLOW: never an existing file, never through a symlink),
    and the rename replaces a symlink at path instead of writing through it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
        try:
            fd = os.open(tmp, flags, 0o666)
            break
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise

"""Which files a records folder holds: kept small, since a warm run needs nothing else."""

from __future__ import annotations

import os

FORBUND_FILE = "forbund.toml"  # marks a records folder


class NotARecordsFolder(Exception):
    pass


def is_records_folder(root) -> bool:
    return os.path.isfile(os.path.join(root, FORBUND_FILE))


def scan_files(root) -> dict[str, tuple[str, int, int]]:
    """rel -> (path, size, mtime_ns) of every *.toml below root, in sorted order, skipping
    names that start with '.' or '_' and not descending into linked folders."""
    out = {}

    def walk(folder: str, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if e.name.startswith((".", "_")):
                continue
            if e.is_dir(follow_symlinks=False):
                walk(e.path, prefix + e.name + "/")
            elif e.name.endswith(".toml"):
                try:
                    st = e.stat()
                    out[prefix + e.name] = (e.path, st.st_size, st.st_mtime_ns)
                except OSError:
                    out[prefix + e.name] = (e.path, -1, -1)

    walk(str(root), "")
    return out

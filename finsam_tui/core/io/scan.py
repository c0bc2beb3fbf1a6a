"""Which files a records folder holds: kept small, since a warm run needs nothing else.

Symbolic links. A link that stays inside the records folder is followed, a folder link one
step: a linked folder is read as if it were a copy, but the links inside it are not followed
again, and a link to a folder it lies in itself (a loop) or round a loop of links is not
entered: a walk always ends. A link out of the folder is never followed, whether to a file
or a folder, and its target is never read.
Every link that is not followed is listed all the same, under the link's own path, so that
the loader reports it (FS110, a warning): nothing is skipped in silence.

A folder that cannot be listed (permission denied, an I/O error) is listed too, under its
path with a trailing "/" ("moten/styrelse/2023/"; "./" for the records folder itself): the
loader reports it (FS114) and the checks know that any record below it is unknown, not
missing (``unreadable_folders``, ``folder_covers``).
"""

from __future__ import annotations

import errno
import os

from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.layout import CONFLICT_COPY_RE, FORBUND_FILE


class NotARecordsFolder(Exception):
    pass


# The key of the records folder itself when it cannot be listed (see unreadable_folders).
ROOT_KEY = "./"


# Why a link is not followed (the params of FS110).
LINK_REASONS = {reason: Phrase(f"link_{reason}") for reason in ("out", "loop", "cycle", "nested")}


def is_records_folder(root) -> bool:
    return os.path.isfile(os.path.join(root, FORBUND_FILE))


def default_folder(environ=os.environ, cwd: str | None = None) -> str:
    """The records folder a command works on when none is named: $FINSAM_RECORDS; else the
    working directory or the nearest folder above it that holds forbund.toml (so commands work
    from anywhere inside a records folder, as git does inside a repository); else ./records."""
    if environ.get("FINSAM_RECORDS"):
        return environ["FINSAM_RECORDS"]
    here = os.path.abspath(cwd or os.getcwd())
    while True:
        if is_records_folder(here):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return "records"
        here = parent


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def link_problem(root_real: str, path, rel: str) -> str | None:
    """Why the entry at path (rel below the records folder, whose real path is root_real) is
    a link that is not followed: "out", "loop", "cycle" or "nested" (see LINK_REASONS); None
    when it is no link or one that is followed."""
    path = os.fspath(path)
    if not os.path.islink(path):
        return None
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a -> b -> a: resolves nowhere
            return "cycle"
    target = os.path.realpath(path)
    if not _within(target, root_real):
        return "out"
    if not os.path.isdir(path):
        return None  # a file inside the folder: read like any other
    if _within(os.path.realpath(os.path.dirname(path)), target):
        return "loop"
    parts = rel.split("/")[:-1]
    if any(os.path.islink(os.path.join(root_real, *parts[:i])) for i in range(1, len(parts) + 1)):
        return "nested"
    return None


def scan_files(root) -> dict[str, tuple[str, int, int, int, int]]:
    """rel -> (path, size, mtime_ns, ctime_ns, inode) of every *.toml below root (what the
    cache needs to tell a changed file: see check/cache.py), in sorted order, skipping
    names that start with '.' or '_'. Links are followed as the module says; a link that is
    not followed — to a *.toml file, to a folder, or leading out and nowhere (a folder on a
    disk that is not there) — is listed under its own path, with the size and time of the
    link itself. A link to another kind of file is ignored like that file would be. A folder
    that cannot be listed is listed as "rel/" (size -1, the folder's times)."""
    out = {}
    root = str(root)
    root_real = os.path.realpath(root)

    def unreadable(folder: str, prefix: str) -> None:
        try:
            st = os.stat(folder)
            out[prefix or ROOT_KEY] = (folder, -1, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        except OSError:
            out[prefix or ROOT_KEY] = (folder, -1, -1, -1, -1)

    def add(e: os.DirEntry, rel: str, follow: bool) -> None:
        try:
            st = e.stat(follow_symlinks=follow)
            out[rel] = (e.path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        except OSError:
            out[rel] = (e.path, -1, -1, -1, -1)

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if exc.errno not in (errno.ENOENT, errno.ENOTDIR):  # (gone or replaced meanwhile: not there)
                unreadable(folder, prefix)
            return
        for e in entries:
            if e.name.startswith((".", "_")):
                continue
            rel = prefix + e.name
            if e.is_symlink():
                problem = link_problem(root_real, e.path, rel)
                try:
                    is_dir = e.is_dir()
                except OSError:
                    is_dir = False
                if problem is None and is_dir:
                    walk(e.path, rel + "/")
                elif problem is not None and (is_dir or not os.path.exists(e.path)) or e.name.endswith(".toml"):
                    add(e, rel, follow=problem is None)
            elif e.is_dir(follow_symlinks=False):
                walk(e.path, rel + "/")
            elif e.name.endswith(".toml"):
                add(e, rel, follow=False)

    walk(root, "")
    return out


def unreadable_folders(files) -> list[str]:
    """The folders of a scan_files() result that could not be listed (their keys end in "/")."""
    return [rel for rel in files if rel.endswith("/")]


def folder_covers(folder: str, rel: str) -> bool:
    """True when rel (a file or a folder ending in "/") lies in folder, a key of
    unreadable_folders: a record there may exist, unseen."""
    return folder == ROOT_KEY or rel.startswith(folder)


def record_files(root) -> list[str]:
    """The paths of the files below root that are read as records (the links that are not
    followed and the conflict copies a save kept left out): what a command that rewrites files
    may touch."""
    root_real = os.path.realpath(root)
    return [stat[0] for rel, stat in scan_files(root).items()
            if rel.endswith(".toml") and link_problem(root_real, stat[0], rel) is None
            and not CONFLICT_COPY_RE.match(rel.rsplit("/", 1)[-1])]

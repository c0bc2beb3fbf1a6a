"""When a file of a records folder is unchanged since the cache read it: the cache's key and,
where the key cannot be trusted, its content check.

A file's results are keyed by its size, mtime, ctime and inode (``scan_files`` stats every
file anyway: the key costs nothing more). The mtime alone is not enough: `cp -p`,
`rsync -a`, `tar x` and `touch -r` put it back after a change of the same size. They cannot
put the ctime back (the kernel sets it on every change of content or times), and `rsync -a`
and `tar x` also make a new inode. Where the key cannot be trusted, the content is compared
instead — a SHA-256 of the file, taken before the file is read, so that a change while it
is read makes it be read again next time:

* a file changed less than ``RACY_NS`` before the run started ("racy", after git's idea): a
  second change within the same timestamp tick would leave every time as it was. Such a
  file's row keeps its hash and is compared by hash until a run finds it settled;
* a file system whose ctime does not follow every change: Windows (where st_ctime is the
  creation time), or a mount where putting the mtime back puts the ctime back too. When the
  cache is made, a scratch file in the cache folder is written and its mtime set back
  (``ctime_follows_writes``); if its ctime followed, every file is compared by hash on
  every run (a read of every file, still no parse).

The one change this misses is a file changed twice within one timestamp tick while it is
read, back to the bytes hashed before it was read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from finsam_tui.core.io.scan import link_problem

# A file changed this recently (mtime or ctime) may change again within the same timestamp
# tick: its content is compared by hash.
RACY_NS = 2_000_000_000
# The digest of what cannot be read as a regular file (compared like any other).
NO_DIGEST = "-"


def ctime_follows_writes(folder: Path) -> bool:
    """True when a change on this file system moves a file's ctime even if its mtime is put
    back: probed on a scratch file in folder (the cache folder). False on Windows, where
    st_ctime is the creation time, and wherever the probe cannot be made."""
    if os.name != "posix":
        return False
    probe = Path(folder) / f".ctime-probe-{os.getpid()}-{os.urandom(4).hex()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.write(fd, b"x")
            first = os.fstat(fd)
        finally:
            os.close(fd)
        past = first.st_mtime_ns - 3_600_000_000_000  # the mtime put back an hour
        os.utime(probe, ns=(past, past))
        after = os.stat(probe)
        return (after.st_ino != 0 and after.st_mtime_ns == past and after.st_ctime_ns != past
                and after.st_ctime_ns >= first.st_ctime_ns)
    except OSError:
        return False
    finally:
        try:
            os.unlink(probe)
        except OSError:
            pass


def content_digest(root_real: str, rel: str, path) -> str:
    """SHA-256 of the file's bytes; NO_DIGEST for what cannot be read as a regular file (a
    folder, a named pipe, a link that is not followed, a file without read permission)."""
    if rel.endswith("/") or link_problem(root_real, path, rel) is not None:
        return NO_DIGEST
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return NO_DIGEST
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return NO_DIGEST
        h = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
        return h.hexdigest()
    except OSError:
        return NO_DIGEST
    finally:
        os.close(fd)


class Freshness:
    """What tells this run that a file is unchanged: its stat (size, mtime, ctime, inode) as
    ``scan_files`` gave it, and a hash of its content where the stat cannot be trusted."""

    def __init__(self, root: Path, files: dict, started_ns: int, ctime_trusted: bool):
        self.root_real = os.path.realpath(root)
        self.files = files
        self.since = started_ns - RACY_NS
        self.ctime_trusted = ctime_trusted
        self._digests: dict[str, str] = {}

    def racy(self, rel: str) -> bool:
        """True when the stat of rel cannot be trusted to show its next change."""
        _path, _size, mtime, ctime, _ino = self.files[rel]
        return not self.ctime_trusted or mtime > self.since or ctime > self.since

    def digest(self, rel: str) -> str:
        """The hash of rel's content, read once a run."""
        if rel not in self._digests:
            self._digests[rel] = content_digest(self.root_real, rel, self.files[rel][0])
        return self._digests[rel]

    def fingerprint(self, rels) -> str:
        """Changes when any of the files changes: their stat, and the content of racy ones.
        (On the warm path for every file: kept to one loop and one hash.)"""
        files, since, trusted = self.files, self.since, self.ctime_trusted
        parts = []
        for rel in sorted(rels):
            _path, size, mtime, ctime, ino = files[rel]
            racy = not trusted or mtime > since or ctime > since
            parts.append((rel, size, mtime, ctime, ino, self.digest(rel) if racy else None))
        return hashlib.sha256(repr(parts).encode()).hexdigest()

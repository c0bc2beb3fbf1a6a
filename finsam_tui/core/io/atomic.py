"""The file operations under ``core/io/saving``: atomic, and losing nothing at the target.

* the folder lock (:func:`locked_dir`: a thread lock and an ``flock`` on the folder);
* temp files (:func:`write_temp`: ``.<name>.<16 hex digits>.tmp``, created exclusively and
  never through a link, written and fsynced; :func:`remove_stale_temps`: what killed saves
  left), and the folder's fsync; :func:`write_file`, an atomic write of a file that is no
  record (an export: no snapshot, never through a symlink);
* renames that never overwrite, or that exchange two names (:func:`rename2`: Linux
  ``renameat2`` with ``RENAME_NOREPLACE`` or ``RENAME_EXCHANGE``; False where the system or
  file system cannot, and the caller falls back to hard links or a plain rename);
* conflict copies (:func:`keep_as_copy`, :func:`write_copy`: the version of a record another
  program wrote in the moment of a save, kept next to it as
  ``<name>.konflikt-<YYYYMMDD-HHMMSS>.toml``, never over another file);
* :func:`settle`: what a record held when a save displaced it — removed when it was the
  snapshot, else kept as a conflict copy — after waiting for a program that still has it
  open for writing (:func:`writers_gone`, Linux leases).
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import re
import secrets
import stat
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from finsam_tui.core.records.layout import conflict_copy_name

try:  # POSIX only; without it we rely on the in-process lock alone.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

# Serialises saves within this process (threads), in addition to the flock that
# serialises them between processes.
PROCESS_LOCK = threading.Lock()
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)  # never waits on a pipe
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def open_for_reading(path: Path) -> int:
    """A read-only descriptor of path that never waits (a named pipe opens at once)."""
    return os.open(path, _READ)


def read_fd(fd: int, offset: int | None = None) -> bytes:
    """All the bytes of an open file: from where it stands, or from offset (pread)."""
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20) if offset is None else os.pread(fd, 1 << 20, offset)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        if offset is not None:
            offset += len(chunk)


# --- the folder lock, temp files ------------------------------------------------------------


@contextmanager
def locked_dir(directory: Path, if_missing: Exception) -> Iterator[int | None]:
    """Hold the in-process lock and an exclusive flock on ``directory``.

    Yields the directory's file descriptor (used to fsync it), or None where there is
    no fcntl. Raises ``if_missing`` if the directory does not exist.
    """
    with PROCESS_LOCK, flocked(directory, if_missing) as fd:
        yield fd


@contextmanager
def flocked(directory: Path, if_missing: Exception) -> Iterator[int | None]:
    """An exclusive flock on ``directory`` (the caller holds ``PROCESS_LOCK``)."""
    if fcntl is None:  # pragma: no cover - Windows
        yield None
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        raise if_missing from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield fd
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def fsync_dir(dir_fd: int | None) -> None:
    if dir_fd is None:  # pragma: no cover - Windows
        return
    try:
        os.fsync(dir_fd)
    except OSError as e:  # some file systems cannot fsync a directory
        if e.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF):
            raise


def temp_name(directory: Path, name: str) -> Path:
    return directory / f".{name}.{secrets.token_hex(8)}.tmp"


def write_temp(path: Path, data: bytes, mode: int | None, if_gone: Exception, dir_fd: int | None) -> Path:
    """data in a new temp file next to path, flushed and fsynced (mode: its permission bits;
    None: 0o666 & ~umask, the usual permissions for new files). if_gone is raised when the
    folder is gone (removed or renamed since it was locked); dir_fd is the locked folder's."""
    while True:
        tmp = temp_name(path.parent, path.name)
        try:
            fd = os.open(tmp, _CREATE, 0o666)
            break
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue
        except (FileNotFoundError, NotADirectoryError):
            raise if_gone from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if mode is not None:
                os.chmod(tmp, mode)
            os.fsync(f.fileno())
    except BaseException:
        unlink_quietly(tmp, dir_fd)
        raise
    return tmp


def unlink_quietly(path: Path, dir_fd: int | None = None) -> None:
    """Remove path if it is there; with dir_fd (the locked folder path lies in), in that folder
    wherever it is now (a folder renamed during a save keeps no temp file of ours)."""
    try:
        if dir_fd is not None and os.unlink in os.supports_dir_fd:
            os.unlink(path.name, dir_fd=dir_fd)
        else:
            os.unlink(path)
    except FileNotFoundError:
        pass


def remove_stale_temps(directory: Path, name: str) -> None:
    """Remove the temp files of earlier saves of this record that were killed before their
    replace (named exactly like ours). Called under the directory lock, where no other save of
    the record can be in progress, so every such file is a leftover."""
    pattern = re.compile(r"\." + re.escape(name) + r"\.[0-9a-f]{16}\.tmp")
    prefix = "." + name + "."
    try:
        entries = [e for e in os.scandir(directory) if e.name.startswith(prefix) and pattern.fullmatch(e.name)]
    except OSError:
        return
    for e in entries:
        try:
            if e.is_file(follow_symlinks=False):
                os.unlink(e.path)
        except OSError:
            pass


def write_file(path: Path, data: bytes) -> None:
    """Write data to path atomically (temp file, fsync, replace; the folder fsynced): a full disk
    or a crash leaves the previous file whole. A symlink at path is replaced, never written
    through; the temp file is created exclusively and never through a link. For files that are
    no records (an export): no snapshot, no conflict check. Raises OSError."""
    path = Path(path)
    gone = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path.parent))
    with locked_dir(path.parent, gone) as dir_fd:  # (so that no other write removes our temp file)
        try:
            st = os.lstat(path)
            mode = stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else None
        except (FileNotFoundError, NotADirectoryError):
            mode = None
        tmp = write_temp(path, data, mode, gone, dir_fd)
        try:
            os.replace(tmp, path)
        except BaseException:
            unlink_quietly(tmp, dir_fd)
            raise
        remove_stale_temps(path.parent, path.name)
        fsync_dir(dir_fd)


# --- renaming without losing what is at the target ---------------------------------------

_AT_FDCWD = -100
RENAME_NOREPLACE = 1
RENAME_EXCHANGE = 2
# What renameat2 answers when this kernel or file system cannot do the flag asked for.
_RENAME_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}
# What link answers on a file system without hard links.
NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS}


def _load_renameat2():
    """libc's renameat2 (Linux, glibc 2.28 or later), or None."""
    if not sys.platform.startswith("linux"):  # pragma: no cover - other systems use the fallbacks
        return None
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # pragma: no cover - an old libc
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn


renameat2 = _load_renameat2()


def rename2(src: Path, dst: Path, flags: int) -> bool:
    """renameat2(src, dst, flags): True when done, False when the system or the file system
    cannot (nothing happened then). Raises OSError (FileExistsError, FileNotFoundError …)."""
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), flags) == 0:
        return True
    err = ctypes.get_errno()
    if err in _RENAME_UNSUPPORTED:
        return False
    raise OSError(err, os.strerror(err), str(src), None, str(dst))


def place_new(tmp: Path, target: Path) -> None:
    """Put the written temp file at target, never over a file there (FileExistsError):
    renameat2(RENAME_NOREPLACE), else a hard link, else — a file system with neither — the
    lexists check under the folder lock and os.replace. The caller removes tmp if it is still
    there (after a link)."""
    if rename2(tmp, target, RENAME_NOREPLACE):
        return
    try:
        os.link(tmp, target)
    except OSError as e:
        if e.errno not in NO_LINKS:
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.replace(tmp, target)


def link_aside(path: Path) -> Path | None:
    """A second name (a hidden temp name) for the file at path, or None on a file system without
    hard links."""
    aside = temp_name(path.parent, path.name)
    try:
        os.link(path, aside)
    except OSError as e:
        if e.errno not in NO_LINKS:
            raise
        return None
    return aside


# --- conflict copies ---------------------------------------------------------------------


def stamp() -> str:
    """The local date and time in a conflict copy's name."""
    return time.strftime("%Y%m%d-%H%M%S")


def _copy_names(path: Path) -> Iterator[Path]:
    """The names a conflict copy of path may take, in order (…-2, …-3 when taken)."""
    now = stamp()
    n = 1
    while True:
        yield path.with_name(conflict_copy_name(path.name, now, n))
        n += 1


def keep_as_copy(displaced: Path, path: Path) -> Path:
    """Give the displaced file (under a temp name) the name of a conflict copy of path, never
    over an existing file; the file itself (its inode) is renamed, so a program still writing
    into it writes into the copy. Returns the copy's path."""
    for copy in _copy_names(path):
        try:
            if rename2(displaced, copy, RENAME_NOREPLACE):
                return copy
            os.link(displaced, copy)
        except FileExistsError:
            continue
        except OSError as e:
            if e.errno not in NO_LINKS:
                raise
            if os.path.lexists(copy):
                continue
            os.rename(displaced, copy)  # (under the folder lock; nobody else makes these names)
            return copy
        os.unlink(displaced)
        return copy
    raise AssertionError("unreachable")  # pragma: no cover


def write_copy(path: Path, data: bytes) -> Path:
    """A new conflict copy of path holding data (bytes read from a file whose name is gone)."""
    for copy in _copy_names(path):
        try:
            fd = os.open(copy, _CREATE, 0o666)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return copy
    raise AssertionError("unreachable")  # pragma: no cover


# How long a save waits for a program that still has the displaced file open for writing to
# close it, before keeping that file as a conflict copy unseen.
WRITER_WAIT = 0.25


def writers_gone(fd: int) -> bool | None:
    """Whether no process has the open file fd open for writing (waiting up to WRITER_WAIT for
    them to close it): True, False (one still has), or None where that cannot be known (no
    leases: another system, a file system without them such as NFS, a file of another user).

    Linux grants a read lease only on a file nobody has open for writing; the lease is taken
    and given back at once. A program that had the file open before it was displaced is the
    only one that can still write into it (its name is now a hidden temp name)."""
    if fcntl is None or not hasattr(fcntl, "F_SETLEASE"):  # pragma: no cover - not Linux
        return None
    deadline = time.monotonic() + WRITER_WAIT
    pause = 0.0002
    while True:
        try:
            fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_RDLCK)
        except OSError as e:
            if e.errno != errno.EAGAIN:
                return None
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause)
            pause = min(pause * 2, 0.01)
            continue
        fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
        return True


def settle(displaced: Path, path: Path, expected_sha256: str | None) -> Path | None:
    """What the record held when it was displaced (now under a temp name): removed when it was
    the snapshot (expected_sha256), kept as a conflict copy of path otherwise (or always, when
    expected_sha256 is None). Returns the copy, or None.

    A program that opened the file before it was displaced may still write into it: the save
    waits for it to close the file (see writers_gone) and keeps the file as a copy if it does
    not; where that cannot be known, the file is read again after its name is removed, and kept
    as a copy if it changed."""
    try:
        fd = open_for_reading(displaced)
    except FileNotFoundError:  # pragma: no cover - our hidden name, under our lock
        return None
    try:
        gone = writers_gone(fd)
        try:
            seen = read_fd(fd) if stat.S_ISREG(os.fstat(fd).st_mode) else None
        except OSError:
            seen = None
        if seen is None or expected_sha256 is None or gone is False or sha256(seen) != expected_sha256:
            return keep_as_copy(displaced, path)  # not the snapshot (or it may still change): kept
        os.unlink(displaced)
        late = read_fd(fd, 0)
        if late != seen:  # written into after it was displaced
            return write_copy(path, late)
        return None
    finally:
        os.close(fd)

"""The one place where record files are written.

Every write and delete of a record goes through this module. The rules, which exist so
that no edit is ever silently lost:

* A file is read once into a :class:`Snapshot` (exact text plus the SHA-256 of the raw
  bytes). A later save or delete names the snapshot's hash, and is refused with
  :class:`SaveConflict` if the file on disk no longer has that hash (changed by another
  window, a ``git pull``, another person), or is gone. Creating a file is refused if a
  file already exists at that path.
* The compare and the replace happen under an exclusive advisory lock (``fcntl.flock``
  on the parent directory), so two saves never interleave: of two saves made from the
  same snapshot exactly one wins and the other gets :class:`SaveConflict`. Within one
  process a module-wide thread lock gives the same guarantee even where ``flock`` is
  unavailable or only per process.
* Writes are atomic: the new bytes go to a temp file in the same directory (named
  ``.<name>.<random>.tmp``; the leading dot makes the loader ignore it), are flushed and
  fsynced, then ``os.replace``-d onto the target, and the directory is fsynced. A crash
  leaves either the old file or the new one, never a mix. The temp file is removed on
  any failure; one left by a killed process is removed by the record's next save. The
  existing file's permission bits are kept.
* A move (:func:`move_record`: a meeting whose date or organ changed) is checked against
  the snapshot's hash like a save, never overwrites a file at the new place, and removes
  the old file only once the new one is on disk.
* Text is written exactly as given (UTF-8, no newline translation), and read exactly as
  stored, so CRLF files stay CRLF and an unchanged document is byte-identical.

TOML edits use tomlkit, which preserves comments, key order and formatting.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import tomlkit

from finsam_tui.core.i18n.saving import Labels

try:  # POSIX only; without it we rely on the in-process lock alone.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["SaveConflict", "Snapshot", "read_snapshot", "save_text", "edit_record", "delete_record", "move_record"]

# Serialises saves within this process (threads), in addition to the flock that
# serialises them between processes.
_PROCESS_LOCK = threading.Lock()

_CHANGED = "changed"
_EXISTS = "exists"
_MISSING = "missing"


class SaveConflict(Exception):
    """The file changed on disk since it was read (or exists when creating / is gone when editing).

    ``exc.text(lang)`` is the message for the user (core/i18n/saving.py); ``str(exc)`` is
    the English one, ``exc.message_sv`` the Swedish. ``exc.reason`` is ``"changed"``,
    ``"exists"`` or ``"missing"`` and ``exc.action`` is ``"save"``, ``"delete"`` or ``"move"``.
    """

    def __init__(self, path: Path | str, reason: str = _CHANGED, action: str = "save") -> None:
        self.path = Path(path)
        self.reason = reason
        self.action = action
        self.message, self.message_sv = self.text("en"), self.text("sv")
        super().__init__(self.message)

    def text(self, lang: str = "sv") -> str:
        return Labels(lang).fmt(_conflict_key(self.reason, self.action), path=self.path)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # keep picklable (e.g. across multiprocessing)
        return (self.__class__, (self.path, self.reason, self.action))


def _conflict_key(reason: str, action: str) -> str:
    """The catalogue key (core/i18n/saving.py) of a refusal."""
    if action == "move" and reason == _EXISTS:
        return "move_exists"
    if action == "delete":
        return "delete_missing" if reason == _MISSING else "delete_changed"
    if reason == _EXISTS:
        return "create_exists"
    return "save_missing" if reason == _MISSING else "save_changed"


@dataclass(frozen=True)
class Snapshot:
    """A record file as read: its exact text and the SHA-256 of its raw bytes."""

    path: Path
    text: str
    sha256: str


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_snapshot(path: Path) -> Snapshot:
    """Read ``path`` exactly (UTF-8, no newline translation) and hash its bytes."""
    path = Path(path)
    # Read the bytes once, so the text and the hash describe the same content.
    with open(path, "rb") as f:
        data = f.read()
    return Snapshot(path=path, text=data.decode("utf-8"), sha256=_sha256(data))


def _current_sha256(path: Path) -> str | None:
    """The hash of the file's current bytes, or None if there is no file."""
    try:
        with open(path, "rb") as f:
            return _sha256(f.read())
    except FileNotFoundError:
        return None


@contextmanager
def _locked_dir(directory: Path, if_missing: SaveConflict) -> Iterator[int | None]:
    """Hold the in-process lock and an exclusive flock on ``directory``.

    Yields the directory's file descriptor (used to fsync it), or None where there is
    no fcntl. Raises ``if_missing`` if the directory does not exist.
    """
    with _PROCESS_LOCK, _flocked(directory, if_missing) as fd:
        yield fd


@contextmanager
def _flocked(directory: Path, if_missing: SaveConflict) -> Iterator[int | None]:
    """An exclusive flock on ``directory`` (the caller holds ``_PROCESS_LOCK``)."""
    if fcntl is None:  # pragma: no cover - Windows
        yield None
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except FileNotFoundError:
        raise if_missing from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield fd
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _fsync_dir(dir_fd: int | None) -> None:
    if dir_fd is None:  # pragma: no cover - Windows
        return
    try:
        os.fsync(dir_fd)
    except OSError as e:  # some file systems cannot fsync a directory
        if e.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF):
            raise


def _open_temp(directory: Path, name: str) -> tuple[Path, int]:
    while True:
        tmp = directory / f".{name}.{secrets.token_hex(8)}.tmp"
        try:
            # 0o666 & ~umask: a new record gets the usual permissions for new files.
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:  # pragma: no cover - 64 random bits
            continue


def save_text(path: Path, text: str, expected_sha256: str | None) -> Snapshot:
    """Write ``text`` to ``path`` atomically, if the file is still as expected.

    ``expected_sha256`` None means create: refused if the file exists (parent folders
    are created). Otherwise refused if the file's current hash differs or the file is
    gone. Raises :class:`SaveConflict` when refused; nothing is written then.
    Returns the snapshot of what was written.
    """
    path = Path(path)
    data = text.encode("utf-8")  # fail on unencodable text before touching the disk
    directory = path.parent
    creating = expected_sha256 is None
    if creating:
        directory.mkdir(parents=True, exist_ok=True)
    with _locked_dir(directory, SaveConflict(path, _EXISTS if creating else _MISSING)) as dir_fd:
        mode: int | None = None
        if creating:
            if os.path.lexists(path):
                raise SaveConflict(path, _EXISTS)
        else:
            current = _current_sha256(path)
            if current is None:
                raise SaveConflict(path, _MISSING)
            if current != expected_sha256:
                raise SaveConflict(path, _CHANGED)
            mode = stat.S_IMODE(os.stat(path).st_mode)

        tmp, fd = _open_temp(directory, path.name)
        replaced = False
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                if mode is not None:
                    os.chmod(tmp, mode)
                os.fsync(f.fileno())
            os.replace(tmp, path)
            replaced = True
            _remove_stale_temps(directory, path.name)
            _fsync_dir(dir_fd)
        finally:
            if not replaced:
                try:
                    os.unlink(tmp)
                except FileNotFoundError:
                    pass
    return Snapshot(path=path, text=text, sha256=_sha256(data))


def _remove_stale_temps(directory: Path, name: str) -> None:
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


def edit_record(snapshot: Snapshot, mutate: Callable[[tomlkit.TOMLDocument], None]) -> Snapshot:
    """Parse the snapshot's text, let ``mutate`` change the document, and save it.

    Comments, key order and formatting are preserved by tomlkit. If the text is
    unchanged afterwards nothing is written and ``snapshot`` is returned as is.
    Raises :class:`SaveConflict` if the file changed on disk since the snapshot.
    """
    doc = tomlkit.parse(snapshot.text)
    mutate(doc)
    new_text = doc.as_string()
    if new_text == snapshot.text:
        return snapshot
    return save_text(snapshot.path, new_text, snapshot.sha256)


def delete_record(snapshot: Snapshot) -> None:
    """Delete the snapshot's file, unless it changed (or vanished) since the snapshot."""
    path = Path(snapshot.path)
    with _locked_dir(path.parent, SaveConflict(path, _MISSING, "delete")) as dir_fd:
        current = _current_sha256(path)
        if current is None:
            raise SaveConflict(path, _MISSING, "delete")
        if current != snapshot.sha256:
            raise SaveConflict(path, _CHANGED, "delete")
        os.unlink(path)
        _fsync_dir(dir_fd)


def move_record(root: Path, old_rel: str, new_rel: str, text: str, expected_sha256: str) -> Snapshot:
    """Write ``text`` as the record at ``new_rel`` and remove the one at ``old_rel`` (a meeting
    whose date or organ changed moves to its new place).

    Refused with :class:`SaveConflict` — nothing written, nothing removed — when the old file
    no longer has ``expected_sha256`` (``"changed"``) or is gone (``"missing"``), or when a
    file already exists at the new place (``"exists"``: never overwritten). The new file is
    written atomically (temp file, fsync, then linked into place, which fails rather than
    replace a file that appeared meanwhile) and is on disk, its folder fsynced, before the old
    one is removed: a crash in between leaves both, never neither. Both folders are locked
    (flock, in path order) for the whole move. The old file's permission bits are kept. A
    meeting's year folder that the move leaves empty is removed. Returns the snapshot of the
    new file.
    """
    root = Path(root)
    for rel in (old_rel, new_rel):
        if Path(rel).is_absolute() or ".." in Path(rel).parts:
            raise ValueError(f"not a path inside the records folder: {rel}")
    old, new = root / old_rel, root / new_rel
    if os.path.normpath(old) == os.path.normpath(new):
        return save_text(old, text, expected_sha256)
    data = text.encode("utf-8")  # fail on unencodable text before touching the disk
    if not old.parent.is_dir():
        raise SaveConflict(old, _MISSING, "move")
    new.parent.mkdir(parents=True, exist_ok=True)
    dirs = sorted({old.parent, new.parent}, key=lambda p: str(p))
    with _PROCESS_LOCK, ExitStack() as stack:
        fds = {d: stack.enter_context(_flocked(d, SaveConflict(old, _MISSING, "move"))) for d in dirs}
        current = _current_sha256(old)
        if current is None:
            raise SaveConflict(old, _MISSING, "move")
        if current != expected_sha256:
            raise SaveConflict(old, _CHANGED, "move")
        if os.path.lexists(new):
            raise SaveConflict(new, _EXISTS, "move")
        mode = stat.S_IMODE(os.stat(old).st_mode)
        tmp, fd = _open_temp(new.parent, new.name)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.chmod(tmp, mode)
                os.fsync(f.fileno())
            _place_new(tmp, new)
        finally:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        _fsync_dir(fds[new.parent])
        os.unlink(old)
        _fsync_dir(fds[old.parent])
    if len(Path(old_rel).parts) >= 4:  # a meeting's year folder (moten/<organ>/<år>/) left empty goes
        try:
            os.rmdir(old.parent)  # (refused unless empty: another process's new file stays)
        except OSError:
            pass
    return Snapshot(path=new, text=text, sha256=_sha256(data))


def _place_new(tmp: Path, target: Path) -> None:
    """Put the written temp file at target, refusing (SaveConflict "exists") if a file is there.

    A hard link never replaces an existing file; where the file system has no hard links
    the lexists check just made under the folder lock stands, and os.replace is used."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise SaveConflict(target, _EXISTS, "move") from None
    except OSError as e:
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        if os.path.lexists(target):
            raise SaveConflict(target, _EXISTS, "move") from None
        os.replace(tmp, target)

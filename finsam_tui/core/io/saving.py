"""The one place where record files are written.

Every write and delete of a record goes through this module. The rules, which exist so
that no edit is ever silently lost — not to another finsam, and not to another program (an
editor, ``git pull``, a sync client) that takes no lock of ours:

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
  fsynced, and the file is compared with the snapshot again right before the temp file takes
  its place; the directory is fsynced. A crash leaves either the old file or the new one,
  never a mix. The temp file is removed on any failure; one left by a killed process is
  removed by the record's next save (or the next move to or from its name). The existing
  file's permission bits are kept.
* Lossless against other programs: the new file takes the record's place by an atomic
  *exchange* of the two names (Linux ``renameat2(RENAME_EXCHANGE)``), so whatever the record
  held at that instant — the snapshot, or a version another program wrote in the last moment —
  is still there under the temp name, and is compared with the snapshot (``atomic.settle``,
  after waiting for a program that still has it open for writing). A version finsam had
  not seen is kept as a *conflict copy* next to the record
  (``<name>.konflikt-<YYYYMMDD-HHMMSS>.toml``, ``layout.conflict_copy_name``; ``FS111`` until
  merged and deleted) and the save reports :class:`SaveConflict` with reason ``"copied"``
  (the new text is on disk: ``exc.saved``; the copy: ``exc.copy``). Where the exchange is
  not available the current file is hard-linked aside instead and checked before and after
  ``os.replace`` (a rename by another program between the last check and the replace is then
  not seen); where hard links are not available either, only the check right before
  ``os.replace`` remains.
* A delete, and the removal of the old file of a move, first renames the file aside
  (atomically, whatever version is there) and compares it with the snapshot: a version finsam
  had not seen is put back (a delete) or kept as a conflict copy.
* A move (:func:`move_record`: a meeting whose date or organ changed) is checked against
  the snapshot's hash like a save, never overwrites a file at the new place, and removes
  the old file only once the new one is on disk.
* A record that vanishes, or whose folder vanishes or is renamed, during a save is the
  ``"missing"`` conflict, never a raw ``FileNotFoundError``.
* Text is written exactly as given (UTF-8, no newline translation), and read exactly as
  stored, so CRLF files stay CRLF and an unchanged document is byte-identical.
``atomic.write_file`` is the same atomic write without a snapshot, for files that are no
records (``finsam export -o``). TOML edits use tomlkit (comments, key order, formatting kept).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import tomlkit

from finsam_tui.core.i18n.saving import Labels
from finsam_tui.core.io import atomic
from finsam_tui.core.io.atomic import fsync_dir, locked_dir, remove_stale_temps, unlink_quietly, write_temp

__all__ = ["SaveConflict", "Snapshot", "current_sha256", "delete_record", "edit_record", "move_record",
           "read_snapshot", "replace_keeping_copy", "save_text"]

_CHANGED = "changed"
_EXISTS = "exists"
_MISSING = "missing"
_COPIED = "copied"


class SaveConflict(Exception):
    """The file changed on disk since it was read (or exists when creating / is gone when editing).

    ``exc.text(lang)`` is the message for the user (core/i18n/saving.py); ``str(exc)`` is
    the English one, ``exc.message_sv`` the Swedish. ``exc.reason`` is ``"changed"``,
    ``"exists"``, ``"missing"`` or ``"copied"`` and ``exc.action`` is ``"save"``, ``"delete"``
    or ``"move"``.

    ``"copied"``: another program changed the file in the very moment of the save (or delete).
    Nothing is lost: its version is kept as the conflict copy ``exc.copy``, and the save itself
    is done — ``exc.saved`` is the snapshot of what is on disk now (None for a delete).
    """

    def __init__(self, path: Path | str, reason: str = _CHANGED, action: str = "save",
                 copy: Path | str | None = None, saved: Snapshot | None = None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.action = action
        self.copy = Path(copy) if copy is not None else None
        self.saved = saved
        self.message, self.message_sv = self.text("en"), self.text("sv")
        super().__init__(self.message)

    def text(self, lang: str = "sv") -> str:
        return Labels(lang).fmt(_conflict_key(self.reason, self.action), path=self.path, copy=self.copy)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # keep picklable (e.g. across multiprocessing)
        return (self.__class__, (self.path, self.reason, self.action, self.copy, self.saved))


def _conflict_key(reason: str, action: str) -> str:
    """The catalogue key (core/i18n/saving.py) of a refusal."""
    if reason == _COPIED:
        return f"{action}_copied"
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


def current_sha256(path: Path) -> str | None:
    """The SHA-256 of the file's current bytes (whatever they are: no decoding), or None if there
    is no file. Raises OSError for a file that exists but cannot be read, or is not a regular file
    (never waits on a named pipe)."""
    try:
        fd = atomic.open_for_reading(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return _sha256(atomic.read_fd(fd))
    finally:
        os.close(fd)


def _verify(path: Path, expected_sha256: str, action: str = "save") -> int:
    """Refuse (SaveConflict "missing" or "changed") unless the file at path holds exactly the
    snapshot's bytes; return its permission bits (read from the same open file)."""
    try:
        fd = atomic.open_for_reading(path)
    except (FileNotFoundError, NotADirectoryError):
        raise SaveConflict(path, _MISSING, action) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or _sha256(atomic.read_fd(fd)) != expected_sha256:
            raise SaveConflict(path, _CHANGED, action)
        return stat.S_IMODE(st.st_mode)
    finally:
        os.close(fd)


def _place_new(tmp: Path, target: Path, action: str = "move") -> None:
    """atomic.place_new, its refusals said as SaveConflict ("exists"; "missing": the folder went)."""
    try:
        atomic.place_new(tmp, target)
    except FileExistsError:
        raise SaveConflict(target, _EXISTS, action) from None
    except (FileNotFoundError, NotADirectoryError):
        raise SaveConflict(target, _MISSING, action) from None


def _replace_verified(tmp: Path, path: Path, expected_sha256: str, keep_old: bool, dir_fd: int | None) -> Path | None:
    """Put the written temp file at path, which must still hold the snapshot's bytes. Returns the
    conflict copy kept of a version another program wrote in the last moment, else None (with
    keep_old: the copy of whatever was replaced, always). Raises SaveConflict when the file
    changed or went before anything was replaced; the temp file is removed then."""
    try:
        _verify(path, expected_sha256)  # again, right before: the window is the next line
        exchanged = atomic.rename2(tmp, path, atomic.RENAME_EXCHANGE)
    except (FileNotFoundError, NotADirectoryError):  # the record or its folder went since the check
        unlink_quietly(tmp, dir_fd)
        raise SaveConflict(path, _MISSING) from None
    except BaseException:
        unlink_quietly(tmp, dir_fd)
        raise
    if exchanged:  # tmp now names what the record held a moment ago: never removed unseen
        return atomic.settle(tmp, path, None if keep_old else expected_sha256)
    aside = None
    try:
        aside = atomic.link_aside(path)
        if aside is None:  # no hard links: only the check right before the replace
            _verify(path, expected_sha256)
            if keep_old:
                with open(path, "rb") as f:
                    old = f.read()
            os.replace(tmp, path)
            return atomic.write_copy(path, old) if keep_old else None
        # The file linked aside must be the one at path, with the snapshot's bytes: then a change
        # written into it from now on is seen after the replace (a rename onto path between this
        # check and the replace is not: the window of this fallback).
        if not os.path.samestat(os.stat(aside), os.stat(path)):
            raise SaveConflict(path, _CHANGED)
        _verify(aside, expected_sha256)
        os.replace(tmp, path)
    except BaseException as exc:
        unlink_quietly(tmp, dir_fd)
        if aside is not None:
            unlink_quietly(aside, dir_fd)
        if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
            raise SaveConflict(path, _MISSING) from None
        raise
    return atomic.settle(aside, path, None if keep_old else expected_sha256)


def _save(path: Path, text: str, expected_sha256: str | None, keep_old: bool = False) -> tuple[Snapshot, Path | None]:
    path = Path(path)
    data = text.encode("utf-8")  # fail on unencodable text before touching the disk
    directory = path.parent
    creating = expected_sha256 is None
    if creating:
        directory.mkdir(parents=True, exist_ok=True)
    with locked_dir(directory, SaveConflict(path, _EXISTS if creating else _MISSING)) as dir_fd:
        if creating:
            if os.path.lexists(path):
                raise SaveConflict(path, _EXISTS)
            mode = None
        else:
            mode = _verify(path, expected_sha256)
        tmp = write_temp(path, data, mode, SaveConflict(path, _MISSING), dir_fd)
        copy = None
        if creating:
            try:
                _place_new(tmp, path, "save")
            finally:
                unlink_quietly(tmp, dir_fd)  # (left by a hard link; gone after a rename)
        else:
            copy = _replace_verified(tmp, path, expected_sha256, keep_old, dir_fd)
        remove_stale_temps(directory, path.name)
        fsync_dir(dir_fd)
    return Snapshot(path=path, text=text, sha256=_sha256(data)), copy


def save_text(path: Path, text: str, expected_sha256: str | None) -> Snapshot:
    """Write ``text`` to ``path`` atomically, if the file is still as expected.

    ``expected_sha256`` None means create: refused if the file exists (parent folders
    are created). Otherwise refused if the file's current hash differs or the file is
    gone. Raises :class:`SaveConflict` when refused; nothing is written then.
    Returns the snapshot of what was written.

    If another program changed the file in the moment of the replace, its version is kept as
    a conflict copy and :class:`SaveConflict` is raised with reason ``"copied"``: the text
    *was* written then (``exc.saved``), and nothing was lost (``exc.copy``).
    """
    snap, copy = _save(path, text, expected_sha256)
    if copy is not None:
        raise SaveConflict(path, _COPIED, "save", copy=copy, saved=snap)
    return snap


def replace_keeping_copy(path: Path, text: str, expected_sha256: str) -> tuple[Snapshot, Path]:
    """Write ``text`` over the file at ``path`` (still with ``expected_sha256``, as save_text
    checks), keeping what it replaces as a conflict copy: for a version that cannot be merged
    into (it is not UTF-8) and that the user chose to overwrite. Returns the new snapshot and
    the copy."""
    snap, copy = _save(path, text, expected_sha256, keep_old=True)
    assert copy is not None
    return snap, copy


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


def _take_aside(path: Path, action: str) -> Path:
    """Rename the file at path to a hidden temp name (atomically: whatever version is there),
    for a delete; SaveConflict "missing" when there is none."""
    aside = atomic.temp_name(path.parent, path.name)
    try:
        os.rename(path, aside)
    except (FileNotFoundError, NotADirectoryError):
        raise SaveConflict(path, _MISSING, action) from None
    return aside


def delete_record(snapshot: Snapshot) -> None:
    """Delete the snapshot's file, unless it changed (or vanished) since the snapshot.

    The file is renamed aside first and compared there: a version another program wrote in the
    last moment is put back (SaveConflict "changed": nothing deleted), or — when a new file took
    the name meanwhile — kept as a conflict copy (SaveConflict "copied")."""
    path = Path(snapshot.path)
    with locked_dir(path.parent, SaveConflict(path, _MISSING, "delete")) as dir_fd:
        _verify(path, snapshot.sha256, "delete")
        aside = _take_aside(path, "delete")
        try:
            _verify(aside, snapshot.sha256, "delete")
        except SaveConflict:
            try:
                _place_new(aside, path, "delete")  # put back, never over a newer file
                unlink_quietly(aside, dir_fd)
            except SaveConflict:
                copy = atomic.keep_as_copy(aside, path)
                fsync_dir(dir_fd)
                raise SaveConflict(path, _COPIED, "delete", copy=copy) from None
            fsync_dir(dir_fd)
            raise SaveConflict(path, _CHANGED, "delete") from None
        copy = atomic.settle(aside, path, snapshot.sha256)
        remove_stale_temps(path.parent, path.name)
        fsync_dir(dir_fd)
    if copy is not None:
        raise SaveConflict(path, _COPIED, "delete", copy=copy)


def move_record(root: Path, old_rel: str, new_rel: str, text: str, expected_sha256: str) -> Snapshot:
    """Write ``text`` as the record at ``new_rel`` and remove the one at ``old_rel`` (a meeting
    whose date or organ changed moves to its new place).

    Refused with :class:`SaveConflict` — nothing written, nothing removed — when the old file
    no longer has ``expected_sha256`` (``"changed"``) or is gone (``"missing"``), or when a
    file already exists at the new place (``"exists"``: never overwritten). The new file is
    written atomically (temp file, fsync, then put into place by a rename or link that fails
    rather than replace a file that appeared meanwhile) and is on disk, its folder fsynced,
    before the old one is removed: a crash in between leaves both, never neither. The old file
    is renamed aside and compared before it is removed: a version another program wrote in the
    last moment is kept as a conflict copy next to the old place (SaveConflict ``"copied"``, the
    move done: ``exc.saved``). Both folders are locked (flock, in path order) for the whole move,
    and the temp files killed moves to or from these names left behind are removed. The old
    file's permission bits are kept. A meeting's year folder that the move leaves empty is
    removed. Returns the snapshot of the new file.
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
    with atomic.PROCESS_LOCK, ExitStack() as stack:
        fds = {d: stack.enter_context(atomic.flocked(d, SaveConflict(old, _MISSING, "move"))) for d in dirs}
        remove_stale_temps(new.parent, new.name)  # what killed moves to this name left
        mode = _verify(old, expected_sha256, "move")
        if os.path.lexists(new):
            raise SaveConflict(new, _EXISTS, "move")
        tmp = write_temp(new, data, mode, SaveConflict(old, _MISSING, "move"), fds[new.parent])
        try:
            _place_new(tmp, new)
        finally:
            unlink_quietly(tmp, fds[new.parent])
        fsync_dir(fds[new.parent])
        copy = None
        try:
            aside = _take_aside(old, "move")
        except SaveConflict:  # gone since the check: removed or moved by someone else; nothing to keep
            aside = None
        if aside is not None:
            copy = atomic.settle(aside, old, expected_sha256)
        remove_stale_temps(old.parent, old.name)
        fsync_dir(fds[old.parent])
    if len(Path(old_rel).parts) >= 4:  # a meeting's year folder (moten/<organ>/<år>/) left empty goes
        try:
            os.rmdir(old.parent)  # (refused unless empty: another process's new file stays)
        except OSError:
            pass
    snap = Snapshot(path=new, text=text, sha256=_sha256(data))
    if copy is not None:
        raise SaveConflict(new, _COPIED, "move", copy=copy, saved=snap)
    return snap

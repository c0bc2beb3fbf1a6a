"""Saving an edited record: its data written into its text, refused if the file changed.

A record is read once (:func:`read_record`: the exact text and its hash, and the data). Its
edited data is rendered into that text (only what changed; comments, order and a byte order
mark kept) and saved atomically through ``core/io/saving``, naming the hash it was read with:
a file changed on disk since (another window, a ``git pull``) is never overwritten silently.
The outcome is a value: :class:`Saved`, :class:`Conflict` (the "changed on disk" case, nothing
written) or :class:`Failed` (the text could not be made or written). A save that another
program raced in its very last moment is :class:`Saved` all the same, with ``conflict`` naming
the conflict copy that keeps the other program's version. After a conflict the user may keep
theirs: :func:`overwrite` writes the data over the version on disk (into its text, so its
comments stay; a version that is not UTF-8 text is kept as a conflict copy first).

A meeting whose date or organ changed may move to its new place with the save: the file is
written there and the old one removed (``saving.move_record``), then the other records'
references to it are rewritten as planned before (``core/ops/move``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.check.protocol_lock import is_locked
from finsam_tui.core.io.saving import (
    SaveConflict,
    Snapshot,
    current_sha256,
    move_record,
    read_snapshot,
    replace_keeping_copy,
    save_text,
)
from finsam_tui.core.io.tomledit import parse_text, update_text
from finsam_tui.core.ops import move as moving
from finsam_tui.core.ops.edited import render_text
from finsam_tui.core.ops.places import Place


@dataclass(frozen=True)
class Moved:
    """A save that moved the meeting's file: where it was, and what became of the references."""

    old_rel: str
    outcome: moving.Outcome | None  # the references rewritten or refused (None: none planned)
    planned: moving.Plan | None


@dataclass(frozen=True)
class Saved:
    """The file on disk is now data: its snapshot, and its place (a moved meeting's new one).
    conflict: another program's version was kept as a conflict copy meanwhile (its
    ``SaveConflict``, reason "copied": ``conflict.copy``, ``conflict.text(lang)``), else None."""

    snapshot: Snapshot
    data: dict
    place: Place
    moved: Moved | None = None
    conflict: SaveConflict | None = None


@dataclass(frozen=True)
class Conflict:
    """Nothing written: the file changed on disk since it was read, or is gone, or a file
    exists where a new one (or a moved one) was to be created."""

    error: SaveConflict

    def message(self, lang: str = "sv") -> str:
        return self.error.text(lang)


@dataclass(frozen=True)
class Failed:
    """Nothing written: the text could not be made, or the file system refused it."""

    reason: str


Outcome = Saved | Conflict | Failed


def read_record(path: Path) -> tuple[Snapshot, dict]:
    """The record file at path as read (exact text and hash) and its data. Raises OSError, or
    ValueError for a file that does not parse."""
    snap = read_snapshot(Path(path))
    return snap, parse_text(snap.text)


def render(snapshot: Snapshot | None, data: dict) -> str:
    """The text to save: the snapshot's text with only the differences changed, or a new file."""
    return render_text(snapshot.text if snapshot is not None else None, data)


def unchanged(snapshot: Snapshot | None, data: dict) -> bool:
    """True when saving data would write the file exactly as it is (nothing to save)."""
    return snapshot is not None and render(snapshot, data) == snapshot.text


def save(root: Path, place: Place, snapshot: Snapshot | None, data: dict, move_to: Place | None = None,
         planned: moving.Plan | None = None) -> Outcome:
    """Write data to the record's file (created when snapshot is None), atomically, refused if
    the file is no longer as snapshot read it. With move_to (a meeting whose date or organ
    changed), write it there instead and remove the old file once the new one is on disk, then
    apply the planned rewrites of the references to it. The meeting's references to its own §§
    move with it, unless it is justerad: its rättelse has fingerprinted the content as it is
    (they are then findings like any broken reference)."""
    root = Path(root)
    if move_to is not None and not is_locked(data):
        data = moving.retarget_data("meeting", move_to.rel, data, place.id, move_to.id)[0]
    try:
        text = render(snapshot, data)
    except Exception as exc:  # noqa: BLE001 - data tomlkit cannot write: said, nothing written
        return Failed(str(exc))
    kept = None
    try:
        if move_to is not None and snapshot is not None:
            snap = move_record(root, place.rel, move_to.rel, text, snapshot.sha256)
        else:
            target = move_to or place
            snap = save_text(target.path, text, snapshot.sha256 if snapshot is not None else None)
    except SaveConflict as exc:
        if exc.saved is None:
            return Conflict(exc)
        snap, kept = exc.saved, exc  # saved, and the other program's version kept as a copy
    except (OSError, ValueError) as exc:
        return Failed(str(exc))
    if move_to is None:
        return Saved(snap, data, place, conflict=kept)
    outcome = moving.apply(root, planned) if planned else None
    return Saved(snap, data, move_to, Moved(place.rel, outcome, planned), conflict=kept)


def overwrite(place: Place, snapshot: Snapshot | None, data: dict) -> Outcome:
    """Save data over whatever version of the file is on disk now (the user confirmed keeping
    theirs after a conflict): written into the disk version's text, so that its comments stay
    (created when it is gone). A disk version that is not UTF-8 text (another program wrote it in
    Latin-1, say) or does not parse (a syntax error, git's conflict markers) cannot be written
    into: it is kept as a conflict copy, and data written over it on the text as read
    (``Saved.conflict``).
    Refused (Conflict) only if the file changes yet again meanwhile."""
    base = snapshot.text if snapshot is not None else None
    try:
        disk = read_snapshot(place.path)
    except FileNotFoundError:
        disk = None
    except (OSError, ValueError):  # not UTF-8 (or not readable as a record's text): kept aside
        return _overwrite_unreadable(place, base, data)
    try:
        text = render_text(disk.text if disk else base, data)
    except Exception:  # noqa: BLE001 - the disk version does not parse (a syntax error, git's
        return _overwrite_unreadable(place, base, data)  # conflict markers): kept as a copy too
    try:
        snap = save_text(place.path, text, disk.sha256 if disk else None)
    except SaveConflict as exc:
        if exc.saved is not None:
            return Saved(exc.saved, data, place, conflict=exc)
        return Conflict(exc)
    except OSError as exc:
        return Failed(str(exc))
    return Saved(snap, data, place)


def _overwrite_unreadable(place: Place, base: str | None, data: dict) -> Outcome:
    """overwrite() of a disk version that cannot be read as a record: kept as a conflict copy."""
    try:
        sha = current_sha256(place.path)
        text = render_text(base, data)
        if sha is None:  # gone meanwhile: created anew
            return Saved(save_text(place.path, text, None), data, place)
        snap, copy = replace_keeping_copy(place.path, text, sha)
    except SaveConflict as exc:
        return Conflict(exc)
    except (OSError, ValueError) as exc:
        return Failed(str(exc))
    return Saved(snap, data, place, conflict=SaveConflict(place.path, "copied", "overwrite", copy=copy, saved=snap))


@dataclass(frozen=True)
class Changes:
    """What differs after a conflict, by top-level key: changed on disk since the file was read
    (theirs), and in the data being saved (mine). readable False: the version on disk is gone or
    cannot be read as a record (theirs is then empty; overwrite keeps it as a conflict copy)."""

    theirs: tuple[str, ...]
    mine: tuple[str, ...]
    readable: bool = True
    gone: bool = False  # (not readable: there is no file)


def _changed(a: dict, b: dict) -> tuple[str, ...]:
    return tuple(k for k in dict.fromkeys([*a, *b]) if a.get(k, _NONE) != b.get(k, _NONE))


_NONE = object()


def changes(place: Place, baseline: dict, data: dict) -> Changes:
    """What the other side changed on disk since baseline (the data as read) and what data
    changes, so that the user who chooses between reloading and keeping theirs knows what each
    throws away."""
    mine = _changed(baseline, data)
    try:
        disk = parse_text(read_snapshot(place.path).text)
    except FileNotFoundError:
        return Changes((), mine, readable=False, gone=True)
    except (OSError, ValueError):  # not UTF-8, a syntax error
        return Changes((), mine, readable=False)
    return Changes(_changed(baseline, disk), mine)


def write_data(snapshot: Snapshot, data: dict) -> Snapshot:
    """Save data into the file snapshot read (comments, order and a byte order mark kept);
    nothing is written when nothing changes. Raises SaveConflict if the file changed since."""
    text = update_text(snapshot.text, data)
    if text == snapshot.text:
        return snapshot
    return save_text(snapshot.path, text, snapshot.sha256)


def plan_move(root: Path, archive, place: Place, target: Place) -> moving.Plan | None:
    """What moving the meeting at place to target does to the other records' references to it,
    as read now; None when that cannot be known (no archive, a lookup problem: never a reason
    not to save). Applied by :func:`save` after the move (a file changed meanwhile is refused)."""
    if archive is None:
        return None
    try:
        return moving.plan(Path(root), archive.index, place.rel, place.id, target.id)
    except Exception:  # noqa: BLE001 - a lookup problem never stops a save
        return None

"""A meeting that moves (its date or organ changed, and with them its id and file): the
references to it and to its §§ follow it.

The references are found as validation finds them (the reference fields of the record
definitions, ``core/check/schema_check.check_record``), in the current text of each file,
and rewritten with the rest of the file as it was (``core/io/tomledit.update_text``: comments,
order and layout kept). Each file is saved atomically and only if it is still as it was read
(``core/io/saving.save_text``). The meeting's own file moves with its save
(``core/ops/save.save``). Two kinds of reference are left as they are, and reported:

- those in a justerad (locked) meeting, whose content may change only through a rättelse;
- those naming a § by calendar year (``styrelse/2023/§17``), which name no meeting.
"""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from finsam_tui.core.check.protocol_lock import is_locked
from finsam_tui.core.check.schema_check import check_record
from finsam_tui.core.io.load import Record
from finsam_tui.core.io.saving import SaveConflict, Snapshot, read_snapshot, save_text
from finsam_tui.core.io.tomledit import parse_text, update_text
from finsam_tui.core.records.keypaths import set_at, value_at
from finsam_tui.core.records.layout import classify
from finsam_tui.core.records.refs import parse_ref, resolve
from finsam_tui.core.records.schema import KINDS


def moved_value(value: str, old_mid: str, new_mid: str) -> str | None:
    """The reference value pointing at new_mid instead, when it names the meeting old_mid or one
    of its §§ (``styrelse/2023-02-17``, ``styrelse/2023-02-17/§15b``); else None."""
    ref = parse_ref(value) if isinstance(value, str) else None
    if ref is None or ref.id != old_mid or ref.kind not in ("meeting", "paragraph") or ref.by_year:
        return None
    start = value.index(old_mid)
    return value[:start] + new_mid + value[start + len(old_mid):]


def retarget_data(kind: str, rel: str, data: dict, old_mid: str, new_mid: str) -> tuple[dict, int]:
    """A copy of a record's data whose references to the meeting old_mid (and its §§) name
    new_mid, and how many were changed."""
    rid = classify(tuple(rel.split("/")))[1] or ""
    probe = Record(kind, rid, rel, Path(rel), "", copy.deepcopy(data))
    _findings, refs = check_record(probe, KINDS[kind])
    new = copy.deepcopy(data)
    count = 0
    for path, _target, value in refs:
        moved = moved_value(value, old_mid, new_mid)
        # (the schema check cleans its copy: a path that no longer leads to the value is left)
        if moved is not None and value_at(new, tuple(path)) == value:
            set_at(new, tuple(path), moved)
            count += 1
    return new, count


@dataclass
class Rewrite:
    """One file's references, rewritten: the file as read and its new text."""

    rel: str
    snapshot: Snapshot
    text: str
    count: int


@dataclass
class Plan:
    rewrites: list[Rewrite] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)  # justerade meetings referring to it: left
    by_year: list[str] = field(default_factory=list)  # files with "organ/year/§n" to its §§: left
    unreadable: list[str] = field(default_factory=list)  # files that could not be read or parsed

    @property
    def count(self) -> int:
        return sum(r.count for r in self.rewrites)


def plan(root: Path, index, old_rel: str, old_mid: str, new_mid: str) -> Plan:
    """What moving the meeting old_mid (file old_rel) to new_mid does to the other files that
    refer to it. index is the archive's (``Archive.index``): it tells which files to read; what
    they hold now is read from disk."""
    root = Path(root)
    out = Plan()
    candidates: list[str] = []
    for rel, _path, target, value in index.iter_refs():
        if rel == old_rel or not isinstance(value, str):
            continue
        if moved_value(value, old_mid, new_mid) is not None:
            candidates.append(rel)
        elif target != "organ" and _names_by_year(index, value, old_mid):
            if rel not in out.by_year:
                out.by_year.append(rel)
    for rel in dict.fromkeys(candidates):
        kind = classify(tuple(rel.split("/")))[0]
        try:
            snap = read_snapshot(root / rel)
            data = parse_text(snap.text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            out.unreadable.append(rel)
            continue
        if kind not in KINDS:
            continue
        if kind == "meeting" and is_locked(data):
            out.locked.append(rel)
            continue
        new, count = retarget_data(kind, rel, data, old_mid, new_mid)
        if count:
            out.rewrites.append(Rewrite(rel, snap, update_text(snap.text, new), count))
    return out


def _names_by_year(index, value: str, old_mid: str) -> bool:
    ref = parse_ref(value)
    if ref is None or ref.kind != "paragraph" or not ref.by_year:
        return False
    return any(t.id == old_mid for t in resolve(index, value).targets)


@dataclass
class Outcome:
    done: list[Rewrite] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (rel, "changed" | "missing" | error)
    copies: list[Path] = field(default_factory=list)  # another program's versions kept while saving (done)


def apply(root: Path, planned: Plan) -> Outcome:
    """Save each rewrite, atomically, refused for a file that changed since it was read (a file
    another program changed in the very moment is rewritten, and its version kept as a copy)."""
    out = Outcome()
    for r in planned.rewrites:
        try:
            save_text(Path(root) / r.rel, r.text, r.snapshot.sha256)
        except SaveConflict as exc:
            if exc.copy is not None:
                out.done.append(r)
                out.copies.append(exc.copy)
                continue
            out.refused.append((r.rel, exc.reason))
        except OSError as exc:
            out.refused.append((r.rel, exc.strerror or str(exc)))
        else:
            out.done.append(r)
    return out

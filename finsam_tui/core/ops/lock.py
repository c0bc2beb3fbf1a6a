"""Locking a justerad meeting: its content fixed by a fingerprint, its printed names frozen.

A meeting whose state is justerad or anslagen is locked by writing the names and roles it
prints into ``[justering.printed]`` (``core/records/printed``) and the fingerprint of its
content (``core/check/protocol_lock.fingerprint``) into ``[justering] fingerprint``; refused
while the meeting's file has errors. The editor's "Spara och lås" and ``finsam lock`` are the
same function, :func:`locked`; :func:`lock_file` is ``finsam lock`` on one file (read, checked,
written with its comments and a byte order mark kept).

Once locked, only the state, the anslag and the tasks' follow-up may change without a rättelse
(:func:`may_change`; a rättelse: ``core/ops/correct``). Two operations on meetings locked
before: :func:`upgrade_file` (``finsam lock --upgrade``) rewrites a fingerprint in the legacy
formula (which covered the tasks' follow-up) in the current one, and :func:`freeze_file`
(``finsam lock --freeze-names``) adds the snapshot of printed names to a meeting locked without
one — the names as the files say them today, which need not be those printed at justering.
"""

from __future__ import annotations

from pathlib import Path

from finsam_tui.core.check.findings import Finding, errors_in
from finsam_tui.core.check.protocol_lock import (
    EDITABLE_AFTER_LOCK,
    chain,
    content_changed,
    expected_fingerprint,
    fingerprint,
    is_adjusted,
    is_follow_up,
    is_locked,
    legacy_fingerprint,
    legacy_matches,
    lock_evidence,
    matches,
)
from finsam_tui.core.io.saving import Snapshot
from finsam_tui.core.ops.save import read_record, write_data
from finsam_tui.core.records.printed import frozen, snapshot

LOCKED, ALREADY, UPGRADED, FROZEN = "locked", "already", "upgraded", "frozen"


class LockRefused(Exception):
    """A meeting that is not locked, and why: ``reason`` is "not_adjusted" (its ``state`` is
    not justerad or anslagen), "not_locked" (no fingerprint yet, for an upgrade or a freeze),
    "changed" (changed since its lock: a rättelse is needed), "lost" (locked before, its
    fingerprint since removed: locking again would fix whatever was changed meanwhile) or
    "errors" (its file has ``errors``)."""

    def __init__(self, reason: str, errors: list[Finding] | tuple = (), state=None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.errors = list(errors)
        self.state = state


def lock_errors(findings: list[Finding], rel: str) -> list[Finding]:
    """The errors that keep the meeting in file rel from being locked: every error of the file
    but a change after an earlier lock (FS326, which the lock would fingerprint away)."""
    return [f for f in errors_in(findings, rel) if f.code != "FS326"]


def awaits_lock(data: dict) -> bool:
    """Justerad (or anslagen) and never locked (no fingerprint, rättelse or frozen names): what
    ``finsam lock --all`` locks."""
    return is_adjusted(data) and not lock_evidence(data)


def with_printed(data: dict, ctx, rid: str | None = None) -> dict:
    """The data with ``[justering.printed]``: the names and roles it prints, as the files say now
    (those of a snapshot it has stay; rid: the meeting's id, whose first part is its organ when
    the data does not say)."""
    organ = data.get("organ") if isinstance(data.get("organ"), str) else (rid or "").split("/")[0]
    out = dict(data)
    out["justering"] = dict(out.get("justering", {}), printed=snapshot(ctx, data, organ, keep=frozen(data)))
    return out


def lock(data: dict, ctx=None, rid: str | None = None) -> dict:
    """The data with its printed names frozen (when the context is given) and its justering
    fingerprint written."""
    out = with_printed(data, ctx, rid) if ctx is not None else dict(data)
    out["justering"] = dict(out.get("justering", {}), fingerprint=fingerprint(out))
    return out


def locked(data: dict, errors: list[Finding], ctx=None, rid: str | None = None) -> dict:
    """The meeting's data locked (names frozen with ctx, fingerprint written); LockRefused
    "errors" while its file has errors (:func:`lock_errors`)."""
    if errors:
        raise LockRefused("errors", errors)
    return lock(data, ctx, rid)


def lock_file(path: Path, errors: list[Finding], ctx=None, rid: str | None = None) -> tuple[str, Snapshot]:
    """Lock the meeting in the file at path (rid: its id, for its organ; ctx: the context its
    names are frozen from): (LOCKED, the file written) or (ALREADY, the file as it is) when it is
    locked and unchanged since. Raises LockRefused (not justerad, changed since its lock,
    errors), SaveConflict (the file changed while it was written), OSError or ValueError (it
    cannot be read or parsed)."""
    snap, data = read_record(path)
    if not is_locked(data):
        raise LockRefused("not_adjusted", state=data.get("state"))
    if lock_evidence(data) and "fingerprint" not in lock_evidence(data):
        raise LockRefused("lost")
    expected = expected_fingerprint(data)
    if expected is not None:
        if matches(data, expected):
            return ALREADY, snap
        raise LockRefused("changed")
    if not is_adjusted(data):
        raise LockRefused("not_adjusted", state=data.get("state"))
    return LOCKED, write_data(snap, locked(data, errors, ctx, rid))


def refingerprinted(data: dict) -> dict:
    """The data with the fingerprint it must match (the last rättelse's, else the lock's)
    rewritten for its content now, in the current formula (a rättelse's chain, if it has one,
    rewritten with it)."""
    out = dict(data)
    corrections = out.get("corrections")
    if isinstance(corrections, list) and any(isinstance(c, dict) and c.get("fingerprint") for c in corrections):
        last = max(i for i, c in enumerate(corrections) if isinstance(c, dict) and c.get("fingerprint"))
        entries = [dict(c, fingerprint=fingerprint(out)) if i == last else c for i, c in enumerate(corrections)]
        if "chain" in entries[last]:
            entries[last]["chain"] = chain(entries[:last + 1])
        out["corrections"] = entries
    else:
        out["justering"] = dict(out.get("justering", {}), fingerprint=fingerprint(out))
    return out


def _held_lock(data: dict) -> str:
    """The fingerprint a locked meeting must match, if its content matches it; else LockRefused."""
    if not is_locked(data):
        raise LockRefused("not_adjusted", state=data.get("state"))
    if lock_evidence(data) and "fingerprint" not in lock_evidence(data):
        raise LockRefused("lost")
    expected = expected_fingerprint(data)
    if expected is None:
        raise LockRefused("not_locked")
    if not matches(data, expected):
        raise LockRefused("changed")
    return expected


def upgrade_file(path: Path) -> tuple[str, Snapshot]:
    """``finsam lock --upgrade``: (UPGRADED, the file written) when its fingerprint was in the
    legacy formula, now rewritten in the current one; (ALREADY, as it is) when it is current.
    Raises LockRefused (not justerad, not locked, changed since its lock) and the errors of
    reading and writing (as :func:`lock_file`)."""
    snap, data = read_record(path)
    expected = _held_lock(data)
    if fingerprint(data) == expected:
        return ALREADY, snap
    return UPGRADED, write_data(snap, refingerprinted(data))


def freeze_file(path: Path, ctx, rid: str) -> tuple[str, Snapshot]:
    """``finsam lock --freeze-names``: (FROZEN, the file written) with the snapshot of the names
    the meeting rid prints, as the files say them now, added and its fingerprint rewritten;
    (ALREADY, as it is) when it has a snapshot. Raises as :func:`upgrade_file`."""
    snap, data = read_record(path)
    _held_lock(data)
    if frozen(data) is not None:
        return ALREADY, snap
    return FROZEN, write_data(snap, refingerprinted(with_printed(data, ctx, rid)))


def followed_up(baseline: dict, data: dict) -> dict:
    """The data of a locked meeting saved without a rättelse (its state, anslag or tasks'
    follow-up changed): when the baseline's lock is in the legacy formula, which covered the
    follow-up, and still holds, its fingerprint is rewritten in the current formula, so that
    the follow-up saved now does not read as a change (a save the legacy lock still holds for,
    such as the anslag's, leaves it as it is)."""
    expected = expected_fingerprint(baseline)
    if (not is_locked(baseline) or not isinstance(expected, str) or fingerprint(baseline) == expected
            or content_changed(baseline, data) or legacy_fingerprint(data) == expected
            or not legacy_matches(baseline, expected)):
        return data
    return refingerprinted(data)


def may_change(path: tuple, is_locked_meeting: bool, correcting: bool) -> bool:
    """May the field (or entry) at path of a record be changed? In a locked meeting only the
    state, the anslag and the tasks' follow-up (status, reported), or during a rättelse
    everything but the fingerprint and the earlier corrections (finsam writes those: the lock,
    a rättelse)."""
    if not is_locked_meeting:
        return True
    if path[:1] == ("corrections",) or path[:2] == ("justering", "fingerprint"):
        return False
    return correcting or (bool(path) and path[0] in EDITABLE_AFTER_LOCK) or is_follow_up(path)

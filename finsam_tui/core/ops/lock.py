"""Locking a justerad meeting: its content fixed by a fingerprint.

A meeting whose state is justerad or anslagen is locked by writing the fingerprint of its
content (``core/check/protocol_lock.fingerprint``) into ``[justering] fingerprint``; refused
while the meeting's file has errors. The editor's "Spara och lås" and ``finsam lock`` are the
same function, :func:`locked`; :func:`lock_file` is ``finsam lock`` on one file (read, checked,
written with its comments and a byte order mark kept).

Once locked, only the state and the anslag may change without a rättelse (:func:`may_change`;
a rättelse: ``core/ops/correct``).
"""

from __future__ import annotations

from pathlib import Path

from finsam_tui.core.check.findings import Finding, errors_in
from finsam_tui.core.check.protocol_lock import EDITABLE_AFTER_LOCK, expected_fingerprint, fingerprint, is_locked
from finsam_tui.core.io.saving import Snapshot
from finsam_tui.core.ops.save import read_record, write_data

LOCKED, ALREADY = "locked", "already"


class LockRefused(Exception):
    """A meeting that is not locked, and why: ``reason`` is "not_adjusted" (its ``state`` is
    not justerad or anslagen), "changed" (changed since its lock: a rättelse is needed) or
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
    """Justerad (or anslagen) but without a fingerprint yet: what ``finsam lock --all`` locks."""
    return is_locked(data) and expected_fingerprint(data) is None


def lock(data: dict) -> dict:
    """The data with its justering fingerprint written."""
    out = dict(data)
    out["justering"] = dict(out.get("justering", {}), fingerprint=fingerprint(data))
    return out


def locked(data: dict, errors: list[Finding]) -> dict:
    """The meeting's data locked (its fingerprint written); LockRefused "errors" while its file
    has errors (:func:`lock_errors`)."""
    if errors:
        raise LockRefused("errors", errors)
    return lock(data)


def lock_file(path: Path, errors: list[Finding]) -> tuple[str, Snapshot]:
    """Lock the meeting in the file at path: (LOCKED, the file written) or (ALREADY, the file as
    it is) when it is locked and unchanged since. Raises LockRefused (not justerad, changed
    since its lock, errors), SaveConflict (the file changed while it was written), OSError or
    ValueError (it cannot be read or parsed)."""
    snap, data = read_record(path)
    if not is_locked(data):
        raise LockRefused("not_adjusted", state=data.get("state"))
    expected = expected_fingerprint(data)
    if expected is not None:
        if fingerprint(data) == expected:
            return ALREADY, snap
        raise LockRefused("changed")
    return LOCKED, write_data(snap, locked(data, errors))


def may_change(path: tuple, is_locked_meeting: bool, correcting: bool) -> bool:
    """May the field (or entry) at path of a record be changed? In a locked meeting only the
    state and the anslag, or during a rättelse everything but the fingerprint and the earlier
    corrections (finsam writes those: the lock, a rättelse)."""
    if not is_locked_meeting:
        return True
    if path[:1] == ("corrections",) or path[:2] == ("justering", "fingerprint"):
        return False
    return correcting or (bool(path) and path[0] in EDITABLE_AFTER_LOCK)

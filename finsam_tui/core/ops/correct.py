"""A rättelse: a change to a locked (justerad) meeting, recorded with what, why, when and by whom.

The change is made in the meeting's data; :func:`correct` then appends a ``[[corrections]]``
entry (date, by, what, why) with the fingerprint of the content as changed, which from then on
is the one the content must match, and the chain of the entries up to it
(``protocol_lock.chain``: an earlier entry removed or rewritten shows). A rättelse needs what and
why and a date from the meeting's to today (:func:`problem`; the same as ``finsam validate``'s
FS357). A meeting whose printed names are frozen
(``[justering.printed]``, ``core/records/printed``) keeps them: only the persons the rättelse
names anew (and the one who makes it) are added, as the files say them now. ``finsam correct`` (:func:`correct_file`, on the file as it
was edited by hand) and the editor's rättelse dialog both write the entry through
:func:`correct`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.protocol_lock import (
    EDITABLE_AFTER_LOCK,
    chain,
    content_changed,
    expected_fingerprint,
    fingerprint,
    matches,
    today,
)
from finsam_tui.core.io.saving import Snapshot
from finsam_tui.core.ops.edited import describe_changes
from finsam_tui.core.ops.save import read_record, write_data
from finsam_tui.core.records.printed import frozen, snapshot


@dataclass(frozen=True)
class Correction:
    """One rättelse: its date, who makes it (a person id), what was changed and why."""

    date: dt.date
    by: str
    what: str
    why: str


class CorrectionRefused(Exception):
    """A rättelse that is not recorded: ``reason`` is "unknown_person" (``by`` names no person),
    "not_locked" (the meeting has no fingerprint yet: lock it first), "unchanged" (nothing
    changed since the lock or the last rättelse), "empty_what" or "empty_why", "before_meeting"
    or "in_future" (its date; ``params`` has the dates)."""

    def __init__(self, reason: str, **params) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def problem(c: Correction, meeting_date=None, now: dt.date | None = None) -> CorrectionRefused | None:
    """What keeps c from being recorded (what or why empty, dated before meeting_date or after
    today), or None."""
    if not c.what.strip():
        return CorrectionRefused("empty_what")
    if not c.why.strip():
        return CorrectionRefused("empty_why")
    now = now or today()
    if type(meeting_date) is dt.date and c.date < meeting_date:
        return CorrectionRefused("before_meeting", date=c.date, meeting=meeting_date)
    if c.date > now:
        return CorrectionRefused("in_future", date=c.date, today=now)
    return None


def correct(data: dict, c: Correction, ctx=None, rid: str | None = None) -> dict:
    """The (already changed) data with a correction entry that records the change; with the
    context, a snapshot of printed names it has gains the persons named anew (rid: the
    meeting's id, for its organ when the data does not say)."""
    out = dict(data)
    printed = frozen(data)
    if ctx is not None and printed is not None:
        organ = data.get("organ") if isinstance(data.get("organ"), str) else (rid or "").split("/")[0]
        out["justering"] = dict(out["justering"], printed=snapshot(ctx, data, organ, keep=printed, extra=(c.by,)))
    entry = {"date": c.date, "by": c.by, "what": c.what, "why": c.why, "fingerprint": fingerprint(out)}
    entries = list(out.get("corrections", [])) + [entry]
    entry["chain"] = chain(entries)
    out["corrections"] = entries
    return out


def needs_correction(baseline: dict, data: dict) -> bool:
    """Does saving data over baseline (a locked meeting as read) change what the fingerprint
    covers, and so need a rättelse? Changes to the state, the anslag or a task's follow-up do not."""
    return content_changed(baseline, data)


def changes(baseline: dict, data: dict, kind: str = "meeting", lang: str = "sv") -> list[str]:
    """What a rättelse changes, in words ("§37 › Rubrik"), leaving out what may change freely."""
    return describe_changes(baseline, data, kind, lang, skip=EDITABLE_AFTER_LOCK + ("corrections",))


def default_by(data: dict, persons) -> str | None:
    """Who makes the rättelse unless chosen otherwise: the meeting's secretary, if a person."""
    secretary = data.get("secretary")
    return secretary if isinstance(secretary, str) and secretary in persons else None


def while_correcting(findings: list[Finding]) -> list[Finding]:
    """The findings of a meeting whose rättelse is being made: without "changed after
    justering" (FS326), which the rättelse will record."""
    return [f for f in findings if f.code != "FS326"]


def correct_file(path: Path, c: Correction, persons=None, ctx=None, rid: str | None = None) -> Snapshot:
    """Record the rättelse in the meeting file at path, edited since its lock: the entry
    appended, comments and a byte order mark kept. persons: the ids ``c.by`` must be one of;
    ctx and rid: the context and the meeting's id, for its snapshot of printed names.
    Raises CorrectionRefused, SaveConflict (the file changed while it was written), OSError or
    ValueError (it cannot be read or parsed)."""
    if persons is not None and c.by not in persons:
        raise CorrectionRefused("unknown_person")
    snap, data = read_record(path)
    refused = problem(c, data.get("date"))
    if refused is not None:
        raise refused
    expected = expected_fingerprint(data)
    if expected is None:
        raise CorrectionRefused("not_locked")
    if matches(data, expected):
        raise CorrectionRefused("unchanged")
    return write_data(snap, correct(data, c, ctx, rid))

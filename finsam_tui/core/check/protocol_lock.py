"""Locked protocols: once a meeting is justerad its content is fixed by a fingerprint.

The fingerprint is a SHA-256 of the meeting's data in a canonical form, leaving out what
legitimately changes after justering: the state, the anslag (posted and taken down
later), the follow-up of the uppdrag given at the meeting (each task's ``status`` and
``reported``: facts from later meetings), the fingerprint itself and the corrections.
``finsam lock`` writes it into ``[justering] fingerprint``; from then on the content must
match it — or the fingerprint of the last ``[[corrections]]`` entry (rättelse: date, by
whom, what, why), which ``finsam correct`` writes together with the change. Here: the
fingerprint and the check (FS326, FS327); locking and rättelser are edit operations
(``core/ops/lock``, ``core/ops/correct``).

Locks written before the task follow-up was left out (the *legacy* formula, which covered
it) stay valid: :func:`matches` accepts a fingerprint in either formula, and a legacy one
also when the only difference is the tasks' follow-up set since (:func:`legacy_matches`
tries the follow-up as it will have been at justering: not set, or one state for every
task). ``finsam lock --upgrade`` rewrites a legacy fingerprint in the current formula.

Once locked, a protocol stays locked whatever its ``state`` says (:func:`is_locked`): the
fingerprint, the rättelser and the frozen names that only ``finsam lock`` writes are the file's
own evidence (:func:`lock_evidence`), so a state set back (FS356) or a fingerprint removed
(FS355) is an error, never a way out of the lock. The rättelser are append-only: each entry
``finsam correct`` writes carries ``chain``, the digest of every entry up to it
(:func:`chain`), so an earlier entry removed or rewritten breaks the chain of the ones after it
(FS358); entries written before the chain existed have none and stay valid. A rättelse needs
what and why, and a date from the meeting's to today (FS357). What only the history can tell
(a fingerprint recomputed after a change, the whole lock removed) is the git witness's
(``core/check/git_witness``, ``finsam verify``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.schema import TASK_STATES

# The states of a justerad protocol.
ADJUSTED = ("justerad", "anslagen")
# What may change after justering without a correction.
_FREE = ("state", "anslag", "corrections")
# A task's follow-up: set at later meetings, not part of the protocol.
FOLLOW_UP = ("status", "reported")

# What a person may edit in a locked meeting without a correction: the free keys except the
# corrections, which only a rättelse writes (with its fingerprint).
EDITABLE_AFTER_LOCK = ("state", "anslag")


def fingerprint(data: dict) -> str:
    """The fingerprint of the meeting's content: all but the free keys and the task follow-up."""
    return _digest(locked_content(data))


def locked_content(data: dict) -> dict:
    """What the fingerprint covers: the meeting's data but the free keys (state, anslag,
    corrections), the fingerprint itself and the tasks' follow-up."""
    return _with_tasks(_content(data), lambda task: {k: v for k, v in task.items() if k not in FOLLOW_UP})


def legacy_fingerprint(data: dict) -> str:
    """The fingerprint as locks written before the task follow-up was left out computed it."""
    return _digest(_content(data))


def _content(data: dict) -> dict:
    content = {k: v for k, v in data.items() if k not in _FREE}
    if isinstance(content.get("justering"), dict):
        content["justering"] = {k: v for k, v in content["justering"].items() if k != "fingerprint"}
    return content


def _with_tasks(content: dict, change) -> dict:
    """A copy of content whose every task (in §§ and sub-items) is change(task); the rest shared."""
    items = content.get("items")
    if not isinstance(items, list) or not _has_tasks(items):
        return content

    def item(it):
        if not isinstance(it, dict):
            return it
        out = dict(it)
        if isinstance(it.get("tasks"), list):
            out["tasks"] = [change(t) if isinstance(t, dict) else t for t in it["tasks"]]
        if isinstance(it.get("sub"), list):
            out["sub"] = [item(s) for s in it["sub"]]
        return out

    return dict(content, items=[item(it) for it in items])


def _has_tasks(items: list) -> bool:
    return any(isinstance(it, dict) and (it.get("tasks") or _has_tasks(it.get("sub") or [])) for it in items)


def _digest(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=_default, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def digest(value: dict) -> str:
    """The SHA-256 of data in the canonical form the fingerprint uses (dates as ISO text)."""
    return _digest(value)


def matches(data: dict, expected: object) -> bool:
    """Does the content match the expected fingerprint, in the current or the legacy formula?"""
    return isinstance(expected, str) and (fingerprint(data) == expected or legacy_matches(data, expected))


def legacy_matches(data: dict, expected: str) -> bool:
    """Does expected (a legacy fingerprint) fit the content, the tasks' follow-up as it is or as
    it will have been at justering: not set, or one state for every task, reported or not?"""
    content = _content(data)
    if _digest(content) == expected:
        return True
    if not _has_tasks(content.get("items") or []):
        return False
    for status in (None, *TASK_STATES):
        for keep_reported in (False, True):
            def then(task, status=status, keep_reported=keep_reported):
                out = {k: v for k, v in task.items() if k not in FOLLOW_UP}
                if status is not None:
                    out["status"] = status
                if keep_reported and "reported" in task:
                    out["reported"] = task["reported"]
                return out
            if _digest(_with_tasks(content, then)) == expected:
                return True
    return False


def is_follow_up(path: tuple) -> bool:
    """Is path a task's follow-up (``items[i].tasks[j].status``, also in sub-items)?"""
    return (len(path) >= 5 and path[0] == "items" and path[-3] == "tasks" and path[-1] in FOLLOW_UP
            and (len(path) == 5 or (len(path) == 7 and path[2] == "sub")))


def _default(value):
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def expected_fingerprint(data: dict) -> str | None:
    """The fingerprint the content must have: the last correction's, else the lock's."""
    corrections = data.get("corrections")
    if isinstance(corrections, list):
        prints = [c["fingerprint"] for c in corrections if isinstance(c, dict) and c.get("fingerprint")]
        if prints:
            return prints[-1]
    justering = data.get("justering")
    return justering.get("fingerprint") if isinstance(justering, dict) else None


def is_adjusted(data: dict) -> bool:
    """Does the meeting's state say it is justerad (or anslagen)?"""
    return data.get("state") in ADJUSTED


def lock_evidence(data: dict) -> tuple[str, ...]:
    """What in the file says the meeting was locked: "fingerprint" (in ``[justering]``),
    "corrections" (a ``[[corrections]]`` entry: only a locked meeting has rättelser) and
    "printed" (``[justering.printed]``, which only ``finsam lock`` writes)."""
    justering = data.get("justering")
    justering = justering if isinstance(justering, dict) else {}
    return tuple(what for what, there in (("fingerprint", justering.get("fingerprint") is not None),
                                          ("corrections", bool(data.get("corrections"))),
                                          ("printed", "printed" in justering)) if there)


def is_locked(data: dict) -> bool:
    """Is the meeting a locked protocol: justerad by its state, or locked before whatever its
    state says now (:func:`lock_evidence`)? What the editor's read-only mode, the exports' frozen
    names and :func:`check_lock` all go by."""
    return is_adjusted(data) or bool(lock_evidence(data))


# What of a rättelse its chain covers (all but the chain itself).
CHAINED = ("date", "by", "what", "why", "fingerprint")


def chain(entries: list) -> str:
    """The chain digest of a rättelse: of every entry up to it (their date, by, what, why and
    fingerprint, in order), so that an earlier entry removed or rewritten shows."""
    return _digest({"corrections": [{k: e.get(k) for k in CHAINED} if isinstance(e, dict) else e
                                    for e in entries]})


def today() -> dt.date:
    """The date a rättelse may not be later than (tests change it here)."""
    return dt.date.today()


def content_changed(old: dict, new: dict) -> bool:
    """True when new differs from old in what the fingerprint covers (a change that needs a
    correction once the meeting is locked); changes to the state, the anslag or a task's
    follow-up are not."""
    return fingerprint(old) != fingerprint(new)


def check_lock(record) -> list:
    """The lock findings of one meeting, on its data as written (before any cleaning): changed
    since its lock or last rättelse (FS326), justerad but never locked (FS327, a warning), locked
    but its fingerprint gone (FS355) or its state set back (FS356), and its rättelser
    (:func:`correction_findings`)."""
    d = record.data
    if record.kind != "meeting":
        return []
    evidence = lock_evidence(d)
    if not evidence and not is_adjusted(d):
        return []
    out = []
    if evidence and not is_adjusted(d):
        out.append(Finding("FS356", record.rel, path=("state",) if "state" in d else (),
                           params={"state": d.get("state", "–"), "evidence": _evidence_phrase(evidence)}))
    if "fingerprint" not in evidence:
        if evidence:
            out.append(Finding("FS355", record.rel, path=("justering",) if "justering" in d else ("state",),
                               params={"ref": record.id, "evidence": _evidence_phrase(evidence)}))
        else:
            out.append(Finding("FS327", record.rel, path=("state",), params={"ref": record.id}))
    expected = expected_fingerprint(d)
    if expected is not None and not matches(d, expected):
        corrections = d.get("corrections")
        path = (("corrections", len(corrections) - 1, "fingerprint") if isinstance(corrections, list) and corrections
                else ("justering", "fingerprint"))
        out.append(Finding("FS326", record.rel, path=path))
    out.extend(correction_findings(record.rel, d))
    return out


def _evidence_phrase(evidence: tuple) -> Phrase:
    """The file's evidence of a lock, in words (the fingerprint is named only if it is there)."""
    return Phrase("lock_evidence_" + "_".join(e for e in evidence if e != "fingerprint")
                  if set(evidence) - {"fingerprint"} else "lock_evidence_fingerprint")


def correction_findings(rel: str, data: dict) -> list[Finding]:
    """A rättelse without what or why, or dated before the meeting or after today (FS357, at the
    field), and the first entry whose chain does not hold: an earlier entry removed or rewritten,
    or an entry without a chain after one with it (FS358)."""
    corrections = data.get("corrections")
    if not isinstance(corrections, list):
        return []
    out = []
    meeting = data.get("date")
    now = today()
    chained = False
    broken = None
    for i, entry in enumerate(corrections):
        if not isinstance(entry, dict):
            continue
        n = i + 1
        for key in ("what", "why"):
            if isinstance(entry.get(key), str) and not entry[key].strip():
                out.append(Finding("FS357", rel, path=("corrections", i, key),
                                   params={"n": n, "problem": Phrase(f"correction_empty_{key}")}))
        date = entry.get("date")
        if type(date) is dt.date:
            if type(meeting) is dt.date and date < meeting:
                out.append(Finding("FS357", rel, path=("corrections", i, "date"), params={
                    "n": n, "problem": Phrase("correction_before_meeting", date=date.isoformat(),
                                              meeting=meeting.isoformat())}))
            elif date > now:
                out.append(Finding("FS357", rel, path=("corrections", i, "date"), params={
                    "n": n, "problem": Phrase("correction_in_future", date=date.isoformat(),
                                              today=now.isoformat())}))
        if broken is None:
            if "chain" in entry:
                chained = True
                if entry["chain"] != chain(corrections[:n]):
                    broken = Finding("FS358", rel, path=("corrections", i), params={"n": n})
            elif chained:
                broken = Finding("FS358", rel, path=("corrections", i), params={"n": n})
    if broken is not None:
        out.append(broken)
    return out

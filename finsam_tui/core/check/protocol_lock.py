"""Locked protocols: once a meeting is justerad its content is fixed by a fingerprint.

The fingerprint is a SHA-256 of the meeting's data in a canonical form, leaving out what
legitimately changes after justering: the state, the anslag (posted and taken down
later), the fingerprint itself and the corrections. ``finsam lock`` writes it into
``[justering] fingerprint``; from then on the content must match it — or the
fingerprint of the last ``[[corrections]]`` entry (rättelse: date, by whom, what, why),
which ``finsam correct`` writes together with the change. Here: the fingerprint and the
check (FS326, FS327); locking and rättelser are edit operations (``core/ops/lock``,
``core/ops/correct``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from finsam_tui.core.check.findings import Finding

# What may change after justering without a correction.
_FREE = ("state", "anslag", "corrections")

# What a person may edit in a locked meeting without a correction: the free keys except the
# corrections, which only a rättelse writes (with its fingerprint).
EDITABLE_AFTER_LOCK = ("state", "anslag")


def fingerprint(data: dict) -> str:
    content = {k: v for k, v in data.items() if k not in _FREE}
    if isinstance(content.get("justering"), dict):
        content["justering"] = {k: v for k, v in content["justering"].items() if k != "fingerprint"}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, default=_default, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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


def is_locked(data: dict) -> bool:
    return data.get("state") in ("justerad", "anslagen")


def content_changed(old: dict, new: dict) -> bool:
    """True when new differs from old in what the fingerprint covers (a change that needs a
    correction once the meeting is locked); changes to the state or the anslag are not."""
    return fingerprint(old) != fingerprint(new)


def check_lock(record) -> list:
    """FS326/FS327 for one meeting, on its data as written (before any cleaning)."""
    d = record.data
    if record.kind != "meeting" or not is_locked(d):
        return []
    expected = expected_fingerprint(d)
    if expected is None:
        return [Finding("FS327", record.rel, path=("state",), params={"ref": record.id})]
    if not isinstance(expected, str) or fingerprint(d) != expected:
        corrections = d.get("corrections")
        path = (("corrections", len(corrections) - 1, "fingerprint") if isinstance(corrections, list) and corrections
                else ("justering", "fingerprint"))
        return [Finding("FS326", record.rel, path=path)]
    return []

"""A new meeting made from the previous one of its organ.

Attendance, chair, secretary, place and times are copied from the organ's previous meeting
(everyone expected back: the absent and those replaced are called again), the state is
planerad, and the standard opening §§ are numbered per the organ's numbering policy (per
year, or per meeting). Also here: the date the organ's latest meeting set for the next one,
which a new meeting of the organ starts from.
"""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.i18n.editor import t
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.numbering_policy import PER_YEAR, numbering_of, stated_start

# The standard opening §§ of a new meeting: their titles (editor_workflow.py's words, in the
# förbund's language) and kinds.
OPENING_ITEMS = (("new_meeting.opening", "information"), ("new_meeting.adjusters", "val"),
                 ("new_meeting.agenda", "beslut"))


def next_paragraph_number(archive: Archive, organ: str, date: dt.date) -> int:
    """The first § number of a new meeting on date, per the numbering policy."""
    if numbering_of(archive.settings, organ) != PER_YEAR:
        return 1
    numbers = [item.get("number", 0)
               for m in archive.meetings_by_organ.get(organ, [])
               if (archive.meeting_date(m) or dt.date.min).year == date.year
               and (archive.meeting_date(m) or dt.date.min) < date
               for item in m.data.get("items", []) if isinstance(item.get("number"), int)]
    if not numbers:
        return stated_start(archive.settings, organ, date.year) or 1
    return max(numbers) + 1


def first_paragraph_number(archive: Archive, data: dict) -> int | None:
    """The first § number of the meeting with this data (organ, date) per the numbering
    policy; None when its organ or date is not set."""
    organ, date = data.get("organ"), data.get("date")
    if not isinstance(organ, str) or not isinstance(date, dt.date):
        return None
    return next_paragraph_number(archive, organ, date)


def previous_meeting(archive: Archive, organ: str, date: dt.date):
    """The organ's latest meeting before date (a record), or None."""
    earlier = [m for m in archive.meetings_by_organ.get(organ, []) if (archive.meeting_date(m) or dt.date.max) < date]
    return earlier[-1] if earlier else None


def next_meeting_date(archive: Archive, organ: str) -> dt.date | None:
    """The date the organ's latest meeting set for the next one (its next_meeting), when that
    is after it (so not yet held): what a new meeting of the organ starts from."""
    meetings = archive.meetings_by_organ.get(organ, [])
    if not meetings:
        return None
    latest = meetings[-1]
    nxt, held = latest.data.get("next_meeting"), archive.meeting_date(latest)
    if type(nxt) is not dt.date or (held is not None and nxt <= held):
        return None
    return nxt


def new_meeting(archive: Archive, organ: str, date: dt.date, lang: str = "sv") -> dict:
    """Data of a planned meeting made from the previous one of the organ: attendance, chair,
    secretary, place and times copied (the time and place it announced for this date, when it
    did); the standard opening §§ numbered per the policy."""
    prev = previous_meeting(archive, organ, date)
    data: dict = {"organ": organ, "kind": "ordinarie", "date": date}
    p = prev.data if prev else {}
    for key in ("start", "end", "place", "chair", "secretary"):
        if key in p:
            data[key] = p[key]
    if p.get("next_meeting") == date:  # the meeting the previous one announced: its time and place
        for key in ("start", "end", "place"):
            if f"next_meeting_{key}" in p:
                data[key] = p[f"next_meeting_{key}"]
    data["state"] = "planerad"
    att = p.get("attendance", {})
    if att:
        # everyone expected back: the absent and those replaced are called as members again
        voting = list(att.get("voting", [])) + [s["replaces"] for s in att.get("serving", []) if "replaces" in s]
        voting += [a for a in att.get("absent", []) if a not in voting and _seat_holder(archive, a, organ, date)]
        called = {"voting": voting}
        subs = [s for s in att.get("substitutes", [])] + [s["person"] for s in att.get("serving", []) if "person" in s]
        subs += [a for a in att.get("absent", []) if a not in voting and a not in subs]
        if subs:
            called["substitutes"] = subs
        for key in ("coopted", "others"):
            if att.get(key):
                called[key] = list(att[key])
        data["attendance"] = called
    first = next_paragraph_number(archive, organ, date)
    data["items"] = [{"number": first + i, "title": t(key, lang), "kind": kind}
                     for i, (key, kind) in enumerate(OPENING_ITEMS)]
    return data


def _seat_holder(archive: Archive, pid: str, organ: str, date: dt.date) -> bool:
    return any(m.get("role") in ("ordförande", "vice ordförande", "ledamot")
               for m in archive.memberships_on(pid, organ, date))

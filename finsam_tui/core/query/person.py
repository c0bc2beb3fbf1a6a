"""A person's report: roles over time, meetings present and absent, duties and uppdrag.

:func:`person_report` gathers, for one person, the memberships, the meetings attended (by
attendance group) and missed, chair/adjuster/secretary duties, reservations, jäv, uppdrag
and steering groups, as plain data (``finsam person``, the TUI's Medlemmar section).
"""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.query.lookup import lookup
from finsam_tui.core.query.registers import uppdrag
from finsam_tui.core.query.results import as_date, as_strs, as_text, meeting_title, person_brief
from finsam_tui.core.query.views import memberships
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.meetings import organ_of

GROUPS = ("voting", "serving", "substitute", "coopted", "other")


def person_report(archive: Archive, pid: str) -> dict:
    """Roles over time, meetings present and absent, chair/adjuster/secretary duties,
    reservations, jäv, uppdrag and steering groups of one person (RefError if unknown)."""
    if pid.startswith("person/"):
        pid = pid[len("person/"):]
    if pid not in archive.persons:
        pid = lookup(archive, pid, want="person").id  # RefError: unreadable, or unknown with the nearest person
    rec = archive.persons[pid]
    present, absent, chair, adjuster, secretary, reservations, jav = [], [], [], [], [], [], []
    for m in sorted(archive.meetings.values(), key=lambda m: (archive.meeting_date(m) or dt.date.min, m.id)):
        d = m.data
        date = archive.meeting_date(m)
        base = {"ref": m.id, "date": date, "organ": organ_of(m), "title": meeting_title(archive, m), "file": m.rel}
        att = d.get("attendance", {}) if isinstance(d.get("attendance"), dict) else {}
        group = None
        if pid in as_strs(att.get("voting")):
            group = "voting"
        elif any(isinstance(s, dict) and s.get("person") == pid for s in att.get("serving", [])):
            group = "serving"
        elif pid in as_strs(att.get("substitutes")):
            group = "substitute"
        elif pid in as_strs(att.get("coopted")):
            group = "coopted"
        elif pid in as_strs(att.get("others")):
            group = "other"
        if group:
            replaces = next((s.get("replaces") for s in att.get("serving", [])
                             if isinstance(s, dict) and s.get("person") == pid), None)
            present.append({**base, "group": group,
                            "replaces": person_brief(archive, replaces) if group == "serving" else None})
        if pid in as_strs(att.get("absent")):
            absent.append(base)
        if d.get("chair") == pid:
            chair.append({**base, "paragraph": None})
        if d.get("secretary") == pid:
            secretary.append(base)
        if pid in as_strs(d.get("adjusters")):
            adjuster.append(base)
        for p in archive.paragraphs_of(m):
            pb = {**base, "ref": p.ref, "meeting": m.id, "title": as_text(p.item.get("title"))}
            for r in p.item.get("reservations", []):
                if isinstance(r, dict) and r.get("person") == pid:
                    reservations.append({**pb, "text": as_text(r.get("text")).strip()})
            for j in p.item.get("jav", []):
                if not isinstance(j, dict):
                    continue
                if j.get("person") == pid:
                    jav.append({**pb, "chair": person_brief(archive, j.get("chair"))})
                if j.get("chair") == pid:
                    chair.append({**pb, "paragraph": p.ref, "instead_of": person_brief(archive, j.get("person"))})
    steering = [{"ref": f"insats/{iid}", "name": as_text(i.data.get("name")) or iid,
                 "start": as_date(i.data.get("start")), "end": as_date(i.data.get("end"))}
                for iid, i in sorted(archive.insatser.items()) if pid in as_strs(i.data.get("steering_group"))]
    counts: dict[str, int] = {g: 0 for g in GROUPS}
    for x in present:
        counts[x["group"]] += 1
    return {
        "id": pid, "ref": f"person/{pid}", "name": archive.person_name(pid), "title": as_text(rec.data.get("title")),
        "organisation": as_text(rec.data.get("organisation")), "file": rec.rel,
        "memberships": memberships(archive, rec),
        "present": present, "absent": absent, "attendance": {**counts, "absent": len(absent)},
        "chair": chair, "adjuster": adjuster, "secretary": secretary,
        "reservations": reservations, "jav": jav,
        "uppdrag": uppdrag(archive, person=pid),
        "steering_groups": steering,
    }

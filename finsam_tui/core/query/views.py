"""Records in readable form: one record, §, organ or budget line as plain data.

:func:`show` takes what :func:`~finsam_tui.core.query.lookup.lookup` resolved (or the
typed text) and returns a dict whose outgoing references are resolved to names
(``finsam show`` renders it as text or JSON; the TUI's detail panes read the
``show_<kind>`` functions). No words live here: kinds and roles are keys, put into Swedish
or English by ``core/i18n/lookups.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from finsam_tui.core.io.load import Record
from finsam_tui.core.query.backlinks import backlinks
from finsam_tui.core.query.lookup import Query, RefError, lookup
from finsam_tui.core.query.procedure import meeting_procedure, paragraph_procedure
from finsam_tui.core.query.registers import has_decision
from finsam_tui.core.query.results import (
    as_date,
    as_strs,
    as_text,
    budget_line,
    find_paragraph,
    line_of,
    link,
    meeting_title,
    org_brief,
    org_name,
    person_brief,
    problems,
)
from finsam_tui.core.records.archive import Archive, Paragraph
from finsam_tui.core.records.bilagor import attachment_texts, bilagor_of, next_meeting_text
from finsam_tui.core.records.budget_parts import category_rows, effective, sources
from finsam_tui.core.records.keypaths import value_at
from finsam_tui.core.records.meetings import organ_of


def show(archive: Archive, ref: str | Query) -> dict:
    """A record or § as plain data, its outgoing references resolved to names."""
    q = ref if isinstance(ref, Query) else lookup(archive, ref)
    if q.kind == "paragraph":
        return show_paragraph(archive, q)
    if q.kind == "meeting":
        return show_meeting(archive, archive.meetings[q.id])
    if q.kind == "person":
        return show_person(archive, archive.persons[q.id])
    if q.kind == "org":
        return show_org(archive, archive.orgs[q.id])
    if q.kind == "insats":
        return show_insats(archive, archive.insatser[q.id])
    if q.kind == "budget":
        return show_budget(archive, archive.budgets[int(q.id)])
    if q.kind == "budgetline":
        return show_budget_line(archive, q)
    return show_organ(archive, q.id)


def _base(archive: Archive, kind: str, ref: str, rec: Record, path: tuple = ()) -> dict:
    return {"kind": kind, "ref": ref, "file": rec.rel, "line": line_of(rec, path) if path else 1,
            "problems": problems(archive, rec.rel)}


def _links(archive: Archive, values, want: str = "any") -> list[dict]:
    return [dataclasses.asdict(link(archive, v, want)) for v in as_strs(values)]


def paragraph_data(archive: Archive, p: Paragraph, full: bool = True) -> dict:
    item = p.item
    m = p.meeting
    out = _base(archive, "paragraph", p.ref, m, p.path)
    out.update({
        "meeting": {"ref": m.id, "organ": organ_of(m), "organ_name": archive.organ_name(organ_of(m)),
                    "date": archive.meeting_date(m), "title": meeting_title(archive, m)},
        "number": p.number, "letter": p.letter, "title": as_text(item.get("title")),
        "item_kind": as_text(item.get("kind")) or ("information" if p.letter is None else ""),
        "diarienummer": as_text(item.get("diarienummer")),
        "background": as_text(item.get("background")).strip(), "proposal": as_text(item.get("proposal")).strip(),
        "decision": [c for c in as_strs(item.get("decision")) if c.strip()],
        "decision_text": as_text(item.get("decision_text")).strip(),
        "attachments": attachment_texts(m.data, item),
    })
    if not full:
        return out
    out["reservations"] = [{"person": person_brief(archive, r.get("person")), "text": as_text(r.get("text")).strip()}
                           for r in item.get("reservations", []) if isinstance(r, dict)]
    out["jav"] = [{"person": person_brief(archive, j.get("person")), "chair": person_brief(archive, j.get("chair"))}
                  for j in item.get("jav", []) if isinstance(j, dict)]
    out["tasks"] = [_task_data(archive, t) for t in item.get("tasks", []) if isinstance(t, dict)]
    out.update(paragraph_procedure(archive, item))
    out["refs"] = _links(archive, item.get("refs"))
    if p.letter is None:
        out["sub"] = [{"ref": f"{m.id}/§{p.number}{s['letter']}", "letter": s["letter"],
                       "title": as_text(s.get("title"))}
                      for s in item.get("sub", []) if isinstance(s.get("letter"), str)]
        out["parent"] = None
    else:
        parent = m.data["items"][p.path[1]]
        out["sub"] = []
        out["parent"] = {"ref": f"{m.id}/§{p.number}", "title": as_text(parent.get("title"))}
    out["backlinks"] = len(backlinks(archive, Query("paragraph", p.ref, m.id, p.number, p.letter)))
    return out


def _task_data(archive: Archive, t: dict) -> dict:
    reported = t.get("reported")
    return {"task": as_text(t.get("task")).strip(), "responsible": person_brief(archive, t.get("responsible")),
            "due": as_date(t.get("due")), "status": as_text(t.get("status")) or "ny",
            "reported": dataclasses.asdict(link(archive, reported, "paragraph_or_meeting"))
            if isinstance(reported, str) else None}


def show_paragraph(archive: Archive, q: Query) -> dict:
    p = find_paragraph(archive, q.id, q.number, q.letter)
    if p is None:  # cannot happen for a resolved query, unless the archive changed
        raise RefError("unknown", q.ref)
    return paragraph_data(archive, p)


def show_meeting(archive: Archive, m: Record) -> dict:
    d = m.data
    out = _base(archive, "meeting", m.id, m)
    att = d.get("attendance", {}) if isinstance(d.get("attendance"), dict) else {}
    justering = d.get("justering", {}) if isinstance(d.get("justering"), dict) else {}
    anslag = d.get("anslag", {}) if isinstance(d.get("anslag"), dict) else {}
    others = []
    for o in att.get("others", []):
        if isinstance(o, str):
            others.append(person_brief(archive, o))
        elif isinstance(o, dict):
            others.append({"id": None, "ref": None, "name": as_text(o.get("name")), "role": as_text(o.get("role")),
                           "known": False})
    out.update({
        "organ": organ_of(m), "organ_name": archive.organ_name(organ_of(m)), "title": meeting_title(archive, m),
        "decides": bool(archive.organs.get(organ_of(m), {}).get("decides", True)),
        "meeting_kind": as_text(d.get("kind")) or "ordinarie", "date": archive.meeting_date(m),
        "start": as_text(d.get("start")), "end": as_text(d.get("end")), "place": as_text(d.get("place")),
        "state": as_text(d.get("state")), "diarienummer": as_text(d.get("diarienummer")),
        "chair": person_brief(archive, d.get("chair")), "secretary": person_brief(archive, d.get("secretary")),
        "adjusters": [person_brief(archive, a) for a in as_strs(d.get("adjusters"))],
        "attendance": {
            "voting": [person_brief(archive, x) for x in as_strs(att.get("voting"))],
            "serving": [{**person_brief(archive, s.get("person")), "replaces": person_brief(archive, s.get("replaces"))}
                        for s in att.get("serving", []) if isinstance(s, dict) and isinstance(s.get("person"), str)],
            "substitutes": [person_brief(archive, x) for x in as_strs(att.get("substitutes"))],
            "absent": [person_brief(archive, x) for x in as_strs(att.get("absent"))],
            "coopted": [person_brief(archive, x) for x in as_strs(att.get("coopted"))],
            "others": others,
        },
        "justering": {"date": as_date(justering.get("date")), "place": as_text(justering.get("place"))},
        "anslag": {"posted": as_date(anslag.get("posted")), "removed": as_date(anslag.get("removed"))},
        "next_meeting": as_date(d.get("next_meeting")),
        "next_meeting_text": next_meeting_text(d),
        "bilagor": [{"number": n, "title": as_text(a.get("title")), "file": as_text(a.get("file"))}
                    for n, a in sorted(bilagor_of(d).items())],
        "points": [as_text(i.get("title")) for i in d.get("items", []) if not isinstance(i.get("number"), int)],
        "notes": as_text(d.get("notes")).strip(),
        "paragraphs": [{"ref": p.ref, "number": p.number, "letter": p.letter, "title": as_text(p.item.get("title")),
                        "item_kind": as_text(p.item.get("kind")), "decision": has_decision(p.item),
                        "tasks": len(p.item.get("tasks", [])), "outcome": as_text(p.item.get("outcome")),
                        "vote": isinstance(p.item.get("vote"), dict) and bool(p.item["vote"])}
                       for p in archive.paragraphs_of(m)],
    })
    out.update(meeting_procedure(archive, d))
    return out


def memberships(archive: Archive, rec: Record) -> list[dict]:
    """A person's memberships, sorted by start, with organ and organisation names."""
    out = []
    for i, m in enumerate(rec.data.get("memberships", [])):
        if not isinstance(m, dict):
            continue
        out.append({"organ": as_text(m.get("organ")), "organ_name": archive.organ_name(as_text(m.get("organ"))),
                    "role": as_text(m.get("role")), "on_behalf_of": org_brief(archive, m.get("on_behalf_of")),
                    "start": as_date(m.get("start")), "end": as_date(m.get("end")),
                    "voting": m.get("voting") if isinstance(m.get("voting"), bool) else None,
                    "call_order": m.get("call_order"), "line": line_of(rec, ("memberships", i))})
    out.sort(key=lambda x: (x["start"] or dt.date.min, x["organ"], x["role"]))
    return out


def show_person(archive: Archive, rec: Record) -> dict:
    d = rec.data
    out = _base(archive, "person", f"person/{rec.id}", rec)
    out.update({"id": rec.id, "name": archive.person_name(rec.id), "title": as_text(d.get("title")),
                "organisation": as_text(d.get("organisation")), "email": as_text(d.get("email")),
                "memberships": memberships(archive, rec)})
    return out


def show_org(archive: Archive, rec: Record) -> dict:
    d = rec.data
    out = _base(archive, "org", f"org/{rec.id}", rec)
    reps = []
    for pid, p in sorted(archive.persons.items()):
        for m in memberships(archive, p):
            if m["on_behalf_of"] and m["on_behalf_of"]["id"] == rec.id:
                reps.append({"person": person_brief(archive, pid), **{k: m[k] for k in
                                                                      ("organ", "organ_name", "role", "start", "end")}})
    reps.sort(key=lambda r: (r["start"] or dt.date.min, r["organ"], r["person"]["name"]))
    owned = [{"ref": f"insats/{iid}", "name": as_text(i.data.get("name")) or iid}
             for iid, i in sorted(archive.insatser.items()) if i.data.get("owner") == rec.id]
    out.update({"id": rec.id, "name": org_name(archive, rec.id), "org_kind": as_text(d.get("kind")),
                "short": as_text(d.get("short")), "org_number": as_text(d.get("org_number")),
                "contribution_key": d.get("contribution_key"), "member_since": as_date(d.get("member_since")),
                "representatives": reps, "insatser": owned})
    return out


def show_insats(archive: Archive, rec: Record) -> dict:
    d = rec.data
    out = _base(archive, "insats", f"insats/{rec.id}", rec)
    decided = d.get("decided_by")
    out.update({
        "id": rec.id, "name": as_text(d.get("name")) or rec.id, "description": as_text(d.get("description")).strip(),
        "start": as_date(d.get("start")), "end": as_date(d.get("end")), "owner": org_brief(archive, d.get("owner")),
        "budget_lines": _links(archive, d.get("budget_lines"), "budgetline"),
        "steering_group": [person_brief(archive, x) for x in as_strs(d.get("steering_group"))],
        "decided_by": dataclasses.asdict(link(archive, decided, "paragraph")) if isinstance(decided, str) else None,
        "statistics": [{k: s.get(k) for k in ("year", "women", "men", "new", "ended", "ended_reasons")}
                       for s in d.get("statistics", []) if isinstance(s, dict)],
    })
    return out


def _amount_sum(rows: list[dict], versions: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in versions:
        vals = [r["amounts"][v] for r in rows if isinstance(r.get("amounts"), dict) and v in r["amounts"]]
        if vals:
            out[v] = sum(vals)
    return out


def show_budget(archive: Archive, rec: Record) -> dict:
    d = rec.data
    year = int(rec.id)
    out = _base(archive, "budget", f"budget/{year}", rec)
    versions = []
    alt = sources(d)  # a second source's figures are its version's where it gives none
    for v in d.get("versions", []):
        if isinstance(v, dict) and isinstance(v.get("id"), str):
            decided = v.get("decided_by")
            versions.append({"id": v["id"], "version_kind": as_text(v.get("kind")),
                             "label": as_text(v.get("label")) or v["id"], "date": as_date(v.get("date")),
                             "source": as_text(v.get("source")), "same_as": alt.get(v["id"]),
                             "decided_by": dataclasses.asdict(link(archive, decided, "paragraph"))
                             if isinstance(decided, str) else None})
    vids = [v["id"] for v in versions]
    income = [{"member": org_brief(archive, i.get("member")), "label": as_text(i.get("label")),
               "amounts": effective(i.get("amounts"), alt), "note": as_text(i.get("note"))}
              for i in d.get("income", []) if isinstance(i, dict)]
    other = [{"id": as_text(o.get("id")), "name": as_text(o.get("name")), "amounts": effective(o.get("amounts"), alt),
              "note": as_text(o.get("note"))}
             for o in d.get("other_income", []) if isinstance(o, dict)]
    categories = []
    for c, rows in zip(d.get("categories", []), category_rows(d, alt)):
        if not isinstance(c, dict):
            continue
        lines = [{"id": as_text(r.line.get("id")), "ref": f"budget/{year}/{as_text(r.line.get('id'))}",
                  "name": as_text(r.line.get("name")), "amounts": r.amounts, "note": as_text(r.line.get("note")),
                  "share": float(r.share) if r.share is not None else None}
                 for r in rows]
        categories.append({"id": as_text(c.get("id")), "name": as_text(c.get("name")),
                           "category_kind": as_text(c.get("kind")),
                           "lines": lines, "total": _amount_sum(lines, vids)})
    costs = _amount_sum([{"amounts": c["total"]} for c in categories], vids)
    incomes = _amount_sum(income + other, vids)
    out.update({"year": year, "equity_start": d.get("equity_start"), "note": as_text(d.get("note")).strip(),
                "versions": versions, "income": income, "other_income": other, "categories": categories,
                "totals": {"income": incomes, "costs": costs,
                           "result": {v: incomes.get(v, 0) - costs.get(v, 0) for v in vids
                                      if v in incomes or v in costs}}})
    return out


def show_budget_line(archive: Archive, q: Query) -> dict:
    year, line_id = q.id.split("/", 1)
    t = archive.index.budget_lines[(int(year), line_id)][0]
    rec = archive.budgets[int(year)]
    cat = value_at(rec.data, t.path[:2]) or {}
    ln = budget_line(archive, t)
    versions = {v.get("id"): v for v in rec.data.get("versions", []) if isinstance(v, dict)}
    amounts = [{"version": vid, "label": as_text(versions.get(vid, {}).get("label")) or vid,
                "version_kind": as_text(versions.get(vid, {}).get("kind")), "amount": amount}
               for vid, amount in effective(ln.get("amounts"), sources(rec.data)).items()]
    order = list(versions)
    amounts.sort(key=lambda a: order.index(a["version"]) if a["version"] in order else len(order))
    out = _base(archive, "budgetline", q.ref, rec, t.path)
    out.update({"year": int(year), "id": line_id, "name": as_text(ln.get("name")) or line_id,
                "budget": f"budget/{year}",
                "category": {"id": as_text(cat.get("id")), "name": as_text(cat.get("name"))},
                "amounts": amounts, "note": as_text(ln.get("note"))})
    return out


def show_organ(archive: Archive, organ: str) -> dict:
    o = archive.organs.get(organ, {})
    members = []
    for pid, p in sorted(archive.persons.items()):
        for m in memberships(archive, p):
            if m["organ"] == organ:
                members.append({"person": person_brief(archive, pid), "role": m["role"],
                                "on_behalf_of": m["on_behalf_of"], "start": m["start"], "end": m["end"]})
    members.sort(key=lambda r: (r["start"] or dt.date.min, r["person"]["name"]))
    meetings = [{"ref": m.id, "date": archive.meeting_date(m),
                 "meeting_kind": as_text(m.data.get("kind")) or "ordinarie", "state": as_text(m.data.get("state"))}
                for m in archive.meetings_by_organ.get(organ, [])]
    fb = archive.forbund
    out = {"kind": "organ", "ref": organ, "file": fb.rel if fb else "forbund.toml", "line": None,
           "problems": problems(archive, fb.rel) if fb else {"errors": 0, "warnings": 0},
           "id": organ, "name": as_text(o.get("name")) or organ, "organ_kind": as_text(o.get("kind")),
           "decides": bool(o.get("decides", True)), "members": members, "meetings": meetings}
    if fb is not None:
        idx = next((i for i, x in enumerate(archive.settings.get("organs", [])) if x.get("id") == organ), None)
        out["line"] = line_of(fb, ("organs", idx)) if idx is not None else None
    return out

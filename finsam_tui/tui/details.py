"""The detail panes: a record or § as Rich renderables built from the lookups in
``finsam_tui/core/query/`` (views, results, person, registers).

Every piece of user text goes into a ``rich.text.Text`` as plain text, never through
markup, so a title like ``[bold]x[/bold]`` is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from finsam_tui.core.i18n.tui import Labels
from finsam_tui.tui.view_data import Model, iso, lookup, period, person, registers, results, views

MAX_LIST = 8  # rows of a long list (meetings chaired, …) shown in a pane


def title(text: str, sub: str = "") -> list[RenderableType]:
    out: list[RenderableType] = [Text(text, style="bold")]
    if sub:
        out.append(Text(sub, style="dim"))
    return out


def heading(text: str) -> Text:
    return Text.assemble("\n", (text, "bold underline"))


def fields(pairs: list[tuple[str, object]]) -> Table | None:
    """Label–value pairs in two columns; empty values are left out."""
    rows = [(k, v) for k, v in pairs if v not in (None, "", [])]
    if not rows:
        return None
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for k, v in rows:
        grid.add_row(Text(k), v if isinstance(v, Text) else Text(str(v)))
    return grid


def bullets(items: list, bullet: str = "• ") -> list[Text]:
    out = []
    for item in items:
        t = Text(bullet)
        t.append_text(item if isinstance(item, Text) else Text(str(item)))
        out.append(t)
    return out


def paragraphs(text: str) -> list[Text]:
    return [Text("  " + " ".join(p.split())) for p in text.split("\n\n") if p.strip()]


def names(people) -> str:
    return ", ".join(p["name"] for p in people if p)


def problems_line(model: Model, rel: str, L: Labels) -> list[RenderableType]:
    e, w = model.problems(rel)
    out: list[RenderableType] = [Text.assemble("\n", (L["file"] + " ", "bold"), (rel, "dim"))]
    if e or w:
        out.append(Text(L.fmt("problems_in_file", errors=e, warnings=w), style="bold red" if e else "yellow"))
    return out


def _group(parts: list) -> Group:
    return Group(*[p for p in parts if p is not None])


def _record_detail(model: Model, kind: str, rid: str, L: Labels,
                   body: Callable[[dict, Labels], list]) -> RenderableType:
    """The pane of an organisation or insats (kind: org, insats): its name and ref, body()
    of what ``views.show_<kind>`` tells of it, the problems of its file. While the archive
    loads, or for an unknown ref, a pane that says so."""
    archive = model.archive
    if archive is None:
        return _group(title(rid, L["loading"]))
    records, show = (archive.orgs, views.show_org) if kind == "org" else (archive.insatser, views.show_insats)
    rec = records.get(rid)
    if rec is None:
        return _group(title(rid, L.fmt("unknown_ref", ref=f"{kind}/{rid}")))
    d = show(archive, rec)
    return _group(title(d["name"], d["ref"]) + body(d, L) + problems_line(model, rec.rel, L))


def _paragraph_title(archive, m, number: int, letter: str | None, item: dict) -> list[RenderableType]:
    """A §'s title and, below it, its ref and meeting."""
    item_title = item.get("title") if isinstance(item.get("title"), str) else ""
    number_text = f"§{number}{letter or ''}"
    return title(f"{number_text} {item_title}", f"{m.id}/{number_text} · {results.meeting_title(archive, m)}")


def _decision_lines(item: dict) -> list[Text]:
    """A §'s decision: its clauses as a list, then the free text (none: an empty list)."""
    clauses = [c for c in item.get("decision", []) if isinstance(c, str) and c.strip()]
    decision_text = item.get("decision_text") if isinstance(item.get("decision_text"), str) else ""
    return bullets(clauses, "– ") + paragraphs(decision_text)


# =====================================================================================
# meetings
# =====================================================================================
def organ_detail(model: Model, organ: str, L: Labels) -> RenderableType:
    years = model.meeting_files.get(organ, {})
    count = sum(len(v) for v in years.values())
    parts: list = title(model.organ_name(organ), organ)
    parts.append(Text(L.fmt("organ_meetings", count=count)))
    rows = [Text.assemble((y, "bold"), f"  {len(years[y])}") for y in sorted(years, reverse=True)]
    parts += rows
    return _group(parts)


def year_detail(model: Model, organ: str, year: str, L: Labels) -> RenderableType:
    files = model.meeting_files.get(organ, {}).get(year, [])
    parts: list = title(f"{model.organ_name(organ)} {year}", L.fmt("year_meetings", count=len(files), year=year))
    archive = model.archive
    for f in files:
        line = Text(f.stem)
        rec = archive.meetings.get(f.id) if archive is not None else None
        if rec is not None:
            state = rec.data.get("state")
            if isinstance(state, str):
                line.append(f"  {L.domain(state)}", style="dim")
        parts.append(line)
    return _group(parts)


def meeting_detail(model: Model, meeting_id: str, rel: str, L: Labels) -> RenderableType:
    archive = model.archive
    if archive is None:
        return _group(title(meeting_id, L["loading"]))
    rec = archive.meetings.get(meeting_id)
    if rec is None:
        return _group(title(meeting_id, L["unreadable"]) + problems_line(model, rel, L))
    d = views.show_meeting(archive, rec)
    time = "–".join(x for x in (d["start"], d["end"]) if x)
    just = d["justering"]
    ans = d["anslag"]
    parts: list = title(d["title"], d["ref"])
    parts.append(fields([
        (L["meeting_kind"], L.domain(d["meeting_kind"])),
        (L["time"], time),
        (L["place"], d["place"]),
        (L["state"], L.domain(d["state"])),
        (L["diarienummer"], d["diarienummer"]),
        (L["chair"], d["chair"]["name"] if d["chair"] else ""),
        (L["secretary"], d["secretary"]["name"] if d["secretary"] else ""),
        (L["adjusters"], names(d["adjusters"])),
        (L["justering"], " ".join(x for x in (iso(just["date"]), just["place"]) if x)),
        (L["anslag"], period(ans["posted"], ans["removed"])),
        (L["next_meeting"], iso(d["next_meeting"])),
    ]))
    att = d["attendance"]
    serving = ", ".join(f"{s['name']} ({L.fmt('replaces', name=s['replaces']['name'])})" if s.get("replaces")
                        else s["name"] for s in att["serving"])
    others = ", ".join(", ".join(x for x in (o["name"], o.get("role", "")) if x) if o.get("id") is None
                       else o["name"] for o in att["others"] if o)
    groups = [(L[key], text) for key, text in (
        ("att_voting", names(att["voting"])), ("att_serving", serving), ("att_substitutes", names(att["substitutes"])),
        ("att_absent", names(att["absent"])), ("att_coopted", names(att["coopted"])), ("att_others", others)) if text]
    if groups:
        parts.append(heading(L["attendance"]))
        parts += [Text.assemble((f"{label}: ", "bold"), text) for label, text in groups]
    if d["paragraphs"]:
        parts.append(heading(L["paragraphs"]))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for p in d["paragraphs"]:
            number = f"§{p['number']}{p['letter'] or ''}"
            if p["letter"]:
                number = "  " + number
            line = Text(p["title"])
            marks = ([L["decision_mark"]] if p["decision"] else []) + (
                [L.fmt("tasks_mark", count=p["tasks"])] if p["tasks"] else [])
            if marks:
                line.append(f"  [{', '.join(marks)}]", style="dim")
            grid.add_row(Text(number), line)
        parts.append(grid)
    if d["notes"]:
        parts += [heading(L["notes"]), *paragraphs(d["notes"])]
    parts += problems_line(model, rec.rel, L)
    return _group(parts)


def paragraph_detail(model: Model, ref: str, L: Labels) -> RenderableType:
    archive = model.archive
    if archive is None:
        return _group(title(ref, L["loading"]))
    mid, _, tail = ref.rpartition("/§")
    number = int("".join(c for c in tail if c.isdigit()) or 0)
    letter = "".join(c for c in tail if c.isalpha()) or None
    p = results.find_paragraph(archive, mid, number, letter)
    if p is None:
        return _group(title(ref, L.fmt("unknown_ref", ref=ref)))
    item = p.item
    m = p.meeting
    parts: list = _paragraph_title(archive, m, p.number, p.letter, item)
    kind = item.get("kind") if isinstance(item.get("kind"), str) else ("information" if p.letter is None else "")
    parts.append(fields([(L["item_kind"], L.domain(kind)),
                         (L["diarienummer"], item.get("diarienummer") if isinstance(item.get("diarienummer"), str)
                          else "")]))
    for key, label in (("background", "background"), ("proposal", "proposal")):
        text = item.get(key)
        if isinstance(text, str) and text.strip():
            parts += [heading(L[label]), *paragraphs(text)]
    decision = _decision_lines(item)
    if decision:
        parts += [heading(L["decision"]), *decision]
    reservations = [r for r in item.get("reservations", []) if isinstance(r, dict)]
    if reservations:
        parts.append(heading(L["reservations"]))
        parts += bullets([Text(": ".join(x for x in (archive.person_name(r.get("person", "")),
                                                     str(r.get("text", "")).strip()) if x)) for r in reservations])
    jav = [j for j in item.get("jav", []) if isinstance(j, dict)]
    if jav:
        parts.append(heading(L["jav"]))
        parts += bullets([L.fmt("jav_line", name=archive.person_name(j.get("person", "")),
                                chair=archive.person_name(j.get("chair", "")) if j.get("chair") else "–")
                          for j in jav])
    tasks = [t for t in item.get("tasks", []) if isinstance(t, dict)]
    if tasks:
        parts.append(heading(L["tasks"]))
        for t in tasks:
            line = Text("• " + " ".join(str(t.get("task", "")).split()))
            extra = [archive.person_name(t["responsible"]) if isinstance(t.get("responsible"), str) else "",
                     iso(t.get("due")), L.domain(str(t.get("status", "ny")))]
            line.append("  (" + ", ".join(x for x in extra if x) + ")", style="dim")
            parts.append(line)
    refs = [r for r in item.get("refs", []) if isinstance(r, str)]
    if refs:
        parts.append(heading(L["refs"]))
        for r in refs:
            link = results.link(archive, r)
            line = Text(r, style="bold")
            target = link.title or ""
            if link.context:
                target = f"{target} ({link.context})" if target else link.context
            line.append("  " + (target if link.ref else L["unresolved"]))
            parts.append(line)
    attachments = [a for a in item.get("attachments", []) if isinstance(a, str)]
    if attachments:
        parts += [heading(L["attachments"]), *bullets(attachments)]
    if p.letter is None:
        subs = [s for s in item.get("sub", []) if isinstance(s.get("letter"), str)]
        if subs:
            parts.append(heading(L["sub"]))
            parts += [Text.assemble((f"§{p.number}{s['letter']} ", "bold"), str(s.get("title", ""))) for s in subs]
    parts += problems_line(model, m.rel, L)
    return _group(parts)


# =====================================================================================
# members
# =====================================================================================
def _membership_line(m: dict, L: Labels) -> Text:
    line = Text.assemble((m["organ_name"], "bold"), " ", L.domain(m["role"]))
    if m.get("on_behalf_of"):
        line.append(f" ({m['on_behalf_of']['name']})")
    when = f"{iso(m['start'])}–{iso(m['end'])}" if m.get("start") or m.get("end") else ""
    if when:
        line.append(f"  {when}", style="dim")
    return line


def _meeting_list(items: list[dict], L: Labels) -> list[Text]:
    """The latest meetings of a list (newest first), with a count of the rest."""
    shown = list(reversed(items))[:MAX_LIST]
    out = [Text.assemble((iso(x["date"]) or "", "bold"), " ", x["title"] if "§" not in x["ref"]
                         else f"{x['ref']} {x['title']}") for x in shown]
    if len(items) > MAX_LIST:
        out.append(Text(L.fmt("more", count=len(items) - MAX_LIST), style="dim"))
    return out


def person_detail(model: Model, pid: str, L: Labels) -> RenderableType:
    archive = model.archive
    if archive is None:
        return _group(title(pid, L["loading"]))
    try:
        r = person.person_report(archive, pid)
    except lookup.RefError:
        return _group(title(pid, L.fmt("unknown_ref", ref=f"person/{pid}")))
    sub = " · ".join(x for x in (r["ref"], r["title"], r["organisation"]) if x)
    parts: list = title(r["name"], sub)
    if r["memberships"]:
        parts.append(heading(L["memberships"]))
        parts += [_membership_line(m, L) for m in r["memberships"]]
    att = r["attendance"]
    present = sum(v for k, v in att.items() if k != "absent")
    parts.append(Text("\n" + L.fmt("attendance_summary", present=present, absent=att["absent"])))
    for key, label in (("chair", "chair_duties"), ("adjuster", "adjuster_duties"),
                       ("secretary", "secretary_duties")):
        if r[key]:
            parts.append(heading(f"{L[label]} ({len(r[key])})"))
            parts += _meeting_list(r[key], L)
    if r["reservations"]:
        parts.append(heading(L["reservations"]))
        parts += bullets([f"{x['ref']} {x['title']}" for x in r["reservations"][-MAX_LIST:]])
    if r["uppdrag"]:
        parts.append(heading(L["tasks"]))
        for u in r["uppdrag"][-MAX_LIST:]:
            line = Text.assemble((L.domain(u.status) + " ", "bold" if u.open else "dim"), u.task)
            if u.due:
                line.append(f"  ({iso(u.due)})", style="dim")
            parts.append(line)
    if r["steering_groups"]:
        parts.append(heading(L["steering_groups"]))
        parts += bullets([s["name"] for s in r["steering_groups"]])
    parts += problems_line(model, r["file"], L)
    return _group(parts)


def org_detail(model: Model, oid: str, L: Labels) -> RenderableType:
    return _record_detail(model, "org", oid, L, _org_body)


def _org_body(d: dict, L: Labels) -> list:
    key = d["contribution_key"]
    parts: list = [fields([
        (L["org_kind"], L.domain(d["org_kind"])), (L["short"], d["short"]), (L["org_number"], d["org_number"]),
        (L["contribution_key"], f"{key}" if isinstance(key, (int, float)) and not isinstance(key, bool) else ""),
    ])]
    if d["representatives"]:
        parts.append(heading(L["representatives"]))
        for rep in d["representatives"]:
            line = Text.assemble((rep["person"]["name"], "bold"), f" {rep['organ_name']} {L.domain(rep['role'])}")
            when = period(rep["start"], rep["end"])
            if when:
                line.append(f"  {when}", style="dim")
            parts.append(line)
    if d["insatser"]:
        parts += [heading(L["insatser_owned"]), *bullets([i["name"] for i in d["insatser"]])]
    return parts


# =====================================================================================
# insatser
# =====================================================================================
def insats_detail(model: Model, iid: str, L: Labels) -> RenderableType:
    return _record_detail(model, "insats", iid, L, _insats_body)


def _insats_body(d: dict, L: Labels) -> list:
    decided = d["decided_by"]
    parts: list = [fields([
        (L["period"], period(d["start"], d["end"])),
        (L["owner"], d["owner"]["name"] if d["owner"] else ""),
        (L["decided_by"], f"{decided['text']} {decided['context'] or ''}".strip() if decided else ""),
        (L["steering_group"], names(d["steering_group"])),
    ])]
    if d["description"]:
        parts += [heading(L["description"]), *paragraphs(d["description"])]
    if d["budget_lines"]:
        parts.append(heading(L["budget_lines"]))
        parts += [Text.assemble((b["text"], "bold"), "  " + (b["title"] if b["ref"] else L["unresolved"]))
                  for b in d["budget_lines"]]
    stats = [s for s in d["statistics"] if isinstance(s.get("year"), int)]
    if stats:
        parts.append(heading(L["statistics"]))
        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
        for key in ("stat_year", "stat_women", "stat_men", "stat_new", "stat_ended"):
            table.add_column(L[key], justify="left" if key == "stat_year" else "right", no_wrap=True)
        for s in sorted(stats, key=lambda s: s["year"]):
            table.add_row(*[Text(str(s.get(k)) if s.get(k) is not None else "–")
                            for k in ("year", "women", "men", "new", "ended")])
        parts.append(table)
        last = max(stats, key=lambda s: s["year"])
        reasons = last.get("ended_reasons")
        if isinstance(reasons, dict) and reasons:
            parts.append(Text("\n" + L.fmt("ended_reasons", year=last["year"]), style="bold"))
            parts += [Text(f"  {k}: {v}") for k, v in reasons.items()]
    return parts


# =====================================================================================
# registers
# =====================================================================================
def decision_detail(model: Model, entry: tuple, L: Labels) -> RenderableType:
    m, number, letter, item = entry
    return _group(_paragraph_title(model.archive, m, number, letter, item) + _decision_lines(item))


def uppdrag_detail(model: Model, u: registers.Uppdrag, L: Labels) -> RenderableType:
    parts: list = title(u.task or "–", f"{u.ref} · {u.paragraph_title}")
    reported = ""
    if u.reported is not None:
        reported = f"{u.reported.text} {u.reported.title}".strip() if u.reported.ref else u.reported.text
    parts.append(fields([
        (L["responsible"], u.responsible_name), (L["due"], iso(u.due)), (L["status_col"], L.domain(u.status)),
        (L["reported"], reported), (L["file"], f"{u.file}:{u.line}" if u.line else u.file),
    ]))
    return _group(parts)


def finding_detail(f, L: Labels) -> RenderableType:
    where = f"{f.file}:{f.line}:{f.column}" if f.line and f.column else (f"{f.file}:{f.line}" if f.line else f.file)
    style = "bold red" if f.severity == "error" else "bold yellow"
    parts: list = [Text.assemble((f"{L.severity(f.severity)} {f.code} ", style), (where, "dim")),
                   Text(f.message(L.lang))]
    if f.source_line:
        parts.append(Text(f"  {f.line} | {f.source_line}", style="dim"))
    hint = f.hint(L.lang)
    if hint:
        parts.append(Text.assemble((L["hint"] + ": ", "bold"), hint))
    related = [p for p in f.related if p.file]
    if related:
        parts.append(Text.assemble((L["related"] + ": ", "bold"),
                                   ", ".join(f"{p.file}:{p.line}" if p.line else p.file for p in related)))
    return _group(parts)


__all__ = [
    "decision_detail",
    "finding_detail",
    "insats_detail",
    "meeting_detail",
    "org_detail",
    "organ_detail",
    "paragraph_detail",
    "person_detail",
    "uppdrag_detail",
    "year_detail",
]

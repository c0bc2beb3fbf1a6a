"""The detail panes of the Möten section and the decision register: an organ, a year of its
meetings, a meeting, a § (and a decision, the § as the register shows it)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from finsam_tui.core.i18n.tui import Labels
from finsam_tui.core.records.bilagor import attachment_texts
from finsam_tui.tui.details.parts import (
    bullets,
    fields,
    group,
    heading,
    names,
    paragraphs,
    problems_line,
    title,
)
from finsam_tui.tui.view_data import Model, iso, period, results, views


def paragraph_title(archive, m, number: int, letter: str | None, item: dict) -> list[RenderableType]:
    """A §'s title and, below it, its ref and meeting."""
    item_title = item.get("title") if isinstance(item.get("title"), str) else ""
    number_text = f"§{number}{letter or ''}"
    return title(f"{number_text} {item_title}", f"{m.id}/{number_text} · {results.meeting_title(archive, m)}")


def decision_lines(item: dict) -> list[Text]:
    """A §'s decision: its clauses as a list, then the free text (none: an empty list)."""
    clauses = [c for c in item.get("decision", []) if isinstance(c, str) and c.strip()]
    decision_text = item.get("decision_text") if isinstance(item.get("decision_text"), str) else ""
    return bullets(clauses, "– ") + paragraphs(decision_text)


def organ_detail(model: Model, organ: str, L: Labels) -> RenderableType:
    years = model.meeting_files.get(organ, {})
    count = sum(len(v) for v in years.values())
    parts: list = title(model.organ_name(organ), organ)
    parts.append(Text(L.fmt("organ_meetings", count=count)))
    rows = [Text.assemble((y, "bold"), f"  {len(years[y])}") for y in sorted(years, reverse=True)]
    parts += rows
    return group(parts)


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
    return group(parts)


def meeting_detail(model: Model, meeting_id: str, rel: str, L: Labels) -> RenderableType:
    archive = model.archive
    if archive is None:
        return group(title(meeting_id, L["loading"]))
    rec = archive.meetings.get(meeting_id)
    if rec is None:
        return group(title(meeting_id, L["unreadable"]) + problems_line(model, rel, L))
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
        (L["next_meeting"], d["next_meeting_text"]),
    ]))
    att = d["attendance"]
    serving = ", ".join(f"{s['name']} ({L.fmt('replaces', name=s['replaces']['name'])})" if s.get("replaces")
                        else s["name"] for s in att["serving"])
    others = ", ".join(", ".join(x for x in (o["name"], o.get("role", "")) if x) if o.get("id") is None
                       else o["name"] for o in att["others"] if o)
    groups = [(L[key], text) for key, text in (
        ("att_voting" if d["decides"] else "att_participants", names(att["voting"])), ("att_serving", serving), ("att_substitutes", names(att["substitutes"])),
        ("att_absent", names(att["absent"])), ("att_coopted", names(att["coopted"])), ("att_others", others)) if text]
    if groups:
        parts.append(heading(L["attendance"]))
        parts += [Text.assemble((f"{label}: ", "bold"), text) for label, text in groups]
    if d["paragraphs"] or d["points"]:
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
        for point in d["points"]:  # points without § (an organ numbered "ingen")
            grid.add_row(Text("•"), Text(point))
        parts.append(grid)
    if d["notes"]:
        parts += [heading(L["notes"]), *paragraphs(d["notes"])]
    parts += problems_line(model, rec.rel, L)
    return group(parts)


def paragraph_detail(model: Model, ref: str, L: Labels) -> RenderableType:
    archive = model.archive
    if archive is None:
        return group(title(ref, L["loading"]))
    mid, _, tail = ref.rpartition("/§")
    number = int("".join(c for c in tail if c.isdigit()) or 0)
    letter = "".join(c for c in tail if c.isalpha()) or None
    p = results.find_paragraph(archive, mid, number, letter)
    if p is None:
        return group(title(ref, L.fmt("unknown_ref", ref=ref)))
    item = p.item
    m = p.meeting
    parts: list = paragraph_title(archive, m, p.number, p.letter, item)
    kind = item.get("kind") if isinstance(item.get("kind"), str) else ("information" if p.letter is None else "")
    parts.append(fields([(L["item_kind"], L.domain(kind)),
                         (L["diarienummer"], item.get("diarienummer") if isinstance(item.get("diarienummer"), str)
                          else "")]))
    for key, label in (("background", "background"), ("proposal", "proposal")):
        text = item.get(key)
        if isinstance(text, str) and text.strip():
            parts += [heading(L[label]), *paragraphs(text)]
    decision = decision_lines(item)
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
    attachments = attachment_texts(m.data, item)
    if attachments:
        parts += [heading(L["attachments"]), *bullets(attachments)]
    if p.letter is None:
        subs = [s for s in item.get("sub", []) if isinstance(s.get("letter"), str)]
        if subs:
            parts.append(heading(L["sub"]))
            parts += [Text.assemble((f"§{p.number}{s['letter']} ", "bold"), str(s.get("title", ""))) for s in subs]
    parts += problems_line(model, m.rel, L)
    return group(parts)


def decision_detail(model: Model, entry: tuple, L: Labels) -> RenderableType:
    m, number, letter, item = entry
    return group(paragraph_title(model.archive, m, number, letter, item) + decision_lines(item))

"""The detail panes of the Medlemmar section: a person (memberships, attendance, duties,
reservations, uppdrag) and a member organisation (representatives, insatser)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from finsam_tui.core.i18n.tui import Labels
from finsam_tui.tui.details.parts import (
    MAX_LIST,
    bullets,
    fields,
    group,
    heading,
    problems_line,
    record_detail,
    title,
)
from finsam_tui.tui.view_data import Model, iso, lookup, period, person


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
        return group(title(pid, L["loading"]))
    try:
        r = person.person_report(archive, pid)
    except lookup.RefError:
        return group(title(pid, L.fmt("unknown_ref", ref=f"person/{pid}")))
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
    return group(parts)


def org_detail(model: Model, oid: str, L: Labels) -> RenderableType:
    return record_detail(model, "org", oid, L, _org_body)


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

"""finsam show REF: any record or § in readable form, its references resolved to names."""

from __future__ import annotations

from finsam_tui.cli import show_procedure as sp
from finsam_tui.cli.common import EXIT_OK, EXIT_USAGE, add_output_args, open_with_labels, print_lines
from finsam_tui.cli.parser import words
from finsam_tui.cli.render import WIDTH, clip, dump_json, fields, ref_error, table, wrap
from finsam_tui.core.text import iso, kr, percent

NAME = "show"


def register(parser) -> None:
    parser.add_argument("ref", metavar="REF", help=words(parser)["show:REF"])
    add_output_args(parser)


def run(args) -> int:
    from finsam_tui.core.query.lookup import RefError, lookup
    from finsam_tui.core.query.results import plain
    from finsam_tui.core.query.views import show

    archive, L = open_with_labels(args)
    if archive is None:
        return EXIT_USAGE
    try:
        q = lookup(archive, args.ref)
        data = show(archive, q)
    except RefError as err:
        return ref_error(NAME, err, L)
    if args.format == "json":
        print(dump_json({"ref": q.ref, "kind": q.kind, "record": plain(data)}))
    else:
        print_lines(render(data, L))
    return EXIT_OK


# =====================================================================================
# text
# =====================================================================================
def render(d: dict, L) -> list[str]:
    kind = d["kind"]
    out = RENDER[kind](d, L)
    p = d.get("problems") or {}
    if p.get("errors") or p.get("warnings"):
        out += ["", L.fmt("problems", errors=p["errors"], warnings=p["warnings"])]
    return out


def head(ref: str, title: str) -> list[str]:
    """The first line: the reference and the title, the title wrapped below when long."""
    line = f"{ref}  {title}"
    if len(line) <= WIDTH:
        return [line]
    return [ref, *wrap(title, indent=2)]


def _where(d: dict) -> str:
    return f"{d['file']}:{d['line']}" if d.get("line") else d["file"]


def _names(people) -> str:
    return ", ".join(p["name"] for p in people if p)


def _link_title(link: dict, L) -> str:
    if not link.get("ref"):
        return L["unresolved"]
    title = link.get("title") or ""
    if link.get("context"):
        title = f"{title} ({link['context']})" if title else link["context"]
    return title


def _links(links: list[dict], L, indent: int = 2) -> list[str]:
    return table([[x["text"], _link_title(x, L)] for x in links], indent=indent)


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title, *lines] if lines else []


def _period(start, end) -> str:
    return f"{iso(start)}–{iso(end)}" if start or end else ""


def render_paragraph(d: dict, L) -> list[str]:
    out = head(d["ref"], d["title"])
    out += fields([
        (L["meeting"], f"{d['meeting']['title']} ({d['meeting']['ref']})"),
        (L["parent"], f"{d['parent']['ref']} {d['parent']['title']}" if d.get("parent") else ""),
        (L["item_kind"], L.value(d["item_kind"])),
        (L["diarienummer"], d["diarienummer"]),
        *sp.paragraph_fields(d, L),
        (L["file"], _where(d)),
    ])
    out += _section(L["background"], wrap(d["background"]))
    out += _section(L["proposal"], wrap(d["proposal"]))
    decision = [line for c in d["decision"] for line in wrap(c, bullet="- ")]
    decision += wrap(d["decision_text"])
    out += sp.paragraph_lines(d, L)
    out += _section(L["decision"], decision)
    out += _section(L["reservations"], [line for r in d["reservations"] for line in
                                        wrap(f"{r['person']['name']}: {r['text']}" if r["text"]
                                             else r["person"]["name"], bullet="- ")])
    jav = []
    for j in d["jav"]:
        jav += wrap(L.fmt("jav_line", name=j["person"]["name"]), bullet="- ")
        if j.get("chair"):
            jav += wrap(L.fmt("jav_chair", name=j["chair"]["name"]), indent=4)
    out += _section(L["jav"], jav)
    tasks = []
    for t in d["tasks"]:
        tasks += wrap(t["task"], bullet="- ")
        facts = [L.fmt("responsible", name=t["responsible"]["name"]) if t["responsible"] else "",
                 L.fmt("due", date=iso(t["due"])) if t["due"] else "", L.value(t["status"])]
        if t["reported"]:
            facts.append(L.fmt("reported", ref=t["reported"]["text"]))
        tasks += wrap(" · ".join(f for f in facts if f), indent=4)
    out += _section(L["tasks"], tasks)
    out += _section(L["attachments"], [line for a in d["attachments"] for line in wrap(a, bullet="- ")])
    out += _section(L["sub"], table([[s["ref"], s["title"]] for s in d.get("sub", [])], indent=2))
    out += _section(L["refs"], _links(d["refs"], L))
    if d.get("backlinks"):
        out += ["", L.fmt("backlinks_count", count=d["backlinks"], ref=d["ref"])]
    return out


def render_meeting(d: dict, L) -> list[str]:
    out = head(d["ref"], d["title"])
    time = "–".join(x for x in (d["start"], d["end"]) if x)
    anslag = d["anslag"]
    out += fields([
        (L["meeting_kind"], L.value(d["meeting_kind"])),
        (L["time"], time),
        (L["place"], d["place"]),
        (L["state"], L.value(d["state"])),
        (L["diarienummer"], d["diarienummer"]),
        (L["chair"], d["chair"]["name"] if d["chair"] else ""),
        (L["secretary"], d["secretary"]["name"] if d["secretary"] else ""),
        (L["adjusters"], _names(d["adjusters"])),
        (L["justering"], " ".join(x for x in (iso(d["justering"]["date"]), d["justering"]["place"]) if x)),
        (L["anslag"], _period(anslag["posted"], anslag["removed"])),
        (L["next_meeting"], d["next_meeting_text"]),
        *sp.meeting_fields(d, L),
        (L["file"], d["file"]),
    ])
    a = d["attendance"]
    serving = ", ".join(f"{s['name']} ({L.fmt('replaces', name=s['replaces']['name'])})" if s.get("replaces")
                        else s["name"] for s in a["serving"])
    others = ", ".join(f"{o['name']} ({o['role']})" if o.get("role") else o["name"] for o in a["others"])
    out += _section(L["attendance"], fields([
        (L["att_voting" if d["decides"] else "att_participants"], _names(a["voting"])), (L["att_serving"], serving),
        (L["att_substitutes"], _names(a["substitutes"])), (L["att_absent"], _names(a["absent"])),
        (L["att_coopted"], _names(a["coopted"])), (L["att_others"], others),
    ], indent=2))
    out += sp.meeting_lines(d, L)
    out += _section(L["notes"], wrap(d["notes"]))
    rows = []
    for p in d["paragraphs"]:
        marks = [L["decision_mark"]] if p["decision"] else []
        if p["tasks"]:
            marks.append(L.fmt("tasks_mark", count=p["tasks"]))
        marks += sp.paragraph_marks(p, L)
        label = f"§{p['number']}{p['letter'] or ''}"
        rows.append([("  " if p["letter"] else "") + label,
                     p["title"] + (f"  [{', '.join(marks)}]" if marks else "")])
    rows += [["•", title] for title in d["points"]]  # points without § (an organ numbered "ingen")
    out += _section(L["paragraphs"], table(rows, indent=2))
    out += _section(L["attachments"], table([[str(b["number"]), b["title"] + (f"  ({b['file']})" if b["file"] else "")]
                                             for b in d["bilagor"]], indent=2))
    return out


def render_person(d: dict, L) -> list[str]:
    out = head(d["ref"], d["name"])
    out += fields([(L["title"], d["title"]), (L["organisation"], d["organisation"]), (L["email"], d["email"]),
                   (L["file"], d["file"])])
    out += _section(L["memberships"], membership_rows(d["memberships"], L))
    return out


def membership_rows(memberships: list[dict], L) -> list[str]:
    return table([[_period(m["start"], m["end"]) or L["none"], m["organ_name"], L.value(m["role"]),
                   m["on_behalf_of"]["name"] if m["on_behalf_of"] else ""] for m in memberships], indent=2)


def render_org(d: dict, L) -> list[str]:
    out = head(d["ref"], d["name"])
    key = d.get("contribution_key")
    out += fields([(L["org_kind"], L.value(d["org_kind"])), (L["short"], d["short"]),
                   (L["org_number"], d["org_number"]),
                   (L["contribution_key"], f"{key:g}".replace(".", ",") if isinstance(key, (int, float)) else ""),
                   (L["member_since"], iso(d["member_since"])), (L["file"], d["file"])])
    out += _section(L["representatives"], table(
        [[_period(r["start"], r["end"]), r["organ_name"], L.value(r["role"]), r["person"]["name"]]
         for r in d["representatives"]], indent=2))
    out += _section(L["insatser"], table([[i["ref"], i["name"]] for i in d["insatser"]], indent=2))
    return out


def render_insats(d: dict, L) -> list[str]:
    out = head(d["ref"], d["name"])
    decided = d.get("decided_by")
    out += fields([(L["period"], _period(d["start"], d["end"])),
                   (L["owner"], d["owner"]["name"] if d["owner"] else ""),
                   (L["decided_by"], f"{decided['text']} {_link_title(decided, L)}" if decided else ""),
                   (L["steering_group"], _names(d["steering_group"])), (L["file"], d["file"])])
    out += _section(L["description"], wrap(d["description"]))
    out += _section(L["budget_lines"], _links(d["budget_lines"], L))
    stats = [L.fmt("stat_line", **{k: ("–" if s.get(k) is None else s.get(k))
                                    for k in ("year", "women", "men", "new", "ended")}) for s in d["statistics"]]
    out += _section(L["statistics"], ["  " + s for s in stats])
    return out


def amount_layout(rows: list[tuple[str, list]], headers: list[str], indent: int = 2) -> tuple[int, list[int]]:
    """Column widths shared by every amount table of a budget: (name width, amount widths)."""
    widths = [max([len(h)] + [len(kr(amounts[i], plain=True)) for _, amounts in rows]) for i, h in enumerate(headers)]
    room = WIDTH - indent - sum(w + 2 for w in widths)
    return min(max([len(n) for n, _ in rows] + [0]), max(room, 16)), widths


def amount_table(rows: list[tuple[str, list]], headers: list[str], layout: tuple[int, list[int]],
                 indent: int = 2) -> list[str]:
    """A name column (cut to fit 80 columns) and right-aligned amount columns."""
    name_w, widths = layout
    out = [" " * indent + " " * name_w + "".join("  " + h.rjust(w) for h, w in zip(headers, widths))]
    for name, amounts in rows:
        out.append(" " * indent + clip(name, name_w).ljust(name_w)
                   + "".join("  " + kr(a, plain=True).rjust(w) for a, w in zip(amounts, widths)))
    return [line.rstrip() for line in out]


def render_budget(d: dict, L) -> list[str]:
    out = [f"{d['ref']}  {L['budget']} {d['year']}"]
    out += fields([(L["equity_start"], kr(d["equity_start"], plain=True) if d["equity_start"] is not None else ""),
                   (L["file"], d["file"])])
    out += _section(L["note"], wrap(d["note"]))
    out += _section(L["versions"], table([[v["id"], L.value(v["version_kind"]), iso(v["date"]),
                                           v["decided_by"]["text"] if v["decided_by"] else "", v["label"],
                                           v["source"]]
                                          for v in d["versions"]], indent=2))
    vids = [v["id"] for v in d["versions"]]
    income = [(i["label"] or (i["member"]["name"] if i["member"] else ""), [i["amounts"].get(v) for v in vids])
              for i in d["income"]]
    income += [(o["name"], [o["amounts"].get(v) for v in vids]) for o in d["other_income"]]
    sections = [(L["income"], income)]
    for c in d["categories"]:
        rows = [(ln["name"] if ln["share"] is None else f"{ln['name']} ({percent(ln['share'])})",
                 [ln["amounts"].get(v) for v in vids]) for ln in c["lines"]]
        rows.append((L["sum"], [c["total"].get(v) for v in vids]))
        sections.append((c["name"], rows))
    t = d["totals"]
    sections.append((L["totals"], [(L["total_income"], [t["income"].get(v) for v in vids]),
                                   (L["total_costs"], [t["costs"].get(v) for v in vids]),
                                   (L["result"], [t["result"].get(v) for v in vids])]))
    layout = amount_layout([row for _, rows in sections for row in rows], vids)
    for title, rows in sections:
        out += _section(title, amount_table(rows, vids, layout))
    return out


def render_budget_line(d: dict, L) -> list[str]:
    out = head(d["ref"], d["name"])
    out += fields([(L["budget"], d["budget"]), (L["category"], d["category"]["name"]), (L["note"], d["note"]),
                   (L["file"], _where(d))])
    out += _section(L["amounts"], table([[a["version"], L.value(a["version_kind"]),
                                          kr(a["amount"], plain=True).rjust(12), a["label"]]
                                         for a in d["amounts"]], indent=2))
    return out


def render_organ(d: dict, L) -> list[str]:
    out = head(d["ref"], d["name"])
    out += fields([(L["org_kind"], d["organ_kind"]), (L["decides"], L["yes"] if d["decides"] else L["no"]),
                   (L["file"], _where(d))])
    out += _section(L["members"], table(
        [[_period(m["start"], m["end"]), L.value(m["role"]), m["person"]["name"],
          m["on_behalf_of"]["name"] if m["on_behalf_of"] else ""] for m in d["members"]], indent=2))
    out += _section(L["meetings"], table([[m["ref"], L.value(m["meeting_kind"]), L.value(m["state"])]
                                          for m in d["meetings"]], indent=2))
    return out


RENDER = {"paragraph": render_paragraph, "meeting": render_meeting, "person": render_person, "org": render_org,
          "insats": render_insats, "budget": render_budget, "budgetline": render_budget_line,
          "organ": render_organ}

"""finsam person ID: a person's roles over time, meetings present and absent, chair,
adjuster and secretary duties, reservations, jäv and uppdrag."""

from __future__ import annotations

import sys

from finsam_tui.cli.common import EXIT_OK, EXIT_USAGE, add_output_args, open_with_labels, print_lines
from finsam_tui.cli.parser import words
from finsam_tui.cli.render import dump_json, fields, ref_error, table, wrap
from finsam_tui.core.text import iso

NAME = "person"


def register(parser) -> None:
    parser.add_argument("id", metavar="ID", help=words(parser)["person:ID"])
    add_output_args(parser)


def run(args) -> int:
    from finsam_tui.core.query.lookup import RefError, lookup
    from finsam_tui.core.query.person import person_report
    from finsam_tui.core.query.results import plain

    archive, L = open_with_labels(args)
    if archive is None:
        return EXIT_USAGE
    text = args.id.strip()
    try:
        if text not in archive.persons and not text.startswith("person/"):
            q = lookup(archive, text)  # a bare id of something else, or a reference
            if q.kind != "person":
                example = next(iter(sorted(archive.persons)), "anna-lindqvist")
                print(f"finsam person: {L.fmt('msg_not_person', ref=q.ref)}", file=sys.stderr)
                print(L.fmt("msg_not_person_hint", example=example), file=sys.stderr)
                return EXIT_USAGE
            text = q.id
        report = person_report(archive, text)
    except RefError as err:
        return ref_error(NAME, err, L)
    if args.format == "json":
        print(dump_json({"person": plain(report)}))
    else:
        print_lines(render(report, L))
    return EXIT_OK


def render(r: dict, L) -> list[str]:
    from finsam_tui.cli.show import membership_rows

    out = [L.fmt("report_head", name=r["name"], ref=r["ref"])]
    out += fields([(L["title"], r["title"]), (L["organisation"], r["organisation"]), (L["file"], r["file"])])

    empty: set[int] = set()  # indexes of "Title: –" lines, kept together without blank lines

    def section(title: str, lines: list[str]) -> None:
        if lines:
            out.extend(["", title, *lines])
            return
        if len(out) - 1 not in empty:
            out.append("")
        out.append(f"{title}: {L['none']}")
        empty.add(len(out) - 1)

    def meetings(rows: list[dict], extra=lambda x: "") -> list[str]:
        return table([[x["ref"], iso(x["date"]), extra(x) or x["title"]] for x in rows], indent=2)

    section(L["roles_over_time"], membership_rows(r["memberships"], L))
    out += ["", L.fmt("attendance_summary", present=len(r["present"]), absent=len(r["absent"]))]

    def group(x: dict) -> str:
        label = L.group(x["group"])
        if x.get("replaces"):
            label += " " + L.fmt("replaces", name=x["replaces"]["name"])
        return label

    if r["present"]:
        out.append(L["present"])
        out += table([[x["ref"], iso(x["date"]), group(x)] for x in r["present"]], indent=2)
    section(L["absent"], meetings(r["absent"]))

    def chaired(x: dict) -> str:
        if x.get("paragraph"):
            return L.fmt("chair_during", name=x["instead_of"]["name"] if x.get("instead_of") else "")
        return x["title"]

    section(L["chair_duties"], table([[x["ref"], iso(x["date"]), chaired(x)] for x in r["chair"]], indent=2))
    section(L["adjuster_duties"], meetings(r["adjuster"]))
    section(L["secretary_duties"], meetings(r["secretary"]))
    res = []
    for x, row in zip(r["reservations"], table([[x["ref"], iso(x["date"]), x["title"]] for x in r["reservations"]],
                                               indent=2)):
        res += [row, *wrap(x["text"], indent=4)]
    section(L["person_reservations"], res)
    section(L["person_jav"], meetings(r["jav"]))
    tasks = []
    rows = table([[u.ref, iso(u.date), L.value(u.status), u.paragraph_title] for u in r["uppdrag"]], indent=2)
    for u, row in zip(r["uppdrag"], rows):
        tasks += [row, *wrap(u.task, indent=4)]
    section(L["person_uppdrag"], tasks)
    section(L["steering_groups"], table([[s["ref"], s["name"]] for s in r["steering_groups"]], indent=2))
    return out

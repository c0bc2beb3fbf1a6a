"""finsam uppdrag: the register of uppdrag (tasks given under a §), open or all."""

from __future__ import annotations

import sys

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_output_args,
    open_with_labels,
    print_lines,
)
from finsam_tui.cli.parser import words
from finsam_tui.cli.render import dump_json, ref_error, table, wrap
from finsam_tui.core.text import iso, visible

NAME = "uppdrag"


def register(parser) -> None:
    H = words(parser)
    parser.add_argument("--open", action="store_true", help=H["uppdrag:--open"])
    parser.add_argument("--person", metavar="ID", help=H["uppdrag:--person"])
    parser.add_argument("--organ", metavar="ORGAN", help=H["uppdrag:--organ"])
    parser.add_argument("--year", type=int, help=H["uppdrag:--year"])
    add_output_args(parser)


def run(args) -> int:
    from finsam_tui.cli.decisions import check_organ, filters_text
    from finsam_tui.core.query.lookup import RefError, lookup
    from finsam_tui.core.query.registers import uppdrag
    from finsam_tui.core.query.results import plain

    archive, L = open_with_labels(args)
    if archive is None:
        return EXIT_USAGE
    if not check_organ(archive, args.organ, L, NAME):
        return EXIT_USAGE
    person = None
    if args.person:
        person = args.person.strip()
        person = person[len("person/"):] if person.startswith("person/") else person
        if person not in archive.persons:
            try:
                lookup(archive, f"person/{person}")
            except RefError as err:
                return ref_error(NAME, err, L)
    tasks = uppdrag(archive, open_only=args.open, person=person, organ=args.organ, year=args.year)
    if args.format == "json":
        print(dump_json({"filters": {"open": args.open, "person": person, "organ": args.organ, "year": args.year},
                         "count": len(tasks), "uppdrag": plain(tasks)}))
    else:
        filters = filters_text(L, args.year, archive.organ_name(args.organ) if args.organ else None,
                               archive.person_name(person) if person else None)
        if tasks:
            print_lines(render(tasks, L, filters, args.open))
        else:
            print(f"finsam uppdrag: {visible(L.fmt('msg_no_uppdrag', filters=filters))}", file=sys.stderr)
    return EXIT_OK if tasks else EXIT_FINDINGS


def render(tasks, L, filters: str, open_only: bool) -> list[str]:

    out = [L.fmt("uppdrag_open_head" if open_only else "uppdrag_head", filters=filters, count=len(tasks))]
    rows = table([[u.ref, iso(u.date), L.value(u.status), u.responsible_name] for u in tasks])
    for u, row in zip(tasks, rows):
        out.append(row)
        out += wrap(u.task, indent=2)
        facts = [L.fmt("due", date=iso(u.due)) if u.due else ""]
        if u.reported:
            where = u.reported.text
            if u.reported.title:
                where += f" ({u.reported.title})"
            facts.append(L.fmt("reported", ref=where))
        facts = [f for f in facts if f]
        if facts:
            out += wrap(" · ".join(facts), indent=2)
    return out

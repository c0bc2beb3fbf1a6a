"""finsam decisions: the register of decisions, filtered by year and organ."""

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
from finsam_tui.core.i18n.lookups import dump_json, table, wrap
from finsam_tui.core.text import iso, visible

NAME = "decisions"
HELP = "the register of decisions, by year and organ"
DESCRIPTION = ("Every § with decision clauses or a decision text, in date order: reference, date, title and "
               "the decision. Filter with --year and --organ. (finsam export decisions writes the same "
               "register as Markdown.)")
EXAMPLES = """examples:
  finsam decisions                           every decision
  finsam decisions --year 2023               the decisions of 2023
  finsam decisions --year 2022 --organ styrelse
  finsam decisions --format json --lang en

exit status: 0 found, 1 no decisions match, 2 unknown organ or not a records folder
"""


def register(parser) -> None:
    parser.add_argument("--year", type=int, help="only decisions of this year")
    parser.add_argument("--organ", metavar="ORGAN", help="only decisions of this organ (its id, e.g. styrelse)")
    add_output_args(parser)


def filters_text(L, year=None, organ_name=None, person_name=None) -> str:
    parts = []
    if year is not None:
        parts.append(L.fmt("filter_year", year=year))
    if organ_name:
        parts.append(L.fmt("filter_organ", organ=organ_name))
    if person_name:
        parts.append(L.fmt("filter_person", name=person_name))
    return f" ({', '.join(parts)})" if parts else ""


def check_organ(archive, organ, L, command: str) -> bool:
    """True when organ is None or known; else a message on stderr."""
    if organ is None or organ in archive.organs:
        return True
    msg = L.fmt("msg_unknown_organ", organ=organ, organs=", ".join(sorted(archive.organs)) or "–")
    print(f"finsam {command}: {msg}", file=sys.stderr)
    return False


def run(args) -> int:
    from finsam_tui.core.query.registers import decisions
    from finsam_tui.core.query.results import plain

    archive, L = open_with_labels(args)
    if archive is None:
        return EXIT_USAGE
    if not check_organ(archive, args.organ, L, NAME):
        return EXIT_USAGE
    entries = decisions(archive, args.year, args.organ, with_lines=args.format == "json")
    if args.format == "json":
        print(dump_json({"filters": {"year": args.year, "organ": args.organ}, "count": len(entries),
                         "decisions": plain(entries)}))
    else:
        filters = filters_text(L, args.year, archive.organ_name(args.organ) if args.organ else None)
        if entries:
            print_lines(render(entries, L, filters))
        else:
            print(f"finsam decisions: {visible(L.fmt('msg_no_decisions', filters=filters))}", file=sys.stderr)
    return EXIT_OK if entries else EXIT_FINDINGS


def render(entries: list[dict], L, filters: str) -> list[str]:

    out = [L.fmt("decisions_head", filters=filters, count=len(entries))]
    rows = table([[e["ref"], iso(e["date"]), e["title"]] for e in entries])
    previous = None
    for e, row in zip(entries, rows):
        if previous is not None and e["meeting"] != previous:
            out.append("")
        previous = e["meeting"]
        out.append(row)
        for clause in e["decision"]:
            out += wrap(clause, indent=2, bullet="- ")
        out += wrap(e["decision_text"], indent=2)
    return out

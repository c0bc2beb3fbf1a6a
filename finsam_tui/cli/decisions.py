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
from finsam_tui.cli.parser import words
from finsam_tui.cli.render import dump_json, table, wrap
from finsam_tui.core.text import iso, visible

NAME = "decisions"


def register(parser) -> None:
    H = words(parser)
    parser.add_argument("--year", type=int, help=H["decisions:--year"])
    parser.add_argument("--organ", metavar="ORGAN", help=H["decisions:--organ"])
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
        if e.get("per_capsulam"):
            out += wrap(L.fmt("per_capsulam_line", date=iso(e["per_capsulam"])), indent=2)
        for clause in e["decision"]:
            out += wrap(clause, indent=2, bullet="- ")
        out += wrap(e["decision_text"], indent=2)
        if e.get("outcome"):
            out += wrap(L.fmt("outcome_line", outcome=L.value(e["outcome"])), indent=2)
    return out

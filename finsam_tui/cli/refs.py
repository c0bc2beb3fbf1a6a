"""finsam refs REF: backlinks — everything that refers to a person, organisation, organ,
meeting, §, budget, budget line or insats."""

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
from finsam_tui.core.i18n.lookups import WIDTH, clip, dump_json, ref_error, table

NAME = "refs"
HELP = "list everything that refers to a person, organisation, meeting, §, budget line or insats"
DESCRIPTION = ("Backlinks: every place in the records that refers to REF, with its role (ordförande, justerare, "
               "anmält förhinder, reservation, uppdrag, hänvisning, beslutad i …), date, title and file:line. "
               "A meeting includes the references to its §§, a § those to its sub-items, a budget those to "
               "its lines.")
EXAMPLES = """examples:
  finsam refs person/kjell-ivarsson          where a person was adjuster, present, absent, reserved …
  finsam refs kjell-ivarsson                 the same: a bare id of a person
  finsam refs org/bjorkvik                   representatives, contributions, insatser owned
  finsam refs styrelse/2023/§17              who refers to a § (reported back, hänvisning …)
  finsam refs styrelse/2023-04-14            references to a meeting or any of its §§
  finsam refs budget/2023/utvardering        which §§ touched a budget line
  finsam refs insats/samordningsteamet --format json
  finsam refs styrelse                       memberships and meetings of an organ

exit status: 0 found, 1 nothing refers to REF or REF does not exist (the nearest is
named), 2 malformed reference or not a records folder
"""


def register(parser) -> None:
    parser.add_argument("ref", metavar="REF", help="what to find references to, e.g. person/<id> or styrelse/2023/§17")
    add_output_args(parser)


def run(args) -> int:
    from finsam_tui.core.query.backlinks import backlinks
    from finsam_tui.core.query.lookup import RefError, lookup
    from finsam_tui.core.query.results import plain, title_of

    archive, L = open_with_labels(args)
    if archive is None:
        return EXIT_USAGE
    try:
        q = lookup(archive, args.ref)
    except RefError as err:
        return ref_error(NAME, err, L)
    links = backlinks(archive, q)
    title = title_of(archive, q)
    if args.format == "json":
        items = []
        for b in links:
            item = plain(b)
            item["role_label"] = L.role(b.role)
            items.append(item)
        print(dump_json({"ref": q.ref, "kind": q.kind, "title": title, "count": len(links), "backlinks": items}))
    elif links:
        print_lines(render(q.ref, title, links, L))
    else:
        print(f"finsam refs: {L.fmt('msg_no_backlinks', ref=q.ref)}", file=sys.stderr)
    return EXIT_OK if links else EXIT_FINDINGS


def render(ref: str, title: str, links, L) -> list[str]:
    """A head line, then per backlink `source  date  role  title` and an indented `file:line  detail`."""

    head = L.fmt("backlinks_head_plain", ref=ref, count=len(links))
    if title and title != ref:
        room = WIDTH - len(L.fmt("backlinks_head", ref=ref, title="", count=len(links)))
        head = L.fmt("backlinks_head", ref=ref, title=clip(title, max(room, 12)), count=len(links))
    rows = table([[b.source, b.date.isoformat() if b.date else "–", L.role(b.role), b.title] for b in links])
    out = [head]
    for b, row in zip(links, rows):
        where = f"{b.file}:{b.line}" if b.line else b.file
        detail = b.detail
        if b.target != ref:  # a § of the meeting, a line of the budget, a sub-item of the §
            detail = f"→ {b.target}" + (f"  {detail}" if detail else "")
        second = f"  {where}"
        if detail:
            second += "  " + clip(detail, max(WIDTH - len(second) - 2, 20))
        out += [row, second]
    return out

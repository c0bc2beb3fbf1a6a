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
from finsam_tui.cli.parser import words
from finsam_tui.cli.render import WIDTH, clip, dump_json, ref_error, table

NAME = "refs"


def register(parser) -> None:
    parser.add_argument("ref", metavar="REF", help=words(parser)["refs:REF"])
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

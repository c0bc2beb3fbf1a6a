"""finsam search: full text over §§, decisions, uppdrag, persons, insatser and budget lines."""

from __future__ import annotations

import json
import os
import re
import sys

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_format_arg,
    add_lang_arg,
    add_records_arg,
    language,
    not_a_records_folder,
)
from finsam_tui.cli.parser import words
from finsam_tui.core.i18n.cli import Labels
from finsam_tui.core.text import visible, write_raw

NAME = "search"


MAX_LIMIT = 10_000


def _limit(value: str) -> int:
    """--limit: a whole number 1–10 000 (more hits than that are not read by anyone)."""
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        import argparse

        raise argparse.ArgumentTypeError(Labels(os.environ.get("FINSAM_LANG") or "sv").fmt(
            "search.bad_limit", value=value, max=f"{MAX_LIMIT:,}".replace(",", " ")))
    return limit


def register(parser) -> None:
    H = words(parser)
    parser.add_argument("query", metavar="QUERY", help=H["search:QUERY"])
    parser.add_argument("--year", type=int, help=H["search:--year"])
    parser.add_argument("--organ", help=H["search:--organ"])
    parser.add_argument("--kind", help=H["search:--kind"])
    parser.add_argument("--limit", type=_limit, default=50, help=H["search:--limit"])
    add_format_arg(parser)
    add_records_arg(parser)
    add_lang_arg(parser)


def run(args) -> int:
    from finsam_tui.core.io.scan import NotARecordsFolder
    from finsam_tui.core.query.search import MARK_END, MARK_START, SearchError, search

    lang = language(args)
    L = Labels(lang)
    try:
        hits = search(args.dir, args.query, year=args.year, organ=args.organ, kind=args.kind, limit=args.limit)
    except NotARecordsFolder:
        not_a_records_folder(args.dir, lang)
        return EXIT_USAGE
    except SearchError:
        print(f"finsam search: {L['search.empty']}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps({"query": args.query, "hits": [h.to_json() for h in hits]}, ensure_ascii=False, indent=2))
        return EXIT_OK if hits else EXIT_FINDINGS
    if not hits:
        print(L.fmt("search.none", query=args.query), file=sys.stderr)
        return EXIT_FINDINGS
    out = sys.stdout
    color = out.isatty() and not os.environ.get("NO_COLOR")
    for h in hits:
        head = f"{h.ref}  {h.date}  {h.title}" if h.date else f"{h.ref}  {h.title}"
        print(visible(head))  # one line: a newline in a title is escaped too
        snippet = " ".join(h.snippet.split())
        if snippet and snippet != h.title:
            highlight(out, "    " + snippet, MARK_START, MARK_END, color)
    return EXIT_OK


def highlight(out, line: str, start: str, end: str, color: bool) -> None:
    """line with the matches between start and end marks in bold (in brackets without colour).
    The bold codes are ours: written past the escaping of the output stream."""
    for i, piece in enumerate(re.split(f"([{re.escape(start + end)}])", line)):
        if i % 2 == 0:
            out.write(piece)
        elif color:
            write_raw(out, "\x1b[1m" if piece == start else "\x1b[0m")
        else:
            out.write("[" if piece == start else "]")
    out.write("\n")

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
    NOT_FOLDER,
    add_lang_arg,
    add_records_arg,
    language,
)
from finsam_tui.core.text import visible, write_raw

NAME = "search"
HELP = "full-text search over §§, decisions, uppdrag, names, insatser and budget lines"
DESCRIPTION = ("Search titles, background texts, decision clauses, uppdrag and names. Case-insensitive (å, ä and ö "
               "too); every word matches as a word prefix and all words must match.")
EXAMPLES = """examples:
  finsam search samordningsteamet              every § that mentions it
  finsam search "extern utvärd" --year 2023    both words (as prefixes), in 2023
  finsam search budget --organ styrelse --kind beslut
  finsam search lindqvist --format json

--kind is an item kind (information, diskussion, beslut, delegationsbeslut, val, övrigt)
or person, organisation, insats, budgetrad.
exit status: 0 hits, 1 no hits, 2 usage error or not a records folder
"""

WORDS = {
    "sv": {"none": "Inga träffar för {query!r}.", "empty": "Sökfrågan innehåller inga ord."},
    "en": {"none": "No hits for {query!r}.", "empty": "The query has no words."},
}


def register(parser) -> None:
    parser.add_argument("query", metavar="QUERY", help="words to find (each as a word prefix)")
    parser.add_argument("--year", type=int, help="only this year")
    parser.add_argument("--organ", help="only this organ (its id, e.g. styrelse)")
    parser.add_argument("--kind", help="only this kind of item or record")
    parser.add_argument("--limit", type=int, default=50, help="at most this many hits (default 50)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_records_arg(parser)
    add_lang_arg(parser)


def run(args) -> int:
    from finsam_tui.core.io.scan import NotARecordsFolder
    from finsam_tui.core.query.search import MARK_END, MARK_START, SearchError, search

    lang = language(args)
    w = WORDS[lang]
    try:
        hits = search(args.dir, args.query, year=args.year, organ=args.organ, kind=args.kind, limit=args.limit)
    except NotARecordsFolder:
        msg, hint = NOT_FOLDER[lang]
        print(f"finsam: {msg.format(dir=args.dir)}\n{hint}", file=sys.stderr)
        return EXIT_USAGE
    except SearchError:
        print(f"finsam search: {w['empty']}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps({"query": args.query, "hits": [h.to_json() for h in hits]}, ensure_ascii=False, indent=2))
        return EXIT_OK if hits else EXIT_FINDINGS
    if not hits:
        print(w["none"].format(query=args.query), file=sys.stderr)
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

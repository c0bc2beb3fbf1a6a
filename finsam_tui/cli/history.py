"""finsam history REF: who changed a record and when, from git (finsam_tui/core/query/history.py)."""

from __future__ import annotations

import json
import sys

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_output_args,
    language,
    not_a_records_folder,
)
from finsam_tui.cli.parser import words
from finsam_tui.core.io.load import read_settings

NAME = "history"


def register(parser) -> None:
    parser.add_argument("ref", metavar="REF", help=words(parser)["history:REF"])
    add_output_args(parser)


def run(args) -> int:
    from pathlib import Path

    from finsam_tui.core.i18n.history import Labels
    from finsam_tui.core.io.scan import is_records_folder
    from finsam_tui.core.query.history import HistoryError, history, record_path, uncommitted
    from finsam_tui.core.text import visible

    root = Path(args.dir)
    if not is_records_folder(root):
        not_a_records_folder(root, language(args))
        return EXIT_USAGE
    lang = language(args, read_settings(root))
    L = Labels(lang)
    try:
        changes = history(root, args.ref)
    except HistoryError as err:
        if err.reason == "malformed":
            print(f"finsam history: {L.fmt('history_malformed', ref=err.ref)}", file=sys.stderr)
            return EXIT_USAGE
        if err.reason == "not_git":
            print(f"finsam history: {L.fmt('history_not_git', dir=root)}", file=sys.stderr)
            print(L["history_not_git_hint"], file=sys.stderr)
        elif err.reason == "no_history":
            print(f"finsam history: {L.fmt('history_no_history', path=err.path)}", file=sys.stderr)
        else:
            print(f"finsam history: {L.fmt('history_unknown', ref=err.ref)}", file=sys.stderr)
        return EXIT_FINDINGS
    rel = record_path(root, args.ref).as_posix()
    dirty = uncommitted(root, rel)
    if args.format == "json":
        print(json.dumps({"ref": args.ref, "path": rel, "uncommitted": dirty, "count": len(changes),
                          "history": [c.to_json() for c in changes]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    # the output stream escapes control characters; a name or path is one line, so its
    # newlines are escaped here too
    print(L.fmt("history_head", ref=visible(args.ref), path=visible(rel), count=len(changes)))
    for c in changes:
        print(f"{c.date.date().isoformat()}  {c.commit[:10]}  {visible(c.author)}")
        for line in c.message.splitlines() or [""]:
            print(f"    {line}".rstrip())
        if c.path != rel:
            print(L.fmt("history_renamed", path=visible(c.path)))
    if dirty:
        print(L.fmt("history_uncommitted", path=visible(rel)))
    return EXIT_OK

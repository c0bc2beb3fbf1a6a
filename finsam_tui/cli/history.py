"""finsam history REF: who changed a record and when, from git (finsam_tui/core/query/history.py)."""

from __future__ import annotations

import json
import sys

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_output_args,
    forbund_settings,
    language,
)
from finsam_tui.core.i18n.catalogue import counted

NAME = "history"
HELP = "show who changed a record and when, with the commit messages (git log, following renames)"
DESCRIPTION = ("List the commits that changed a record's file, newest first: date, author, commit and message, "
               "following the file through renames. REF is a reference as in docs/format.md (a § shows its "
               "meeting's history, a budget line its budget's), a bare id, forbund, or a path to a record file.")
EXAMPLES = """examples:
  finsam history styrelse/2023-04-14           a meeting
  finsam history person/margareta-ekholm       a person (or just: finsam history margareta-ekholm)
  finsam history budget/2023                   a budget
  finsam history forbund                       the förbund's settings
  finsam history insats/ung-framtid --format json

exit status: 0 shown, 1 the records folder is not in git or the record has no history,
2 malformed reference
"""

def register(parser) -> None:
    parser.add_argument("ref", metavar="REF", help="the record, e.g. styrelse/2023-04-14, person/<id>, budget/2023")
    add_output_args(parser)


def run(args) -> int:
    from pathlib import Path

    from finsam_tui.cli.common import NOT_FOLDER
    from finsam_tui.core.io.scan import is_records_folder
    from finsam_tui.core.query.history import WORDS, HistoryError, history, record_path, uncommitted
    from finsam_tui.core.text import visible

    root = Path(args.dir)
    if not is_records_folder(root):
        msg, hint = NOT_FOLDER[language(args)]
        print(f"finsam: {msg.format(dir=root)}\n{hint}", file=sys.stderr)
        return EXIT_USAGE
    lang = language(args, forbund_settings(root))
    w = WORDS[lang]
    try:
        changes = history(root, args.ref)
    except HistoryError as err:
        if err.reason == "malformed":
            print(f"finsam history: {w['malformed'].format(ref=err.ref)}", file=sys.stderr)
            return EXIT_USAGE
        if err.reason == "not_git":
            print(f"finsam history: {w['not_git'].format(dir=root)}", file=sys.stderr)
            print(w["not_git_hint"], file=sys.stderr)
        elif err.reason == "no_history":
            print(f"finsam history: {w['no_history'].format(path=err.path)}", file=sys.stderr)
        else:
            print(f"finsam history: {w['unknown'].format(ref=err.ref)}", file=sys.stderr)
        return EXIT_FINDINGS
    rel = record_path(root, args.ref).as_posix()
    dirty = uncommitted(root, rel)
    if args.format == "json":
        print(json.dumps({"ref": args.ref, "path": rel, "uncommitted": dirty, "count": len(changes),
                          "history": [c.to_json() for c in changes]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    # the output stream escapes control characters; a name or path is one line, so its
    # newlines are escaped here too
    print(w["head"].format(**counted({"ref": visible(args.ref), "path": visible(rel), "count": len(changes)})))
    for c in changes:
        print(f"{c.date.date().isoformat()}  {c.commit[:10]}  {visible(c.author)}")
        for line in c.message.splitlines() or [""]:
            print(f"    {line}".rstrip())
        if c.path != rel:
            print(w["renamed"].format(path=visible(c.path)))
    if dirty:
        print(w["uncommitted"].format(path=visible(rel)))
    return EXIT_OK

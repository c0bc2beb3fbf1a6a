"""finsam correct: record a change to a locked (justerad) meeting as a rättelse."""

from __future__ import annotations

import sys

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_lang_arg,
    add_records_arg,
    language,
    open_archive,
)
from finsam_tui.cli.lock import WORDS, _meeting

NAME = "correct"
HELP = "record a change to adjusted minutes as a correction (rättelse)"
DESCRIPTION = ("After editing a locked meeting, record the change as a correction: date, by whom, what and why. "
               "The protocol export prints the corrections.")
EXAMPLES = """examples:
  finsam correct styrelse/2023-04-14 --by johanna-lilja \\
      --what "§17: stavning av utvärderarens namn" --why "skrivfel i justerat protokoll"

exit status: 0 recorded, 1 nothing changed since the lock, 2 usage error
"""


def register(parser) -> None:
    parser.add_argument("ref", metavar="REF", help="the meeting, e.g. styrelse/2023-04-14")
    parser.add_argument("--by", required=True, metavar="ID", help="who makes the correction (a person id)")
    parser.add_argument("--what", required=True, help="what was changed")
    parser.add_argument("--why", required=True, help="why")
    parser.add_argument("--date", default="idag", help="date of the correction (default: today)")
    add_records_arg(parser)
    add_lang_arg(parser)


def run(args) -> int:
    from finsam_tui.core.check.protocol_lock import correct, expected_fingerprint, fingerprint
    from finsam_tui.core.dates import DateError, parse_date
    from finsam_tui.core.io.tomledit import rewrite

    archive = open_archive(args)
    if archive is None:
        return EXIT_USAGE
    w = WORDS[language(args, archive.settings)]
    m = _meeting(archive, args.ref, w)
    if m is None:
        return EXIT_USAGE
    try:
        date = parse_date(args.date)
    except DateError as exc:
        print(f"finsam correct: {w['bad_date'].format(error=exc)}", file=sys.stderr)
        return EXIT_USAGE
    if args.by not in archive.persons:
        print(f"finsam correct: {w['bad_person'].format(person=args.by)}", file=sys.stderr)
        return EXIT_USAGE
    expected = expected_fingerprint(m.data)
    if expected is None:
        print(f"finsam correct: {w['not_locked'].format(ref=m.id)}", file=sys.stderr)
        return EXIT_USAGE
    if fingerprint(m.data) == expected:
        print(f"finsam correct: {w['unchanged'].format(ref=m.id)}", file=sys.stderr)
        return EXIT_FINDINGS
    rewrite(m.path, lambda data: correct(data, date, args.by, args.what, args.why))
    print(w["corrected"].format(ref=m.id))
    return EXIT_OK

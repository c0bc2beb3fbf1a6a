"""finsam correct: record a change to a locked (justerad) meeting as a rättelse (``core/ops/correct``,
as the editor's rättelse dialog does)."""

from __future__ import annotations

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_lang_arg,
    add_records_arg,
    language,
    open_archive,
)
from finsam_tui.cli.lock import named_meeting, say

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
    from finsam_tui.core.dates import DateError, parse_date
    from finsam_tui.core.i18n.ops import Words
    from finsam_tui.core.io.saving import SaveConflict
    from finsam_tui.core.ops.correct import Correction, CorrectionRefused, correct_file

    archive = open_archive(args)
    if archive is None:
        return EXIT_USAGE
    lang = language(args, archive.settings)
    w = Words(lang)
    m = named_meeting(archive, args.ref, NAME, lang)
    if m is None:
        return EXIT_USAGE
    try:
        date = parse_date(args.date)
    except DateError:
        say(NAME, w.fmt("bad_date", text=args.date))
        return EXIT_USAGE
    try:
        correct_file(m.path, Correction(date, args.by, args.what, args.why), archive.persons)
    except CorrectionRefused as refused:
        if refused.reason == "unknown_person":
            say(NAME, w.fmt("bad_person", person=args.by))
            return EXIT_USAGE
        if refused.reason == "not_locked":
            say(NAME, w.fmt("not_locked", ref=m.id))
            return EXIT_USAGE
        say(NAME, w.fmt("unchanged", ref=m.id))
        return EXIT_FINDINGS
    except SaveConflict as exc:
        say(NAME, w.fmt("not_written", ref=m.id, reason=str(exc) if lang == "en" else exc.message_sv))
        return EXIT_FINDINGS
    except (OSError, ValueError) as exc:
        say(NAME, w.fmt("not_written", ref=m.id, reason=exc))
        return EXIT_FINDINGS
    print(w.fmt("corrected", ref=m.id))
    return EXIT_OK

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
from finsam_tui.cli.lock import named_meeting, not_written, say
from finsam_tui.cli.parser import words

NAME = "correct"


def register(parser) -> None:
    H = words(parser)
    parser.add_argument("ref", metavar="REF", help=H["correct:REF"])
    parser.add_argument("--by", required=True, metavar="ID", help=H["correct:--by"])
    parser.add_argument("--what", required=True, help=H["correct:--what"])
    parser.add_argument("--why", required=True, help=H["correct:--why"])
    parser.add_argument("--date", default="idag", help=H["correct:--date"])
    add_records_arg(parser)
    add_lang_arg(parser)


def run(args) -> int:
    from finsam_tui.core.dates import DateError, parse_date
    from finsam_tui.core.i18n.cli import Labels
    from finsam_tui.core.io.saving import SaveConflict
    from finsam_tui.core.ops.correct import Correction, CorrectionRefused, correct_file

    archive = open_archive(args)
    if archive is None:
        return EXIT_USAGE
    lang = language(args, archive.settings)
    L = Labels(lang)
    m = named_meeting(archive, args.ref, NAME, lang)
    if m is None:
        return EXIT_USAGE
    try:
        date = parse_date(args.date)
    except DateError as exc:
        say(NAME, exc.message(lang))
        return EXIT_USAGE
    try:
        correct_file(m.path, Correction(date, args.by, args.what, args.why), archive.persons, archive.ctx, m.id)
    except CorrectionRefused as refused:
        if refused.reason == "unknown_person":
            say(NAME, L.fmt("correct.bad_person", person=args.by))
            return EXIT_USAGE
        if refused.reason == "not_locked":
            say(NAME, L.fmt("correct.not_locked", ref=m.id))
            return EXIT_USAGE
        if refused.reason in ("empty_what", "empty_why", "before_meeting", "in_future"):
            say(NAME, L.fmt(f"correct.{refused.reason}", **refused.params))
            return EXIT_USAGE
        say(NAME, L.fmt("correct.unchanged", ref=m.id))
        return EXIT_FINDINGS
    except (SaveConflict, OSError, ValueError) as exc:
        not_written(NAME, m.id, exc, lang)
        return EXIT_FINDINGS
    print(L.fmt("correct.done", ref=m.id))
    return EXIT_OK

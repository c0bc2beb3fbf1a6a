"""finsam lock: adjusted (justerade) minutes are fixed with a fingerprint; changes only as
corrections (finsam correct).

Locking is ``core/ops/lock``, the same function as the editor's "Spara och lås". Also here,
shared with finsam correct: the meeting a reference on the command line names (the one
resolver, ``core/query/lookup``; else a message naming the nearest one) and the way a refusal
is said.
"""

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

NAME = "lock"
HELP = "fix the content of adjusted (justerade) meetings with a fingerprint"
DESCRIPTION = ("Write the content fingerprint of a justerad or anslagen meeting into [justering]. From then on "
               "`finsam validate` reports any change that is not recorded as a correction (finsam correct).")
EXAMPLES = """examples:
  finsam lock styrelse/2023-04-14        lock one meeting
  finsam lock --all                      lock every adjusted meeting that is not locked yet

exit status: 0 locked (or already), 1 the meeting has errors or changed since it was locked,
2 usage error (unknown meeting, not adjusted, not a records folder)
"""


def register(parser) -> None:
    parser.add_argument("ref", metavar="REF", nargs="?", help="the meeting, e.g. styrelse/2023-04-14")
    parser.add_argument("--all", action="store_true", help="every adjusted meeting that is not locked yet")
    add_records_arg(parser)
    add_lang_arg(parser)


def say(command: str, message: str, findings=(), lang: str = "sv") -> None:
    """A refusal on stderr: "finsam <command>: message", then the findings behind it."""
    from finsam_tui.core.text import visible

    print(f"finsam {command}: {message}", file=sys.stderr)
    for f in findings:
        print(f"  {visible(f.file)}:{f.line or 1}: {f.code} {visible(f.message(lang))}", file=sys.stderr)


def named_meeting(archive, ref: str, command: str, lang: str):
    """The meeting ref names (``core/query/lookup.find_meeting``, the one resolver), or None
    after saying why not: no such meeting (naming the nearest one), not a meeting reference,
    or a file that cannot be read (with its errors)."""
    from finsam_tui.core.i18n.ops import Words
    from finsam_tui.core.query.lookup import RefError
    from finsam_tui.core.query.lookup import find_meeting as resolve_meeting

    w = Words(lang)
    try:
        return resolve_meeting(archive, ref)
    except RefError as err:
        if err.code == "unreadable":
            errors = [f for f in archive.findings if f.file == err.rel and f.severity == "error"]
            say(command, w.fmt("unreadable", ref=ref), errors, lang)
        elif err.code == "unknown":
            hint = w.fmt("nearest", nearest=err.nearest) if err.nearest else w["no_meetings"]
            say(command, w.fmt("unknown", ref=ref) + "\n" + hint)
        else:
            say(command, w.fmt("not_a_meeting", ref=ref))
    return None


def run(args) -> int:
    from finsam_tui.core.i18n.ops import Words
    from finsam_tui.core.io.saving import SaveConflict
    from finsam_tui.core.ops.lock import ALREADY, LockRefused, awaits_lock, lock_errors, lock_file

    archive = open_archive(args)
    if archive is None:
        return EXIT_USAGE
    lang = language(args, archive.settings)
    w = Words(lang)
    if args.all == bool(args.ref):
        say(NAME, w["need_ref"])
        return EXIT_USAGE
    if args.all:
        todo = [m for m in archive.meetings.values() if awaits_lock(m.data)]
        if not todo:
            print(w["none"])
            return EXIT_OK
    else:
        m = named_meeting(archive, args.ref, NAME, lang)
        if m is None:
            return EXIT_USAGE
        todo = [m]
    status = EXIT_OK
    for m in sorted(todo, key=lambda r: r.id):
        try:
            outcome, _snap = lock_file(m.path, lock_errors(archive.findings, m.rel))
        except LockRefused as refused:
            if refused.reason == "not_adjusted":
                say(NAME, w.fmt("not_adjusted", ref=m.id, state=refused.state))
                return EXIT_USAGE
            if refused.reason == "changed":
                say(NAME, w.fmt("changed", ref=m.id))
            else:
                say(NAME, w.fmt("errors", ref=m.id), refused.errors, lang)
            status = EXIT_FINDINGS
            continue
        except SaveConflict as exc:
            say(NAME, w.fmt("not_written", ref=m.id, reason=str(exc) if lang == "en" else exc.message_sv))
            status = EXIT_FINDINGS
            continue
        except (OSError, ValueError) as exc:
            say(NAME, w.fmt("not_written", ref=m.id, reason=exc))
            status = EXIT_FINDINGS
            continue
        print(w.fmt("already" if outcome == ALREADY else "locked", ref=m.id))
    return status

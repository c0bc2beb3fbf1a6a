"""finsam lock: adjusted (justerade) minutes are fixed with a fingerprint and their printed
names frozen; changes only as corrections (finsam correct). ``--upgrade`` rewrites a legacy
fingerprint, ``--freeze-names`` adds the names to a meeting locked without them.

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
from finsam_tui.cli.parser import words

NAME = "lock"


def register(parser) -> None:
    H = words(parser)
    parser.add_argument("ref", metavar="REF", nargs="?", help=H["lock:REF"])
    parser.add_argument("--all", action="store_true", help=H["lock:--all"])
    parser.add_argument("--upgrade", action="store_true", help=H["lock:--upgrade"])
    parser.add_argument("--freeze-names", action="store_true", help=H["lock:--freeze-names"])
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
    from finsam_tui.core.check.findings import errors_in
    from finsam_tui.core.i18n.cli import Labels
    from finsam_tui.core.query.lookup import RefError
    from finsam_tui.core.query.lookup import find_meeting as resolve_meeting

    L = Labels(lang)
    try:
        return resolve_meeting(archive, ref)
    except RefError as err:
        if err.code == "unreadable":
            say(command, L.fmt("meeting.unreadable", ref=ref), errors_in(archive.findings, err.rel), lang)
        elif err.code == "unknown":
            hint = L.fmt("meeting.nearest", nearest=err.nearest) if err.nearest else L["meeting.no_meetings"]
            say(command, L.fmt("meeting.unknown", ref=ref) + "\n" + hint)
        else:
            say(command, L.fmt("meeting.not_a_meeting", ref=ref))
    return None


def not_written(command: str, ref: str, exc: Exception, lang: str) -> None:
    """Say that the file of meeting ref was not written: changed meanwhile, or the file system's reason;
    or that it was, but another program's version of it was kept as a conflict copy meanwhile."""
    from finsam_tui.core.i18n.cli import Labels
    from finsam_tui.core.io.saving import SaveConflict

    if isinstance(exc, SaveConflict) and exc.copy is not None:
        say(command, exc.text(lang))
        return
    reason = exc.text(lang) if isinstance(exc, SaveConflict) else str(exc)
    say(command, Labels(lang).fmt("meeting.not_written", ref=ref, reason=reason))


def run(args) -> int:
    from finsam_tui.core.check.protocol_lock import expected_fingerprint
    from finsam_tui.core.i18n.cli import Labels
    from finsam_tui.core.io.saving import SaveConflict
    from finsam_tui.core.ops.lock import (
        ALREADY,
        LockRefused,
        awaits_lock,
        freeze_file,
        lock_errors,
        lock_file,
        upgrade_file,
    )

    archive = open_archive(args)
    if archive is None:
        return EXIT_USAGE
    lang = language(args, archive.settings)
    L = Labels(lang)
    if args.all == bool(args.ref):
        say(NAME, L["lock.need_ref"])
        return EXIT_USAGE
    if args.upgrade and args.freeze_names:
        say(NAME, L["lock.one_mode"])
        return EXIT_USAGE
    relock = args.upgrade or args.freeze_names
    if args.all:
        todo = [m for m in archive.meetings.values()
                if (expected_fingerprint(m.data) is not None if relock else awaits_lock(m.data))]
        if not todo:
            print(L["lock.none"])
            return EXIT_OK
    else:
        m = named_meeting(archive, args.ref, NAME, lang)
        if m is None:
            return EXIT_USAGE
        todo = [m]
    if args.upgrade:
        act, done, already = (lambda m: upgrade_file(m.path)), "lock.upgraded", "lock.current"
    elif args.freeze_names:
        act, done, already = (lambda m: freeze_file(m.path, archive.ctx, m.id)), "lock.frozen", "lock.already_frozen"
    else:
        act, done, already = ((lambda m: lock_file(m.path, lock_errors(archive.findings, m.rel), archive.ctx, m.id)),
                              "lock.locked", "lock.already")
    status = EXIT_OK
    for m in sorted(todo, key=lambda r: r.id):
        try:
            outcome, _snap = act(m)
        except LockRefused as refused:
            if refused.reason in ("not_adjusted", "not_locked"):
                say(NAME, L.fmt(f"lock.{refused.reason}", ref=m.id, state=refused.state))
                return EXIT_USAGE
            if refused.reason in ("changed", "lost"):
                say(NAME, L.fmt(f"lock.{refused.reason}", ref=m.id))
            else:
                say(NAME, L.fmt("lock.errors", ref=m.id), refused.errors, lang)
            status = EXIT_FINDINGS
            continue
        except (SaveConflict, OSError, ValueError) as exc:
            not_written(NAME, m.id, exc, lang)
            status = EXIT_FINDINGS
            continue
        print(L.fmt(already if outcome == ALREADY else done, ref=m.id))
    return status

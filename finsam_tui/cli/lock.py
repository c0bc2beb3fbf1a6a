"""finsam lock and finsam correct: adjusted minutes are fixed; changes only as corrections."""

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

WORDS = {
    "sv": {
        "locked": "Låst: {ref}", "already": "Redan låst: {ref}", "none": "Inga justerade möten att låsa.",
        "unknown": "Okänt möte {ref!r}.", "not_adjusted": "{ref} är inte justerat (status {state}).",
        "errors": "{ref} har fel och låses inte:", "changed": "{ref} har ändrats sedan det låstes; skriv ändringen "
        "som rättelse med finsam correct {ref} --by ID --what … --why …",
        "unchanged": "{ref} har inte ändrats sedan låsningen: det finns inget att rätta.",
        "not_locked": "{ref} är inte låst: kör finsam lock {ref} först.", "corrected": "Rättelse införd: {ref}",
        "bad_date": "Ogiltigt datum: {error}", "bad_person": "Okänd person {person!r}.",
    },
    "en": {
        "locked": "Locked: {ref}", "already": "Already locked: {ref}", "none": "No adjusted meetings to lock.",
        "unknown": "Unknown meeting {ref!r}.", "not_adjusted": "{ref} is not adjusted (state {state}).",
        "errors": "{ref} has errors and is not locked:", "changed": "{ref} changed since it was locked; record "
        "the change as a correction with finsam correct {ref} --by ID --what … --why …",
        "unchanged": "{ref} has not changed since it was locked: there is nothing to correct.",
        "not_locked": "{ref} is not locked: run finsam lock {ref} first.", "corrected": "Correction recorded: {ref}",
        "bad_date": "Invalid date: {error}", "bad_person": "Unknown person {person!r}.",
    },
}


def register(parser) -> None:
    parser.add_argument("ref", metavar="REF", nargs="?", help="the meeting, e.g. styrelse/2023-04-14")
    parser.add_argument("--all", action="store_true", help="every adjusted meeting that is not locked yet")
    add_records_arg(parser)
    add_lang_arg(parser)


def _meeting(archive, ref: str, w: dict):
    m = archive.meetings.get(ref.strip())
    if m is None:
        print(f"finsam: {w['unknown'].format(ref=ref)}", file=sys.stderr)
    return m


def _errors(archive, m) -> list:
    return [f for f in archive.findings if f.file == m.rel and f.severity == "error" and f.code != "FS326"]


def run(args) -> int:
    from finsam_tui.core.check.protocol_lock import expected_fingerprint, fingerprint, is_locked, lock
    from finsam_tui.core.io.tomledit import rewrite
    from finsam_tui.core.text import visible

    archive = open_archive(args)
    if archive is None:
        return EXIT_USAGE
    lang = language(args, archive.settings)
    w = WORDS[lang]
    if args.all == bool(args.ref):
        print("finsam lock: give REF or --all", file=sys.stderr)
        return EXIT_USAGE
    if args.all:
        todo = [m for m in archive.meetings.values() if is_locked(m.data) and expected_fingerprint(m.data) is None]
        if not todo:
            print(w["none"])
            return EXIT_OK
    else:
        m = _meeting(archive, args.ref, w)
        if m is None:
            return EXIT_USAGE
        if not is_locked(m.data):
            print(f"finsam lock: {w['not_adjusted'].format(ref=m.id, state=m.data.get('state'))}", file=sys.stderr)
            return EXIT_USAGE
        expected = expected_fingerprint(m.data)
        if expected is not None:
            if fingerprint(m.data) == expected:
                print(w["already"].format(ref=m.id))
                return EXIT_OK
            print(f"finsam lock: {w['changed'].format(ref=m.id)}", file=sys.stderr)
            return EXIT_FINDINGS
        todo = [m]
    status = EXIT_OK
    for m in sorted(todo, key=lambda r: r.id):
        errors = _errors(archive, m)
        if errors:
            print(f"finsam lock: {w['errors'].format(ref=m.id)}", file=sys.stderr)
            for f in errors:
                print(f"  {visible(f.file)}:{f.line or 1}: {f.code} {visible(f.message(lang))}", file=sys.stderr)
            status = EXIT_FINDINGS
            continue
        rewrite(m.path, lock)
        print(w["locked"].format(ref=m.id))
    return status

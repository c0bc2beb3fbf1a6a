"""finsam fmt: canonical formatting of record files (finsam_tui/core/ops/canonical.py does the work)."""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    NOT_FOLDER,
    add_lang_arg,
    add_records_arg,
    forbund_settings,
    language,
)
from finsam_tui.core.i18n.catalogue import counted

NAME = "fmt"
HELP = "format record files the canonical way (key order, arrays, strings); --check only reports"
DESCRIPTION = ("Rewrite record files in their canonical form: keys in the order of the record definition "
               "(unknown keys after the known ones), consistent arrays and strings, one newline at the end. "
               "Comments are kept and move with the key or table they stand above; the data never changes, "
               "so locked meetings stay locked. A file with a syntax error is left alone and reported. "
               "PATH is a record file or a folder (default: the records folder).")
EXAMPLES = """examples:
  finsam fmt                                   format every record in ./records
  finsam fmt --check                           list the files that would change (for CI and pre-commit)
  finsam fmt --check --diff                    ... and show how they would change
  finsam fmt records/personer/anna-lindqvist.toml

exit status: 0 formatted (or nothing to change), 1 --check found files to change or a file could not
be formatted (syntax error), 2 usage error (no such file, not a records folder)
"""

WORDS = {
    "sv": {"would": "skulle formateras: {path}", "done": "formaterad: {path}",
           "summary_check": "{changed} av {total} {total:fil|filer} skulle formateras",
           "summary": "{changed} av {total} {total:fil|filer} {changed:formaterad|formaterade}",
           "clean": "Alla {total} {total:fil|filer} är redan formaterade",
           "clean_one": "Filen är redan formaterad",
           "syntax": "{where}: fel: {reason}; filen formateras inte",
           "conflict": "{path}: ändrades under tiden; filen formateras inte", "missing": "{path} finns inte",
           "unreadable": "{path}: kan inte läsas ({reason}); filen formateras inte",
           "failed": "{n} {n:fil|filer} kunde inte formateras"},
    "en": {"would": "would reformat: {path}", "done": "reformatted: {path}",
           "summary_check": "{changed} of {total} {total:file|files} would be reformatted",
           "summary": "{changed} of {total} {total:file|files} reformatted",
           "clean": "All {total} {total:file|files} are already formatted",
           "clean_one": "The file is already formatted",
           "syntax": "{where}: error: {reason}; not formatted",
           "conflict": "{path}: changed meanwhile; not formatted", "missing": "{path} does not exist",
           "unreadable": "{path}: cannot be read ({reason}); not formatted",
           "failed": "{n} {n:file|files} could not be formatted"},
}


def register(parser) -> None:
    parser.add_argument("paths", metavar="PATH", nargs="*", help="record files or folders (default: the records folder)")
    parser.add_argument("--check", action="store_true", help="change nothing; list the files that would change, exit 1 if any")
    parser.add_argument("--diff", action="store_true", help="with --check: show the changes as a unified diff")
    add_records_arg(parser)
    add_lang_arg(parser)


def display(path: Path) -> str:
    rel = os.path.relpath(path)
    return Path(rel).as_posix() if not rel.startswith("..") else str(path)


def records_root(path: Path) -> Path | None:
    """The records folder (the nearest folder with forbund.toml) a file lies in, if any."""
    from finsam_tui.core.io.scan import is_records_folder

    for folder in [path.parent, *path.parent.parents]:
        if is_records_folder(folder):
            return folder
    return None


def kind_of(path: Path) -> str | None:
    from finsam_tui.core.records.layout import classify

    root = records_root(path)
    if root is None:
        return None
    kind, _id, problem = classify(tuple(path.relative_to(root).parts))
    return None if problem else kind


def collect(args, w: dict) -> list[Path] | None:
    from finsam_tui.core.io.scan import is_records_folder, record_files

    if not args.paths:
        root = Path(args.dir)
        if not is_records_folder(root):
            msg, hint = NOT_FOLDER[language(args)]
            print(f"finsam: {msg.format(dir=root)}\n{hint}", file=sys.stderr)
            return None
        return [Path(p) for p in record_files(root)]  # never a link out of the folder
    out: list[Path] = []
    for raw in args.paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(Path(x) for x in record_files(p))
        elif p.is_file():
            out.append(p)
        else:
            print(f"finsam fmt: {w['missing'].format(path=raw)}", file=sys.stderr)
            return None
    seen: set = set()
    return [p for p in out if not (p.resolve() in seen or seen.add(p.resolve()))]


def run(args) -> int:
    from finsam_tui.core.io.saving import SaveConflict, read_snapshot, save_text
    from finsam_tui.core.ops.canonical import FormatError, format_text

    lang = language(args, forbund_settings(args.dir))
    w = WORDS[lang]
    files = collect(args, w)
    if files is None:
        return EXIT_USAGE
    changed = failed = 0
    for path in files:
        shown = display(path)
        try:
            snap = read_snapshot(path)
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"finsam fmt: {w['unreadable'].format(path=shown, reason=reason)}", file=sys.stderr)
            failed += 1
            continue
        try:
            new = format_text(snap.text, kind_of(path))
        except FormatError as exc:
            where = shown + (f":{exc.line}:{exc.column or 1}" if exc.line else "")
            print(f"finsam fmt: {w['syntax'].format(where=where, reason=exc.message)}", file=sys.stderr)
            failed += 1
            continue
        if new == snap.text:
            continue
        changed += 1
        if args.check:
            print(w["would"].format(path=shown))
            if args.diff:
                sys.stdout.writelines(difflib.unified_diff(
                    snap.text.splitlines(True), new.splitlines(True), f"a/{shown}", f"b/{shown}"))
            continue
        try:
            save_text(path, new, snap.sha256)
        except SaveConflict:
            print(f"finsam fmt: {w['conflict'].format(path=shown)}", file=sys.stderr)
            failed += 1
            changed -= 1
            continue
        print(w["done"].format(path=shown))
    n = counted({"changed": changed, "total": len(files)})
    if changed:
        print(w["summary_check" if args.check else "summary"].format(**n), file=sys.stderr)
    elif not failed:
        print(w["clean_one" if len(files) == 1 else "clean"].format(**n), file=sys.stderr)
    if failed:
        print(f"finsam fmt: {w['failed'].format(**counted({'n': failed}))}", file=sys.stderr)
    return EXIT_FINDINGS if failed or (args.check and changed) else EXIT_OK

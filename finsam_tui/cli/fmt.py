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
    add_lang_arg,
    add_records_arg,
    language,
    not_a_records_folder,
)
from finsam_tui.cli.parser import words
from finsam_tui.core.i18n.cli import Labels
from finsam_tui.core.io.load import read_settings

NAME = "fmt"


def register(parser) -> None:
    H = words(parser)
    parser.add_argument("paths", metavar="PATH", nargs="*", help=H["fmt:PATH"])
    parser.add_argument("--check", action="store_true", help=H["fmt:--check"])
    parser.add_argument("--diff", action="store_true", help=H["fmt:--diff"])
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


def collect(args, L: Labels) -> list[Path] | None:
    from finsam_tui.core.io.scan import is_records_folder, record_files

    if not args.paths:
        root = Path(args.dir)
        if not is_records_folder(root):
            not_a_records_folder(root, language(args))
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
            print(f"finsam fmt: {L.fmt('fmt.missing', path=raw)}", file=sys.stderr)
            return None
    seen: set = set()
    return [p for p in out if not (p.resolve() in seen or seen.add(p.resolve()))]


def run(args) -> int:
    from finsam_tui.core.io.saving import SaveConflict, read_snapshot, save_text
    from finsam_tui.core.ops.canonical import FormatError, format_text

    lang = language(args, read_settings(args.dir))
    L = Labels(lang)
    files = collect(args, L)
    if files is None:
        return EXIT_USAGE
    changed = failed = 0
    for path in files:
        shown = display(path)
        try:
            snap = read_snapshot(path)
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"finsam fmt: {L.fmt('fmt.unreadable', path=shown, reason=reason)}", file=sys.stderr)
            failed += 1
            continue
        try:
            new = format_text(snap.text, kind_of(path))
        except FormatError as exc:
            where = shown + (f":{exc.line}:{exc.column or 1}" if exc.line else "")
            print(f"finsam fmt: {L.fmt('fmt.syntax', where=where, reason=exc.message)}", file=sys.stderr)
            failed += 1
            continue
        if new == snap.text:
            continue
        changed += 1
        if args.check:
            print(L.fmt("fmt.would", path=shown))
            if args.diff:
                sys.stdout.writelines(difflib.unified_diff(
                    snap.text.splitlines(True), new.splitlines(True), f"a/{shown}", f"b/{shown}"))
            continue
        try:
            save_text(path, new, snap.sha256)
        except SaveConflict as exc:
            if exc.copy is not None:  # formatted; another program's version kept as a copy
                print(f"finsam fmt: {L.fmt('fmt.copied', path=shown, copy=display(exc.copy))}", file=sys.stderr)
            else:
                key = "fmt.gone" if exc.reason == "missing" else "fmt.conflict"
                print(f"finsam fmt: {L.fmt(key, path=shown)}", file=sys.stderr)
                changed -= 1
            failed += 1
            continue
        print(L.fmt("fmt.done", path=shown))
    n = {"changed": changed, "total": len(files)}
    if changed:
        print(L.fmt("fmt.summary_check" if args.check else "fmt.summary", **n), file=sys.stderr)
    elif not failed:
        print(L.fmt("fmt.clean_one" if len(files) == 1 else "fmt.clean", **n), file=sys.stderr)
    if failed:
        print(f"finsam fmt: {L.fmt('fmt.failed', n=failed)}", file=sys.stderr)
    return EXIT_FINDINGS if failed or (args.check and changed) else EXIT_OK

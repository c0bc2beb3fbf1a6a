"""finsam validate: every finding, compiler-style, or as JSON; with --git also the git witness's
(as ``finsam verify``: ``core/check/git_witness``)."""

from __future__ import annotations

import json
import os
import re
import sys

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_format_arg,
    add_lang_arg,
    add_records_arg,
    language,
    open_records,
)
from finsam_tui.cli.parser import words
from finsam_tui.core.check.findings import Finding, counts
from finsam_tui.core.i18n.cli import Labels
from finsam_tui.core.text import visible, write_raw

NAME = "validate"

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[^\s,\]\}=]+')
_COLOR = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m"}
_RESET = "\x1b[0m"


def register(parser) -> None:
    add_records_arg(parser, positional=True)
    add_format_arg(parser)
    add_lang_arg(parser)
    parser.add_argument("--git", action="store_true", help=words(parser)["validate:--git"])


def run(args) -> int:
    result = open_records(args, need_archive=False)
    if result is None:
        return EXIT_USAGE
    lang = language(args, result.settings)
    findings = result.findings
    witnessed = None
    if args.git:
        from finsam_tui.core.check.git_witness import witness

        witnessed = witness(args.dir)
        findings = sorted(findings + witnessed.findings, key=Finding.sort_key)
    c = counts(findings)
    c["checked"] = result.files_checked
    if args.format == "json":
        from finsam_tui.cli.verify import finding_json, git_json

        report = {"findings": [finding_json(f, lang) for f in findings], "counts": c}
        if witnessed is not None:
            report["git"] = git_json(witnessed)
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        out = sys.stdout
        color = out.isatty() and not os.environ.get("NO_COLOR")
        write_text(findings, lang, out, color)
        L = Labels(lang)
        if witnessed is not None:
            from finsam_tui.cli.verify import notes

            if findings:
                print(file=out)
            for note in notes(witnessed, L, lang):
                print(note, file=out)
        print(L.fmt("validate.summary" if findings else "validate.clean", **c), file=out)
    return EXIT_FINDINGS if c["errors"] else EXIT_OK


def write_text(findings: list[Finding], lang: str, out, color: bool = False) -> None:
    L = Labels(lang)
    current = None
    for f in findings:
        if f.file != current:
            if current is not None:
                print(file=out)
            current = f.file
        where = f"{visible(f.file)}:{f.line}:{f.column or 1}" if f.line else visible(f.file)
        # file names, messages and source lines are escaped here (a newline too: each is one
        # line); the colour codes are ours and pass the escaping of the output stream
        out.write(f"{where}: ")
        if color:
            write_raw(out, _COLOR[f.severity])
        out.write(L[f"validate.{f.severity}"])
        if color:
            write_raw(out, _RESET)
        print(f" {f.code}: {visible(f.message(lang))}", file=out)
        if f.source_line is not None and f.line:
            num = str(f.line)
            src = f.source_line.replace("\t", " ")
            col = max(1, f.column or 1)
            m = _TOKEN.match(src, col - 1)
            width = max(1, len(visible(m.group())) if m else 1)
            print(f" {num} | {visible(src)}", file=out)
            print(f" {' ' * len(num)} | {' ' * len(visible(src[:col - 1]))}{'^' * min(width, 60)}", file=out)
        print(f"  {L['validate.hint']}: {visible(f.hint(lang))}", file=out)
        for p in f.related:
            where = f"{visible(p.file)}:{p.line}:{p.column or 1}" if p.line else visible(p.file)
            print(f"  {L['validate.related']}: {where}", file=out)

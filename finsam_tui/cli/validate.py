"""finsam validate: every finding, compiler-style, or as JSON."""

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


def run(args) -> int:
    result = open_records(args, need_archive=False)
    if result is None:
        return EXIT_USAGE
    lang = language(args, result.settings)
    findings = result.findings
    c = counts(findings)
    c["checked"] = result.files_checked
    if args.format == "json":
        print(json.dumps({"findings": [f.to_json(lang) for f in findings], "counts": c},
                         ensure_ascii=False, indent=2, default=str))
    else:
        out = sys.stdout
        color = out.isatty() and not os.environ.get("NO_COLOR")
        write_text(findings, lang, out, color)
        print(Labels(lang).fmt("validate.summary" if findings else "validate.clean", **c), file=out)
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

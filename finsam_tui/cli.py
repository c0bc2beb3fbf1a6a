"""The command line: ``finsam validate`` and friends. A thin front end on the core."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

from . import __version__
from .findings import Finding
from .loader import NotARecordsFolder
from .validate import counts, load_archive

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

WORDS = {
    "sv": {"error": "fel", "warning": "varning", "hint": "tips", "related": "se även",
           "not_folder": "{dir} är ingen arkivmapp för finsam (forbund.toml saknas).",
           "not_folder_hint": "Ange mappen med forbund.toml, t.ex. finsam validate records",
           "summary": "{errors} fel, {warnings} varningar i {files} filer ({checked} filer kontrollerade)",
           "clean": "Inga fel eller varningar ({checked} filer kontrollerade)"},
    "en": {"error": "error", "warning": "warning", "hint": "hint", "related": "see also",
           "not_folder": "{dir} is not a finsam records folder (forbund.toml is missing).",
           "not_folder_hint": "Name the folder that holds forbund.toml, e.g. finsam validate records",
           "summary": "{errors} errors, {warnings} warnings in {files} files ({checked} files checked)",
           "clean": "No errors or warnings ({checked} files checked)"},
}

EPILOG = """examples:
  finsam validate                    check ./records
  finsam validate records --lang en  English messages
  finsam validate --format json      machine-readable findings for CI
"""

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[^\s,\]\}=]+')


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="finsam", description="Records of a Samordningsförbund as plain TOML files.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"finsam {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    v = sub.add_parser("validate", help="check every record and report findings like a compiler",
                       formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
                       description="Check syntax, schema, references and the rules of the domain.")
    v.add_argument("dir", nargs="?", default="records", help="the records folder (default: ./records)")
    v.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    v.add_argument("--lang", choices=("sv", "en"), help="language of messages (default: the förbund's)")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # e.g. `finsam validate | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    if args.command == "validate":
        return cmd_validate(args)
    parser.error(f"unknown command {args.command}")  # pragma: no cover
    return EXIT_USAGE


def _lang(args, settings: dict | None = None) -> str:
    return args.lang or os.environ.get("FINSAM_LANG") or (settings or {}).get("language") or "sv"


def cmd_validate(args) -> int:
    root = Path(args.dir)
    try:
        archive = load_archive(root)
    except NotARecordsFolder:
        w = WORDS[_lang(args) if _lang(args) in WORDS else "sv"]
        print(f"finsam: {w['not_folder'].format(dir=root)}\n{w['not_folder_hint']}", file=sys.stderr)
        return EXIT_USAGE
    lang = _lang(args, archive.settings)
    lang = lang if lang in WORDS else "sv"
    findings = archive.findings
    c = counts(findings)
    c["checked"] = archive.files_checked
    if args.format == "json":
        print(json.dumps({"findings": [f.to_json(lang) for f in findings], "counts": c},
                         ensure_ascii=False, indent=2, default=str))
    else:
        out = sys.stdout
        color = out.isatty() and not os.environ.get("NO_COLOR")
        write_text(findings, lang, out, color)
        w = WORDS[lang]
        print(w["summary"].format(**c) if findings else w["clean"].format(**c), file=out)
    return EXIT_FINDINGS if c["errors"] else EXIT_OK


def write_text(findings: list[Finding], lang: str, out, color: bool = False) -> None:
    w = WORDS[lang]
    current = None
    for f in findings:
        if f.file != current:
            if current is not None:
                print(file=out)
            current = f.file
        sev = w[f.severity]
        if color:
            sev = ("\x1b[1;31m" if f.severity == "error" else "\x1b[1;33m") + sev + "\x1b[0m"
        where = f"{f.file}:{f.line or 1}:{f.column or 1}"
        print(f"{where}: {sev} {f.code}: {f.message(lang)}", file=out)
        if f.source_line is not None and f.line:
            num = str(f.line)
            pad = " " * len(num)
            src = f.source_line.replace("\t", " ")
            col = max(1, f.column or 1)
            m = _TOKEN.match(src, col - 1)
            width = max(1, len(m.group()) if m else 1)
            print(f" {num} | {src}", file=out)
            print(f" {pad} | {' ' * (col - 1)}{'^' * min(width, 60)}", file=out)
        print(f"  {w['hint']}: {f.hint(lang)}", file=out)
        for p in f.related:
            print(f"  {w['related']}: {p.file}:{p.line or 1}:{p.column or 1}", file=out)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""finsam export: protocols, agendas, extracts, budgets and the decision register as Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from finsam_tui.cli.common import EXIT_OK, EXIT_USAGE, add_lang_arg, add_records_arg, language, open_archive

NAME = "export"
HELP = "write protocols, agendas, extracts, budgets and the decision register as Markdown"
DESCRIPTION = ("Export records as Markdown (CommonMark with tables): the documents an office puts on the "
               "notice board and in the archive. Output goes to stdout unless -o FILE is given.")
EXAMPLES = """examples:
  finsam export protocol styrelse/2023-04-14             the minutes of a meeting
  finsam export agenda styrelse/2023-04-14 -o kallelse.md   notice and agenda, to a file
  finsam export extract styrelse/2023-04-14 §17 §20a     protokollsutdrag of two paragraphs
  finsam export budget 2023 --lang en                    every budget version side by side
  finsam export decisions --year 2023 --organ styrelse   the register of decisions
  finsam export all --out export                         everything, with an index.md

A meeting whose records have errors is refused (exit 1) unless --draft, which marks the
document UTKAST.

exit status: 0 written, 1 the records behind the document have errors, 2 usage error
(unknown meeting, §, year or organ; a path outside --out; not a records folder)
"""


def register(parser) -> None:
    common = argparse.ArgumentParser(add_help=False)
    add_records_arg(common)
    add_lang_arg(common)
    common.add_argument("--draft", action="store_true",
                        help="export even if the records have errors, marked UTKAST (draft)")
    to_file = argparse.ArgumentParser(add_help=False)
    to_file.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)

    def kind(name: str, help: str, with_output: bool = True):
        return kinds.add_parser(name, help=help, description=help,
                                parents=[common, to_file] if with_output else [common])

    p = kind("protocol", "the protocol (minutes) of a meeting")
    p.add_argument("ref", metavar="REF", help="the meeting, e.g. styrelse/2023-04-14")
    p = kind("agenda", "kallelse and föredragningslista of a meeting, with open uppdrag to follow up")
    p.add_argument("ref", metavar="REF", help="the meeting, e.g. styrelse/2023-04-14")
    p = kind("extract", "protokollsutdrag: chosen paragraphs of a meeting")
    p.add_argument("ref", metavar="REF", help="the meeting, e.g. styrelse/2023-04-14")
    p.add_argument("paragraphs", metavar="§N", nargs="+", help="paragraphs, e.g. §17 §20a")
    p = kind("budget", "a year's budget: versions side by side, deviation, member shares")
    p.add_argument("year", metavar="YEAR", type=int, help="the budget year, e.g. 2023")
    p = kind("decisions", "the register of decisions")
    p.add_argument("--year", type=int, help="only decisions of this year")
    p.add_argument("--organ", metavar="ORGAN", help="only decisions of this organ (its id, e.g. styrelse)")
    p = kind("all", "every document, plus an index.md linking them", with_output=False)
    p.add_argument("--out", metavar="DIR", required=True, help="the folder to write (created if missing)")


def run(args) -> int:
    # imported here so that other commands (and --help) start fast
    from finsam_tui.core.export import ExportError, RecordsHaveErrors, bundle, write_bundle
    from finsam_tui.core.i18n.export import Labels
    from finsam_tui.core.text import visible

    archive = open_archive(args)
    if archive is None:
        return EXIT_USAGE
    lang = language(args, archive.settings)
    labels = Labels(lang)
    try:
        if args.kind == "all":
            written = write_bundle(bundle(archive, lang, args.draft), Path(args.out))
            print(labels.fmt("msg_wrote", count=len(written), dir=args.out))
            return EXIT_OK
        text = _document(archive, args, lang)
    except RecordsHaveErrors as err:
        print(f"finsam export: {err.message(labels)}", file=sys.stderr)
        for f in err.findings:
            print(f"{visible(f.file)}:{f.line or 1}: {f.code} {visible(f.message(lang))}", file=sys.stderr)
        print(labels["msg_refused_hint"], file=sys.stderr)
        return err.exit_code
    except ExportError as err:
        print(f"finsam export: {err.message(labels)}", file=sys.stderr)
        hint = err.hint(labels)
        if hint:
            print(hint, file=sys.stderr)
        return err.exit_code
    except OSError as exc:
        print(f"finsam export: {labels.fmt('msg_write_failed', path=exc.filename or args.out, reason=exc.strerror)}",
              file=sys.stderr)
        return EXIT_USAGE
    return _output(text, args, labels)


def _document(archive, args, lang: str) -> str:
    from finsam_tui.core.export import agenda, budget, decisions, extract, protocol

    if args.kind == "protocol":
        return protocol(archive, args.ref, lang, args.draft)
    if args.kind == "agenda":
        return agenda(archive, args.ref, lang, args.draft)
    if args.kind == "extract":
        return extract(archive, args.ref, args.paragraphs, lang, args.draft)
    if args.kind == "budget":
        return budget(archive, args.year, lang, args.draft)
    return decisions(archive, args.year, args.organ, lang, args.draft)


def _output(text: str, args, labels) -> int:
    data = text.encode("utf-8")
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            print(f"finsam export: {labels.fmt('msg_write_failed', path=args.output, reason=exc.strerror)}",
                  file=sys.stderr)
            return EXIT_USAGE
        return EXIT_OK
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(data)
        buffer.flush()
    else:
        out.write(text)
    return EXIT_OK

"""finsam export: protocols, agendas, extracts, budgets and the decision register as Markdown."""

from __future__ import annotations

import sys
from pathlib import Path

from finsam_tui.cli.common import EXIT_OK, EXIT_USAGE, add_lang_arg, add_records_arg, language, open_archive
from finsam_tui.cli.parser import Parser, words

NAME = "export"


def register(parser) -> None:
    H = words(parser)
    common = Parser(add_help=False, words=H)  # options every kind takes (as parents)
    add_records_arg(common)
    add_lang_arg(common)
    common.add_argument("--draft", action="store_true", help=H["export:--draft"])
    to_file = Parser(add_help=False, words=H)
    to_file.add_argument("-o", "--output", metavar="FILE", help=H["export:--output"])

    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)

    def kind(name: str, with_output: bool = True):
        return kinds.add_parser(name, help=H[f"export:{name}"], description=H[f"export:{name}"], words=H,
                                parents=[common, to_file] if with_output else [common])

    p = kind("protocol")
    p.add_argument("ref", metavar="REF", help=H["export:REF"])
    p = kind("agenda")
    p.add_argument("ref", metavar="REF", help=H["export:REF"])
    p = kind("extract")
    p.add_argument("ref", metavar="REF", help=H["export:REF"])
    p.add_argument("paragraphs", metavar="§N", nargs="+", help=H["export:§N"])
    p = kind("budget")
    p.add_argument("year", metavar="YEAR", type=int, help=H["export:YEAR"])
    p = kind("decisions")
    p.add_argument("--year", type=int, help=H["export:--year"])
    p.add_argument("--organ", metavar="ORGAN", help=H["export:--organ"])
    p = kind("all", with_output=False)
    p.add_argument("--out", metavar="DIR", required=True, help=H["export:--out"])


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
        from finsam_tui.core.i18n.cli import Labels as CliLabels
        from finsam_tui.core.io.atomic import write_file

        out = Path(args.output)
        if out.is_symlink():  # never written through (a link planted where the export goes)
            print(f"finsam export: {CliLabels(labels.lang).fmt('common.outside_folder', path=out, dir=out.parent)}",
                  file=sys.stderr)
            return EXIT_USAGE
        try:
            write_file(out, data)  # temp file, fsync, rename: a full disk leaves the previous file whole
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

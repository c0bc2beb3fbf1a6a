"""finsam schema: the JSON Schemas of the record kinds, for editors (finsam_tui/core/records/json_schema.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from finsam_tui.cli.common import EXIT_OK, EXIT_USAGE, add_lang_arg, language
from finsam_tui.cli.parser import words
from finsam_tui.core.i18n.cli import Labels

NAME = "schema"


def register(parser) -> None:
    from finsam_tui.core.records.schema import KINDS

    H = words(parser)
    parser.add_argument("kind", metavar="KIND", nargs="?", choices=list(KINDS),
                        help=H.fmt("schema:KIND", kinds=", ".join(KINDS)))
    parser.add_argument("--out", metavar="DIR", help=H["schema:--out"])
    parser.add_argument("--taplo", metavar="FILE", help=H["schema:--taplo"])
    add_lang_arg(parser)


def run(args) -> int:
    import os

    from finsam_tui.core.io.inside import OutsideFolder
    from finsam_tui.core.records.json_schema import SCHEMA_DIR, schema_text, write_schemas, write_taplo_config

    L = Labels(language(args))
    if not (args.kind or args.out or args.taplo):
        print(f"finsam schema: {L['schema.need_kind']}", file=sys.stderr)
        return EXIT_USAGE
    if args.kind:
        sys.stdout.write(schema_text(args.kind))
    if args.out:
        try:
            paths = write_schemas(Path(args.out))
        except OutsideFolder as exc:
            print(f"finsam schema: {L.fmt('common.outside_folder', path=exc.rel, dir=exc.root)}", file=sys.stderr)
            return EXIT_USAGE
        for path in paths:
            print(L.fmt("schema.wrote", path=path), file=sys.stderr)
    if args.taplo:
        taplo = Path(args.taplo)
        if taplo.is_dir():
            taplo = taplo / ".taplo.toml"
        schema_dir = SCHEMA_DIR
        if args.out:
            schema_dir = Path(os.path.relpath(Path(args.out).resolve(), taplo.parent.resolve())).as_posix()
        taplo.parent.mkdir(parents=True, exist_ok=True)
        print(L.fmt("schema.wrote", path=write_taplo_config(taplo, schema_dir)), file=sys.stderr)
    return EXIT_OK

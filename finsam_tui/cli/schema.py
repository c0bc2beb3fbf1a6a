"""finsam schema: the JSON Schemas of the record kinds, for editors (finsam_tui/core/records/json_schema.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from finsam_tui.cli.common import EXIT_OK, EXIT_USAGE

NAME = "schema"
HELP = "write the JSON Schemas of the record kinds for editors (taplo, Even Better TOML)"
DESCRIPTION = ("Print the JSON Schema of one record kind, or write all of them into a folder. They are "
               "generated from the record definitions, so editors check types, required keys and allowed "
               "values and complete keys while you type. With --taplo also write a .taplo.toml that "
               "associates every record file with its schema (finsam init writes both).")
EXAMPLES = """examples:
  finsam schema meeting                          print the schema of a meeting file
  finsam schema --out records/.finsam-schema     write every kind's schema (refresh after an upgrade)
  finsam schema --out records/.finsam-schema --taplo records/.taplo.toml
                                                 ... and the .taplo.toml that uses them

kinds: forbund, organisation, person, meeting, budget, insats
exit status: 0 written, 2 usage error
"""


def register(parser) -> None:
    from finsam_tui.core.records.schema import KINDS

    parser.add_argument("kind", metavar="KIND", nargs="?", choices=list(KINDS),
                        help="print this kind's schema: " + ", ".join(KINDS))
    parser.add_argument("--out", metavar="DIR", help="write every kind's schema into DIR as KIND.json")
    parser.add_argument("--taplo", metavar="FILE",
                        help="write a .taplo.toml associating the records with the schemas (in --out, "
                             "default .finsam-schema beside FILE)")


def run(args) -> int:
    import os

    from finsam_tui.core.records.json_schema import SCHEMA_DIR, schema_text, write_schemas, write_taplo_config

    if not (args.kind or args.out or args.taplo):
        print("finsam schema: give KIND, --out DIR or --taplo FILE (see finsam schema --help)", file=sys.stderr)
        return EXIT_USAGE
    if args.kind:
        sys.stdout.write(schema_text(args.kind))
    if args.out:
        for path in write_schemas(Path(args.out)):
            print(f"wrote {path}", file=sys.stderr)
    if args.taplo:
        taplo = Path(args.taplo)
        if taplo.is_dir():
            taplo = taplo / ".taplo.toml"
        schema_dir = SCHEMA_DIR
        if args.out:
            schema_dir = Path(os.path.relpath(Path(args.out).resolve(), taplo.parent.resolve())).as_posix()
        taplo.parent.mkdir(parents=True, exist_ok=True)
        print(f"wrote {write_taplo_config(taplo, schema_dir)}", file=sys.stderr)
    return EXIT_OK

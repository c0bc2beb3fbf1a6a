"""The command line: ``finsam COMMAND``. A thin front end on the core.

Each command is a module in ``finsam_tui/cli/`` with ``NAME``, ``HELP``,
``register(parser)`` and ``run(args) -> int``; ``COMMANDS`` lists them in help order.
"""

from __future__ import annotations

import argparse
import os
import sys

from finsam_tui import __version__
from finsam_tui.cli import COMMANDS
from finsam_tui.cli.common import EXIT_FINDINGS, EXIT_USAGE

EPILOG = """examples:
  finsam                             open the terminal interface on ./records (or $FINSAM_RECORDS)
  finsam validate                    check every record in ./records
  finsam validate records --lang en  the same, with English messages
  finsam validate --format json      machine-readable findings for CI
  finsam export protocol styrelse/2023-04-14 -o protokoll.md
  finsam export all --out export     every protocol, agenda, budget and the decision register

every command has its own help with examples: finsam COMMAND --help
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="finsam", description="Records of a Samordningsförbund as plain TOML files.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"finsam {__version__}")
    parser.add_argument("--records", dest="tui_records", metavar="DIR",
                        help="with no command: open the terminal interface on DIR "
                             "(default: $FINSAM_RECORDS or ./records)")
    parser.add_argument("--lang", dest="tui_lang", choices=("sv", "en"),
                        help="with no command: the language of the terminal interface")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        p = sub.add_parser(module.NAME, help=module.HELP, description=module.DESCRIPTION,
                           epilog=module.EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
        module.register(p)
        p.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # e.g. `finsam validate | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:  # no command: the terminal interface
        from finsam_tui.cli import tui

        return tui.start(args.tui_records or tui.default_dir(), args.tui_lang)
    if args.command == "tui":  # the terminal interface draws the screen itself
        return args.run(args)
    from finsam_tui.core.text import escaped_output

    # Every command writes through one place that escapes control characters: text from a
    # record never reaches the terminal as a control sequence (finsam_tui/core/text.py).
    with escaped_output("json" if getattr(args, "format", None) == "json" else "text"):
        return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

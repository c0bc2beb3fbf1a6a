"""The command line: ``finsam COMMAND``. A thin front end on the core.

Each command is a module in ``finsam_tui/cli/`` with ``NAME``, ``register(parser)`` and
``run(args) -> int``; ``COMMANDS`` lists them in help order. Every word of the help (a
command's line in the list, its description, examples and options) is in the catalogue
(``core/i18n/cli*.py``), in the language of ``--lang``, else ``$FINSAM_LANG``, else Swedish
(``cli/parser.py``).
"""

from __future__ import annotations

import os
import sys

from finsam_tui import __version__
from finsam_tui.cli import COMMANDS
from finsam_tui.cli.common import EXIT_FINDINGS, EXIT_USAGE
from finsam_tui.cli.parser import Parser, help_language
from finsam_tui.core.i18n.cli import Labels


def build_parser(lang: str | None = None) -> Parser:
    """The parser of every command, its help in lang (default: the command line's language)."""
    H = Labels(lang or help_language(sys.argv[1:]))
    parser = Parser(prog="finsam", description=H["finsam:description"], epilog=H["finsam:examples"], words=H)
    parser.add_argument("--version", action="version", version=f"finsam {__version__}", help=H["option:--version"])
    parser.add_argument("--records", dest="tui_records", metavar="DIR", help=H["finsam:--records"])
    parser.add_argument("--lang", dest="tui_lang", choices=("sv", "en"), help=H["finsam:--lang"])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        p = sub.add_parser(module.NAME, help=H[f"{module.NAME}:help"], description=H[f"{module.NAME}:description"],
                           epilog=H[f"{module.NAME}:examples"], words=H)
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
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(help_language(argv))
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

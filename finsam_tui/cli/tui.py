"""finsam tui [DIR]: the terminal interface (Textual) on a records folder.

Textual is imported only in run(), so the other commands and `finsam --help` never load it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from finsam_tui.cli.common import EXIT_OK, EXIT_USAGE, NOT_FOLDER, add_lang_arg
from finsam_tui.core.io.scan import is_records_folder

NAME = "tui"
HELP = "browse the records in the terminal interface (also: finsam with no command)"
DESCRIPTION = ("Open the terminal interface: meetings by organ and year, members, budgets, insatser, the "
               "registers of decisions and uppdrag, and the live validation findings. Files changed on disk "
               "(an editor, git pull) are read again while it runs. Works keyboard-only, over SSH; press ? "
               "for the keys.")
EXAMPLES = """examples:
  finsam tui                         the folder in $FINSAM_RECORDS, else ./records
  finsam tui records --lang en       with English labels
  finsam                             the same as finsam tui (also: finsam --records DIR)

exit status: 0 closed normally, 2 DIR is not a records folder or there is no terminal
"""

HINT = {"sv": "Ange mappen med forbund.toml, t.ex. finsam tui records",
        "en": "Name the folder that holds forbund.toml, e.g. finsam tui records"}
NO_TERMINAL = {
    "sv": ("finsam: terminalgränssnittet behöver en terminal, men in- eller utdata går till en fil eller "
           "ett annat program.\nI skript och rörledningar används kommandona, t.ex. finsam validate eller "
           "finsam show REF (finsam --help listar dem)."),
    "en": ("finsam: the terminal interface needs a terminal, but input or output goes to a file or another "
           "program.\nIn scripts and pipes use the commands, e.g. finsam validate or finsam show REF "
           "(finsam --help lists them)."),
}


def register(parser) -> None:
    parser.add_argument("dir", nargs="?", default=None,
                        help="the records folder (default: $FINSAM_RECORDS or ./records)")
    add_lang_arg(parser)


def default_dir() -> str:
    return os.environ.get("FINSAM_RECORDS", "records")


def run(args) -> int:
    return start(getattr(args, "dir", None) or default_dir(), getattr(args, "lang", None))


def start(folder: str, lang: str | None = None) -> int:
    """Check the folder, then start Textual (imported only here)."""
    root = Path(folder)
    msg_lang = lang or os.environ.get("FINSAM_LANG") or "sv"
    msg_lang = msg_lang if msg_lang in HINT else "sv"
    if not is_records_folder(root):
        msg, _hint = NOT_FOLDER[msg_lang]
        print(f"finsam: {msg.format(dir=root)}\n{HINT[msg_lang]}", file=sys.stderr)
        return EXIT_USAGE
    # Textual reads keys from stdin and draws on stderr (sys.__stderr__): both must be the terminal
    # (textual-serve runs it without one, with a driver of its own: finsam serve)
    if not os.environ.get("TEXTUAL_DRIVER") and not (_is_tty(sys.stdin) and _is_tty(sys.__stderr__)):
        print(NO_TERMINAL[msg_lang], file=sys.stderr)
        return EXIT_USAGE
    from finsam_tui.tui.app import FinsamApp

    FinsamApp(root, lang=lang).run()
    return EXIT_OK


def _is_tty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # (replaced or closed)
        return False

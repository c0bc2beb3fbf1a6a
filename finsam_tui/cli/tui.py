"""finsam tui [DIR]: the terminal interface (Textual) on a records folder.

Textual is imported only in run(), so the other commands and `finsam --help` never load it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from finsam_tui.cli.common import EXIT_OK, EXIT_USAGE, add_lang_arg, not_a_records_folder
from finsam_tui.cli.parser import words
from finsam_tui.core.i18n.cli import Labels
from finsam_tui.core.io.scan import default_folder, is_records_folder

NAME = "tui"


def register(parser) -> None:
    parser.add_argument("dir", nargs="?", default=None, help=words(parser)["option:dir"])
    add_lang_arg(parser)


def default_dir() -> str:
    return default_folder()


def run(args) -> int:
    return start(getattr(args, "dir", None) or default_dir(), getattr(args, "lang", None))


def start(folder: str, lang: str | None = None) -> int:
    """Check the folder, then start Textual (imported only here)."""
    root = Path(folder)
    msg_lang = lang or os.environ.get("FINSAM_LANG") or "sv"
    msg_lang = msg_lang if msg_lang in ("sv", "en") else "sv"
    if not is_records_folder(root):
        not_a_records_folder(root, msg_lang, "tui.not_folder_hint")
        return EXIT_USAGE
    # Textual reads keys from stdin and draws on stderr (sys.__stderr__): both must be the terminal
    # (textual-serve runs it without one, with a driver of its own: finsam serve)
    if not os.environ.get("TEXTUAL_DRIVER") and not (_is_tty(sys.stdin) and _is_tty(sys.__stderr__)):
        print(Labels(msg_lang)["tui.no_terminal"], file=sys.stderr)
        return EXIT_USAGE
    from finsam_tui.tui.app import FinsamApp

    FinsamApp(root, lang=lang).run()
    return EXIT_OK


def _is_tty(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # (replaced or closed)
        return False

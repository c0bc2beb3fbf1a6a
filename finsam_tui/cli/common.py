"""What the commands share: exit codes, language choice, the common options, opening the records folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from finsam_tui.cli.parser import words
from finsam_tui.core.i18n.cli import Labels
from finsam_tui.core.io.scan import NotARecordsFolder, default_folder

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def add_records_arg(parser, positional: bool = False) -> None:
    """DIR as a positional (validate) or --records option (other commands); by default
    $FINSAM_RECORDS, the records folder the working directory is in, else ./records."""
    default = default_folder()
    H = words(parser)
    if positional:
        parser.add_argument("dir", nargs="?", default=default, help=H["option:dir"])
    else:
        parser.add_argument("--records", dest="dir", default=default, metavar="DIR", help=H["option:--records"])


def add_lang_arg(parser) -> None:
    parser.add_argument("--lang", choices=("sv", "en"), help=words(parser)["option:--lang"])


def add_format_arg(parser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help=words(parser)["option:--format"])


def language(args, settings: dict | None = None) -> str:
    """The language of a command's output: --lang, $FINSAM_LANG, the förbund's, else sv."""
    lang = getattr(args, "lang", None) or os.environ.get("FINSAM_LANG") or (settings or {}).get("language") or "sv"
    return lang if lang in ("sv", "en") else "sv"


def not_a_records_folder(root, lang: str, hint: str = "common.not_folder_hint") -> None:
    """Say on stderr that root is not a records folder, with how to name one (the hint's key)."""
    L = Labels(lang)
    print(f"finsam: {L.fmt('common.not_folder', dir=root)}\n{L[hint]}", file=sys.stderr)


def open_records(args, need_archive: bool = True):
    """Validate the records folder (through the cache): a cache.Result, or None (after a message)
    when it is not a records folder."""
    from finsam_tui.core.check.cache import run

    root = Path(args.dir)
    try:
        return run(root, need_archive=need_archive)
    except NotARecordsFolder:
        not_a_records_folder(root, language(args))
        return None


def open_archive(args):
    """The whole archive (records, index, findings); None (after a message) when DIR is not one."""
    result = open_records(args, need_archive=True)
    return result.archive if result else None


def add_output_args(parser) -> None:
    """--records, --format text|json and --lang: what every lookup command takes."""
    add_records_arg(parser)
    add_format_arg(parser)
    add_lang_arg(parser)


def print_lines(lines: list[str]) -> None:
    """The text output of a lookup, one line per item. A line is never more than one line: a
    newline in it comes from a one-line field of a record (a title, a name) and is escaped like
    the other control characters, so a record cannot add a line of its own. (Multi-line text
    is wrapped into separate items before.) The output stream escapes the rest."""
    from finsam_tui.core.text import visible

    sys.stdout.write("".join(visible(line) + "\n" for line in lines))


def open_with_labels(args):
    """(archive, labels of the lookup commands), or (None, None) after a message when DIR is not
    a records folder."""
    from finsam_tui.core.i18n.lookups import Labels

    archive = open_archive(args)
    if archive is None:
        return None, None
    return archive, Labels(language(args, archive.settings))

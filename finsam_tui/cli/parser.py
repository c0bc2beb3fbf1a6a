"""finsam's argument parser: ``--help`` in one language, every word from the catalogue.

The language of the help is the one of ``--lang`` on the command line, else ``$FINSAM_LANG``,
else Swedish (:func:`help_language`; a command's output may also follow the förbund's
language, but the help is written before any records folder is read). A :class:`Parser`
carries the words of that language (``parser.words``, a ``core/i18n/cli.Labels``) to the
commands' ``register(parser)``, and writes argparse's own words (usage, the headings, -h)
in it too. argparse's error messages stay its own (English).
"""

from __future__ import annotations

import argparse
import os

from finsam_tui.core.i18n.cli import Labels

LANGUAGES = ("sv", "en")


def help_language(argv: list[str]) -> str:
    """The language of --help: the last --lang on the command line, else $FINSAM_LANG, else sv."""
    lang = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    for choice in (lang, os.environ.get("FINSAM_LANG")):
        if choice in LANGUAGES:
            return choice
    return "sv"


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help layout, with its own words (usage, the section headings) from the catalogue."""

    def __init__(self, prog: str, *, words: Labels, **kwargs) -> None:
        super().__init__(prog, **kwargs)
        self.words = words

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, self.words["argparse:usage"] if prefix is None else prefix)

    def start_section(self, heading) -> None:
        key = f"argparse:{heading}"
        super().start_section(self.words[key] if key in self.words else heading)

    def _get_help_string(self, action) -> str:
        if action.option_strings[:2] == ["-h", "--help"] and action.nargs == 0:  # argparse's own -h
            return self.words["option:-h"]
        return super()._get_help_string(action)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes its help in the language of ``words`` (default: the
    language of this process's command line). Subparsers are Parsers too: pass them
    ``words=parser.words``."""

    def __init__(self, *args, words: Labels | None = None, **kwargs) -> None:
        self.words = words or Labels(help_language([]))
        kwargs["formatter_class"] = lambda prog: HelpFormatter(prog, words=self.words)
        super().__init__(*args, **kwargs)


def words(parser) -> Labels:
    """The words of the parser's help (a plain ArgumentParser, e.g. a parent of options, gets
    those of the command line's language)."""
    return getattr(parser, "words", None) or Labels(help_language([]))

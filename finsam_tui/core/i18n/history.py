"""What the history of a record says (git log, following renames), Swedish (default) and
English: one table for both front ends, ``finsam history`` and the TUI's history screen
(which reads it as part of the TUI's catalogue, ``tui.py``).
"""

from __future__ import annotations

from finsam_tui.core.i18n.catalogue import Catalogue

SV: dict[str, str] = {
    # --- finsam history and the history screen ----------------------------------------------
    "history_head": "Historik för {ref} ({path}): {count} {count:ändring|ändringar}",
    "history_renamed": "  (hette då {path})",
    "history_uncommitted": "Obs: {path} har ändringar som inte är incheckade.",
    "history_not_git": "{dir} ligger inte i ett git-förråd (eller git saknas); det finns ingen historik att visa.",
    "history_not_git_hint": "Lägg mappen i git: git init && git add . && git commit -m \"Första versionen\"",
    "history_no_history": "{path} har ingen incheckad historik än.",
    "history_unknown": "Ingen post {ref!r} (och ingen sådan fil i historiken).",
    "history_malformed": "{ref!r} är ingen referens; t.ex. styrelse/2023-04-14, person/<id>, budget/2023.",
    # --- the history screen -----------------------------------------------------------------------
    "history_title": "Historik för {path}",
    "history_loading": "Hämtar historiken ur git…",
    "history_hint": "Enter visar ändringen",
    "history_date": "Datum",
    "history_commit": "Incheckning",
    "history_author": "Författare",
    "history_message": "Meddelande",
    "history_no_git": "git är inte installerat; historiken hämtas ur git, så det finns ingen att visa.",
    "history_failed": "Historiken kunde inte läsas: {reason}",
    "diff_title": "Ändring {commit} · {path}",
    "diff_loading": "Hämtar ändringen…",
}

EN: dict[str, str] = {
    "history_head": "History of {ref} ({path}): {count} {count:change|changes}",
    "history_renamed": "  (then named {path})",
    "history_uncommitted": "Note: {path} has changes that are not committed.",
    "history_not_git": "{dir} is not in a git repository (or git is missing); there is no history to show.",
    "history_not_git_hint": "Put the folder in git: git init && git add . && git commit -m \"First version\"",
    "history_no_history": "{path} has no committed history yet.",
    "history_unknown": "No record {ref!r} (and no such file in the history).",
    "history_malformed": "{ref!r} is not a reference; e.g. styrelse/2023-04-14, person/<id>, budget/2023.",
    "history_title": "History of {path}",
    "history_loading": "Reading the history from git…",
    "history_hint": "Enter shows the change",
    "history_date": "Date",
    "history_commit": "Commit",
    "history_author": "Author",
    "history_message": "Message",
    "history_no_git": "git is not installed; the history comes from git, so there is none to show.",
    "history_failed": "The history could not be read: {reason}",
    "diff_title": "Change {commit} · {path}",
    "diff_loading": "Reading the change…",
}

CATALOGUE: dict[str, dict[str, str]] = {"sv": SV, "en": EN}


class Labels(Catalogue):
    """The history's words in one language."""

    CATALOGUE = CATALOGUE

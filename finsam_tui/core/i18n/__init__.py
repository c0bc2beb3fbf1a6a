"""Every user-facing word, Swedish (default) and English: one catalogue mechanism
(``catalogue.py``) and one table per area, each ``{"sv": {key: text}, "en": {key: text}}``:

    lookups.py, domain.py         the lookup commands (show, refs, person, …); domain values
    export.py                     the Markdown exports and finsam export
    findings.py                   the words inside validation messages (Phrase)
    history.py                    finsam history and the TUI's history screen
    dates.py, saving.py           a date typed wrong; a save refused
    tui.py, tui_screens.py        the terminal interface
    editor.py, editor_*.py        the editor (t, field_label)
    cli.py, cli_*.py              the other commands' messages and every command's --help

(The rule messages, one per code, are the rule table ``core/check/codes.py``.)
"""

from __future__ import annotations

import importlib
import pkgutil


def tables() -> dict[str, dict[str, dict]]:
    """Every word table, by "module.NAME": each module-level ``{"sv": {…}, "en": {…}}`` of this package."""
    out = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, value in vars(module).items():
            if (isinstance(value, dict) and set(value) == {"sv", "en"}
                    and all(isinstance(v, dict) for v in value.values())):
                out[f"{info.name}.{name}"] = value
    return out

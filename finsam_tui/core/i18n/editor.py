"""Every text the editor shows, in Swedish (default) and English: one catalogue, read here.

``t(key, lang, **params)`` gives a UI string (the tables ``editor_ui.py`` and
``editor_workflow.py``); ``field_label`` the label of a schema field (``editor_fields.py``,
with overrides where one key means different things in different places, else the record
words of ``lookups.py``); ``help_text`` the schema's own help (shown as tooltip and hint).
"""

from __future__ import annotations

from finsam_tui.core.i18n.catalogue import Catalogue, merged
from finsam_tui.core.i18n.editor_fields import FIELDS, OVERRIDES
from finsam_tui.core.i18n.editor_ui import FORM
from finsam_tui.core.i18n.editor_workflow import WORKFLOW
from finsam_tui.core.i18n.lookups import EN as LOOKUP_EN
from finsam_tui.core.i18n.lookups import SV as LOOKUP_SV
from finsam_tui.core.records.schema import Field

# -- user interface strings ------------------------------------------------------------------

UI: dict[str, dict[str, str]] = merged(FORM, WORKFLOW)


class Words(Catalogue):
    """The editor's words in one language."""

    CATALOGUE = UI


_WORDS = {lang: Words(lang) for lang in UI}

WEEKDAYS = {lang: tuple(UI[lang][f"weekday.{i}"] for i in range(7)) for lang in UI}


def t(key: str, lang: str = "sv", **params) -> str:
    words = _WORDS.get(lang, _WORDS["sv"])
    return words.fmt(key, **params) if params else words[key]


# -- field labels ------------------------------------------------------------------------------


def _label(name: str, parent: str, lang: str) -> str | None:
    """The form's own label of a key, else the record word of the lookups (``finsam show``,
    the TUI's details) when that is a plain label."""
    lang = lang if lang in FIELDS else "sv"
    for table, key in ((OVERRIDES, f"{parent}.{name}"), (FIELDS, name)):
        if key in table["sv"]:
            return table[lang][key]
    sv, en = LOOKUP_SV.get(name), LOOKUP_EN.get(name)
    if isinstance(sv, str) and isinstance(en, str) and "{" not in sv + en:
        return en if lang == "en" else sv
    return None


def field_label(f: Field, parent: str, lang: str = "sv") -> str:
    """The label of field f inside parent (a table field's name or the record kind)."""
    label = _label(f.name, parent, lang)
    if label:
        return label
    help_ = help_text(f, lang)
    return help_.split(":")[0][:30] if help_ else f.name


def key_label(name: str, parent: str, lang: str = "sv") -> str:
    """The label of a key of the data inside parent (a table field's name or the record kind)."""
    return _label(name, parent, lang) or name


def help_text(f: Field, lang: str = "sv") -> str:
    return (f.help_en or f.help_sv) if lang == "en" else (f.help_sv or f.help_en)


def kind_label(kind: str, lang: str = "sv") -> str:
    return t(f"kind.{kind}", lang)

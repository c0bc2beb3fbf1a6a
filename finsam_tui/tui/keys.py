"""The key bindings of the app and the editor, in one place: what the screens bind, what the
footer shows, what the help screen lists.

Every binding has an ``id``; its description in the footer is looked up by that id when the
footer asks for the active bindings (:class:`LocalizedKeys`, a mixin of every screen): the
label ``key_<id>`` of :mod:`finsam_tui.core.i18n.tui`, or for the editor's keys the word that
:data:`EDITOR_WORDS` names in :mod:`finsam_tui.core.i18n.editor`. No key needs a mouse, and
none is one that terminals or SSH cannot send (no ctrl+enter, no ctrl+shift combinations).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from textual.binding import ActiveBinding, Binding

from finsam_tui.core.i18n.editor import t
from finsam_tui.core.i18n.tui import Labels

_SV = Labels("sv")


def bind(keys: str, action: str, id: str, **kwargs) -> Binding:
    """A Binding described by the catalogue's ``key_<id>`` (in Swedish; :class:`LocalizedKeys`
    says it in the screen's language)."""
    return Binding(keys, action, _SV[f"key_{id}"], id=id, **kwargs)


# App: active on every screen.
APP_BINDINGS = [
    bind("question_mark,f1", "help", "help", key_display="?"),
    bind("t", "toggle_theme", "theme", show=False),
    bind("ctrl+r", "reload", "reload", show=False),
]

# The main screen: the sections and the selected record.
MAIN_BINDINGS = [
    # the footer's keys in the order of daily use: at 80 columns the last ones may not fit
    bind("slash", "search", "search", key_display="/"),
    bind("e", "edit", "edit"),
    bind("r", "refs", "refs"),
    bind("p", "preview", "preview"),
    bind("h", "history", "history"),
    bind("x", "export", "export"),
    bind("n", "new", "new", show=False),
    bind("N", "new_meeting", "new_meeting", show=False),
    bind("d", "delete", "delete", show=False),
    bind("y", "copy_ref", "copy", show=False),
    bind("f", "maximize_detail", "maximize", show=False),
    bind("q", "app.quit", "quit", show=False),  # (and ctrl+q; the help screen lists both)
    *[Binding(str(n), f"section({n - 1})", _SV.fmt("key_section", n=n), show=False, id=f"section{n}")
      for n in range(1, 8)],
]

# The main screen's footer starts with help: at 80 columns the footer has room for some six keys,
# and the app's own bindings would come after the screen's, cut off.
HELP_FIRST = bind("question_mark,f1", "app.help", "help", key_display="?")

# Dialog screens share these.
CLOSE_BINDINGS = [
    bind("escape", "close", "close"),
]

# (label key, keys shown) for the help screen, besides the bindings above.
NAVIGATION_HELP = [
    ("help_move", "↑ ↓"),
    ("help_page", "PgUp PgDn Home End"),
    ("help_enter", "Enter"),
    ("help_escape", "Esc"),
    ("help_tab", "Tab  Shift+Tab"),
    ("key_sections", "1 … 7"),
    ("key_palette", "Ctrl+P"),
    ("key_quit", "Ctrl+Q"),
]

# -- the editor ------------------------------------------------------------------------------------
# binding id -> (the footer's word, the help screen's word or None for the same), words of
# core/i18n/editor.py
EDITOR_WORDS: dict[str, tuple[str, str | None]] = {}


def _editor(keys: str, action: str, id: str, label: str = "", help: str | None = None, *,
            show: bool = True, priority: bool = False) -> Binding:
    """A binding of the editor: shown in the footer when it has a label (and show)."""
    EDITOR_WORDS[id] = (label, help)
    return Binding(keys, action, t(label) if label else "", show=show and bool(label), priority=priority, id=id)


# the record's screens (EditScreen, EntryScreen)
SAVE = _editor("ctrl+s", "save", "editor.save", "key.save", "help.save")
BACK = _editor("escape", "back", "editor.back", "key.back", "help.back")
RECORD = (SAVE, BACK)
# a locked (justerad) meeting: start a rättelse; priority, before an Input's own ctrl+k
CORRECT = _editor("ctrl+k", "correct", "editor.correct", "key.correct", "help.correct", priority=True)
FIELDS = ("tab,shift+tab", "help.fields")  # (a row of the help screen only: Textual's own keys)

# a list of entries (§§, sub-items, memberships, versions …: fields.entries.EntryList)
ENTRY_LIST = (
    _editor("enter", "open_entry", "editor.open_entry", "key.open"),
    _editor("a,insert,plus", "add_entry", "editor.add_entry", "key.add", "help.add"),
    _editor("delete,x", "remove_entry", "editor.remove_entry", "key.remove", "help.remove"),
    _editor("ctrl+up,shift+up,alt+up", "move_entry(-1)", "editor.entry_up", "key.up", "help.up"),
    _editor("ctrl+down,shift+down,alt+down", "move_entry(1)", "editor.entry_down", "key.down", "help.down"),
)
# §§ and sub-items only: to another §, or a sub-item out as a § of its own
MOVE_TO = _editor("m", "move_to", "editor.move_to", "key.move_to", "help.move_to")

# choosing from a list (fields.choices.PickButton, pickers.PickerScreen, MultiPickerScreen)
PICK_FIELD = (
    _editor("enter,space", "pick", "editor.pick", "key.choose", "help.pick"),
    _editor("delete,backspace", "clear", "editor.clear", "key.clear", "help.clear"),
)
PICK_BY_TYPING = ("a–ö", "help.pick_typing")
PICKER_NAV = (
    _editor("up", "cursor(-1)", "editor.picker_up", show=False),
    _editor("down", "cursor(1)", "editor.picker_down", show=False),
    _editor("pageup", "page(-1)", "editor.picker_page_up", show=False),
    _editor("pagedown", "page(1)", "editor.picker_page_down", show=False),
)
PICKER_FILTER = ("a–ö", "help.picker_filter")
PICKER_MOVE = ("up,down,pageup,pagedown", "help.picker_move")
PICKER_ENTER = ("enter", "help.picker_enter")
PICKER_CANCEL = _editor("escape", "cancel", "editor.picker_cancel", "key.cancel", "help.picker_cancel")
MULTI_PICKER_DONE = _editor("escape", "done", "editor.picker_done", "key.done")

# questions (screens.dialogs.questions.ChoiceDialog), the new record's and the rättelse's forms
QUESTION = (
    _editor("escape", "cancel", "question.cancel", help="help.dialog_cancel", show=False),
    _editor("left", "app.focus_previous", "question.left", help="help.dialog_buttons", show=False),
    _editor("right", "app.focus_next", "question.right", help="help.dialog_buttons", show=False),
)
QUESTION_BUTTONS = ("left,right,tab", "help.dialog_buttons")
QUESTION_PRESS = ("enter", "help.dialog_press")
NEW_RECORD = (_editor("escape", "cancel", "editor.new_cancel", "key.cancel"),
              _editor("ctrl+s", "create", "editor.create", "key.create", "help.create"))
CORRECTION = (_editor("escape", "cancel", "editor.correction_cancel", "key.cancel"),
              _editor("ctrl+s", "confirm", "editor.correction_save", "correct.save"))

# The editor's part of the help screen: (sub-heading or None, rows), in this order; a row is a
# binding above or (keys, word) for a key that Textual's widgets handle themselves.
EDITOR_HELP: tuple[tuple[str | None, tuple[Binding | tuple[str, str], ...]], ...] = (
    (None, (SAVE, BACK, CORRECT, FIELDS)),
    ("help.entries", ENTRY_LIST + (MOVE_TO,)),
    ("help.pickers", PICK_FIELD + (PICK_BY_TYPING, PICKER_FILTER, PICKER_MOVE, PICKER_ENTER, PICKER_CANCEL)),
    ("help.dialogs", (QUESTION_BUTTONS, QUESTION_PRESS, QUESTION[0], NEW_RECORD[1])),
)

# -- how keys are written and labelled ----------------------------------------------------------------

KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter", "f1": "F1", "tab": "Tab",
             "space": "Space", "delete": "Delete", "backspace": "Backspace", "insert": "Insert", "plus": "+",
             "up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "PgUp", "pagedown": "PgDn",
             "home": "Home", "end": "End"}
MODIFIER_NAMES = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt"}


def key_names(keys: str) -> str:
    """Textual key names, comma separated, as written on the help screen: "ctrl+up,a" -> "Ctrl+↑ a"."""
    out = []
    for key in (k.strip() for k in keys.split(",")):
        *mods, name = key.split("+") if "+" in key and key != "+" else [key]
        name = KEY_NAMES.get(name, name.upper() if mods and len(name) == 1 else name)
        out.append("+".join([MODIFIER_NAMES.get(m, m) for m in mods] + [name]))
    return " ".join(out)


def key_text(binding: Binding) -> str:
    """How a binding's keys are written on the help screen."""
    return key_names(binding.key)


@lru_cache(maxsize=4)
def labels(lang: str) -> Labels:
    return Labels(lang)


def description(binding: Binding, lang: str) -> str:
    """The binding's description in the footer, in lang: by its id, else the one it was made with."""
    words = EDITOR_WORDS.get(binding.id or "")
    if words is not None:
        return t(words[0], lang) if words[0] else ""
    if binding.id and f"key_{binding.id}" in Labels.CATALOGUE["sv"]:
        return labels(lang)[f"key_{binding.id}"]
    return binding.description


def editor_help_title(lang: str) -> str:
    return t("help.editor", lang)


def editor_help_sections(lang: str) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """The editor's rows of the help screen: [(sub-heading or None, [(keys as shown, what they do)])]."""
    out = []
    for heading, rows in EDITOR_HELP:
        shown = []
        for row in rows:
            if isinstance(row, Binding):
                label, help_ = EDITOR_WORDS[row.id]
                shown.append((key_text(row), t(help_ or label, lang)))
            else:
                keys, word = row
                shown.append((key_names(keys), t(word, lang)))
        out.append((t(heading, lang) if heading else None, shown))
    return out


class LocalizedKeys:
    """Mixin for a Screen: its active bindings (what the footer shows) carry their descriptions
    in the right language, looked up by binding id: the editor's keys in the screen's ``lang``
    (an edit session's), the app's keys in the app's ``lang``; Swedish without either."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        own, app = getattr(self, "lang", None), getattr(self.app, "lang", None)
        editor_lang = own if own in ("sv", "en") else app if app in ("sv", "en") else "sv"
        app_lang = app if app in ("sv", "en") else editor_lang
        out = {}
        for key, active in super().active_bindings.items():
            binding = active.binding
            text = description(binding, editor_lang if binding.id in EDITOR_WORDS else app_lang)
            if text != binding.description:
                active = active._replace(binding=replace(binding, description=text))
            out[key] = active
        return out

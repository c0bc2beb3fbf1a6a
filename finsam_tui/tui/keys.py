"""The key bindings, in one place: what the footer shows, what the help screen lists.

Every binding has an ``id``; its description in the footer is the label ``key_<id>`` of
:mod:`finsam_tui.core.i18n.tui`, put in by :func:`localize_bindings` when a screen or the
language changes. No key needs a mouse, and none is one that terminals or SSH cannot
send (no ctrl+enter, no ctrl+shift combinations).
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding

from finsam_tui.core.i18n.tui import SV, Labels

# App: active on every screen.
APP_BINDINGS = [
    Binding("question_mark,f1", "help", "Hjälp", key_display="?", id="help"),
    Binding("t", "toggle_theme", "Tema", show=False, id="theme"),
    Binding("ctrl+r", "reload", "Läs om", show=False, id="reload"),
]

# The main screen: the sections and the selected record.
MAIN_BINDINGS = [
    # the footer's keys in the order of daily use: at 80 columns the last ones may not fit
    Binding("slash", "search", "Sök", key_display="/", id="search"),
    Binding("e", "edit", "Redigera", id="edit"),
    Binding("r", "refs", "Hänvisningar", id="refs"),
    Binding("p", "preview", "Förhandsvisa", id="preview"),
    Binding("h", "history", "Historik", id="history"),
    Binding("x", "export", "Exportera", id="export"),
    Binding("n", "new", "Ny", show=False, id="new"),
    Binding("N", "new_meeting", "Nytt möte", show=False, id="new_meeting"),
    Binding("d", "delete", "Ta bort", show=False, id="delete"),
    Binding("y", "copy_ref", "Kopiera ref", show=False, id="copy"),
    Binding("f", "maximize_detail", "Helskärm", show=False, id="maximize"),
    Binding("q", "app.quit", "Avsluta", show=False, id="quit"),  # (and ctrl+q; the help screen lists both)
    *[Binding(str(n), f"section({n - 1})", f"Avsnitt {n}", show=False, id=f"section{n}") for n in range(1, 8)],
]

# The main screen's footer starts with help: at 80 columns the footer has room for some six keys,
# and the app's own bindings would come after the screen's, cut off.
HELP_FIRST = Binding("question_mark,f1", "app.help", "Hjälp", key_display="?", id="help")

# Dialog screens share these.
CLOSE_BINDINGS = [
    Binding("escape", "close", "Stäng", id="close"),
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


def localize_bindings(node, L: Labels) -> None:
    """Put the descriptions of the node's bindings (by id) into the language of L.

    Textual keeps a per-instance copy of the merged bindings; the footer reads the
    description from there, so replacing the Binding objects relabels the footer."""
    bindings = getattr(node, "_bindings", None)
    if bindings is None:
        return
    for key, items in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            replace(b, description=L[f"key_{b.id}"]) if b.id and f"key_{b.id}" in SV else b for b in items]

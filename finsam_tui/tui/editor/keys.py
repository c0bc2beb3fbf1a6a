"""The editor's keys in one place: what its screens and widgets bind (and their footers show),
and what the app's help screen (? or F1) lists under "I redigeraren" / "In the editor".

A :class:`Key` with an action is bound by the editor (``fields.bind``); one without is a row
of the help screen only, for keys that Textual's widgets handle themselves (tab between
fields, enter in a picker's filter). Labels are keys of ``labels.UI``.
"""

from __future__ import annotations

from dataclasses import dataclass

from finsam_tui.core.i18n.editor import t
from finsam_tui.tui.keys import key_names


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma separated: "a,insert,plus"
    action: str  # the action bound; "" for a row of the help screen only
    label: str  # the text in the footer (labels.UI key)
    footer: bool = True  # shown in the footer
    help: str | None = None  # a longer text for the help screen (labels.UI key); default label
    priority: bool = False  # before the focused widget's own binding of the key

    def help_label(self, lang: str) -> str:
        return t(self.help or self.label, lang)


# -- the record's screens (EditScreen, EntryScreen) -----------------------------------------------

SAVE = Key("ctrl+s", "save", "key.save", help="help.save")
BACK = Key("escape", "back", "key.back", help="help.back")
RECORD = (SAVE, BACK)
# a locked (justerad) meeting: start a rättelse; priority, before an Input's own ctrl+k
CORRECT = Key("ctrl+k", "correct", "key.correct", help="help.correct", priority=True)
FIELDS = Key("tab,shift+tab", "", "help.fields")

# -- a list of entries (§§, sub-items, memberships, versions …: fields.EntryList) -------------------

ENTRY_LIST = (
    Key("enter", "open_entry", "key.open"),
    Key("a,insert,plus", "add_entry", "key.add", help="help.add"),
    Key("delete,x", "remove_entry", "key.remove", help="help.remove"),
    Key("ctrl+up,shift+up,alt+up", "move_entry(-1)", "key.up", help="help.up"),
    Key("ctrl+down,shift+down,alt+down", "move_entry(1)", "key.down", help="help.down"),
)
# §§ and sub-items only: to another §, or a sub-item out as a § of its own
MOVE_TO = Key("m", "move_to", "key.move_to", help="help.move_to")

# -- choosing from a list (fields.PickButton, pickers.PickerScreen, MultiPickerScreen) -------------

PICK_FIELD = (
    Key("enter,space", "pick", "key.choose", help="help.pick"),
    Key("delete,backspace", "clear", "key.clear", help="help.clear"),
)
PICK_BY_TYPING = Key("a–ö", "", "help.pick_typing")
PICKER_NAV = (
    Key("up", "cursor(-1)", "", footer=False),
    Key("down", "cursor(1)", "", footer=False),
    Key("pageup", "page(-1)", "", footer=False),
    Key("pagedown", "page(1)", "", footer=False),
)
PICKER_FILTER = Key("a–ö", "", "help.picker_filter")
PICKER_MOVE = Key("up,down,pageup,pagedown", "", "help.picker_move")
PICKER_ENTER = Key("enter", "", "help.picker_enter")
PICKER_CANCEL = Key("escape", "cancel", "key.cancel", help="help.picker_cancel")  # (several: done)
MULTI_PICKER_DONE = Key("escape", "done", "key.done")

# -- dialogs (dialogs.ChoiceDialog, the new record's and the rättelse's forms) ---------------------

DIALOG = (
    Key("escape", "cancel", "", footer=False, help="help.dialog_cancel"),
    Key("left", "app.focus_previous", "", footer=False, help="help.dialog_buttons"),
    Key("right", "app.focus_next", "", footer=False, help="help.dialog_buttons"),
)
DIALOG_PRESS = Key("enter", "", "help.dialog_press")
NEW_RECORD = (Key("escape", "cancel", "key.cancel"), Key("ctrl+s", "create", "key.create", help="help.create"))
CORRECTION = (Key("escape", "cancel", "key.cancel"), Key("ctrl+s", "confirm", "correct.save"))

# The help screen: (sub-heading or None, keys), in this order.
HELP: tuple[tuple[str | None, tuple[Key, ...]], ...] = (
    (None, (SAVE, BACK, CORRECT, FIELDS)),
    ("help.entries", ENTRY_LIST + (MOVE_TO,)),
    ("help.pickers", PICK_FIELD + (PICK_BY_TYPING, PICKER_FILTER, PICKER_MOVE, PICKER_ENTER, PICKER_CANCEL)),
    ("help.dialogs", (Key("left,right,tab", "", "help.dialog_buttons"), DIALOG_PRESS, DIALOG[0], NEW_RECORD[1])),
)


def help_title(lang: str) -> str:
    return t("help.editor", lang)


def help_sections(lang: str) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """The rows of the help screen: [(sub-heading or None, [(keys as shown, what they do)])]."""
    out = []
    for heading, keys in HELP:
        rows = [(key_names(k.keys), k.help_label(lang)) for k in keys]
        out.append((t(heading, lang) if heading else None, rows))
    return out

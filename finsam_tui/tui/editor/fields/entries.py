"""Lists of entries: an array of tables (§§, sub-items, memberships, budget versions and lines
…) shown as a list in the form (:class:`EntryList` in a :class:`TablesField`), with add /
open / move up / move down / remove; each entry is edited on a screen of its own, which the
form's ``open_entry`` callback (the record's screen) opens. §§ and sub-item letters are
renumbered when they were in sequence; a § or sub-item also moves to another § ("Flytta
till…", m).
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Label, OptionList
from textual.widgets.option_list import Option

from finsam_tui.core.i18n.editor import t
from finsam_tui.core.ops.choices import entry_summary
from finsam_tui.core.ops.items import MoveRefused, move_choices, new_entry, place_label, renumber
from finsam_tui.core.ops.items import move_to as relocated
from finsam_tui.core.records.keypaths import value_at as get_at
from finsam_tui.tui.editor.fields.base import FieldBox, message_line
from finsam_tui.tui.editor.pickers import PickerScreen
from finsam_tui.tui.keys import ENTRY_LIST, MOVE_TO
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog
from finsam_tui.tui.widgets import plain


class EntryList(OptionList):
    """The entries of a TablesField, one a line; enter opens the highlighted one (not
    OptionList's select), the other keys add, remove and move (ENTRY_LIST, MOVE_TO)."""

    BINDINGS = [*ENTRY_LIST, MOVE_TO]
    DEFAULT_CSS = """
    EntryList { height: auto; max-height: 12; border: none; padding: 0; background: $boost; }
    EntryList:focus { background: $boost; }
    """

    def __init__(self, owner: TablesField, **kw) -> None:
        super().__init__(markup=False, **kw)
        self.owner = owner

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "move_to" and not self.owner.movable:
            return False  # §§ and sub-items only
        if action in ("add_entry", "remove_entry", "move_entry", "move_to") and not self.owner.editable:
            return False  # a locked meeting: the entries can be opened and read, not changed
        return True

    def action_open_entry(self) -> None:
        if self.highlighted is not None:
            self.owner.open_entry(self.highlighted)

    def action_add_entry(self) -> None:
        self.owner.add_entry(after_highlighted=True)

    def action_remove_entry(self) -> None:
        if self.highlighted is not None:
            self.owner.ask_remove(self.highlighted)

    def action_move_entry(self, step: int) -> None:
        if self.highlighted is not None:
            self.owner.move_entry(self.highlighted, step)

    def action_move_to(self) -> None:
        if self.highlighted is not None:
            self.owner.ask_move_to(self.highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.owner.open_entry(event.option_index)


class TablesField(FieldBox):
    """An array of tables: a list of entries; each entry is edited on its own screen."""

    DEFAULT_CSS = """
    TablesField { layout: vertical; margin: 1 0 0 0; }
    TablesField > .heading { height: 1; }
    TablesField > .heading > Label { width: auto; text-style: bold; margin: 0 2 0 0; }
    TablesField > .heading > Button { min-width: 6; margin: 0 1 0 0; }
    TablesField > .msg { padding: 0; }
    """

    def compose(self):
        with Horizontal(classes="heading"):
            yield Label(plain(self.label_text))
            yield Button(plain("+ " + t("key.add", self.lang)), compact=True, classes="add")
        yield EntryList(self, classes="editor")

    def setup(self) -> None:
        super().setup()
        self.refresh_value()

    def set_editable(self, editable: bool) -> None:
        self.query_one("Button.add", Button).disabled = not editable
        self.query_one(EntryList).refresh_bindings()

    @property
    def entries(self) -> list:
        v = self.model_value()
        return v if isinstance(v, list) else []

    @property
    def movable(self) -> bool:
        """§§ of a meeting and their sub-items can move to another § ("Flytta till…")."""
        return self.session.kind == "meeting" and (
            self.path == ("items",) or (len(self.path) == 3 and self.path[0] == "items" and self.path[2] == "sub"))

    def entry_label(self, i: int) -> str:
        entries = self.entries
        return entry_summary(self.field.name, entries[i] if i < len(entries) else {}, self.archive, self.lang)

    def refresh_value(self, highlight: int | None = None) -> None:
        lst = self.query_one(EntryList)
        keep = lst.highlighted if highlight is None else highlight
        problems: dict[int, str] = {}
        for f, rest in self.findings:
            if rest and isinstance(rest[0], int):
                if f.severity == "error" or problems.get(rest[0]) != "error":
                    problems[rest[0]] = f.severity
        rows = []
        for i, _entry in enumerate(self.entries):
            rows.append((problems.get(i), self.entry_label(i)))
        if rows == getattr(self, "_rows", None) and (highlight is None or highlight == lst.highlighted):
            return
        self._rows = rows
        options = []
        for sev, label in rows:
            if sev:
                mark, style = ("✗ ", "bold red") if sev == "error" else ("⚠ ", "bold yellow")
                prompt = Content.assemble((mark, style), plain(label))
            else:
                prompt = Content.assemble("  ", plain(label))
            options.append(Option(prompt))
        lst.clear_options()
        if options:
            lst.add_options(options)
            lst.highlighted = min(keep or 0, len(options) - 1) if keep is not None else 0
        else:
            lst.add_option(Option(Content.styled(t("entry.empty", self.lang), "dim"), disabled=True))

    def show_findings(self, findings) -> None:
        super().show_findings(findings)
        if self.is_mounted:
            self.refresh_value()

    def refresh_messages(self) -> None:
        # only findings about the list itself here; those of entries are marked in the list
        lines: list[Content] = []
        counts: dict[int, int] = {}
        for f, rest in self.findings:
            if rest and isinstance(rest[0], int):
                counts[rest[0]] = counts.get(rest[0], 0) + 1
            else:
                lines.append(message_line(f, (), self.lang))
        for i, n in sorted(counts.items())[:3]:
            first = next(f for f, rest in self.findings if rest and rest[0] == i)
            mark, style = ("✗", "bold red") if first.severity == "error" else ("⚠", "bold yellow")
            more = f" (+{n - 1})" if n > 1 else ""
            lines.append(Content.assemble((f"{mark} ", style),
                                          plain(f"{self.entry_label(i)}: {first.message(self.lang)}{more}")))
        self.show_lines(lines)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        lst = self.query_one(EntryList)
        i = lst.highlighted
        if event.button.has_class("add"):
            self.add_entry()
        elif i is None or not self.entries:
            return
        elif event.button.has_class("open"):
            self.open_entry(i)
        elif event.button.has_class("up"):
            self.move_entry(i, -1)
        elif event.button.has_class("down"):
            self.move_entry(i, 1)
        elif event.button.has_class("remove"):
            self.ask_remove(i)

    def _key(self) -> str | None:
        return {"items": "number", "sub": "letter"}.get(self.field.name)

    def _mutate(self, change) -> bool:
        """Apply change(entries) to a fresh list, renumber, write back; True if renumbered."""
        if not self.editable:
            return False
        entries = [dict(e) if isinstance(e, dict) else e for e in self.entries]
        key = self._key()
        before = [e.get(key) for e in entries if isinstance(e, dict)] if key else []
        change(entries)
        renumbered = renumber(self.field.name, before, entries) if key else False
        if entries:
            self.session.set(self.path, entries)
        else:
            self.session.delete(self.path)
        return renumbered

    def add_entry(self, after_highlighted: bool = False) -> None:
        """A new entry at the end ("+ Lägg till"), or after the highlighted one (a key in the list)."""
        if not self.editable:
            return
        lst = self.query_one(EntryList)
        entries = self.entries
        index = (lst.highlighted + 1) if (after_highlighted and lst.highlighted is not None and entries) \
            else len(entries)
        first = self.session.first_paragraph_number() if self.field.name == "items" and not entries else None
        entry = new_entry(self.field.name, entries, index)
        if first is not None and "number" in entry:
            entry["number"] = first
        renumbered = self._mutate(lambda es: es.insert(index, entry))
        self.refresh_value(highlight=index)
        if renumbered:
            self.app.notify(t("entry.renumbered", self.lang), timeout=3)
        self.open_entry(index)

    def open_entry(self, i: int) -> None:
        if not (0 <= i < len(self.entries)):
            return
        self.form.open_entry(self, i)

    def entry_closed(self, i: int) -> None:
        """After entry i's screen closed: show the list (and the form) as the entry left them."""
        self.refresh_value(highlight=i)
        self.form.refresh_values()  # e.g. a new budget version gives the amounts a new row

    def move_entry(self, i: int, step: int) -> None:
        j = i + step
        if not (0 <= i < len(self.entries) and 0 <= j < len(self.entries)):
            return

        def swap(es):
            es[i], es[j] = es[j], es[i]

        renumbered = self._mutate(swap)
        self.refresh_value(highlight=j)
        if renumbered:
            self.app.notify(t("entry.renumbered", self.lang), timeout=3)

    def ask_move_to(self, i: int) -> None:
        """Ask where the § or sub-item i goes: under another § (as its last sub-item) or, for a
        sub-item, out as a § of its own after its §. Refused (with the reason) when the move
        would nest sub-items or lose fields."""
        if not (self.movable and self.editable and 0 <= i < len(self.entries)):
            return
        lang = self.lang
        items = self.session.data.get("items")
        path = self.path + (i,)
        pending = [msg for p, msg in self.session.local_errors.items() if p[:1] == ("items",)]
        if pending:  # their paths would point at other §§ after the move
            self.app.notify(t("move_to.local_errors", lang, fields="; ".join(pending)), severity="error",
                            markup=False)
            return
        try:
            choices = move_choices(items, path, lang)
        except MoveRefused as exc:
            self.app.notify(str(exc), severity="error", markup=False, timeout=8)
            return
        entry = place_label(items, path)
        screen = PickerScreen(t("move_to.title", lang, entry=entry), choices, None, lang)
        self.app.push_screen(screen, lambda dest: self.move_to(i, dest) if dest else None)

    def move_to(self, i: int, dest: str) -> None:
        """Move the § or sub-item i to dest (a value of core/ops/items.move_choices)."""
        if not (self.movable and self.editable and 0 <= i < len(self.entries)):
            return
        items = self.session.data.get("items")
        path = self.path + (i,)
        old = place_label(items, path)
        title = get_at(self.session.data, path + ("title",), "")
        try:
            moved, new_path = relocated(items, path, dest, self.lang)
        except MoveRefused as exc:
            self.app.notify(str(exc), severity="error", markup=False, timeout=8)
            return
        self.session.set(("items",), moved)
        self.refresh_value(highlight=max(0, min(i, len(self.entries) - 1)))
        self.form.refresh_values()
        entry = f"{old} {title}".rstrip() if isinstance(title, str) else old
        self.app.notify(t("move_to.done", self.lang, entry=entry, to=place_label(moved, new_path)), markup=False,
                        timeout=4)

    def ask_remove(self, i: int) -> None:
        if not (0 <= i < len(self.entries)) or not self.editable:
            return
        label = self.entry_label(i)
        dialog = ChoiceDialog(t("entry.remove_title", self.lang, entry=label), t("entry.remove_body", self.lang),
                              [("remove", t("key.remove", self.lang), "error"),
                               ("cancel", t("key.cancel", self.lang), "default")], default="cancel")
        self.app.push_screen(dialog, lambda choice: self.remove_entry(i) if choice == "remove" else None)

    def remove_entry(self, i: int) -> None:
        if not (0 <= i < len(self.entries)):
            return
        renumbered = self._mutate(lambda es: es.pop(i))
        self.refresh_value(highlight=max(0, min(i, len(self.entries) - 1)))
        if renumbered:
            self.app.notify(t("entry.renumbered", self.lang), timeout=3)


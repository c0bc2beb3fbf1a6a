"""Choosing persons, organisations, organs, §§, meetings, budget lines and insatser from
lists: type to filter, never type an id. One value (PickerScreen) or several
(MultiPickerScreen, a SelectionList with a filter)."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from finsam_tui.core.i18n.editor import t
from finsam_tui.core.ops.choices import Choice, fold, short_name
from finsam_tui.tui.keys import MULTI_PICKER_DONE, PICKER_CANCEL, PICKER_NAV, LocalizedKeys
from finsam_tui.tui.widgets import plain

LIMIT = 200  # options shown at a time; typing narrows the rest

PICKER_CSS = """
{cls} {{ align: center middle; }}
{cls} > #picker {{ width: 76; max-width: 100%; height: 20; max-height: 100%; border: thick $primary;
                  background: $surface; padding: 0 1; }}
{cls} #picker-title {{ height: 1; text-style: bold; }}
{cls} #picker-filter {{ height: 1; margin: 0 0 1 0; }}
{cls} #picker-list {{ height: 1fr; border: none; }}
{cls} #picker-status {{ height: auto; max-height: 2; color: $text-muted; }}
"""


class _Picker(LocalizedKeys, ModalScreen):
    BINDINGS = list(PICKER_NAV)

    def __init__(self, title: str, choices: list[Choice], lang: str, initial: str = "", note: str | None = None):
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.lang = lang
        self.initial = initial
        self.note = note
        self.shown: list[Choice] = []

    def filtered(self, query: str) -> list[Choice]:
        words = fold(query).split()
        if not words:
            return list(self.choices)
        return [c for c in self.choices if all(w in c.search for w in words)]

    def status(self, matched: int) -> str:
        parts = []
        if matched > len(self.shown):
            parts.append(t("picker.more", self.lang, shown=len(self.shown), total=matched))
        else:
            parts.append(t("picker.count", self.lang, shown=len(self.shown), total=len(self.choices)))
        if self.note:
            parts.append(self.note)
        return " · ".join(parts)

    def on_mount(self) -> None:
        inp = self.query_one("#picker-filter", Input)
        inp.value = self.initial
        inp.cursor_position = len(self.initial)
        self.fill(self.initial)
        inp.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.fill(event.value)

    def list_widget(self) -> OptionList:
        return self.query_one("#picker-list", OptionList)

    def action_cursor(self, step: int) -> None:
        lst = self.list_widget()
        if step < 0:
            lst.action_cursor_up()
        else:
            lst.action_cursor_down()

    def action_page(self, step: int) -> None:
        lst = self.list_widget()
        if step < 0:
            lst.action_page_up()
        else:
            lst.action_page_down()

    def fill(self, query: str) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class PickerScreen(_Picker):
    """Choose one value; dismisses with the value, or None when cancelled."""

    BINDINGS = [PICKER_CANCEL]
    DEFAULT_CSS = PICKER_CSS.format(cls="PickerScreen")

    def __init__(self, title: str, choices: list[Choice], current: str | None, lang: str, initial: str = "",
                 note: str | None = None):
        super().__init__(title, choices, lang, initial, note)
        self.current = current

    def compose(self):
        with Vertical(id="picker"):
            yield Static(plain(self.title_text), id="picker-title")
            yield Input(placeholder=t("picker.filter", self.lang), id="picker-filter", compact=True)
            yield OptionList(id="picker-list", markup=False)
            yield Static("", id="picker-status")
        yield Footer()

    def fill(self, query: str) -> None:
        matched = self.filtered(query)
        self.shown = matched[:LIMIT]
        lst = self.list_widget()
        lst.clear_options()
        lst.add_options([Option(plain(c.label)) for c in self.shown])
        if self.shown:
            index = next((i for i, c in enumerate(self.shown) if c.value == self.current), 0) if not query else 0
            lst.highlighted = index
        self.query_one("#picker-status", Static).update(plain(self.status(len(matched))))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.choose(self.list_widget().highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option_index)

    def choose(self, index: int | None) -> None:
        if index is None or not (0 <= index < len(self.shown)):
            return
        self.dismiss(self.shown[index].value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MultiPickerScreen(_Picker):
    """Choose several values (in the order chosen); escape is done and gives the list."""

    BINDINGS = [MULTI_PICKER_DONE]
    DEFAULT_CSS = PICKER_CSS.format(cls="MultiPickerScreen")

    def __init__(self, title: str, choices: list[Choice], selected: list[str], lang: str, initial: str = "",
                 note: str | None = None, ref: str = "person", archive=None):
        known = {c.value for c in choices}
        # values chosen before but not offered now (someone not present) stay visible to be removed
        extra = [Choice.of(v, v) for v in selected if v not in known]
        super().__init__(title, extra + list(choices), lang, initial, note)
        self.selected: list[str] = list(selected)
        self.ref = ref
        self.archive = archive

    def compose(self):
        with Vertical(id="picker"):
            yield Static(plain(self.title_text), id="picker-title")
            yield Input(placeholder=t("picker.filter", self.lang), id="picker-filter", compact=True)
            yield SelectionList(id="picker-list")
            yield Static("", id="picker-status")
        yield Footer()

    def list_widget(self) -> SelectionList:
        return self.query_one("#picker-list", SelectionList)

    def fill(self, query: str) -> None:
        matched = self.filtered(query)
        self.shown = matched[:LIMIT]
        lst = self.list_widget()
        lst.clear_options()
        lst.add_options([Selection(plain(c.label), c.value, c.value in self.selected) for c in self.shown])
        if self.shown:
            lst.highlighted = 0
        self.update_status(len(matched))

    def update_status(self, matched: int | None = None) -> None:
        if matched is None:
            matched = len(self.filtered(self.query_one("#picker-filter", Input).value))
        names = ", ".join(short_name(self.ref, v, self.archive) for v in self.selected) or "—"
        text = t("picker.selected", self.lang, names=names) + "\n" + self.status(matched)
        self.query_one("#picker-status", Static).update(plain(text))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        now = set(self.list_widget().selected)
        for c in self.shown:
            if c.value in now and c.value not in self.selected:
                self.selected.append(c.value)
            elif c.value not in now and c.value in self.selected:
                self.selected.remove(c.value)
        self.update_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        lst = self.list_widget()
        i = lst.highlighted
        if i is None or not (0 <= i < len(self.shown)):
            return
        value = self.shown[i].value
        if value in self.selected:
            self.selected.remove(value)
        else:
            self.selected.append(value)
        lst.toggle(value)
        self.update_status()

    def action_done(self) -> None:
        self.dismiss(list(self.selected))


__all__ = ["Content", "MultiPickerScreen", "PickerScreen"]

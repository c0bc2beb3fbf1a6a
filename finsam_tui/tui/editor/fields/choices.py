"""The fields that choose rather than type: an enum (a list to choose from), a bool (a
checkbox, or ja/nej/standard), and references chosen from a picker (type to filter a list of
"Name (id)", never typing ids): one (:class:`RefField`) or several (:class:`MultiRefField`,
with a meeting's guests as lines "Name; role"). :class:`PickButton` shows the choice and
opens the picker (``pickers.py``); the rättelse dialog uses it too.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Checkbox, Select, Static, TextArea

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.i18n.editor import t
from finsam_tui.core.ops.choices import label_of, short_name
from finsam_tui.core.ops.edited import MISSING
from finsam_tui.tui.editor.fields.base import FieldBox
from finsam_tui.tui.editor.pickers import MultiPickerScreen, PickerScreen
from finsam_tui.tui.keys import PICK_FIELD
from finsam_tui.tui.widgets import plain, update_static


class EnumField(FieldBox):
    def compose_editor(self):
        v = self.model_value()
        choices = list(self.field.choices)
        if isinstance(v, str) and v not in choices:
            choices.append(v)  # shown so that it can be seen and changed; the finding says why
        default = self.field.default
        prompt = t("default", self.lang, value=default) if default is not None else "—"
        allow_blank = not (self.field.required and v is not MISSING)
        # rich Text: never read as markup, and the overlay's type-to-search matches it
        yield Select([(Text(c), c) for c in choices], prompt=prompt, allow_blank=allow_blank,
                     value=v if isinstance(v, str) else Select.NULL, compact=True, classes="editor",
                     type_to_search=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL or event.value == Select.NULL:
            self.erase()
        else:
            self.write(event.value)

    def refresh_value(self) -> None:
        v = self.model_value()
        sel = self.query_one(Select)
        want = v if isinstance(v, str) else Select.NULL
        if sel.value != want:
            try:
                sel.value = want
            except Exception:  # noqa: BLE001 - an unknown value: leave the widget as it is
                pass


class BoolField(FieldBox):
    """true/false: a checkbox; ja/nej/standard when there is no fixed default (e.g. voting)."""

    def compose_editor(self):
        v = self.model_value()
        if self.field.default is not None:
            value = v if isinstance(v, bool) else bool(self.field.default)
            yield Checkbox("", value=value, compact=True, classes="editor")
        else:
            opts = [(Text(t("bool.yes", self.lang)), True), (Text(t("bool.no", self.lang)), False)]
            yield Select(opts, prompt=t("default", self.lang, value="—"), allow_blank=True,
                         value=v if isinstance(v, bool) else Select.NULL, compact=True, classes="editor")

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        v = self.model_value()
        if v is MISSING and event.value == bool(self.field.default):
            return
        self.write(bool(event.value))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL or event.value == Select.NULL:
            self.erase()
        else:
            self.write(bool(event.value))



# -- pickers -----------------------------------------------------------------------------------


class PickButton(Static, can_focus=True):
    """Shows the chosen value(s); enter, space or typing opens the picker; delete clears."""

    DEFAULT_CSS = """
    PickButton { height: auto; max-height: 4; background: $boost; padding: 0 1; }
    PickButton:focus { background: $accent 40%; text-style: bold; }
    """

    BINDINGS = list(PICK_FIELD)

    def __init__(self, owner: RefField, **kw) -> None:
        """owner: the field (or the rättelse dialog) with open_picker(initial) and clear()."""
        super().__init__("", **kw)
        self.owner = owner

    def action_pick(self) -> None:
        self.owner.open_picker("")

    def action_clear(self) -> None:
        self.owner.clear()

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Typed letters open the picker: single-letter bindings of the app must not take them."""
        return character is not None and character.isprintable() and character != " "

    def on_key(self, event) -> None:
        ch = event.character
        if ch and ch.isprintable() and ch != " " and event.key not in ("enter",) and len(ch) == 1:
            event.stop()
            event.prevent_default()
            self.owner.open_picker(ch)

    def on_click(self) -> None:
        self.owner.open_picker("")


class RefField(FieldBox):
    """A reference to one person, organisation, organ, §, meeting, budget line …"""

    multiple = False

    @property
    def ref(self) -> str:
        f = self.field
        return f.ref or (f.item.ref if f.item is not None and f.item.ref else None) or "any"

    def compose_editor(self):
        yield PickButton(self, classes="editor")

    def setup(self) -> None:
        super().setup()
        self.refresh_value()

    def display_text(self) -> Content:
        v = self.model_value()
        if v is MISSING or v in ("", None):
            return Content.styled(t("picker.none", self.lang), "dim")
        return plain(label_of(self.ref, v, self.archive))

    def refresh_value(self) -> None:
        update_static(self.query_one(PickButton), self.display_text())

    def open_picker(self, initial: str) -> None:
        choices, note = self.session.choices(self.path, self.field)
        current = self.model_value()
        screen = PickerScreen(self.label_text.rstrip(" *"), choices, current if isinstance(current, str) else None,
                              self.lang, initial=initial, note=t(note, self.lang) if note else None)
        self.app.push_screen(screen, self.picked)

    def picked(self, value) -> None:
        if value is None:
            return
        self.write(value)
        self.refresh_value()

    def clear(self) -> None:
        self.erase()
        self.refresh_value()


class MultiRefField(RefField):
    """A list of references (adjusters, attendance groups, steering group, refs, budget lines).
    For "others" at a meeting, guests {name, role} are kept and edited as lines "Name; role"."""

    multiple = True

    @property
    def guests_allowed(self) -> bool:
        return self.field.item is not None and self.field.item.type == "person_or_guest"

    def values(self) -> list:
        v = self.model_value()
        return list(v) if isinstance(v, list) else []

    def ids(self) -> list[str]:
        return [x for x in self.values() if isinstance(x, str)]

    def guests(self) -> list:
        return [x for x in self.values() if not isinstance(x, str)]

    def compose_editor(self):
        if self.guests_allowed:
            with Vertical(classes="editor-col"):
                yield PickButton(self, classes="editor")
                self._guest_text = self.guest_text()
                yield TextArea(self._guest_text, soft_wrap=True, compact=True, classes="guests",
                               highlight_cursor_line=False)
        else:
            yield PickButton(self, classes="editor")

    DEFAULT_CSS = """
    MultiRefField .editor-col { width: 1fr; height: auto; }
    MultiRefField TextArea.guests { height: 3; }
    """

    def setup(self) -> None:
        super().setup()
        if self.guests_allowed:
            ta = self.query_one("TextArea.guests", TextArea)
            ta.tooltip = plain(t("picker.guests", self.lang))
            ta.border_title = None
            self.set_hint(t("picker.guests", self.lang))

    def guest_text(self) -> str:
        out = []
        for g in self.guests():
            if isinstance(g, dict):
                name, role = g.get("name", ""), g.get("role", "")
                out.append(f"{name}; {role}" if role else str(name))
        return "\n".join(out)

    def display_text(self) -> Content:
        ids = self.ids()
        if not ids:
            return Content.styled(t("entry.empty", self.lang), "dim")
        return plain(", ".join(short_name(self.ref, x, self.archive) for x in ids))

    def open_picker(self, initial: str) -> None:
        choices, note = self.session.choices(self.path, self.field)
        screen = MultiPickerScreen(self.label_text.rstrip(" *"), choices, self.ids(), self.lang,
                                   initial=initial, note=t(note, self.lang) if note else None,
                                   ref=self.ref, archive=self.archive)
        self.app.push_screen(screen, self.picked)

    def picked(self, value) -> None:
        if value is None:
            return
        if value == self.ids():
            return
        self.store(list(value), self.guests())
        self.refresh_value()

    def store(self, ids: list, guests: list) -> None:
        # keep the positions of the guests when only the ids changed
        old = self.values()
        new = list(ids) + list(guests)
        if old and [x for x in old if isinstance(x, str)] == ids and [x for x in old if not isinstance(x, str)] == guests:
            new = old
        if new:
            self.write(new)
        else:
            self.erase()

    def clear(self) -> None:
        self.store([], self.guests())
        self.refresh_value()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text == getattr(self, "_guest_text", None):
            return
        self._guest_text = text
        guests = []
        bad = None
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            name, _, role = line.partition(";")
            if not name.strip():
                bad = n
                continue
            g = {"name": name.strip()}
            if role.strip():
                g["role"] = role.strip()
            guests.append(g)
        self.set_local_error(t("guest.bad", self.lang, line=bad) if bad else None)
        if bad is None:
            self.store(self.ids(), guests)

    def finding_line(self, f: Finding, rest: tuple) -> Content:
        mark, style = ("✗", "bold red") if f.severity == "error" else ("⚠", "bold yellow")
        return Content.assemble((f"{mark} ", style), plain(f.message(self.lang)))


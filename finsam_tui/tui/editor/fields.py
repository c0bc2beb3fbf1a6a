"""The form engine: one widget per schema field, built from ``schema.py``.

A :class:`RecordForm` shows the fields of one table of a record (the record itself, or
one entry of an array of tables) and writes every change straight into the edit
session's data at the field's key path. Field types map to widgets:

* str, int, amount, number, time, month_day — ``Input`` (numbers parsed, errors inline)
* date — ``Input`` taking flexible dates (``dates.parse_date``), the parsed ISO date shown
* text — ``TextArea``; a list of strings (decision clauses, attachments) — ``TextArea``,
  one entry per line
* bool — ``Checkbox`` (or ja/nej/standard when the default depends on other fields)
* enum — ``Select``
* ref — a picker (type to filter a list of "Name (id)"), never typing ids; a list of refs —
  a multi-select picker with filter
* table — a section with its fields; tables (arrays of tables) — a list of entries with
  add / open / move up / move down / remove, each entry edited on its own screen; a § or
  sub-item also moves to another § ("Flytta till…", m)
* amounts — one input per budget version; counts — "reason = count" lines

Findings of the core's validation are shown under the field they concern.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.dates import DateError, parse_date
from finsam_tui.core.i18n.editor import WEEKDAYS, field_label, help_text, t
from finsam_tui.core.records.schema import Field
from finsam_tui.tui.editor import keys as K
from finsam_tui.tui.editor.keys import Key
from finsam_tui.tui.editor.model import (
    MISSING,
    MoveRefused,
    entry_summary,
    get_at,
    label_of,
    move_choices,
    new_entry,
    place_label,
    renumber,
    short_name,
    target_path,
)
from finsam_tui.tui.editor.model import move_to as relocated

if TYPE_CHECKING:
    from finsam_tui.tui.editor.session import EditSession


def plain(text) -> Content:
    """User text as content that is never read as markup."""
    return Content(str(text))


def update_static(widget: Static, content, shown: bool | None = None) -> None:
    """Update a Static only when its content (or shown state) changes: every update of a
    Static re-lays out the screen, which is what makes typing slow in a big form."""
    key = str(content)
    if getattr(widget, "_shown_text", None) != key:
        widget._shown_text = key
        widget.update(content)
    if shown is not None and widget.has_class("-shown") != shown:
        widget.set_class(shown, "-shown")


def wid(path: tuple) -> str:
    return "f-" + "-".join(str(p) for p in path) if path else "f-root"


def bind(widget, lang: str, keys: Iterable[Key]) -> None:
    """Bind keys (``keys.py``) on one widget, their footer labels in the language. A key with
    priority is the widget's before the focused widget's (e.g. an Input's ctrl+k)."""
    for k in keys:
        widget._bindings.bind(k.keys, k.action, t(k.label, lang) if k.label else "",
                              show=k.footer and bool(k.label), priority=k.priority)


# -- the form ----------------------------------------------------------------------------------


class RecordForm(Vertical):
    """The fields of one table at base path, bound to the session's data."""

    DEFAULT_CSS = """
    RecordForm { height: auto; padding: 0 1 0 0; }
    RecordForm > .form-msg { height: auto; display: none; color: $error; }
    RecordForm > .form-msg.-shown { display: block; }
    """

    def __init__(self, session: EditSession, fields: tuple[Field, ...], base: tuple = (), parent: str = "",
                 **kw) -> None:
        super().__init__(**kw)
        self.session = session
        self.fields = fields
        self.base = base
        self.parent_name = parent or session.kind
        self.widgets: dict[tuple, FieldBox] = {}

    @property
    def lang(self) -> str:
        return self.session.lang

    def compose(self):
        yield Static("", classes="form-msg")
        yield from self.build(self.fields, self.base, self.parent_name)

    def build(self, fields, base: tuple, parent: str):
        for f in fields:
            yield make_field(self, f, base + (f.name,), parent)

    def register(self, path: tuple, widget: FieldBox) -> None:
        self.widgets[path] = widget

    def on_mount(self) -> None:
        self.session.forms.append(self)
        self.show_findings(self.session.findings)

    def on_unmount(self) -> None:
        if self in self.session.forms:
            self.session.forms.remove(self)

    def show_findings(self, findings: list[Finding]) -> None:
        per: dict[tuple, list[tuple[Finding, tuple]]] = {p: [] for p in self.widgets}
        other: list[Finding] = []
        n = len(self.base)
        for f in findings:
            p = target_path(f)
            if p[:n] != self.base:
                continue
            for k in range(len(p), n, -1):
                if p[:k] in self.widgets:
                    per[p[:k]].append((f, p[k:]))
                    break
            else:
                other.append(f)
        for path, widget in self.widgets.items():
            widget.show_findings(per.get(path, []))
        box = self.query_one(".form-msg", Static)
        update_static(box, Content("\n").join(message_line(f, (), self.lang) for f in other) if other else "",
                      bool(other))

    def refresh_values(self) -> None:
        for widget in self.widgets.values():
            widget.refresh_value()

    def apply_editable(self) -> None:
        """Enable or disable the fields after the session's mode changed (a locked meeting)."""
        for widget in self.widgets.values():
            widget.apply_editable()

    def widget_for(self, path: tuple) -> FieldBox | None:
        for k in range(len(path), len(self.base), -1):
            if path[:k] in self.widgets:
                return self.widgets[path[:k]]
        return None


def message_line(f: Finding, rest: tuple, lang: str) -> Content:
    mark, style = ("✗", "bold red") if f.severity == "error" else ("⚠", "bold yellow")
    where = ""
    if rest and isinstance(rest[0], int):
        where = t("line", lang, n=rest[0] + 1) + ": "
    return Content.assemble((f"{mark} ", style), plain(f"{where}{f.message(lang)}"))


def make_field(form: RecordForm, f: Field, path: tuple, parent: str) -> FieldBox:
    """The widget of field f (FIELD_WIDGETS by its type; a list of refs is a multi-picker,
    other lists lines of text; str, int, amount, number, time, month_day an Input)."""
    if f.type == "list":
        refs = f.item is not None and f.item.type in ("ref", "person_or_guest")
        cls = MultiRefField if refs else LinesField
    else:
        cls = FIELD_WIDGETS.get(f.type, InputField)
    return cls(form, f, path, parent)


# -- one field -------------------------------------------------------------------------------


class FieldBox(Vertical):
    """Label, editor and the messages of one field."""

    DEFAULT_CSS = """
    FieldBox { height: auto; layout: grid; grid-size: 2; grid-columns: 22 1fr; grid-rows: auto; }
    FieldBox > .label { width: 22; padding: 0 1 0 0; color: $text-muted; }
    FieldBox > .editor, FieldBox > .editor-col { width: 1fr; }
    FieldBox > .msg { height: auto; column-span: 2; padding: 0 0 0 22; display: none; }
    FieldBox > .msg.-shown { display: block; }
    FieldBox Input.editor, FieldBox Select.editor { height: 1; }
    FieldBox TextArea.editor { height: 4; }
    FieldBox Checkbox.editor { height: 1; border: none; padding: 0; }
    """

    def __init__(self, form: RecordForm, field: Field, path: tuple, parent: str) -> None:
        super().__init__(id=wid(path), classes="field")
        self.form = form
        self.field = field
        self.path = path
        self.parent_name = parent
        self.local_error: str | None = None
        self.hint: str | None = None
        self.findings: list[tuple[Finding, tuple]] = []
        self.label_text = field_label(field, parent, self.lang) + (" *" if field.required else "")
        form.register(path, self)

    # -- model
    @property
    def session(self) -> EditSession:
        return self.form.session

    @property
    def lang(self) -> str:
        return self.form.session.lang

    @property
    def archive(self):
        return self.session.archive

    def model_value(self):
        return get_at(self.session.data, self.path, MISSING)

    def write(self, value) -> None:
        if self.model_value() != value or type(self.model_value()) is not type(value):
            self.session.set(self.path, value)

    def erase(self) -> None:
        if self.model_value() is not MISSING:
            self.session.delete(self.path)

    # -- layout
    def compose(self):
        yield Label(plain(self.label_text), classes="label")
        yield from self.compose_editor()

    def compose_editor(self):
        yield Static("")

    def on_mount(self) -> None:
        # (Textual calls the on_mount of every class in the MRO: subclasses override setup())
        self.setup()

    def setup(self) -> None:
        help_ = help_text(self.field, self.lang)
        if help_:
            for w in self.query(".editor"):
                w.tooltip = plain(help_)
            for w in self.query(".label"):
                w.tooltip = plain(help_)
        if self.session.locked:
            self.apply_editable()

    # -- read-only (a locked meeting)
    @property
    def editable(self) -> bool:
        return self.session.editable(self.path)

    def apply_editable(self) -> None:
        editable = self.editable
        if getattr(self, "_editable", True) != editable:
            self._editable = editable
            self.set_editable(editable)

    def set_editable(self, editable: bool) -> None:
        """Inputs, lists to choose from and pickers are disabled; texts stay focusable (to read
        and scroll them) but read-only."""
        for w in self.query("Input, Select, Checkbox, PickButton, Button"):
            w.disabled = not editable
        for w in self.query(TextArea):
            w.read_only = not editable

    def editor(self):
        return self.query(".editor").first()

    def focus_editor(self) -> None:
        w = self.editor()
        if w is not None:
            w.focus()

    def refresh_value(self) -> None:
        """Show the model's value again (after the data changed under the widget)."""

    # -- messages
    def set_hint(self, text: str | None) -> None:
        """A dim line under the field (the parsed date, how to write lines …)."""
        if text != self.hint:
            self.hint = text
            self.refresh_messages()

    def set_local_error(self, message: str | None) -> None:
        self.local_error = message
        if message:
            self.session.local_errors[self.path] = f"{self.label_text.rstrip(' *')}: {message}"
        else:
            self.session.local_errors.pop(self.path, None)
        self.refresh_messages()

    def show_findings(self, findings: list[tuple[Finding, tuple]]) -> None:
        self.findings = findings
        self.refresh_messages()

    def refresh_messages(self) -> None:
        lines: list[Content] = []
        if self.local_error:
            lines.append(Content.assemble(("✗ ", "bold red"), plain(self.local_error)))
        for f, rest in self.findings:
            lines.append(self.finding_line(f, rest))
        if self.hint:
            lines.append(Content.styled(self.hint, "dim"))
        msg = self.show_lines(lines)
        if msg is None:
            return
        hints = "\n".join(f.hint(self.lang) for f, _ in self.findings)
        if getattr(msg, "_hints", "") != hints:
            msg._hints = hints
            msg.tooltip = plain(hints) if hints else None

    def finding_line(self, f: Finding, rest: tuple) -> Content:
        if not rest and "key" in f.params:  # under the field itself: its label, not the key path
            f = dataclasses.replace(f, params={**f.params, "key": field_label(self.field, self.parent_name, self.lang)})
        return message_line(f, rest, self.lang)

    def show_lines(self, lines: list[Content]) -> Static | None:
        """The lines under the field, in a Static made when first needed (most fields never need
        one, and every widget costs time when a big form is laid out)."""
        content = Content("\n").join(lines) if lines else ""
        msg = getattr(self, "_msg", None)
        if msg is None:
            if not lines:
                return None
            msg = self._msg = Static(content, classes="msg -shown")
            msg._shown_text = str(content)
            self.mount(msg)
            return msg
        update_static(msg, content, bool(lines))
        return msg


def _format(f: Field, v) -> str:
    if v is MISSING or v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


_RESTRICT = {"int": r"-?[0-9]*", "amount": r"-?[0-9 \u00a0]*", "number": r"[0-9.,]*"}
_PLACEHOLDER = {"time": "HH:MM", "month_day": "MM-DD", "date": "2024-02-16, 16 feb 2024, idag, +3v"}
_NUMBER_ERRORS = {"int": "int.bad", "amount": "amount.bad", "number": "number.bad"}


def parse_number(kind: str, text: str, lang: str) -> int | float:
    """The value of text typed in a field of type kind: int and amount whole numbers (spaces
    allowed, as in 1 500 000), number also with a decimal comma or point. Raises ValueError
    with a message for the user."""
    try:
        if kind == "number":
            s = text.strip().replace(",", ".")
            return float(s) if "." in s else int(s)
        return int(text.replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        raise ValueError(t(_NUMBER_ERRORS[kind], lang)) from None


class InputField(FieldBox):
    """str, int, amount, number, time and month_day fields."""

    def compose_editor(self):
        self._text = _format(self.field, self.model_value())
        yield Input(value=self._text, compact=True, classes="editor", restrict=_RESTRICT.get(self.field.type),
                    placeholder=_PLACEHOLDER.get(self.field.type, ""), select_on_focus=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self._text:
            return
        self._text = event.value
        self.apply(event.value)

    def parse(self, text: str):
        """The value of the text; raises ValueError with a message for the user."""
        ft = self.field.type
        if ft in _NUMBER_ERRORS:
            return parse_number(ft, text, self.lang)
        if ft in ("time", "month_day"):
            return text.strip()
        return text

    def apply(self, text: str) -> None:
        if not text.strip():
            self.set_local_error(None)
            self.erase()
            return
        try:
            value = self.parse(text)
        except ValueError as exc:
            self.set_local_error(str(exc))
            return
        self.set_local_error(None)
        self.write(value)

    def refresh_value(self) -> None:
        text = _format(self.field, self.model_value())
        if text != self._text:
            self._text = text
            self.query_one(Input).value = text


class DateField(InputField):
    """A date typed freely ("17 juni 2022", "idag", "+3v"); the parsed ISO date is shown."""

    def setup(self) -> None:
        super().setup()
        v = self.model_value()
        if isinstance(v, dt.date):
            self.show_parsed(v)

    def parse(self, text: str):
        try:
            return parse_date(text)
        except DateError:
            raise ValueError(t("date.bad", self.lang)) from None

    def apply(self, text: str) -> None:
        super().apply(text)
        v = self.model_value()
        self.show_parsed(v if isinstance(v, dt.date) and not self.local_error and text.strip() else None)

    def show_parsed(self, d: dt.date | None) -> None:
        if d is None:
            self.set_hint(None)
        else:
            self.set_hint(t("date.parsed", self.lang, iso=d.isoformat(), weekday=WEEKDAYS[self.lang][d.weekday()]))

    def normalize(self) -> None:
        v = self.model_value()
        if isinstance(v, dt.date) and not self.local_error:
            text = v.isoformat()
            inp = self.query_one(Input)
            if inp.value != text:
                self._text = text
                inp.value = text

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self.normalize()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.normalize()


class TextField(FieldBox):
    def compose_editor(self):
        v = self.model_value()
        self._text = "" if v is MISSING else str(v)
        yield TextArea(self._text, soft_wrap=True, compact=True, show_line_numbers=False, classes="editor",
                       highlight_cursor_line=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text == self._text:
            return
        self._text = text
        self.text_changed(text)

    def text_changed(self, text: str) -> None:
        if text.strip():
            self.write(text)
        else:
            self.erase()

    def refresh_value(self) -> None:
        v = self.model_value()
        text = "" if v is MISSING else str(v)
        if text != self._text:
            self._text = text
            self.query_one(TextArea).load_text(text)


class LinesField(TextField):
    """A list of strings, one per line (decision clauses "att …", attachments)."""

    def compose_editor(self):
        v = self.model_value()
        items = v if isinstance(v, list) else []
        self._text = "\n".join(str(x) for x in items)
        yield TextArea(self._text, soft_wrap=True, compact=True, show_line_numbers=True, classes="editor",
                       highlight_cursor_line=False)

    def setup(self) -> None:
        super().setup()
        self.set_hint(t("lines.help", self.lang))

    def text_changed(self, text: str) -> None:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if lines:
            self.write(lines)
        else:
            self.erase()

    def refresh_value(self) -> None:
        v = self.model_value()
        text = "\n".join(str(x) for x in v) if isinstance(v, list) else ""
        current = [line.strip() for line in self._text.split("\n") if line.strip()]
        if current != (v if isinstance(v, list) else []):
            self._text = text
            self.query_one(TextArea).load_text(text)


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

    def __init__(self, owner: RefField, **kw) -> None:
        super().__init__("", **kw)
        self.owner = owner
        bind(self, owner.lang, K.PICK_FIELD)

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
        from finsam_tui.tui.editor.pickers import PickerScreen

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
        from finsam_tui.tui.editor.pickers import MultiPickerScreen

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


# -- tables ------------------------------------------------------------------------------------


class SectionField(FieldBox):
    """A table (attendance, justering, anslag, seats …): its fields in a box."""

    DEFAULT_CSS = """
    SectionField { layout: vertical; border: round $primary 50%; padding: 0 0 0 1; margin: 1 0 0 0; }
    SectionField > .msg { padding: 0; }
    """

    def compose(self):
        yield from self.form.build(self.field.fields, self.path, self.field.name)

    def setup(self) -> None:
        self.border_title = plain(self.label_text)
        help_ = help_text(self.field, self.lang)
        if help_:
            self.border_subtitle = plain(help_[:60])

    def set_editable(self, editable: bool) -> None:
        """Nothing: the fields inside are FieldBoxes of their own."""

    def focus_editor(self) -> None:
        for w in self.query(".editor"):
            if w.focusable:
                w.focus()
                return


class EntryList(OptionList):
    DEFAULT_CSS = """
    EntryList { height: auto; max-height: 12; border: none; padding: 0; background: $boost; }
    EntryList:focus { background: $boost; }
    """

    def __init__(self, owner: TablesField, **kw) -> None:
        super().__init__(markup=False, **kw)
        self.owner = owner
        self._bindings.key_to_bindings.pop("enter", None)
        bind(self, owner.lang, K.ENTRY_LIST + ((K.MOVE_TO,) if owner.movable else ()))

    def check_action(self, action: str, parameters) -> bool | None:
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
        from finsam_tui.tui.editor.screens import EntryScreen

        def back(_=None) -> None:
            self.refresh_value(highlight=i)
            self.form.refresh_values()  # e.g. a new budget version gives the amounts a new row

        self.app.push_screen(EntryScreen(self.session, self.field, self.path + (i,), self.field.name), back)

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
        from finsam_tui.tui.editor.pickers import PickerScreen

        entry = place_label(items, path)
        screen = PickerScreen(t("move_to.title", lang, entry=entry), choices, None, lang)
        self.app.push_screen(screen, lambda dest: self.move_to(i, dest) if dest else None)

    def move_to(self, i: int, dest: str) -> None:
        """Move the § or sub-item i to dest (a value of model.move_choices)."""
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
        from finsam_tui.tui.editor.dialogs import ChoiceDialog

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


# -- amounts and counts ------------------------------------------------------------------------


class AmountsField(FieldBox):
    """Amount per budget version: one input per version id of the budget."""

    DEFAULT_CSS = """
    AmountsField .amounts { width: 1fr; height: auto; }
    AmountsField .amount-row { height: 1; }
    AmountsField .amount-row > Label { width: 14; }
    AmountsField .amount-row > Input { width: 1fr; height: 1; }
    """

    def version_ids(self) -> list[str]:
        ids = [v.get("id") for v in self.session.data.get("versions", []) if isinstance(v, dict)
               and isinstance(v.get("id"), str)]
        current = self.model_value()
        for k in current if isinstance(current, dict) else {}:
            if k not in ids:
                ids.append(k)
        return ids

    def refresh_value(self) -> None:
        if self.version_ids() != getattr(self, "_ids", None):
            self.call_later(self.recompose)

    def compose_editor(self):
        current = self.model_value()
        current = current if isinstance(current, dict) else {}
        self._texts: dict[str, str] = {}
        self._ids = self.version_ids()
        with Vertical(classes="amounts"):
            for vid in self._ids:
                text = _format(self.field, current.get(vid, MISSING))
                self._texts[vid] = text
                with Horizontal(classes="amount-row"):
                    yield Label(plain(vid))
                    inp = Input(value=text, compact=True, restrict=_RESTRICT["amount"], classes="editor",
                                select_on_focus=False)
                    inp.version_id = vid
                    yield inp

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        vid = getattr(event.input, "version_id", None)
        if vid is None or self._texts.get(vid) == event.value:
            return
        self._texts[vid] = event.value
        errors = []
        out = {}
        current = self.model_value()
        current = dict(current) if isinstance(current, dict) else {}
        for k in self.version_ids():
            text = self._texts.get(k, _format(self.field, current.get(k, MISSING)))
            if not text.strip():
                continue
            try:
                out[k] = parse_number("amount", text, self.lang)
            except ValueError:
                errors.append(k)
                if k in current:
                    out[k] = current[k]
        self.set_local_error(t("amount.bad", self.lang) + f" ({', '.join(errors)})" if errors else None)
        self.write(out)


class CountsField(FieldBox):
    """Free key -> count (reasons for ending), as lines "reason = count"."""

    def compose_editor(self):
        v = self.model_value()
        items = v.items() if isinstance(v, dict) else []
        self._text = "\n".join(f"{k} = {n}" for k, n in items)
        yield TextArea(self._text, soft_wrap=False, compact=True, classes="editor", highlight_cursor_line=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text == self._text:
            return
        self._text = text
        out = {}
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            key, sep, num = line.rpartition("=")
            try:
                if not sep or not key.strip():
                    raise ValueError
                out[key.strip().strip('"')] = int(num.strip().replace(" ", ""))
            except ValueError:
                self.set_local_error(t("counts.bad", self.lang, line=n))
                return
        self.set_local_error(None)
        if out:
            self.write(out)
        else:
            self.erase()


# The widget of each field type (make_field); str, int, amount, number, time, month_day: InputField.
FIELD_WIDGETS: dict[str, type[FieldBox]] = {
    "table": SectionField,
    "tables": TablesField,
    "text": TextField,
    "date": DateField,
    "enum": EnumField,
    "bool": BoolField,
    "ref": RefField,
    "amounts": AmountsField,
    "counts": CountsField,
}

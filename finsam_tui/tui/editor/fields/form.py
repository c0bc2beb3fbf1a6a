"""The form builder: a :class:`RecordForm` shows the fields of one table of a record (the
record itself, or one entry of an array of tables), one widget per schema field
(``schema.py``), and writes every change straight into the edit session's data at the
field's key path. Field types map to widgets (:data:`FIELD_WIDGETS`):

* str, int, amount, number, time, month_day — ``Input`` (numbers parsed, errors inline)
* date — ``Input`` taking flexible dates (``dates.parse_date``), the parsed ISO date shown
* text — ``TextArea``; a list of strings (decision clauses, attachments) — ``TextArea``,
  one entry per line
* bool — ``Checkbox`` (or ja/nej/standard when the default depends on other fields)
* enum — ``Select``
* ref — a picker (type to filter a list of "Name (id)"), never typing ids; a list of refs —
  a multi-select picker with filter
* table — a section with its fields (:class:`SectionField`); tables (arrays of tables) — a
  list of entries, each edited on its own screen, opened by the ``open_entry`` callback the
  form's screen gives
* amounts — one input per budget version; counts — "reason = count" lines

Findings of the core's validation are shown under the field they concern.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.i18n.editor import help_text
from finsam_tui.core.ops.edited import target_path
from finsam_tui.core.records.schema import Field
from finsam_tui.tui.editor.fields.base import FieldBox, message_line
from finsam_tui.tui.editor.fields.choices import BoolField, EnumField, MultiRefField, RefField
from finsam_tui.tui.editor.fields.entries import TablesField
from finsam_tui.tui.editor.fields.inputs import AmountsField, CountsField, DateField, InputField, LinesField, TextField
from finsam_tui.tui.widgets import plain, update_static

if TYPE_CHECKING:
    from finsam_tui.tui.editor.session import EditSession

# open_entry(list field, index): edit that entry of the list on a screen of its own
OpenEntry = Callable[[TablesField, int], None]


class RecordForm(Vertical):
    """The fields of one table at base path, bound to the session's data."""

    DEFAULT_CSS = """
    RecordForm { height: auto; padding: 0 1 0 0; }
    RecordForm > .form-msg { height: auto; display: none; color: $error; }
    RecordForm > .form-msg.-shown { display: block; }
    """

    def __init__(self, session: EditSession, fields: tuple[Field, ...], base: tuple = (), parent: str = "",
                 open_entry: OpenEntry | None = None, **kw) -> None:
        super().__init__(**kw)
        self.session = session
        self.open_entry: OpenEntry = open_entry or (lambda box, i: None)
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



def make_field(form: RecordForm, f: Field, path: tuple, parent: str) -> FieldBox:
    """The widget of field f (FIELD_WIDGETS by its type; a list of refs is a multi-picker,
    other lists lines of text; str, int, amount, number, time, month_day an Input)."""
    if f.type == "list":
        refs = f.item is not None and f.item.type in ("ref", "person_or_guest")
        cls = MultiRefField if refs else LinesField
    else:
        cls = FIELD_WIDGETS.get(f.type, InputField)
    return cls(form, f, path, parent)


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

"""One field of the editor's form: :class:`FieldBox`, the label, the editor widget and the
lines under it (the core's findings about the field, a local error such as a number that
cannot be read, a dim hint such as the parsed date), and whether it may be changed now (a
locked meeting). The field types are subclasses in ``inputs``, ``choices`` and ``entries``;
``form`` builds them from the schema.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static, TextArea

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.i18n.editor import field_label, help_text, t
from finsam_tui.core.ops.edited import MISSING
from finsam_tui.core.records.keypaths import value_at as get_at
from finsam_tui.core.records.schema import Field
from finsam_tui.tui.widgets import plain, update_static

if TYPE_CHECKING:
    from finsam_tui.tui.editor.fields.form import RecordForm
    from finsam_tui.tui.editor.session import EditSession


def wid(path: tuple) -> str:
    """The DOM id of the field at path: ("items", 3, "title") -> "f-items-3-title"."""
    return "f-" + "-".join(str(p) for p in path) if path else "f-root"


def message_line(f: Finding, rest: tuple, lang: str) -> Content:
    mark, style = ("✗", "bold red") if f.severity == "error" else ("⚠", "bold yellow")
    where = ""
    if rest and isinstance(rest[0], int):
        where = t("line", lang, n=rest[0] + 1) + ": "
    return Content.assemble((f"{mark} ", style), plain(f"{where}{f.message(lang)}"))



def format_value(v) -> str:
    """A value of the data as the text of an input ("" when missing)."""
    if v is MISSING or v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


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

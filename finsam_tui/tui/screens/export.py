"""Export a meeting's agenda, protocol or an extract of §§ to a Markdown file.

The file goes to the current directory unless the name is a path. A meeting whose
records have errors is written only as a draft (marked UTKAST), after the user agreed.
"""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from finsam_tui.core.export import ExportError, RecordsHaveErrors, agenda, extract, protocol
from finsam_tui.core.i18n.export import Labels as ExportLabels
from finsam_tui.tui.screens.dialogs.base import Dialog
from finsam_tui.tui.screens.dialogs.questions import YesNoDialog

KINDS = ("agenda", "protocol", "extract")


def default_name(L, kind: str, meeting: str, paragraphs: str = "") -> str:
    """protokoll-styrelse-2023-04-14.md, kallelse-…, utdrag-styrelse-2023-04-14-17-20a.md"""
    organ, _, stem = meeting.partition("/")
    name = f"{L[f'file_prefix_{kind}']}-{organ}-{stem}"
    if kind == "extract":
        numbers = re.findall(r"\d+[a-z]?", paragraphs)
        if numbers:
            name += "-" + "-".join(numbers)
    return name + ".md"


def render(archive, kind: str, meeting: str, paragraphs: list[str], lang: str, draft: bool) -> str:
    if kind == "agenda":
        return agenda(archive, meeting, lang, draft)
    if kind == "extract":
        return extract(archive, meeting, paragraphs, lang, draft)
    return protocol(archive, meeting, lang, draft)


def target_path(name: str) -> Path:
    path = Path(name).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


class ExportDialog(Dialog):
    DEFAULT_CSS = """
    ExportDialog RadioSet { width: 100%; border: none; padding: 0; }
    ExportDialog Input, ExportDialog Input:focus { margin: 0; border: none; height: 1; padding: 0 1; }
    ExportDialog Label { margin-top: 1; text-style: bold; }
    ExportDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ExportDialog Button { margin-left: 1; }
    """

    def __init__(self, meeting: str, kind: str = "protocol", paragraph: str | None = None) -> None:
        super().__init__()
        self.meeting = meeting
        self.kind = kind if kind in KINDS else "protocol"
        self.paragraph = paragraph or ""
        self._auto_name = True

    def compose(self) -> ComposeResult:
        L = self.app.L
        with Vertical(classes="dialog-box"):
            yield Static(Text(L.fmt("export_title", ref=self.meeting)), classes="dialog-title")
            yield Label(L["export_kind"])
            with RadioSet(id="export-kind"):
                for kind in KINDS:
                    yield RadioButton(L[f"export_{kind}"], value=kind == self.kind, id=f"kind-{kind}")
            yield Label(L["export_paragraphs"], id="paragraphs-label")
            yield Input(self.paragraph, id="export-paragraphs")
            yield Label(L["export_file"])
            yield Input(default_name(L, self.kind, self.meeting, self.paragraph), id="export-file")
            with Horizontal():
                yield Button(L["export_ok"], variant="primary", id="export-ok")
                yield Button(L["cancel"], id="export-cancel")

    def on_mount(self) -> None:
        self._show_paragraphs()
        self.query_one("#export-file", Input).focus()

    def _show_paragraphs(self) -> None:
        extract_kind = self.kind == "extract"
        self.query_one("#export-paragraphs").display = extract_kind
        self.query_one("#paragraphs-label").display = extract_kind

    def _rename(self) -> None:
        if self._auto_name:
            paragraphs = self.query_one("#export-paragraphs", Input).value
            with self.prevent(Input.Changed):
                self.query_one("#export-file", Input).value = default_name(self.app.L, self.kind, self.meeting,
                                                                           paragraphs)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.kind = (event.pressed.id or "kind-protocol").removeprefix("kind-")
        self._show_paragraphs()
        self._rename()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "export-file":
            self._auto_name = False
        else:
            self._rename()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-ok":
            self.export()
        else:
            self.dismiss(None)

    def export(self, draft: bool = False) -> None:
        app, L = self.app, self.app.L
        name = self.query_one("#export-file", Input).value.strip()
        paragraphs = re.findall(r"§?\s*\d+[a-z]?", self.query_one("#export-paragraphs", Input).value)
        if not name:
            return
        try:
            text = render(app.archive, self.kind, self.meeting, paragraphs, L.lang, draft)
        except RecordsHaveErrors as err:
            def answered(yes: bool | None) -> None:
                if yes:
                    self.export(draft=True)

            app.push_screen(YesNoDialog(L.fmt("export_has_errors", ref=self.meeting, count=len(err.findings)),
                                          L["yes_draft"], L["cancel"]), answered)
            return
        except ExportError as err:
            app.notify(L.fmt("export_failed", reason=err.message(ExportLabels(L.lang))), severity="error",
                       markup=False)
            return
        path = target_path(name)
        try:
            path.write_bytes(text.encode("utf-8"))
        except OSError as exc:
            app.notify(L.fmt("export_failed", reason=f"{path}: {exc.strerror or exc}"), severity="error",
                       markup=False)
            return
        app.notify(L.fmt("exported", path=str(path)), markup=False)
        self.dismiss(str(path))

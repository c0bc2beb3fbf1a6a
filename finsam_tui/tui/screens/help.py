"""The help screen: every key, grouped, in the app's language (? or F1); the editor's keys come
from the same definitions its screens bind (``keys.EDITOR_HELP``)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from finsam_tui.core.i18n.tui import Labels
from finsam_tui.tui.keys import (
    APP_BINDINGS,
    CLOSE_BINDINGS,
    MAIN_BINDINGS,
    NAVIGATION_HELP,
    bind,
    editor_help_sections,
    editor_help_title,
    key_text,
)
from finsam_tui.tui.screens.dialogs.base import Dialog
from finsam_tui.tui.screens.preview import PreviewScreen
from finsam_tui.tui.screens.source import SourceScreen
from finsam_tui.tui.sections.registers import UppdragSection


def help_table(L: Labels) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold", min_width=12)
    table.add_column()

    def group(title: str, rows: list) -> None:
        """rows: (keys, what they do), or a Text: a sub-heading in the second column."""
        table.add_row(Text(title, style="bold underline"), Text(""))
        for row in rows:
            if isinstance(row, Text):
                table.add_row(Text(""), row)
            else:
                keys, label = row
                table.add_row(Text(keys), Text(label))
        table.add_row(Text(""), Text(""))

    def rows_of(bindings) -> list[tuple[str, str]]:
        return [(key_text(b), L[f"key_{b.id}"]) for b in bindings if b.id and not b.id.startswith("section")]

    group(L["help_everywhere"], rows_of(APP_BINDINGS) + [(keys, L[k]) for k, keys in NAVIGATION_HELP[-2:]])
    group(L["help_main"], rows_of(MAIN_BINDINGS) + [(NAVIGATION_HELP[-3][1], L[NAVIGATION_HELP[-3][0]])]
          + rows_of(UppdragSection.BINDINGS))
    group(L["help_lists"], [(keys, L[k]) for k, keys in NAVIGATION_HELP[:-3]])
    group(L["help_dialogs"], rows_of(CLOSE_BINDINGS) + rows_of(SourceScreen.BINDINGS)
          + rows_of(PreviewScreen.BINDINGS))
    editor: list[tuple[str, str] | Text] = []
    for heading, rows in editor_help_sections(L.lang):
        if heading:
            editor.append(Text(heading, style="italic"))
        editor += rows
    group(editor_help_title(L.lang), editor)
    table.add_row(Text(""), Text(L["help_footer"], style="dim"))
    return table


class HelpScreen(Dialog):
    BINDINGS = [bind("question_mark,f1,q", "close", "close", show=False)]
    DEFAULT_CSS = """
    HelpScreen > .dialog-box { height: 1fr; }
    HelpScreen VerticalScroll { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        L = self.app.L
        with VerticalScroll(classes="dialog-box") as box:
            box.border_title = L["help_title"]
            yield Static(help_table(L), id="help-body")
        yield Footer()

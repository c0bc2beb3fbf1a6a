"""Problem: the live validation findings; Enter opens the record's file at the line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from finsam_tui.tui import details
from finsam_tui.tui.lazylist import LazyList, Row
from finsam_tui.tui.sections.base import Section, Selection
from finsam_tui.tui.widgets import DetailPane


def finding_key(f) -> str:
    return f"{f.file}:{f.line or 0}:{f.column or 0}:{f.code}"


class ProblemsSection(Section):
    SECTION_ID = "problems"
    LABEL = "section_problems"

    DEFAULT_CSS = """
    ProblemsSection > #problems-count { height: 1; padding: 0 1; color: $text-muted; }
    ProblemsSection > LazyList { height: 1fr; }
    ProblemsSection > DetailPane { height: 9; border-top: solid $panel-lighten-2; }
    """

    def build(self) -> ComposeResult:
        yield Static("", id="problems-count")
        yield LazyList(id="problems-list")
        yield DetailPane(id="problems-detail")

    @property
    def list(self) -> LazyList:
        return self.query_one(LazyList)

    def populate(self) -> None:
        model, L = self.model, self.L
        lst = self.list
        keep = lst.highlighted_row.key if lst.highlighted_row else None
        count = self.query_one("#problems-count", Static)
        if not model.loaded:
            count.update(Text(L["loading"]))
            lst.set_rows([])
            return
        files = len({f.file for f in model.findings})
        count.update(Text(L.fmt("problems_summary", errors=model.errors, warnings=model.warnings, files=files)
                          if model.findings else ""))
        lst.set_empty_text(L["problems_none"])
        rows = [Row(finding_key(f), lambda f=f: self._text(f), f) for f in model.findings]
        lst.set_rows(rows, keep=keep)
        if not rows:
            self.query_one(DetailPane).show("")

    def _text(self, f) -> Text:
        error = f.severity == "error"
        where = f"{f.file}:{f.line}" if f.line else f.file
        return Text.assemble(("✗ " if error else "! ", "bold red" if error else "bold yellow"),
                             (f"{f.code} ", "bold"), (where, "dim"), " ", f.message(self.L.lang))

    def on_lazy_list_highlighted(self, event: LazyList.Highlighted) -> None:
        event.stop()
        self.query_one(DetailPane).show(details.finding_detail(event.row.data, self.L))

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        event.stop()
        self.app.open_source(event.row.data.file, event.row.data.line, event.row.data.column, event.row.data)

    def selection(self) -> Selection | None:
        row = self.list.highlighted_row
        if row is None:
            return None
        f = row.data
        ref = self.model.rel_to_ref(f.file)
        rec = self.model.archive.by_rel.get(f.file) if self.model.archive is not None else None
        return Selection("finding", ref, f.file, rec.kind if rec is not None else None, line=f.line)

    def select_ref(self, ref: str) -> bool:
        return self.list.select_key(ref)

    def focus_list(self) -> None:
        self.list.focus()

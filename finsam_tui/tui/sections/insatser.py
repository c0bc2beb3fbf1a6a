"""Insatser: the funded interventions with their statistics per year."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

from .. import details
from ..lazylist import LazyList, Row
from ..model import iso
from ..widgets import DetailPane
from .base import Section, Selection
from .members import sort_key


class InsatserSection(Section):
    SECTION_ID = "insatser"
    LABEL = "section_insatser"
    NEW_KIND = "insats"

    DEFAULT_CSS = """
    InsatserSection { layout: horizontal; }
    InsatserSection > LazyList { width: 28; height: 1fr; }
    """

    def build(self) -> ComposeResult:
        yield LazyList(id="insatser-list")
        yield DetailPane(id="insatser-detail")

    @property
    def list(self) -> LazyList:
        return self.query_one(LazyList)

    def populate(self) -> None:
        archive = self.model.archive
        lst = self.list
        keep = lst.highlighted_row.key if lst.highlighted_row else None
        if archive is None:
            lst.set_empty_text(self.L["loading"])
            lst.set_rows([])
            return
        recs = sorted(archive.insatser.values(), key=lambda r: sort_key(str(r.data.get("name", r.id))))
        lst.set_rows([Row(f"insats/{r.id}", lambda r=r: self._text(r), r) for r in recs], keep=keep)

    @staticmethod
    def _text(rec) -> Text:
        text = Text(str(rec.data.get("name", rec.id)))
        start, end = rec.data.get("start"), rec.data.get("end")
        if start or end:
            text.append(f"  {iso(start)[:4]}–{iso(end)[:4]}", style="dim")
        return text

    def on_lazy_list_highlighted(self, event: LazyList.Highlighted) -> None:
        event.stop()
        self.query_one(DetailPane).show(details.insats_detail(self.model, event.row.data.id, self.L))

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        event.stop()
        self.query_one(DetailPane).focus()

    def selection(self) -> Selection | None:
        row = self.list.highlighted_row
        if row is None:
            return None
        return Selection("insats", row.key, row.data.rel, "insats")

    def select_ref(self, ref: str) -> bool:
        return self.list.select_key(ref)

    def focus_list(self) -> None:
        self.list.focus()

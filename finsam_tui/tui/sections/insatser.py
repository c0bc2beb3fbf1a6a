"""Insatser: the funded interventions with their statistics per year."""

from __future__ import annotations

from rich.text import Text

from .. import details
from ..lazylist import Row
from ..model import iso
from .base import ListDetailSection, Selection
from .members import sort_key


class InsatserSection(ListDetailSection):
    SECTION_ID = "insatser"
    LABEL = "section_insatser"
    NEW_KIND = "insats"

    def rows(self, archive) -> list[Row]:
        recs = sorted(archive.insatser.values(), key=lambda r: sort_key(str(r.data.get("name", r.id))))
        return [Row(f"insats/{r.id}", lambda r=r: self._text(r), r) for r in recs]

    @staticmethod
    def _text(rec) -> Text:
        text = Text(str(rec.data.get("name", rec.id)))
        start, end = rec.data.get("start"), rec.data.get("end")
        if start or end:
            text.append(f"  {iso(start)[:4]}–{iso(end)[:4]}", style="dim")
        return text

    def show_row(self, row: Row) -> None:
        self.detail.show(details.insats_detail(self.model, row.data.id, self.L))

    def selection(self) -> Selection | None:
        row = self.list.highlighted_row
        if row is None:
            return None
        return Selection("insats", row.key, row.data.rel, "insats")

"""Insatser: the funded interventions with their statistics per year."""

from __future__ import annotations

from rich.text import Text

from finsam_tui.tui import details
from finsam_tui.tui.lazylist import Row
from finsam_tui.tui.sections.base import ListDetailSection, Selection
from finsam_tui.tui.sections.members import sort_key
from finsam_tui.tui.view_data import iso


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

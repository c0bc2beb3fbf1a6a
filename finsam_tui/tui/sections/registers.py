"""Beslut (the decision register) and Uppdrag (open and all tasks): long lists, drawn lazily.

Enter on an entry opens its § in Möten.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from .. import details
from ..lazylist import LazyList, Row
from ..model import iso, xref
from ..widgets import DetailPane
from .base import Section, Selection


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class DecisionsSection(Section):
    SECTION_ID = "decisions"
    LABEL = "section_decisions"

    DEFAULT_CSS = """
    DecisionsSection > Input { height: 1; border: none; padding: 0 1; margin: 0; }
    DecisionsSection > #decisions-count { height: 1; padding: 0 1; color: $text-muted; }
    DecisionsSection > LazyList { height: 1fr; }
    DecisionsSection > DetailPane { height: 8; border-top: solid $panel-lighten-2; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[tuple] = []
        self._haystack: list[str] = []

    def build(self) -> ComposeResult:
        yield Input(placeholder="", id="decisions-filter")
        yield Static("", id="decisions-count")
        yield LazyList(id="decisions-list")
        yield DetailPane(id="decisions-detail")

    @property
    def list(self) -> LazyList:
        return self.query_one(LazyList)

    def populate(self) -> None:
        self.query_one(Input).placeholder = self.L["filter"]
        archive = self.model.archive
        if archive is None:
            self.list.set_empty_text(self.L["loading"])
            self.list.set_rows([])
            return
        self._entries = xref.decision_entries(archive)
        self._haystack = []
        for _m, _n, _letter, item in self._entries:
            clauses = [c for c in item.get("decision", []) if isinstance(c, str)]
            self._haystack.append(_fold(" ".join([str(item.get("title", "")), str(item.get("decision_text", "")),
                                                  *clauses])))
        self._apply_filter()

    def _apply_filter(self) -> None:
        query = _fold(self.query_one(Input).value)
        lst = self.list
        keep = lst.highlighted_row.key if lst.highlighted_row else None
        rows = []
        for entry, hay in zip(self._entries, self._haystack):
            if query and query not in hay:
                continue
            m, number, letter, _item = entry
            rows.append(Row(f"{m.id}/§{number}{letter or ''}", lambda e=entry: self._text(e), entry))
        self.query_one("#decisions-count", Static).update(Text(self.L.fmt("decisions_count", count=len(rows))))
        self.list.set_empty_text("–")
        lst.set_rows(rows, keep=keep)
        if not rows:
            self.query_one(DetailPane).show("")

    def _text(self, entry) -> Text:
        m, number, letter, item = entry
        archive = self.model.archive
        date = archive.meeting_date(m)
        return Text.assemble((iso(date) if date else m.id.split("/", 1)[1], "bold"), " ",
                             (f"{xref.organ_of(m)} §{number}{letter or ''}", "dim"), " ",
                             str(item.get("title", "")))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.model.archive is not None:
            self._apply_filter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.list.focus()

    def on_lazy_list_highlighted(self, event: LazyList.Highlighted) -> None:
        event.stop()
        self.query_one(DetailPane).show(details.decision_detail(self.model, event.row.data, self.L))

    async def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        event.stop()
        await self.app.open_ref(event.row.key)

    def selection(self) -> Selection | None:
        row = self.list.highlighted_row
        if row is None:
            return None
        m = row.data[0]
        return Selection("paragraph", row.key, m.rel, "meeting", meeting=m.id, organ=xref.organ_of(m))

    def select_ref(self, ref: str) -> bool:
        return self.list.select_key(ref)

    def focus_list(self) -> None:
        self.list.focus()


class UppdragSection(Section):
    SECTION_ID = "uppdrag"
    LABEL = "section_uppdrag"

    BINDINGS = [Binding("a", "toggle_all", "Öppna/alla", id="all_open")]

    DEFAULT_CSS = """
    UppdragSection > #uppdrag-count { height: 1; padding: 0 1; color: $text-muted; }
    UppdragSection > LazyList { height: 1fr; }
    UppdragSection > DetailPane { height: 8; border-top: solid $panel-lighten-2; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.open_only = True
        self._generation = 0

    def build(self) -> ComposeResult:
        yield Static("", id="uppdrag-count")
        yield LazyList(id="uppdrag-list")
        yield DetailPane(id="uppdrag-detail")

    @property
    def list(self) -> LazyList:
        return self.query_one(LazyList)

    def populate(self) -> None:
        archive = self.model.archive
        self.list.set_empty_text(self.L["loading"] if archive is None else "–")
        if archive is None:
            self.list.set_rows([])
            return
        self._generation += 1
        self._load(archive, self.open_only, self._generation)

    @work(thread=True, exclusive=True, group="uppdrag")
    def _load(self, archive, open_only: bool, generation: int) -> None:
        tasks = xref.uppdrag(archive, open_only=open_only)
        self.app.call_from_thread(self._show, tasks, generation)

    def _show(self, tasks: list, generation: int) -> None:
        if generation != self._generation:
            return
        lst = self.list
        keep = lst.highlighted_row.key if lst.highlighted_row else None
        key = "uppdrag_open_count" if self.open_only else "uppdrag_all_count"
        self.query_one("#uppdrag-count", Static).update(Text(self.L.fmt(key, count=len(tasks))))
        rows = [Row(f"{u.ref}#{i}", lambda u=u: self._text(u), u) for i, u in enumerate(tasks)]
        lst.set_rows(rows, keep=keep)
        if not rows:
            self.query_one(DetailPane).show("")

    def _text(self, u) -> Text:
        return Text.assemble((f"{self.L.domain(u.status):<9}", "bold" if u.open else "dim"), " ",
                             (iso(u.due) or "–", "dim"), " ", (u.responsible_name or "–", "italic"), " ", u.task)

    def action_toggle_all(self) -> None:
        self.open_only = not self.open_only
        self.populate()

    def on_lazy_list_highlighted(self, event: LazyList.Highlighted) -> None:
        event.stop()
        self.query_one(DetailPane).show(details.uppdrag_detail(self.model, event.row.data, self.L))

    async def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        event.stop()
        await self.app.open_ref(event.row.data.ref)

    def selection(self) -> Selection | None:
        row = self.list.highlighted_row
        if row is None:
            return None
        u = row.data
        return Selection("paragraph", u.ref, u.file, "meeting", meeting=u.meeting, line=u.line, organ=u.organ)

    def focus_list(self) -> None:
        self.list.focus()

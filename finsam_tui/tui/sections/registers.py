"""Beslut (the decision register) and Uppdrag (open and all tasks): long lists, drawn lazily.

Both are filtered by year and organ (RegisterFilter: two Selects in the row above the
list, reached with Tab); Beslut also by words in the title and decision. Enter on an entry
opens its § in Möten.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from finsam_tui.core.records.meetings import organ_of
from finsam_tui.core.text import visible
from finsam_tui.tui import details
from finsam_tui.tui.keys import bind
from finsam_tui.tui.lazylist import LazyList, Row
from finsam_tui.tui.sections.base import Section, Selection
from finsam_tui.tui.view_data import iso, registers
from finsam_tui.tui.widgets import DetailPane


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


ALL = ""  # the value of "Alla år" and "Alla organ"


def register_choices(archive) -> tuple[list[int], list[tuple[str, str]]]:
    """The years that have meetings, newest first, and the organs (id, name): those of the
    förbund's settings in their order, then any other a meeting names."""
    years: set[int] = set()
    organs: dict[str, None] = dict.fromkeys(archive.organs)
    for m in archive.meetings.values():
        date = archive.meeting_date(m)
        if date is not None:
            years.add(date.year)
        organs.setdefault(organ_of(m), None)
    return sorted(years, reverse=True), [(o, archive.organ_name(o)) for o in organs]


class RegisterFilter(Horizontal):
    """The row above a register's list: what comes first (a word filter, a count), then a
    Select of the year and one of the organ. Posts Changed when either Select changes."""

    DEFAULT_CSS = """
    RegisterFilter { height: 1; }
    RegisterFilter > Input { width: 1fr; height: 1; border: none; padding: 0 1; margin: 0; }
    RegisterFilter > Static { width: 1fr; height: 1; padding: 0 1; color: $text-muted; }
    RegisterFilter > Select { height: 1; margin: 0 0 0 1; }
    RegisterFilter > .register-year { width: 12; }
    RegisterFilter > .register-organ { width: 22; }
    """

    class Changed(Message):
        """The year or organ chosen changed."""

    def __init__(self, first: Widget, prefix: str) -> None:
        super().__init__(id=f"{prefix}-filters")
        self._first = first
        self._prefix = prefix
        self._choices: tuple = ()

    def compose(self) -> ComposeResult:
        yield self._first
        yield Select([(Text(""), ALL)], allow_blank=False, compact=True, id=f"{self._prefix}-year",
                     classes="register-year")
        yield Select([(Text(""), ALL)], allow_blank=False, compact=True, id=f"{self._prefix}-organ",
                     classes="register-organ")

    @property
    def year_select(self) -> Select:
        return self.query_one(f"#{self._prefix}-year", Select)

    @property
    def organ_select(self) -> Select:
        return self.query_one(f"#{self._prefix}-organ", Select)

    @property
    def year(self) -> int | None:
        value = self.year_select.value
        return int(value) if isinstance(value, str) and value != ALL else None

    @property
    def organ(self) -> str | None:
        value = self.organ_select.value
        return value if isinstance(value, str) and value != ALL else None

    def set_choices(self, L, archive) -> None:
        """Offer the archive's years and organs; a choice still offered stays chosen."""
        years, organs = register_choices(archive)
        choices = (L.lang, tuple(years), tuple(organs))
        if choices == self._choices:
            return
        self._choices = choices
        year_options = [(Text(L["filter_all_years"]), ALL)] + [(Text(str(y)), str(y)) for y in years]
        organ_options = [(Text(L["filter_all_organs"]), ALL)] + [(Text(visible(name)), o) for o, name in organs]
        for select, options in ((self.year_select, year_options), (self.organ_select, organ_options)):
            keep = select.value
            select.set_options(options)
            if keep != select.value and any(value == keep for _prompt, value in options):
                select.value = keep
            else:  # the same value under a new prompt (a language change): show the prompt
                select.mutate_reactive(Select.value)

    def keeps(self, date, organ: str) -> bool:
        """True when an entry of that meeting date and organ passes the filter."""
        year, chosen = self.year, self.organ
        if year is not None and (date is None or date.year != year):
            return False
        return chosen is None or organ == chosen

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed())


class FilteredRegister(Section):
    """What the registers share: a RegisterFilter above the list; a new year or organ
    chosen there runs the subclass's _apply_filter(), which records _filter_state()."""

    def __init__(self) -> None:
        super().__init__()
        self._applied: tuple | None = None  # the filter the list shows

    @property
    def filters(self) -> RegisterFilter:
        return self.query_one(RegisterFilter)

    def _filter_state(self) -> tuple:
        return (self.filters.year, self.filters.organ)

    def _apply_filter(self) -> None:  # pragma: no cover - every register has its own
        raise NotImplementedError

    def on_register_filter_changed(self, event: RegisterFilter.Changed) -> None:
        event.stop()
        # set_options() and mounting post Changed too: only a new choice filters again
        if self.model.archive is not None and self._applied is not None and self._filter_state() != self._applied:
            self._apply_filter()


class DecisionsSection(FilteredRegister):
    SECTION_ID = "decisions"
    LABEL = "section_decisions"

    DEFAULT_CSS = """
    DecisionsSection > #decisions-count { height: 1; padding: 0 1; color: $text-muted; }
    DecisionsSection > LazyList { height: 1fr; }
    DecisionsSection > DetailPane { height: 8; border-top: solid $panel-lighten-2; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[tuple] = []
        self._haystack: list[str] = []
        self._facets: list[tuple] = []  # (date, organ) of each entry

    def build(self) -> ComposeResult:
        yield RegisterFilter(Input(placeholder="", id="decisions-filter"), "decisions")
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
        self.filters.set_choices(self.L, archive)
        self._entries = registers.decision_entries(archive)
        self._haystack = []
        self._facets = []
        for m, _n, _letter, item in self._entries:
            clauses = [c for c in item.get("decision", []) if isinstance(c, str)]
            self._haystack.append(_fold(" ".join([str(item.get("title", "")), str(item.get("decision_text", "")),
                                                  *clauses])))
            self._facets.append((archive.meeting_date(m), organ_of(m)))
        self._apply_filter()

    def _filter_state(self) -> tuple:
        return (_fold(self.query_one(Input).value), *super()._filter_state())

    def _apply_filter(self) -> None:
        self._applied = state = self._filter_state()
        query = state[0]
        keeps = self.filters.keeps
        lst = self.list
        keep = lst.highlighted_row.key if lst.highlighted_row else None
        rows = []
        for entry, hay, (date, organ) in zip(self._entries, self._haystack, self._facets):
            if query and query not in hay:
                continue
            if not keeps(date, organ):
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
                             (f"{organ_of(m)} §{number}{letter or ''}", "dim"), " ",
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
        return Selection("paragraph", row.key, m.rel, "meeting", meeting=m.id, organ=organ_of(m))

    def select_ref(self, ref: str) -> bool:
        return self.list.select_key(ref)

    def focus_list(self) -> None:
        self.list.focus()


class UppdragSection(FilteredRegister):
    SECTION_ID = "uppdrag"
    LABEL = "section_uppdrag"

    BINDINGS = [bind("a", "toggle_all", "all_open")]

    DEFAULT_CSS = """
    UppdragSection > LazyList { height: 1fr; }
    UppdragSection > DetailPane { height: 8; border-top: solid $panel-lighten-2; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.open_only = True
        self._generation = 0
        self._tasks: list = []  # as loaded (open or all), before the year and organ filter

    def build(self) -> ComposeResult:
        yield RegisterFilter(Static("", id="uppdrag-count"), "uppdrag")
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
        self.filters.set_choices(self.L, archive)
        self._generation += 1
        self._load(archive, self.open_only, self._generation)

    @work(thread=True, exclusive=True, group="uppdrag")
    def _load(self, archive, open_only: bool, generation: int) -> None:
        tasks = registers.uppdrag(archive, open_only=open_only)
        self.app.call_from_thread(self._show, tasks, generation)

    def _show(self, tasks: list, generation: int) -> None:
        if generation != self._generation:
            return
        self._tasks = tasks
        self._apply_filter()

    def _apply_filter(self) -> None:
        self._applied = self._filter_state()
        keeps = self.filters.keeps
        lst = self.list
        keep = lst.highlighted_row.key if lst.highlighted_row else None
        rows = [Row(f"{u.ref}#{i}", lambda u=u: self._text(u), u) for i, u in enumerate(self._tasks)
                if keeps(u.date, u.organ)]
        key = "uppdrag_open_count" if self.open_only else "uppdrag_all_count"
        self.query_one("#uppdrag-count", Static).update(Text(self.L.fmt(key, count=len(rows))))
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

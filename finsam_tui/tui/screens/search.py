"""Full-text search (/): the core's FTS index, results in a lazy list; Enter opens a hit."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from finsam_tui.core.query.search import MARK_END, MARK_START, SearchError, search
from finsam_tui.tui.keys import bind
from finsam_tui.tui.lazylist import LazyList, Row
from finsam_tui.tui.screens.dialogs.base import Dialog
from finsam_tui.tui.widgets import DetailPane

DEBOUNCE = 0.25
LIMIT = 200


def snippet_text(snippet: str) -> Text:
    """The snippet with its matches marked (markers from the search index), on one line."""
    out = Text()
    marked = False
    for part in " ".join(snippet.split()).replace(MARK_START, "\x00S").replace(MARK_END, "\x00E").split("\x00"):
        if part.startswith("S"):
            marked, part = True, part[1:]
        elif part.startswith("E"):
            marked, part = False, part[1:]
        out.append(part, style="bold reverse" if marked else "")
    return out


class SearchScreen(Dialog):
    BINDINGS = [bind("down", "to_results", "focus_list", show=False)]
    DEFAULT_CSS = """
    SearchScreen > .dialog-box { height: 1fr; }
    SearchScreen Input, SearchScreen Input:focus { margin: 0; border: none; height: 1; padding: 0 1; }
    SearchScreen #search-count { height: 1; color: $text-muted; }
    SearchScreen LazyList { height: 1fr; }
    SearchScreen DetailPane { height: 5; border-top: solid $panel-lighten-2; }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list = []
        self._timer = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        L = self.app.L
        with Vertical(classes="dialog-box"):
            yield Input(self.initial, placeholder=L["search_placeholder"], id="search-input")
            yield Static(Text(L["search_type"]), id="search-count")
            yield LazyList(id="search-results")
            yield DetailPane(id="search-detail")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.initial.strip():
            self.run_search(self.initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        value = event.value
        self._timer = self.set_timer(DEBOUNCE, lambda: self.run_search(value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self.run_search(event.value, then_focus=True)

    def run_search(self, query: str, then_focus: bool = False) -> None:
        self._generation += 1
        self._search(query, self._generation, then_focus)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, generation: int, then_focus: bool) -> None:
        try:
            hits = search(self.app.records_root, query, limit=LIMIT)
            error = None
        except SearchError:
            hits, error = [], "search_type"
        except Exception as exc:  # noqa: BLE001 - a broken cache or folder: say so, keep the dialog
            hits, error = [], str(exc)
        self.app.call_from_thread(self._show, query, hits, error, generation, then_focus)

    def _show(self, query: str, hits: list, error: str | None, generation: int, then_focus: bool) -> None:
        if generation != self._generation:
            return
        L = self.app.L
        self.hits = hits
        count = self.query_one("#search-count", Static)
        if error == "search_type":
            count.update(Text(L["search_type"]))
        elif error:
            count.update(Text(error))
        else:
            count.update(Text(L.fmt("search_hits", count=len(hits)) if hits else L.fmt("search_none", query=query)))
        rows = [Row(f"{h.ref}", lambda h=h: self._text(h), h) for h in hits]
        results = self.query_one(LazyList)
        results.set_rows(rows)
        if not rows:
            self.query_one(DetailPane).show("")
        if then_focus and rows:
            results.focus()

    @staticmethod
    def _text(hit) -> Text:
        text = Text.assemble((hit.date or hit.kind, "dim"), " ", (hit.title, "bold"), " ")
        text.append_text(snippet_text(hit.snippet))
        return text

    def on_lazy_list_highlighted(self, event: LazyList.Highlighted) -> None:
        event.stop()
        hit = event.row.data
        detail = Text.assemble((hit.ref, "bold"), "  ", (hit.kind, "dim"), "\n", hit.title, "\n")
        detail.append_text(snippet_text(hit.snippet))
        self.query_one(DetailPane).show(detail)

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        event.stop()
        self.dismiss(event.row.data.ref)

    def action_to_results(self) -> None:
        results = self.query_one(LazyList)
        if self.focused is self.query_one(Input) and results.rows:
            results.focus()

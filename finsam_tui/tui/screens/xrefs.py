"""Cross-references (r): everything that refers to the selected person, organisation,
meeting, §, budget, budget line or insats; Enter opens the referring record or §."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from finsam_tui.core.query import backlinks, lookup, results
from finsam_tui.tui.lazylist import LazyList, Row
from finsam_tui.tui.screens.dialogs.base import Dialog
from finsam_tui.tui.view_data import iso
from finsam_tui.tui.widgets import DetailPane


class XrefScreen(Dialog):
    DEFAULT_CSS = """
    XrefScreen > .dialog-box { height: 1fr; }
    XrefScreen #xref-count { height: 1; color: $text-muted; }
    XrefScreen LazyList { height: 1fr; }
    XrefScreen DetailPane { height: 5; border-top: solid $panel-lighten-2; }
    """

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref
        self.backlinks: list[backlinks.Backlink] = []

    def compose(self) -> ComposeResult:
        L = self.app.L
        with Vertical(classes="dialog-box"):
            yield Static(Text(L.fmt("refs_title", ref=self.ref)), classes="dialog-title", id="xref-title")
            yield Static(Text(L["loading_short"]), id="xref-count")
            yield LazyList(id="xref-list")
            yield DetailPane(id="xref-detail")

    def on_mount(self) -> None:
        self.query_one(LazyList).focus()
        self._load(self.app.archive, self.ref)

    @work(thread=True, exclusive=True, group="xref", exit_on_error=False)
    def _load(self, archive, ref: str) -> None:
        try:
            query = lookup.lookup(archive, ref)
            found = backlinks.backlinks(archive, query)
            head = results.title_of(archive, query)
        except lookup.RefError:
            found, head = [], ""
        self.app.call_from_thread(self._show, found, head)

    def _show(self, found: list, head: str) -> None:
        L = self.app.L
        self.backlinks = found
        title = L.fmt("refs_title", ref=self.ref) + (f" ({head})" if head else "")
        self.query_one("#xref-title", Static).update(Text(title))
        self.query_one("#xref-count", Static).update(
            Text(L.fmt("refs_count", count=len(found)) if found else L.fmt("no_refs", ref=self.ref)))
        self.query_one(LazyList).set_rows([Row(f"{b.source}#{i}", lambda b=b: self._text(b), b)
                                           for i, b in enumerate(found)])

    def _text(self, b: backlinks.Backlink) -> Text:
        return Text.assemble((iso(b.date) or "–", "dim"), " ", (b.source, "bold"), " ",
                             (self.app.L.role(b.role), "italic"), " ", b.title)

    def on_lazy_list_highlighted(self, event: LazyList.Highlighted) -> None:
        event.stop()
        b = event.row.data
        detail = Text.assemble((b.source, "bold"), "  ", self.app.L.role(b.role), "\n", b.title)
        if b.detail:
            detail.append("\n" + b.detail)
        detail.append(f"\n{b.file}:{b.line}" if b.line else f"\n{b.file}", style="dim")
        self.query_one(DetailPane).show(detail)

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        event.stop()
        self.dismiss(event.row.data.source)

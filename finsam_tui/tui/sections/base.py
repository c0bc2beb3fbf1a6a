"""What every section of the main screen offers the app: populate from the model, the
selected thing, select a reference, focus its list; and the list-and-detail skeleton most
sections share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget

from finsam_tui.tui.lazylist import LazyList, Row
from finsam_tui.tui.widgets import DetailPane


@dataclass(frozen=True)
class Selection:
    """The thing under the cursor of a section.

    kind: meeting, paragraph, organ, year, person, org, budget, budgetline, insats,
    decision, uppdrag, finding. ref: its reference (for cross-references and copying),
    rel: the record file, record_kind: the loader kind of that record (for the editor),
    meeting: the meeting it belongs to (for preview and export)."""

    kind: str
    ref: str | None
    rel: str | None = None
    record_kind: str | None = None
    meeting: str | None = None
    line: int | None = None
    organ: str | None = None


class Section(Container):
    """One section of the main screen (a list and a detail pane)."""

    SECTION_ID = ""
    LABEL = ""  # label key
    NEW_KIND: str | None = None  # the record kind "n" creates here

    DEFAULT_CSS = """
    Section { height: 1fr; }
    """

    BUILT_AT_START = False  # the others are composed when first shown (a faster first paint)

    def __init__(self) -> None:
        super().__init__(id=self.SECTION_ID)
        self.dirty = True
        self.built = self.BUILT_AT_START

    def compose(self):
        if self.built:
            yield from self.build()

    def build(self):  # pragma: no cover - every section has its own
        raise NotImplementedError

    async def ensure_built(self) -> None:
        """Mount the section's widgets the first time it is shown."""
        if not self.built:
            self.built = True
            await self.mount_all(list(self.build()))

    @property
    def model(self):
        return self.app.model

    @property
    def L(self):
        return self.app.L

    @property
    def is_current(self) -> bool:
        return bool(self.display)

    def activate(self) -> None:
        """Fill the section if the model changed since it was last filled."""
        if self.dirty:
            self.dirty = False
            self.populate()

    def model_changed(self) -> None:
        self.dirty = True
        if self.is_current and self.built:
            self.activate()

    def populate(self) -> None:  # pragma: no cover - every section has its own
        raise NotImplementedError

    def new_kind(self) -> str | None:
        """The record kind "n" creates in this section (None: nothing)."""
        return self.NEW_KIND

    def selection(self) -> Selection | None:
        return None

    def select_ref(self, ref: str) -> bool:
        return False

    def focus_list(self) -> None:
        for widget in self.query("*"):
            if widget.can_focus:
                widget.focus()
                return


class ListDetailSection(Section):
    """A section of a LazyList on the left and, beside it, the view of the highlighted row
    (a DetailPane unless build_detail() makes something else).

    A subclass gives rows() and show_row(); Enter on a row moves the focus to the view
    (focus_detail()).
    DEFAULT_CSS type selectors match subclasses too: a subclass's own rules (a narrower
    list, say) win over these."""

    LIST_ID = ""  # the list's id; default "<SECTION_ID>-list"

    DEFAULT_CSS = """
    ListDetailSection { layout: horizontal; }
    ListDetailSection > LazyList { width: 28; height: 1fr; }
    """

    def build(self) -> ComposeResult:
        yield LazyList(id=self.LIST_ID or f"{self.SECTION_ID}-list")
        yield from self.build_detail()

    @property
    def list(self) -> LazyList:
        return self.query_one(LazyList)

    def build_detail(self) -> Iterator[Widget]:
        yield DetailPane(id=f"{self.SECTION_ID}-detail")

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def focus_detail(self) -> None:
        """Enter on a row: on to the view of it."""
        self.detail.focus()

    def populate(self) -> None:
        archive = self.model.archive
        lst = self.list
        if archive is None:
            lst.set_empty_text(self.L["loading"])
            lst.set_rows([])
            return
        keep = lst.highlighted_row.key if lst.highlighted_row else None
        lst.set_empty_text("–")
        lst.set_rows(self.rows(archive), keep=keep)

    def rows(self, archive) -> list[Row]:  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def show_row(self, row: Row) -> None:  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def on_lazy_list_highlighted(self, event: LazyList.Highlighted) -> None:
        event.stop()
        self.show_row(event.row)

    def on_lazy_list_selected(self, event: LazyList.Selected) -> None:
        event.stop()
        self.focus_detail()

    def select_ref(self, ref: str) -> bool:
        return self.list.select_key(ref)

    def focus_list(self) -> None:
        self.list.focus()

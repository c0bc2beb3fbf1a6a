"""The main screen: header, the sidebar of sections, the current section, the footer.

The keys that act on the selected thing live here (r, p, x, y, e, h, n, N, d, /, f, 1–7).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, OptionList

from finsam_tui.core.records.layout import FORBUND_FILE
from finsam_tui.tui.keys import HELP_FIRST, MAIN_BINDINGS, LocalizedKeys, bind
from finsam_tui.tui.sections import SECTIONS
from finsam_tui.tui.sections.base import Section, Selection
from finsam_tui.tui.widgets import DetailPane, KeyFooter, Sidebar

REFERABLE = ("person", "org", "organ", "meeting", "paragraph", "budget", "budgetline", "insats")


class MainScreen(LocalizedKeys, Screen):
    BINDINGS = [HELP_FIRST, *MAIN_BINDINGS, bind("escape", "back", "back", show=False)]
    DEFAULT_CSS = """
    MainScreen #body { height: 1fr; }
    MainScreen ContentSwitcher { width: 1fr; height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="≡")
        with Horizontal(id="body"):
            yield Sidebar(id="sidebar")
            with ContentSwitcher(initial=SECTIONS[0].SECTION_ID, id="sections"):
                for section in SECTIONS:
                    yield section()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.relabel_sidebar()
        self.sidebar.highlighted = 0
        self.current_section.focus_list()
        self.app.start()

    # -- parts --------------------------------------------------------------------------------
    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    @property
    def switcher(self) -> ContentSwitcher:
        return self.query_one(ContentSwitcher)

    @property
    def sections(self) -> list[Section]:
        return list(self.query(Section))

    @property
    def current_section(self) -> Section:
        return self.query_one(f"#{self.switcher.current}", Section)

    def section(self, section_id: str) -> Section:
        return self.query_one(f"#{section_id}", Section)

    def relabel_sidebar(self) -> None:
        L, model = self.app.L, self.app.model
        labels = []
        for n, section in enumerate(SECTIONS, 1):
            label = Text.assemble((f"{n} ", "dim"), L[section.LABEL])
            if section.SECTION_ID == "problems" and model.loaded and model.findings:
                count = len(model.findings)
                label.append(f" {count if count < 1000 else '999+'}", style="bold red" if model.errors else "bold yellow")
            labels.append(label)
        self.sidebar.set_sections(labels)

    async def show_section(self, index: int, focus: bool = False) -> Section:
        section_id = SECTIONS[index].SECTION_ID
        section = self.section(section_id)
        await section.ensure_built()
        if self.switcher.current != section_id:
            self.switcher.current = section_id
        if self.sidebar.highlighted != index:
            self.sidebar.highlighted = index
        section.activate()
        if focus:
            section.focus_list()
        return section

    def model_changed(self) -> None:
        self.relabel_sidebar()
        for section in self.sections:
            section.model_changed()

    def relabel(self) -> None:
        """After a language change: bindings, sidebar and every section in the new words."""
        self.relabel_sidebar()
        for section in self.sections:
            section.model_changed()
        self.refresh_bindings()
        self.query_one(Footer).refresh(recompose=True)

    # -- the sidebar ---------------------------------------------------------------------------
    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.sidebar:
            event.stop()
            await self.show_section(event.option_index)

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self.sidebar:
            event.stop()
            await self.show_section(event.option_index, focus=True)

    # -- actions -------------------------------------------------------------------------------
    def selection(self) -> Selection | None:
        return self.current_section.selection()

    def _need(self, kinds: tuple[str, ...] | None = None) -> Selection | None:
        sel = self.selection()
        if sel is None:
            self.app.notify(self.app.L["nothing_selected"], severity="warning", markup=False)
            return None
        if kinds is not None and sel.kind not in kinds:
            self.app.notify(self.app.L["not_here"], severity="warning", markup=False)
            return None
        return sel

    async def action_section(self, index: int) -> None:
        await self.show_section(index, focus=True)

    def action_back(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not self.sidebar:
            self.sidebar.focus()

    def action_search(self) -> None:
        self.app.action_search_dialog()

    def action_refs(self) -> None:
        sel = self._need()
        if sel is None:
            return
        if not self.app.model.loaded:
            self.app.notify(self.app.L["not_loaded"], severity="warning", markup=False)
            return
        if sel.ref is None or sel.kind not in REFERABLE + ("finding",):
            self.app.notify(self.app.L["not_here"], severity="warning", markup=False)
            return
        from finsam_tui.tui.screens.xrefs import XrefScreen

        self.app.push_screen(XrefScreen(sel.ref), self._open_result)

    async def _open_result(self, ref: str | None) -> None:
        if ref:
            await self.app.open_ref(ref)

    def action_copy_ref(self) -> None:
        sel = self._need()
        if sel is None:
            return
        ref = sel.ref or sel.rel
        if not ref:
            self.app.notify(self.app.L["not_here"], severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(ref)
        self.app.notify(self.app.L.fmt("copied", ref=ref), timeout=2, markup=False)

    def _meeting(self) -> Selection | None:
        sel = self.selection()
        if sel is None or sel.meeting is None:
            self.app.notify(self.app.L["no_meeting"], severity="warning", markup=False)
            return None
        if not self.app.model.loaded:
            self.app.notify(self.app.L["not_loaded"], severity="warning", markup=False)
            return None
        return sel

    def action_preview(self) -> None:
        sel = self._meeting()
        if sel is not None:
            from finsam_tui.tui.screens.preview import PreviewScreen

            self.app.push_screen(PreviewScreen(sel.meeting))

    def action_export(self) -> None:
        sel = self._meeting()
        if sel is not None:
            from finsam_tui.tui.screens.export import ExportDialog

            paragraph = sel.ref.rsplit("/", 1)[1] if sel.kind == "paragraph" and sel.ref else None
            self.app.push_screen(ExportDialog(sel.meeting, kind="extract" if paragraph else "protocol",
                                              paragraph=paragraph))

    def action_edit(self) -> None:
        sel = self._need()
        if sel is None:
            return
        if sel.kind in ("organ", "year") or not sel.rel:
            self.app.notify(self.app.L["not_here"], severity="warning", markup=False)
            return
        self.app.editor("edit", kind=sel.record_kind, rel=sel.rel)

    def action_history(self) -> None:
        """Who changed the selected record's file and when (git); a § shows its meeting's,
        an organ forbund.toml's (where organs are written)."""
        sel = self._need()
        if sel is None:
            return
        if sel.kind == "organ":
            rel = FORBUND_FILE
        elif sel.kind == "year" or not sel.rel:
            self.app.notify(self.app.L["not_here"], severity="warning", markup=False)
            return
        else:
            rel = sel.rel
        from finsam_tui.tui.screens.history import HistoryScreen

        ref = "forbund" if rel == FORBUND_FILE else self.app.model.rel_to_ref(rel)
        self.app.push_screen(HistoryScreen(rel, ref=ref))

    def action_new(self) -> None:
        section = self.current_section
        kind = section.new_kind()
        if kind is None:
            self.app.notify(self.app.L["not_here"], severity="warning", markup=False)
            return
        sel = section.selection()
        self.app.editor("new", kind=kind, rel=sel.rel if sel is not None and sel.record_kind == kind else None)

    def action_new_meeting(self) -> None:
        sel = self.selection()
        rel = sel.rel if sel is not None and sel.record_kind == "meeting" else None
        self.app.editor("new_from_previous", kind="meeting", rel=rel or self.app.latest_meeting_rel())

    def action_delete(self) -> None:
        sel = self._need()
        if sel is None:
            return
        if sel.kind in ("organ", "year", "finding") or not sel.rel:
            self.app.notify(self.app.L["not_here"], severity="warning", markup=False)
            return
        self.app.editor("delete", kind=sel.record_kind, rel=sel.rel)

    def action_maximize_detail(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        section = self.current_section
        target = section.query(DetailPane).first() if section.query(DetailPane) else None
        if target is None and section.query(DataTable):
            target = section.query(DataTable).first()
        if target is not None:
            self.maximize(target, container=False)
            target.focus()

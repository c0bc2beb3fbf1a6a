"""The Markdown export of a meeting (protocol or agenda, always as a draft) in a Markdown widget."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Markdown, Static

from ...export import ExportError, agenda, protocol
from ...export.labels import Labels as ExportLabels
from .dialog import FullScreen


def document(archive, kind: str, ref: str, lang: str) -> str:
    """The Markdown of a meeting's protocol or agenda as a draft (never refused)."""
    try:
        if kind == "agenda":
            return agenda(archive, ref, lang, draft=True)
        return protocol(archive, ref, lang, draft=True)
    except ExportError as err:
        return err.message(ExportLabels(lang))


class PreviewScreen(FullScreen):
    BINDINGS = [
        Binding("p", "show('protocol')", "Protokoll", id="protocol"),
        Binding("a", "show('agenda')", "Kallelse", id="agenda"),
        Binding("x", "export", "Exportera", id="export"),
    ]
    DEFAULT_CSS = """
    PreviewScreen #preview-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    PreviewScreen VerticalScroll { height: 1fr; }
    PreviewScreen Markdown { margin: 0 1; }
    """

    def __init__(self, meeting: str, kind: str = "protocol") -> None:
        super().__init__()
        self.meeting = meeting
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield Static(Text(self.app.L.fmt("preview_title", ref=self.meeting)), id="preview-title")
        with VerticalScroll(id="preview-scroll"):
            yield Markdown(self.markdown(), id="preview-md", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#preview-scroll").focus()

    def markdown(self) -> str:
        return document(self.app.archive, self.kind, self.meeting, self.app.L.lang)

    async def action_show(self, kind: str) -> None:
        self.kind = kind
        await self.query_one(Markdown).update(self.markdown())
        self.query_one("#preview-scroll", VerticalScroll).scroll_home(animate=False)

    def action_export(self) -> None:
        from .export import ExportDialog

        self.app.push_screen(ExportDialog(self.meeting, kind=self.kind))

"""The Markdown export of a meeting (protocol or agenda, always as a draft) in a Markdown widget.

Textual's Markdown widget mounts a widget per block, which takes a second or two for a long
protocol. So the screen comes up at once with a loading indicator, the text is made in a
thread, and the widget gets it a piece at a time: the first screenful first, the rest in
chunks with a paint (and any key pressed) in between.
"""

from __future__ import annotations

import asyncio

from markdown_it import MarkdownIt
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, LoadingIndicator, Markdown, Static

from finsam_tui.core.export import ExportError, agenda, protocol
from finsam_tui.core.i18n.export import Labels as ExportLabels
from finsam_tui.tui.keys import bind
from finsam_tui.tui.screens.dialogs.base import FullScreen

CHUNK_LINES = 24  # source lines a chunk after the first holds (at least: chunks end between blocks)
OTHER_LINE_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines() breaks there, markdown-it does not


def document(archive, kind: str, ref: str, lang: str) -> str:
    """The Markdown of a meeting's protocol or agenda as a draft (never refused)."""
    try:
        if kind == "agenda":
            return agenda(archive, ref, lang, draft=True)
        return protocol(archive, ref, lang, draft=True)
    except ExportError as err:
        return err.message(ExportLabels(lang))


def chunks(markdown: str, first: int, size: int = CHUNK_LINES) -> list[str]:
    """The document cut between its top-level blocks (as the Markdown widget parses it) into
    pieces of at least first source lines, then at least size lines; joined they are the
    document again.

    Markdown.append() parses the last block it has again with the next piece and updates
    it in place; for a table that rebuilds its last row differently, so no piece ends with one.
    It counts lines as str.splitlines() does, markdown-it only at CR and LF: a text with any
    other line break stays in one piece."""
    if any(c in markdown for c in OTHER_LINE_BREAKS):
        return [markdown] if markdown else []
    lines = markdown.splitlines(keepends=True)
    blocks = [t for t in MarkdownIt("gfm-like").parse(markdown) if t.level == 0 and t.map is not None
              and t.nesting >= 0]
    starts = [b.map[0] for before, b in zip([None, *blocks], blocks)
              if before is None or before.type != "table_open"]
    out: list[str] = []
    begin, want = 0, first
    for start in starts:
        if start - begin >= want:
            out.append("".join(lines[begin:start]))
            begin, want = start, size
    out.append("".join(lines[begin:]))
    return [c for c in out if c]


class PreviewScreen(FullScreen):
    BINDINGS = [
        bind("p", "show('protocol')", "protocol"),
        bind("a", "show('agenda')", "agenda"),
        bind("x", "export", "export"),
    ]
    DEFAULT_CSS = """
    PreviewScreen #preview-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    PreviewScreen VerticalScroll { height: 1fr; }
    PreviewScreen Markdown { margin: 0 1; }
    PreviewScreen #preview-loading { height: 3; }
    """

    def __init__(self, meeting: str, kind: str = "protocol") -> None:
        super().__init__()
        self.meeting = meeting
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield Static(Text(self.app.L.fmt("preview_title", ref=self.meeting)), id="preview-title")
        with VerticalScroll(id="preview-scroll"):
            yield LoadingIndicator(id="preview-loading")
            yield Markdown(id="preview-md", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        # focused while still empty: restyling a focused container's few children is cheap
        self.query_one("#preview-scroll").focus()
        self._show_document(self.kind)  # the text is made in a thread while the screen is painted

    @work(exclusive=True, group="preview")
    async def _show_document(self, kind: str) -> None:
        """Make the text in a thread, then give it to the Markdown widget a chunk at a time
        (a newer call, p or a, cancels this one)."""
        archive, lang = self.app.archive, self.app.L.lang
        first = max(self.app.size.height, 10)  # source lines: about a line on screen each
        pieces = await asyncio.to_thread(self._pieces, archive, kind, lang, first)
        md = self.query_one(Markdown)
        loading = self.query_one("#preview-loading", LoadingIndicator)
        await md.update("")  # a fresh document: append() continues from here
        self.query_one("#preview-scroll", VerticalScroll).scroll_home(animate=False)
        for piece in pieces:
            await md.append(piece)
            loading.display = False
            await md.wait_for_refresh()  # painted, and the keys pressed meanwhile handled, before the next
        loading.display = False  # (an empty document)

    def _pieces(self, archive, kind: str, lang: str, first: int) -> list[str]:
        return chunks(document(archive, kind, self.meeting, lang), first)

    def action_show(self, kind: str) -> None:
        self.kind = kind
        self.query_one("#preview-loading", LoadingIndicator).display = True
        self._show_document(kind)

    def action_export(self) -> None:
        from finsam_tui.tui.screens.export import ExportDialog

        self.app.push_screen(ExportDialog(self.meeting, kind=self.kind))

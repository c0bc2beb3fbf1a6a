"""A record's TOML source, read-only, opened at a line: where a finding points."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Static, TextArea

from finsam_tui.tui import details
from finsam_tui.tui.keys import bind
from finsam_tui.tui.screens.dialogs.base import FullScreen


class SourceScreen(FullScreen):
    BINDINGS = [
        bind("o", "open_record", "open_record"),
        bind("e", "edit", "edit"),
    ]
    DEFAULT_CSS = """
    SourceScreen #source-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    SourceScreen #source-finding { height: auto; max-height: 6; padding: 0 1; background: $surface; }
    SourceScreen TextArea, SourceScreen TextArea:focus { height: 1fr; border: none; padding: 0; }
    """

    def __init__(self, rel: str, line: int | None = None, column: int | None = None, finding=None) -> None:
        super().__init__()
        self.rel = rel
        self.line = line
        self.column = column
        self.finding = finding

    def compose(self) -> ComposeResult:
        L = self.app.L
        head = L.fmt("source_title", file=self.rel)
        if self.line:
            head += " · " + L.fmt("source_line", line=self.line)
        yield Static(Text(head), id="source-title")
        if self.finding is not None:
            yield Static(details.finding_detail(self.finding, L), id="source-finding")
        yield TextArea("", read_only=True, show_line_numbers=True, soft_wrap=False, id="source-text")
        yield Footer()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        try:
            text = (Path(self.app.records_root) / self.rel).read_bytes().decode("utf-8", "replace")
        except OSError as exc:
            text = f"{exc.strerror or exc}"
        area.load_text(text)
        area.focus()
        self._goto_line()
        self.call_after_refresh(self._goto_line)  # again once the area has its size, to centre the line

    def _goto_line(self) -> None:
        """The cursor (and its highlighted line) on the finding's line; the view at the lines' start."""
        if self.line:
            area = self.query_one(TextArea)
            row = min(max(self.line - 1, 0), area.document.line_count - 1)
            area.move_cursor((row, 0), center=True)

    @property
    def cursor_line(self) -> int:
        """The line (1-based) the cursor is on."""
        return self.query_one(TextArea).cursor_location[0] + 1

    async def action_open_record(self) -> None:
        ref = self.app.model.rel_to_ref(self.rel)
        self.dismiss(None)
        if ref:
            await self.app.open_ref(ref, line=self.line, rel=self.rel)

    def action_edit(self) -> None:
        rec = self.app.archive.by_rel.get(self.rel) if self.app.archive is not None else None
        path = tuple(self.finding.path) if self.finding is not None and self.finding.path else None
        self.app.editor("edit", kind=rec.kind if rec is not None else None, rel=self.rel, field_path=path)

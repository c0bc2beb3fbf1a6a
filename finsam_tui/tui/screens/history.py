"""The history of the selected record (h): who changed its file and when, with the commit
messages, newest first, from git (:mod:`finsam_tui.core.query.history`, following renames); Enter on
a commit shows what it changed in the file.

git runs in a worker thread: a big repository does not freeze the screen. Everything from
git (names, messages, diffs) goes in as plain Text, never as markup, with its control
characters made visible (finsam_tui/core/text.py).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Static

from finsam_tui.core.query.history import Change, HistoryError, change_diff, have_git, history, uncommitted
from finsam_tui.core.text import visible, visible_text
from finsam_tui.tui.screens.dialogs.base import Dialog, FullScreen
from finsam_tui.tui.widgets import DetailPane


def history_error_text(L, err: Exception, root: Path, rel: str, ref: str) -> str:
    """What to tell the user when git gives no history (the CLI's words)."""
    if not isinstance(err, HistoryError):
        return L.fmt("history_failed", reason=visible(str(err) or type(err).__name__))
    if err.reason == "not_git":
        if not have_git():
            return L["history_no_git"]
        return L.fmt("history_not_git", dir=visible(str(root))) + "\n" + L["history_not_git_hint"]
    if err.reason == "no_history":
        return L.fmt("history_no_history", path=visible(rel))
    if err.reason == "malformed":
        return L.fmt("history_malformed", ref=visible(ref))
    return L.fmt("history_unknown", ref=visible(ref))


class HistoryScreen(Dialog):
    """The commits that changed one record file: date, author, message (and commit id)."""

    DEFAULT_CSS = """
    HistoryScreen > .dialog-box { width: 100; height: 1fr; }
    HistoryScreen #history-status { height: auto; color: $text-muted; }
    HistoryScreen #history-status.-problem { color: $text-warning; }
    HistoryScreen DataTable { height: 1fr; }
    HistoryScreen DetailPane { height: 6; border-top: solid $panel-lighten-2; }
    """

    def __init__(self, rel: str, ref: str | None = None) -> None:
        super().__init__()
        self.rel = rel  # the record file, relative to the records folder
        self.ref = ref or rel
        self.changes: list[Change] = []
        self.error: str | None = None  # the message shown instead of a history

    def compose(self) -> ComposeResult:
        L = self.app.L
        with Vertical(classes="dialog-box"):
            yield Static(Text(L.fmt("history_title", path=visible(self.rel))), classes="dialog-title",
                         id="history-title")
            yield Static(Text(L["history_loading"]), id="history-status")
            yield DataTable(cursor_type="row", zebra_stripes=False, id="history-table")
            yield DetailPane(id="history-detail")
        yield Footer()

    def on_mount(self) -> None:
        L = self.app.L
        table = self.query_one(DataTable)
        for key in ("history_date", "history_author", "history_message", "history_commit"):
            table.add_column(Text(L[key]), key=key)
        table.focus()
        self._load(Path(self.app.records_root), self.rel)

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def _load(self, root: Path, rel: str) -> None:
        try:
            changes = history(root, str(root / rel))
            dirty = uncommitted(root, rel)
        except Exception as err:  # noqa: BLE001 - any failure becomes a message on the screen
            self.app.call_from_thread(self._failed, err, root)
            return
        self.app.call_from_thread(self._show, changes, dirty)

    def _failed(self, err: Exception, root: Path) -> None:
        if not self.is_attached:  # closed before git answered
            return
        self.error = history_error_text(self.app.L, err, root, self.rel, self.ref)
        status = self.query_one("#history-status", Static)
        status.add_class("-problem")
        status.update(Text(self.error))
        self.query_one(DetailPane).show("")

    def _show(self, changes: list[Change], dirty: bool) -> None:
        if not self.is_attached:
            return
        L = self.app.L
        self.changes = changes
        self.query_one("#history-title", Static).update(
            Text(L.fmt("history_head", ref=visible(self.ref), path=visible(self.rel), count=len(changes))))
        status = L["history_hint"]
        if dirty:
            status = L.fmt("history_uncommitted", path=visible(self.rel)) + "\n" + status
        self.query_one("#history-status", Static).update(Text(status))
        table = self.table
        table.clear()
        for c in changes:
            table.add_row(Text(c.date.strftime("%Y-%m-%d %H:%M")), Text(visible(c.author)), Text(visible(c.subject)),
                          Text(c.commit[:7], style="dim"), key=c.commit)
        if changes:
            table.move_cursor(row=0)
            self._detail(0)

    def _detail(self, index: int) -> None:
        if not 0 <= index < len(self.changes):
            return
        c = self.changes[index]
        L = self.app.L
        text = Text.assemble((visible(c.subject), "bold"))
        body = c.message.split("\n", 1)[1].strip() if "\n" in c.message else ""
        if body:
            text.append("\n" + visible_text(body))
        text.append(f"\n{visible(c.author)} · {c.date.isoformat(sep=' ')} · {c.commit}", style="dim")
        if c.path != self.rel:
            text.append("\n" + L.fmt("history_renamed", path=visible(c.path)).strip(), style="italic")
        self.query_one(DetailPane).show(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._detail(event.cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = event.cursor_row
        if not 0 <= index < len(self.changes):
            return
        change = self.changes[index]
        # the file's name before this commit too: a rename then shows as one change
        older = self.changes[index + 1].path if index + 1 < len(self.changes) else None
        self.app.push_screen(DiffScreen(change, [change.path] + ([older] if older else [])))


def diff_text(diff: str) -> Text:
    """git show's output with the diff's lines coloured; the text is kept as it is, but for
    control characters, shown as escapes."""
    out = Text()
    in_diff = False
    for line in visible_text(diff).splitlines():
        if line.startswith("diff --git "):
            in_diff = True
        style = ""
        if not in_diff:
            style = "bold" if line.startswith("commit ") else ""
        elif line.startswith(("diff --git ", "index ", "--- ", "+++ ", "new file", "deleted file", "similarity",
                              "rename ", "old mode", "new mode")):
            style = "bold"
        elif line.startswith("@@"):
            style = "cyan"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        out.append(line + "\n", style=style)
    out.rstrip()
    return out


class DiffScreen(FullScreen):
    """What one commit changed in the record's file (git show), scrollable; Escape returns."""

    DEFAULT_CSS = """
    DiffScreen #diff-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    DiffScreen VerticalScroll { height: 1fr; padding: 0 1; background: $surface; }
    DiffScreen VerticalScroll:focus { background-tint: $foreground 5%; }
    """

    def __init__(self, change: Change, paths: list[str]) -> None:
        super().__init__()
        self.change = change
        self.paths = paths
        self.diff = ""  # git's output, once it came

    def compose(self) -> ComposeResult:
        L = self.app.L
        yield Static(Text(L.fmt("diff_title", commit=self.change.commit[:7], path=visible(self.change.path))),
                     id="diff-title")
        with VerticalScroll(id="diff-scroll"):
            yield Static(Text(L["diff_loading"]), id="diff-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#diff-scroll").focus()
        self._load(Path(self.app.records_root), self.change.commit, self.paths)

    @work(thread=True, exclusive=True, group="diff", exit_on_error=False)
    def _load(self, root: Path, commit: str, paths: list[str]) -> None:
        try:
            text, shown = change_diff(root, commit, paths), None
        except Exception as err:  # noqa: BLE001 - shown on the screen
            text, shown = "", err
        self.app.call_from_thread(self._show, text, shown, root)

    def _show(self, text: str, err: Exception | None, root: Path) -> None:
        if not self.is_attached:
            return
        body = self.query_one("#diff-body", Static)
        if err is not None:
            L = self.app.L
            if isinstance(err, HistoryError) and err.reason != "not_git":
                self.diff = L.fmt("history_failed", reason=visible(err.detail or err.reason))
            else:
                self.diff = history_error_text(L, err, root, self.change.path, self.change.commit)
            body.update(Text(self.diff))
            return
        self.diff = text
        body.update(diff_text(text))

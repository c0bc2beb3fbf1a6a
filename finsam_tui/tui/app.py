"""The app shell: opens a records folder, loads and validates it in a worker thread,
reloads it when files change on disk, and routes references to the sections.

For the editor (``finsam_tui/tui/editor/``):

- ``app.archive`` — the current Archive (None while the first load runs),
- ``app.records_root`` — the records folder (an absolute Path),
- ``app.reload(select_rel=None)`` — validate again and refresh every view,
- post ``RecordSaved(rel)`` (``finsam_tui.tui.messages``) after writing a file: the app
  reloads and selects that record,
- quitting (ctrl+q, q) asks an editor with unsaved changes first (``unsaved.AsksBeforeQuit``),
- ``open_editor(app, action, kind=..., rel=...)`` in ``finsam_tui/tui/editor/__init__.py``
  is called by :meth:`FinsamApp.editor` with action ``"edit"`` (e), ``"new"`` (n; rel: the
  selected record of that kind, if any), ``"new_from_previous"`` (N; kind ``"meeting"``,
  rel: the meeting to start from) or ``"delete"`` (d). kind is the record kind of the
  loader: meeting, person, organisation, budget, insats.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from textual import work
from textual.app import App

from finsam_tui.core.check import cache
from finsam_tui.core.i18n.tui import Labels, choose_language
from finsam_tui.core.io.load import read_settings
from finsam_tui.core.io.scan import scan_files
from finsam_tui.tui.keys import APP_BINDINGS
from finsam_tui.tui.messages import ArchiveFailed, ArchiveLoaded, FilesChanged, FolderScanned, RecordSaved
from finsam_tui.tui.palette import FinsamCommands
from finsam_tui.tui.screens.main import MainScreen
from finsam_tui.tui.sections import SECTIONS
from finsam_tui.tui.unsaved import AsksBeforeQuit
from finsam_tui.tui.view_data import Model, fingerprint, lookup, results

DARK, LIGHT = "textual-dark", "textual-light"


def section_of(ref: str) -> int:
    """The index of the section that shows what ref names."""
    ids = [s.SECTION_ID for s in SECTIONS]
    if ref.startswith(("person/", "org/")):
        return ids.index("members")
    if ref.startswith("insats/"):
        return ids.index("insatser")
    if ref.startswith("budget/"):
        return ids.index("budget")
    return ids.index("meetings")


class FinsamApp(AsksBeforeQuit, App):
    """The records of one förbund in the terminal."""

    TITLE = "finsam"
    BINDINGS = APP_BINDINGS
    COMMANDS = App.COMMANDS | {FinsamCommands}
    CSS = """
    Screen { background: $background; }
    Toast { max-width: 60; }
    """

    def __init__(self, records_root: Path | str, lang: str | None = None, poll_interval: float | None = 2.0,
                 theme: str | None = None) -> None:
        super().__init__()
        self.records_root = Path(records_root).resolve()
        settings = read_settings(self.records_root)
        self.lang_explicit = lang
        self.L = Labels(choose_language(lang, settings))
        self.model = Model(self.records_root, {}, settings)
        self.poll_interval = poll_interval
        self.loaded = asyncio.Event()  # set after every finished load (tests wait on it)
        self._fingerprint: str | None = None
        self._loading = False
        self._generation = 0
        self._first_list = False
        self._list_painted = threading.Event()  # the initial load validates only after this
        self._initial_theme = theme or DARK
        name = settings.get("name")
        self.title = name if isinstance(name, str) and name else "finsam"
        self.sub_title = self.L["loading_short"]

    # -- public ---------------------------------------------------------------------------------
    @property
    def archive(self):
        """The current Archive; None until the first validation finished."""
        return self.model.archive

    @property
    def lang(self) -> str:
        return self.L.lang

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def reload(self, select_rel: str | None = None, reason: str = "reload") -> None:
        """Validate the folder again (in a worker) and refresh every view, keeping the selection;
        select_rel: a record file to select afterwards."""
        self._loading = True
        self._generation += 1
        self.loaded.clear()
        self._load(reason, select_rel, self._generation)

    def editor(self, action: str, kind: str | None = None, rel: str | None = None,
               field_path: tuple | None = None) -> bool:
        """Open the editor (finsam_tui.tui.editor.open_editor); field_path focuses a field."""
        from finsam_tui.tui.editor import open_editor

        return open_editor(self, action, kind=kind, rel=rel, field_path=field_path or None) is not None

    async def show_section(self, index: int, focus: bool = False) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        await self.main.show_section(index, focus=focus)

    async def open_ref(self, ref: str, line: int | None = None, rel: str | None = None) -> bool:
        """Show what ref names in its section (a meeting or § in Möten, a person in Medlemmar …).
        With line (in the meeting file rel): the § that holds that line."""
        archive = self.archive
        if archive is not None:
            try:
                query = lookup.lookup(archive, ref)
                ref = query.ref
                if query.kind == "meeting" and line:
                    ref = self._paragraph_at_line(query.id, line) or ref
            except lookup.RefError:
                pass
        while len(self.screen_stack) > 1:
            self.pop_screen()
        section = await self.main.show_section(section_of(ref))
        if not section.select_ref(ref):
            self.notify(self.L.fmt("unknown_ref", ref=ref), severity="warning", markup=False)
            return False
        section.focus_list()
        return True

    def _paragraph_at_line(self, meeting_id: str, line: int) -> str | None:
        rec = self.archive.meetings.get(meeting_id)
        if rec is None:
            return None
        best = None
        for p in self.archive.paragraphs_of(rec):
            start = results.line_of(rec, p.path)
            if start is not None and start <= line:
                best = p.ref
        return best

    def open_source(self, rel: str, line: int | None = None, column: int | None = None, finding=None) -> None:
        """The file's text, read-only, with the cursor on the line (Enter on a finding)."""
        from finsam_tui.tui.screens.source import SourceScreen

        self.push_screen(SourceScreen(rel, line, column, finding))

    def latest_meeting_rel(self) -> str | None:
        newest = None
        for years in self.model.meeting_files.values():
            for files in years.values():
                for mf in files:
                    if newest is None or mf.stem > newest.stem:
                        newest = mf
        return newest.rel if newest else None

    def list_shown(self) -> None:
        """Called once, after the first paint that shows the meeting list (benchmarks hook in here)."""

    # -- start ------------------------------------------------------------------------------------
    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def on_mount(self) -> None:
        self.theme = self._initial_theme

    def start(self) -> None:
        """Begin loading and watching the folder (the main screen calls this once it is mounted)."""
        if self._generation:
            return
        self.reload(reason="initial")
        if self.poll_interval:
            self.set_interval(self.poll_interval, self._poll)

    # -- loading -----------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, reason: str, select_rel: str | None, generation: int) -> None:
        root = self.records_root
        files = scan_files(root)
        if reason == "initial":
            self.post_message(FolderScanned(files, generation))
            # let the UI thread paint the meeting list first: validation holds the GIL for a while
            self._list_painted.wait(timeout=2.0)
        try:
            result = cache.run(root, need_archive=True)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the app stays usable
            self.post_message(ArchiveFailed(str(exc) or exc.__class__.__name__, generation))
            return
        self.post_message(ArchiveLoaded(result, files, fingerprint(files), reason, select_rel, generation))

    def on_folder_scanned(self, message: FolderScanned) -> None:
        if message.generation != self._generation or self.model.loaded:
            self._list_painted.set()
            return
        self.model = Model(self.records_root, message.files, self.model.settings)
        self.main.section("meetings").model_changed()
        self._after_first_list()

    def _after_first_list(self) -> None:
        if not self._first_list:
            self._first_list = True
            self.call_after_refresh(self._first_list_painted)

    def _first_list_painted(self) -> None:
        self._list_painted.set()
        self.list_shown()

    async def on_archive_loaded(self, message: ArchiveLoaded) -> None:
        if message.generation != self._generation:
            return
        self._loading = False
        self._fingerprint = message.fingerprint
        self.model = Model(self.records_root, message.files, self.model.settings, message.result)
        self.sub_title = self.L.fmt("status", files=len(message.files), errors=self.model.errors,
                                    warnings=self.model.warnings)
        self.main.model_changed()
        self._after_first_list()
        if message.select_rel and len(self.screen_stack) == 1:
            # select the saved record, but never by closing a screen on top (an editor in use)
            ref = self.model.rel_to_ref(message.select_rel)
            if ref:
                await self.open_ref(ref)
        if message.reason != "initial":
            self.notify(self.L.fmt("reloaded", errors=self.model.errors, warnings=self.model.warnings), timeout=3,
                        markup=False)
        self.loaded.set()

    def on_archive_failed(self, message: ArchiveFailed) -> None:
        if message.generation != self._generation:
            return
        self._loading = False
        self.sub_title = self.L.fmt("load_failed", reason=message.reason)
        self.notify(self.L.fmt("load_failed", reason=message.reason), severity="error", markup=False)
        self.loaded.set()

    # -- live reload -------------------------------------------------------------------------------
    def _poll(self) -> None:
        if not self._loading and self._fingerprint is not None:
            self._poll_files(self._fingerprint)

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def _poll_files(self, known: str) -> None:
        current = fingerprint(scan_files(self.records_root))
        if current != known:
            self.post_message(FilesChanged(current))

    def on_files_changed(self, message: FilesChanged) -> None:
        if self._loading or message.fingerprint == self._fingerprint:
            return
        self.reload(reason="external")

    def on_record_saved(self, message: RecordSaved) -> None:
        message.stop()
        self.reload(select_rel=message.rel, reason="saved")

    # -- app actions --------------------------------------------------------------------------------
    def action_help(self) -> None:
        from finsam_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search_dialog(self, query: str = "") -> None:
        from finsam_tui.tui.screens.search import SearchScreen

        async def opened(ref: str | None) -> None:
            if ref:
                await self.open_ref(ref)

        self.push_screen(SearchScreen(query), opened)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK
        self.notify(self.L["theme_light"] if self.theme == LIGHT else self.L["theme_dark"], timeout=2,
                    markup=False)

    def action_toggle_language(self) -> None:
        self.set_language("en" if self.lang == "sv" else "sv")

    def set_language(self, lang: str) -> None:
        self.L = Labels(lang)  # (the footers say the keys in app.lang: keys.LocalizedKeys)
        if self.model.loaded:
            self.sub_title = self.L.fmt("status", files=len(self.model.files), errors=self.model.errors,
                                        warnings=self.model.warnings)
        self.main.relabel()
        self.screen.refresh_bindings()
        self.notify(self.L["language_set"], timeout=2, markup=False)

    def action_reload(self) -> None:
        self.reload()


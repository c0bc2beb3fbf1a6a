"""Messages between the parts of the TUI (and from the editor to the app shell).

The editor (``finsam_tui/tui/editor/``) posts :class:`RecordSaved` after it wrote,
created or deleted a record file; the app then validates again, refreshes every view and
selects the record (when it still exists).
"""

from __future__ import annotations

from textual.message import Message


class RecordSaved(Message):
    """A record file was written (or created, or deleted) by the editor.

    rel: its path relative to the records folder, "/"-separated
    (``moten/styrelse/2023/2023-04-14.toml``); None when unknown."""

    def __init__(self, rel: str | None) -> None:
        super().__init__()
        self.rel = rel


class FolderScanned(Message):
    """The records folder's file list (cheap): enough to show the meeting tree."""

    def __init__(self, files: dict, generation: int) -> None:
        super().__init__()
        self.files = files
        self.generation = generation


class ArchiveLoaded(Message):
    """A validation run finished: a cache.Result with the archive, and the fingerprint of
    the files it saw (for live reload)."""

    def __init__(self, result, files: dict, fingerprint: str, reason: str, select_rel: str | None,
                 generation: int) -> None:
        super().__init__()
        self.generation = generation
        self.result = result
        self.files = files
        self.fingerprint = fingerprint
        self.reason = reason
        self.select_rel = select_rel


class ArchiveFailed(Message):
    def __init__(self, reason: str, generation: int) -> None:
        super().__init__()
        self.reason = reason
        self.generation = generation


class FilesChanged(Message):
    """The live-reload poll saw the folder's stat fingerprint change."""

    def __init__(self, fingerprint: str) -> None:
        super().__init__()
        self.fingerprint = fingerprint

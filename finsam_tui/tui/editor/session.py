"""One record being edited: its place, the snapshot it was read from, the data being edited,
the findings of the latest validation and the forms that show them.

A meeting that is locked (justerad or anslagen, ``protocol_lock.is_locked``) is read-only but
for its state and anslag, until the user starts a rättelse (``correcting``): then every field
but the fingerprints and the earlier corrections may change (``core/ops/lock.may_change``),
and saving records the change as a correction. Reading, validating and the rules are the
core's (``core/ops``); this holds the state the screens share and tells them of changes."""

from __future__ import annotations

import copy
import os
from pathlib import Path

from finsam_tui.core.check.protocol_lock import is_locked
from finsam_tui.core.io.saving import Snapshot
from finsam_tui.core.ops.choices import field_choices
from finsam_tui.core.ops.correct import while_correcting
from finsam_tui.core.ops.edited import clean, validate
from finsam_tui.core.ops.lock import may_change
from finsam_tui.core.ops.new_meeting import first_paragraph_number
from finsam_tui.core.ops.places import Place
from finsam_tui.core.ops.save import read_record, render
from finsam_tui.core.records.keypaths import del_at, set_at
from finsam_tui.core.records.schema import Field


def app_lang(app) -> str:
    for name in ("lang", "language"):
        v = getattr(app, name, None)
        if v in ("sv", "en"):
            return v
    env = os.environ.get("FINSAM_LANG")
    if env in ("sv", "en"):
        return env
    archive = getattr(app, "archive", None)
    if archive is not None:
        try:
            lang = archive.settings.get("language")
        except Exception:  # noqa: BLE001
            lang = None
        if lang in ("sv", "en"):
            return lang
    return "sv"


def records_root(app) -> Path:
    root = getattr(app, "records_root", None)
    if root is None and getattr(app, "archive", None) is not None:
        root = app.archive.root
    return Path(root) if root is not None else Path("records")


class EditSession:
    """The state of one edit, shared by the record's screen and its entries' screens."""

    def __init__(self, app, place: Place, data: dict, snapshot: Snapshot | None, lang: str | None = None):
        self.app = app
        self.place = place
        self.snapshot = snapshot
        self.data = data
        self.baseline = copy.deepcopy(data) if snapshot is not None else {}
        self.lang = lang or app_lang(app)
        self.findings: list = []
        self.local_errors: dict[tuple, str] = {}
        self.forms: list = []  # RecordForms on screen, told about new findings
        self.listeners: list = []  # called with no arguments after every change
        self.correcting = False  # a rättelse of a locked meeting is being made
        self.locked = self._locked()

    @classmethod
    def open(cls, app, place: Place, lang: str | None = None) -> EditSession:
        """Read the record's file. Raises OSError, or ValueError for a file that does not parse."""
        snap, data = read_record(place.path)
        return cls(app, place, data, snap, lang)

    # -- facts
    @property
    def kind(self) -> str:
        return self.place.kind

    @property
    def rel(self) -> str:
        return self.place.rel

    @property
    def archive(self):
        return getattr(self.app, "archive", None)

    @property
    def ctx(self):
        a = self.archive
        return a.ctx if a is not None else None

    @property
    def is_new(self) -> bool:
        return self.snapshot is None

    def _locked(self) -> bool:
        return self.kind == "meeting" and not self.is_new and is_locked(self.baseline)

    @property
    def read_only(self) -> bool:
        """A locked meeting outside a rättelse: only the state and the anslag may change."""
        return self.locked and not self.correcting

    def editable(self, path: tuple) -> bool:
        """May the field (or entry) at path be changed now?"""
        return may_change(path, self.locked, self.correcting)

    def start_correction(self) -> bool:
        """Make the locked meeting editable for a rättelse; False when it is not locked."""
        if not self.locked or self.correcting:
            return False
        self.correcting = True
        self.mode_changed()
        return True

    def mode_changed(self) -> None:
        for listener in list(self.listeners):
            listener("mode")

    def cleaned(self) -> dict:
        return clean(self.data, self.baseline if not self.is_new else {})

    @property
    def dirty(self) -> bool:
        return self.is_new or self.cleaned() != self.baseline or bool(self.local_errors)

    # -- changes
    def set(self, path: tuple, value) -> None:
        if not self.editable(path):
            return
        set_at(self.data, path, value)
        self.changed()

    def delete(self, path: tuple) -> None:
        if not self.editable(path):
            return
        del_at(self.data, path)
        self.changed()

    def changed(self) -> None:
        for listener in list(self.listeners):
            listener()

    # -- validation
    def text(self) -> str:
        return render(self.snapshot, self.cleaned())

    def validate(self) -> list:
        data = self.cleaned()
        try:
            text = render(self.snapshot, data)
        except Exception:  # noqa: BLE001 - only used to place findings
            text = None
        findings = validate(self.kind, self.place.id, self.rel, self.place.path, data, self.ctx, text)
        if self.correcting:  # "changed after justering": what the rättelse being made will record
            findings = while_correcting(findings)
        self.findings = findings
        for form in list(self.forms):
            try:
                form.show_findings(self.findings)
            except Exception:  # noqa: BLE001 - a form being removed
                pass
        return self.findings

    # -- after saving or reloading
    def saved(self, snapshot: Snapshot, data: dict) -> None:
        self.snapshot = snapshot
        self.baseline = copy.deepcopy(data)
        self.data = copy.deepcopy(data)
        self.correcting = False
        self.locked = self._locked()

    def reset(self, snapshot: Snapshot, data: dict) -> None:
        self.saved(snapshot, data)
        self.local_errors.clear()

    # -- choices of the pickers
    def choices(self, path: tuple, f: Field):
        return field_choices(self.kind, path, f, self.data, self.archive)

    def first_paragraph_number(self) -> int | None:
        """The first § number of this meeting per the numbering policy, when it has no §§ yet."""
        if self.kind != "meeting" or self.archive is None:
            return None
        try:
            return first_paragraph_number(self.archive, self.data)
        except Exception:  # noqa: BLE001
            return None


__all__ = ["EditSession", "app_lang", "records_root"]

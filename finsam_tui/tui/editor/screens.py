"""The editor's screens: edit a record, edit one entry of a record, create a record (or a
meeting from the previous one), and delete with confirmation.

The policy is the core's (``core/ops``): saving (``save``: only what changed is rewritten,
comments and order stay; refused when the file changed on disk since it was opened, and the
user then chooses to reload it or to keep theirs, confirmed), locking a meeting saved as
justerad (``lock``, as ``finsam lock``), a rättelse (``correct``, as ``finsam correct``), a
meeting that moves to its new place with the references to it (``save``, ``move``), a new
meeting from the previous one (``new_meeting``). The screens ask the user and show the
results. Unsaved changes are guarded on escape and on quit.

A locked (justerad) meeting opens read-only but for its state and anslag; ctrl+k starts a
rättelse, whose save asks for date, by whom, what and why. A meeting saved with another date
or organ is offered a move of its file to its new place.
"""

from __future__ import annotations

import datetime as dt
import re

from rich.text import Text
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static

from finsam_tui.core.check.findings import counts
from finsam_tui.core.dates import DateError, parse_date
from finsam_tui.core.i18n.editor import UI, WEEKDAYS, help_text, kind_label, t
from finsam_tui.core.io.saving import SaveConflict, delete_record, read_snapshot
from finsam_tui.core.io.tomledit import parse_text
from finsam_tui.core.ops import save as saving
from finsam_tui.core.ops.choices import entry_summary, meeting_label
from finsam_tui.core.ops.correct import Correction, correct, default_by, needs_correction
from finsam_tui.core.ops.correct import changes as correction_changes
from finsam_tui.core.ops.lock import awaits_lock, lock_errors, locked
from finsam_tui.core.ops.new_meeting import new_meeting, next_meeting_date, previous_meeting
from finsam_tui.core.ops.places import Place, initial_data, meeting_place, moved_place, place_of, slug_id
from finsam_tui.core.records.keypaths import value_at as get_at
from finsam_tui.core.records.layout import valid_id
from finsam_tui.core.records.schema import KINDS, Field
from finsam_tui.tui.editor.correction import CorrectionDialog
from finsam_tui.tui.editor.fields.base import FieldBox
from finsam_tui.tui.editor.fields.entries import TablesField
from finsam_tui.tui.editor.fields.form import RecordForm
from finsam_tui.tui.editor.session import EditSession, app_lang, records_root
from finsam_tui.tui.keys import BACK, CORRECT, NEW_RECORD, SAVE, LocalizedKeys
from finsam_tui.tui.messages import RecordSaved
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog
from finsam_tui.tui.unsaved import HoldsUnsavedChanges
from finsam_tui.tui.widgets import plain


def new_title(kind: str, lang: str) -> str:
    """The title of the screen of a new record of kind ("Nytt möte")."""
    key = f"newrec.title_{kind}"
    return t(key, lang) if key in UI["sv"] else kind


class Line(Widget):
    """One line of text that repaints without re-laying out the screen (unlike Static)."""

    DEFAULT_CSS = "Line { height: 1; width: 1fr; }"
    text: reactive[str] = reactive("")

    def render(self) -> Content:
        return plain(self.text)


class _RecordScreen(LocalizedKeys, Screen):
    """Title line, the form in a scroll, a status line with the findings, the footer."""

    # CORRECT: priority, before a focused Input's or TextArea's own ctrl+k (delete to the end);
    # check_action lets the key through to them when no rättelse can be started
    BINDINGS = [CORRECT, SAVE]

    DEFAULT_CSS = """
    _RecordScreen { layout: vertical; }
    _RecordScreen > #edit-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    _RecordScreen > #edit-banner { height: auto; padding: 0 1; display: none; text-style: bold;
                                   background: $warning 25%; }
    _RecordScreen > #edit-banner.-shown { display: block; }
    _RecordScreen > #edit-banner.-correcting { background: $error 25%; }
    _RecordScreen > #edit-body { height: 1fr; padding: 0 0 0 1; }
    _RecordScreen > #edit-status { height: 1; background: $panel; padding: 0 1; }
    """

    def __init__(self, session: EditSession, focus_path: tuple | None = None) -> None:
        super().__init__()
        self.session = session
        self.focus_path = focus_path

    @property
    def lang(self) -> str:
        return self.session.lang

    def form(self) -> RecordForm:
        return self.query_one(RecordForm)

    def compose(self):
        yield Line(id="edit-title")
        yield Static("", id="edit-banner")
        with VerticalScroll(id="edit-body"):
            yield self.make_form()
        yield Line(id="edit-status")
        yield Footer()

    def make_form(self) -> RecordForm:  # pragma: no cover - overridden
        raise NotImplementedError

    def open_entry(self, box: TablesField, i: int) -> None:
        """Edit entry i of the list box on a screen of its own (the form's open_entry)."""
        self.app.push_screen(EntryScreen(self.session, box.field, box.path + (i,), box.field.name),
                             lambda _=None: box.entry_closed(i))

    def on_mount(self) -> None:
        # (Textual calls on_mount of every class in the MRO: subclasses override setup())
        self.setup()

    def setup(self) -> None:
        self.session.listeners.append(self.session_event)
        self.update_title()
        self.update_banner()
        self.update_status()
        self.call_after_refresh(self.initial_focus)

    def on_unmount(self) -> None:
        self.forget_session()

    def session_event(self, what: str = "changed") -> None:
        if not self.is_attached:
            return
        try:
            self.update_title()
            self.update_status()
            if what in ("mode", "saved"):
                self.update_banner()
                self.form().apply_editable()
                self.refresh_bindings()
        except NoMatches:  # the screen is being closed
            self.forget_session()

    # -- a locked meeting
    def update_banner(self) -> None:
        s = self.session
        banner = self.query_one("#edit-banner", Static)
        if s.locked:
            banner.update(plain(t("locked.correcting" if s.correcting else "locked.banner", self.lang)))
        banner.set_class(s.locked, "-shown")
        banner.set_class(s.locked and s.correcting, "-correcting")

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "correct":
            return self.session.read_only
        return True

    def action_correct(self) -> None:
        """Start a rättelse: the fields of the locked meeting become editable."""
        if self.session.start_correction():
            self.app.notify(t("locked.started", self.lang), timeout=3)

    def forget_session(self) -> None:
        if self.session_event in self.session.listeners:
            self.session.listeners.remove(self.session_event)

    def title_text(self) -> str:
        return ""

    def update_title(self) -> None:
        text = self.title_text()
        if self.session.dirty:
            text += "  " + t("edit.modified", self.lang)
        self.query_one("#edit-title", Line).text = text

    def update_status(self) -> None:
        c = counts(self.session.findings)
        errors, warnings = c["errors"], c["warnings"]
        if errors or warnings:
            text = t("edit.counts", self.lang, errors=errors, warnings=warnings)
        else:
            text = t("edit.no_findings", self.lang)
        help_ = getattr(self, "_help", "")
        self.query_one("#edit-status", Line).text = f"{text} · {help_ or self.session.rel}"

    def on_descendant_focus(self, event) -> None:
        """The help text of the focused field goes in the status line (tooltips need a mouse)."""
        node = event.widget
        while node is not None and not isinstance(node, FieldBox):
            node = node.parent
        help_ = help_text(node.field, self.lang) if node is not None else ""
        if help_ != getattr(self, "_help", ""):
            self._help = help_
            self.update_status()

    def initial_focus(self) -> None:
        if self.focus_path:
            if self.go_to(self.focus_path):
                return
        for w in self.query(".editor"):
            if w.focusable:
                w.focus()
                return

    def go_to(self, path: tuple) -> bool:
        """Focus the field at path; an entry of a list is opened on its own screen."""
        form = self.form()
        w = form.widget_for(tuple(path))
        if w is None:
            return False
        rest = tuple(path)[len(w.path):]
        if isinstance(w, TablesField) and rest and isinstance(rest[0], int):
            i = rest[0]
            if 0 <= i < len(w.entries):
                from textual.widgets import OptionList

                w.query_one(OptionList).highlighted = i
                self.app.push_screen(EntryScreen(self.session, w.field, w.path + (i,), w.field.name,
                                                 focus_path=tuple(path)),
                                     lambda _=None: w.refresh_value(highlight=i))
                return True
        w.focus_editor()
        w.scroll_visible()
        return True

    def owner(self) -> EditScreen | None:
        for s in reversed(self.app.screen_stack):
            if isinstance(s, EditScreen) and s.session is self.session:
                return s
        return None

    def action_save(self) -> None:
        owner = self.owner()
        if owner is not None:
            owner.save()


class EditScreen(HoldsUnsavedChanges, _RecordScreen):
    """Edit one record (existing or new). ctrl+s saves, escape goes back (asking about unsaved changes)."""

    BINDINGS = [BACK]
    VALIDATE_DELAY = 0.15

    def __init__(self, session: EditSession, focus_path: tuple | None = None) -> None:
        super().__init__(session, focus_path)
        self._timer = None

    def make_form(self) -> RecordForm:
        return RecordForm(self.session, KINDS[self.session.kind], (), self.session.kind, open_entry=self.open_entry)

    def title_text(self) -> str:
        kind = self.session.kind
        if self.session.is_new:
            head = new_title(kind, self.lang)
        else:
            head = t("edit.title", self.lang, kind=kind_label(kind, self.lang))
        name = self.session.data.get("name")
        if kind == "meeting":
            name = self.session.place.id
        elif kind == "budget":
            name = str(self.session.data.get("year", self.session.place.id))
        return f"{head}: {name}" if name else head

    def setup(self) -> None:
        super().setup()
        self.validate_now()

    def session_event(self, what: str = "changed") -> None:
        super().session_event(what)
        if what == "changed":
            self.schedule_validation()

    def schedule_validation(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.VALIDATE_DELAY, self.validate_now)

    def validate_now(self) -> None:
        self._timer = None
        self.session.validate()
        for listener in list(self.session.listeners):
            listener("validated")

    # -- saving
    def save(self, then=None) -> bool:
        """Save. True when the file on disk is now this data (then() is called).

        A rättelse of a locked meeting first asks for its date, by whom, what and why, and a
        meeting whose date or organ changed asks whether to move its file: then False is
        returned and then() is called once the answers led to a save."""
        s = self.session
        if s.local_errors:
            self.app.notify(t("edit.local_errors", self.lang, fields="; ".join(s.local_errors.values())),
                            severity="error", markup=False)
            return False
        data = s.cleaned()
        if s.kind == "meeting" and awaits_lock(data):
            self.ask_lock(data, then)  # justerad now (or before, never locked): lock it?
            return False
        return self.save_data(data, then)

    def save_data(self, data: dict, then=None) -> bool:
        s = self.session
        try:
            unchanged = saving.unchanged(s.snapshot, data)
        except Exception as exc:  # noqa: BLE001
            self.app.notify(str(exc), severity="error", markup=False)
            return False
        if unchanged:
            s.saved(s.snapshot, data)
            self.tell_saved()
            self.app.notify(t("edit.unchanged", self.lang), timeout=2)
            if then:
                then()
            return True
        if s.locked and needs_correction(s.baseline, data):
            if not s.correcting:  # (the fields are disabled: only a bug gets here)
                self.app.notify(t("locked.refused", self.lang), severity="error")
                return False
            self.ask_correction(data, then)
            return False
        if s.locked and s.correcting:
            self.app.notify(t("locked.no_change", self.lang), timeout=3)
        return self.save_or_move(data, then)

    def ask_lock(self, data: dict, then=None) -> None:
        """A justerad meeting without a fingerprint: save it locked (as finsam lock does, refused
        while it has errors), or save it as it is, or go back to the form."""
        s = self.session
        lang = self.lang
        self.validate_now()  # (the findings of data: s.cleaned() is data)
        errors = lock_errors(s.findings, s.rel)
        body = [t("lock.body", lang, state=data.get("state"))]
        buttons = []
        if errors:
            body.append(t("lock.has_errors", lang, count=len(errors)))
        else:
            buttons.append(("lock", t("lock.yes", lang), "primary"))
        buttons += [("save", t("lock.no", lang), "warning"), ("cancel", t("key.cancel", lang), "default")]
        dialog = ChoiceDialog(t("lock.title", lang), "\n\n".join(body), buttons,
                              default="cancel" if errors else "lock")

        def answer(choice: str | None) -> None:
            if choice == "lock":
                self.save_data(locked(data, errors), then)
            elif choice == "save":
                self.save_data(data, then)

        self.app.push_screen(dialog, answer)

    def ask_correction(self, data: dict, then=None) -> None:
        """Ask for the rättelse; on an answer add it (with the new fingerprint) and save."""
        s = self.session
        archive = s.archive
        by = default_by(s.baseline, getattr(archive, "persons", {})) if archive is not None else None
        changes = correction_changes(s.baseline, data, s.kind, self.lang)
        dialog = CorrectionDialog(s.place.id, archive, self.lang, by=by, changes=changes)

        def answer(c: Correction | None) -> None:
            if c is None:
                return  # cancelled: nothing written, the changes stay in the form
            self.save_or_move(correct(data, c), then, corrected=True)

        self.app.push_screen(dialog, answer)

    def save_or_move(self, data: dict, then=None, corrected: bool = False) -> bool:
        """Write data; a meeting whose date or organ changed asks first whether to move its file."""
        s = self.session
        target = self.new_place(data)
        if target is None:
            return self.write(data, then, corrected=corrected)
        if s.is_new:  # nothing on disk yet: the new meeting is created where it belongs
            if target.path.exists():
                self.app.notify(t("newrec.exists", self.lang, rel=target.rel), severity="error", markup=False)
                return False
            s.place = target
            return self.write(data, then, corrected=corrected)
        self.ask_move(target, data, then, corrected)
        return False

    def new_place(self, data: dict) -> Place | None:
        """The meeting's new place when its date or organ changed (and so its place), else None."""
        s = self.session
        return moved_place(records_root(self.app), s.place, s.baseline, data, s.is_new)

    def ask_move(self, target: Place, data: dict, then=None, corrected: bool = False) -> None:
        s = self.session
        lang = self.lang
        planned = saving.plan_move(records_root(self.app), s.archive, s.place, target)
        body = [t("move.body", lang, rel=target.rel), move_refs_text(planned, s.place.id, target, lang)]
        buttons = [("move", t("move.yes", lang), "primary")]
        default = "move"
        if target.path.exists():
            body.append(t("move.exists", lang, rel=target.rel))
            buttons = []
            default = "cancel"
        body.append(t("move.stay_help", lang))
        buttons += [("stay", t("move.stay", lang), "warning"), ("cancel", t("key.cancel", lang), "default")]
        dialog = ChoiceDialog(t("move.title", lang), "\n\n".join(body), buttons, default=default)

        def answer(choice: str | None) -> None:
            if choice == "move":
                self.write(data, then, corrected=corrected, move_to=target, planned=planned)
            elif choice == "stay":
                self.write(data, then, corrected=corrected)

        self.app.push_screen(dialog, answer)

    def write(self, data: dict, then=None, corrected: bool = False, move_to: Place | None = None,
              planned=None) -> bool:
        """Write data to the file (``core/ops/save``: atomic, refused if the file changed on disk
        since it was read); with move_to, to that place instead, then the planned rewrites of the
        references to it."""
        s = self.session
        result = saving.save(records_root(self.app), s.place, s.snapshot, data, move_to, planned)
        if isinstance(result, saving.Conflict):
            if move_to is not None:  # nothing written or removed: say why, the edits stay
                self.app.notify(result.message(self.lang), severity="error", markup=False, timeout=10)
            else:
                self.conflict(result, then, data=data, corrected=corrected)
            return False
        if isinstance(result, saving.Failed):
            self.app.notify(result.reason, severity="error", markup=False)
            return False
        s.place = result.place
        self.after_save(result.snapshot, result.data, corrected=corrected, moved=result.moved)
        if then:
            then()
        return True

    def after_save(self, snap, data: dict, corrected: bool = False, moved: saving.Moved | None = None) -> None:
        s = self.session
        s.saved(snap, data)
        if corrected:  # the new [[corrections]] entry is in the data now: show it
            for form in list(s.forms):
                form.refresh_values()
        self.validate_now()
        c = counts(s.findings)
        errors, warnings = c["errors"], c["warnings"]
        summary = t("edit.counts", self.lang, errors=errors, warnings=warnings) if errors or warnings else ""
        if moved is not None:
            msg = moved_text(moved.old_rel, moved.outcome, moved.planned, s.rel, self.lang)
        elif corrected:
            msg = t("correct.saved", self.lang, rel=s.rel)
        elif summary:
            msg = t("edit.saved_with", self.lang, rel=s.rel, summary=summary)
            summary = ""
        else:
            msg = t("edit.saved", self.lang, rel=s.rel)
        if summary:
            msg += f" ({summary})"
        self.app.notify(msg, markup=False, timeout=3)
        self.tell_saved()
        self.app.post_message(RecordSaved(s.rel))

    def tell_saved(self) -> None:
        """Every screen of the session (this one and its entries') shows the saved state."""
        for listener in list(self.session.listeners):
            listener("saved")

    def conflict(self, result: saving.Conflict, then=None, data: dict | None = None, corrected: bool = False) -> None:
        body = "\n\n".join([result.message(self.lang), t("conflict.reload_help", self.lang),
                            t("conflict.keep_help", self.lang)])
        dialog = ChoiceDialog(t("conflict.title", self.lang), body, [
            ("reload", t("conflict.reload", self.lang), "primary"),
            ("keep", t("conflict.keep", self.lang), "warning"),
            ("cancel", t("conflict.cancel", self.lang), "default"),
        ], default="cancel")

        def answer(choice: str | None) -> None:
            if choice == "reload":
                self.reload_from_disk()
            elif choice == "keep":
                self.app.push_screen(ChoiceDialog(
                    t("overwrite.title", self.lang), t("overwrite.body", self.lang),
                    [("overwrite", t("overwrite.yes", self.lang), "error"),
                     ("cancel", t("conflict.cancel", self.lang), "default")], default="cancel"),
                    lambda c: self.keep_mine(then, data=data, corrected=corrected) if c == "overwrite" else None)

        self.app.push_screen(dialog, answer)

    def keep_mine(self, then=None, data: dict | None = None, corrected: bool = False) -> None:
        """Save this data over the version on disk (the user confirmed). data: what to write
        (a rättelse's data with its entry), else the form's."""
        s = self.session
        data = s.cleaned() if data is None else data
        result = saving.overwrite(s.place, s.snapshot, data)
        if isinstance(result, saving.Conflict):  # changed yet again meanwhile
            self.conflict(result, then, data=data, corrected=corrected)
            return
        if isinstance(result, saving.Failed):
            self.app.notify(result.reason, severity="error", markup=False)
            return
        self.after_save(result.snapshot, result.data, corrected=corrected)
        if then:
            then()

    def reload_from_disk(self) -> None:
        """Discard the edits and read the version on disk."""
        s = self.session
        try:
            snap, data = saving.read_record(s.place.path)
        except FileNotFoundError:
            self.app.notify(t("edit.gone", self.lang), severity="warning")
            self.close()
            return
        except (OSError, ValueError) as exc:
            self.app.notify(t("edit.syntax", self.lang, reason=str(exc)), severity="error", markup=False)
            self.close()
            return
        s.reset(snap, data)
        while self.app.screen is not self and isinstance(self.app.screen, EntryScreen):
            self.app.pop_screen()
        self.call_later(self._rebuild)
        self.app.notify(t("edit.reloaded", self.lang), timeout=2)

    async def _rebuild(self) -> None:
        await self.recompose()
        self.update_title()
        self.validate_now()
        self.initial_focus()

    # -- leaving
    def action_back(self) -> None:
        self.leave()

    def leave(self, after=None) -> None:
        """Close the screen; with unsaved changes ask Save / Discard / Cancel first."""
        if not self.session.dirty:
            self.close()
            if after:
                after()
            return

        def done() -> None:
            self.close()
            if after:
                after()

        ask_unsaved(self, lambda choice: (self.save(then=done) if choice == "save"
                                          else done() if choice == "discard" else None))

    # -- quitting (unsaved.HoldsUnsavedChanges: the app's quit asks first)
    def has_unsaved_changes(self) -> bool:
        return self.session.dirty

    def ask_before_quit(self, again, quit_now) -> None:
        """Spara / Kasta ändringarna / Avbryt; after saving the app asks again (other editors)."""
        ask_unsaved(self, lambda choice: (self.save(then=again) if choice == "save"
                                          else quit_now() if choice == "discard" else None))

    def close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.forget_session()
        if self in self.app.screen_stack:
            while self.app.screen is not self and self in self.app.screen_stack:
                self.app.pop_screen()
            self.dismiss(None)


class EntryScreen(_RecordScreen):
    """One entry of an array of tables (a §, a sub-item, a membership, a budget line …)."""

    BINDINGS = [BACK]

    def __init__(self, session: EditSession, field: Field, base: tuple, parent: str,
                 focus_path: tuple | None = None) -> None:
        super().__init__(session, focus_path)
        self.field = field
        self.base = base
        self.parent_name = parent

    def make_form(self) -> RecordForm:
        return RecordForm(self.session, self.field.fields, self.base, self.parent_name, open_entry=self.open_entry)

    def title_text(self) -> str:
        owner = self.owner()
        parent = owner.title_text() if owner else self.session.rel
        names = []
        for k in range(1, len(self.base), 2):
            name, _i = self.base[k - 1], self.base[k]
            entry = get_at(self.session.data, self.base[:k + 1], {})
            names.append(entry_summary(str(name), entry, self.session.archive, self.lang))
        return t("edit.entry", self.lang, parent=parent, entry=" › ".join(names))

    def go_to(self, path: tuple) -> bool:
        if tuple(path) == self.base:
            return False
        return super().go_to(path)

    def action_back(self) -> None:
        self.forget_session()
        self.dismiss(None)


def ask_unsaved(screen: _RecordScreen, answer) -> None:
    lang = screen.lang
    what = screen.session.rel
    screen.app.push_screen(ChoiceDialog(
        t("leave.title", lang), t("leave.body", lang, what=what),
        [("save", t("leave.save", lang), "primary"),
         ("discard", t("leave.discard", lang), "error"),
         ("cancel", t("leave.cancel", lang), "default")], default="save"), answer)


# -- quitting with unsaved changes ---------------------------------------------------------------


def unsaved_editors(app) -> list[EditScreen]:
    return [s for s in app.screen_stack if isinstance(s, EditScreen) and s.session.dirty]


# -- creating ------------------------------------------------------------------------------------

_SUFFIX_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
NEW_KINDS = ("meeting", "person", "organisation", "insats", "budget")


class NewRecordScreen(LocalizedKeys, ModalScreen):
    """Ask what identifies a new record (name, year, or organ and date), then edit it.

    A person "Anna Lindqvist" becomes personer/anna-lindqvist.toml; a meeting of an organ on
    a date moten/<organ>/<year>/<date>.toml, made from the previous meeting when chosen."""

    DEFAULT_CSS = """
    NewRecordScreen { align: center middle; }
    NewRecordScreen > #new { width: 72; max-width: 100%; height: auto; max-height: 100%;
                             border: thick $primary; background: $surface; padding: 0 1; }
    NewRecordScreen #new-title { text-style: bold; height: 1; margin: 0 0 1 0; }
    NewRecordScreen .for-named, NewRecordScreen .for-budget, NewRecordScreen .for-meeting { height: auto; }
    NewRecordScreen .row { height: auto; }
    NewRecordScreen .row > Label { width: 18; }
    NewRecordScreen .row > Input, NewRecordScreen .row > Select { width: 1fr; height: 1; }
    NewRecordScreen .hint { height: auto; padding: 0 0 0 18; color: $text-muted; }
    NewRecordScreen #new-info { height: auto; margin: 1 0 0 0; }
    NewRecordScreen #new-buttons { height: auto; align: center middle; margin: 1 0 0 0; }
    NewRecordScreen #new-buttons > Button { margin: 0 1; }
    """
    BINDINGS = list(NEW_RECORD)

    def __init__(self, kind: str | None = None, from_previous: bool = False, lang: str = "sv",
                 organ: str | None = None, date: dt.date | None = None) -> None:
        super().__init__()
        self.kind = kind if kind in NEW_KINDS else None
        self.fixed_kind = self.kind is not None
        self.kind = self.kind or "meeting"
        self.from_previous = from_previous
        self.lang = lang
        self.organ = organ
        self.date = date
        self.suggested = ""  # the date put in from the previous meeting's next_meeting, as text

    @property
    def archive(self):
        return getattr(self.app, "archive", None)

    def compose(self):
        lang = self.lang
        title = t("newrec.title", lang) if not self.fixed_kind else new_title(self.kind, lang)
        organs = list(self.archive.organs.items()) if self.archive is not None else []
        with Vertical(id="new"):
            yield Static(plain(title), id="new-title")
            if not self.fixed_kind:
                with Horizontal(classes="row"):
                    yield Label(plain(t("newrec.kind", lang)))
                    yield Select([(Text(kind_label(k, lang)), k) for k in NEW_KINDS], value=self.kind,
                                 allow_blank=False, compact=True, id="new-kind")
            with Vertical(classes="for-named"), Horizontal(classes="row"):
                yield Label(plain(t("newrec.name", lang)))
                yield Input(id="new-name", compact=True)
            with Vertical(classes="for-budget"), Horizontal(classes="row"):
                yield Label(plain(t("newrec.year", lang)))
                yield Input(id="new-year", compact=True, restrict=r"[0-9]*", max_length=4)
            with Vertical(classes="for-meeting"):
                with Horizontal(classes="row"):
                    yield Label(plain(t("newrec.organ", lang)))
                    default = self.organ if self.organ in dict(organs) else (organs[0][0] if organs else Select.NULL)
                    yield Select([(Text(f"{o.get('name', oid)} ({oid})"), oid) for oid, o in organs],
                                 value=default, allow_blank=not organs, compact=True, id="new-organ")
                with Horizontal(classes="row"):
                    yield Label(plain(t("newrec.date", lang)))
                    yield Input(value=self.date.isoformat() if self.date else "", id="new-date", compact=True,
                                placeholder=t("date.placeholder", lang))
                yield Static("", id="new-date-hint", classes="hint")
                with Horizontal(classes="row"):
                    yield Label(plain(t("newrec.suffix", lang)))
                    yield Input(id="new-suffix", compact=True, restrict=r"[a-z0-9-]*",
                                placeholder=t("newrec.suffix_help", lang))
                yield Checkbox(plain(t("newrec.from_previous", lang)), value=self.from_previous, id="new-prev",
                               compact=True)
            yield Static("", id="new-info")
            with Horizontal(id="new-buttons"):
                yield Button(plain(t("key.create", lang)), variant="primary", id="new-create")
                yield Button(plain(t("key.cancel", lang)), id="new-cancel")

    def on_mount(self) -> None:
        self.show_kind()
        self.suggest_date()
        self.update_info()

    def suggest_date(self) -> None:
        """Put in the date the organ's latest meeting set for the next one, unless a date was
        given or typed (a suggestion made for another organ is replaced)."""
        if self.kind != "meeting" or self.archive is None:
            return
        date_input = self.query_one("#new-date", Input)
        if date_input.value and date_input.value != self.suggested:
            return
        organ = self.query_one("#new-organ", Select).value
        nxt = next_meeting_date(self.archive, organ) if isinstance(organ, str) else None
        self.suggested = nxt.isoformat() if nxt else ""
        date_input.value = self.suggested

    def show_kind(self) -> None:
        kind = self.kind
        self.query_one(".for-named").display = kind in ("person", "organisation", "insats")
        self.query_one(".for-budget").display = kind == "budget"
        self.query_one(".for-meeting").display = kind == "meeting"
        first = {"budget": "#new-year", "meeting": "#new-date"}.get(kind, "#new-name")
        self.query_one(first).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "new-kind" and event.value in NEW_KINDS:
            self.kind = event.value
            self.show_kind()
        self.suggest_date()
        self.update_info()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.update_info()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.from_previous = event.value
        self.update_info()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "new-create":
            self.action_create()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def compute(self) -> tuple[Place | None, dict | None, str]:
        """(place, data, info) for what is typed; place None with info saying what is wrong."""
        lang = self.lang
        root = records_root(self.app)
        kind = self.kind
        if kind == "meeting":
            organ = self.query_one("#new-organ", Select).value
            hint = self.query_one("#new-date-hint", Static)
            text = self.query_one("#new-date", Input).value
            if organ is Select.NULL or organ == Select.NULL or not organ:
                return None, None, t("newrec.need_organ", lang)
            if not text.strip():
                hint.update("")
                return None, None, t("newrec.need_date", lang)
            try:
                date = parse_date(text)
            except DateError:
                hint.update(plain(t("date.bad", lang)))
                return None, None, ""
            hint.update(plain(t("date.parsed", lang, iso=date.isoformat(), weekday=WEEKDAYS[lang][date.weekday()])))
            suffix = self.query_one("#new-suffix", Input).value.strip()
            if suffix and not _SUFFIX_RE.match(suffix):
                return None, None, t("newrec.bad_suffix", lang)
            place = meeting_place(root, organ, date, suffix)
            if place.path.exists():
                return None, None, t("newrec.exists", lang, rel=place.rel)
            info = [t("newrec.file", lang, rel=place.rel)]
            archive = self.archive
            if self.from_previous and archive is not None:
                prev = previous_meeting(archive, organ, date)
                info.append(t("newrec.previous", lang, meeting=meeting_label(archive, prev)) if prev
                            else t("newrec.no_previous", lang))
                data = new_meeting(archive, organ, date, lang)
            else:
                data = initial_data("meeting", organ=organ, date=date)
            return place, data, "\n".join(info)
        if kind == "budget":
            text = self.query_one("#new-year", Input).value
            if not re.fullmatch(r"(19|20|21)\d\d", text):
                return None, None, t("newrec.need_year", lang)
            place = place_of(root, "budget", text)
            if place.path.exists():
                return None, None, t("newrec.exists", lang, rel=place.rel)
            return place, initial_data("budget", year=int(text)), t("newrec.file", lang, rel=place.rel)
        name = self.query_one("#new-name", Input).value.strip()
        if not name:
            return None, None, t("newrec.need_name", lang)
        rid = slug_id(name)
        if not valid_id(rid):
            return None, None, t("newrec.bad_id", lang)
        place = place_of(root, kind, rid)
        if place.path.exists():
            return None, None, t("newrec.exists", lang, rel=place.rel)
        return place, initial_data(kind, name=name), t("newrec.file", lang, rel=place.rel)

    def update_info(self) -> None:
        _place, _data, info = self.compute()
        self.query_one("#new-info", Static).update(plain(info))

    def action_create(self) -> None:
        place, data, info = self.compute()
        if place is None:
            self.query_one("#new-info", Static).update(plain(info))
            self.app.bell()
            return
        app = self.app
        session = EditSession(app, place, data, None, self.lang)
        self.dismiss(None)
        app.push_screen(EditScreen(session))


# -- deleting ------------------------------------------------------------------------------------


def reference_of(place: Place) -> str:
    return {"person": f"person/{place.id}", "organisation": f"org/{place.id}", "insats": f"insats/{place.id}",
            "budget": f"budget/{place.id}"}.get(place.kind, place.id)


def backlink_count(archive, place: Place) -> int:
    if archive is None or place.kind == "forbund":
        return 0
    try:
        from finsam_tui.core.query.backlinks import backlinks

        return len([b for b in backlinks(archive, reference_of(place))
                    if getattr(b, "source", None) != place.id])
    except Exception:  # noqa: BLE001 - a lookup problem never stops a delete
        return 0


def _few(rels) -> str:
    rels = list(rels)
    return ", ".join(rels[:5]) + (" …" if len(rels) > 5 else "")


def move_refs_text(planned, old_id: str, target: Place, lang: str) -> str:
    """What the move does to the references to the meeting, for the question before it."""
    if planned is None:
        return t("move.refs_unknown", lang, ref=old_id)
    parts = []
    if planned.rewrites:
        parts.append(t("move.refs_rewrite", lang, count=planned.count, files=len(planned.rewrites), new=target.id,
                       rels=_few(r.rel for r in planned.rewrites)))
    for key, rels in (("move.refs_locked", planned.locked), ("move.refs_by_year", planned.by_year),
                      ("move.refs_unreadable", planned.unreadable)):
        if rels:
            parts.append(t(key, lang, rels=_few(rels)))
    return "\n".join(parts) or t("move.no_refs", lang, ref=old_id)


def moved_text(old_rel: str, outcome, planned, rel: str, lang: str) -> str:
    """The notice after a move: where the file went, and what became of the references to it."""
    msg = t("move.done", lang, old=old_rel, rel=rel)
    if outcome is not None and outcome.done:
        msg += t("move.done_refs", lang, count=sum(r.count for r in outcome.done), files=len(outcome.done))
    if outcome is not None and outcome.refused:
        msg += t("move.done_refused", lang, rels=_few(r for r, _why in outcome.refused))
    left = [*(planned.locked if planned else ()), *(planned.by_year if planned else ())]
    if left:
        msg += t("move.done_left", lang, rels=_few(dict.fromkeys(left)))
    return msg


def confirm_delete(app, place: Place, lang: str) -> ChoiceDialog | None:
    """Ask, then delete the file as read now (refused if it changes before the answer)."""
    try:
        snap = read_snapshot(place.path)
    except OSError as exc:
        app.notify(t("edit.cannot_read", lang, rel=place.rel, reason=exc.strerror or str(exc)), severity="error",
                   markup=False)
        return None
    what = place.rel
    try:
        data = parse_text(snap.text)
        label = data.get("name") or (place.id if place.kind != "budget" else t("delete.budget", lang, year=place.id))
        what = f"{label} ({place.rel})"
    except ValueError:
        pass
    body = t("delete.body", lang, what=what)
    n = backlink_count(getattr(app, "archive", None), place)
    if n:
        body += "\n\n" + t("delete.refs", lang, count=n)
    dialog = ChoiceDialog(t("delete.title", lang, rel=place.rel), body,
                          [("delete", t("delete.yes", lang), "error"), ("cancel", t("key.cancel", lang), "primary")],
                          default="cancel")

    def answer(choice: str | None) -> None:
        if choice != "delete":
            return
        try:
            delete_record(snap)
        except SaveConflict as exc:
            app.notify(saving.Conflict(exc).message(lang), severity="error", markup=False, timeout=8)
            return
        except OSError as exc:
            app.notify(str(exc), severity="error", markup=False)
            return
        app.notify(t("delete.done", lang, rel=place.rel), markup=False, timeout=3)
        app.post_message(RecordSaved(place.rel))

    app.push_screen(dialog, answer)
    return dialog


__all__ = [
    "EditScreen",
    "EntryScreen",
    "FieldBox",
    "NewRecordScreen",
    "app_lang",
    "confirm_delete",
    "unsaved_editors",
]

"""The screen that edits one record (``EditScreen``) and ``unsaved_editors``.

The policy is the core's (``core/ops``): saving (``save``: only what changed is rewritten,
comments and order stay; refused when the file changed on disk since it was opened, and the
user then chooses to reload it or to keep theirs, confirmed), locking a meeting saved as
justerad (``lock``, as ``finsam lock``), a rättelse (``correct``, as ``finsam correct``), a
meeting that moves to its new place with the references to it (``save``, ``move``). The
screen asks the user and shows the results. Unsaved changes are guarded on escape and on
quit (``unsaved_editors``: the editors on the app's stack with unsaved changes).

A locked (justerad) meeting opens read-only but for its state and anslag; ctrl+k starts a
rättelse, whose save asks for date, by whom, what and why. A meeting saved with another date
or organ is offered a move of its file to its new place.
"""

from __future__ import annotations

from finsam_tui.core.check.findings import counts
from finsam_tui.core.i18n.editor import key_label, kind_label, t
from finsam_tui.core.ops import save as saving
from finsam_tui.core.ops.correct import Correction, correct, default_by, needs_correction
from finsam_tui.core.ops.correct import changes as correction_changes
from finsam_tui.core.ops.lock import awaits_lock, followed_up, lock_errors, locked
from finsam_tui.core.ops.places import Place, moved_place
from finsam_tui.core.records.schema import KINDS
from finsam_tui.tui.editor.correction import CorrectionDialog
from finsam_tui.tui.editor.fields.form import RecordForm
from finsam_tui.tui.editor.move_delete import move_refs_text, moved_text
from finsam_tui.tui.editor.record_screen import EntryScreen, _RecordScreen, ask_unsaved, new_title
from finsam_tui.tui.editor.session import EditSession, records_root
from finsam_tui.tui.keys import BACK
from finsam_tui.tui.messages import RecordSaved
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog
from finsam_tui.tui.unsaved import HoldsUnsavedChanges


class EditScreen(HoldsUnsavedChanges, _RecordScreen):
    """Edit one record (existing or new). ctrl+s saves, escape goes back (asking about unsaved changes)."""

    BINDINGS = [BACK]
    OWNS_SESSION = True
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
        if s.locked:  # the state, anslag or a task's follow-up: a legacy lock is rewritten for it
            data = followed_up(s.baseline, data)
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
                self.save_data(locked(data, errors, s.ctx, s.place.id), then)
            elif choice == "save":
                self.save_data(data, then)

        self.app.push_screen(dialog, answer)

    def ask_correction(self, data: dict, then=None) -> None:
        """Ask for the rättelse; on an answer add it (with the new fingerprint) and save."""
        s = self.session
        archive = s.archive
        by = default_by(s.baseline, getattr(archive, "persons", {})) if archive is not None else None
        changes = correction_changes(s.baseline, data, s.kind, self.lang)
        dialog = CorrectionDialog(s.place.id, archive, self.lang, by=by, changes=changes, meeting=data.get("date"))

        def answer(c: Correction | None) -> None:
            if c is None:
                return  # cancelled: nothing written, the changes stay in the form
            self.save_or_move(correct(data, c, s.ctx, s.place.id), then, corrected=True)

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
        self.then_after(result, then)
        return True

    def then_after(self, result: saving.Saved, then=None) -> None:
        """then() after a save; first, when another program's version was kept as a conflict copy
        meanwhile, a dialog that names the copy (then() waits for it: a quit would hide it)."""
        if result.conflict is None:
            if then:
                then()
            return
        lang = self.lang
        dialog = ChoiceDialog(t("conflict.copy_title", lang), result.conflict.text(lang),
                              [("ok", t("conflict.copy_ok", lang), "primary")], default="ok", cancel_id="ok")
        self.app.push_screen(dialog, lambda _answer: then() if then else None)

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
        lang = self.lang
        s = self.session
        diff = saving.changes(s.place, s.baseline, s.cleaned() if data is None else data)

        def names(keys) -> str:
            return ", ".join(key_label(k, s.kind, lang) for k in keys)

        what = [t("conflict.theirs", lang, keys=names(diff.theirs))] if diff.theirs else []
        what += [t("conflict.mine", lang, keys=names(diff.mine))] if diff.mine else []
        what += [] if diff.readable or diff.gone else [t("conflict.unreadable", lang)]
        body = "\n\n".join([result.message(lang), *(["\n".join(what)] if what else []),
                            t("conflict.reload_help", lang) + "\n" + t("conflict.keep_help", lang)])
        lost = [t("conflict.lost", lang, keys=names(diff.theirs))] if diff.theirs else []
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
                    t("overwrite.title", self.lang), "\n\n".join([t("overwrite.body", self.lang), *lost]),
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
        self.then_after(result, then)

    def reload_from_disk(self) -> None:
        """Discard the edits and read the version on disk. A version that is gone or cannot be
        read leaves the editor open with the edits (never closed with unsaved changes)."""
        s = self.session
        try:
            snap, data = saving.read_record(s.place.path)
        except FileNotFoundError:
            self.app.notify(t("edit.reload_gone", self.lang, rel=s.rel), severity="warning", markup=False,
                            timeout=10)
            return
        except (OSError, ValueError) as exc:
            reason = (t("edit.not_utf8", self.lang) if isinstance(exc, UnicodeDecodeError)
                      else getattr(exc, "strerror", None) or str(exc))
            self.app.notify(t("edit.reload_failed", self.lang, rel=s.rel, reason=reason), severity="error",
                            markup=False, timeout=10)
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


def unsaved_editors(app) -> list[EditScreen]:
    """The editors on the app's screen stack with unsaved changes (quitting asks each)."""
    return [s for s in app.screen_stack if isinstance(s, EditScreen) and s.session.dirty]

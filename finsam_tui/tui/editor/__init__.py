"""The record editor of the TUI: forms driven by ``schema.py``, inline findings, safe saving.

Entry point for the app shell::

    open_editor(app, "edit", rel="personer/anna-lindqvist.toml")   # edit a record
    open_editor(app, "edit", rel=..., field_path=("items", 3, "title"))  # … at a field
    open_editor(app, "new", kind="person")        # ask for the name, then edit the new record
    open_editor(app, "new")                        # choose the kind first
    open_editor(app, "new_meeting", organ="styrelse")  # organ + date -> a meeting from the previous one
    open_editor(app, "new_from_previous", "meeting", rel=<a meeting>)  # the same, its organ chosen
    open_editor(app, "delete", rel=...)            # confirm, then delete

``app`` needs ``records_root`` (Path) and ``archive`` (an Archive; used for pickers, the
context of validation and new meetings); both are read with getattr, so a minimal app works.
After a save or delete the editor posts ``messages.RecordSaved(rel)`` to the app.

An app that runs the editor mixes in ``finsam_tui.tui.unsaved.AsksBeforeQuit`` (the FinsamApp
does): its quit then asks an editor with unsaved changes first.

Keys (the footer shows those of the focused field; all are defined in ``finsam_tui/tui/keys.py``,
which the app's help screen also lists):

- ctrl+s save (also from an entry's screen); escape back — with unsaved changes it asks
  Spara / Kasta ändringarna / Avbryt; ctrl+q (the app's quit) asks the same first
- tab / shift+tab between fields; the status line shows the focused field's help text
- a picker field (persons, organs, §§ …): enter, space or typing a letter opens the list;
  delete clears. In the list: type to filter, ↑↓, enter chooses (several: enter/space
  toggles, escape is done), escape cancels
- a list of entries (§§, sub-items, memberships, versions …): enter opens the entry,
  a / insert / + adds after the highlighted one, delete / x removes (asks), ctrl+↑ ↓
  (or shift/alt+↑ ↓) moves; §§ and sub-item letters are renumbered when they were in sequence
- m on a § or sub-item: "Flytta till…" — a picker of "Som egen §" (a sub-item: a § after its
  §) and "Under §N …" (the last sub-item of another §); renumbered as above. Refused, with the
  reason, for a § with sub-items of its own (one level only) or with fields a sub-item cannot
  hold (``core/ops/items.move_to``)
- dialogs: ← → or tab between the buttons, enter presses, escape cancels
- a locked (justerad) meeting opens read-only but for its state and anslag; ctrl+k starts a
  rättelse: the fields become editable, and ctrl+s asks for the date, by whom, what and why
  (``core/ops/correct``, as ``finsam correct``)
- a meeting saved with another date or organ asks whether to move its file (Flytta / Spara
  utan att flytta / Avbryt); after a move RecordSaved carries the new rel
"""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.i18n.editor import t
from finsam_tui.core.ops.places import place_of, place_of_rel
from finsam_tui.core.records.layout import classify_rel
from finsam_tui.tui.editor.edit_screen import EditScreen, unsaved_editors
from finsam_tui.tui.editor.move_delete import confirm_delete
from finsam_tui.tui.editor.new_record import NewRecordScreen
from finsam_tui.tui.editor.record_screen import EntryScreen
from finsam_tui.tui.editor.session import EditSession, app_lang, records_root

ACTIONS = ("edit", "new", "new_meeting", "new_from_previous", "delete")


def open_editor(app, action: str, kind: str | None = None, rel: str | None = None, *,
                field_path: tuple | None = None, organ: str | None = None, date: dt.date | None = None):
    """Push the editor's screen for action on app; returns the screen pushed (or None).

    action: "edit" (rel), "new" (kind, or chosen on the screen), "new_meeting" or its alias
    "new_from_previous" (organ and date asked, prefilled from organ/date or from the meeting rel),
    "delete" (rel). kind is inferred from rel when not given; for "new", a meeting rel only
    preselects its organ.
    field_path (edit): focus that field, opening the entry it is in (e.g. ("items", 3, "decision")).
    """
    lang = app_lang(app)
    root = records_root(app)
    if action not in ACTIONS:
        app.notify(t("open.unknown", lang, action=action), severity="error", markup=False)
        return None
    if organ is None and rel and kind in (None, "meeting") and action not in ("edit", "delete"):
        found = place_of_rel(root, rel)
        if found is not None and found.kind == "meeting":
            organ = found.id.split("/")[0]
    if action == "new":
        if kind == "meeting":
            screen = NewRecordScreen("meeting", from_previous=True, lang=lang, organ=organ, date=date)
        else:
            screen = NewRecordScreen(kind, from_previous=True, lang=lang, organ=organ)
        if kind == "forbund" and (root / "forbund.toml").exists():
            app.notify(t("newrec.no_forbund", lang), severity="warning")
            return None
        app.push_screen(screen)
        return screen
    if action in ("new_meeting", "new_from_previous"):
        screen = NewRecordScreen("meeting", from_previous=True, lang=lang, organ=organ, date=date)
        app.push_screen(screen)
        return screen
    if not rel:
        app.notify(t("open.need_rel", lang), severity="error")
        return None
    place = place_of_rel(root, rel)
    if place is None and kind is not None and kind != "meeting":
        place = place_of(root, kind, rel.rsplit("/", 1)[-1].removesuffix(".toml"))
    if place is None:  # no record's file: say why (a conflict copy, FS111; a bad name, FS107 …)
        problem = classify_rel(rel)[2]
        reason = problem.message(lang) if problem is not None else "?"
        app.notify(t("edit.cannot_read", lang, rel=rel, reason=reason), severity="error", markup=False, timeout=8)
        return None
    if action == "delete":
        return confirm_delete(app, place, lang)
    try:
        session = EditSession.open(app, place, lang)
    except OSError as exc:
        app.notify(t("edit.cannot_read", lang, rel=rel, reason=exc.strerror or str(exc)), severity="error",
                   markup=False)
        return None
    except ValueError as exc:
        app.notify(t("edit.syntax", lang, reason=str(exc)), severity="error", markup=False)
        return None
    screen = EditScreen(session, focus_path=field_path)
    app.push_screen(screen)
    return screen


def has_unsaved_changes(app) -> bool:
    """True while an editor on the app's screen stack has changes that are not saved."""
    return bool(unsaved_editors(app))


__all__ = [
    "EditScreen",
    "EditSession",
    "EntryScreen",
    "NewRecordScreen",
    "has_unsaved_changes",
    "open_editor",
]

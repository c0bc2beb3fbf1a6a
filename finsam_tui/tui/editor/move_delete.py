"""The words of moving a meeting and the confirmation of a delete.

``move_refs_text`` (what a move does to the references to the meeting, for the question
before it), ``moved_text`` (the notice after a move), ``confirm_delete`` (ask, then delete
the file as read when asked, with the number of references to it: ``backlink_count``,
``reference_of``).
"""

from __future__ import annotations

from finsam_tui.core.i18n.editor import t
from finsam_tui.core.io.saving import SaveConflict, delete_record, read_snapshot
from finsam_tui.core.io.tomledit import parse_text
from finsam_tui.core.ops import save as saving
from finsam_tui.core.ops.places import Place
from finsam_tui.tui.messages import RecordSaved
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog


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
    if outcome is not None and outcome.copies:
        msg += t("move.done_copies", lang, copies=_few(str(p) for p in outcome.copies))
    left = [*(planned.locked if planned else ()), *(planned.by_year if planned else ())]
    if left:
        msg += t("move.done_left", lang, rels=_few(dict.fromkeys(left)))
    return msg


def confirm_delete(app, place: Place, lang: str) -> ChoiceDialog | None:
    """Ask, then delete the file as read now (refused if it changes before the answer)."""
    try:
        snap = read_snapshot(place.path)
    except (OSError, ValueError) as exc:  # (ValueError: not UTF-8 text)
        reason = t("edit.not_utf8", lang) if isinstance(exc, UnicodeDecodeError) else (
            getattr(exc, "strerror", None) or str(exc))
        app.notify(t("edit.cannot_read", lang, rel=place.rel, reason=reason), severity="error", markup=False)
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
            if exc.copy is not None:  # deleted, or put aside: the copy is what is left
                app.post_message(RecordSaved(place.rel))
            return
        except OSError as exc:
            app.notify(str(exc), severity="error", markup=False)
            return
        app.notify(t("delete.done", lang, rel=place.rel), markup=False, timeout=3)
        app.post_message(RecordSaved(place.rel))

    app.push_screen(dialog, answer)
    return dialog

"""The editor's forms hold the meeting procedure fields (#13), from the same definitions as
the validator: a §'s yrkanden, votering, protokollsanteckningar, outcome …, and the
meeting's arrivals and departures, via länk and signatures; a value typed there is saved."""

from __future__ import annotations

import tomllib

from finsam_tui.tui.editor.record_screen import EntryScreen

from .test_tui_editor import MEETING, Harness, run, settle, unlock

PARAGRAPH_FIELDS = ("added", "per_capsulam", "outcome", "outcome_note", "motions", "proposition_order", "vote",
                    "notes_for_record", "serving", "immediately_adjusted")


def test_a_paragraphs_form_has_the_procedure_fields(records_copy):
    path = records_copy / MEETING
    unlock(path)
    app = Harness(records_copy, "edit", rel=MEETING, field_path=("items", 1, "outcome"))

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen) and screen.base == ("items", 1)
        for name in PARAGRAPH_FIELDS:
            assert screen.query(f"#f-items-1-{name}"), name
        for name in ("for", "against", "abstained", "for_count", "result"):
            assert screen.query(f"#f-items-1-vote-{name}"), name
        note = screen.query_one("#f-items-1-outcome_note TextArea")
        note.focus()
        note.insert("Till förbundschefen för komplettering.")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)

    run(app, scenario)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["items"][1]["outcome_note"] == "Till förbundschefen för komplettering."


def test_the_meetings_form_has_attendance_changes_remote_and_signers(records_copy):
    path = records_copy / MEETING
    unlock(path)
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        screen = pilot.app.screen
        for selector in ("#f-second_secretary", "#f-attendance-remote", "#f-attendance-changes",
                         "#f-justering-date_unknown", "#f-justering-signers", "#f-anslag-signed_by"):
            assert screen.query(selector), selector

    run(app, scenario)

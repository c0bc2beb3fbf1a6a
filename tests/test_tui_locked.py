"""Locked (justerade) meetings in the editor, and meetings that move when their date changes.

A justerad meeting opens read-only but for its state and anslag; ctrl+k starts a rättelse,
saved with date, by whom, what and why as ``finsam correct`` does. A meeting saved with a
new date is offered a move of its file. Driven with Pilot at 80×24 on a copy of the bundled
records; every test asserts the files on disk. What the screens call (lock, rättelse, save,
move) is tested without screens in tests/test_ops_lock_correct.py and tests/test_ops_save.py.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from types import SimpleNamespace

from textual.widgets import Input, Select

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.check.protocol_lock import chain, fingerprint
from finsam_tui.core.ops.places import moved_place, place_of_rel
from finsam_tui.core.ops.save import plan_move, read_record, save
from finsam_tui.tui.editor.correction import CorrectionDialog
from finsam_tui.tui.editor.edit_screen import EditScreen
from finsam_tui.tui.editor.fields.entries import EntryList
from finsam_tui.tui.editor.move_delete import move_refs_text, moved_text
from finsam_tui.tui.editor.pickers import PickerScreen
from finsam_tui.tui.editor.record_screen import EntryScreen
from finsam_tui.tui.editor.session import EditSession
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog

from .test_tui_editor import Harness, clear_and_type, comments, focus, paste, quick_validation, run, settle, unlock

__all__ = ["quick_validation"]  # the fixture, used here too

MEETING = "moten/styrelse/2023/2023-11-17.toml"  # anslagen, locked with a fingerprint
MOVED = "moten/styrelse/2023/2023-02-17.toml"  # referred to from styrelse/2023-04-14 §15
TARGET = "moten/styrelse/2023/2023-02-24.toml"


def findings_of(root, rel: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in load_archive(root).findings if f.file == rel]


def banner(pilot) -> str:
    widget = pilot.app.screen.query_one("#edit-banner")
    return str(widget.render()) if widget.display else ""


def notices(pilot) -> str:
    return "\n".join(str(n.message) for n in pilot.app._notifications)


async def write_correction(pilot, what: str, why: str) -> None:
    """Fill in the rättelse's what and why, and save it with Enter."""
    await focus(pilot, "#corr-what")
    await paste(pilot, what)
    await focus(pilot, "#corr-why")
    await paste(pilot, why)
    await pilot.press("enter")


# -- read-only --------------------------------------------------------------------------------


def test_a_locked_meeting_opens_read_only(records_copy):
    path = records_copy / MEETING
    before = path.read_bytes()
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and screen.session.read_only
        assert banner(pilot).startswith("Justerat protokoll – skrivskyddat. Ändringar görs som rättelse (ctrl+k).")
        assert pilot.app.active_bindings["ctrl+k"].binding.description == "Lägg till rättelse"  # in the footer
        place = screen.query_one("#f-place Input", Input)
        assert place.disabled and screen.query_one("#f-date Input", Input).disabled
        assert screen.query_one("#f-chair PickButton").disabled
        place.focus()  # a disabled field takes no focus, and typing goes nowhere
        await pilot.press(*"Stadshuset")
        assert place.value == "Folkets hus, Granås"
        assert not screen.query_one("#f-state Select", Select).disabled  # the state and anslag may change
        assert not screen.query_one("#f-anslag-removed Input", Input).disabled
        # the §§ can be opened and read, not changed: no adding, removing or moving
        entries = await focus(pilot, "#f-items EntryList")
        count = len(entries.options)
        assert screen.query_one("#f-items Button.add").disabled
        entries.highlighted = 3
        await pilot.press("a", "delete", "ctrl+up")
        await pilot.pause()
        assert pilot.app.screen is screen and len(entries.options) == count and entries.highlighted == 3
        await pilot.press("enter")
        await pilot.pause()
        entry = pilot.app.screen
        assert isinstance(entry, EntryScreen) and entry.base == ("items", 3)
        assert banner(pilot).startswith("Justerat protokoll – skrivskyddat")
        title = entry.query_one("#f-items-3-title Input", Input)
        assert title.disabled
        title.focus()
        await pilot.press(*"Nytt")
        decision = entry.query_one("#f-items-3-decision TextArea")
        assert decision.read_only  # texts stay readable (focus, scroll) but read-only
        decision.focus()
        await pilot.press(*"och mer")
        assert title.value == "Föregående protokoll" and decision.text.startswith("att lägga protokollet")
        entry.session.set(("items", 3, "title"), "Nytt")  # the session refuses it too
        assert entry.session.data["items"][3]["title"] == "Föregående protokoll"
        await pilot.press("ctrl+s")  # nothing to save
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.session.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.saved == []

    run(app, scenario)
    assert path.read_bytes() == before


def test_a_locked_meeting_whose_state_was_set_back_still_opens_read_only(records_copy):
    """The state does not unlock a protocol (#14, section 1): its fingerprint says it was locked, and
    the editor's session (what the screens ask) keeps it read-only."""
    path = records_copy / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace('state = "anslagen"', 'state = "genomförd"'),
                    encoding="utf-8")
    session = EditSession.open(SimpleNamespace(lang="sv", archive=None), place_of_rel(records_copy, MEETING))
    assert session.locked and session.read_only
    session.set(("place",), "Stadshuset")  # refused
    assert session.data["place"] == "Folkets hus, Granås" and not session.dirty
    session.set(("state",), "anslagen")  # the state may change
    assert session.data["state"] == "anslagen"
    assert session.start_correction() and not session.read_only  # a rättelse, as for any locked meeting


def test_the_anslag_of_a_locked_meeting_can_be_changed(records_copy):
    path = records_copy / MEETING
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        await clear_and_type(pilot, "#f-anslag-removed Input", "20 dec 2023")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.saved == [MEETING]
        assert pilot.app.screen.session.read_only  # still locked

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("removed = 2023-12-18", "removed = 2023-12-20")
    assert findings_of(records_copy, MEETING) == []  # no FS326: the anslag is not in the fingerprint


# -- a rättelse ---------------------------------------------------------------------------------


async def start_correction_of_item_title(pilot, new_title: str):
    """ctrl+k, change §37's title, save: returns the rättelse dialog."""
    await pilot.press("ctrl+k")
    await pilot.pause()
    screen = pilot.app.screen
    assert screen.session.correcting and not screen.session.read_only
    assert banner(pilot).startswith("Rättelse: gör ändringarna och spara (ctrl+s)")
    assert "ctrl+k" not in pilot.app.active_bindings  # a rättelse is under way
    entries = await focus(pilot, "#f-items EntryList")
    entries.highlighted = 3
    await pilot.press("enter")
    await pilot.pause()
    await clear_and_type(pilot, "#f-items-3-title Input", "")
    await paste(pilot, new_title)
    await settle(pilot)
    await pilot.press("ctrl+s")  # saving works from the §'s screen
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, CorrectionDialog)
    return dialog


def test_a_correction_records_date_by_whom_what_and_why(records_copy):
    path = records_copy / MEETING
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        dialog = await start_correction_of_item_title(pilot, "Föregående protokoll och anteckningar")
        assert "Ändrat: §37 › Rubrik" in str(dialog.query_one("#corr-changes").render())
        assert dialog.query_one("#corr-date", Input).value == dt.date.today().isoformat()  # default today
        assert str(dialog.query_one("#corr-by").render()) == "Johanna Lilja (johanna-lilja)"  # the secretary
        await clear_and_type(pilot, "#corr-date", "2 dec 2023")
        assert "= 2023-12-02 (lördag)" in str(dialog.query_one("#corr-date-hint").render())
        await focus(pilot, "#corr-by")
        await pilot.press("k")  # typing opens the person list
        assert isinstance(pilot.app.screen, PickerScreen)
        await pilot.press(*"jell", "enter")
        await pilot.pause()
        assert str(dialog.query_one("#corr-by").render()) == "Kjell Ivarsson (kjell-ivarsson)"
        await write_correction(pilot, "§37: rubriken kompletterad", "Ofullständig rubrik i det justerade protokollet")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen)
        assert pilot.app.saved == [MEETING]
        assert screen.session.read_only and not screen.session.dirty  # locked again, with the rättelse
        assert banner(pilot).startswith("Justerat protokoll – skrivskyddat")
        await pilot.press("escape")
        await pilot.pause()
        shown = [str(o.prompt) for o in pilot.app.screen.query_one("#f-corrections EntryList", EntryList).options]
        assert shown == ["  2023-12-02 Kjell Ivarsson: §37: rubriken kompletterad"]

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    data = tomllib.loads(after)
    assert data["items"][3]["title"] == "Föregående protokoll och anteckningar"
    assert data["corrections"] == [{"date": dt.date(2023, 12, 2), "by": "kjell-ivarsson",
                                    "what": "§37: rubriken kompletterad",
                                    "why": "Ofullständig rubrik i det justerade protokollet",
                                    "fingerprint": fingerprint(data), "chain": chain(data["corrections"])}]
    assert after.startswith(before.split("[[items]]")[0])  # the head of the file as it was
    assert after.endswith('[[corrections]]\ndate = 2023-12-02\nby = "kjell-ivarsson"\n'
                          'what = "§37: rubriken kompletterad"\n'
                          'why = "Ofullständig rubrik i det justerade protokollet"\n'
                          f'fingerprint = "{fingerprint(data)}"\n'
                          f'chain = "{chain(data["corrections"])}"\n')
    assert comments(after) == comments(before)
    assert findings_of(records_copy, MEETING) == []  # no FS326
    # (the same entry as finsam correct's, and the protocol's table of it: tests/test_ops_lock_correct.py)


def test_cancelling_the_correction_writes_nothing(records_copy):
    path = records_copy / MEETING
    before = path.read_bytes()
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        await start_correction_of_item_title(pilot, "Något annat")
        await focus(pilot, "#corr-what")
        await paste(pilot, "§37: rubriken")
        await pilot.press("escape")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen)
        assert screen.session.dirty and screen.session.correcting  # the change stays in the form
        assert path.read_bytes() == before
        await pilot.press("escape", "escape")  # leave: unsaved changes are asked about
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceDialog)
        pilot.app.screen.query_one("#choice-discard").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.saved == []

    run(app, scenario)
    assert path.read_bytes() == before


def test_a_correction_needs_what_and_why(records_copy):
    path = records_copy / MEETING
    before = path.read_bytes()
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        dialog = await start_correction_of_item_title(pilot, "Något annat")
        await focus(pilot, "#corr-what")
        await paste(pilot, "§37: rubriken")
        await focus(pilot, "#corr-why")
        await pilot.press("space", "space")  # only blanks
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is dialog  # refused, said where
        assert str(dialog.query_one("#corr-msg").render()) == "✗ Skriv varför protokollet rättas"
        assert pilot.app.focused is dialog.query_one("#corr-why")
        await clear_and_type(pilot, "#corr-what", "")
        await pilot.press("enter", "enter", "enter")  # enter moves on; in the last field it saves
        await pilot.pause()
        assert pilot.app.screen is dialog
        assert str(dialog.query_one("#corr-msg").render()) == "✗ Skriv vad som ändrades"
        # a date from the meeting's to today (#14, section 1)
        for date, message in (("2023-11-16", "✗ Rättelsen kan inte vara daterad före mötet (2023-11-17)"),
                              ("+1d", f"✗ Rättelsen kan inte vara daterad efter i dag ({dt.date.today()})")):
            await clear_and_type(pilot, "#corr-date", date)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert pilot.app.screen is dialog
            assert str(dialog.query_one("#corr-msg").render()) == message
            assert pilot.app.focused is dialog.query_one("#corr-date")
        assert path.read_bytes() == before

    run(app, scenario)
    assert path.read_bytes() == before


# -- locking a meeting saved as justerad ----------------------------------------------------------


def held_not_locked(root, rel: str = MEETING):
    """The meeting as held but not yet justerad, with no fingerprint: as before justering."""
    path = root / rel
    unlock(path)
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("fingerprint = "))
                    + "\n", encoding="utf-8")
    return path


async def save_as_justerad(pilot) -> ChoiceDialog:
    pilot.app.screen.query_one("#f-state Select", Select).value = "justerad"
    await settle(pilot)
    await pilot.press("ctrl+s")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ChoiceDialog)
    return dialog


def test_saved_as_justerad_the_meeting_is_locked_as_finsam_lock_does(records_copy):
    path = held_not_locked(records_copy)
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        dialog = await save_as_justerad(pilot)
        assert "Mötet sparas som justerad. Ett låst protokoll får ett fingeravtryck" in str(
            dialog.query_one("#dialog-body").render())
        assert pilot.app.focused is dialog.query_one("#choice-lock")  # Spara och lås
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.saved == [MEETING]
        assert pilot.app.screen.session.read_only  # from now on: a rättelse (ctrl+k)

    run(app, scenario)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["state"] == "justerad" and data["justering"]["fingerprint"] == fingerprint(data)
    assert [c for c, _ in findings_of(records_copy, MEETING) if c in ("FS326", "FS327")] == []


def test_a_meeting_with_errors_is_not_locked_and_cancel_writes_nothing(records_copy):
    rel = "moten/styrelse/2023/2023-06-09.toml"
    path = held_not_locked(records_copy, rel)
    path.write_text(path.read_text(encoding="utf-8").replace('adjusters = ["kjell-ivarsson"]',
                                                             'adjusters = ["jonas-frisk"]'), encoding="utf-8")
    before = path.read_bytes()
    app = Harness(records_copy, "edit", rel=rel)

    async def scenario(pilot):
        dialog = await save_as_justerad(pilot)
        assert "Protokollet har 1 fel och kan inte låsas förrän de är rättade." in str(
            dialog.query_one("#dialog-body").render())
        assert not dialog.query("#choice-lock")  # no Spara och lås
        assert pilot.app.focused is dialog.query_one("#choice-cancel")
        await pilot.press("enter")  # Avbryt: back to the form, nothing written
        await pilot.pause()
        assert path.read_bytes() == before
        dialog = await save_as_justerad(pilot)
        dialog.query_one("#choice-save").focus()
        await pilot.press("enter")  # Spara utan att låsa
        await settle(pilot)
        assert pilot.app.saved == [rel]

    run(app, scenario)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["state"] == "justerad" and "fingerprint" not in data.get("justering", {})
    assert {"FS302", "FS327"} <= {c for c, _ in findings_of(records_copy, rel)}


# -- moving a meeting whose date changed ---------------------------------------------------------


async def change_date(pilot, text: str) -> None:
    await clear_and_type(pilot, "#f-date Input", text)
    await settle(pilot)
    await pilot.press("ctrl+s")
    await pilot.pause()


REFERRER = "moten/styrelse/2023/2023-04-14.toml"  # §15: refs = ["styrelse/2023-02-17"]


def test_a_new_date_moves_the_file(records_copy):
    old, new = records_copy / MOVED, records_copy / TARGET
    unlock(old)
    before = old.read_text(encoding="utf-8")
    referrer = (records_copy / REFERRER).read_bytes()
    app = Harness(records_copy, "edit", rel=MOVED)

    async def scenario(pilot):
        await change_date(pilot, "24 feb 2023")
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        body = str(dialog.query_one("#dialog-body").render())
        assert "Flytta filen till moten/styrelse/2023/2023-02-24.toml?" in body
        # the meeting that refers to it is justerad: its reference is left, and the user told so
        assert ("Justerade protokoll som hänvisar hit ändras inte (rätta dem med en rättelse): "
                "moten/styrelse/2023/2023-04-14.toml.") in body.replace("\n", " ")
        assert pilot.app.focused is dialog.query_one("#choice-move")
        await pilot.press("enter")  # Flytta
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and screen.session.rel == TARGET and not screen.session.dirty
        assert "styrelse/2023-02-24" in str(screen.query_one("#edit-title").render())
        assert pilot.app.saved == [TARGET]
        assert ("Flyttad: moten/styrelse/2023/2023-02-17.toml → moten/styrelse/2023/2023-02-24.toml; "
                "hänvisningar kvar att rätta i: moten/styrelse/2023/2023-04-14.toml") in notices(pilot)

    run(app, scenario)
    assert (records_copy / REFERRER).read_bytes() == referrer
    assert not old.exists()
    after = new.read_text(encoding="utf-8")
    assert after == before.replace("date = 2023-02-17\n", "date = 2023-02-24\n", 1)  # comments and all
    assert tomllib.loads(after)["date"] == dt.date(2023, 2, 24)
    assert comments(after) == comments(before)
    assert [c for c, _ in findings_of(records_copy, TARGET) if c == "FS320"] == []  # the place matches


def test_the_move_question_and_notice_name_the_rewritten_references(records_copy):
    """What the question before a move and the notice after it say of the references rewritten
    (no screen: the dialog and the notice on screen are test_a_new_date_moves_the_file's; the
    files on disk, tests/test_ops_save.py's)."""
    unlock(records_copy / MOVED)
    unlock(records_copy / REFERRER)  # (not justerad: its references may change)
    place = place_of_rel(records_copy, MOVED)
    snap, baseline = read_record(place.path)
    data = dict(baseline, date=dt.date(2023, 2, 24))
    target = moved_place(records_copy, place, baseline, data)
    planned = plan_move(records_copy, load_archive(records_copy), place, target)
    body = move_refs_text(planned, place.id, target, "sv").replace("\n", " ")
    assert ("Hänvisningar till mötet och dess paragrafer som skrivs om till styrelse/2023-02-24: 1 i 1 fil "
            "(moten/styrelse/2023/2023-04-14.toml).") in body
    result = save(records_copy, place, snap, data, target, planned)
    notice = moved_text(result.moved.old_rel, result.moved.outcome, result.moved.planned, result.place.rel, "sv")
    assert ("Flyttad: moten/styrelse/2023/2023-02-17.toml → moten/styrelse/2023/2023-02-24.toml; "
            "hänvisningar uppdaterade: 1 i 1 fil") in notice


def test_the_move_never_overwrites_a_file(records_copy):
    old, new = records_copy / MOVED, records_copy / TARGET
    unlock(old)
    before = old.read_bytes()
    other = b'# ett annat m\xc3\xb6te\norgan = "styrelse"\n'
    new.write_bytes(other)
    app = Harness(records_copy, "edit", rel=MOVED)

    async def scenario(pilot):
        await change_date(pilot, "2023-02-24")
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        body = str(dialog.query_one("#dialog-body").render())
        assert "Det finns redan en fil moten/styrelse/2023/2023-02-24.toml" in body
        assert not dialog.query("#choice-move")  # no Flytta to choose
        await pilot.press("enter")  # Avbryt, the default
        await pilot.pause()
        assert old.read_bytes() == before and new.read_bytes() == other
        # the file appears after the question: Flytta is refused, nothing written or removed
        new.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        new.write_bytes(other)
        await pilot.press("enter")  # Flytta
        await settle(pilot)
        assert "Kunde inte flytta posten till" in notices(pilot)
        assert isinstance(pilot.app.screen, EditScreen) and pilot.app.screen.session.dirty
        assert pilot.app.saved == []

    run(app, scenario)
    assert old.read_bytes() == before and new.read_bytes() == other
    assert sorted(p.name for p in old.parent.iterdir()) == [
        "2023-02-17.toml", "2023-02-24.toml", "2023-04-14.toml", "2023-06-09.toml", "2023-11-17.toml"]


def test_cancel_or_save_without_moving(records_copy):
    old, new = records_copy / MOVED, records_copy / TARGET
    unlock(old)
    before = old.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MOVED)

    async def scenario(pilot):
        await change_date(pilot, "2023-02-24")
        await pilot.press("escape")  # Avbryt
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen) and pilot.app.screen.session.dirty
        assert old.read_text(encoding="utf-8") == before and not new.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        pilot.app.screen.query_one("#choice-stay").focus()
        await pilot.press("enter")  # Spara utan att flytta
        await settle(pilot)
        assert pilot.app.saved == [MOVED]

    run(app, scenario)
    assert not new.exists()
    assert old.read_text(encoding="utf-8") == before.replace("date = 2023-02-17\n", "date = 2023-02-24\n", 1)
    assert ("FS320", "error") in findings_of(records_copy, MOVED)  # the date does not match the place


def test_a_locked_meeting_moves_only_through_a_correction(records_copy):
    old, new = records_copy / MOVED, records_copy / TARGET
    before = old.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MOVED)

    async def scenario(pilot):
        assert pilot.app.screen.query_one("#f-date Input", Input).disabled
        await pilot.press("ctrl+k")
        await pilot.pause()
        await change_date(pilot, "2023-02-24")
        dialog = pilot.app.screen
        assert isinstance(dialog, CorrectionDialog)
        assert "Ändrat: Datum" in str(dialog.query_one("#corr-changes").render())
        await write_correction(pilot, "Mötesdatum rättat till 2023-02-24", "Fel datum i det justerade protokollet")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceDialog)  # then: move the file?
        assert old.read_text(encoding="utf-8") == before
        await pilot.press("enter")  # Flytta
        await settle(pilot)
        assert pilot.app.saved == [TARGET] and pilot.app.screen.session.read_only

    run(app, scenario)
    assert not old.exists()
    data = tomllib.loads(new.read_text(encoding="utf-8"))
    assert data["date"] == dt.date(2023, 2, 24)
    assert data["corrections"][-1]["what"] == "Mötesdatum rättat till 2023-02-24"
    assert data["corrections"][-1]["by"] == data["secretary"]  # the default: the meeting's secretary
    assert data["corrections"][-1]["fingerprint"] == fingerprint(data)
    codes = [c for c, _ in findings_of(records_copy, TARGET)]
    assert "FS326" not in codes and "FS320" not in codes


def test_a_new_meeting_whose_date_changed_is_created_at_its_new_place(records_copy):
    from finsam_tui.tui.editor.new_record import NewRecordScreen

    app = Harness(records_copy, "new_meeting", organ="styrelse")
    folder = records_copy / "moten/styrelse/2023"

    async def scenario(pilot):
        assert isinstance(pilot.app.screen, NewRecordScreen)
        await clear_and_type(pilot, "#new-date", "2023-12-08")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditScreen) and pilot.app.screen.session.is_new
        await change_date(pilot, "15 dec 2023")  # nothing on disk yet: no question
        await settle(pilot)
        assert pilot.app.saved == ["moten/styrelse/2023/2023-12-15.toml"]

    run(app, scenario)
    assert not (folder / "2023-12-08.toml").exists()
    assert tomllib.loads((folder / "2023-12-15.toml").read_text(encoding="utf-8"))["date"] == dt.date(2023, 12, 15)

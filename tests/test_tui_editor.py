"""The record editor, driven with Textual's Pilot at 80×24 on a copy of the bundled records.

Every test asserts the file on disk afterwards, and that the comments of the file survive.
pytest-asyncio is not used: each test runs its own event loop with asyncio.run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.widgets import Input, OptionList, Select

from finsam_tui.core.check import cache
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.ops.new_meeting import new_meeting
from finsam_tui.tui.editor import open_editor
from finsam_tui.tui.editor.edit_screen import EditScreen
from finsam_tui.tui.editor.fields.entries import EntryList
from finsam_tui.tui.editor.new_record import NewRecordScreen
from finsam_tui.tui.editor.pickers import MultiPickerScreen, PickerScreen
from finsam_tui.tui.editor.record_screen import EntryScreen
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog
from finsam_tui.tui.unsaved import AsksBeforeQuit

MEETING = "moten/styrelse/2023/2023-11-17.toml"
PERSON = "personer/kjell-ivarsson.toml"


class Harness(AsksBeforeQuit, App):
    """A minimal app: what the editor needs (records_root, archive, a quit that asks the editor
    about unsaved changes first) and a record of RecordSaved."""

    def __init__(self, root: Path, action: str, kind: str | None = None, rel: str | None = None, **kw) -> None:
        super().__init__()
        self.records_root = Path(root)
        self.archive = cache.run(Path(root), need_archive=True).archive
        self.saved: list[str | None] = []
        self._open = (action, kind, rel, kw)

    def on_mount(self) -> None:
        action, kind, rel, kw = self._open
        open_editor(self, action, kind, rel, **kw)

    def on_record_saved(self, message) -> None:
        self.saved.append(message.rel)


@pytest.fixture(autouse=True)
def quick_validation(monkeypatch):
    """Validate 50 ms after the last keystroke instead of 150 ms: the tests wait less."""
    monkeypatch.setattr(EditScreen, "VALIDATE_DELAY", 0.05)


def run(app: App, scenario) -> None:
    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())


def unlock(path: Path) -> None:
    """Make a bundled meeting (all are justerade and locked) one that is held but not yet
    justerad nor locked (its fingerprint removed too: a locked protocol stays locked whatever its
    state says), so that its content may be edited: the tests here are about editing; locked
    protocols and their rättelser are tests/test_tui_locked.py's."""
    text = path.read_text(encoding="utf-8")
    unlocked = re.sub(r'^state = "(justerad|anslagen)"$', 'state = "genomförd"', text, count=1,
                      flags=re.MULTILINE)
    unlocked = re.sub(r'^fingerprint = "[^"\n]*"\n', "", unlocked, count=1, flags=re.MULTILINE)
    assert unlocked != text and "fingerprint" not in unlocked and "[[corrections]]" not in unlocked
    path.write_text(unlocked, encoding="utf-8")


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


async def settle(pilot, seconds: float = 0.15) -> None:
    """Let the debounced validation run."""
    await pilot.pause(seconds)


async def focus(pilot, selector: str):
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    await pilot.pause()
    return widget


async def clear_and_type(pilot, selector: str, text: str):
    widget = await focus(pilot, selector)
    await pilot.press("end", "ctrl+u")
    await pilot.press(*text)
    return widget


async def paste(pilot, text: str) -> None:
    """Paste into the focused widget, as a terminal's bracketed paste does (faster than typing)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def discard_unsaved(pilot) -> None:
    """Escape from the editor with unsaved changes, and "Kasta ändringarna" in the question."""
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)
    pilot.app.screen.query_one("#choice-discard").focus()
    await pilot.press("enter")
    await pilot.pause()


def note_of(pilot, field_id: str) -> str:
    """Everything shown under a field: findings, and a dim hint such as the parsed date."""
    msg = getattr(pilot.app.screen.query_one(f"#{field_id}"), "_msg", None)  # made when first needed
    return str(msg.render()) if msg is not None and msg.has_class("-shown") else ""


def message_of(pilot, field_id: str) -> str:
    """The findings shown under a field (✗ error, ⚠ warning)."""
    return "\n".join(line for line in note_of(pilot, field_id).splitlines() if line[:1] in ("✗", "⚠"))


# -- a new meeting from the previous one --------------------------------------------------------


def test_new_meeting_from_the_previous_one(records_copy):
    app = Harness(records_copy, "new_meeting", organ="styrelse")
    expected = new_meeting(app.archive, "styrelse", dt.date(2023, 12, 8))
    target = records_copy / "moten/styrelse/2023/2023-12-08.toml"

    async def scenario(pilot):
        assert isinstance(pilot.app.screen, NewRecordScreen)
        await clear_and_type(pilot, "#new-date", "8 dec 2023")
        info = str(pilot.app.screen.query_one("#new-info").render())
        assert "moten/styrelse/2023/2023-12-08.toml" in info and "2023-11-17" in info
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and screen.session.is_new
        assert not target.exists()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert target.exists()
        assert pilot.app.saved == ["moten/styrelse/2023/2023-12-08.toml"]
        assert not screen.session.dirty

    run(app, scenario)
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["state"] == "planerad" and data["date"] == dt.date(2023, 12, 8)
    assert [(i["number"], i["title"], i["kind"]) for i in data["items"]] == [
        (46, "Mötets öppnande", "information"), (47, "Val av justerare", "val"),
        (48, "Godkännande av dagordning", "beslut")]
    assert data["attendance"] == expected["attendance"]
    assert {"margareta-ekholm", "helena-stromgren", "kjell-ivarsson"} <= set(data["attendance"]["voting"])
    assert data["chair"] == "margareta-ekholm" and data["place"] == "Folkets hus, Granås"
    findings = [f for f in load_archive(records_copy).findings if f.file == "moten/styrelse/2023/2023-12-08.toml"]
    assert [f.code for f in findings if f.severity == "error"] == []
    assert {f.code for f in findings} <= {"FS319"}  # a planned agenda item without its decision yet


def test_the_new_meetings_date_comes_from_the_previous_ones_next_meeting(records_copy):
    bered = records_copy / "moten/beredningsgrupp/2023/2023-05-12.toml"
    bered.write_text(bered.read_text(encoding="utf-8").replace("next_meeting = 2023-09-15\n", ""), encoding="utf-8")
    app = Harness(records_copy, "new_meeting", organ="styrelse")

    async def scenario(pilot):
        screen = pilot.app.screen
        date, organ = screen.query_one("#new-date", Input), screen.query_one("#new-organ", Select)
        assert date.value == "2024-02-16"  # styrelse 2023-11-17: next_meeting = 2024-02-16
        assert "moten/styrelse/2024/2024-02-16.toml" in str(screen.query_one("#new-info").render())
        organ.value = "medlemssamrad"
        await pilot.pause()
        assert date.value == "2024-03-08"  # the suggestion follows the organ
        organ.value = "beredningsgrupp"  # its latest meeting sets no next one
        await pilot.pause()
        assert date.value == ""
        assert str(screen.query_one("#new-info").render()) == "Skriv mötets datum"
        await clear_and_type(pilot, "#new-date", "1 okt 2023")
        organ.value = "styrelse"
        await pilot.pause()
        assert date.value == "1 okt 2023"  # what the user typed stays

    run(app, scenario)


def test_new_from_previous_is_the_shells_name_for_it(records_copy):
    app = Harness(records_copy, "new_from_previous", kind="meeting", rel="moten/beredningsgrupp/2023/2023-05-12.toml")

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, NewRecordScreen)
        assert screen.query_one("#new-organ").value == "beredningsgrupp"
        assert screen.query_one("#new-prev").value is True
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, NewRecordScreen)

    run(app, scenario)
    assert sorted(p.name for p in (records_copy / "moten/beredningsgrupp/2023").iterdir()) == ["2023-05-12.toml"]


# -- §§ and decision clauses ----------------------------------------------------------------------


def test_add_a_paragraph_with_two_decision_clauses(records_copy):
    path = records_copy / MEETING
    unlock(path)
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        entries = await focus(pilot, "#f-items EntryList")
        entries.highlighted = len(entries.options) - 1  # after "§45 Mötets avslutande"
        await pilot.press("a")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen) and screen.base == ("items", 12)
        assert screen.query_one("#f-items-12-number Input").value == "46"
        await focus(pilot, "#f-items-12-title Input")
        await paste(pilot, "Extra ärende om [b]budget[/b]")
        select = await focus(pilot, "#f-items-12-kind Select")
        await pilot.press("enter", *"besl", "enter")
        await pilot.pause()
        assert select.value == "beslut"
        await focus(pilot, "#f-items-12-decision TextArea")
        await pilot.press(*"att anta", "enter")
        await paste(pilot, "att uppdra åt förbundschefen att verkställa")
        await settle(pilot)
        assert "§46 Extra ärende om [b]budget[/b]" in str(screen.query_one("#edit-title").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen)
        labels = [str(o.prompt) for o in pilot.app.screen.query_one("#f-items EntryList", OptionList).options]
        assert labels[-1].endswith("§46 Extra ärende om [b]budget[/b]")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.saved == [MEETING]

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # only appended: nothing else in the file changed
    item = tomllib.loads(after)["items"][-1]
    assert item == {"number": 46, "title": "Extra ärende om [b]budget[/b]", "kind": "beslut",
                    "decision": ["att anta", "att uppdra åt förbundschefen att verkställa"]}
    assert comments(after) == comments(before)


def test_the_add_button_of_the_paragraphs_adds_the_last_one(records_copy):
    """"+ Lägg till" beside the heading appends (a, Insert or + in the list add after the row)."""
    path = records_copy / MEETING
    unlock(path)
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        entries = await focus(pilot, "#f-items EntryList")
        assert entries.highlighted in (None, 0)  # (the first row, as when the form opens)
        await focus(pilot, "#f-items Button.add")
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen) and screen.base == ("items", 12)
        assert screen.query_one("#f-items-12-number Input").value == "46"
        # under the field: its label, not the key path (the CLI says items[12].title)
        assert message_of(pilot, "f-items-12-title") == '✗ Obligatoriskt fält saknas: "Rubrik"'
        await focus(pilot, "#f-items-12-title Input")
        await paste(pilot, "Extra ärende")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.saved == [MEETING]

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # nothing renumbered: only appended
    assert tomllib.loads(after)["items"][-1] == {"number": 46, "title": "Extra ärende"}


def test_move_and_remove_paragraphs_renumbers(records_copy):
    path = records_copy / MEETING
    unlock(path)
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        entries = await focus(pilot, "#f-items EntryList")
        # a finding inside a § shows under its field, and on the § in the list
        entries.highlighted = 2  # §36 Godkännande av dagordning
        await pilot.press("enter")
        await pilot.pause()
        await focus(pilot, "#f-items-2-decision TextArea")
        await pilot.press("end", "enter", *"och")
        await settle(pilot)
        msg = message_of(pilot, "f-items-2-decision")
        assert msg.startswith("⚠ rad 2:") and "att" in msg  # FS318, a warning
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await settle(pilot)
        assert message_of(pilot, "f-items-2-decision") == ""
        await pilot.press("end", "enter", *"och")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        entries = pilot.app.screen.query_one("#f-items EntryList", EntryList)
        assert str(entries.get_option_at_index(2).prompt).startswith("⚠ §36")
        assert "§36 Godkännande av dagordning: " in message_of(pilot, "f-items")
        entries.focus()
        entries.highlighted = 10  # §44 Övriga frågor
        await pilot.press("ctrl+up")  # above §43
        await pilot.pause()
        assert entries.highlighted == 9
        entries.highlighted = 3  # §37 Föregående protokoll
        await pilot.press("delete")
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        await pilot.press("left", "enter")  # "Ta bort" (the default is Avbryt)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    items = tomllib.loads(after)["items"]
    assert [i["number"] for i in items] == list(range(34, 45))
    titles = [i["title"] for i in items]
    assert "Föregående protokoll" not in titles
    assert titles.index("Övriga frågor") == titles.index("Informationsärenden") - 1
    assert items[2]["decision"] == ["att godkänna dagordningen", "och"]  # saved as written, warning and all
    assert comments(after) == comments(before)


# -- adjusters ------------------------------------------------------------------------------------


def test_choose_adjusters_by_typing_part_of_a_name(records_copy):
    path = records_copy / MEETING
    unlock(path)
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        await focus(pilot, "#f-chair PickButton")
        await pilot.press("h")  # typing on a picker field opens it with the letter as filter
        chair_picker = pilot.app.screen
        assert isinstance(chair_picker, PickerScreen) and chair_picker.query_one(Input).value == "h"
        await pilot.press(*"ele", "enter")
        await pilot.pause()
        assert str(pilot.app.screen.query_one("#f-chair PickButton").render()) == "Helena Strömgren (helena-stromgren)"
        await focus(pilot, "#f-adjusters PickButton")
        await pilot.press("enter")
        picker = pilot.app.screen
        assert isinstance(picker, MultiPickerScreen)
        offered = {c.value for c in picker.choices}
        assert "reza-karimi" in offered and "sara-wikner" not in offered  # only those present
        await pilot.press(*"kari")
        assert [c.value for c in picker.shown] == ["reza-karimi"]
        await pilot.press("enter")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen)
        shown = str(pilot.app.screen.query_one("#f-adjusters PickButton").render())
        assert shown == "Helena Strömgren, Reza Karimi"
        await pilot.press("ctrl+s")
        await settle(pilot)

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    assert tomllib.loads(after)["adjusters"] == ["helena-stromgren", "reza-karimi"]
    assert tomllib.loads(after)["chair"] == "helena-stromgren"
    assert 'adjusters = ["helena-stromgren", "reza-karimi"]\n' in after
    assert after.replace('adjusters = ["helena-stromgren", "reza-karimi"]', 'adjusters = ["helena-stromgren"]').replace(
        'chair = "helena-stromgren"', 'chair = "margareta-ekholm"') == before
    assert comments(after) == comments(before)


# -- findings inline ------------------------------------------------------------------------------


def test_a_finding_appears_and_disappears_as_the_field_is_fixed(records_copy):
    path = records_copy / MEETING
    unlock(path)
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        assert message_of(pilot, "f-start") == ""
        await clear_and_type(pilot, "#f-start Input", "25:00")
        await settle(pilot)
        msg = message_of(pilot, "f-start")
        assert "Ogiltigt värde" in msg and "25:00" in msg
        await clear_and_type(pilot, "#f-start Input", "08:30")
        await settle(pilot)
        assert message_of(pilot, "f-start") == ""
        # a date the editor cannot read is marked at once, and saving is refused until fixed
        await clear_and_type(pilot, "#f-next_meeting Input", "30 feb")
        await pilot.pause()
        assert "Inget datum" in message_of(pilot, "f-next_meeting")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == before
        await clear_and_type(pilot, "#f-next_meeting Input", "16")
        await paste(pilot, " feb 2024")
        await pilot.pause()
        assert message_of(pilot, "f-next_meeting") == ""
        assert "= 2024-02-16 (fredag)" in note_of(pilot, "f-next_meeting")
        # a rule across fields: the adjuster must be present
        await focus(pilot, "#f-attendance-voting PickButton")
        await pilot.press("enter")
        await pilot.press(*"hel", "enter", "escape")
        await settle(pilot)
        assert "Justeraren Helena Strömgren finns inte bland de närvarande" in message_of(pilot, "f-adjusters")
        await focus(pilot, "#f-attendance-voting PickButton")
        await pilot.press("enter")
        await pilot.press(*"hel", "enter", "escape")
        await settle(pilot)
        assert message_of(pilot, "f-adjusters") == ""
        await pilot.press("ctrl+s")
        await settle(pilot)

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    data = tomllib.loads(after)
    assert data["start"] == "08:30" and data["next_meeting"] == dt.date(2024, 2, 16)
    assert "helena-stromgren" in data["attendance"]["voting"]
    assert comments(after) == comments(before)


# -- saving after an external change ------------------------------------------------------------


def _external_change(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    changed = "# Ändrad i en annan editor.\n" + text.replace('organisation = "Granås kommun"',
                                                             'organisation = "Granås kommunstyrelse"')
    path.write_text(changed, encoding="utf-8")
    return changed


def test_conflict_reload_discards_mine_and_shows_the_disk_version(records_copy):
    path = records_copy / PERSON
    app = Harness(records_copy, "edit", rel=PERSON)
    external = {}

    async def scenario(pilot):
        await focus(pilot, "#f-title Input")
        await pilot.press("end", "ctrl+u")
        await paste(pilot, "kommunalråd")
        external["text"] = _external_change(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "Filen har ändrats på disken" in str(dialog.query_one("#dialog-title").render())
        assert path.read_text(encoding="utf-8") == external["text"]  # nothing written
        dialog.query_one("#choice-reload").focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and not screen.session.dirty
        assert screen.query_one("#f-organisation Input").value == "Granås kommunstyrelse"
        assert screen.query_one("#f-title Input").value == "kommunstyrelsens ordförande"
        await pilot.press("ctrl+s")  # nothing to save: the file stays as it is on disk
        await settle(pilot)

    run(app, scenario)
    assert path.read_text(encoding="utf-8") == external["text"]


def test_conflict_keep_mine_overwrites_after_confirmation(records_copy):
    path = records_copy / PERSON
    original = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=PERSON)
    external = {}

    async def scenario(pilot):
        await focus(pilot, "#f-title Input")
        await pilot.press("end", "ctrl+u")
        await paste(pilot, "kommunalråd")
        external["text"] = _external_change(path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        pilot.app.screen.query_one("#choice-keep").focus()
        await pilot.press("enter")
        await pilot.pause()
        confirm = pilot.app.screen
        assert isinstance(confirm, ChoiceDialog) and confirm.query_one("#choice-overwrite")
        await pilot.press("escape")  # not confirmed: nothing written
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == external["text"]
        assert isinstance(pilot.app.screen, EditScreen) and pilot.app.screen.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        pilot.app.screen.query_one("#choice-keep").focus()
        await pilot.press("enter")
        await pilot.pause()
        pilot.app.screen.query_one("#choice-overwrite").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditScreen) and not pilot.app.screen.session.dirty
        assert pilot.app.saved == [PERSON]

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    data = tomllib.loads(after)
    assert data["title"] == "kommunalråd"
    assert data["organisation"] == "Granås kommun"  # mine, not the disk version's
    assert data == {**tomllib.loads(original), "title": "kommunalråd"}
    assert after.startswith("# Ändrad i en annan editor.\n")  # the comments on disk are kept
    assert comments(original) == comments(after)[1:]


# -- delete ---------------------------------------------------------------------------------------


def test_delete_with_confirmation(records_copy):
    rel = "insatser/kompetenslyftet.toml"
    path = records_copy / rel

    async def cancel(pilot):
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert rel in str(dialog.query_one("#dialog-title").render())
        assert "hänvisningar" in str(dialog.query_one("#dialog-body").render())  # referenced from §§
        await pilot.press("enter")  # the default button is Avbryt
        await pilot.pause()

    run(Harness(records_copy, "delete", rel=rel), cancel)
    assert path.exists()

    app = Harness(records_copy, "delete", rel=rel)

    async def confirm(pilot):
        await pilot.press("left", "enter")  # Ta bort
        await pilot.pause()
        assert pilot.app.saved == [rel]

    run(app, confirm)
    assert not path.exists()


def test_delete_refused_when_the_file_changed_after_the_question(records_copy):
    rel = "insatser/kompetenslyftet.toml"
    path = records_copy / rel

    async def scenario(pilot):
        path.write_text(path.read_text(encoding="utf-8") + "# ny rad\n", encoding="utf-8")
        await pilot.press("left", "enter")
        await pilot.pause()

    run(Harness(records_copy, "delete", rel=rel), scenario)
    assert path.exists() and path.read_text(encoding="utf-8").endswith("# ny rad\n")


# -- persons and memberships ----------------------------------------------------------------------


def test_membership_end_date_typed_as_words(records_copy):
    path = records_copy / PERSON
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=PERSON)

    async def scenario(pilot):
        entries = await focus(pilot, "#f-memberships EntryList")
        assert "Styrelsen · ledamot · 2023-01-01–" in str(entries.get_option_at_index(1).prompt)
        entries.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EntryScreen)
        await clear_and_type(pilot, "#f-memberships-1-end Input", "31 dec 2026")
        await pilot.pause()
        assert "= 2026-12-31 (torsdag)" in note_of(pilot, "f-memberships-1-end")
        await pilot.press("tab")  # leaving the field writes the date as ISO
        assert pilot.app.screen.query_one("#f-memberships-1-end Input").value == "2026-12-31"
        await pilot.press("escape")
        await pilot.pause()
        assert "2023-01-01–2026-12-31" in str(
            pilot.app.screen.query_one("#f-memberships EntryList", OptionList).get_option_at_index(1).prompt)
        await pilot.press("ctrl+s")
        await settle(pilot)

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    assert tomllib.loads(after)["memberships"][1]["end"] == dt.date(2026, 12, 31)
    assert "start = 2023-01-01\nend = 2026-12-31\n" in after
    assert comments(after) == comments(before)
    assert [line for line in after.splitlines() if line != "end = 2026-12-31"] == before.splitlines()


def test_new_person_with_a_membership(records_copy):
    app = Harness(records_copy, "new", kind="person")
    path = records_copy / "personer/anna-lindqvist.toml"

    async def scenario(pilot):
        await focus(pilot, "#new-name")
        await pilot.press(*"Anna")
        await paste(pilot, " Lindqvist")
        assert "personer/anna-lindqvist.toml" in str(pilot.app.screen.query_one("#new-info").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen)
        await focus(pilot, "#f-memberships EntryList")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EntryScreen)
        await focus(pilot, "#f-memberships-0-organ PickButton")
        await pilot.press("enter", *"styr", "enter")
        await focus(pilot, "#f-memberships-0-role Select")
        await pilot.press("enter", *"ers", "enter")
        await focus(pilot, "#f-memberships-0-on_behalf_of PickButton")
        await pilot.press(*"sjöh", "enter")
        await clear_and_type(pilot, "#f-memberships-0-start Input", "1 jan 2024")
        await focus(pilot, "#f-memberships-0-call_order Input")
        await pilot.press("2")
        await settle(pilot)
        assert message_of(pilot, "f-memberships-0-organ") == ""
        await pilot.press("escape", "ctrl+s")
        await settle(pilot)
        assert pilot.app.saved == ["personer/anna-lindqvist.toml"]

    run(app, scenario)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"name": "Anna Lindqvist", "memberships": [
        {"organ": "styrelse", "role": "ersättare", "on_behalf_of": "sjoholm", "start": dt.date(2024, 1, 1),
         "call_order": 2}]}


# -- unsaved changes --------------------------------------------------------------------------------


def test_leaving_with_unsaved_changes_asks(records_copy):
    path = records_copy / PERSON
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=PERSON)

    async def scenario(pilot):
        await focus(pilot, "#f-email Input")
        await paste(pilot, "kjell@granas.se")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceDialog)
        pilot.app.screen.query_one("#choice-cancel").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen)
        await discard_unsaved(pilot)
        assert not isinstance(pilot.app.screen, (EditScreen, ChoiceDialog))

    run(app, scenario)
    assert path.read_text(encoding="utf-8") == before


def test_quitting_with_unsaved_changes_asks_and_can_save(records_copy):
    path = records_copy / PERSON
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=PERSON)

    async def scenario(pilot):
        await focus(pilot, "#f-email Input")
        await paste(pilot, "kjell@granas.se")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceDialog)
        assert path.read_text(encoding="utf-8") == before
        await pilot.press("enter")  # Spara (the default)
        await pilot.pause(0.3)

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    assert tomllib.loads(after)["email"] == "kjell@granas.se"
    assert comments(after) == comments(before)


def test_sub_items_and_markup_in_user_text(records_copy):
    path = records_copy / MEETING
    unlock(path)
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=MEETING, field_path=("items", 9, "sub"))

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen) and screen.base == ("items", 9)  # §43 opened at its sub-items
        subs = screen.query_one("#f-items-9-sub EntryList", EntryList)
        assert pilot.app.focused is subs
        subs.highlighted = 0
        await pilot.press("a")  # a new b), the old b) becomes c)
        await pilot.pause()
        sub = pilot.app.screen
        assert isinstance(sub, EntryScreen) and sub.base == ("items", 9, "sub", 1)
        assert sub.query_one("#f-items-9-sub-1-letter Input").value == "b"
        title = sub.query_one("#f-items-9-sub-1-title Input")
        title.focus()
        title.insert_text_at_cursor("Rapport [red]från[/red] [link=x]kansliet")
        await settle(pilot)
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    subs = tomllib.loads(after)["items"][9]["sub"]
    assert [(s["letter"], s["title"]) for s in subs] == [
        ("a", "Samverkansdagen den 12 oktober"), ("b", "Rapport [red]från[/red] [link=x]kansliet"),
        ("c", "Kompetenslyft i samverkan – slutrapport")]
    assert comments(after) == comments(before)


def test_english_labels(records_copy):
    app = Harness(records_copy, "edit", rel=PERSON)
    app.lang = "en"

    async def scenario(pilot):
        screen = pilot.app.screen
        assert str(screen.query_one("#edit-title").render()).startswith("Edit person: Kjell Ivarsson")
        assert "Name *" in str(screen.query_one("#f-name .label").render())
        assert isinstance(screen.query_one("#f-memberships EntryList"), OptionList)

    run(app, scenario)


def test_budget_amounts_per_version(records_copy):
    rel = "budgetar/2023.toml"
    path = records_copy / rel
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=rel)

    async def scenario(pilot):
        entries = await focus(pilot, "#f-income EntryList")
        entries.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        inputs = list(screen.query("#f-income-0-amounts Input").results(Input))
        assert [i.version_id for i in inputs][:2] == ["budget", "rev1"]
        inputs[1].focus()
        await pilot.press("end", "ctrl+u", *"1 6")
        await paste(pilot, "00 000")
        await settle(pilot)
        await pilot.press("ctrl+s")  # saving works from an entry's screen too
        await settle(pilot)
        assert isinstance(pilot.app.screen, EntryScreen) and not pilot.app.screen.session.dirty

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    assert tomllib.loads(after)["income"][0]["amounts"]["rev1"] == 1600000
    assert comments(after) == comments(before)


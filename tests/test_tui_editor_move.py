"""Moving a § or a sub-item to another place ("Flytta till…", m on the list of §§ or sub-items):
a sub-item under another §, a sub-item out as a § of its own, a § in under another §.

Driven with Pilot at 80×24 on copies of the bundled records (unlocked: the bundled meetings
are justerade); every scenario asserts the file on disk. The rules themselves (renumbering,
refusals) are the core's: tests/test_ops_items.py.
"""

from __future__ import annotations

import tomllib

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.ops.canonical import format_text
from finsam_tui.tui.editor.edit_screen import EditScreen
from finsam_tui.tui.editor.fields.entries import EntryList
from finsam_tui.tui.editor.pickers import PickerScreen
from finsam_tui.tui.editor.record_screen import EntryScreen
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog

from .test_tui_editor import Harness, comments, discard_unsaved, focus, quick_validation, run, settle, unlock

__all__ = ["quick_validation"]  # the fixture, used here too

BOARD = "moten/styrelse/2023/2023-11-17.toml"  # §34–§45; §43 Informationsärenden has a) and b)
GROUP = "moten/beredningsgrupp/2023/2023-05-12.toml"  # §1–§7; §5 has a), b), c)


def notices(pilot) -> str:
    return "\n".join(str(n.message) for n in pilot.app._notifications)


def load(path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def errors_of(root, rel: str) -> list[str]:
    return sorted(f.code for f in load_archive(root).findings if f.file == rel and f.severity == "error")


async def choose(pilot, typed: str, expect: str) -> None:
    """In the open "Flytta till…" picker: type to filter, check the highlighted row, enter."""
    picker = pilot.app.screen
    assert isinstance(picker, PickerScreen)
    await pilot.press(*typed)
    await pilot.pause()
    lst = picker.list_widget()
    assert str(lst.get_option_at_index(lst.highlighted).prompt) == expect
    await pilot.press("enter")
    await settle(pilot)


# -- with the editor ---------------------------------------------------------------------------


def test_a_sub_item_moves_under_another_paragraph(records_copy):
    path = records_copy / BOARD
    unlock(path)
    before_text = path.read_text(encoding="utf-8")
    before = tomllib.loads(before_text)
    errors_before = errors_of(records_copy, BOARD)
    app = Harness(records_copy, "edit", rel=BOARD, field_path=("items", 9, "sub"))

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen) and screen.base == ("items", 9)  # §43, at its sub-items
        subs = screen.query_one("#f-items-9-sub EntryList", EntryList)
        assert pilot.app.focused is subs
        assert pilot.app.active_bindings["m"].binding.description == "Flytta till…"  # in the footer
        subs.highlighted = 0  # a) Samverkansdagen den 12 oktober
        await pilot.press("m")
        await pilot.pause()
        picker = pilot.app.screen
        assert isinstance(picker, PickerScreen)
        assert str(picker.query_one("#picker-title").render()) == "Flytta §43 a) till…"
        labels = [c.label for c in picker.choices]
        assert labels[0] == "Som egen § (efter §43)"
        assert "Under §44 Övriga frågor" in labels and "Under §43 Informationsärenden" not in labels
        assert len(labels) == 1 + 11  # itself as a §, and every other §
        await choose(pilot, "ovriga", "Under §44 Övriga frågor")
        assert pilot.app.screen is screen
        assert "Flyttad: §43 a) Samverkansdagen den 12 oktober → §44 a)" in notices(pilot)
        assert [str(o.prompt).strip() for o in subs.options] == ["a) Kompetenslyft i samverkan – slutrapport"]
        assert screen.session.dirty
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.saved == [BOARD]

    run(app, scenario)
    after_text = path.read_text(encoding="utf-8")
    after = tomllib.loads(after_text)
    items = after["items"]
    assert [i["number"] for i in items] == list(range(34, 46))  # no § number changed
    assert items[9]["sub"] == [dict(before["items"][9]["sub"][1], letter="a")]  # b) relettered a)
    assert items[10]["sub"] == [before["items"][9]["sub"][0]]  # §44's first sub-item: a)
    assert items[10]["sub"][0]["letter"] == "a" and items[10]["title"] == "Övriga frågor"
    expected = {k: v for k, v in before.items() if k != "items"}
    assert {k: v for k, v in after.items() if k != "items"} == expected
    for k, (old, new) in enumerate(zip(before["items"], items)):
        if k not in (9, 10):
            assert old == new, k
    assert comments(after_text) == comments(before_text)
    assert format_text(after_text, "meeting") == after_text  # laid out as finsam fmt would
    assert errors_of(records_copy, BOARD) == errors_before


def test_a_sub_item_becomes_a_paragraph_and_a_paragraph_a_sub_item(records_copy):
    path = records_copy / GROUP
    unlock(path)
    before_text = path.read_text(encoding="utf-8")
    before = tomllib.loads(before_text)
    app = Harness(records_copy, "edit", rel=GROUP, field_path=("items", 4, "sub"))
    middle: dict = {}

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, EntryScreen) and screen.base == ("items", 4)  # §5 Rapporter från insatserna
        subs = screen.query_one("#f-items-4-sub EntryList", EntryList)
        subs.highlighted = 1  # b) Ung Framtid
        await pilot.press("m")
        await pilot.pause()
        await choose(pilot, "egen", "Som egen § (efter §5)")
        assert "Flyttad: §5 b) Ung Framtid → §6" in notices(pilot)
        assert [str(o.prompt).strip() for o in subs.options] == ["a) Samordningsteamet",
                                                                 "b) Kompetenslyft i samverkan"]
        await pilot.press("ctrl+s")  # from the §'s screen
        await settle(pilot)
        middle.update(load(path))
        await pilot.press("escape")
        await pilot.pause()
        # … and back: the new §6 in under §5, as its last sub-item
        entries = await focus(pilot, "#f-items EntryList")
        assert str(entries.get_option_at_index(5).prompt).strip() == "§6 Ung Framtid"
        entries.highlighted = 5
        await pilot.press("m")
        await pilot.pause()
        labels = [c.label for c in pilot.app.screen.choices]
        assert not any(label.startswith("Som egen §") for label in labels)  # it is one already
        await choose(pilot, "rapporter", "Under §5 Rapporter från insatserna")
        assert "Flyttad: §6 Ung Framtid → §5 c)" in notices(pilot)
        assert [str(o.prompt).strip() for o in entries.options][4:] == [
            "§5 Rapporter från insatserna", "§6 Övriga frågor", "§7 Mötets avslutande"]
        await pilot.press("ctrl+s")
        await settle(pilot)

    run(app, scenario)
    # after the first move: §6 Ung Framtid, the §§ after it renumbered, §5 keeps a) and b)
    items = middle["items"]
    assert [(i["number"], i["title"]) for i in items[4:]] == [
        (5, "Rapporter från insatserna"), (6, "Ung Framtid"), (7, "Övriga frågor"), (8, "Mötets avslutande")]
    old_b = before["items"][4]["sub"][1]
    assert items[5] == {"number": 6, **{k: v for k, v in old_b.items() if k != "letter"}}
    assert [(s["letter"], s["title"]) for s in items[4]["sub"]] == [
        ("a", "Samordningsteamet"), ("b", "Kompetenslyft i samverkan")]
    # after the second: the §§ as before, Ung Framtid §5's last sub-item c)
    after_text = path.read_text(encoding="utf-8")
    after = tomllib.loads(after_text)
    assert [i["number"] for i in after["items"]] == [1, 2, 3, 4, 5, 6, 7]
    assert [(s["letter"], s["title"]) for s in after["items"][4]["sub"]] == [
        ("a", "Samordningsteamet"), ("b", "Kompetenslyft i samverkan"), ("c", "Ung Framtid")]
    assert after["items"][4]["sub"][2] == dict(old_b, letter="c")
    assert after["items"][5:] == before["items"][5:]
    assert comments(after_text) == comments(before_text)
    assert format_text(after_text, "meeting") == after_text


def test_a_paragraph_with_sub_items_is_refused_and_escape_leaves_the_file(records_copy):
    path = records_copy / BOARD
    unlock(path)
    before = path.read_bytes()
    app = Harness(records_copy, "edit", rel=BOARD)

    async def scenario(pilot):
        entries = await focus(pilot, "#f-items EntryList")
        entries.highlighted = 9  # §43, with a) and b)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen)  # no picker: nowhere to go
        assert ("§43 har egna underpunkter (a), b)) och kan inte bli en underpunkt" in notices(pilot))
        assert not pilot.app.screen.session.dirty
        # escape in the picker changes nothing
        entries.highlighted = 10  # §44
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PickerScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen) and not pilot.app.screen.session.dirty
        # a move, then leaving without saving
        await pilot.press("m")
        await pilot.pause()
        await choose(pilot, "oppnande", "Under §34 Mötets öppnande")
        labels = [str(o.prompt).strip() for o in entries.options]
        assert len(labels) == 11 and labels[-1] == "§44 Mötets avslutande"  # renumbered (not saved)
        await discard_unsaved(pilot)
        assert not isinstance(pilot.app.screen, (EditScreen, ChoiceDialog))

    run(app, scenario)
    assert path.read_bytes() == before
    assert app.saved == []


def test_no_move_on_a_locked_meeting_nor_in_other_lists(records_copy):
    path = records_copy / BOARD  # justerad: read-only
    before = path.read_bytes()
    app = Harness(records_copy, "edit", rel=BOARD)

    async def scenario(pilot):
        entries = await focus(pilot, "#f-items EntryList")
        assert "m" not in pilot.app.active_bindings  # not in the footer
        entries.highlighted = 10
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditScreen) and not pilot.app.screen.session.dirty
        # in a rättelse the §§ may move
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert pilot.app.active_bindings["m"].binding.description == "Flytta till…"
        # a list that is not §§ or sub-items has no "m"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EntryScreen)
        await focus(pilot, "#f-items-10-tasks EntryList")
        assert "m" not in pilot.app.active_bindings

    run(app, scenario)
    assert path.read_bytes() == before

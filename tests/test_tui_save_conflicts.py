"""The editor when another program writes the record while it is open (#14, sections 2 and 4).

Driven with Pilot at 80×24 on a copy of the bundled records, like tests/test_tui_editor.py:

* a file rewritten as Latin-1 by another program, then "Behåll mina" → "Skriv över": the
  app crashed with UnicodeDecodeError and the edit was lost; now the Latin-1 version is kept
  as a conflict copy, the edit is saved over it, and the dialog names the copy;
* a save raced by another program in its very last moment: saved, and the other program's
  version kept as a conflict copy that the editor names;
* a file removed or renamed during the save: the conflict dialog ("deleted or moved"), the
  edit still in the form;
* "Ladda om" on a file that can no longer be read, or is gone: the editor stays open with
  the edit (it closed and lost it before).

Every test asserts the bytes on disk.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from finsam_tui.core.io import atomic
from finsam_tui.tui.editor.edit_screen import EditScreen
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog

from .test_tui_editor import Harness, focus, paste, quick_validation, run, settle

__all__ = ["quick_validation"]  # the fixture, used here too

PERSON = "personer/kjell-ivarsson.toml"


def copies(path: Path) -> list[Path]:
    stem = path.name.removesuffix(".toml")
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(stem + ".konflikt-"))


def dialog_text(pilot) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, ChoiceDialog), type(screen).__name__
    return str(screen.query_one("#dialog-title").render()) + "\n" + str(screen.query_one("#dialog-body").render())


async def press_choice(pilot, choice: str) -> None:
    pilot.app.screen.query_one(f"#choice-{choice}").focus()
    await pilot.press("enter")
    await pilot.pause()


async def edit_title(pilot, title: str) -> None:
    await focus(pilot, "#f-title Input")
    await pilot.press("end", "ctrl+u")
    await paste(pilot, title)


def test_keep_mine_over_a_latin1_file_keeps_it_as_a_conflict_copy_and_saves(records_copy):
    path = records_copy / PERSON
    latin1 = path.read_text(encoding="utf-8").replace('title = "', 'title = "ändrad i Latin-1: ').encode("latin-1")
    app = Harness(records_copy, "edit", rel=PERSON)
    seen = {}

    async def scenario(pilot):
        await edit_title(pilot, "kommunalråd")
        path.write_bytes(latin1)  # another program writes it in Latin-1
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = dialog_text(pilot)
        assert "Filen har ändrats på disken" in text
        assert "kan inte läsas som en post (den är inte UTF-8-text" in text  # and what keep mine does then
        await press_choice(pilot, "keep")
        await press_choice(pilot, "overwrite")
        await settle(pilot)
        seen["dialog"] = dialog_text(pilot)  # the save names the copy
        await press_choice(pilot, "ok")
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and not screen.session.dirty
        assert pilot.app.saved == [PERSON]

    run(app, scenario)
    (copy,) = copies(path)
    assert copy.read_bytes() == latin1  # the other program's version, byte for byte
    assert tomllib.loads(path.read_text(encoding="utf-8"))["title"] == "kommunalråd"
    assert str(copy) in seen["dialog"] and "UTF-8" in seen["dialog"]


def test_a_save_raced_in_its_last_moment_names_the_conflict_copy(records_copy, monkeypatch):
    path = records_copy / PERSON
    theirs = path.read_text(encoding="utf-8") + "# tillagt av ett annat program\n"
    real = atomic.rename2

    def rename2(src, dst, flags):  # the other program writes right before the exchange
        if flags == atomic.RENAME_EXCHANGE and Path(dst) == path:
            swap = path.with_name(path.name + ".swp")
            swap.write_text(theirs, encoding="utf-8")
            os.replace(swap, path)
        return real(src, dst, flags)

    monkeypatch.setattr(atomic, "rename2", rename2)
    app = Harness(records_copy, "edit", rel=PERSON)
    seen = {}

    async def scenario(pilot):
        await edit_title(pilot, "kommunalråd")
        await pilot.press("ctrl+s")
        await settle(pilot)
        seen["dialog"] = dialog_text(pilot)
        await press_choice(pilot, "ok")
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and not screen.session.dirty  # it is saved
        assert pilot.app.saved == [PERSON]

    run(app, scenario)
    (copy,) = copies(path)
    assert copy.read_text(encoding="utf-8") == theirs
    assert tomllib.loads(path.read_text(encoding="utf-8"))["title"] == "kommunalråd"
    assert "konfliktkopia" in seen["dialog"] and str(copy) in seen["dialog"]
    assert "ett annat program ändrade filen i samma ögonblick" in seen["dialog"]


def test_a_file_removed_during_the_save_is_the_conflict_dialog_and_the_edit_stays(records_copy, monkeypatch):
    path = records_copy / PERSON
    original = path.read_bytes()
    real_fsync = os.fsync
    done = []

    def fsync(fd):  # while the temp file is written, the record is renamed away
        if not done:
            done.append(True)
            path.rename(path.with_name("kjell-ivarsson-gammal.toml"))
        return real_fsync(fd)

    app = Harness(records_copy, "edit", rel=PERSON)

    async def scenario(pilot):
        await edit_title(pilot, "kommunalråd")
        monkeypatch.setattr(os, "fsync", fsync)
        await pilot.press("ctrl+s")
        await pilot.pause()
        monkeypatch.undo()
        text = dialog_text(pilot)
        assert "har tagits bort eller flyttats" in text and str(path) in text
        await press_choice(pilot, "cancel")
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and screen.session.dirty
        assert screen.query_one("#f-title Input").value == "kommunalråd"

    run(app, scenario)
    assert not path.exists()  # not created anew behind the other program's back
    assert path.with_name("kjell-ivarsson-gammal.toml").read_bytes() == original
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_reload_of_a_file_that_cannot_be_read_keeps_the_editor_and_the_edit(records_copy):
    path = records_copy / PERSON
    app = Harness(records_copy, "edit", rel=PERSON)
    latin1 = path.read_text(encoding="utf-8").replace("Kjell", "Kjell Å").encode("latin-1")

    async def scenario(pilot):
        await edit_title(pilot, "kommunalråd")
        path.write_bytes(latin1)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await press_choice(pilot, "reload")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and screen.session.dirty  # still open, the edit kept
        assert screen.query_one("#f-title Input").value == "kommunalråd"
        assert "UTF-8" in "\n".join(str(n.message) for n in pilot.app._notifications)
        path.unlink()  # now it is gone altogether
        await pilot.press("ctrl+s")
        await pilot.pause()
        await press_choice(pilot, "reload")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen) and screen.session.dirty
        await pilot.press("ctrl+s")  # the conflict again; keep mine creates the file anew
        await pilot.pause()
        await press_choice(pilot, "keep")
        await press_choice(pilot, "overwrite")
        await settle(pilot)

    run(app, scenario)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["title"] == "kommunalråd"


def test_the_conflict_dialog_says_what_changed_on_each_side_and_what_overwriting_loses(records_copy):
    path = records_copy / PERSON
    app = Harness(records_copy, "edit", rel=PERSON)
    seen = {}

    async def scenario(pilot):
        await edit_title(pilot, "kommunalråd")
        path.write_text(path.read_text(encoding="utf-8").replace('organisation = "Granås kommun"',
                                                                 'organisation = "Granås kommunstyrelse"'),
                        encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["conflict"] = dialog_text(pilot)
        await press_choice(pilot, "keep")
        seen["overwrite"] = dialog_text(pilot)
        await press_choice(pilot, "cancel")

    run(app, scenario)
    assert "Ändrat på disken sedan du öppnade filen: Organisation.\nÄndrat av dig: Titel." in seen["conflict"]
    assert "Går förlorat om du skriver över: ändringen på disken av Organisation." in seen["overwrite"]


def test_editing_a_conflict_copy_says_what_it_is(records_copy):
    copy = "personer/kjell-ivarsson.konflikt-20261207-143005.toml"
    (records_copy / copy).write_bytes((records_copy / PERSON).read_bytes())
    app = Harness(records_copy, "edit", rel=copy)

    async def scenario(pilot):
        await pilot.pause()
        notes = "\n".join(str(n.message) for n in pilot.app._notifications)
        assert f"Kan inte öppna {copy}: Konfliktkopia av {PERSON}" in notes
        assert not isinstance(pilot.app.screen, EditScreen)

    run(app, scenario)

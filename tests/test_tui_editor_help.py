"""The editor's keys on the app's help screen (? or F1), in Swedish and English, from the same
definitions (``tui/keys.py``) the editor binds: the two cannot drift apart."""

from __future__ import annotations

import os

import pytest
from rich.console import Console
from textual.widgets import Static

from finsam_tui.tui import keys as K
from finsam_tui.tui.editor.edit_screen import EditScreen
from finsam_tui.tui.editor.fields.choices import PickButton
from finsam_tui.tui.editor.fields.entries import EntryList
from finsam_tui.tui.editor.pickers import PickerScreen
from finsam_tui.tui.keys import key_names
from finsam_tui.tui.screens.help import HelpScreen

from .test_tui_editor import Harness, focus, quick_validation, settle, unlock
from .test_tui_editor import run as run_editor
from .test_tui_support import press, run

__all__ = ["quick_validation"]  # the fixture, used here too

MEETING = "moten/styrelse/2023/2023-11-17.toml"


def help_text(app) -> list[str]:
    """Every line of the help screen (also what is scrolled out of view), right-trimmed."""
    body = app.screen.query_one("#help-body", Static)
    with open(os.devnull, "w") as sink:
        console = Console(width=76, record=True, file=sink)
        console.print(body.content)
    return [line.rstrip() for line in console.export_text().splitlines()]


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", ["I redigeraren", "Ctrl+S                Spara (även från en posts skärm)",
            "Ctrl+K                Lägg till rättelse (justerat protokoll)",
            "a Insert +            Lägg till efter den markerade",
            "Delete x              Ta bort (frågar först)",
            "Ctrl+↑ Shift+↑ Alt+↑  Flytta upp (§§ och bokstäver numreras om)",
            "m                     Flytta till… under en annan § eller till egen §",
            "Esc                   Avbryt (flerval: klar)"]),
    ("en", ["In the editor", "Ctrl+S                Save (also from an entry's screen)",
            "Ctrl+K                Add correction (adjusted minutes)",
            "m                     Move to… under another § or out as its own §",
            "Enter Space           Open the list"]),
])
def test_the_help_screen_lists_the_editors_keys(records_copy, lang, words):
    async def scenario(app, pilot):
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = help_text(app)
        for w in words:
            assert any(line.strip() == w for line in lines), w
        # every key the help defines for the editor is there, with its text, after the other groups
        start = lines.index(K.editor_help_title(lang))
        assert start > lines.index("I dialoger" if lang == "sv" else "In dialogs")
        shown = lines[start:]
        for heading, rows in K.editor_help_sections(lang):
            if heading:
                assert heading in (line.strip() for line in shown)
            for keys, label in rows:
                first = label.split()[0]
                assert any(line.startswith(keys + " ") and first in line for line in shown), (keys, label)

    run(records_copy, scenario, lang=lang)


def bound(node, key: str) -> list[str]:
    """The actions node binds to key itself: its class's BINDINGS, else the nearest base class's
    that binds the key (as Textual merges them)."""
    for cls in type(node).__mro__:
        actions = [b.action for b in cls.__dict__.get("BINDINGS", []) if key in b.key.split(",")]
        if actions:
            return actions
    return []


def test_the_editor_binds_what_the_help_lists(records_copy):
    unlock(records_copy / MEETING)
    app = Harness(records_copy, "edit", rel=MEETING)

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, EditScreen)
        for k in K.RECORD + (K.CORRECT,):
            assert bound(screen, k.key) == [k.action], k
        entries = await focus(pilot, "#f-items EntryList")
        assert isinstance(entries, EntryList)
        for k in K.ENTRY_LIST + (K.MOVE_TO,):
            for key in k.key.split(","):
                assert bound(entries, key) == [k.action], (k, key)
        footer = {b.binding.description for b in pilot.app.active_bindings.values()}
        assert {"Spara", "Tillbaka", "Lägg till", "Ta bort", "Flytta till…"} <= footer
        assert key_names(K.MOVE_TO.key) == "m"
        # a picker field, and its list
        chair = pilot.app.screen.query_one("#f-chair PickButton", PickButton)
        for k in K.PICK_FIELD:
            assert bound(chair, k.key.split(",")[0]) == [k.action]
        chair.focus()
        await pilot.press("enter")
        await settle(pilot)
        picker = pilot.app.screen
        assert isinstance(picker, PickerScreen)
        assert bound(picker, "escape") == [K.PICKER_CANCEL.action]
        assert [bound(picker, k.key) for k in K.PICKER_NAV] == [[k.action] for k in K.PICKER_NAV]

    run_editor(app, scenario)


def test_the_footers_say_the_keys_in_the_apps_language(records_copy):
    """The descriptions are looked up by binding id when the footer asks (keys.LocalizedKeys):
    the editor's keys in its words, the app's and the dialogs' in the app's."""
    def footer(app) -> set[str]:
        return {b.binding.description for b in app.active_bindings.values() if b.binding.show}

    async def scenario(app, pilot):
        assert {"Search", "Edit"} <= footer(app) and "Sök" not in footer(app)
        await press(app, pilot, "e")  # the latest meeting
        assert isinstance(app.screen, EditScreen)
        assert {"Save", "Back", "Help"} <= footer(app) and not {"Spara", "Hjälp"} & footer(app)
        await press(app, pilot, "escape", "slash")
        assert "Close" in footer(app) and "Stäng" not in footer(app)

    run(records_copy, scenario, lang="en")

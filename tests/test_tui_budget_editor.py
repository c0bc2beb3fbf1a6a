"""The editor's form for the budget fields of #13: a version's source and same_as, an income
line's label and note, and a cost line's split between categories, edited and saved to the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input

from finsam_tui.tui.editor.record_screen import EntryScreen

from .test_rules import build
from .test_tui_editor import Harness, comments, focus, paste, run, settle

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


async def open_entry(pilot, selector: str, index: int) -> EntryScreen:
    entries = await focus(pilot, selector)
    entries.highlighted = index
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EntryScreen)
    return pilot.app.screen


def test_split_line_shares_edited_in_the_form(tmp_path):
    root = build(REAL / "split-line", tmp_path / "records")
    rel = "budgetar/2023.toml"
    path = root / rel
    before = path.read_text(encoding="utf-8")
    app = Harness(root, "edit", rel=rel)

    async def scenario(pilot):
        await open_entry(pilot, "#f-categories EntryList", 2)  # Administrativa kostnader
        await open_entry(pilot, "#f-categories-2-lines EntryList", 0)  # Förbundschef, split 40/60
        part = await open_entry(pilot, "#f-categories-2-lines-0-split EntryList", 0)
        share = part.query_one("#f-categories-2-lines-0-split-0-share Input", Input)
        assert share.value.replace(",", ".") == "0.4"
        share.focus()
        await pilot.press("end", "ctrl+u")
        await paste(pilot, "0.5")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not pilot.app.screen.session.dirty

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    split = tomllib.loads(after)["categories"][2]["lines"][0]["split"]
    assert split == [{"category": "individinsatser", "share": 0.5}, {"category": "administration", "share": 0.6}]
    assert comments(after) == comments(before)


def test_second_source_and_income_label_in_the_form(tmp_path):
    root = build(REAL / "two-sources", tmp_path / "records")
    rel = "budgetar/2023.toml"
    path = root / rel
    app = Harness(root, "edit", rel=rel)

    async def scenario(pilot):
        version = await open_entry(pilot, "#f-versions EntryList", 2)
        assert version.query_one("#f-versions-2-source Input", Input).value == "Bilaga 4"
        assert version.query_one("#f-versions-2-same_as Input", Input).value == "rev1"
        await pilot.press("escape")
        await pilot.pause()
        income = await open_entry(pilot, "#f-income EntryList", 0)
        assert income.query_one("#f-income-0-label Input", Input).value == "Staten (FK, inkl. AF)"
        note = income.query_one("#f-income-0-note Input", Input)
        note.focus()
        await paste(pilot, "Arbetsförmedlingens del ingår")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not pilot.app.screen.session.dirty

    run(app, scenario)
    income = tomllib.loads(path.read_text(encoding="utf-8"))["income"][0]
    assert income["note"] == "Arbetsförmedlingens del ingår"
    assert list(income) == ["member", "label", "amounts", "note"]  # the note in its canonical place

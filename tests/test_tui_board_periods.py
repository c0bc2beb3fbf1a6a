"""The förbund's board periods in the record editor (forbund.toml), driven with Textual's
Pilot at 80×24 on a copy of the bundled records: the periods and their seats come from the
schema, and an edit lands in the file with its comments kept."""

from __future__ import annotations

import tomllib

from finsam_tui.tui.editor.record_screen import EntryScreen

from .test_tui_editor import Harness, clear_and_type, comments, focus, run, settle

FORBUND = "forbund.toml"


def test_board_periods_and_their_seats_are_edited_in_the_form(records_copy):
    path = records_copy / FORBUND
    before = path.read_text(encoding="utf-8")
    app = Harness(records_copy, "edit", rel=FORBUND)
    shown: dict[str, list[str]] = {}

    async def scenario(pilot):
        periods = await focus(pilot, "#f-board_periods EntryList")
        shown["periods"] = [str(periods.get_option_at_index(i).prompt) for i in range(periods.option_count)]
        periods.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EntryScreen)
        seats = await focus(pilot, "#f-board_periods-0-seats EntryList")
        shown["seats"] = [str(seats.get_option_at_index(i).prompt) for i in range(seats.option_count)]
        seats.highlighted = 3
        await pilot.press("enter")
        await pilot.pause()
        await clear_and_type(pilot, "#f-board_periods-0-seats-3-name Input", "Kommunerna i norra länsdelen")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)

    run(app, scenario)
    assert [p.strip() for p in shown["periods"]] == [
        "⚠ 2019-01-01 · 2022-12-31 · Förbundsordning antagen 2016 (mall 2016), § 6",  # FS406: 10 §
        "2023-01-01 · Förbundsordning antagen 2022, § 6"]
    assert [s.strip() for s in shown["seats"]] == [
        "Försäkringskassan · 1 ledamot, 1 ersättare", "Arbetsförmedlingen · 1 ledamot, 1 ersättare",
        "Region Mellanland · 1 ledamot, 1 ersättare",
        "Kommunerna gemensamt · 3 ledamöter, 3 ersättare"]
    after = path.read_text(encoding="utf-8")
    seat = tomllib.loads(after)["board_periods"][0]["seats"][3]
    assert seat == {"name": "Kommunerna i norra länsdelen", "orgs": ["bjorkvik", "granas", "sjoholm"],
                    "members": 3, "substitutes": 3}
    assert comments(after) == comments(before)
    assert after.replace("Kommunerna i norra länsdelen", "Kommunerna gemensamt") == before

"""The decision and task registers (sections 5 and 6) filtered by year and organ, with the
keyboard only, at 80×24: Tab reaches the filters, the list and its count follow them."""

from __future__ import annotations

from finsam_tui.tui.lazylist import LazyList

from .conftest import relock
from .test_tui_support import press, run, screen_text


def visible_rows(app, lst: LazyList) -> list[str]:
    """The list's lines as the terminal shows them (only what is on screen)."""
    lines = screen_text(app).splitlines()
    r = lst.content_region
    return [line[r.x:r.x + r.width].strip() for line in lines[r.y:r.y + r.height]
            if line[r.x:r.x + r.width].strip()]


async def choose(app, pilot, select_id: str, typed: str) -> None:
    """Open the focused Select with Enter, type the start of an option, take it with Enter."""
    assert app.focused.id == select_id, app.focused
    await press(app, pilot, "enter")
    await pilot.press(*typed)
    await press(app, pilot, "enter")
    assert app.focused.id == select_id  # back on the Select, the menu closed


def add_preparatory_decision(records):
    """Give the 2023 Beredningsgrupp meeting a decision (the example's only decisions are the board's)."""
    path = records / "moten/beredningsgrupp/2023/2023-05-12.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = "Beredning: reviderad budget 2023"\n',
                        'title = "Beredning: reviderad budget 2023"\n'
                        'decision = ["att föreslå styrelsen en reviderad budget"]\n', 1)
    path.write_text(text, encoding="utf-8")
    relock(path)


def test_decisions_filtered_by_year_and_organ(records_copy):
    add_preparatory_decision(records_copy)

    async def scenario(app, pilot):
        await press(app, pilot, "5")
        section = app.main.current_section
        lst = section.list
        widgets = len(list(app.screen.walk_children()))
        assert "61 beslut" in screen_text(app)
        assert {r.data[0].id.split("/")[0] for r in lst.rows} == {"styrelse", "beredningsgrupp"}
        # from the list, Shift+Tab goes back to the organ and then the year filter
        await press(app, pilot, "shift+tab", "shift+tab")
        await choose(app, pilot, "decisions-year", "2022")
        assert "Alla år" not in screen_text(app) and "2022" in screen_text(app)
        assert "31 beslut" in screen_text(app)
        assert len(lst.rows) == 31
        assert all(app.archive.meeting_date(r.data[0]).year == 2022 for r in lst.rows)
        shown = visible_rows(app, lst)
        assert len(shown) >= 10 and all(line.startswith("2022-") for line in shown), shown
        # the organ: Tab on to its filter; 2022 has no Beredningsgrupp decisions
        await press(app, pilot, "tab")
        await choose(app, pilot, "decisions-organ", "Bered")
        assert "0 beslut" in screen_text(app) and lst.rows == []
        # back to every year: only the Beredningsgrupp decision
        await press(app, pilot, "shift+tab")
        await choose(app, pilot, "decisions-year", "Alla")
        assert "1 beslut" in screen_text(app)
        assert [r.key for r in lst.rows] == ["beredningsgrupp/2023-05-12/§3"]
        assert visible_rows(app, lst) == ["2023-05-12 beredningsgrupp §3 Beredning: reviderad budget 2023"]
        assert app.main.selection().ref == "beredningsgrupp/2023-05-12/§3"
        # every organ again: all decisions
        await press(app, pilot, "tab")
        await choose(app, pilot, "decisions-organ", "Alla")
        assert "61 beslut" in screen_text(app) and len(lst.rows) == 61
        assert "Alla år" in screen_text(app) and "Alla organ" in screen_text(app)
        assert len(list(app.screen.walk_children())) == widgets  # no widget per row
        # the words filter works with the year filter
        await press(app, pilot, "shift+tab", "shift+tab")
        assert app.focused.id == "decisions-filter"
        await pilot.press(*"justerare")
        await press(app, pilot, "tab")
        assert len(lst.rows) == 8
        await choose(app, pilot, "decisions-year", "2023")
        assert "4 beslut" in screen_text(app)
        assert all(line.startswith("2023-") and "justerare" in line for line in visible_rows(app, lst))

    run(records_copy, scenario)


def test_tasks_filtered_by_year_in_english(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "6", "a")  # every task, not just the open ones
        section = app.main.current_section
        lst = section.list
        assert "5 tasks" in screen_text(app) and len(lst.rows) == 5
        assert "All years" in screen_text(app) and "All bodies" in screen_text(app)
        await press(app, pilot, "shift+tab", "shift+tab")
        await choose(app, pilot, "uppdrag-year", "2022")
        assert "3 tasks" in screen_text(app)
        assert len(lst.rows) == 3 and all(r.data.date.year == 2022 for r in lst.rows)
        await press(app, pilot, "a")  # the open tasks of 2022: none
        assert "0 open tasks" in screen_text(app) and lst.rows == []
        await choose(app, pilot, "uppdrag-year", "All")
        assert "1 open task" in screen_text(app) and len(lst.rows) == 1

    run(records_copy, scenario, lang="en")


def test_decisions_snapshot(snap_compare, records_copy):
    """Beslut at 80×24: the filter row (words, year, organ) above the count and the list."""
    from .test_tui_snapshots import _app, _loaded

    assert snap_compare(_app(records_copy), terminal_size=(80, 24), press=["5"], run_before=_loaded)

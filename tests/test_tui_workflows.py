"""The terminal interface, driven by Pilot at 80×24 on copies of the bundled example."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

from finsam_tui.tui.messages import RecordSaved
from finsam_tui.tui.screens.help import HelpScreen
from finsam_tui.tui.screens.preview import PreviewScreen
from finsam_tui.tui.screens.search import SearchScreen
from finsam_tui.tui.screens.source import SourceScreen
from finsam_tui.tui.screens.xrefs import XrefScreen

from .conftest import ROOT, beyond_the_example
from .test_bundled_example import EXPECTED_FINDINGS
from .test_tui_editor import unlock
from .test_tui_support import break_adjuster, detail_text, press, run, screen_text, settle, until

LATEST = "styrelse/2023-11-17"


def test_starts_on_the_latest_meeting_and_moves_between_sections(records_copy):
    async def scenario(app, pilot):
        main = app.main
        assert main.current_section.SECTION_ID == "meetings"
        assert main.selection().ref == LATEST
        assert "Styrelsen 2023-11-17" in screen_text(app)
        for key, section, words in (("2", "members", "Personer (30)"), ("3", "budget", "Summa intäkter"),
                                     ("4", "insatser", "Samordningsteamet"), ("5", "decisions", "beslut"),
                                     ("6", "uppdrag", "1 öppet uppdrag"),
                                     ("7", "problems", "0 fel och" if EXPECTED_FINDINGS else "Inga fel"),
                                     ("1", "meetings", "Styrelsen 8")):
            await press(app, pilot, key)
            assert main.current_section.SECTION_ID == section
            assert words in screen_text(app), section
        # the sidebar: escape goes there, arrows switch sections, enter focuses the list
        await press(app, pilot, "escape", "down", "down")
        assert main.current_section.SECTION_ID == "budget"
        assert app.focused is main.sidebar
        await press(app, pilot, "enter")
        assert app.focused.id == "budget-years"

    run(records_copy, scenario)


def test_open_a_meeting_and_see_its_paragraphs(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "up", "up")  # styrelse 2023-04-14
        assert app.main.selection().ref == "styrelse/2023-04-14"
        assert "Margareta Ekholm" in screen_text(app) and "Närvaro" in screen_text(app)
        detail = detail_text(app)
        assert "Paragrafer" in detail and "§17" in detail and "Extern utvärdering av Samordningsteamet" in detail
        await press(app, pilot, "enter")  # expand: the §§ as nodes
        text = screen_text(app)
        assert "§17 Extern utvärderin" in text and "§20a Medlemssamrådet" in text
        await press(app, pilot, "down", "down", "down", "down", "down", "down")
        sel = app.main.selection()
        assert (sel.kind, sel.ref, sel.meeting) == ("paragraph", "styrelse/2023-04-14/§17", "styrelse/2023-04-14")
        assert "Beskrivning av ärendet" in screen_text(app)

    run(records_copy, scenario)


def test_enter_on_a_finding_opens_the_file_at_its_line(records_copy):
    break_adjuster(records_copy)

    async def scenario(app, pilot):
        finding = next(f for f in app.model.findings if f.code == "FS302")
        await press(app, pilot, "7")
        assert "FS302" in screen_text(app)
        problems = app.main.current_section
        problems.list.select_key(next(r.key for r in problems.list.rows if r.data is finding))
        await press(app, pilot, "enter")
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        assert screen.rel == "moten/styrelse/2023/2023-06-09.toml"
        assert screen.cursor_line == finding.line == 12
        assert 'adjusters = ["jonas-frisk"]' in screen_text(app)
        await press(app, pilot, "o")  # the record itself, in Möten
        assert app.main.current_section.SECTION_ID == "meetings"
        assert app.main.selection().ref == "styrelse/2023-06-09"

    run(records_copy, scenario)


def test_a_finding_inside_a_paragraph_opens_that_paragraph(records_copy):
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"insats/samordningsteamet", "budget', '"insats/samordningsteamen", "budget', 1),
                    encoding="utf-8")

    async def scenario(app, pilot):
        finding = next(f for f in app.model.findings if f.code == "FS201")
        await press(app, pilot, "7")
        problems = app.main.current_section
        problems.list.select_key(next(r.key for r in problems.list.rows if r.data is finding))
        await press(app, pilot, "enter")
        assert isinstance(app.screen, SourceScreen) and app.screen.cursor_line == finding.line == 88
        await press(app, pilot, "o")  # the § that holds line 88
        assert app.main.selection().ref == "styrelse/2023-04-14/§17"

    run(records_copy, scenario)


def test_e_on_a_finding_edits_the_record_at_its_field(records_copy):
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    unlock(path)  # a locked meeting opens read-only (tests/test_tui_locked.py)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"insats/samordningsteamet", "budget', '"insats/samordningsteamen", "budget', 1),
                    encoding="utf-8")

    async def scenario(app, pilot):
        from finsam_tui.tui.editor import EntryScreen

        finding = next(f for f in app.model.findings if f.code == "FS201")
        assert finding.path[:1] == ("items",)
        await press(app, pilot, "7")
        problems = app.main.current_section
        problems.list.select_key(next(r.key for r in problems.list.rows if r.data is finding))
        await press(app, pilot, "enter", "e")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, EntryScreen) and screen.base == tuple(finding.path[:2])  # the § of the finding
        assert screen.session.rel == "moten/styrelse/2023/2023-04-14.toml"
        field = app.focused
        while field is not None and not hasattr(field, "path"):
            field = field.parent
        assert field is not None and tuple(field.path) == tuple(finding.path[:3])  # the refs field itself

    run(records_copy, scenario)


def test_live_reload_shows_a_finding_and_its_fix(records_copy):
    path = records_copy / "moten/styrelse/2023/2023-06-09.toml"
    original = path.read_text(encoding="utf-8")

    async def scenario(app, pilot):
        await press(app, pilot, "7")
        assert not beyond_the_example(app.model.findings)
        break_adjuster(records_copy)  # an external editor
        await until(app, pilot, lambda: any(f.code == "FS302" for f in app.model.findings))
        await settle(app, pilot)
        assert "FS302" in screen_text(app)
        await press(app, pilot, "escape")  # the sidebar: narrow at 80 columns, with its names while focused
        assert f"Problem {2 + len(EXPECTED_FINDINGS)}" in screen_text(app)  # (and the example's own)
        path.write_text(original, encoding="utf-8")  # fixed again
        await until(app, pilot, lambda: not any(f.code == "FS302" for f in app.model.findings))
        await settle(app, pilot)
        assert "FS302" not in screen_text(app)
        assert app.main.current_section.SECTION_ID == "problems"  # the view stayed where it was

    run(records_copy, scenario, poll_interval=0.2)


def test_reload_keeps_the_selection(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "up", "enter", "down", "down")
        ref = app.main.selection().ref
        assert ref == "styrelse/2023-06-09/§24"
        app.reload()
        await until(app, pilot, lambda: app.loaded.is_set())
        await settle(app, pilot)
        assert app.main.selection().ref == ref

    run(records_copy, scenario)


def test_search_with_slash_and_open_a_hit(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"extern utvärd")
        await press(app, pilot, "enter")
        await settle(app, pilot)
        screen = app.screen
        assert "styrelse/2023-04-14/§17" in [h.ref for h in screen.hits]
        assert "träffar" in screen_text(app)
        assert app.focused is screen.query_one("#search-results")
        screen.query_one("#search-results").select_key("styrelse/2023-04-14/§17")
        await press(app, pilot, "enter")
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.selection().ref == "styrelse/2023-04-14/§17"

    run(records_copy, scenario)


def test_cross_references_of_a_person_list_a_meeting_they_chaired(records_copy):
    async def scenario(app, pilot):
        assert await app.open_ref("person/margareta-ekholm")
        await settle(app, pilot)
        assert app.main.current_section.SECTION_ID == "members"
        assert "Margareta Ekholm" in screen_text(app)
        await press(app, pilot, "r")
        screen = app.screen
        assert isinstance(screen, XrefScreen)
        chaired = [b for b in screen.backlinks if b.role == "chair"]
        assert any(b.source == "styrelse/2023-04-14" for b in chaired)
        assert "ordförande" in screen_text(app)
        lst = screen.query_one("#xref-list")
        lst.cursor = next(i for i, r in enumerate(lst.rows) if r.data.role == "chair")
        source = lst.highlighted_row.data.source
        await press(app, pilot, "enter")
        assert app.main.current_section.SECTION_ID == "meetings"
        assert app.main.selection().ref == source

    run(records_copy, scenario)


def test_copy_the_selected_reference_and_theme(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "y")
        assert app.clipboard == LATEST
        assert app.current_theme.dark
        await press(app, pilot, "t")
        assert not app.current_theme.dark
        await press(app, pilot, "t")
        assert app.current_theme.dark
        await press(app, pilot, "2", "down")
        await press(app, pilot, "y")
        assert app.clipboard == "org/bjorkvik"

    run(records_copy, scenario)


def test_help_screen_lists_the_keys(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("Tangenter", "Hänvisningar", "Kopiera ref", "Förhandsvisa", "Ctrl+P"):
            assert words in text, words
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)
        await press(app, pilot, "f1")
        assert isinstance(app.screen, HelpScreen)

    run(records_copy, scenario)


def footer_keys(app) -> list[tuple[str, int, int]]:
    """(key, first column, last column + 1) of each key shown in the main screen's footer."""
    from textual.widgets._footer import FooterKey

    return [(k.key, k.region.x, k.region.right) for k in app.screen.query(FooterKey) if k.region.width]


def test_at_80_columns_the_footer_shows_help_first_and_every_key_whole(records_copy):
    async def scenario(app, pilot):
        await settle(app, pilot)
        keys = footer_keys(app)
        assert [k for k, _x, _r in keys] == ["question_mark", "slash", "e", "r", "p", "h", "x"]
        assert all(right <= 80 for _k, _x, right in keys), keys
        assert "^p" not in screen_text(app).splitlines()[-1]  # the palette's key: on the help screen

    run(records_copy, scenario)


def test_a_wide_footer_shows_the_command_palette_key(records_copy):
    async def scenario(app, pilot):
        await settle(app, pilot)
        assert "^p palette" in screen_text(app).splitlines()[-1]
        assert [k for k, _x, _r in footer_keys(app)][0] == "question_mark"

    run(records_copy, scenario, size=(120, 30))


def test_language_toggle_from_the_command_palette(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "escape")  # the sidebar: narrow at 80 columns, with its names while focused
        assert "Medlemmar" in screen_text(app)
        await press(app, pilot, "ctrl+p")
        await pilot.press(*"English")
        await settle(app, pilot, 0.3)
        await press(app, pilot, "enter")
        await settle(app, pilot)
        assert app.lang == "en"
        text = screen_text(app)
        for words in ("Meetings", "Members", "Problems", "Search", "References", "Attendance"):
            assert words in text, words
        assert "Medlemmar" not in text
        await press(app, pilot, "2")
        assert "Persons (30)" in screen_text(app)

    run(records_copy, scenario)


def test_english_from_the_command_line_option(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "escape")  # the sidebar: narrow at 80 columns, with its names while focused
        assert "Meetings" in screen_text(app) and "Möten" not in screen_text(app)

    run(records_copy, scenario, lang="en")


def test_markup_in_user_text_is_shown_literally(records_copy):
    path = records_copy / "moten/styrelse/2023/2023-11-17.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = "Val av justerare"', 'title = "[bold]x[/bold] och [red]y"', 1)
    path.write_text(text, encoding="utf-8")

    async def scenario(app, pilot):
        await press(app, pilot, "enter")
        assert "§35 [bold]x[/bold]" in screen_text(app)  # in the tree (cut at its width)
        await press(app, pilot, "down", "down")
        assert app.main.selection().ref == "styrelse/2023-11-17/§35"
        assert "§35 [bold]x[/bold] och [red]y" in screen_text(app)  # the detail pane

    run(records_copy, scenario)


def test_preview_shows_the_protocol_as_a_draft(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "p")
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        assert "UTKAST — Protokoll — Styrelsen 2023-11-17" in screen_text(app)
        await press(app, pilot, "a")
        assert "Kallelse" in screen_text(app)
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, PreviewScreen)

    run(records_copy, scenario)


def test_export_writes_the_protocol_and_asks_before_a_draft(records_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    break_adjuster(records_copy)

    async def scenario(app, pilot):
        await press(app, pilot, "x", "enter")  # the latest meeting has no errors
        written = out / "protokoll-styrelse-2023-11-17.md"
        assert written.read_text(encoding="utf-8").startswith("# Protokoll — Styrelsen 2023-11-17")
        await press(app, pilot, "up", "x", "enter")  # 2023-06-09 has errors: asked first
        draft = out / "protokoll-styrelse-2023-06-09.md"
        assert not draft.exists()
        assert "UTKAST" in screen_text(app)
        await press(app, pilot, "y")
        assert draft.read_text(encoding="utf-8").startswith("# UTKAST — Protokoll")

    run(records_copy, scenario)


def test_editor_keys_call_the_editor(records_copy, monkeypatch):
    calls = []
    fake = types.ModuleType("finsam_tui.tui.editor")
    fake.open_editor = lambda app, action, kind=None, rel=None, field_path=None: calls.append((action, kind, rel))
    monkeypatch.setitem(sys.modules, "finsam_tui.tui.editor", fake)

    async def scenario(app, pilot):
        await press(app, pilot, "e", "n", "N", "d")
        meeting = "moten/styrelse/2023/2023-11-17.toml"
        assert calls == [("edit", "meeting", meeting), ("new", "meeting", meeting),
                         ("new_from_previous", "meeting", meeting), ("delete", "meeting", meeting)]
        await press(app, pilot, "2", "n")  # the first organisation is highlighted
        assert calls[-1] == ("new", "organisation", "organisationer/arbetsformedlingen.toml")
        await app.open_ref("person/bengt-alm")
        await press(app, pilot, "n", "e")
        assert calls[-2:] == [("new", "person", "personer/bengt-alm.toml"), ("edit", "person", "personer/bengt-alm.toml")]

    run(records_copy, scenario)


def test_record_saved_reloads_and_selects_the_record(records_copy):
    async def scenario(app, pilot):
        path = records_copy / "personer/bengt-alm.toml"
        path.write_text(path.read_text(encoding="utf-8").replace('name = "Bengt Alm"', 'name = "Bengt Almér"'),
                        encoding="utf-8")
        app.post_message(RecordSaved("personer/bengt-alm.toml"))
        await pilot.pause()
        await until(app, pilot, lambda: app.loaded.is_set() and app.archive.person_name("bengt-alm") == "Bengt Almér")
        await settle(app, pilot)
        assert app.main.current_section.SECTION_ID == "members"
        assert app.main.selection().ref == "person/bengt-alm"
        assert "Bengt Almér" in screen_text(app)

    run(records_copy, scenario)


def test_a_big_archive_needs_no_widget_per_meeting(tmp_path):
    folder = tmp_path / "big"
    subprocess.run([sys.executable, str(ROOT / "benchmarks/generate.py"), str(folder), "--meetings", "300"],
                   check=True, capture_output=True)

    async def scenario(app, pilot):
        assert len(app.archive.meetings) == 300
        widgets = len(list(app.screen.walk_children()))
        assert widgets < 120, widgets
        tree = app.main.section("meetings").tree
        nodes = 0
        stack = list(tree.root.children)
        while stack:
            node = stack.pop()
            nodes += 1
            stack.extend(node.children)
        assert nodes < 150, nodes  # collapsed years have no nodes yet
        await press(app, pilot, "5", "end")  # the decision register: every decision, drawn lazily
        assert app.main.current_section.list.cursor > 500

    run(folder, scenario)


def test_every_key_of_the_tui_names_an_action_that_exists():
    """A binding runs its class's action unless it says app.… (q once said "quit" on the main
    screen, which has no action_quit, and did nothing). Every screen and widget of the TUI."""
    import importlib
    import inspect
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import finsam_tui.tui
    from finsam_tui.tui.app import FinsamApp

    checked, missing = 0, []
    for info in pkgutil.walk_packages(finsam_tui.tui.__path__, "finsam_tui.tui."):
        for _name, cls in inspect.getmembers(importlib.import_module(info.name), inspect.isclass):
            if not issubclass(cls, DOMNode) or cls.__module__ != info.name:
                continue
            for b in cls.__dict__.get("BINDINGS", []):
                key, action = (b.key, b.action) if isinstance(b, Binding) else (b[0], b[1])
                namespace, _, name = action.rpartition(".")
                if namespace in ("screen", "focused"):
                    continue  # (resolved at run time)
                target = FinsamApp if namespace == "app" else cls
                checked += 1
                if not callable(getattr(target, "action_" + name.split("(")[0], None)):
                    missing.append(f"{cls.__name__}: {key} -> {action}")
    assert checked > 40 and missing == []


def test_q_quits_from_the_main_screen(records_copy):
    async def scenario(app, pilot):
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit  # the app is closing

    run(records_copy, scenario)


@pytest.mark.parametrize("size", [(80, 8), (40, 10)])
def test_a_small_terminal_shows_every_screen_without_a_crash(records_copy, size):
    """At 80×8 the narrow sidebar once got a scrollbar that left its options no width: a crash."""
    async def scenario(app, pilot):
        await settle(app, pilot)
        for keys in (["2"], ["3"], ["4"], ["5"], ["6"], ["7"], ["1", "down", "enter", "down"], ["question_mark"],
                     ["escape"], ["slash"], ["escape"], ["p"], ["escape"], ["r"], ["escape"], ["h"], ["escape"],
                     ["e"], ["escape"], ["N"], ["escape"], ["escape"], ["tab"], ["tab"], ["escape"]):
            await press(app, pilot, *keys)
        assert "Samordningsförbundet" in screen_text(app)  # (the header, cut at 40 columns)

    run(records_copy, scenario, size=size)

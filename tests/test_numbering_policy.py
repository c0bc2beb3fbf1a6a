"""An organ's own § numbering (per_år, per_möte, ingen) and where a year's numbering starts:
what new meetings are numbered, how points without § are shown, and where the numbering
rule stays quiet or speaks (the rule fixtures and tests/fixtures/real/ show the findings)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.export import protocol
from finsam_tui.core.ops.new_meeting import next_paragraph_number
from finsam_tui.core.records.numbering_policy import numbering_of, stated_start
from tests.test_rules import build

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def test_numbering_of_an_organ():
    settings = {"paragraph_numbering": "per_år", "organs": [
        {"id": "styrelse"}, {"id": "medlemssamrad", "paragraph_numbering": "ingen"},
        {"id": "beredning", "paragraph_numbering": "per_möte"}]}
    assert [numbering_of(settings, o) for o in ("styrelse", "medlemssamrad", "beredning", "okänt")] == [
        "per_år", "ingen", "per_möte", "per_år"]
    assert numbering_of({"paragraph_numbering": "per_möte"}, "styrelse") == "per_möte"
    starts = {"numbering_starts": [{"organ": "styrelse", "year": 2021, "first": 12}]}
    assert stated_start(starts, "styrelse", 2021) == 12
    assert stated_start(starts, "styrelse", 2022) is None and stated_start(starts, "beredning", 2021) is None


@pytest.fixture
def mid_year(tmp_path) -> Path:
    return build(REAL / "archive-from-mid-year-gap", tmp_path / "records")


def test_a_new_meeting_continues_the_year_or_starts_where_the_archive_says(mid_year):
    archive = load_archive(mid_year)
    assert next_paragraph_number(archive, "styrelse", dt.date(2022, 12, 16)) == 19  # after §16–§18
    assert next_paragraph_number(archive, "styrelse", dt.date(2022, 9, 1)) == 12  # before any: the stated start
    assert next_paragraph_number(archive, "styrelse", dt.date(2024, 2, 9)) == 1


def test_points_without_section_sign(tmp_path, capsys):
    root = build(REAL / "unnumbered-points", tmp_path / "records")
    archive = load_archive(root)
    assert archive.findings == []
    assert next_paragraph_number(archive, "medlemssamrad", dt.date(2024, 2, 9)) == 1
    text = protocol(archive, "medlemssamrad/2023-10-06")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[1:6] == ["## Presentation", "## Val av justerare", "## Förbundets verksamhet och resultat",
                             "## Medlemmarnas önskemål inför 2024", "## Nästa medlemssamråd"]
    assert "## 2. Medlemmarnas behov" in protocol(archive, "medlemssamrad/2023-03-10")
    assert main(["show", "medlemssamrad/2023-10-06", "--records", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[out.index("Paragrafer") + 1:][:2] == ["  •  Presentation", "  •  Val av justerare"]


def test_without_the_organs_own_numbering_the_same_points_are_errors(tmp_path):
    root = build(REAL / "unnumbered-points", tmp_path / "records")
    forbund = root / "forbund.toml"
    forbund.write_text(forbund.read_text(encoding="utf-8").replace('paragraph_numbering = "ingen"\n', ""),
                       encoding="utf-8")
    codes = sorted({f.code for f in load_archive(root).findings})
    assert codes == ["FS104"]
    assert len([f for f in load_archive(root).findings if f.code == "FS104"]) == 5


def test_a_new_meeting_takes_the_time_and_place_the_previous_one_announced(tmp_path):
    from finsam_tui.core.ops.new_meeting import new_meeting

    archive = load_archive(build(REAL / "next-meeting-time-place", tmp_path / "records"))
    data = new_meeting(archive, "styrelse", dt.date(2023, 9, 14))
    assert (data["start"], data["end"], data["place"]) == ("13:00", "16:00", "Stadshuset, sammanträdesrum Tallen, Ekby")
    assert data["items"][0]["number"] == 9  # after §7–§8 of 2023-06-09
    other = new_meeting(archive, "styrelse", dt.date(2023, 9, 21))  # not the announced day
    assert (other["start"], other["place"]) == ("09:00", "Förbundets kansli, Testgatan 1, Ekby")


def test_the_tui_meeting_detail_lists_points_without_section_sign(tmp_path):
    from rich.console import Console

    from finsam_tui.core.check import cache
    from finsam_tui.core.i18n.tui import Labels
    from finsam_tui.core.io.scan import scan_files
    from finsam_tui.tui.details.meetings import meeting_detail
    from finsam_tui.tui.view_data import Model

    root = build(REAL / "unnumbered-points", tmp_path / "records")
    model = Model(root, scan_files(root), {}, cache.run(root, need_archive=True))
    console = Console(width=80, record=True)
    console.print(meeting_detail(model, "medlemssamrad/2023-10-06", "moten/medlemssamrad/2023/2023-10-06.toml",
                                 Labels("sv")))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    assert "• Presentation" in lines and "• Nästa medlemssamråd" in lines


def test_search_finds_a_point_without_section_sign_as_its_meeting(tmp_path):
    from finsam_tui.core.query.search import search

    root = build(REAL / "unnumbered-points", tmp_path / "records")
    hits = search(root, "presentationsrunda")
    assert [(h.ref, h.title) for h in hits] == [("medlemssamrad/2023-10-06", "Presentation")]
    assert [h.ref for h in search(root, "medlemmarnas behov")] == ["medlemssamrad/2023-03-10/§2"]


def test_an_organ_that_takes_no_decisions_lists_deltagare_in_show_and_the_tui(tmp_path, capsys):
    """The protocol export calls them Deltagare (minnesanteckningar); show and the TUI say the same."""
    from rich.console import Console

    from finsam_tui.cli.main import main
    from finsam_tui.core.check import cache
    from finsam_tui.core.i18n.tui import Labels
    from finsam_tui.core.io.scan import scan_files
    from finsam_tui.tui.details.meetings import meeting_detail
    from finsam_tui.tui.view_data import Model

    root = build(REAL / "unnumbered-points", tmp_path / "records")
    assert main(["show", "medlemssamrad/2023-10-06", "--records", str(root)]) == 0
    out = capsys.readouterr().out
    assert "  Deltagare " in out and "Beslutande" not in out
    assert main(["show", "styrelse/2023-04-14", "--records", str(root)]) == 0
    assert "  Beslutande " in capsys.readouterr().out
    model = Model(root, scan_files(root), {}, cache.run(root, need_archive=True))
    console = Console(width=80, record=True)
    console.print(meeting_detail(model, "medlemssamrad/2023-10-06", "moten/medlemssamrad/2023/2023-10-06.toml",
                                 Labels("sv")))
    text = console.export_text()
    assert "Deltagare:" in text and "Beslutande" not in text

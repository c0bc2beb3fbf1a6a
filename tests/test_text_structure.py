"""Text structure written in multi-line fields survives into what a reader sees: the
exported Markdown renders (markdown-it-py, CommonMark) with <br /> for a line break, <ul>/<ol>
for "- " and "1. " lines and <p> for paragraphs; `finsam show` and the TUI's detail pane keep
the lines too. The records are tests/fixtures/real/text-structure over base."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.export import agenda, decisions, extract, protocol
from tests.test_rules import build

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "real" / "text-structure"
MD = MarkdownIt("commonmark")
REF = "styrelse/2023-06-16"


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Path:
    return build(FIXTURE, tmp_path_factory.mktemp("text") / "records")


@pytest.fixture(scope="module")
def archive(records):
    return load_archive(records)


def test_protocol_renders_breaks_lists_and_paragraphs(archive):
    html = MD.render(protocol(archive, REF))
    assert ("<p>Hyresvärdens erbjudande har lämnats av:<br />\nEkby Fastigheter AB<br />\nBox 412<br />\n"
            "731 24 Ekby</p>") in html
    assert ("<ul>\n<li>att stanna i den delade lokalen på kortare avtal</li>\n"
            "<li>att hyra den erbjudna lokalen på Stationsgatan 3</li>\n"
            "<li>att flytta teamet till regionens hälsocentral<br />\n(kräver ombyggnad av två rum)</li>\n</ul>") in html
    assert ("<ol>\n<li>att godkänna hyresavtalet för lokalen på Stationsgatan 3 från den 1 oktober 2023,</li>\n"
            "<li>att hyran belastar budgetraden för Samordningsteamet, samt</li>\n"
            "<li>att förbundschefen undertecknar avtalet.</li>\n</ol>") in html
    # a paragraph folded in the file (a TOML line-ending backslash) is one paragraph
    assert ("<p>Samordningsteamet har sedan starten delat lokal med kommunens arbetsmarknadsenhet. "
            "Avtalet löper ut den 30 september") in html
    # the task's own list is nested under its bullet, its status after it
    assert ("<li>\n<p>Uppdrag till Ida Nord: Teckna hyresavtalet och planera flytten:</p>\n<ul>\n"
            "<li>meddela deltagarna den nya adressen</li>\n<li>beställa skyltning vid entrén</li>\n</ul>\n"
            "<p>(klart senast 2023-09-30; status: ny)</p>\n</li>") in html


def test_every_meeting_document_keeps_the_structure(archive):
    for text in (agenda(archive, REF), extract(archive, REF, ["§8"]), decisions(archive, 2023, None)):
        html = MD.render(text)
        assert "Ekby Fastigheter AB<br />" in html or "<ol>\n<li>att godkänna hyresavtalet" in html
        assert "\\-" not in text and "1\\." not in text


def test_show_keeps_lines_and_list_items(records, capsys):
    assert main(["show", f"{REF}/§8", "--records", str(records)]) == 0
    out = capsys.readouterr().out.splitlines()
    for line in ("  Hyresvärdens erbjudande har lämnats av:", "  Ekby Fastigheter AB", "  Box 412",
                 "  - att stanna i den delade lokalen på kortare avtal", "  (kräver ombyggnad av två rum)"):
        assert line in out
    i = out.index("  Förbundschefen har jämfört tre alternativ:")
    assert out[i + 1] == "  - att stanna i den delade lokalen på kortare avtal"


def test_show_wraps_a_long_list_item_under_its_text():
    from finsam_tui.cli.render import wrap

    lines = wrap("Inledning\n- " + "ord " * 30, width=40)
    assert lines[0] == "  Inledning" and lines[1].startswith("  - ord")
    assert all(line.startswith("    ord") for line in lines[2:])


def test_tui_detail_keeps_line_breaks():
    from finsam_tui.tui.details.parts import paragraphs

    shown = [t.plain for t in paragraphs("Box 412\n731 24 Ekby\n\n- ett\n- två")]
    assert shown == ["  Box 412\n  731 24 Ekby", "  - ett\n  - två"]

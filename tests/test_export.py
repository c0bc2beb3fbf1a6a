"""finsam export: golden files against the bundled example, CommonMark structure, escaping,
refusal of records with errors, --draft, --lang en, `all --out` safety and determinism.

Regenerate the golden files after an intended change of the layout:

    FINSAM_UPDATE_GOLDEN=1 python -m pytest tests/test_export.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.export import ExportError, RecordsHaveErrors, bundle, protocol, write_bundle
from finsam_tui.core.export import markdown as md
from finsam_tui.core.i18n.export import CATALOGUE, EN, SV

from .conftest import RECORDS, bundled_copy, relock

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("FINSAM_UPDATE_GOLDEN") == "1"
MD = MarkdownIt("commonmark").enable("table")  # the commonmark preset passes raw HTML through

# golden file -> arguments of `finsam export`
GOLDEN_CASES = {
    "protocol-styrelse-2023-04-14.md": ["protocol", "styrelse/2023-04-14"],  # jäv, serving substitute, sub-items
    "protocol-styrelse-2022-11-18.md": ["protocol", "styrelse/2022-11-18"],  # reservation, uppdrag
    "protocol-medlemssamrad-2023-03-10.md": ["protocol", "medlemssamrad/2023-03-10"],  # no decisions
    "protocol-styrelse-2023-04-14-en.md": ["protocol", "styrelse/2023-04-14", "--lang", "en"],
    "agenda-styrelse-2023-04-14.md": ["agenda", "styrelse/2023-04-14"],  # uppdrag from 2022-11-18 §39
    "agenda-styrelse-2022-06-10.md": ["agenda", "styrelse/2022-06-10"],  # two uppdrag from earlier meetings
    "extract-styrelse-2023-04-14-17-20a.md": ["extract", "styrelse/2023-04-14", "§17", "§20a"],
    "budget-2023.md": ["budget", "2023"],  # budget, revision, outcome, forecast
    "budget-2022.md": ["budget", "2022"],  # budget and outcome only
    "decisions-2023.md": ["decisions", "--year", "2023"],
    "decisions-styrelse.md": ["decisions", "--organ", "styrelse"],
}

ALL_FILES = [
    "beslutsregister.md",
    "budgetar/2022.md",
    "budgetar/2023.md",
    "index.md",
    "kallelser/beredningsgrupp/2023-05-12.md",
    "kallelser/medlemssamrad/2023-03-10.md",
    "kallelser/styrelse/2022-02-18.md",
    "kallelser/styrelse/2022-04-08.md",
    "kallelser/styrelse/2022-06-10.md",
    "kallelser/styrelse/2022-11-18.md",
    "kallelser/styrelse/2023-02-17.md",
    "kallelser/styrelse/2023-04-14.md",
    "kallelser/styrelse/2023-06-09.md",
    "kallelser/styrelse/2023-11-17.md",
    "protokoll/beredningsgrupp/2023-05-12.md",
    "protokoll/medlemssamrad/2023-03-10.md",
    "protokoll/styrelse/2022-02-18.md",
    "protokoll/styrelse/2022-04-08.md",
    "protokoll/styrelse/2022-06-10.md",
    "protokoll/styrelse/2022-11-18.md",
    "protokoll/styrelse/2023-02-17.md",
    "protokoll/styrelse/2023-04-14.md",
    "protokoll/styrelse/2023-06-09.md",
    "protokoll/styrelse/2023-11-17.md",
]


@pytest.fixture(autouse=True)
def _no_env_language(monkeypatch):
    monkeypatch.delenv("FINSAM_LANG", raising=False)
    monkeypatch.delenv("FINSAM_RECORDS", raising=False)


@pytest.fixture(scope="module")
def archive():
    return load_archive(RECORDS)


def export(args: list[str], records: Path | None = None, capsys=None) -> tuple[int, str, str]:
    """Run finsam export on records (default: this process's copy of the bundled example)."""
    code = main(["export", *args, "--records", str(records or bundled_copy())])
    if capsys is None:
        return code, "", ""
    out, err = capsys.readouterr()
    return code, out, err


def check_golden(name: str, data: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"{path} is missing; run FINSAM_UPDATE_GOLDEN=1 python -m pytest tests/test_export.py"
    assert data == path.read_bytes(), (
        f"{name} differs from the golden file; if the change is intended, regenerate with "
        "FINSAM_UPDATE_GOLDEN=1 python -m pytest tests/test_export.py")


# -- golden files ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(name, tmp_path):
    out = tmp_path / name
    assert export([*GOLDEN_CASES[name], "-o", str(out)])[0] == 0
    check_golden(name, out.read_bytes())


def test_stdout_is_the_same_as_the_file(tmp_path, capsys):
    out = tmp_path / "p.md"
    assert export(["protocol", "styrelse/2023-04-14", "-o", str(out)])[0] == 0
    code, stdout, _ = export(["protocol", "styrelse/2023-04-14"], capsys=capsys)
    assert code == 0
    assert stdout.encode("utf-8") == out.read_bytes()


def test_all_writes_the_file_list_and_index(tmp_path, capsys):
    out = tmp_path / "deep" / "export"  # created, with its parents
    code, stdout, _ = export(["all", "--out", str(out)], capsys=capsys)
    assert code == 0
    assert "24" in stdout
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ALL_FILES
    everything = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert everything == [f"deep/export/{f}" for f in ALL_FILES]
    check_golden("all-index.md", (out / "index.md").read_bytes())
    # the files of `all` are the single exports, and every link of the index resolves
    assert (out / "protokoll/styrelse/2023-04-14.md").read_bytes() == (
        GOLDEN / "protocol-styrelse-2023-04-14.md").read_bytes()
    assert (out / "budgetar/2023.md").read_bytes() == (GOLDEN / "budget-2023.md").read_bytes()
    links = re.findall(r"\]\(([^)]+)\)", (out / "index.md").read_text(encoding="utf-8"))
    assert sorted(links) == sorted(f for f in ALL_FILES if f != "index.md")
    for link in links:
        assert (out / link).is_file()


# -- structure (CommonMark, parsed with markdown-it-py) -------------------------------------------
def plain(inline) -> str:
    """The text a reader sees in an inline token (markup removed, escapes and entities decoded)."""
    return "".join("\n" if c.type == "softbreak" else c.content for c in inline.children
                   if c.type in ("text", "text_special", "code_inline", "softbreak"))


def headings(text: str) -> list[tuple[str, str]]:
    tokens = MD.parse(text)
    return [(t.tag, plain(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


def list_items(text: str) -> list[str]:
    """The text of every bullet list item (its first paragraph)."""
    tokens = MD.parse(text)
    items, depth = [], 0
    for i, t in enumerate(tokens):
        if t.type == "bullet_list_open":
            depth += 1
        elif t.type == "bullet_list_close":
            depth -= 1
        elif t.type == "list_item_open" and depth:
            items.append(plain(tokens[i + 2]))
    return items


def tables(text: str) -> list[list[list[str]]]:
    tokens = MD.parse(text)
    out, rows, row = [], None, None
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            rows = []
        elif t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            row.append(plain(tokens[i + 1]))
        elif t.type == "tr_close":
            rows.append(row)
        elif t.type == "table_close":
            out.append(rows)
    return out


def test_protocol_structure(archive):
    text = protocol(archive, "styrelse/2023-04-14")
    hs = headings(text)
    assert [h for h in hs if h[0] == "h1"] == [("h1", "Protokoll — Styrelsen 2023-04-14")]
    assert hs[0][0] == "h1"
    paragraphs = [c for tag, c in hs if tag == "h2" and c.startswith("§")]
    assert paragraphs == [f"§ {n} {item['title']}" for n, item in zip(range(12, 23), archive.meetings[
        "styrelse/2023-04-14"].data["items"])]
    i = [c for _, c in hs].index("§ 20 Informationsärenden")
    assert hs[i + 1:i + 4] == [("h3", "a) Medlemssamrådet den 10 mars"), ("h3", "b) Kompetenslyft i samverkan"),
                               ("h3", "c) Beredningsgruppens möte i maj")]
    for h2 in ("Närvarande", "Justering och underskrifter", "Anslag/bevis", "Uppdrag från sammanträdet"):
        assert ("h2", h2) in hs
    for h3 in ("Beslutande", "Tjänstgörande ersättare", "Ersättare", "Anmält förhinder", "Övriga närvarande"):
        assert ("h3", h3) in hs
    items = list_items(text)
    for clause in archive.meetings["styrelse/2023-04-14"].data["items"][5]["decision"]:  # § 17
        assert clause in items
    assert "Oskar Hedin, Granås kommun, för Kjell Ivarsson" in items
    assert "Margareta Ekholm, ordförande, Björkviks kommun" in items
    assert "Gunilla Törnqvist, revisor, Region Mellanland" in items
    assert "Anslaget uppsatt: 2023-04-21" in items
    assert "Förvaringsplats för protokollet: Förbundets kansli, Kvarngatan 4, Björkvik" in items
    assert "Justerare: Reza Karimi" in items and "Sekreterare: Johanna Lilja" in items
    assert "Margareta Ekholm anmäler jäv och deltar inte i handläggningen." in text
    assert "Helena Strömgren leder mötet under paragrafen." in text
    assert "**Styrelsens beslut**" in text
    assert "Förslag till beslut" not in text  # only in the agenda
    assert "- **Paragrafer:** §12–§22" in text


def test_protocol_reservation_and_tasks(archive):
    text = protocol(archive, "styrelse/2022-11-18")
    assert "**Reservation**" in text
    assert "Kjell Ivarsson reserverar sig mot beslutet." in text
    assert "> Jag reserverar mig till förmån för mitt eget yrkande" in text
    [task_table] = tables(text)
    assert task_table[0] == ["§", "Uppdrag", "Ansvarig", "Klart senast", "Status"]
    assert task_table[1][0] == "§ 39" and task_table[1][2] == "Annika Berglöf"


def test_guests_are_listed_with_their_role(archive):
    assert "Elsa Runeberg, teamledare, Samordningsteamet" in list_items(protocol(archive, "styrelse/2022-02-18"))


def test_decision_text_of_a_sub_item(records_copy, capsys):
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    text = path.read_text(encoding="utf-8")
    anchor = 'background = "Beredningsgruppen bereder förslaget till reviderad budget vid sitt möte den 12 maj."'
    path.write_text(text.replace(anchor, anchor + '\ndecision_text = "Styrelsen noterar *informationen*."'),
                    encoding="utf-8")
    relock(path)
    code, text, err = export(["decisions", "--year", "2023"], records_copy, capsys)
    assert code == 0, err
    hs = [c for tag, c in headings(text) if tag == "h3"]
    i = hs.index("§ 20 Informationsärenden")
    assert hs[i + 1] == "§ 20 Informationsärenden, c) Beredningsgruppens möte i maj"
    assert "Styrelsen noterar \\*informationen\\*." in text
    code, text, _ = export(["protocol", "styrelse/2023-04-14"], records_copy, capsys)
    html = MD.render(text)
    assert "<p>Styrelsen noterar *informationen*.</p>" in html


def test_organ_without_decisions_has_participants_not_beslutande(archive):
    text = protocol(archive, "medlemssamrad/2023-03-10")
    hs = headings(text)
    assert ("h3", "Deltagare") in hs and ("h3", "Beslutande") not in hs
    assert text.startswith("# Minnesanteckningar — Medlemssamrådet 2023-03-10")


def test_organ_genitive(archive):
    from finsam_tui.core.export.common import Context
    from finsam_tui.core.i18n.export import Labels

    ctx = Context(archive, Labels("sv"))
    assert ctx.decision_label("styrelse") == "Styrelsens beslut"
    archive.organs["test"] = {"id": "test", "name": "Presidiets"}
    try:
        assert ctx.decision_label("test") == "Presidiets beslut"
    finally:
        del archive.organs["test"]


def test_agenda_structure(archive, capsys):
    code, text, _ = export(["agenda", "styrelse/2023-04-14"], capsys=capsys)
    assert code == 0
    hs = headings(text)
    assert hs[0] == ("h1", "Kallelse och föredragningslista — Styrelsen 2023-04-14")
    assert len([1 for tag, c in hs if tag == "h2" and c.startswith("§")]) == 11
    assert "Förslag till beslut" in text and "Styrelsens beslut" not in text
    for h3 in ("Ledamöter", "Ersättare", "Övriga"):
        assert ("h3", h3) in hs
    items = list_items(text)
    assert "Kjell Ivarsson, ledamot, Granås kommun" in items  # called, even though absent on the day
    [follow_up] = tables(text)
    assert follow_up[1][0].startswith("Utreda formerna och kostnaden")
    assert follow_up[1][4] == "Styrelsen 2022-11-18, § 39"


def test_agenda_of_a_planned_meeting_calls_the_members_and_lists_open_tasks(records_copy, capsys):
    path = records_copy / "moten/styrelse/2024/2024-02-16.toml"
    path.parent.mkdir()
    path.write_text('organ = "styrelse"\ndate = 2024-02-16\nstart = "09:00"\nend = "12:00"\n'
                    'place = "Förbundets kansli"\nstate = "kallad"\n\n'
                    '[[items]]\nnumber = 1\ntitle = "Mötets öppnande"\n\n'
                    '[[items]]\nnumber = 2\ntitle = "Årsredovisning 2023"\nkind = "beslut"\n'
                    'proposal = "Förbundschefen föreslår att årsredovisningen godkänns."\n', encoding="utf-8")
    code, text, err = export(["agenda", "styrelse/2024-02-16"], records_copy, capsys)
    assert code == 0, err
    items = list_items(text)
    assert "Margareta Ekholm, ordförande, Björkviks kommun" in items
    assert "Oskar Hedin, ersättare, Granås kommun" in items
    assert not any(i.startswith("Bengt Alm") for i in items)  # his membership ended in 2022
    [follow_up] = tables(text)
    assert len(follow_up) == 2 and follow_up[1][3] == "pågående" and follow_up[1][4] == "Styrelsen 2023-11-17, § 40"
    # `all` makes an agenda for the planned meeting, but no protocol
    files = bundle(load_archive(records_copy))
    assert "kallelser/styrelse/2024-02-16.md" in files and "protokoll/styrelse/2024-02-16.md" not in files


def test_extract_structure(capsys):
    code, text, _ = export(["extract", "styrelse/2023-04-14", "§ 18", "17"], capsys=capsys)
    assert code == 0
    hs = headings(text)
    assert hs[0] == ("h1", "Protokollsutdrag — Styrelsen 2023-04-14")
    assert [c for tag, c in hs if tag == "h2"] == ["§ 17 Extern utvärdering av Samordningsteamet",
                                                   "§ 18 Ekonomisk uppföljning januari–mars 2023",
                                                   "Rätt utdraget intygar"]
    assert text.endswith("## Rätt utdraget intygar\n\nJohanna Lilja, sekreterare\n")


def test_budget_tables(archive, capsys):
    code, text, _ = export(["budget", "2023"], capsys=capsys)
    assert code == 0
    ts = tables(text)
    assert len(ts) == 7  # members, other income, three categories, result, equity
    header = ["Medlem", "Budget 2023", "Reviderad budget 2023 (Bilaga 1)",
              "Reviderad budget 2023 (Bildspel ekonomisk uppföljning)", "Utfall jan–jun", "Prognos helår",
              "Avvikelse", "Andel"]
    assert ts[0][0] == header
    # Försäkringskassan pays the state's half, Arbetsförmedlingen's part included: one line, no AF line
    assert ts[0][1] == ["Staten (FK, inkl. AF)", "3\u00a0200\u00a0000\u00a0kr", "3\u00a0200\u00a0000\u00a0kr",
                        "3\u00a0200\u00a0000\u00a0kr", "1\u00a0600\u00a0000\u00a0kr", "3\u00a0200\u00a0000\u00a0kr",
                        "0\u00a0kr", "50,0\u00a0%"]
    assert not [row for row in ts[0] if row[0] == "Arbetsförmedlingen"]
    assert ts[0][-1][0] == "Summa medlemsbidrag" and ts[0][-1][-1] == "100,0\u00a0%"
    individ = ts[2]
    assert individ[1][0] == "Samordningsteamet"
    assert individ[-1] == ["Summa Individinsatser", "4\u00a0050\u00a0000\u00a0kr", "4\u00a0050\u00a0000\u00a0kr",
                           "4\u00a0050\u00a0000\u00a0kr", "1\u00a0869\u00a0800\u00a0kr", "3\u00a0820\u00a0000\u00a0kr",
                           "230\u00a0000\u00a0kr"]
    # the two sources of the revised budget: the differing line marked, each source's own sums
    structural = ts[3]
    assert structural[2][:4] == ["Samverkansdagar och gemensamma utbildningar ≠", "180\u00a0000\u00a0kr",
                                 "180\u00a0000\u00a0kr", "150\u00a0000\u00a0kr"]
    assert ("- Samverkansdagar och gemensamma utbildningar: Bilaga 1 180\u00a0000\u00a0kr, "
            "Bildspel ekonomisk uppföljning 150\u00a0000\u00a0kr") in text
    result = ts[5]
    assert result[-1] == ["Resultat", "−720\u00a0000\u00a0kr", "−765\u00a0000\u00a0kr", "−735\u00a0000\u00a0kr",
                          "−29\u00a0000\u00a0kr", "−426\u00a0000\u00a0kr", "339\u00a0000\u00a0kr"]
    # positive is favourable: for costs budget − forecast, for income and the result forecast − budget
    assert result[1][-1] == "−1\u00a0000\u00a0kr" and result[2][-1] == "340\u00a0000\u00a0kr"
    assert ("Avvikelse: för kostnader Reviderad budget 2023 (Bilaga 1) − Prognos helår, för intäkter, resultat "
            "och eget kapital Prognos helår − Reviderad budget 2023 (Bilaga 1); ett positivt belopp är gynnsamt.") in text


def test_budget_without_forecast_compares_with_the_outcome(capsys):
    code, text, _ = export(["budget", "2022"], capsys=capsys)
    assert code == 0
    assert "Avvikelse: för kostnader Budget 2022 − Utfall 2022, för intäkter, resultat och eget kapital " in text
    assert "det senaste utfallet används som jämförelse" in text


def test_decisions_register(archive, capsys):
    code, text, _ = export(["decisions", "--year", "2023"], capsys=capsys)
    assert code == 0
    expected, clauses = [], []
    for m in sorted(archive.meetings.values(), key=lambda m: (m.data["date"], m.id)):
        if m.data["date"].year != 2023:
            continue
        for p in archive.paragraphs_of(m):
            if p.item.get("decision"):
                expected.append(p.number)
                clauses += p.item["decision"]
    hs = headings(text)
    numbers = [int(re.match(r"§ (\d+)", c).group(1)) for tag, c in hs if tag == "h3"]
    assert numbers == expected
    assert [i for i in list_items(text) if i.startswith("att ")] == clauses
    assert ("h2", "Styrelsen 2023-04-14") in hs
    assert "Möte: styrelse/2023-04-14" in list_items(text)


def test_decisions_filters(capsys):
    code, text, _ = export(["decisions", "--organ", "medlemssamrad"], capsys=capsys)
    assert code == 0 and "Inga beslut." in text
    code, text, _ = export(["decisions", "--year", "2022", "--organ", "styrelse"], capsys=capsys)
    assert code == 0
    assert "2023-" not in "".join(c for _, c in headings(text))
    code, _, err = export(["decisions", "--organ", "nope"], capsys=capsys)
    assert code == 2 and "nope" in err and "styrelse" in err


# -- escaping ----------------------------------------------------------------------------------
EVIL_TITLE = "# <script>alert(1)</script> [x](javascript:alert(1)) | a*b*"
EVIL_CLAUSE = "att visa <img src=x onerror=alert(1)> och **fet** `kod`"
EVIL_BACKGROUND = "1. inte en lista\n- inte heller\n    inte kod\n\n# ingen rubrik\n<div>ingen html</div>\n---"


def _break_meeting(records: Path) -> None:
    path = records / "moten/styrelse/2023/2023-04-14.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('title = "Extern utvärdering av Samordningsteamet"', f'title = "{EVIL_TITLE}"')
    text = text.replace('decision = [\n    "att godkänna återrapporten",',
                        f'decision = [\n    "att godkänna återrapporten",\n    "{EVIL_CLAUSE}",')
    text = text.replace('background = "Inga övriga frågor anmäldes."',
                        'background = """\n' + EVIL_BACKGROUND + '"""')
    path.write_text(text, encoding="utf-8")
    relock(path)


def test_user_text_cannot_inject_markup(records_copy, capsys):
    _break_meeting(records_copy)
    assert not [f for f in load_archive(records_copy).findings if f.severity == "error"]
    for kind in (["protocol", "styrelse/2023-04-14"], ["agenda", "styrelse/2023-04-14"],
                 ["extract", "styrelse/2023-04-14", "§17", "§21"], ["decisions"]):
        code, text, err = export(kind, records_copy, capsys)
        assert code == 0, err
        html = MD.render(text)
        assert "<script" not in html and "<img" not in html and "<div" not in html
        assert "javascript:" not in "".join(re.findall(r'href="[^"]*"', html))
        assert "<a " not in html and "<code>" not in html and "<em>" not in html
        hs = headings(text)
        assert [tag for tag, c in hs if tag == "h1"] == ["h1"]
        assert any(c.endswith(EVIL_TITLE) and c.startswith("§ 17") for _, c in hs)  # shown literally
        assert "# ingen rubrik" not in [c for _, c in hs]
        if kind[0] != "agenda":
            assert EVIL_CLAUSE in list_items(text)
    code, text, _ = export(["protocol", "styrelse/2023-04-14"], records_copy, capsys)
    html = MD.render(text)
    # the author's lists are lists, the indented line continues the item: never code
    assert "<ol>\n<li>inte en lista</li>\n</ol>\n<ul>\n<li>inte heller<br />\ninte kod</li>\n</ul>" in html
    assert "<pre>" not in html and "<hr" not in html
    assert "<p># ingen rubrik<br />\n&lt;div&gt;ingen html&lt;/div&gt;<br />\n---</p>" in html


def test_table_cells_escape_pipes_and_newlines():
    text = md.table(["a", "b"], [[md.cell("x | y\nz"), md.cell("<b>")]])
    [t] = tables(text)
    assert t[1] == ["x | y z", "<b>"]
    assert "<b>" not in MD.render(text)


_ALPHABET = st.characters(min_codepoint=32, max_codepoint=126) | st.sampled_from("åäöÅÄÖé–§€ ")


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_inline_is_always_shown_literally(text):
    expected = " ".join(text.split())
    for doc in (md.inline(text), f"- {md.inline(text)}", f"## {md.inline(text)}" if expected else ""):
        tokens = MD.parse(doc)
        inline = [t for t in tokens if t.type == "inline"]
        if not expected:
            assert not inline or inline[0].content == ""
            continue
        assert len(inline) == 1, (text, doc)
        assert all(c.type == "text" for c in inline[0].children), (text, doc, inline[0].children)
        assert "".join(c.content for c in inline[0].children) == expected


def _shown_lines(html_tokens) -> list[str]:
    """The lines a reader sees in the inline tokens, in order (a hard or soft break ends a line)."""
    out = []
    for t in html_tokens:
        if t.type != "inline":
            continue
        line = ""
        for c in t.children:
            if c.type in ("softbreak", "hardbreak"):
                out.append(line)
                line = ""
            else:
                line += c.content
        out.append(line)
    return out


_MARKER = re.compile(r"^(?:[-*][ ]+(?=\S)|\d{1,9}[.)][ ]+(?=\S))")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_ALPHABET, max_size=20) | st.sampled_from(["- punkt", "* punkt", "1. ett", "2) två",
                                                                   "  fortsatt", "", "- # x", "1. <b>"]),
                max_size=8))
def test_paragraphs_keep_lines_and_lists_and_show_the_rest_literally(lines):
    text = "\n".join(lines)
    blocks = md.paragraphs(text)
    html = MD.render(md.document(blocks)) if blocks else ""
    for tag in ("<h", "<pre", "<blockquote", "<hr", "<a ", "<em", "<strong", "<code", "<img"):
        assert tag not in html
    # every line is shown, each on a line of its own, a list line without its marker
    expected = [_MARKER.sub("", line.strip(" ")) for line in lines if line.strip(" ")]
    assert _shown_lines(MD.parse(md.document(blocks))) == expected
    bullets = [line for line in expected if line]
    assert html.count("<li>") == sum(1 for line in lines if _MARKER.match(line.strip(" "))), bullets


def test_paragraphs_lists_and_breaks_render_as_html():
    text = "Kontakt:\nKvarngatan 4\n123 45 Björkvik\n\nFörslaget:\n- att utöka\n- att följa upp\n\n1. ett\n2. två"
    html = MD.render(md.document(md.paragraphs(text)))
    assert "<p>Kontakt:<br />\nKvarngatan 4<br />\n123 45 Björkvik</p>" in html
    assert "<ul>\n<li>att utöka</li>\n<li>att följa upp</li>\n</ul>" in html
    assert "<ol>\n<li>ett</li>\n<li>två</li>\n</ol>" in html


# -- refusal, draft ---------------------------------------------------------------------------
def test_meeting_with_errors_is_refused_and_draft_is_marked(records_copy, capsys):
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('adjusters = ["reza-karimi"]',
                                                             'adjusters = ["bengt-alm"]'), encoding="utf-8")
    relock(path)
    for kind in (["protocol"], ["agenda"], ["extract"]):
        args = [*kind, "styrelse/2023-04-14"] + (["§17"] if kind == ["extract"] else [])
        code, out, err = export(args, records_copy, capsys)
        assert code == 1
        assert out == ""
        assert "moten/styrelse/2023/2023-04-14.toml:13: FS302" in err
        assert "--draft" in err
        code, out, err = export([*args, "--draft"], records_copy, capsys)
        assert code == 0, err
        assert out.startswith("# UTKAST — ")
        assert out.rstrip().splitlines()[-1].startswith("**UTKAST:**")
        assert "1 fel" in out
    # other meetings are not affected
    assert export(["protocol", "styrelse/2023-06-09"], records_copy, capsys)[0] == 0


def test_errors_in_a_person_present_refuse_the_protocol(records_copy, capsys):
    path = records_copy / "personer/oskar-hedin.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\nshoe_size = 44\n', encoding="utf-8")
    code, _, err = export(["protocol", "styrelse/2023-04-14"], records_copy, capsys)
    assert code == 1 and "personer/oskar-hedin.toml" in err and "FS102" in err
    assert export(["protocol", "styrelse/2022-02-18"], records_copy, capsys)[0] == 0  # he was not there


def test_unreadable_meeting_is_refused_even_as_draft(records_copy, capsys):
    (records_copy / "moten/styrelse/2023/2023-04-14.toml").write_text("organ = [\n", encoding="utf-8")
    for extra in ([], ["--draft"]):
        code, _, err = export(["protocol", "styrelse/2023-04-14", *extra], records_copy, capsys)
        assert code == 1 and "FS101" in err


def test_all_refuses_errors_unless_draft(records_copy, tmp_path, capsys):
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('adjusters = ["reza-karimi"]',
                                                             'adjusters = ["bengt-alm"]'), encoding="utf-8")
    relock(path)
    out = tmp_path / "out"
    code, _, err = export(["all", "--out", str(out)], records_copy, capsys)
    assert code == 1 and "styrelse/2023-04-14" in err and not out.exists()
    code, _, err = export(["all", "--out", str(out), "--draft"], records_copy, capsys)
    assert code == 0, err
    assert (out / "index.md").read_text(encoding="utf-8").startswith("# UTKAST — ")


# -- usage errors -----------------------------------------------------------------------------
def test_unknown_meeting_names_the_nearest(capsys):
    code, out, err = export(["protocol", "styrelse/2023-04-15"], capsys=capsys)
    assert code == 2 and out == ""
    assert "styrelse/2023-04-15" in err and "Närmaste möte: styrelse/2023-04-14" in err
    code, _, err = export(["agenda", "nothing"], capsys=capsys)
    assert code == 2 and "nothing" in err


def test_extract_of_a_missing_paragraph_exits_2(capsys):
    code, out, err = export(["extract", "styrelse/2023-04-14", "§17", "§99"], capsys=capsys)
    assert code == 2 and out == "" and "§99" in err and "§12–§22" in err
    code, _, err = export(["extract", "styrelse/2023-04-14", "§20x"], capsys=capsys)
    assert code == 2 and "§20x" in err
    code, _, err = export(["extract", "styrelse/2023-04-14", "paragraf"], capsys=capsys)
    assert code == 2 and "paragraf" in err


def test_unknown_budget_year_exits_2(capsys):
    code, _, err = export(["budget", "1999"], capsys=capsys)
    assert code == 2 and "1999" in err and "2022, 2023" in err


# -- all --out never writes outside DIR ---------------------------------------------------------
def test_all_refuses_a_symlink_out_of_the_folder(tmp_path, capsys):
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (out / "protokoll").symlink_to(outside, target_is_directory=True)
    code, _, err = export(["all", "--out", str(out)], capsys=capsys)
    assert code == 2 and "protokoll/" in err
    assert list(outside.iterdir()) == []
    assert sorted(p.name for p in out.iterdir()) == ["protokoll"]  # checked before anything was written


def test_write_bundle_refuses_paths_outside(tmp_path):
    out = tmp_path / "out"
    for bad in ("../evil.md", "/tmp/evil.md", "a/../../evil.md", "a/../b.md", "", "a\\..\\evil.md"):
        with pytest.raises(ExportError):
            write_bundle({"ok.md": "x\n", bad: "evil\n"}, out)
    assert not (tmp_path / "evil.md").exists()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["out"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError):
        write_bundle({"ok.md": "x\n"}, tmp_path / "file")


def test_bundle_paths_are_sanitized(archive):
    from finsam_tui.core.export.bundle import safe_id

    assert safe_id("../../etc") == "etc" and safe_id("..") == "x" and safe_id("Styrelse/2023") == "styrelse-2023"
    for path in bundle(archive):
        assert re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*\.md", path)


# -- language, determinism, hygiene -------------------------------------------------------------
def test_english_labels(capsys):
    code, text, _ = export(["protocol", "styrelse/2023-04-14", "--lang", "en"], capsys=capsys)
    assert code == 0
    hs = headings(text)
    assert hs[0] == ("h1", "Minutes — Styrelsen 2023-04-14")
    for h in ("Present", "Adjustment and signatures", "Notice of adjustment"):
        assert ("h2", h) in hs
    assert "**Decision of Styrelsen**" in text and "Voting members" in text
    assert "Beslutande" not in text and "Beskrivning av ärendet" not in text and "Anslag" not in text
    code, text, _ = export(["budget", "2023", "--lang", "en"], capsys=capsys)
    assert tables(text)[0][0][0] == "Member" and "Deviation" in tables(text)[0][0]


def test_language_from_the_forbund_settings(records_copy, capsys):
    path = records_copy / "forbund.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('language = "sv"', 'language = "en"'), encoding="utf-8")
    code, text, _ = export(["agenda", "styrelse/2023-04-14"], records_copy, capsys)
    assert code == 0 and text.startswith("# Notice of meeting and agenda — ")
    code, text, _ = export(["agenda", "styrelse/2023-04-14", "--lang", "sv"], records_copy, capsys)
    assert text.startswith("# Kallelse och föredragningslista — ")


def test_catalogues_have_the_same_keys():
    assert set(SV) == set(EN)
    assert set(CATALOGUE) == {"sv", "en"}
    for key, value in SV.items():
        assert isinstance(EN[key], type(value)), key
        if isinstance(value, str):
            assert set(re.findall(r"{(\w+)}", value)) == set(re.findall(r"{(\w+)}", EN[key])), key


def test_deterministic(tmp_path):
    first = bundle(load_archive(RECORDS))
    second = bundle(load_archive(RECORDS))
    assert first == second
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["export", "all", "--out", str(a), "--records", str(bundled_copy())]) == 0
    assert main(["export", "all", "--out", str(b), "--records", str(bundled_copy())]) == 0
    for rel in ALL_FILES:
        assert (a / rel).read_bytes() == (b / rel).read_bytes() == first[rel].encode("utf-8")


def test_every_exported_file_is_valid_commonmark(archive):
    for path, text in bundle(archive).items():
        assert text.endswith("\n") and not text.endswith("\n\n"), path
        hs = headings(text)
        assert hs[0][0] == "h1" and [t for t, _ in hs].count("h1") == 1, path
        levels = [int(t[1]) for t, _ in hs]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), path  # no skipped heading level
        html = MD.render(text)
        assert "<script" not in html and "<img" not in html


def test_records_have_errors_lists_the_findings(records_copy):
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('adjusters = ["reza-karimi"]',
                                                             'adjusters = ["bengt-alm"]'), encoding="utf-8")
    relock(path)
    with pytest.raises(RecordsHaveErrors) as info:
        protocol(load_archive(records_copy), "styrelse/2023-04-14")
    assert [f.code for f in info.value.findings] == ["FS302"]

"""finsam show / refs / person / decisions / uppdrag against the bundled example: the lines
and JSON a user relies on, exit codes 0/1/2, the nearest match, English labels, records
with errors, help with examples, and no Textual import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finsam_tui.cli import COMMANDS
from finsam_tui.cli.main import build_parser, main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.i18n.cli import Labels
from finsam_tui.core.i18n.lookups import EN, SV
from finsam_tui.core.query import backlinks, lookup, person, registers, results, views

from .conftest import RECORDS, bundled_copy

LOOKUPS = ("show", "refs", "person", "decisions", "uppdrag")


def finsam(capsys, *args: str, records: Path | None = None) -> tuple[int, str, str]:
    """Run finsam on records (default: this process's copy of the bundled example)."""
    code = main([*args, "--records", str(records or bundled_copy())])
    out, err = capsys.readouterr()
    return code, out, err


def finsam_json(capsys, *args: str, records: Path | None = None) -> tuple[int, dict]:
    code, out, _ = finsam(capsys, *args, "--format", "json", records=records)
    return code, json.loads(out)


@pytest.fixture(scope="module")
def archive():
    return load_archive(RECORDS)


# --- refs -------------------------------------------------------------------------------
def test_refs_of_the_chair_lists_chair_duties_and_jav(capsys):
    code, out, _ = finsam(capsys, "refs", "margareta-ekholm")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Hänvisningar till person/margareta-ekholm (Margareta Ekholm): 19"
    assert lines[1] == "styrelse/2022-02-18       2022-02-18  ordförande        Styrelsen 2022-02-18"
    assert lines[2] == "  moten/styrelse/2022/2022-02-18.toml:10"
    i = lines.index("styrelse/2023-04-14/§17   2023-04-14  jäv               Extern utvärdering av S…")
    assert lines[i + 1] == "  moten/styrelse/2023/2023-04-14.toml:87"
    assert all(len(line) <= 80 for line in lines)


def test_refs_of_a_paragraph_shows_the_uppdrag_reported_back_there(capsys):
    code, out, _ = finsam(capsys, "refs", "styrelse/2023/§28")
    assert code == 0
    assert out.splitlines() == [
        "Hänvisningar till styrelse/2023-06-09/§28 (Återrapport: upphandling av exte…): 1",
        "styrelse/2023-04-14/§17  2023-04-14  återrapport  Extern utvärdering av Samordn…",
        "  moten/styrelse/2023/2023-04-14.toml:95  Upphandla extern utvärdering av Samor…",
    ]


def test_refs_of_the_paragraph_that_decided_a_budget_revision(capsys):
    code, out, _ = finsam(capsys, "refs", "styrelse/2023-06-09/§27")
    assert code == 0
    assert out.splitlines()[1:] == ["budget/2023  2023-06-09  beslutad i  Reviderad budget 2023",
                                    "  budgetar/2023.toml:22  rev1"]


def test_refs_of_a_budget_line_lists_the_paragraphs_that_touched_it(capsys):
    code, out, _ = finsam(capsys, "refs", "budget/2023/utvardering")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Hänvisningar till budget/2023/utvardering (Uppföljning och utvärdering): 5"
    assert "styrelse/2023-06-09/§27        2023-06-09  hänvisning  Reviderad budget 2023" in lines
    assert "  moten/styrelse/2023/2023-06-09.toml:73" in lines


def test_refs_of_a_meeting_include_references_to_its_paragraphs(capsys):
    code, data = finsam_json(capsys, "refs", "styrelse/2023-04-14")
    assert code == 0
    assert data["ref"] == "styrelse/2023-04-14" and data["kind"] == "meeting"
    got = {(b["source"], b["role"], b["target"]) for b in data["backlinks"]}
    assert got == {
        ("styrelse/2022-11-18/§39", "task_reported", "styrelse/2023-04-14/§17"),
        ("beredningsgrupp/2023-05-12/§4", "ref", "styrelse/2023-04-14/§17"),
        ("styrelse/2023-06-09/§26", "ref", "styrelse/2023-04-14"),
        ("styrelse/2023-06-09/§28", "ref", "styrelse/2023-04-14/§17"),
    }
    code, out, _ = finsam(capsys, "refs", "styrelse/2023-04-14")
    assert "  moten/styrelse/2023/2023-06-09.toml:84  → styrelse/2023-04-14/§17" in out.splitlines()


def test_refs_of_a_budget_include_its_lines_and_the_insatser(capsys):
    code, data = finsam_json(capsys, "refs", "budget/2023")
    assert code == 0
    targets = {b["target"] for b in data["backlinks"]}
    assert {"budget/2023", "budget/2023/ung-framtid", "budget/2023/samverkansdagar"} <= targets
    insats = [b for b in data["backlinks"] if b["source"] == "insats/samordningsteamet"]
    assert [(b["role"], b["role_label"], b["target"], b["file"], b["line"]) for b in insats] == [
        ("budget_line", "budgetrad", "budget/2023/samordningsteamet", "insatser/samordningsteamet.toml", 13)]


def test_refs_of_an_insats_and_of_an_organisation(capsys):
    code, data = finsam_json(capsys, "refs", "insats/samordningsteamet")
    assert code == 0
    sources = [b["source"] for b in data["backlinks"]]
    assert "styrelse/2023-06-09/§28" in sources and "beredningsgrupp/2023-05-12/§5a" in sources
    assert all(b["role"] == "ref" for b in data["backlinks"])
    code, data = finsam_json(capsys, "refs", "org/bjorkvik")
    roles = {(b["source"], b["role"]) for b in data["backlinks"]}
    assert ("person/margareta-ekholm", "on_behalf_of") in roles
    assert ("budget/2023", "income") in roles
    assert ("insats/samordningsteamet", "owner") in roles


def test_refs_json_is_stable_with_iso_dates(capsys):
    code, data = finsam_json(capsys, "refs", "person/kjell-ivarsson")
    assert code == 0
    assert list(data) == ["ref", "kind", "title", "count", "backlinks"]
    assert data["title"] == "Kjell Ivarsson" and data["count"] == len(data["backlinks"])
    first = data["backlinks"][0]
    assert list(first) == ["source", "source_kind", "date", "role", "title", "target", "value", "file", "line",
                           "path", "detail", "role_label"]
    adjusted = [b for b in data["backlinks"] if b["role"] == "adjuster"]
    assert [(b["source"], b["date"], b["role_label"], b["line"]) for b in adjusted] == [
        ("styrelse/2022-06-10", "2022-06-10", "justerare", 13), ("styrelse/2023-06-09", "2023-06-09", "justerare", 12)]
    reservation = next(b for b in data["backlinks"] if b["role"] == "reservation")
    assert reservation["source"] == "styrelse/2022-11-18/§38"
    assert reservation["detail"].startswith("Jag reserverar mig")


def test_refs_in_english(capsys):
    code, out, _ = finsam(capsys, "refs", "styrelse/2022/§27", "--lang", "en")
    assert code == 0
    assert out.splitlines() == [
        "References to styrelse/2022-06-10/§27 (Ny insats: Ung Framtid): 2",
        "styrelse/2022-04-08/§18  2022-04-08  reported back  Förstudie om insats för ung…",
        "  moten/styrelse/2022/2022-04-08.toml:100  Ta fram förslag till insats för unga…",
        "insats/ung-framtid       2022-06-10  decided at     Ung Framtid",
        "  insatser/ung-framtid.toml:13",
    ]


def test_nothing_refers_exits_1(capsys, records_copy):
    code, out, err = finsam(capsys, "refs", "styrelse/2023-06-09/§31b")
    assert (code, out) == (1, "")
    assert err == "finsam refs: Inga hänvisningar till styrelse/2023-06-09/§31b.\n"
    (records_copy / "personer/nils-nyman.toml").write_text('name = "Nils Nyman"\n', encoding="utf-8")
    code, data = finsam_json(capsys, "refs", "nils-nyman", records=records_copy)
    assert code == 1 and data["backlinks"] == [] and data["ref"] == "person/nils-nyman"


# --- unknown, malformed, ambiguous ------------------------------------------------------
@pytest.mark.parametrize("args, message, nearest", [
    (["refs", "person/margareta-ekolm"], "finsam refs: person/margareta-ekolm finns inte.",
     "Närmaste: person/margareta-ekholm"),
    (["show", "margareta"], "finsam show: margareta finns inte.", "Närmaste: person/margareta-ekholm"),
    (["show", "styrelse/2023-06-10"], "finsam show: styrelse/2023-06-10 finns inte.",
     "Närmaste: styrelse/2023-06-09"),
    (["show", "styrelse/2023/§99"], "finsam show: styrelse/2023/§99 finns inte.",
     "Närmaste: styrelse/2023-11-17/§45"),
    (["refs", "budget/2023/utvardring"], "finsam refs: budget/2023/utvardring finns inte.",
     "Närmaste: budget/2023/utvardering"),
    (["refs", "insats/ung"], "finsam refs: insats/ung finns inte.", "Närmaste: insats/ung-framtid"),
    (["person", "kjell-ivarson"], "finsam person: kjell-ivarson finns inte.", "Närmaste: person/kjell-ivarsson"),
    (["uppdrag", "--person", "annika"], "finsam uppdrag: person/annika finns inte.",
     "Närmaste: person/annika-berglof"),
])
def test_unknown_exits_1_naming_the_nearest(capsys, args, message, nearest):
    code, out, err = finsam(capsys, *args)
    assert (code, out) == (1, "")
    assert err.splitlines() == [message, nearest]


def test_unknown_in_english(capsys):
    code, _, err = finsam(capsys, "show", "budget/2021", "--lang", "en")
    assert code == 1
    assert err.splitlines() == ["finsam show: there is no budget/2021.", "Nearest: budget/2022"]


@pytest.mark.parametrize("args", [
    ["refs", "styrelse/§17"], ["show", "budget/2023/utvärdering"], ["show", "Styrelse/2023-04-14"],
    ["person", "org/bjorkvik"], ["decisions", "--organ", "kommunfullmaktige"],
    ["uppdrag", "--organ", "nope"],
])
def test_usage_errors_exit_2(capsys, args):
    code, out, err = finsam(capsys, *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"finsam {args[0]}: ")


def test_malformed_message(capsys):
    code, _, err = finsam(capsys, "refs", "styrelse/§17", "--lang", "en")
    assert code == 2
    assert err.splitlines()[0] == "finsam refs: styrelse/§17 is not a valid reference."
    assert "styrelse/2023/§17" in err


def test_not_a_records_folder_exits_2(capsys, tmp_path):
    for cmd in (["show", "styrelse/2023-04-14"], ["refs", "styrelse"], ["person", "x"], ["decisions"],
                ["uppdrag"]):
        code, out, err = finsam(capsys, *cmd, records=tmp_path)
        assert (code, out) == (2, "")
        assert "forbund.toml" in err


def test_an_ambiguous_year_reference_exits_2(capsys, records_copy):
    path = records_copy / "moten/styrelse/2023/2023-06-09.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("number = 23\n", "number = 12\n", 1), encoding="utf-8")
    code, out, err = finsam(capsys, "show", "styrelse/2023/§12", records=records_copy)
    assert (code, out) == (2, "")
    assert err.splitlines() == ["finsam show: styrelse/2023/§12 är tvetydig (2 träffar).",
                                "Använd mötesformen: styrelse/2023-04-14/§12, styrelse/2023-06-09/§12"]


# --- show --------------------------------------------------------------------------------
def test_show_a_paragraph(capsys):
    code, out, _ = finsam(capsys, "show", "styrelse/2023/§17")
    assert code == 0
    lines = out.splitlines()
    assert lines[:5] == [
        "styrelse/2023-04-14/§17  Extern utvärdering av Samordningsteamet",
        "Möte          Styrelsen 2023-04-14 (styrelse/2023-04-14)",
        "Typ           beslut",
        "Diarienummer  2022/26",
        "Fil           moten/styrelse/2023/2023-04-14.toml:69",
    ]
    for expected in (
        "  - att godkänna återrapporten",
        "  - Margareta Ekholm anmälde jäv",
        "    Helena Strömgren ordförande under paragrafen",
        "    ansvarig Annika Berglöf · klart senast 2023-06-09 · klar · återrapporterat i",
        "  styrelse/2022/§39         Utvärdering av Samordningsteamet (Styrelsen 2022-11…",
        "  insats/samordningsteamet  Samordningsteamet",
        "  budget/2023/utvardering   Uppföljning och utvärdering (Budget 2023)",
        "Hänvisningar hit: 3 (finsam refs styrelse/2023-04-14/§17)",
    ):
        assert expected in lines
    assert all(len(line) <= 80 for line in lines)


def test_show_a_paragraph_json_resolves_references(capsys):
    code, data = finsam_json(capsys, "show", "styrelse/2023-06-09/§27")
    assert code == 0
    assert list(data) == ["ref", "kind", "record"]
    rec = data["record"]
    assert (data["ref"], data["kind"], rec["title"], rec["number"], rec["letter"]) == (
        "styrelse/2023-06-09/§27", "paragraph", "Reviderad budget 2023", 27, None)
    assert rec["meeting"] == {"ref": "styrelse/2023-06-09", "organ": "styrelse", "organ_name": "Styrelsen",
                              "date": "2023-06-09", "title": "Styrelsen 2023-06-09"}
    assert rec["decision"] == ["att godkänna reviderad budget för 2023 enligt bilaga 1"]
    titles = {r["text"]: (r["ref"], r["kind"], r["title"]) for r in rec["refs"]}
    assert titles["budget/2023/ung-framtid"] == ("budget/2023/ung-framtid", "budgetline", "Ung Framtid")
    assert titles["beredningsgrupp/2023-05-12"] == ("beredningsgrupp/2023-05-12", "meeting",
                                                    "Beredningsgruppen 2023-05-12")
    assert rec["backlinks"] == 1


def test_show_a_task_reported_back(capsys):
    code, data = finsam_json(capsys, "show", "styrelse/2022-11-18/§39")
    assert code == 0
    [task] = data["record"]["tasks"]
    assert task["responsible"]["name"] == "Annika Berglöf" and task["status"] == "klar"
    assert task["reported"]["text"] == "styrelse/2023/§17"
    assert task["reported"]["ref"] == "styrelse/2023-04-14/§17"
    assert task["reported"]["title"] == "Extern utvärdering av Samordningsteamet"


def test_show_a_meeting(capsys):
    code, out, _ = finsam(capsys, "show", "styrelse/2023-06-09")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "styrelse/2023-06-09  Styrelsen 2023-06-09"
    assert "Ordförande    Margareta Ekholm" in lines
    assert "Justerare     Kjell Ivarsson" in lines
    assert "  Tjänstgörande ersättare  Linnea Ståhl (för Reza Karimi)" in lines
    assert "  §27     Reviderad budget 2023 [beslut]" in lines
    assert "    §31a  Samverkansdag hösten 2023" in lines


def test_show_a_person_org_insats_budget_line_and_organ(capsys):
    code, out, _ = finsam(capsys, "show", "margareta-ekholm")
    assert code == 0
    assert "  2023-01-01–            Styrelsen  ordförande  Björkviks kommun" in out.splitlines()
    code, data = finsam_json(capsys, "show", "insats/ung-framtid")
    assert data["record"]["decided_by"]["ref"] == "styrelse/2022-06-10/§27"
    assert data["record"]["decided_by"]["title"] == "Ny insats: Ung Framtid"
    code, data = finsam_json(capsys, "show", "budget/2023/ung-framtid")
    assert data["record"]["category"]["name"] == "Individinsatser"
    assert [(a["version"], a["amount"]) for a in data["record"]["amounts"]] == [
        ("budget", 950000), ("rev1", 1100000), ("rev1-bildspel", 1100000),  # (the second source: as rev1)
        ("utfall-06", 498200), ("prognos", 1060000)]
    code, out, _ = finsam(capsys, "show", "budget/2023/ung-framtid")
    assert "  rev1           revidering     1 100 000  Reviderad budget 2023" in out.splitlines()
    code, data = finsam_json(capsys, "show", "org/bjorkvik")
    assert [i["ref"] for i in data["record"]["insatser"]] == ["insats/samordningsteamet"]
    code, data = finsam_json(capsys, "show", "styrelse")
    assert data["kind"] == "organ" and len(data["record"]["meetings"]) == 8


def test_show_a_budget_with_line_totals(capsys):
    code, data = finsam_json(capsys, "show", "budget/2023")
    assert code == 0
    rec = data["record"]
    cats = {c["id"]: c for c in rec["categories"]}
    assert cats["individinsatser"]["total"] == {"budget": 4050000, "rev1": 4050000, "rev1-bildspel": 4050000,
                                                "utfall-06": 1869800, "prognos": 3820000}
    assert cats["strukturella"]["total"]["rev1-bildspel"] == 1010000  # the second source's own figures
    assert rec["totals"]["result"]["budget"] == -720000
    assert rec["versions"][1]["decided_by"]["ref"] == "styrelse/2023-06-09/§27"
    code, out, _ = finsam(capsys, "show", "budget/2023")
    lines = out.splitlines()
    assert "  Ung Framtid            950 000  1 100 000      1 100 000    498 200  1 060 000" in lines
    assert "  rev1           revidering  2023-06-09  styrelse/2023/§27  Reviderad budget 2023  Bilaga 1" in lines


def test_show_in_english(capsys):
    code, out, _ = finsam(capsys, "show", "styrelse/2023-04-14/§17", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert "Meeting          Styrelsen 2023-04-14 (styrelse/2023-04-14)" in lines
    assert "Kind             decision" in lines
    assert "Conflicts of interest" in lines
    assert "  - Margareta Ekholm declared a conflict of interest" in lines
    assert "    responsible Annika Berglöf · due 2023-06-09 · done · reported back at" in lines


# --- person -------------------------------------------------------------------------------
def test_person_report(capsys):
    code, out, _ = finsam(capsys, "person", "kjell-ivarsson")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Kjell Ivarsson (person/kjell-ivarsson)"
    i = lines.index("Justerare")
    assert lines[i + 1:i + 3] == ["  styrelse/2022-06-10  2022-06-10  Styrelsen 2022-06-10",
                                  "  styrelse/2023-06-09  2023-06-09  Styrelsen 2023-06-09"]
    i = lines.index("Anmält förhinder")
    assert lines[i + 1] == "  styrelse/2023-04-14  2023-04-14  Styrelsen 2023-04-14"
    assert "Närvarande vid 8 möten, anmält förhinder vid 1" in lines
    assert "  styrelse/2022-11-18/§38  2022-11-18  Verksamhetsplan och budget 2023 med plan…" in lines
    assert "Ordförande: –" in lines


def test_person_report_json(capsys):
    code, data = finsam_json(capsys, "person", "person/helena-stromgren")
    assert code == 0
    p = data["person"]
    assert (p["id"], p["name"]) == ("helena-stromgren", "Helena Strömgren")
    assert [(m["role"], m["start"], m["end"]) for m in p["memberships"]] == [
        ("ersättare", "2019-01-01", "2022-12-31"), ("vice ordförande", "2023-01-01", None)]
    groups = {x["ref"]: x["group"] for x in p["present"]}
    assert groups["styrelse/2022-06-10"] == "serving" and groups["styrelse/2022-02-18"] == "substitute"
    serving = next(x for x in p["present"] if x["group"] == "serving")
    assert serving["replaces"]["name"] == "Lars-Göran Ahlberg"
    assert [x["ref"] for x in p["absent"]] == ["styrelse/2022-04-08"]
    assert [(x["ref"], x["paragraph"]) for x in p["chair"]] == [("styrelse/2023-04-14/§17", "styrelse/2023-04-14/§17")]
    assert [x["ref"] for x in p["adjuster"]] == ["styrelse/2023-11-17"]


def test_person_uppdrag_and_english(capsys):
    code, data = finsam_json(capsys, "person", "annika-berglof")
    assert [(u["ref"], u["status"]) for u in data["person"]["uppdrag"]][-1] == ("styrelse/2023-11-17/§40", "pågående")
    assert data["person"]["attendance"]["other"] == 10
    code, out, _ = finsam(capsys, "person", "annika-berglof", "--lang", "en")
    lines = out.splitlines()
    assert "  2018-03-01–  Styrelsen  director" in lines
    assert "Present at 10 meetings, absent with notice at 0" in lines
    assert any(line.startswith("  styrelse/2023-11-17/§40  2023-11-17  in progress") for line in lines)


# --- registers -----------------------------------------------------------------------------
def test_decisions_register(capsys):
    code, out, _ = finsam(capsys, "decisions", "--year", "2023", "--organ", "styrelse")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Beslut (år 2023, Styrelsen): 29"
    i = lines.index("styrelse/2023-06-09/§27  2023-06-09  Reviderad budget 2023")
    assert lines[i + 1] == "  - att godkänna reviderad budget för 2023 enligt bilaga 1"
    code, data = finsam_json(capsys, "decisions", "--year", "2022")
    assert data["filters"] == {"year": 2022, "organ": None}
    assert data["count"] == len(data["decisions"]) > 0
    assert all(d["date"].startswith("2022-") for d in data["decisions"])
    entry = next(d for d in data["decisions"] if d["ref"] == "styrelse/2022-06-10/§27")
    assert entry["title"] == "Ny insats: Ung Framtid" and entry["file"] == "moten/styrelse/2022/2022-06-10.toml"


def test_decisions_reuses_the_export_register(archive):
    from finsam_tui.core.export.decisions import decision_entries
    refs = [f"{m.id}/§{n}{letter or ''}" for m, n, letter, _ in decision_entries(archive, 2023)]
    assert [d["ref"] for d in registers.decisions(archive, 2023)] == refs


def test_empty_register_exits_1(capsys):
    code, out, err = finsam(capsys, "decisions", "--year", "2019")
    assert (code, out, err) == (1, "", "finsam decisions: Inga beslut (år 2019).\n")
    code, out, err = finsam(capsys, "uppdrag", "--open", "--year", "2022", "--lang", "en")
    assert (code, out, err) == (1, "", "finsam uppdrag: No tasks (year 2022).\n")
    code, data = finsam_json(capsys, "uppdrag", "--open", "--organ", "beredningsgrupp")
    assert code == 1 and data["uppdrag"] == [] and data["count"] == 0


def test_uppdrag_register(capsys):
    code, out, _ = finsam(capsys, "uppdrag", "--open")
    assert code == 0
    assert out.splitlines() == [
        "Öppna uppdrag: 1",
        "styrelse/2023-11-17/§40  2023-11-17  pågående  Annika Berglöf",
        "  Ta fram förslag till implementering av arbetssättet i Ung Framtid i parternas",
        "  ordinarie verksamhet efter insatsperioden.",
        "  klart senast 2024-04-19",
    ]
    code, data = finsam_json(capsys, "uppdrag", "--person", "annika-berglof", "--year", "2023")
    assert data["filters"] == {"open": False, "person": "annika-berglof", "organ": None, "year": 2023}
    assert [(u["ref"], u["status"], u["open"]) for u in data["uppdrag"]] == [
        ("styrelse/2023-04-14/§17", "klar", False), ("styrelse/2023-11-17/§40", "pågående", True)]
    reported = data["uppdrag"][0]["reported"]
    assert (reported["text"], reported["ref"], reported["title"]) == (
        "styrelse/2023/§28", "styrelse/2023-06-09/§28", "Återrapport: upphandling av extern utvärdering")
    code, out, _ = finsam(capsys, "uppdrag", "--organ", "styrelse")
    assert out.splitlines()[0] == "Uppdrag (Styrelsen): 5"
    assert "  klart senast 2023-06-09 · återrapporterat i styrelse/2023/§28 (Återrapport:" in out.splitlines()


# --- records with errors -------------------------------------------------------------------
def test_lookups_work_on_records_with_errors(capsys, records_copy):
    broken = records_copy / "moten/styrelse/2023/2023-06-09.toml"
    broken.write_text(broken.read_text(encoding="utf-8") + "broken = [\n", encoding="utf-8")
    meeting = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace('adjusters = ["reza-karimi"]', 'adjusters = ["reza-karimi", "nobody-here"]'),
                       encoding="utf-8")
    code, out, _ = finsam(capsys, "refs", "styrelse/2023/§17", records=records_copy)
    assert code == 0 and "styrelse/2023-06-09/§28" not in out and "beredningsgrupp/2023-05-12/§4" in out
    code, out, _ = finsam(capsys, "show", "styrelse/2023-04-14", records=records_copy)
    assert code == 0
    assert "Justerare     Reza Karimi, nobody-here" in out.splitlines()
    assert out.splitlines()[-1].startswith("Filen har ")
    code, out, err = finsam(capsys, "show", "styrelse/2023-06-09/§27", records=records_copy)
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == ("finsam show: styrelse/2023-06-09/§27 finns men filen "
                                   "moten/styrelse/2023/2023-06-09.toml kan inte läsas.")
    code, _, _ = finsam(capsys, "decisions", "--year", "2023", records=records_copy)
    assert code == 0


# --- the core, directly ----------------------------------------------------------------------
def test_core_functions_return_plain_data(archive):
    q = lookup.lookup(archive, "styrelse/2023/§17")
    assert q == lookup.Query("paragraph", "styrelse/2023-04-14/§17", "styrelse/2023-04-14", 17, None)
    links = backlinks.backlinks(archive, q)
    assert [(b.source, b.role) for b in links] == [("styrelse/2022-11-18/§39", "task_reported"),
                                                   ("beredningsgrupp/2023-05-12/§4", "ref"),
                                                   ("styrelse/2023-06-09/§28", "ref")]
    with pytest.raises(lookup.RefError) as exc:
        lookup.lookup(archive, "person/margareta-ekolm")
    assert (exc.value.code, exc.value.nearest) == ("unknown", "person/margareta-ekholm")
    with pytest.raises(lookup.RefError) as exc:
        lookup.lookup(archive, "not a ref")
    assert exc.value.code == "malformed"
    tasks = registers.uppdrag(archive, open_only=True)
    assert [(t.ref, t.responsible, t.due.isoformat()) for t in tasks] == [
        ("styrelse/2023-11-17/§40", "annika-berglof", "2024-04-19")]
    json.dumps(results.plain(person.person_report(archive, "margareta-ekholm")))
    json.dumps(results.plain(views.show(archive, "budget/2023")))


def test_every_role_and_group_has_words_in_both_languages():
    for key in ("roles", "groups", "kinds"):
        assert set(SV[key]) == set(EN[key]), key
    plain_keys = {k for k, v in SV.items() if isinstance(v, str)}
    assert plain_keys == {k for k, v in EN.items() if isinstance(v, str)}
    roles = set(backlinks._MEETING_ROLES.values()) | set(backlinks._ITEM_ROLES.values()) | set(backlinks._OTHER_ROLES.values())
    assert roles <= set(SV["roles"])


# --- help and imports ------------------------------------------------------------------------
@pytest.mark.parametrize("lang, heading", [("sv", "exempel:"), ("en", "examples:")])
@pytest.mark.parametrize("name", LOOKUPS)
def test_help_ends_with_examples(name, lang, heading):
    assert any(m.NAME == name for m in COMMANDS)
    parser = build_parser(lang)
    sub = next(a for a in parser._actions if a.dest == "command").choices[name]
    text = sub.format_help()
    examples = Labels(lang)[f"{name}:examples"]
    assert text.rstrip().endswith(examples.rstrip())
    assert examples.startswith(heading + "\n  finsam " + name)


def test_show_insats_prints_its_statistics_label_first(capsys):
    """Label before number: no "1 kvinnor", and a missing figure reads "kvinnor –"."""
    code, out, _ = finsam(capsys, "show", "insats/samordningsteamet")
    assert code == 0
    assert "  2022: kvinnor 46, män 35, nya 31, avslutade 28\n" in out
    code, out, _ = finsam(capsys, "show", "insats/samordningsteamet", "--lang", "en")
    assert "  2023: women 49, men 38, new 34, ended 30\n" in out

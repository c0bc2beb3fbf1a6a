"""A count says its noun in the right number: "1 varning", "2 varningar", "1 file"."""

import re
import shutil

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core import i18n
from finsam_tui.core.check import codes as catalog
from finsam_tui.core.check.findings import Finding
from finsam_tui.core.i18n import export as export_labels
from finsam_tui.core.i18n import lookups as lookup_labels
from finsam_tui.core.i18n import tui as tui_labels
from finsam_tui.core.i18n.catalogue import Count, counted
from finsam_tui.core.i18n.editor import t
from finsam_tui.core.ops.choices import entry_summary

# --- Count and counted ------------------------------------------------------------------------

@pytest.mark.parametrize("n, word", [(0, "varningar"), (1, "varning"), (2, "varningar")])
def test_count_picks_the_singular_for_one_and_the_plural_otherwise(n, word):
    assert "{n} {n:varning|varningar}".format(n=Count(n)) == f"{n} {word}"


def test_count_without_a_bar_formats_as_a_plain_int():
    n = Count(12345)
    assert "{n}|{n:,}|{n:>7}|{n!r}".format(n=n) == "12345|12,345|  12345|12345"
    assert f"{Count(1):file|files}, {Count(3):file|files}" == "file, files"


def test_counted_wraps_ints_but_not_bools_or_other_values():
    params = counted({"n": 1, "flag": True, "name": "x", "amount": 1.0})
    assert type(params["n"]) is Count
    assert params["flag"] is True and params["name"] == "x" and params["amount"] == 1.0


# --- the texts users see ------------------------------------------------------------------------

@pytest.fixture
def one_warning(tmp_path):
    """A clean records folder (tests/fixtures/base) with exactly one warning (FS108: a file where
    no record belongs); the bundled example shows findings of its own on purpose."""
    from .test_rules import BASE

    records = shutil.copytree(BASE, tmp_path / "records")
    (records / "anteckningar.toml").write_text("x = 1\n", encoding="utf-8")
    return records


def test_validate_says_one_warning_in_one_file(one_warning, capsys):
    assert main(["validate", str(one_warning)]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert re.fullmatch(r"0 fel, 1 varning i 1 fil \(\d+ filer kontrollerade\)", summary), summary


def test_validate_says_one_warning_in_one_file_in_english(one_warning, capsys):
    assert main(["validate", str(one_warning), "--lang", "en"]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert re.fullmatch(r"0 errors, 1 warning in 1 file \(\d+ files checked\)", summary), summary


def test_validate_keeps_the_plural_for_two(one_warning, capsys):
    (one_warning / "mer.toml").write_text("x = 2\n", encoding="utf-8")
    main(["validate", str(one_warning), "--lang", "en"])
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 errors, 2 warnings in 2 files (")


def test_fmt_on_one_formatted_file(capsys):
    from .conftest import RECORDS

    one = next((RECORDS / "personer").glob("*.toml"))
    assert main(["fmt", "--check", str(one)]) == 0
    assert capsys.readouterr().err == "Filen är redan formaterad\n"
    assert main(["fmt", "--check", "--lang", "en", str(one)]) == 0
    assert capsys.readouterr().err == "The file is already formatted\n"


def test_the_editor_status_line():
    assert t("edit.counts", "sv", errors=0, warnings=1) == "0 fel · 1 varning"
    assert t("edit.counts", "sv", errors=2, warnings=2) == "2 fel · 2 varningar"
    assert t("edit.counts", "en", errors=1, warnings=0) == "1 error · 0 warnings"
    assert t("delete.refs", "sv", count=1) == "1 hänvisning pekar hit och blir ogiltig."
    assert t("delete.refs", "en", count=1) == "1 reference points here and will become dangling."
    assert t("delete.refs", "en", count=3) == "3 references point here and will become dangling."


def test_the_editor_cost_category_summary():
    one = {"id": "lokaler", "name": "Lokaler", "lines": [{"id": "hyra"}]}
    two = {**one, "lines": [{"id": "hyra"}, {"id": "el"}]}
    assert entry_summary("categories", one, None, "sv") == "Lokaler (lokaler) · 1 rad"
    assert entry_summary("categories", two, None, "sv") == "Lokaler (lokaler) · 2 rader"
    assert entry_summary("categories", one, None, "en") == "Lokaler (lokaler) · 1 line"


def test_catalogue_labels_of_the_tui_lookups_and_exports():
    L = tui_labels.Labels("sv")
    assert L.fmt("status", files=1, errors=0, warnings=1) == "0 fel · 1 varning · 1 fil"
    assert L.fmt("problems_summary", errors=1, warnings=0, files=1) == "1 fel och 0 varningar i 1 fil"
    assert L.fmt("year_meetings", count=1, year=2023) == "1 möte 2023"
    assert L.fmt("search_hits", count=1) == "1 träff"
    assert L.fmt("uppdrag_open_count", count=1) == "1 öppet uppdrag"
    assert L.fmt("uppdrag_open_count", count=2) == "2 öppna uppdrag"
    assert tui_labels.Labels("en").fmt("status", files=1, errors=1, warnings=2) == "1 error · 2 warnings · 1 file"
    lookups = lookup_labels.Labels("sv")
    assert lookups.fmt("attendance_summary", present=1, absent=0) == "Närvarande vid 1 möte, anmält förhinder vid 0"
    assert lookup_labels.Labels("en").fmt("msg_ambiguous", ref="x", count=2) == "x is ambiguous (2 matches)."
    assert export_labels.Labels("sv").fmt("msg_wrote", count=1, dir="ut") == "Skrev 1 fil i ut"
    assert export_labels.Labels("en").fmt("draft_errors", count=1).startswith("The records have 1 error to correct")


def test_rule_messages_and_hints():
    f = Finding("FS312", "moten/x.toml", params={"days": 1, "limit": 21})
    assert f.message("sv") == "Anslaget satt uppe bara 1 dag, minst 21 krävs"
    assert f.message("en") == "Posted for only 1 day, at least 21 required"
    assert Finding("FS310", "m.toml", params={"days": 3, "limit": 1}).hint("en").startswith(
        "Minutes are to be adjusted within 1 day ")
    assert Finding("FS203", "m.toml", params={"ref": "s/§1", "count": 2, "organ": "s"}).message("sv").endswith(
        "är tvetydig: 2 träffar")


def test_a_missing_param_still_shows_its_name():
    assert Finding("FS312", "m.toml", params={"limit": 21}).message("sv") == (
        "Anslaget satt uppe bara {days} {days}, minst 21 krävs")


# --- no template left with a count before a fixed plural ---------------------------------------

PLURALS = ("filer varningar möten träffar hänvisningar rader ändringar dagar platser files warnings errors "
           "meetings hits matches references lines changes days seats tasks decisions problems examples findings")
FIXED = re.compile(r"\{(\w+)\} (?:open )?(" + "|".join(PLURALS.split()) + r")\b")


def _templates():
    """Every template: each word table of finsam_tui/core/i18n (the lookups, the TUI, the exports,
    history, the commands' messages and help, the editor, …) and the rule messages."""
    for table in i18n.tables().values():
        for lang in ("sv", "en"):
            yield from (v for v in table[lang].values() if isinstance(v, str))
    for rule in catalog.RULES.values():
        yield from (*rule.sv, *rule.en)


def test_no_template_puts_a_count_before_a_fixed_plural():
    fixed = [text for text in _templates() if FIXED.search(text)]
    assert fixed == []

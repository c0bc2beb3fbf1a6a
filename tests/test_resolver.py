"""One resolver for typed text (core/query/lookup.py), and each small concept defined once.

The resolver's behaviour is pinned here for each of its callers' cases: a bare id and
organ/<id> (finsam show/refs, the TUI), a meeting with a nearest-match hint (the exports,
finsam lock), a § by year, a deleted record's file (finsam history, from the reference
alone), a person (finsam person). Then kr, iso, organ_of, the §§ of a meeting and the
error/warning counts, each with one definition.
"""

from __future__ import annotations

import re

import pytest

from finsam_tui.core.check.findings import Finding, counts
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.export import ExportError, RecordsHaveErrors, protocol
from finsam_tui.core.export.meeting import meeting_to_export
from finsam_tui.core.query.history import HistoryError, record_path
from finsam_tui.core.query.lookup import Query, RefError, find_meeting, homes, lookup, read
from finsam_tui.core.query.person import person_report
from finsam_tui.core.records.meetings import items, organ_of
from finsam_tui.core.text import iso, kr

from .conftest import RECORDS, ROOT


@pytest.fixture(scope="module")
def archive():
    return load_archive(RECORDS)


def _error(archive, text: str, want: str = "any") -> RefError:
    with pytest.raises(RefError) as info:
        lookup(archive, text, want)
    return info.value


# --- a bare id and organ/<id> -------------------------------------------------------------
def test_a_bare_id_names_a_person_an_organisation_an_organ_or_an_insats(archive):
    assert lookup(archive, "margareta-ekholm") == Query("person", "person/margareta-ekholm", "margareta-ekholm")
    assert lookup(archive, " bjorkvik ") == Query("org", "org/bjorkvik", "bjorkvik")
    assert lookup(archive, "styrelse") == Query("organ", "styrelse", "styrelse")
    assert lookup(archive, "ung-framtid") == Query("insats", "insats/ung-framtid", "ung-framtid")
    err = _error(archive, "margareta-ekolm")
    assert (err.code, err.text, err.nearest) == ("unknown", "margareta-ekolm", "person/margareta-ekholm")
    assert _error(archive, "styrelsen").nearest == "styrelse"  # organs are named bare


def test_organ_slash_id(archive):
    assert lookup(archive, "organ/styrelse") == Query("organ", "styrelse", "styrelse")
    err = _error(archive, "organ/styrelsen")
    assert (err.code, err.text, err.nearest) == ("unknown", "styrelsen", "styrelse")
    assert _error(archive, "organ/styrelse", want="meeting").code == "malformed"


def test_want_narrows_what_a_caller_accepts(archive):
    assert lookup(archive, "person/margareta-ekholm", want="person").kind == "person"
    err = _error(archive, "bjorkvik", want="person")  # an organisation's id: no person, the nearest person named
    assert err.code == "unknown" and err.nearest.startswith("person/")
    assert _error(archive, "org/bjorkvik", want="person").code == "malformed"  # a reference of another kind
    assert _error(archive, "styrelse/2023-04-14/§17", want="meeting").code == "malformed"
    assert lookup(archive, "styrelse/2023-04-14/§17", want="paragraph_or_meeting").kind == "paragraph"
    assert _error(archive, "not a ref").code == "malformed"


# --- a meeting, with the nearest-match hint (exports, finsam lock) ----------------------------
def test_find_meeting_names_the_nearest(archive):
    assert find_meeting(archive, "styrelse/2023-04-14").id == "styrelse/2023-04-14"
    with pytest.raises(RefError) as info:
        find_meeting(archive, "styrelse/2023-04-15")
    assert (info.value.code, info.value.nearest) == ("unknown", "styrelse/2023-04-14")
    with pytest.raises(RefError) as info:
        find_meeting(archive, "styrelse")  # an organ is no meeting
    assert info.value.code == "malformed"
    # the exports say the same in their own errors
    with pytest.raises(ExportError) as exc:
        meeting_to_export(archive, "styrelse/2023-04-15")
    assert (exc.value.key, exc.value.hint_key, exc.value.params["nearest"]) == (
        "msg_unknown_meeting", "msg_nearest", "styrelse/2023-04-14")
    with pytest.raises(ExportError) as exc:
        meeting_to_export(archive, "person/margareta-ekholm")
    assert exc.value.key == "msg_bad_ref"


@pytest.mark.parametrize("damage", [b"date = = 1\n", b"\xff\xfe not utf-8\n"])
def test_an_unreadable_meeting_is_named_as_such(records_copy, damage):
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    path.write_bytes(damage)
    archive = load_archive(records_copy)
    for text, want in (("styrelse/2023-04-14", "meeting"), ("styrelse/2023-04-14/§17", "any")):
        err = _error(archive, text, want)
        assert (err.code, err.rel) == ("unreadable", "moten/styrelse/2023/2023-04-14.toml")
    with pytest.raises(RecordsHaveErrors) as exc:
        protocol(archive, "styrelse/2023-04-14")
    assert exc.value.findings and all(f.file == "moten/styrelse/2023/2023-04-14.toml" for f in exc.value.findings)


# --- a § by year ----------------------------------------------------------------------------
def test_a_paragraph_by_year(archive, records_copy):
    q = lookup(archive, "styrelse/2023/§17")
    assert q == Query("paragraph", "styrelse/2023-04-14/§17", "styrelse/2023-04-14", 17, None)
    assert _error(archive, "styrelse/2023/§99").nearest.startswith("styrelse/2023-")
    assert homes(read("styrelse/2023/§17")) == []  # only the archive knows its meeting
    assert record_path(records_copy, "styrelse/2023/§17").as_posix() == "moten/styrelse/2023/2023-04-14.toml"


# --- a record's file from the text alone (finsam history) -------------------------------------
def test_homes_come_from_the_text_alone():
    assert read("  person/gone ") == read("person/gone")
    assert homes(read("person/gone")) == [("person", "person", "gone")]
    assert homes(read("org/gone")) == [("org", "organisation", "gone")]
    assert homes(read("budget/2031/line")) == [("budgetline", "budget", "2031")]
    assert homes(read("styrelse/2031-01-02/§3b")) == [("paragraph", "meeting", "styrelse/2031-01-02")]
    assert homes(read("organ/x")) == [("organ", "forbund", "forbund")]
    assert [h[0] for h in homes(read("gone"))] == ["person", "org", "organ", "insats"]
    assert read("Not An Id") is None and read("2023") is None


def test_record_path_of_records_that_are_not_there(records_copy):
    assert record_path(records_copy, "person/gone").as_posix() == "personer/gone.toml"
    assert record_path(records_copy, "styrelse/2031-01-02/§3").as_posix() == "moten/styrelse/2031/2031-01-02.toml"
    assert record_path(records_copy, "budget/2031/line").as_posix() == "budgetar/2031.toml"
    assert record_path(records_copy, "bjorkvik").as_posix() == "organisationer/bjorkvik.toml"
    assert record_path(records_copy, "organ/styrelse").as_posix() == "forbund.toml"
    (records_copy / "personer/margareta-ekholm.toml").unlink()
    with pytest.raises(HistoryError) as info:  # a bare id needs the file, or its history in git
        record_path(records_copy, "margareta-ekholm")
    assert info.value.reason == "unknown"
    with pytest.raises(HistoryError) as info:
        record_path(records_copy, "Not An Id")
    assert info.value.reason == "malformed"


# --- a person (finsam person, the TUI's Medlemmar) ------------------------------------------
def test_person_report_uses_the_resolver(archive):
    assert person_report(archive, "person/margareta-ekholm")["id"] == "margareta-ekholm"
    with pytest.raises(RefError) as info:
        person_report(archive, "margareta-ekolm")
    assert (info.value.code, info.value.text, info.value.nearest) == (
        "unknown", "margareta-ekolm", "person/margareta-ekholm")
    with pytest.raises(RefError) as info:
        person_report(archive, "bjorkvik")  # an organisation is no person
    assert info.value.nearest and info.value.nearest.startswith("person/")


# --- each small concept defined once ---------------------------------------------------------
def test_kr_and_iso():
    assert kr(-1200) == "−1\u00a0200\u00a0kr"
    assert kr(1600000, plain=True) == "1 600 000"
    assert kr(-5, plain=True) == "−5"
    assert [kr(x, plain=True) for x in (None, "12", True, 1.5)] == ["–"] * 4
    import datetime as dt

    assert iso(dt.date(2023, 4, 14)) == "2023-04-14"
    assert iso(dt.datetime(2023, 4, 14, 9, 30)) == "2023-04-14T09:30:00"
    assert (iso(None), iso(""), iso("2023-04")) == ("", "", "2023-04")


def test_the_paragraphs_of_a_meeting(archive):
    data = {"items": [{"number": 1, "sub": [{"letter": "a"}, {"title": "no letter"}]}, {"title": "no number"},
                      {"number": 2}]}
    assert [(e.path, e.number, e.letter) for e in items(data)] == [
        (("items", 0), 1, None), (("items", 0, "sub", 0), 1, "a"), (("items", 0, "sub", 1), 1, None),
        (("items", 1), None, None), (("items", 2), 2, None)]
    assert [(e.number, e.letter) for e in items(data, referable=True)] == [(1, None), (1, "a"), (2, None)]
    m = archive.meetings["styrelse/2023-04-14"]
    assert [(p.number, p.letter, p.path) for p in archive.paragraphs_of(m)] == [
        (e.number, e.letter, e.path) for e in items(m.data, referable=True)]
    assert organ_of(m) == "styrelse"


def test_counts():
    found = [Finding("FS100", "a.toml"), Finding("FS108", "b.toml"), Finding("FS101", "a.toml")]
    assert counts(found) == {"errors": 2, "warnings": 1, "files": 2}


@pytest.mark.parametrize("name", ["lookup", "find_meeting", "nearest_meeting", "organ_of", "kr", "iso", "counts",
                                  "items", "rel_of"])
def test_defined_once(name):
    pattern = re.compile(rf"^\s*def {name}\(", re.M)
    found = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "finsam_tui").rglob("*.py"))
             if pattern.search(p.read_text(encoding="utf-8"))]
    assert len(found) == 1, found



def test_parent_of_finds_the_section_of_a_sub_item_even_without_a_letter():
    from finsam_tui.core.records.meetings import parent_of

    first = {"number": 1, "sub": [{"letter": "a"}, {"title": "no letter"}]}
    second = {"number": 2, "sub": [{"letter": "a"}]}
    data = {"items": [first, second]}
    assert parent_of(data, first["sub"][1]) is first
    assert parent_of(data, second["sub"][0]) is second
    assert parent_of(data, first) is None
    assert parent_of(data, {"letter": "a"}) is None  # an equal dict that is not one of them

"""The editor's plain-Python side, in the core (``core/ops``: no screens): ids and places of
new records, cleaning the edited data, §/letter renumbering, findings mapped to fields, the
pickers' choices."""

from __future__ import annotations

import datetime as dt
import tomllib

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.i18n.editor import UI, field_label, t
from finsam_tui.core.ops.choices import entry_summary, field_choices, fold, matches
from finsam_tui.core.ops.edited import clean, render_text, target_path, validate
from finsam_tui.core.ops.items import new_entry, renumber
from finsam_tui.core.ops.places import meeting_place, place_of, place_of_rel, slug_id
from finsam_tui.core.records.schema import MEETING

from .conftest import RECORDS


def test_ids_and_files_of_new_records(tmp_path):
    assert slug_id("Anna Lindqvist") == "anna-lindqvist"
    assert slug_id("  Åsa Öberg-Ström ") == "asa-oberg-strom"
    assert slug_id("Region Mellanland (RM)") == "region-mellanland-rm"
    assert place_of(tmp_path, "person", "anna-lindqvist").rel == "personer/anna-lindqvist.toml"
    assert place_of(tmp_path, "budget", "2025").path == tmp_path / "budgetar/2025.toml"
    m = meeting_place(tmp_path, "styrelse", dt.date(2024, 2, 16))
    assert (m.rel, m.id) == ("moten/styrelse/2024/2024-02-16.toml", "styrelse/2024-02-16")
    assert meeting_place(tmp_path, "styrelse", dt.date(2024, 2, 16), "extra").id == "styrelse/2024-02-16-extra"
    assert place_of_rel(tmp_path, "moten/styrelse/2023/2023-11-17.toml").kind == "meeting"
    assert place_of_rel(tmp_path, "elsewhere/x.toml") is None


def test_clean_drops_only_the_empty_tables_the_editor_left():
    baseline = {"a": 1, "anslag": {}, "items": [{"number": 1}]}
    data = {"a": 1, "anslag": {}, "justering": {}, "adjusters": [], "items": [{"number": 1, "sub": []}]}
    assert clean(data, baseline) == {"a": 1, "anslag": {}, "items": [{"number": 1}]}


def test_paragraphs_stay_consecutive_and_sub_items_lettered():
    items = [{"number": 34}, {"number": 35}, {"number": 36}]
    before = [i["number"] for i in items]
    new = new_entry("items", items, 1)
    assert new == {"number": 35}
    items.insert(1, new)
    assert renumber("items", before, items)
    assert [i["number"] for i in items] == [34, 35, 36, 37]
    odd = [{"number": 1}, {"number": 5}]
    odd.append(new_entry("items", odd, 2))
    assert not renumber("items", [1, 5], odd) and odd[-1]["number"] == 6  # not consecutive: left alone
    subs = [{"letter": "a"}, {"letter": "b"}]
    subs.insert(0, new_entry("sub", subs, 0))
    renumber("sub", ["a", "b"], subs)
    assert [s["letter"] for s in subs] == ["a", "b", "c"]


def test_findings_point_at_the_field():
    missing = Finding("FS104", "x.toml", path=("items", 2), params={"key": "items[2].title"})
    assert target_path(missing) == ("items", 2, "title")
    assert target_path(Finding("FS105", "x.toml", path=("start",))) == ("start",)


def test_validation_of_edited_data_and_text_written_back():
    archive = load_archive(RECORDS)
    rel = "moten/styrelse/2023/2023-11-17.toml"
    text = (RECORDS / rel).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    data["start"] = "25:00"
    found = validate("meeting", "styrelse/2023-11-17", rel, RECORDS / rel, data, archive.ctx, render_text(text, data))
    assert any(f.code == "FS105" and f.path == ("start",) for f in found)
    assert render_text("\ufeff" + text, tomllib.loads(text)) == "\ufeff" + text


def test_choices_of_the_pickers():
    archive = load_archive(RECORDS)
    meeting = archive.meetings["styrelse/2023-11-17"].data
    adjusters = MEETING[[f.name for f in MEETING].index("adjusters")]
    choices, note = field_choices("meeting", ("adjusters",), adjusters, meeting, archive)
    assert note == "picker.present_only"
    assert "helena-stromgren" in {c.value for c in choices} and "sara-wikner" not in {c.value for c in choices}
    voting = field_choices("meeting", ("attendance", "voting"), adjusters, meeting, archive)[0]
    assert "sara-wikner" in {c.value for c in voting}  # attendance: everyone
    helena = next(c for c in choices if c.value == "helena-stromgren")
    assert matches(helena, "strom") and matches(helena, "HEL ström") and not matches(helena, "karin")
    assert fold("Strömgren Åberg") == "stromgren aberg"
    assert entry_summary("items", {"number": 7, "title": "Budget"}, archive) == "§7 Budget"
    assert entry_summary("memberships", {"organ": "styrelse", "role": "ledamot", "start": dt.date(2023, 1, 1)},
                         archive) == "Styrelsen · ledamot · 2023-01-01–"


def test_labels_exist_in_both_languages():
    assert set(UI["sv"]) == set(UI["en"]) and all(UI["sv"].values()) and all(UI["en"].values())
    assert t("conflict.title") == "Filen har ändrats på disken"
    assert t("conflict.reload", "en") == "Reload"
    title = MEETING[[f.name for f in MEETING].index("start")]
    assert field_label(title, "meeting") == "Starttid" and field_label(title, "meeting", "en") == "Start time"

"""A meeting that moves to a new id: the references to it and its §§ follow (finsam_tui/core/ops/move.py)."""

from __future__ import annotations

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.ops import move as moving

from .test_tui_editor import unlock

OLD = "styrelse/2022-11-18"
NEW = "styrelse/2022-11-25"
OLD_REL = "moten/styrelse/2022/2022-11-18.toml"
REFERRER = "moten/styrelse/2023/2023-02-17.toml"  # refs = ["styrelse/2022-11-18"]


def test_moved_value_takes_the_meeting_and_its_paragraphs_only():
    assert moving.moved_value("styrelse/2022-11-18", OLD, NEW) == NEW
    assert moving.moved_value("styrelse/2022-11-18/§38", OLD, NEW) == NEW + "/§38"
    assert moving.moved_value("styrelse/2022-11-18/§ 38b", OLD, NEW) == NEW + "/§ 38b"  # as written
    assert moving.moved_value(" styrelse/2022-11-18 ", OLD, NEW) == f" {NEW} "
    for other in ("styrelse/2022/§38",  # a § by year names no meeting
                  "styrelse/2022-11-18-extra", "styrelse/2022-11-19", "beredning/2022-11-18",
                  "person/styrelse", "budget/2022", "not a reference", ""):
        assert moving.moved_value(other, OLD, NEW) is None, other


def test_retarget_data_changes_only_reference_fields():
    data = {"organ": "styrelse", "date": "2023-02-17", "items": [
        {"number": 1, "title": "styrelse/2022-11-18", "refs": ["styrelse/2022-11-18/§40", "insats/x"]}]}
    new, count = moving.retarget_data("meeting", REFERRER, data, OLD, NEW)
    assert count == 1
    assert new["items"][0]["refs"] == [NEW + "/§40", "insats/x"]
    assert new["items"][0]["title"] == "styrelse/2022-11-18"  # a title is text, not a reference
    assert data["items"][0]["refs"][0] == "styrelse/2022-11-18/§40"  # the original is left alone


def test_plan_and_apply_rewrite_editable_files_and_report_the_rest(records_copy):
    unlock(records_copy / REFERRER)
    path = records_copy / REFERRER
    path.write_text(path.read_text(encoding="utf-8").replace(
        'refs = ["styrelse/2022-11-18"]', '# the budget decision\nrefs = ["styrelse/2022-11-18"]  # see §38'),
        encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    archive = load_archive(records_copy)
    planned = moving.plan(records_copy, archive.index, OLD_REL, OLD, NEW)
    assert [(r.rel, r.count) for r in planned.rewrites] == [(REFERRER, 1)]
    # decided_by = "styrelse/2022/§38" and refs = ["styrelse/2022/§39", …] name §§ by year: left
    assert sorted(planned.by_year) == ["budgetar/2023.toml", "moten/styrelse/2023/2023-04-14.toml"]
    assert planned.locked == [] and planned.unreadable == []
    outcome = moving.apply(records_copy, planned)
    assert [r.rel for r in outcome.done] == [REFERRER] and outcome.refused == []
    assert path.read_text(encoding="utf-8") == before.replace(
        'refs = ["styrelse/2022-11-18"]  # see §38', f'refs = ["{NEW}"]  # see §38')  # comments kept


def test_a_locked_referrer_is_reported_not_changed(records_copy):
    before = (records_copy / REFERRER).read_bytes()
    planned = moving.plan(records_copy, load_archive(records_copy).index, OLD_REL, OLD, NEW)
    assert planned.rewrites == [] and planned.locked == [REFERRER]
    moving.apply(records_copy, planned)
    assert (records_copy / REFERRER).read_bytes() == before


def test_a_file_changed_after_the_plan_is_refused_and_kept(records_copy):
    unlock(records_copy / REFERRER)
    planned = moving.plan(records_copy, load_archive(records_copy).index, OLD_REL, OLD, NEW)
    path = records_copy / REFERRER
    theirs = path.read_text(encoding="utf-8") + "# someone else's edit\n"
    path.write_text(theirs, encoding="utf-8")
    outcome = moving.apply(records_copy, planned)
    assert outcome.done == [] and outcome.refused == [(REFERRER, "changed")]
    assert path.read_text(encoding="utf-8") == theirs


def test_a_referrer_written_with_a_byte_order_mark_is_rewritten_and_keeps_it(records_copy):
    unlock(records_copy / REFERRER)
    path = records_copy / REFERRER
    path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    planned = moving.plan(records_copy, load_archive(records_copy).index, OLD_REL, OLD, NEW)
    assert [(r.rel, r.count) for r in planned.rewrites] == [(REFERRER, 1)] and planned.unreadable == []
    moving.apply(records_copy, planned)
    assert path.read_text(encoding="utf-8") == before.replace(f'refs = ["{OLD}"]', f'refs = ["{NEW}"]')

"""Saving an edited record, in the core (``core/ops/save``): what the editor's ctrl+s calls. A
file changed on disk is never overwritten silently (the outcome says so), a meeting moves with
the references to it, a new meeting is made from the previous one, §§ renumbered are saved
with their comments. No screens; every test asserts the files on disk."""

from __future__ import annotations

import datetime as dt
import tomllib

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.check.protocol_lock import fingerprint
from finsam_tui.core.ops.correct import Correction, correct, default_by, needs_correction
from finsam_tui.core.ops.edited import clean
from finsam_tui.core.ops.items import move_to, renumber
from finsam_tui.core.ops.new_meeting import first_paragraph_number, new_meeting
from finsam_tui.core.ops.places import initial_data, meeting_place, moved_place, place_of, place_of_rel
from finsam_tui.core.ops.save import (
    Conflict,
    Failed,
    Saved,
    overwrite,
    plan_move,
    read_record,
    save,
    unchanged,
)

from .conftest import relock
from .test_tui_editor import comments, unlock

PERSON = "personer/kjell-ivarsson.toml"
MOVED = "moten/styrelse/2023/2023-02-17.toml"  # referred to from styrelse/2023-04-14 §15
TARGET = "moten/styrelse/2023/2023-02-24.toml"
REFERRER = "moten/styrelse/2023/2023-04-14.toml"  # §15: refs = ["styrelse/2023-02-17"]
BOARD = "moten/styrelse/2023/2023-11-17.toml"  # §34–§45; §43 has a) and b)


def findings_of(root, rel: str) -> list[str]:
    return [f.code for f in load_archive(root).findings if f.file == rel]


def external_change(path) -> str:
    text = path.read_text(encoding="utf-8")
    changed = "# Ändrad i en annan editor.\n" + text.replace('organisation = "Granås kommun"',
                                                             'organisation = "Granås kommunstyrelse"')
    path.write_text(changed, encoding="utf-8")
    return changed


# -- saving, and the file changed on disk ---------------------------------------------------------


def test_a_save_writes_only_what_changed(records_copy):
    place = place_of_rel(records_copy, PERSON)
    snap, data = read_record(place.path)
    assert unchanged(snap, data) and not unchanged(None, data)
    result = save(records_copy, place, snap, dict(data, title="kommunalråd"))
    assert isinstance(result, Saved) and result.place == place
    assert result.snapshot.text == place.path.read_text(encoding="utf-8")
    assert place.path.read_text(encoding="utf-8") == snap.text.replace(
        'title = "kommunstyrelsens ordförande"', 'title = "kommunalråd"')


def test_a_file_changed_on_disk_is_not_overwritten_until_the_user_keeps_theirs(records_copy):
    place = place_of_rel(records_copy, PERSON)
    original = place.path.read_text(encoding="utf-8")
    snap, data = read_record(place.path)
    mine = dict(data, title="kommunalråd")
    disk = external_change(place.path)
    result = save(records_copy, place, snap, mine)
    assert isinstance(result, Conflict) and result.error.reason == "changed"
    assert result.message().startswith("Kunde inte spara") and result.message("en").startswith("Could not save")
    assert place.path.read_text(encoding="utf-8") == disk  # nothing written
    kept = overwrite(place, snap, mine)  # "Behåll mina", confirmed
    assert isinstance(kept, Saved)
    after = place.path.read_text(encoding="utf-8")
    assert tomllib.loads(after) == {**tomllib.loads(original), "title": "kommunalråd"}  # mine, not the disk's
    assert after.startswith("# Ändrad i en annan editor.\n")  # the comments on disk are kept
    assert comments(original) == comments(after)[1:]
    assert kept.snapshot.text == after


def test_a_deleted_file_is_not_saved_and_a_new_one_not_written_over(records_copy):
    place = place_of_rel(records_copy, PERSON)
    snap, data = read_record(place.path)
    place.path.unlink()
    result = save(records_copy, place, snap, data)
    assert isinstance(result, Conflict) and result.error.reason == "missing" and not place.path.exists()
    assert isinstance(overwrite(place, snap, data), Saved)  # kept: created anew
    assert tomllib.loads(place.path.read_text(encoding="utf-8")) == data
    result = save(records_copy, place, None, {"name": "Kjell Ivarsson"})  # "new", but the file exists
    assert isinstance(result, Conflict) and result.error.reason == "exists"
    assert tomllib.loads(place.path.read_text(encoding="utf-8")) == data


def test_data_that_cannot_be_written_is_refused(records_copy):
    place = place_of_rel(records_copy, PERSON)
    snap, data = read_record(place.path)
    before = place.path.read_bytes()
    result = save(records_copy, place, snap, dict(data, title=object()))
    assert isinstance(result, Failed) and result.reason
    assert place.path.read_bytes() == before


# -- a meeting that moves ------------------------------------------------------------------------


def moved_meeting(root, new_date: dt.date):
    """The meeting MOVED with a new date, as the editor has it: (place, snapshot, data, target)."""
    place = place_of_rel(root, MOVED)
    snap, baseline = read_record(place.path)
    data = dict(baseline, date=new_date)
    return place, snap, baseline, data


def test_a_move_rewrites_the_references_to_the_meeting(records_copy):
    unlock(records_copy / MOVED)
    unlock(records_copy / REFERRER)  # (not justerad: its references may change)
    before = (records_copy / MOVED).read_text(encoding="utf-8")
    referrer = (records_copy / REFERRER).read_text(encoding="utf-8")
    place, snap, baseline, data = moved_meeting(records_copy, dt.date(2023, 2, 24))
    target = moved_place(records_copy, place, baseline, data)
    assert target.rel == TARGET
    assert moved_place(records_copy, place, baseline, baseline) is None  # same date and organ: no move
    planned = plan_move(records_copy, load_archive(records_copy), place, target)
    assert [(r.rel, r.count) for r in planned.rewrites] == [(REFERRER, 1)]
    result = save(records_copy, place, snap, data, target, planned)
    assert isinstance(result, Saved) and result.place == target
    assert result.moved.old_rel == MOVED and [r.rel for r in result.moved.outcome.done] == [REFERRER]
    assert not (records_copy / MOVED).exists()
    after = (records_copy / TARGET).read_text(encoding="utf-8")
    assert after == before.replace("date = 2023-02-17\n", "date = 2023-02-24\n", 1)  # comments and all
    assert (records_copy / REFERRER).read_text(encoding="utf-8") == referrer.replace(
        'refs = ["styrelse/2023-02-17"]', 'refs = ["styrelse/2023-02-24"]', 1)
    assert [c for c in findings_of(records_copy, REFERRER) if c.startswith("FS2")] == []
    assert "FS320" not in findings_of(records_copy, TARGET)  # the place matches


def test_a_move_never_overwrites_a_file(records_copy):
    unlock(records_copy / MOVED)
    before = (records_copy / MOVED).read_bytes()
    place, snap, baseline, data = moved_meeting(records_copy, dt.date(2023, 2, 24))
    target = moved_place(records_copy, place, baseline, data)
    other = b'# ett annat m\xc3\xb6te\norgan = "styrelse"\n'
    (records_copy / TARGET).write_bytes(other)  # appears after the question
    result = save(records_copy, place, snap, data, target, None)
    assert isinstance(result, Conflict) and result.error.reason == "exists" and result.error.action == "move"
    assert result.message().startswith("Kunde inte flytta posten till")
    assert (records_copy / MOVED).read_bytes() == before and (records_copy / TARGET).read_bytes() == other


def test_a_locked_meeting_moved_through_a_correction_keeps_its_lock(records_copy):
    """Its reference to its own § is not rewritten after the rättelse fingerprinted the content."""
    old = records_copy / MOVED
    old.write_text(old.read_text(encoding="utf-8").replace(
        'refs = ["styrelse/2022-11-18"]', 'refs = ["styrelse/2022-11-18", "styrelse/2023-02-17/§1"]', 1),
        encoding="utf-8")
    relock(old)
    archive = load_archive(records_copy)
    place, snap, baseline, data = moved_meeting(records_copy, dt.date(2023, 2, 24))
    assert needs_correction(baseline, data)
    by = default_by(baseline, archive.persons)
    data = correct(data, Correction(dt.date(2023, 3, 1), by, "Mötesdatum rättat till 2023-02-24",
                                    "Fel datum i det justerade protokollet"))
    target = moved_place(records_copy, place, baseline, data)
    result = save(records_copy, place, snap, data, target, plan_move(records_copy, archive, place, target))
    assert isinstance(result, Saved) and result.place.rel == TARGET
    assert not old.exists()
    data = tomllib.loads((records_copy / TARGET).read_text(encoding="utf-8"))
    assert data["items"][3]["refs"] == ["styrelse/2022-11-18", "styrelse/2023-02-17/§1"]  # as fingerprinted
    assert data["corrections"][-1]["by"] == data["secretary"]  # the default: the meeting's secretary
    assert data["corrections"][-1]["fingerprint"] == fingerprint(data)
    codes = findings_of(records_copy, TARGET)
    assert "FS326" not in codes and "FS201" in codes  # the lock holds; the stale reference is a finding


# -- a new meeting, and §§ renumbered ------------------------------------------------------------


def test_a_new_meeting_from_the_previous_one_is_created_at_its_place(records_copy):
    archive = load_archive(records_copy)
    date = dt.date(2023, 12, 8)
    place = meeting_place(records_copy, "styrelse", date)
    data = new_meeting(archive, "styrelse", date)
    assert first_paragraph_number(archive, data) == 46 and first_paragraph_number(archive, {}) is None
    # its date changed before the first save: it is created at its new place, nothing at the old
    data["date"] = dt.date(2023, 12, 15)
    target = moved_place(records_copy, place, {}, data, is_new=True)
    assert target.rel == "moten/styrelse/2023/2023-12-15.toml"
    result = save(records_copy, target, None, data)
    assert isinstance(result, Saved) and not place.path.exists()
    written = tomllib.loads(target.path.read_text(encoding="utf-8"))
    assert written == data and written["state"] == "planerad"
    assert [(i["number"], i["title"]) for i in written["items"]] == [
        (46, "Mötets öppnande"), (47, "Val av justerare"), (48, "Godkännande av dagordning")]
    errors = [f for f in load_archive(records_copy).findings if f.file == target.rel and f.severity == "error"]
    assert errors == []
    plain = initial_data("meeting", organ="styrelse", date=date)
    assert plain == {"organ": "styrelse", "kind": "ordinarie", "date": date, "state": "planerad"}
    person = place_of(records_copy, "person", "anna-lindqvist")
    assert isinstance(save(records_copy, person, None, initial_data("person", name="Anna Lindqvist")), Saved)
    assert person.path.read_text(encoding="utf-8") == 'name = "Anna Lindqvist"\n'


def test_paragraphs_moved_and_removed_are_renumbered_and_saved_with_their_comments(records_copy):
    path = records_copy / BOARD
    unlock(path)
    before_text = path.read_text(encoding="utf-8")
    place = place_of_rel(records_copy, BOARD)
    snap, data = read_record(path)
    items = [dict(i) for i in data["items"]]
    numbers = [i["number"] for i in items]
    del items[3]  # §37 Föregående protokoll
    assert renumber("items", numbers, items)
    items, where = move_to(items, ("items", 8, "sub", 0), "under:9")  # §42 a) (was §43 a) under §43
    assert where == ("items", 9, "sub", 0)
    result = save(records_copy, place, snap, clean(dict(data, items=items), data))
    assert isinstance(result, Saved)
    after_text = path.read_text(encoding="utf-8")
    after = tomllib.loads(after_text)
    assert [i["number"] for i in after["items"]] == list(range(34, 45))
    assert "Föregående protokoll" not in [i["title"] for i in after["items"]]
    assert [s["letter"] for s in after["items"][8]["sub"]] == ["a"]
    assert after["items"][9]["sub"][0]["title"] == data["items"][9]["sub"][0]["title"]
    assert comments(after_text) == comments(before_text)

"""Locking a justerad meeting and recording a rättelse, in the core (``core/ops/lock``,
``core/ops/correct``): what ``finsam lock`` / ``finsam correct`` and the editor's "Spara och lås"
and rättelse dialog call. No screens; every test asserts the file on disk."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib

import pytest

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.check.protocol_lock import chain, fingerprint
from finsam_tui.core.export import protocol
from finsam_tui.core.ops.correct import (
    Correction,
    CorrectionRefused,
    changes,
    correct,
    correct_file,
    default_by,
    needs_correction,
    while_correcting,
)
from finsam_tui.core.ops.lock import ALREADY, LOCKED, LockRefused, lock_errors, lock_file, locked, may_change
from finsam_tui.core.ops.places import place_of_rel
from finsam_tui.core.ops.save import Saved, read_record, save

from .test_tui_editor import unlock

MEETING = "moten/styrelse/2023/2023-04-14.toml"  # anslagen, locked; secretary johanna-lilja
BOM = "\ufeff"
FIX = Correction(dt.date(2023, 5, 2), "johanna-lilja", "§12: rubriken kompletterad", "Ofullständig rubrik")


def without_fingerprint(root, rel: str = MEETING, bom: str = ""):
    """The meeting as justerad but not yet locked; (its path, its text as locked without a
    context: the fingerprint in its place, in the current formula)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.split("\n") if line.startswith("fingerprint = "))
    path.write_text(bom + "\n".join(line for line in text.split("\n") if line != old), encoding="utf-8")
    return path, text.replace(old, f'fingerprint = "{fingerprint(tomllib.loads(text))}"')


def retitled(root, rel: str = MEETING, bom: str = ""):
    """The locked meeting with §12's title changed by hand (FS326 until a rättelse); its path."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(bom + text.replace('title = "Mötets öppnande"', 'title = "Mötets öppnande och upprop"'),
                    encoding="utf-8")
    return path


def codes(root, rel: str = MEETING) -> list[str]:
    return [f.code for f in load_archive(root).findings if f.file == rel]


# -- locking ------------------------------------------------------------------------------------


def test_lock_writes_the_fingerprint_in_its_place_once(records_copy):
    path, locked_text = without_fingerprint(records_copy)
    assert codes(records_copy) == ["FS327"]
    outcome, snap = lock_file(path, [])
    assert outcome == LOCKED and snap.text == locked_text
    assert path.read_text(encoding="utf-8") == locked_text  # the same line, in the same place
    assert lock_file(path, [])[0] == ALREADY
    assert path.read_text(encoding="utf-8") == locked_text
    assert codes(records_copy) == []


def test_lock_keeps_a_byte_order_mark(records_copy):
    path, locked_text = without_fingerprint(records_copy, bom=BOM)
    assert lock_file(path, [])[0] == LOCKED
    assert path.read_bytes() == (BOM + locked_text).encode("utf-8")
    assert lock_file(path, [])[0] == ALREADY


def test_the_editors_save_and_lock_is_finsam_lock(records_copy, tmp_path):
    """Spara och lås (the data locked, then saved) writes the very bytes finsam lock writes."""
    path, locked_text = without_fingerprint(records_copy)
    other = tmp_path / "other"
    shutil.copytree(records_copy, other)
    snap, data = read_record(path)
    result = save(records_copy, place_of_rel(records_copy, MEETING), snap, locked(data, []))
    assert isinstance(result, Saved) and result.data["justering"]["fingerprint"] == fingerprint(data)
    lock_file(other / MEETING, [])
    assert path.read_bytes() == (other / MEETING).read_bytes() == locked_text.encode("utf-8")


def test_a_meeting_with_errors_is_not_locked(records_copy):
    rel = "moten/styrelse/2023/2023-06-09.toml"
    path, _ = without_fingerprint(records_copy, rel)
    path.write_text(path.read_text(encoding="utf-8").replace('adjusters = ["kjell-ivarsson"]',
                                                             'adjusters = ["jonas-frisk"]'), encoding="utf-8")
    before = path.read_bytes()
    errors = lock_errors(load_archive(records_copy).findings, rel)
    assert [f.code for f in errors] == ["FS302"]  # the adjuster was not there
    with pytest.raises(LockRefused) as refused:
        lock_file(path, errors)
    assert refused.value.reason == "errors" and refused.value.errors == errors
    with pytest.raises(LockRefused):
        locked(read_record(path)[1], errors)  # the editor's Spara och lås: the same refusal
    assert path.read_bytes() == before


def test_lock_refuses_a_meeting_not_justerad_and_one_changed_since(records_copy):
    path = records_copy / MEETING
    unlock(path)  # genomförd: held, not justerad
    before = path.read_bytes()
    with pytest.raises(LockRefused) as refused:
        lock_file(path, [])
    assert (refused.value.reason, refused.value.state) == ("not_adjusted", "genomförd")
    assert path.read_bytes() == before
    other = records_copy / "moten/styrelse/2023/2023-11-17.toml"
    other.write_text(other.read_text(encoding="utf-8").replace('place = "Folkets hus', 'place = "Stadshuset'),
                     encoding="utf-8")
    before = other.read_bytes()
    with pytest.raises(LockRefused) as refused:
        lock_file(other, [])
    assert refused.value.reason == "changed"  # a rättelse is needed, not a new lock
    assert other.read_bytes() == before


def test_the_errors_that_refuse_a_lock():
    findings = [Finding("FS302", MEETING, path=("adjusters",)), Finding("FS326", MEETING),
                Finding("FS327", MEETING), Finding("FS302", "moten/other.toml")]
    assert [f.code for f in lock_errors(findings, MEETING)] == ["FS302"]  # not FS326, nor a warning


def test_a_locked_meeting_may_change_only_its_state_anslag_and_task_follow_up():
    assert may_change(("place",), False, False) and may_change(("corrections", 0), False, False)
    assert not may_change(("place",), True, False) and not may_change(("items", 3, "title"), True, False)
    assert may_change(("state",), True, False) and may_change(("anslag", "removed"), True, False)
    assert may_change(("items", 3, "tasks", 0, "status"), True, False)  # a fact from a later meeting
    assert may_change(("items", 3, "title"), True, True)  # during a rättelse
    for path in (("corrections",), ("corrections", 0, "what"), ("justering", "fingerprint")):
        assert not may_change(path, True, True), path  # finsam writes those
    assert may_change(("justering", "date"), True, True)


# -- a rättelse ----------------------------------------------------------------------------------


def test_a_correction_records_date_by_whom_what_and_why(records_copy):
    text = (records_copy / MEETING).read_text(encoding="utf-8")
    path = retitled(records_copy)
    assert codes(records_copy) == ["FS326"]
    archive = load_archive(records_copy)
    correct_file(path, FIX, archive.persons)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text.split("\n", 1)[0])  # comments kept
    assert after.endswith('[[corrections]]\ndate = 2023-05-02\nby = "johanna-lilja"\n'
                          'what = "§12: rubriken kompletterad"\nwhy = "Ofullständig rubrik"\n'
                          f'fingerprint = "{fingerprint(tomllib.loads(after))}"\n'
                          f'chain = "{chain(tomllib.loads(after)["corrections"])}"\n')
    assert codes(records_copy) == []
    out = protocol(load_archive(records_copy), "styrelse/2023-04-14", "sv")
    assert "## Rättelser efter justering" in out
    assert "| 2023-05-02 | Johanna Lilja | §12: rubriken kompletterad | Ofullständig rubrik |" in out


def test_a_correction_keeps_a_byte_order_mark(records_copy):
    path = retitled(records_copy, bom=BOM)
    correct_file(path, FIX, None)
    raw = path.read_bytes()
    assert raw.startswith(BOM.encode("utf-8")) and raw.count(BOM.encode("utf-8")) == 1
    data = tomllib.loads(raw.decode("utf-8").removeprefix(BOM))
    assert data["corrections"][-1] == {"date": FIX.date, "by": FIX.by, "what": FIX.what, "why": FIX.why,
                                       "fingerprint": fingerprint(data), "chain": chain(data["corrections"])}
    assert codes(records_copy) == []


def test_a_correction_is_refused_without_a_person_a_lock_or_a_change(records_copy):
    path = records_copy / MEETING
    before = path.read_bytes()
    persons = load_archive(records_copy).persons
    for correction, reason in ((Correction(FIX.date, "nobody", "x", "y"), "unknown_person"),
                               (FIX, "unchanged")):
        with pytest.raises(CorrectionRefused) as refused:
            correct_file(path, correction, persons)
        assert refused.value.reason == reason
        assert path.read_bytes() == before
    without_fingerprint(records_copy)
    before = path.read_bytes()
    with pytest.raises(CorrectionRefused) as refused:
        correct_file(path, FIX, persons)
    assert refused.value.reason == "not_locked" and path.read_bytes() == before


def test_the_editors_correction_is_finsam_corrects(records_copy, tmp_path):
    """The rättelse dialog's answer, saved, writes the very bytes finsam correct writes."""
    other = tmp_path / "other"
    shutil.copytree(records_copy, other)
    path = records_copy / MEETING
    snap, baseline = read_record(path)
    data = tomllib.loads(retitled(other).read_text(encoding="utf-8"))  # the same change, made in the form
    assert needs_correction(baseline, data)
    assert not needs_correction(baseline, dict(baseline, state="justerad"))  # the state may change freely
    assert changes(baseline, data) == ["§12 › Rubrik"]
    assert changes(baseline, data, lang="en") == ["§12 › Title"]
    persons = load_archive(records_copy).persons
    assert default_by(baseline, persons) == "johanna-lilja"  # the secretary
    assert default_by(dict(baseline, secretary="nobody"), persons) is None
    result = save(records_copy, place_of_rel(records_copy, MEETING), snap, correct(data, FIX))
    assert isinstance(result, Saved)
    correct_file(other / MEETING, FIX, persons)
    assert path.read_bytes() == (other / MEETING).read_bytes()
    assert codes(records_copy) == []


def test_while_correcting_the_change_after_justering_is_not_a_finding():
    findings = [Finding("FS326", MEETING), Finding("FS105", MEETING, path=("start",))]
    assert [f.code for f in while_correcting(findings)] == ["FS105"]

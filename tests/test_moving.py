"""A meeting that moves to a new id: the references to it and its §§ follow (finsam_tui/core/ops/move.py).

A move killed at random moments (SIGKILL, FINSAM_MOVE_KILLS times, default 40) leaves every file
whole, the meeting at one place or both (never neither), and the hidden temp files it leaves are
removed by the next move; the figure is printed and repeated in the test summary.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import signal
import time
from pathlib import Path

import pytest

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.ops import move as moving

from .conftest import report_figure
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


# -- a move killed at any moment (#14, section 2) ---------------------------------------------------

KILLS = int(os.environ.get("FINSAM_MOVE_KILLS", "40"))
HOME, AWAY = OLD_REL, "moten/styrelse/2023/2023-01-13.toml"  # another year: two folders, both locked
HOME_ID, AWAY_ID = OLD, "styrelse/2023-01-13"
TEMP = re.compile(r"\.(?P<name>.+\.toml)\.[0-9a-f]{16}\.tmp")


def _texts(root: Path) -> dict[str, tuple[str, str]]:
    """The meeting at home and away, and its referrer naming each."""
    home = (root / HOME).read_text(encoding="utf-8")
    ref = (root / REFERRER).read_text(encoding="utf-8")
    return {"meeting": (home, home.replace("date = 2022-11-18", "date = 2023-01-13", 1)),
            "referrer": (ref, ref.replace(f'refs = ["{HOME_ID}"]', f'refs = ["{AWAY_ID}"]', 1))}


def _move_once(root: Path, texts) -> None:
    """Move the meeting to its other place, then its reference along (core/ops/move.apply), as a
    save of the editor with a new date does."""
    from finsam_tui.core.io.saving import move_record, read_snapshot

    there = (root / HOME).exists()
    src, dst = (HOME, AWAY) if there else (AWAY, HOME)
    snap = read_snapshot(root / src)
    move_record(root, src, dst, texts["meeting"][1 if there else 0], snap.sha256)
    ref = read_snapshot(root / REFERRER)
    moving.apply(root, moving.Plan([moving.Rewrite(REFERRER, ref, texts["referrer"][1 if there else 0], 1)]))


def _move_forever(root: str, texts, ready_fd: int, done) -> None:
    os.write(ready_fd, b"r")
    os.close(ready_fd)
    while True:
        _move_once(Path(root), texts)
        with done.get_lock():
            done.value += 1


def _temps(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.tmp"))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL") or "fork" not in multiprocessing.get_all_start_methods(),
                    reason="needs SIGKILL and fork (POSIX)")
def test_a_killed_move_leaves_every_file_whole_and_no_temp_file_after_the_next_move(records_copy):
    texts = _texts(records_copy)
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(int(os.environ.get("FINSAM_SEED", "0")) or 14)
    temps_seen = both = moved = 0
    started = time.monotonic()
    _move_once(records_copy, texts)  # how long a move takes here (there and back)
    _move_once(records_copy, texts)
    span = (time.monotonic() - started) / 2
    done = ctx.Value("l", 0)
    for _ in range(KILLS):
        ready_r, ready_w = os.pipe()
        child = ctx.Process(target=_move_forever, args=(str(records_copy), texts, ready_w, done), daemon=True)
        child.start()
        os.close(ready_w)
        assert os.read(ready_r, 1) == b"r"
        os.close(ready_r)
        # At once, within the first move, or after a few.
        time.sleep(rng.choice((0.0, rng.uniform(0, span), rng.uniform(0, 4 * span))))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        # Every file whole: the meeting at home, away or (killed between the two) both, never neither.
        places = [rel for rel in (HOME, AWAY) if (records_copy / rel).exists()]
        assert places, "a killed move left the meeting nowhere"
        for rel in places:
            assert (records_copy / rel).read_text(encoding="utf-8") in texts["meeting"]
        assert (records_copy / REFERRER).read_text(encoding="utf-8") in texts["referrer"]
        temps = _temps(records_copy)
        for t in temps:
            m = TEMP.fullmatch(t.name)
            assert m and m["name"] in {Path(r).name for r in (HOME, AWAY, REFERRER)}, t
        temps_seen += len(temps)
        moved += places != [HOME]
        if len(places) == 2:  # the user removes the one left behind (a new move refuses to overwrite)
            both += 1
            (records_copy / (HOME if (records_copy / AWAY).read_text(encoding="utf-8") == texts["meeting"][1]
                             else AWAY)).unlink()
    left = len(_temps(records_copy))
    _move_once(records_copy, texts)  # the next run
    assert _temps(records_copy) == [], "the next move left the temp files of killed moves behind"
    assert done.value, "no move was ever done before a kill: the kills tested nothing"
    elapsed = time.monotonic() - started
    report_figure("moves", f"moves killed: {KILLS}, hidden temp files after the last kill: {left} (after any "
                           f"kill: {temps_seen}; all removed by the next move), meeting left at both places: "
                           f"{both}, at neither: 0; moves done between kills: {done.value}, meeting away when "
                           f"killed: {moved} ({elapsed:.1f} s; FINSAM_MOVE_KILLS={KILLS})")

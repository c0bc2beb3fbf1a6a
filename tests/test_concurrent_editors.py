"""Concurrent editors: two processes change the same record; in every interleaving the
second save is refused with a clear message and no update is lost.

Two persistent editor processes (forked once, driven through pipes) each take a snapshot
of the same person record and save their own change (editor A the title, editor B the
organisation) through finsam_tui.core.io.saving. The test runs at least 1,000 interleavings
(FINSAM_INTERLEAVINGS raises it), of three sorts, chosen at random:

* ordered: the four steps (A snapshot, B snapshot, A save, B save) in a random order
  that keeps each snapshot before its save; the second save is refused exactly when its
  snapshot was taken before the first save;
* simultaneous: both snapshots, then both saves released together by a barrier;
* jittered: both snapshots, then both saves after small random delays.

After each: the file parses; its content is exactly the expected text (the winner's; when
the second editor saw the first's change, both changes); the loser's text never replaced
it; the refusal is a SaveConflict whose message names the file. The figure is printed and
repeated in the test summary.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import time
import tomllib
from pathlib import Path

import pytest

from finsam_tui.core.io.saving import SaveConflict, read_snapshot, save_text
from finsam_tui.core.io.tomledit import update_text

from .conftest import RECORDS, report_figure

INTERLEAVINGS = int(os.environ.get("FINSAM_INTERLEAVINGS", "1000"))
RECORD = "personer/annika-berglof.toml"
FIELDS = {"A": "title", "B": "organisation"}

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def edited(text: str, field: str, value: str) -> str:
    return update_text(text, dict(tomllib.loads(text), **{field: value}))


def _editor(conn, barrier, field: str) -> None:
    """One editor process: ("snap", path) | ("save", value, delay, together) | ("stop",)."""
    snap = None
    while True:
        msg = conn.recv()
        if msg[0] == "stop":
            return
        if msg[0] == "snap":
            snap = read_snapshot(Path(msg[1]))
            conn.send(snap.text)
            continue
        _, value, delay, together = msg
        new = edited(snap.text, field, value)  # the edit is made before the race starts
        if together:
            barrier.wait(timeout=30)
        if delay:
            time.sleep(delay)
        try:
            save_text(snap.path, new, snap.sha256)
            conn.send(("saved", new, None))
        except SaveConflict as exc:
            conn.send(("refused", new, {"message": str(exc), "sv": exc.message_sv, "reason": exc.reason,
                                        "path": str(exc.path)}))


class Editors:
    def __init__(self):
        ctx = multiprocessing.get_context("fork")
        self.barrier = ctx.Barrier(2)
        self.conns = {}
        self.procs = []
        for name, field in FIELDS.items():
            parent, child = ctx.Pipe()
            p = ctx.Process(target=_editor, args=(child, self.barrier, field), daemon=True)
            p.start()
            child.close()
            self.conns[name] = parent
            self.procs.append(p)

    def snap(self, name: str, path: Path) -> str:
        self.conns[name].send(("snap", str(path)))
        return self.conns[name].recv()

    def send_save(self, name: str, value: str, delay: float = 0.0, together: bool = False) -> None:
        self.conns[name].send(("save", value, delay, together))

    def result(self, name: str):
        return self.conns[name].recv()

    def close(self) -> None:
        for conn in self.conns.values():
            conn.send(("stop",))
        for p in self.procs:
            p.join(timeout=10)


@pytest.fixture
def editors():
    e = Editors()
    yield e
    e.close()


@pytest.fixture
def record(tmp_path) -> Path:
    path = tmp_path / RECORD
    path.parent.mkdir(parents=True)
    path.write_bytes((RECORDS / RECORD).read_bytes())
    return path


def _assert_refusal(info: dict, path: Path) -> None:
    assert info["reason"] == "changed"
    assert info["path"] == str(path)
    assert str(path) in info["message"] and str(path) in info["sv"]
    assert "changed on disk" in info["message"] and "Your changes have not been saved" in info["message"]


def test_two_editors_in_random_interleavings(editors, record):
    rng = random.Random(int(os.environ.get("FINSAM_SEED", "0")) or None)
    counts = {"ordered": 0, "simultaneous": 0, "jittered": 0}
    wins = {"A": 0, "B": 0}
    refused = lost = 0
    started = time.monotonic()
    for i in range(INTERLEAVINGS):
        values = {"A": f"titel {i}", "B": f"organisation {i}"}
        mode = rng.choice(("ordered", "ordered", "simultaneous", "jittered"))
        counts[mode] += 1
        results: dict[str, tuple] = {}
        snapped: dict[str, str] = {}
        if mode == "ordered":
            steps = ["snap A", "snap B", "save A", "save B"]
            while True:
                rng.shuffle(steps)
                if steps.index("snap A") < steps.index("save A") and steps.index("snap B") < steps.index("save B"):
                    break
            first_save = None
            expect_refused = None
            for step in steps:
                kind, name = step.split()
                if kind == "snap":
                    snapped[name] = editors.snap(name, record)
                else:
                    editors.send_save(name, values[name])
                    results[name] = editors.result(name)
                    if first_save is None:
                        first_save = name
                    else:
                        # the second save is refused exactly when its snapshot predates the first save
                        saw_first = steps.index(f"snap {name}") > steps.index(f"save {first_save}")
                        expect_refused = None if saw_first else name
            order = [s.split()[1] for s in steps if s.startswith("save")]
        else:
            for name in rng.sample(["A", "B"], 2):
                snapped[name] = editors.snap(name, record)
            together = mode == "simultaneous"
            for name in rng.sample(["A", "B"], 2):
                delay = 0.0 if together else rng.choice((0.0, rng.uniform(0, 0.002), rng.uniform(0, 0.006)))
                editors.send_save(name, values[name], delay, together)
            for name in ("A", "B"):
                results[name] = editors.result(name)
            expect_refused = "either"
            order = None

        saved = [n for n in ("A", "B") if results[n][0] == "saved"]
        refusals = [n for n in ("A", "B") if results[n][0] == "refused"]
        final = record.read_text(encoding="utf-8")
        tomllib.loads(final)  # writes never interleave: the file always parses
        for n in refusals:
            _assert_refusal(results[n][2], record)
            assert final != results[n][1], "a refused save was written"
        if expect_refused is None:  # the second editor saw the first's change: both kept
            assert saved == ["A", "B"] and not refusals
            data = tomllib.loads(final)
            assert data[FIELDS["A"]] == values["A"] and data[FIELDS["B"]] == values["B"]
            assert final == results[order[1]][1]
        else:
            assert len(saved) == 1 and len(refusals) == 1, results
            if expect_refused != "either":
                assert refusals == [expect_refused]
            winner, loser = saved[0], refusals[0]
            refused += 1
            wins[winner] += 1
            if final != results[winner][1]:
                lost += 1
            data = tomllib.loads(final)
            assert data[FIELDS[winner]] == values[winner]
            assert data.get(FIELDS[loser]) != values[loser], "the refused change leaked into the file"
            assert final == edited(snapped[winner], FIELDS[winner], values[winner])
    assert lost == 0
    assert wins["A"] and wins["B"], wins  # both sides won races: the interleavings really varied
    # finsam against finsam is settled by the lock: never a conflict copy, never a temp file left
    assert sorted(p.name for p in record.parent.iterdir()) == [record.name]
    elapsed = time.monotonic() - started
    report_figure("concurrent", f"interleavings: {INTERLEAVINGS}, refused: {refused}, lost updates: {lost} "
                                f"({counts['ordered']} ordered, {counts['simultaneous']} simultaneous, "
                                f"{counts['jittered']} jittered; wins A {wins['A']} / B {wins['B']}; "
                                f"{elapsed:.1f} s; FINSAM_INTERLEAVINGS={INTERLEAVINGS})")


def test_an_editor_writing_between_snapshot_and_save_is_never_overwritten(editors, record):
    """The TUI (an editor process here) holds a snapshot; someone changes the file with a plain
    editor (in place, or by writing a new file and renaming it, as vim and git do) or removes
    it. The TUI's save is refused and the other change is kept."""
    rng = random.Random(7)
    plain_writes = ("in place", "rename", "append", "truncate", "delete")
    refused = 0
    for i in range(60):
        editors.snap("A", record)
        how = plain_writes[i % len(plain_writes)]
        current = record.read_text(encoding="utf-8")
        outside = edited(current, "email", f"extern{i}@example.se")
        if how == "in place":
            with open(record, "w", encoding="utf-8") as f:
                f.write(outside)
        elif how == "rename":
            tmp = record.with_name(f"{record.name}.swp")
            tmp.write_text(outside, encoding="utf-8")
            os.replace(tmp, record)
        elif how == "append":
            outside = current + f"# kommentar {i}\n"
            with open(record, "a", encoding="utf-8") as f:
                f.write(f"# kommentar {i}\n")
        elif how == "truncate":
            outside = ""
            record.write_text("", encoding="utf-8")
        else:
            outside = None
            record.unlink()
        if rng.random() < 0.5:
            time.sleep(0.001)
        editors.send_save("A", f"titel {i}")
        status, mine, info = editors.result("A")
        assert status == "refused", how
        refused += 1
        assert str(record) in info["message"]
        if outside is None:
            assert info["reason"] == "missing" and not record.exists()
            record.write_text(current, encoding="utf-8")
        else:
            assert info["reason"] == "changed"
            assert record.read_text(encoding="utf-8") == outside != mine
            if how == "truncate":
                record.write_text(current, encoding="utf-8")
    report_figure("editor", f"TUI vs plain editor: {refused} saves after an outside change, refused: {refused}, "
                            f"outside changes kept: {refused}")


def test_same_bytes_written_by_another_program_do_not_block_a_save(editors, record):
    """Only a change of content is a conflict: a program rewriting the same bytes (touch, a
    checkout of the same version) leaves the snapshot valid."""
    snap = editors.snap("A", record)
    record.write_text(snap, encoding="utf-8")
    editors.send_save("A", "ny titel")
    status, mine, _ = editors.result("A")
    assert status == "saved" and record.read_text(encoding="utf-8") == mine


def test_threads_of_one_process_are_serialised_too(record):
    """The in-process lock: many threads saving from the same snapshot, exactly one wins."""
    import threading

    snap = read_snapshot(record)
    outcomes = []
    start = threading.Barrier(8)

    def save(n):
        start.wait()
        try:
            save_text(record, edited(snap.text, "title", f"tråd {n}"), snap.sha256)
            outcomes.append(("saved", n))
        except SaveConflict:
            outcomes.append(("refused", n))

    threads = [threading.Thread(target=save, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [n for s, n in outcomes if s == "saved"]
    assert len(winners) == 1 and len(outcomes) == 8
    assert tomllib.loads(record.read_text(encoding="utf-8"))["title"] == f"tråd {winners[0]}"

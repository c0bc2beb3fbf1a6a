"""Other programs write a record while finsam saves it: not one of their edits is lost.

An editor, ``git pull`` or a sync client takes no lock of finsam's. Here a finsam process
saves one person record in a loop (read a snapshot, change its title, ``save_text`` naming the
snapshot's hash; a refusal is simply retried), as fast as it can, while this process — the
other program — changes the same file from outside, each change carrying a marker line of its
own (``# extern N``), in one of two ways chosen at random:

* by rename, as vim, sed -i, git and sync clients do: read the file, write a new file with the
  marker added, ``os.replace`` it onto the record;
* by append, as a log writer or ``echo >>`` does: open the record for appending, write the line.

After the run every marker must be in the record or in a conflict copy next to it
(``<name>.konflikt-<YYYYMMDD-HHMMSS>.toml``, which finsam keeps when it displaced a version it
had not seen); every file must parse. The figure (outside edits, lost, conflict copies, finsam
saves) is printed and repeated in the test summary.

Two runs. Paced, like a person saving in an editor, only much faster (a pause of 0 to
``FINSAM_OUTSIDE_PACE_MS`` milliseconds, default 4, between outside writes;
``FINSAM_OUTSIDE_WRITES`` writes, default 250): finsam's saves get through between the outside
writes, and some land in the very moment of one. Under stress (``FINSAM_OUTSIDE_STRESS_WRITES``
rounds, default 150): every finsam save races one outside write, both started together after
random delays, so that the write lands at every point of the save.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import time
import tomllib
from pathlib import Path

import pytest

from finsam_tui.core.io.saving import SaveConflict, read_snapshot, save_text

from .conftest import RECORDS, report_figure

WRITES = int(os.environ.get("FINSAM_OUTSIDE_WRITES", "250"))
PACE_MS = float(os.environ.get("FINSAM_OUTSIDE_PACE_MS", "4"))
STRESS_WRITES = int(os.environ.get("FINSAM_OUTSIDE_STRESS_WRITES", "150"))
RECORD = "personer/annika-berglof.toml"
MARKER = re.compile(r"^# extern (\d+)$", re.MULTILINE)
TITLE = re.compile(r'^title = ".*"$', re.MULTILINE)

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


def _finsam_saves(path: str, stop, counts) -> None:
    """The finsam side: save a new title from a fresh snapshot, again and again, until stopped.
    counts: [saved, refused, kept a copy]."""
    n = 0
    path = Path(path)
    ready = False
    while not stop.is_set():
        try:
            snap = read_snapshot(path)
        except (OSError, UnicodeDecodeError):  # (between an outside program's steps)
            continue
        n += 1
        new = TITLE.sub(f'title = "förbundschef {n}"', snap.text, count=1)
        try:
            save_text(path, new, snap.sha256)
            counts[0] += 1
        except SaveConflict as exc:
            if getattr(exc, "copy", None) is not None:
                counts[2] += 1
            else:
                counts[1] += 1
        if not ready:
            ready = True
            counts[3] = 1


def _conflict_copies(folder: Path, name: str) -> list[Path]:
    stem = name[: -len(".toml")]
    return sorted(p for p in folder.iterdir() if re.fullmatch(re.escape(stem) + r"\.konflikt-\d{8}-\d{6}(-\d+)?\.toml",
                                                              p.name))


def _race(tmp_path: Path, writes: int, pace_ms: float, seed: int) -> dict:
    path = tmp_path / RECORD
    path.parent.mkdir(parents=True)
    path.write_bytes((RECORDS / RECORD).read_bytes())
    ctx = multiprocessing.get_context("fork")
    stop = ctx.Event()
    counts = ctx.Array("l", 4)
    saver = ctx.Process(target=_finsam_saves, args=(str(path), stop, counts), daemon=True)
    saver.start()
    rng = random.Random(int(os.environ.get("FINSAM_SEED", "0")) or seed)
    how = {"rename": 0, "append": 0}
    started = time.monotonic()
    try:
        deadline = time.monotonic() + 30
        while not counts[3] and time.monotonic() < deadline:  # the saver is saving
            time.sleep(0.001)
        for n in range(writes):
            line = f"# extern {n}\n"
            if rng.random() < 0.5:
                how["rename"] += 1
                swap = path.with_name(f"{path.name}.swp")  # (vim's way; any name finsam does not read)
                current = path.read_text(encoding="utf-8")
                swap.write_text(current + line, encoding="utf-8")
                os.replace(swap, path)
            else:
                how["append"] += 1
                with open(path, "a", encoding="utf-8") as f:
                    f.write(line)
            if pace_ms:
                time.sleep(rng.uniform(0, pace_ms / 1000))
    finally:
        stop.set()
        saver.join(30)
    elapsed = time.monotonic() - started
    copies = _conflict_copies(path.parent, path.name)
    kept: set[int] = set()
    for p in [path, *copies]:
        text = p.read_text(encoding="utf-8")
        tomllib.loads(text)  # every file whole
        kept.update(int(m) for m in MARKER.findall(text))
    lost = sorted(set(range(writes)) - kept)
    return {"writes": writes, "lost": lost, "copies": len(copies), "saved": counts[0], "refused": counts[1],
            "copied": counts[2], "how": how, "elapsed": elapsed}


def _figure(r: dict, pace: str) -> str:
    return (f"outside edits ({pace}): {r['writes']} ({r['how']['rename']} by rename, {r['how']['append']} by append), "
            f"lost: {len(r['lost'])}, kept in conflict copies: {r['copies']} files; finsam saves: {r['saved']} "
            f"written, {r['refused']} refused, {r['copied']} written with a conflict copy ({r['elapsed']:.1f} s)")


def _check(r: dict) -> None:
    assert r["saved"] + r["copied"] > 0, "finsam never saved: the race tested nothing"
    assert r["lost"] == [], f"outside edits lost: {r['lost'][:20]}"
    assert r["copies"] == r["copied"], "a conflict copy that no save reported, or a report without its copy"


def test_outside_edits_at_a_human_pace_are_never_lost(tmp_path):
    r = _race(tmp_path, WRITES, PACE_MS, seed=14)
    report_figure("outside-paced", _figure(r, f"pause 0–{PACE_MS:g} ms, FINSAM_OUTSIDE_WRITES={WRITES}"))
    _check(r)


def _saver_rounds(conn) -> None:
    """The finsam side of a stress round: ("snap", path) takes a snapshot; ("save", delay) saves a
    new title from it after delay seconds and answers "saved", "refused" or "copied"."""
    snap = None
    while True:
        msg = conn.recv()
        if msg[0] == "stop":
            return
        if msg[0] == "snap":
            snap = read_snapshot(Path(msg[1]))
            conn.send("ok")
            continue
        time.sleep(msg[1])
        new = TITLE.sub(f'title = "förbundschef {time.monotonic_ns()}"', snap.text, count=1)
        started = time.monotonic()
        try:
            save_text(snap.path, new, snap.sha256)
            outcome = "saved"
        except SaveConflict as exc:
            outcome = "copied" if getattr(exc, "copy", None) is not None else "refused"
        conn.send((outcome, time.monotonic() - started))


def test_outside_edits_under_stress_are_never_lost(tmp_path):
    """Every round is a race: finsam takes a snapshot, then finsam's save and the outside write
    start together, the outside write after a random delay of up to one and a half times the time a save
    takes here (measured first), so that it lands before finsam's check, during its write, in
    the moment of the replace, or after it."""
    path = tmp_path / RECORD
    path.parent.mkdir(parents=True)
    path.write_bytes((RECORDS / RECORD).read_bytes())
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    saver = ctx.Process(target=_saver_rounds, args=(child,), daemon=True)
    saver.start()
    child.close()
    rng = random.Random(int(os.environ.get("FINSAM_SEED", "0")) or 41)
    took = []
    for _ in range(11):  # how long a save takes here, without an outside write
        parent.send(("snap", str(path)))
        assert parent.recv() == "ok"
        parent.send(("save", 0.0))
        outcome, seconds = parent.recv()
        assert outcome == "saved"
        took.append(seconds)
    span = 1.5 * sorted(took)[len(took) // 2]
    outcomes = {"saved": 0, "refused": 0, "copied": 0}
    how = {"rename": 0, "append": 0}
    started = time.monotonic()
    try:
        for n in range(STRESS_WRITES):
            parent.send(("snap", str(path)))
            assert parent.recv() == "ok"
            parent.send(("save", 0.0))
            time.sleep(rng.uniform(0, span))
            line = f"# extern {n}\n"
            if rng.random() < 0.5:
                how["rename"] += 1
                swap = path.with_name(f"{path.name}.swp")
                swap.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
                os.replace(swap, path)
            else:
                how["append"] += 1
                with open(path, "a", encoding="utf-8") as f:
                    f.write(line)
            outcomes[parent.recv()[0]] += 1
    finally:
        parent.send(("stop",))
        saver.join(30)
    elapsed = time.monotonic() - started
    copies = _conflict_copies(path.parent, path.name)
    kept: set[int] = set()
    for p in [path, *copies]:
        text = p.read_text(encoding="utf-8")
        tomllib.loads(text)
        kept.update(int(m) for m in MARKER.findall(text))
    r = {"writes": STRESS_WRITES, "lost": sorted(set(range(STRESS_WRITES)) - kept), "copies": len(copies),
         "saved": outcomes["saved"], "refused": outcomes["refused"], "copied": outcomes["copied"], "how": how,
         "elapsed": elapsed}
    report_figure("outside-stress", _figure(r, f"every save racing one, delays 0–{span * 1000:.1f} ms, "
                                               f"FINSAM_OUTSIDE_STRESS_WRITES={STRESS_WRITES}"))
    assert outcomes["saved"] and outcomes["refused"], outcomes  # the writes landed on both sides of the saves
    _check(r)

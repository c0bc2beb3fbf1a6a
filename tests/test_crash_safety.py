"""Crash safety: a process saving records is SIGKILLed at random moments; every file is
always whole (its old or its new content, never a mix), and what a killed save leaves
behind is never mistaken for a record.

A child process (tests/crash_child.py, forked so a restart costs milliseconds) saves five
record files in a loop through finsam_tui.core.io.saving.save_text, each alternating between two
valid contents and naming the snapshot's hash. The parent kills it with SIGKILL after a
random delay, checks the folder, and starts a new child — at least 200 times
(FINSAM_KILLS raises it). The figure is printed and repeated in the test summary.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import shutil
import signal
import time
import tomllib
from pathlib import Path

import pytest

from finsam_tui.core.check import cache
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.io.saving import read_snapshot, save_text
from finsam_tui.core.io.scan import scan_files
from finsam_tui.core.io.tomledit import update_text

from . import crash_child
from .conftest import RECORDS, beyond_the_example, report_figure

KILLS = int(os.environ.get("FINSAM_KILLS", "200"))
TEMP_RE = re.compile(r"\.(?P<name>.+\.toml)\.[0-9a-f]{16}\.tmp")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or "fork" not in multiprocessing.get_all_start_methods(),
                                reason="needs SIGKILL and fork (POSIX)")


def _variants(root: Path) -> dict[Path, tuple[str, str]]:
    """Five record files, each with two valid contents: as bundled, and changed (the change
    makes some files much longer, so that a kill can land in the middle of writing them)."""
    long_text = "\n".join(f"Rad {i}: uppföljning av insatsen, deltagarnas väg till arbete eller studier."
                          for i in range(1000))
    changes = {
        "forbund.toml": {"address": "Storgatan 1, Björkvik"},
        "personer/annika-berglof.toml": {"title": "förbundschef (tf)"},
        "organisationer/bjorkvik.toml": {"short": "Björkviks k"},
        "insatser/samordningsteamet.toml": {"description": long_text},
        "budgetar/2023.toml": {"note": long_text[: len(long_text) // 2]},
    }
    out = {}
    for rel, change in changes.items():
        path = root / rel
        old = path.read_text(encoding="utf-8")
        new = update_text(old, dict(tomllib.loads(old), **change))
        assert new != old and tomllib.loads(new)
        out[path] = (old, new)
    return out


def _temps(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.name.endswith(".tmp"))


def _check_folder(root: Path, variants: dict[Path, tuple[str, str]], cached: bool = False) -> tuple[int, list[Path]]:
    """Every file whole and parseable; leftovers named so the loader ignores them and
    validation says nothing about them. Returns (files in their new state, temp files).
    cached: validate through the cache, which reads again every file whose size or time
    changed and every file changed in the last two seconds (cache.RACY_NS): all the saves'."""
    new_state = 0
    for path, (old, new) in variants.items():
        data = path.read_bytes()
        text = data.decode("utf-8")
        tomllib.loads(text)
        assert text in (old, new), f"{path.name}: neither the old nor the new content ({len(data)} bytes)"
        new_state += text == new
    temps = _temps(root)
    assert not list(root.rglob("*.konflikt-*")), "a conflict copy with no other program writing: a false alarm"
    for t in temps:
        m = TEMP_RE.fullmatch(t.name)
        assert m and t.name.startswith("."), f"unexpected leftover {t}"
        assert (t.parent / m.group("name")) in variants, f"leftover of an unknown record: {t}"
    listed = scan_files(root)
    assert not any(Path(rel).name.startswith(".") or rel.endswith(".tmp") for rel in listed)
    result = cache.run(root) if cached else load_archive(root)
    found = beyond_the_example(result.findings, lines=False)  # the padded files move their lines
    assert found == [], [f"{f.file}:{f.line} {f.code}" for f in found]
    assert result.files_checked == len(listed)
    return new_state, temps


def test_sigkill_during_saves_leaves_every_file_whole(tmp_path):
    root = tmp_path / "records"
    shutil.copytree(RECORDS, root, ignore=shutil.ignore_patterns(".finsam-cache"))
    variants = _variants(root)
    jobs = [(str(p), old, new) for p, (old, new) in variants.items()]
    ctx = multiprocessing.get_context("fork")
    rng = random.Random(int(os.environ.get("FINSAM_SEED", "0")) or None)

    kills = 0
    temps_seen = 0
    flips = 0
    previous = {p: old for p, (old, _new) in variants.items()}
    started = time.monotonic()
    while kills < KILLS:
        ready_r, ready_w = os.pipe()
        child = ctx.Process(target=crash_child.save_forever, args=(jobs, ready_w), daemon=True)
        child.start()
        os.close(ready_w)
        assert os.read(ready_r, 1) == b"r"
        os.close(ready_r)
        # Mostly within the first few saves; now and then at once or after many.
        delay = rng.choice((0.0, rng.uniform(0, 0.004), rng.uniform(0, 0.015), rng.uniform(0.015, 0.06)))
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL
        kills += 1

        _new_state, temps = _check_folder(root, variants, cached=True)
        temps_seen += len(temps)
        for path in variants:
            text = path.read_text(encoding="utf-8")
            flips += text != previous[path]
            previous[path] = text

    left = len(_temps(root))
    assert flips > 0, "the child never completed a save: the kills tested nothing"
    # The next successful save of a record removes what killed saves of it left behind.
    for path in variants:
        snap = read_snapshot(path)
        save_text(path, snap.text, snap.sha256)
    assert _temps(root) == []
    _check_folder(root, variants)
    elapsed = time.monotonic() - started
    report_figure("crash", f"kills survived: {kills}, hidden temp files after the last kill: {left} "
                           f"(after any kill: {temps_seen}; never read, all removed by the next saves; "
                           f"files changed between kills: {flips}; {elapsed:.1f} s; FINSAM_KILLS={KILLS})")


def test_next_save_removes_only_stale_temps_of_the_same_record(tmp_path):
    path = tmp_path / "personer" / "anna.toml"
    path.parent.mkdir()
    path.write_text('name = "Anna"\n', encoding="utf-8")
    stale = [path.parent / ".anna.toml.0123456789abcdef.tmp", path.parent / ".anna.toml.fedcba9876543210.tmp"]
    kept = [
        path.parent / ".anna.toml.tmp",  # not our pattern
        path.parent / ".anna.toml.0123456789ABCDEF.tmp",  # not lowercase hex
        path.parent / ".anna.toml.0123.tmp",  # too short
        path.parent / ".berit.toml.0123456789abcdef.tmp",  # another record's
        path.parent / "anna.toml.0123456789abcdef.tmp",  # no leading dot
        path.parent / ".anna.toml.0123456789abcdef.tmp.bak",
    ]
    for p in stale + kept:
        p.write_text("half a record", encoding="utf-8")
    snap = read_snapshot(path)
    save_text(path, 'name = "Anna Ek"\n', snap.sha256)
    assert path.read_text(encoding="utf-8") == 'name = "Anna Ek"\n'
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in kept)


def test_stale_temp_that_is_a_directory_or_symlink_is_left_alone(tmp_path):
    path = tmp_path / "anna.toml"
    path.write_text('name = "Anna"\n', encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    folder = tmp_path / ".anna.toml.0123456789abcdef.tmp"
    folder.mkdir()
    link = tmp_path / ".anna.toml.fedcba9876543210.tmp"
    link.symlink_to(outside)
    snap = read_snapshot(path)
    save_text(path, 'name = "Anna Ek"\n', snap.sha256)
    assert folder.is_dir() and link.is_symlink()
    assert outside.read_text(encoding="utf-8") == "keep"


def test_a_temp_file_left_in_the_records_folder_is_not_read(records_copy):
    target = records_copy / "personer" / ".annika-berglof.toml.0123456789abcdef.tmp"
    target.write_text('name = "halv', encoding="utf-8")  # half a record: a syntax error if it were read
    archive = load_archive(records_copy)
    assert beyond_the_example(archive.findings) == []
    assert not any(".tmp" in rel for rel in scan_files(records_copy))

"""One pipeline, with and without the cache: the same findings on every rule fixture and on
the bundled records, whether the cache is cold, updated after an edit, warm, or asked for
the archive, and whether the files are read in one process or on a pool."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from finsam_tui.core.check import cache, stages
from finsam_tui.core.check.pipeline import load_archive

from .test_cache import age
from .test_rules import BASE, fixture_dirs
from .unreadable import listed, unreadable


def key(findings) -> list[tuple]:
    return sorted((f.code, f.file, f.line, f.column, f.message("sv"), f.hint("en"), f.source_line,
                   tuple((p.file, p.line, p.column) for p in f.related)) for f in findings)


def records_of(archive) -> list[tuple]:
    return [(r.rel, r.kind, r.id, r.data) for r in archive.records]


def overlay(fixture: Path, root: Path) -> list[str]:
    """Apply a rule fixture to a copy of base in place, as an edit would: the files it changes."""
    changed = []
    delete = fixture / "_delete.txt"
    if delete.exists():
        for raw in delete.read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.strip().startswith("#"):
                (root / raw.strip()).unlink()
    for src in sorted(fixture.rglob("*")):
        rel = src.relative_to(fixture)
        if src.is_file() and not rel.name.startswith("_") and rel != Path("expected.txt"):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, root / rel)
            changed.append(rel.as_posix())
    return changed


def assert_agree(root: Path, truth, need_archive: bool = False, reparsed: int | None = None) -> None:
    """A run through the cache gives what the run without it gave (truth: load_archive's archive)."""
    result = cache.run(root, need_archive=need_archive)
    assert result.used_cache
    if reparsed is not None:
        assert result.reparsed == reparsed
    assert key(result.findings) == key(truth.findings)
    assert result.files_checked == truth.files_checked and result.settings == truth.settings
    if need_archive:
        assert records_of(result.archive) == records_of(truth)
        assert key(result.archive.findings) == key(truth.findings)


@pytest.fixture(scope="module")
def warm_base(tmp_path_factory) -> Path:
    """A copy of the fixtures' base with a warm cache; shared, never changed. (A copy of it is
    not warm: its files have new inodes and ctimes, so its first run reads every file again.)"""
    root = shutil.copytree(BASE, tmp_path_factory.mktemp("warm") / "records")
    age(root)
    assert cache.run(root).reparsed == len(list(root.rglob("*.toml")))
    return root


@pytest.mark.parametrize("fixture", fixture_dirs(), ids=lambda p: p.name)
def test_rule_fixture_cached_and_uncached_agree(fixture: Path, tmp_path: Path, warm_base: Path):
    # base through the cache, then the fixture applied as an edit: the changed files read again
    root = shutil.copytree(warm_base, tmp_path / "records")
    assert cache.run(root).reparsed == len(list(root.rglob("*.toml")))  # a copy: every file read once
    changed = overlay(fixture, root)
    if changed:
        age(root, *changed, seconds=5)
    with unreadable(root, *listed(fixture)):  # (a folder that cannot be listed is read as one entry)
        truth = load_archive(root)
        assert truth.findings, fixture.name  # every fixture breaks a rule
        assert_agree(root, truth, reparsed=len(changed) + len(listed(fixture)))
        assert_agree(root, truth, reparsed=0)  # warm: the stored findings as they are
        assert_agree(root, truth, need_archive=True, reparsed=0)  # every stored result and record


@pytest.mark.parametrize("pool", [False, True], ids=["one-process", "pool"])
def test_bundled_records_cached_and_uncached_agree(records_copy: Path, monkeypatch, pool: bool):
    if pool:  # every file read on a pool of processes, as for a large archive
        monkeypatch.setattr(stages, "POOL_MIN_FILES", 1)
    age(records_copy)
    truth = load_archive(records_copy)
    assert_agree(records_copy, truth, need_archive=True, reparsed=truth.files_checked)  # cold: every file
    assert_agree(records_copy, truth, reparsed=0)
    # a broken meeting and a changed person (the context): local rules of every record again
    meeting = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace('start = "09:00"', 'start = "12:00"'),
                       encoding="utf-8")
    person = records_copy / "personer/tomas-viden.toml"
    person.write_text(person.read_text(encoding="utf-8").replace('role = "ersättare"', 'role = "revisor"'),
                      encoding="utf-8")
    age(records_copy, "moten/styrelse/2023/2023-04-14.toml", "personer/tomas-viden.toml", seconds=5)
    truth = load_archive(records_copy)
    assert_agree(records_copy, truth, reparsed=2)
    assert_agree(records_copy, truth, need_archive=True, reparsed=0)


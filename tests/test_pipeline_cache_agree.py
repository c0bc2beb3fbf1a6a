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
from .test_rules import BASE, build, fixture_dirs


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


def assert_agree(root: Path, need_archive: bool = False, reparsed: int | None = None) -> None:
    truth = load_archive(root)
    result = cache.run(root, need_archive=need_archive)
    assert result.used_cache
    if reparsed is not None:
        assert result.reparsed == reparsed
    assert key(result.findings) == key(truth.findings)
    assert result.files_checked == truth.files_checked and result.settings == truth.settings
    if need_archive:
        assert records_of(result.archive) == records_of(truth)
        assert key(result.archive.findings) == key(truth.findings)


@pytest.mark.parametrize("fixture", fixture_dirs(), ids=lambda p: p.name)
def test_rule_fixture_cached_and_uncached_agree(fixture: Path, tmp_path: Path):
    # cold: the fixture's folder read through an empty cache
    cold = build(fixture, tmp_path / "cold")
    age(cold)
    assert_agree(cold)
    assert_agree(cold, reparsed=0)  # warm: nothing read again
    assert_agree(cold, need_archive=True, reparsed=0)
    # incremental: base through the cache, then the fixture applied as an edit
    root = shutil.copytree(BASE, tmp_path / "edited")
    age(root)
    assert_agree(root)
    changed = overlay(fixture, root)
    if changed:
        age(root, *changed, seconds=5)
    assert_agree(root, reparsed=len(changed))
    assert_agree(root, need_archive=True, reparsed=0)


@pytest.mark.parametrize("pool", [False, True], ids=["one-process", "pool"])
def test_bundled_records_cached_and_uncached_agree(records_copy: Path, monkeypatch, pool: bool):
    if pool:  # every file read on a pool of processes, as for a large archive
        monkeypatch.setattr(stages, "POOL_MIN_FILES", 1)
    age(records_copy)
    assert_agree(records_copy, need_archive=True, reparsed=52)
    assert_agree(records_copy, reparsed=0)
    # a broken meeting and a changed person (the context): local rules of every record again
    meeting = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace('start = "09:00"', 'start = "12:00"'),
                       encoding="utf-8")
    person = records_copy / "personer/tomas-viden.toml"
    person.write_text(person.read_text(encoding="utf-8").replace('role = "ersättare"', 'role = "revisor"'),
                      encoding="utf-8")
    age(records_copy, "moten/styrelse/2023/2023-04-14.toml", "personer/tomas-viden.toml", seconds=5)
    assert_agree(records_copy, reparsed=2)
    assert_agree(records_copy, need_archive=True, reparsed=0)


"""The benchmark generator writes a valid, deterministic records folder."""

import importlib.util
import sys
from pathlib import Path

import pytest

from finsam_tui.core.check.pipeline import load_archive

from .conftest import ROOT

N = 40


def _load_generator():
    spec = importlib.util.spec_from_file_location("benchmarks_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "records"
    stats = gen.generate(out, meetings=N, seed=1)
    assert stats["files"] == len(_files(out))
    assert stats["bytes"] == sum(len(b) for b in _files(out).values())
    return out


def test_generated_archive_has_no_findings(archive_dir):
    archive = load_archive(archive_dir)
    shown = "\n".join(f"{f.file}:{f.line}: {f.code} {f.params}" for f in archive.findings[:10])
    assert archive.findings == [], f"{len(archive.findings)} findings, first ones:\n{shown}"


def test_generated_archive_has_n_meetings(archive_dir):
    meetings = list((archive_dir / "moten").rglob("*.toml"))
    assert len(meetings) == N
    archive = load_archive(archive_dir)
    assert len(archive.meetings) == N
    assert {"styrelse", "beredningsgrupp"} <= set(archive.meetings_by_organ)
    assert archive.budgets and archive.insatser and len(archive.orgs) >= 6


def test_generation_is_deterministic(archive_dir, tmp_path):
    again = tmp_path / "again"
    gen.generate(again, meetings=N, seed=1)
    assert _files(again) == _files(archive_dir)
    other = tmp_path / "other"
    gen.generate(other, meetings=N, seed=2)
    assert _files(other) != _files(archive_dir)


def test_refuses_foreign_non_empty_folder_but_regenerates_its_own(tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        gen.generate(foreign, meetings=3)
    assert (foreign / "notes.txt").read_text() == "keep me"

    own = tmp_path / "own"
    gen.generate(own, meetings=5)
    (own / "stray.toml").write_text("x = 1\n")
    gen.generate(own, meetings=3)
    assert not (own / "stray.toml").exists()
    assert len(list((own / "moten").rglob("*.toml"))) == 3

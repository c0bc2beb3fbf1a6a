"""A meeting's bilagor on disk: a file must exist and stay inside the records folder, links
out of it included (FS351, FS352, with file and line); the files under bilagor/ are not
records and raise nothing; a file removed later is reported on a warm cache too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from finsam_tui.core.check import cache
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.records.bilagor import bilaga_number, file_problem
from tests.conftest import relock
from tests.test_cache import age
from tests.test_rules import build

REAL = Path(__file__).resolve().parent / "fixtures" / "real" / "meeting-bilagor"
MEETING = "moten/styrelse/2023/2023-05-05.toml"
PDF = "bilagor/2023-05-05-budgetuppfoljning.pdf"


def found(root: Path) -> list[tuple[str, str, int | None]]:
    return sorted((f.code, f.file, f.line) for f in load_archive(root).findings)


def with_file(root: Path, file: str) -> None:
    """Point the meeting's bilaga 1 at file (the path is part of the locked protocol: locked again)."""
    path = root / MEETING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f'file = "{PDF}"', f'file = "{file}"'), encoding="utf-8")
    relock(path)


@pytest.fixture
def root(tmp_path) -> Path:
    return build(REAL, tmp_path / "records")


def file_line(root: Path) -> int:
    return next(i for i, line in enumerate((root / MEETING).read_text(encoding="utf-8").splitlines(), 1)
                if line.startswith("file = "))


def test_the_fixture_is_clean_and_other_files_under_bilagor_are_left_alone(root):
    (root / "bilagor" / "protokoll-skannat.docx").write_bytes(b"PK\x03\x04 not a record")
    (root / "bilagor" / "underlag").mkdir()
    (root / "bilagor" / "underlag" / "tabell.xlsx").write_bytes(b"PK\x03\x04")
    assert found(root) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_out_of_the_folder_is_refused_a_link_inside_is_fine(root, tmp_path):
    outside = tmp_path / "utanfor.pdf"
    outside.write_bytes(b"%PDF-1.4")
    os.symlink(outside, root / "bilagor" / "lankad.pdf")
    with_file(root, "bilagor/lankad.pdf")
    assert found(root) == [("FS352", MEETING, file_line(root))]
    os.remove(root / "bilagor" / "lankad.pdf")
    os.symlink(root / PDF, root / "bilagor" / "lankad.pdf")
    assert found(root) == []
    # a link to a folder outside, climbed back out of with ..: the link is resolved first
    (tmp_path / "ute" / "inne").mkdir(parents=True)
    (tmp_path / "ute" / "hemligt.pdf").write_bytes(b"%PDF-1.4")
    os.symlink(tmp_path / "ute" / "inne", root / "bilagor" / "mapp")
    assert file_problem(os.path.realpath(root), "bilagor/mapp/../hemligt.pdf") == "link_out"


def test_a_file_removed_later_is_reported_on_a_warm_cache(root):
    age(root)
    assert cache.run(root).findings == []
    pdf = (root / PDF).read_bytes()
    (root / PDF).unlink()
    result = cache.run(root)
    assert result.reparsed == 0  # no record changed, yet the missing file is seen
    assert [(f.code, f.file, f.line) for f in result.findings] == [("FS351", MEETING, file_line(root))]
    assert [f.code for f in cache.run(root).findings] == ["FS351"]  # warm, and still missing
    (root / PDF).write_bytes(pdf)
    assert cache.run(root).findings == []


@pytest.mark.parametrize(("file", "problem"), [
    ("bilagor/2023-05-05-budgetuppfoljning.pdf", None),
    ("bilagor/saknas.pdf", "missing"),
    ("bilagor", "missing"),  # a folder is not a file
    ("", "missing"),
    ("/etc/passwd", "absolute"),
    ("\\\\server\\bilagor\\x.pdf", "absolute"),
    ("C:/Bilagor/x.pdf", "absolute"),
    ("../x.pdf", "parent"),
    ("bilagor/../../x.pdf", "parent"),
    ("bilagor\\..\\..\\x.pdf", "parent"),
    ("bilagor/x\x00.pdf", "missing"),
    ("bilagor/../bilagor/2023-05-05-budgetuppfoljning.pdf", None),  # a .. that stays inside
    ("./bilagor/2023-05-05-budgetuppfoljning.pdf", None),
])
def test_file_problem(root, file, problem):
    assert file_problem(os.path.realpath(root), file) == problem


def test_bilaga_number():
    assert [bilaga_number(x) for x in ("Bilaga 2", "bilaga 12", " BILAGA 3 ", "Attachment 4")] == [2, 12, 3, 4]
    assert [bilaga_number(x) for x in ("Bilaga", "Bilaga 2a", "Bilagor 2", "Se bilaga 2", 2, None)] == [None] * 6


def test_show_names_the_bilagor_with_their_titles(root, capsys):
    from finsam_tui.cli.main import main

    assert main(["show", "styrelse/2023-05-05/§9", "--records", str(root)]) == 0
    out = capsys.readouterr().out
    assert "  - Bilaga 2 Förslag till reviderad verksamhetsplan 2023" in out
    assert "  - Skrivelse från Ekby kommun den 28 april 2023" in out
    assert main(["show", "styrelse/2023-05-05", "--records", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Bilagor" in out
    assert any(line.startswith("  1  Budgetuppföljning per 30 april 2023 (bilagor/2023-05-05-") for line in out)
    assert "  3  Presentation: Samordningsteamets första år" in out


def test_fmt_puts_the_bilagor_before_the_items_with_their_comment():
    from finsam_tui.core.ops.canonical import format_text

    text = ('organ = "styrelse"\ndate = 2023-05-05\nstate = "genomförd"\nnext_meeting_place = "Stadshuset"\n'
            'next_meeting = 2023-06-01\n\n[[items]]\nnumber = 7\ntitle = "X"\nattachments = ["Bilaga 1"]\n\n'
            '# från ekonomen\n[[attachments]]\ntitle = "Budget"\nnumber = 1\n')
    assert format_text(text, "meeting") == (
        'organ = "styrelse"\ndate = 2023-05-05\nstate = "genomförd"\nnext_meeting = 2023-06-01\n'
        'next_meeting_place = "Stadshuset"\n\n# från ekonomen\n[[attachments]]\nnumber = 1\ntitle = "Budget"\n\n'
        '[[items]]\nnumber = 7\ntitle = "X"\nattachments = ["Bilaga 1"]\n')

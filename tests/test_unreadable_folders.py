"""Nothing skipped in silence (#14, section 4): a folder that cannot be read (permission
denied) is one finding at the folder (FS114), the references that would resolve into it are
counted as not checked (FS115) instead of reported as unknown, and the rules that count over
every person and organisation wait, as they do for one unreadable person file. A file that
cannot be read is FS100 at the file. With and without the cache, and on the command line.

The folders are made unreadable with chmod 000, or, where that does not keep the test out
(run as root), by a simulation of the same errors (``tests/unreadable.py``); the test prints
which.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter

from finsam_tui.cli.main import main
from finsam_tui.core.check import cache
from finsam_tui.core.check.pipeline import load_archive

from .conftest import relock, report_figure
from .test_bundled_example import EXPECTED_FINDINGS
from .test_cache import age
from .test_rules import BASE
from .unreadable import HOW, unreadable

YEAR = "moten/styrelse/2023"
# the deliberate findings of the example that do not depend on the folders made unreadable
BUDGET_TWICE = ("FS512", "budgetar/2023.toml", 118)
SHARED_SEAT = ("FS406", "forbund.toml", 20)


def found(findings) -> set:
    return {(f.code, f.file, f.line) for f in findings}


def test_an_unreadable_meeting_year_is_named_and_references_into_it_are_not_unknown(records_copy):
    with unreadable(records_copy, YEAR):
        archive = load_archive(records_copy)
    # before: the folder's 8 meetings left out without a word, and 3 "unknown reference"
    # errors (FS201) in files that name a § of 2023 (the budget, a beredningsgrupp meeting,
    # a styrelse meeting of 2022); the vacancy warning FS401 counts meetings of the folder
    # and has none to count
    assert found(archive.findings) == {("FS114", YEAR + "/", None), ("FS115", YEAR + "/", None),
                                       BUDGET_TWICE, SHARED_SEAT}
    by_code = {f.code: f for f in archive.findings}
    fs114, fs115 = by_code["FS114"], by_code["FS115"]
    assert fs114.severity == "error" and fs115.severity == "warning"
    assert fs114.message("sv") == "Mappen kan inte läsas: Permission denied"
    assert fs114.message("en") == "The folder cannot be read: Permission denied"
    assert "chmod" in fs114.hint("sv") and "chmod" in fs114.hint("en")
    assert fs115.message("sv") == ("3 referenser i 3 filer kunde inte kontrolleras: de pekar in i mappen, "
                                   "som inte kan läsas")
    assert fs115.message("en") == ("3 references in 3 files could not be checked: they point into the folder, "
                                   "which cannot be read")
    assert [(p.file, p.line) for p in fs115.related] == [
        ("budgetar/2023.toml", 22), ("moten/beredningsgrupp/2023/2023-05-12.toml", 62),
        ("moten/styrelse/2022/2022-11-18.toml", 135)]
    report_figure("unreadable_year", f"unreadable folder {YEAR}/ ({HOW['how']}): "
                  f"FS114 1, FS115 1 ({fs115.params['count']} references not checked), FS201 0")


def test_an_unreadable_personer_folder_makes_the_whole_context_rules_wait(records_copy):
    with unreadable(records_copy, "personer"):
        archive = load_archive(records_copy)
    # before: 204 FS201 (every person named anywhere "unknown"), 8 FS306 (no quorum: nobody
    # holds a seat) and 20 FS401 (every seat vacant); FS406 (members without a seat of their
    # own) counts over every person too and waits
    assert found(archive.findings) == {("FS114", "personer/", None), ("FS115", "personer/", None), BUDGET_TWICE}
    fs115 = next(f for f in archive.findings if f.code == "FS115")
    assert fs115.params["count"] == 204
    assert len(fs115.related) == fs115.params["files"] == len({p.file for p in fs115.related})
    assert all(p.line for p in fs115.related)
    report_figure("unreadable_personer", f"unreadable folder personer/ ({HOW['how']}): FS114 1, FS115 1 "
                  f"({fs115.params['count']} references in {fs115.params['files']} files not checked), "
                  "FS201 0, FS306 0, FS401 0")


def test_a_name_that_cannot_lie_in_the_folder_is_still_unknown(tmp_path):
    """Only references that could resolve into the unreadable folder are spared: a chair
    written as a name (no id, so no file in personer/) and a § of a year whose folder can be
    read are reported as before, the rest counted."""
    root = shutil.copytree(BASE, tmp_path / "records")
    meeting = root / "moten/styrelse/2023/2023-04-14.toml"
    text = meeting.read_text(encoding="utf-8")
    text = text.replace('chair = "anna-ek"', 'chair = "Anna Ek"').replace(
        'refs = ["budget/2023/samordning", "insats/teamet"]', 'refs = ["budget/2023/samordning", "styrelse/2022/§4"]')
    meeting.write_text(text, encoding="utf-8")
    relock(meeting)
    with unreadable(root, "personer"):
        archive = load_archive(root)
    assert found(archive.findings) == {
        ("FS114", "personer/", None), ("FS115", "personer/", None),
        ("FS201", "moten/styrelse/2023/2023-04-14.toml", 9),  # "Anna Ek": unknown
        ("FS301", "moten/styrelse/2023/2023-04-14.toml", 9),  # (and not among those present)
        ("FS201", "moten/styrelse/2023/2023-04-14.toml", 46),  # no meeting of styrelse in 2022
    }
    fs115 = next(f for f in archive.findings if f.code == "FS115")
    # the 23 person references of the folder (of the 25 FS201 it gives with personer/ emptied)
    assert (fs115.params["count"], fs115.params["files"]) == (23, 4)


def test_an_unreadable_file_is_fs100_at_the_file(tmp_path):
    root = shutil.copytree(BASE, tmp_path / "records")
    with unreadable(root, "personer/eva-strand.toml"):
        archive = load_archive(root)
    assert found(archive.findings) == {("FS100", "personer/eva-strand.toml", None)}
    f = archive.findings[0]
    assert f.message("sv") == "Filen kan inte läsas: Permission denied"


def test_through_the_cache_and_back(records_copy):
    """Cold, warm and after the folder can be read again: the same findings as without the cache."""
    age(records_copy)
    clean = found(cache.run(records_copy).findings)
    assert clean == EXPECTED_FINDINGS
    with unreadable(records_copy, "personer"):
        truth = found(load_archive(records_copy).findings)
        cold = cache.run(records_copy)
        warm = cache.run(records_copy)
    assert found(cold.findings) == found(warm.findings) == truth
    assert ("FS114", "personer/", None) in truth and warm.reparsed == 0
    again = cache.run(records_copy)  # readable again: every person read, nothing of FS114 left
    assert found(again.findings) == clean
    assert again.reparsed >= 15


def test_the_command_line_names_the_folder(records_copy, capsys):
    with unreadable(records_copy, YEAR):
        rc = main(["validate", str(records_copy)])
        out = capsys.readouterr().out
        rc_json = main(["validate", str(records_copy), "--format", "json", "--lang", "en"])
        report = json.loads(capsys.readouterr().out)
    assert rc == 1 and rc_json == 1
    assert f"{YEAR}/: fel FS114: Mappen kan inte läsas: Permission denied" in out
    assert f"{YEAR}/: varning FS115: 3 referenser i 3 filer kunde inte kontrolleras" in out
    assert ("  se även: budgetar/2023.toml:22:14\n  se även: moten/beredningsgrupp/2023/2023-05-12.toml:62:9\n"
            "  se även: moten/styrelse/2022/2022-11-18.toml:135:12\n") in out
    assert "FS201" not in out
    fs114 = [f for f in report["findings"] if f["code"] == "FS114"]
    assert fs114 == [{"severity": "error", "code": "FS114", "file": YEAR + "/", "line": None, "column": None,
                      "message": "The folder cannot be read: Permission denied", "hint": fs114[0]["hint"],
                      "related": []}]

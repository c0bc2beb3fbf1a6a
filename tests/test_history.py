"""finsam history: who changed a record and when, from git, through renames."""

from __future__ import annotations

import json
import shutil

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.query.history import HistoryError, history, record_path

from .conftest import RECORDS
from .gitutil import commit_all, git, git_env, needs_git  # noqa: F401 (git_env is a fixture)

pytestmark = needs_git


@pytest.fixture
def repo(tmp_path, git_env):  # noqa: F811 (the fixture)
    """A repository whose records folder is a subfolder, with a history: create, edit, rename, edit."""
    top = tmp_path / "repo"
    root = top / "records"
    shutil.copytree(RECORDS, root, ignore=shutil.ignore_patterns(".finsam-cache"))
    git(top, "init", "-q")
    first = commit_all(top, "Exempelförbundet", author="Anna Arkiv")
    person = root / "personer" / "ulf-nordmark.toml"
    person.write_text(person.read_text(encoding="utf-8").replace('name = "Ulf Nordmark"', 'name = "Ulf Nordmarck"'),
                      encoding="utf-8")
    second = commit_all(top, "Stavning av namnet\n\nEnligt e-post från Ulf.", author="Bo Bok")
    git(top, "mv", "records/personer/ulf-nordmark.toml", "records/personer/ulf-nordmarck.toml")
    third = commit_all(top, "Byt id efter namnbytet", author="Bo Bok")
    meeting = root / "moten" / "styrelse" / "2023" / "2023-04-14.toml"
    meeting.write_text(meeting.read_text(encoding="utf-8") + "# en kommentar\n", encoding="utf-8")
    fourth = commit_all(top, "Kommentar i protokollet", author="Cia Ceder")
    return root, [first, second, third, fourth]


def test_history_follows_a_rename(repo):
    root, commits = repo
    changes = history(root, "person/ulf-nordmarck")
    assert [c.commit for c in changes] == [commits[2], commits[1], commits[0]]
    assert [c.author for c in changes] == ["Bo Bok", "Bo Bok", "Anna Arkiv"]
    assert [c.path for c in changes] == ["personer/ulf-nordmarck.toml", "personer/ulf-nordmark.toml",
                                         "personer/ulf-nordmark.toml"]
    assert changes[1].message == "Stavning av namnet\n\nEnligt e-post från Ulf."
    assert changes[1].subject == "Stavning av namnet"
    assert changes[0].date >= changes[1].date >= changes[2].date
    assert history(root, "ulf-nordmarck") == changes  # the bare id
    assert history(root, str(root / "personer" / "ulf-nordmarck.toml")) == changes  # a path
    assert history(root, "personer/ulf-nordmarck.toml") == changes  # relative to the records folder


def test_references_resolve_to_their_files(repo):
    root, commits = repo
    assert record_path(root, "styrelse/2023-04-14/§17").as_posix() == "moten/styrelse/2023/2023-04-14.toml"
    assert record_path(root, "styrelse/2023/§17").as_posix() == "moten/styrelse/2023/2023-04-14.toml"
    assert record_path(root, "budget/2023/utvardering").as_posix() == "budgetar/2023.toml"
    assert record_path(root, "org/bjorkvik").as_posix() == "organisationer/bjorkvik.toml"
    assert record_path(root, "insats/ung-framtid").as_posix() == "insatser/ung-framtid.toml"
    assert record_path(root, "styrelse").as_posix() == "forbund.toml"  # an organ lives in forbund.toml
    assert record_path(root, "forbund").as_posix() == "forbund.toml"
    assert [c.commit for c in history(root, "styrelse/2023-04-14")] == [commits[3], commits[0]]
    assert [c.commit for c in history(root, "budget/2023")] == [commits[0]]
    # a deleted record still has its history
    assert [c.commit for c in history(root, "person/ulf-nordmark")] == [commits[2], commits[1], commits[0]]


def test_a_deleted_record_by_its_bare_id(repo):
    """The resolver's reading of typed text (lookup.read/homes), with no archive: the file of a
    record that is gone is found in the history."""
    root, commits = repo
    assert not (root / "personer" / "ulf-nordmark.toml").exists()
    assert record_path(root, "ulf-nordmark").as_posix() == "personer/ulf-nordmark.toml"
    assert record_path(root, "ulf-nordmarck").as_posix() == "personer/ulf-nordmarck.toml"  # the one there now
    assert [c.commit for c in history(root, "ulf-nordmark")] == [commits[2], commits[1], commits[0]]


def test_cli_text_and_json(repo, capsys):
    root, commits = repo
    assert main(["history", "person/ulf-nordmarck", "--records", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Historik för person/ulf-nordmarck (personer/ulf-nordmarck.toml): 3 ändringar"
    assert out[1].endswith(f"{commits[2][:10]}  Bo Bok")
    assert "    Byt id efter namnbytet" in out
    assert "  (hette då personer/ulf-nordmark.toml)" in out
    assert main(["history", "styrelse/2023-04-14", "--records", str(root), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["path"] == "moten/styrelse/2023/2023-04-14.toml" and data["count"] == 2
    assert data["uncommitted"] is False
    assert data["history"][0] == {"commit": commits[3], "author": "Cia Ceder",
                                  "date": data["history"][0]["date"], "message": "Kommentar i protokollet",
                                  "path": "moten/styrelse/2023/2023-04-14.toml"}


def test_uncommitted_changes_are_noted(repo, capsys):
    root, _commits = repo
    p = root / "insatser" / "ung-framtid.toml"
    p.write_text(p.read_text(encoding="utf-8") + "# ändrad\n", encoding="utf-8")
    assert main(["history", "insats/ung-framtid", "--records", str(root), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Note: insatser/ung-framtid.toml has changes that are not committed."


def test_no_history_and_errors(repo, tmp_path, capsys):
    root, _commits = repo
    new = root / "personer" / "ny-person.toml"
    new.write_text('name = "Ny Person"\n', encoding="utf-8")
    with pytest.raises(HistoryError) as err:
        history(root, "person/ny-person")
    assert err.value.reason == "no_history"
    assert main(["history", "person/ny-person", "--records", str(root)]) == 1
    assert main(["history", "person/finns-inte", "--records", str(root)]) == 1
    assert main(["history", "nobody-at-all", "--records", str(root)]) == 1
    assert main(["history", "styrelse/20x3", "--records", str(root)]) == 2
    capsys.readouterr()
    # not in git
    plain = tmp_path / "plain"
    shutil.copytree(RECORDS, plain, ignore=shutil.ignore_patterns(".finsam-cache"))
    assert main(["history", "budget/2023", "--records", str(plain)]) == 1
    assert "git" in capsys.readouterr().err
    assert main(["history", "budget/2023", "--records", str(tmp_path / "none")]) == 2


@pytest.mark.usefixtures("git_env")
def test_a_new_repository_without_commits(tmp_path):
    root = tmp_path / "r"
    shutil.copytree(RECORDS, root, ignore=shutil.ignore_patterns(".finsam-cache"))
    git(root, "init", "-q")
    with pytest.raises(HistoryError) as err:
        history(root, "budget/2023")
    assert err.value.reason == "no_history"

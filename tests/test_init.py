"""finsam init: a new records folder that validates at once, with git when wanted."""

from __future__ import annotations

import io
import tomllib

import pytest

from finsam_tui.cli.fmt import kind_of
from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.ops.canonical import format_text
from finsam_tui.core.records.json_schema import SCHEMA_DIR, schema_text, taplo_config
from finsam_tui.core.records.schema import KINDS

from .gitutil import git, git_env, needs_git  # noqa: F401 (git_env is a fixture)


def _answers(monkeypatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))


def _assert_clean_and_formatted(folder) -> None:
    assert load_archive(folder).findings == []
    for path in folder.rglob("*.toml"):
        rel = path.relative_to(folder)
        if rel.parts[0].startswith("."):
            continue
        text = path.read_text(encoding="utf-8")
        assert format_text(text, kind_of(path)) == text, rel


@needs_git
@pytest.mark.usefixtures("git_env")
def test_name_and_yes_ask_nothing_and_give_a_committed_valid_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # any question would meet end of input
    folder = tmp_path / "norra-dalen"
    assert main(["init", str(folder), "--name", "Samordningsförbundet Norra Dalen", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "?" not in out and "[" not in out.split("\n", 1)[0]
    settings = tomllib.loads((folder / "forbund.toml").read_text(encoding="utf-8"))
    assert settings["name"] == "Samordningsförbundet Norra Dalen"
    assert settings["paragraph_numbering"] == "per_år" and settings["language"] == "sv"
    assert [o["id"] for o in settings["organs"]] == ["styrelse", "medlemssamrad", "beredningsgrupp"]
    assert [o["kind"] for o in settings["organs"]] == ["styrelse", "medlemssamråd", "beredningsgrupp"]
    for sub in ("organisationer", "personer", "moten", "budgetar", "insatser"):
        assert (folder / sub).is_dir()
    assert not list((folder / "organisationer").glob("*.toml"))  # --yes: no examples unless asked for
    assert ".finsam-cache/" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert (folder / ".taplo.toml").read_text(encoding="utf-8") == taplo_config()
    for kind in KINDS:
        assert (folder / SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8") == schema_text(kind)
    _assert_clean_and_formatted(folder)
    assert main(["validate", str(folder)]) == 0
    assert main(["fmt", "--check", "--records", str(folder)]) == 0
    # a git repository with one commit holding everything; nothing left uncommitted
    assert (folder / ".git").is_dir()
    assert git(folder, "rev-list", "--count", "HEAD").strip() == "1"
    assert git(folder, "status", "--porcelain").strip() == ""
    assert "forbund.toml" in git(folder, "ls-files").splitlines()


def test_without_an_org_number_the_placeholder_is_marked_and_named(tmp_path, capsys):
    folder = tmp_path / "ny"
    assert main(["init", str(folder), "--name", "Samordningsförbundet Ny", "--no-git", "--yes"]) == 0
    text = (folder / "forbund.toml").read_text(encoding="utf-8")
    assert 'org_number = "222000-0000"           # platshållare: skriv förbundets organisationsnummer\n' in text
    out = capsys.readouterr().out
    assert f"Obs: organisationsnumret är en platshållare (222000-0000): skriv det riktiga i {folder / 'forbund.toml'}." \
        in out
    given = tmp_path / "given"
    assert main(["init", str(given), "--name", "Samordningsförbundet Ny", "--org-number", "222000-1234",
                 "--no-git", "--yes"]) == 0
    assert "platshållare" not in (given / "forbund.toml").read_text(encoding="utf-8")
    assert "platshållare" not in capsys.readouterr().out


def test_every_setting_from_options_with_examples(tmp_path):
    folder = tmp_path / "vast"
    assert main(["init", str(folder), "--name", "Samordningsförbundet Väst", "--org-number", "222000-1234",
                 "--numbering", "per_möte", "--lang", "en", "--examples", "--no-git", "--yes"]) == 0
    settings = tomllib.loads((folder / "forbund.toml").read_text(encoding="utf-8"))
    assert (settings["org_number"], settings["paragraph_numbering"], settings["language"]) == (
        "222000-1234", "per_möte", "en")
    kinds = sorted(tomllib.loads(p.read_text(encoding="utf-8"))["kind"] for p in (folder / "organisationer").glob("*.toml"))
    assert kinds == ["arbetsförmedlingen", "försäkringskassan", "kommun", "region"]
    assert not (folder / ".git").exists()
    _assert_clean_and_formatted(folder)


def test_questions_with_defaults_and_a_second_try(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "ost"
    _answers(monkeypatch, "Samordningsförbundet Öst", "12345", "222000-5678", "", "en", "j")
    assert main(["init", str(folder), "--no-git"]) == 0
    captured = capsys.readouterr()
    assert "NNNNNN-NNNN" in captured.err  # the bad number was asked again
    settings = tomllib.loads((folder / "forbund.toml").read_text(encoding="utf-8"))
    assert settings["name"] == "Samordningsförbundet Öst"
    assert settings["org_number"] == "222000-5678"
    assert settings["paragraph_numbering"] == "per_år"  # Enter: the default
    assert settings["language"] == "en"
    assert len(list((folder / "organisationer").glob("*.toml"))) == 4
    _assert_clean_and_formatted(folder)


def test_end_of_input_takes_the_defaults(tmp_path, monkeypatch):
    _answers(monkeypatch)
    folder = tmp_path / "mitt-forbund"
    assert main(["init", str(folder), "--no-git"]) == 0
    settings = tomllib.loads((folder / "forbund.toml").read_text(encoding="utf-8"))
    assert settings["name"] == "Samordningsförbundet Mitt Forbund"
    _assert_clean_and_formatted(folder)


@needs_git
@pytest.mark.usefixtures("git_env")
def test_declining_git_and_the_commit(tmp_path, monkeypatch):
    _answers(monkeypatch, "", "", "", "", "n", "n")
    folder = tmp_path / "a"
    assert main(["init", str(folder)]) == 0
    assert not (folder / ".git").exists()
    _answers(monkeypatch, "", "", "", "", "n", "j", "n")
    folder = tmp_path / "b"
    assert main(["init", str(folder)]) == 0
    assert (folder / ".git").is_dir()
    assert git(folder, "rev-list", "--all").strip() == ""  # no commit


@needs_git
@pytest.mark.usefixtures("git_env")
def test_inside_an_existing_repository_no_new_one_and_only_its_own_files_committed(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "notes.txt").write_text("mine\n", encoding="utf-8")
    git(repo, "add", "notes.txt")  # staged by the user, not to be committed by init
    folder = repo / "records"
    folder.mkdir()
    (folder / "draft.txt").write_text("not finsam's\n", encoding="utf-8")
    assert main(["init", str(folder), "--name", "Samordningsförbundet Test", "--yes"]) == 0
    assert not (folder / ".git").exists()
    committed = git(repo, "show", "--name-only", "--format=", "HEAD").split()
    assert "records/forbund.toml" in committed
    assert "notes.txt" not in committed and "records/draft.txt" not in committed
    assert "A  notes.txt" in git(repo, "status", "--porcelain")


def test_refuses_a_folder_that_already_has_forbund_toml(tmp_path, capsys):
    folder = tmp_path / "r"
    assert main(["init", str(folder), "--name", "X", "--yes", "--no-git"]) == 0
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert main(["init", str(folder), "--name", "Y", "--yes", "--no-git"]) == 1
    assert "forbund.toml" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_existing_files_are_kept_and_gitignore_extended(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / ".gitignore").write_text("*.tmp", encoding="utf-8")
    (folder / "README.md").write_text("our own readme\n", encoding="utf-8")
    assert main(["init", str(folder), "--name", "X", "--yes", "--no-git"]) == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "*.tmp\n.finsam-cache/\n.*.toml.*.tmp\n"
    assert (folder / "README.md").read_text(encoding="utf-8") == "our own readme\n"


@pytest.mark.parametrize("argv", [["--org-number", "12-34"], ["--numbering", "per_dag"], ["--name", " "]])
def test_invalid_options_are_usage_errors(tmp_path, argv):
    assert main(["init", str(tmp_path / "x"), "--yes", "--no-git", *argv]) == 2
    assert not (tmp_path / "x" / "forbund.toml").exists()


def test_a_file_is_no_folder(tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "f"), "--yes", "--no-git"]) == 2


@needs_git
@pytest.mark.usefixtures("git_env")
def test_git_ignores_the_temp_file_of_a_killed_save_and_shows_a_conflict_copy(tmp_path, capsys):
    """A save killed before its rename leaves .<name>.<16 hex>.tmp (never read, removed by the next
    save): git status does not offer it. A conflict copy is for the user to see: git status shows it."""
    folder = tmp_path / "r"
    assert main(["init", str(folder), "--name", "X", "--yes", "--examples"]) == 0
    org = next((folder / "organisationer").glob("*.toml"))
    temp = org.with_name(f".{org.name}.0123456789abcdef.tmp")
    temp.write_text("halv", encoding="utf-8")
    copy = org.with_name(org.name.removesuffix(".toml") + ".konflikt-20261207-143005.toml")
    copy.write_text(org.read_text(encoding="utf-8"), encoding="utf-8")
    status = git(folder, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert status == [f"?? organisationer/{copy.name}"]
    assert ".finsam-cache/" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_an_existing_gitignore_gets_only_the_lines_it_lacks(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / ".gitignore").write_text(".finsam-cache\n.*.toml.*.tmp\n", encoding="utf-8")
    assert main(["init", str(folder), "--name", "X", "--yes", "--no-git"]) == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == ".finsam-cache\n.*.toml.*.tmp\n"
    (folder / "forbund.toml").unlink()
    (folder / ".gitignore").write_text("# ours\n/.finsam-cache/", encoding="utf-8")
    assert main(["init", str(folder), "--name", "X", "--yes", "--no-git"]) == 0
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "# ours\n/.finsam-cache/\n.*.toml.*.tmp\n"

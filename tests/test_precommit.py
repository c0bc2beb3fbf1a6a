"""The pre-commit hooks: .pre-commit-hooks.yaml names them, and their commands stop a bad commit.

pre-commit itself is not needed: the hooks' entries are run as pre-commit runs them (from
the repository's top, no file names passed), with this project's python.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

import pytest

from .conftest import RECORDS, ROOT
from .gitutil import commit_all, git, git_env, needs_git  # noqa: F401 (git_env is a fixture)

HOOKS_FILE = ROOT / ".pre-commit-hooks.yaml"


def parse_hooks(text: str) -> list[dict]:
    """The flat YAML of a hooks file: a list of mappings of plain scalars."""
    hooks: list[dict] = []
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        if line.startswith("- "):
            hooks.append({})
            line = "  " + line[2:]
        assert line.startswith("  ") and hooks, f"unexpected line {raw!r}"
        key, _, value = line.strip().partition(": ")
        value = value.strip()
        hooks[-1][key] = {"true": True, "false": False}.get(value, value)
    return hooks


def test_the_hooks_file_names_both_hooks():
    hooks = {h["id"]: h for h in parse_hooks(HOOKS_FILE.read_text(encoding="utf-8"))}
    assert hooks["finsam-validate"]["entry"] == "finsam validate"
    assert hooks["finsam-fmt"]["entry"] == "finsam fmt --check"
    for h in hooks.values():
        assert h["language"] == "python" and h["pass_filenames"] is False and h["name"]
    try:
        import yaml
    except ImportError:  # pragma: no cover - PyYAML is not a dependency
        return
    assert yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8")) == list(hooks.values())


def test_the_readme_shows_the_config_snippet():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".pre-commit-config.yaml" in readme
    assert "id: finsam-validate" in readme and "id: finsam-fmt" in readme and "id: finsam-verify" in readme


def run_hook(hook: dict, top) -> subprocess.CompletedProcess:
    argv = shlex.split(hook["entry"])
    assert argv[0] == "finsam"
    env = {k: v for k, v in os.environ.items() if k not in ("FINSAM_RECORDS", "FINSAM_LANG")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run([sys.executable, "-m", "finsam_tui", *argv[1:]], cwd=top, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@needs_git
@pytest.mark.usefixtures("git_env")
def test_the_hooks_stop_a_bad_commit_and_pass_a_good_one(tmp_path):
    hooks = {h["id"]: h for h in parse_hooks(HOOKS_FILE.read_text(encoding="utf-8"))}
    top = tmp_path / "repo"
    shutil.copytree(RECORDS, top / "records", ignore=shutil.ignore_patterns(".finsam-cache"))
    git(top, "init", "-q")
    for hook in hooks.values():
        assert run_hook(hook, top).returncode == 0
    commit_all(top, "Exempelförbundet")

    # a record with an error: the validate hook fails, fmt is content
    meeting = top / "records" / "moten" / "styrelse" / "2023" / "2023-06-09.toml"
    good_meeting = meeting.read_text(encoding="utf-8")
    meeting.write_text(good_meeting.replace('adjusters = ["', 'adjusters = ["nobody-here", "', 1), encoding="utf-8")
    git(top, "add", "-A")
    bad = run_hook(hooks["finsam-validate"], top)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "moten/styrelse/2023/2023-06-09.toml" in bad.stdout
    assert run_hook(hooks["finsam-fmt"], top).returncode == 0

    # fixed: both pass and the commit goes in
    meeting.write_text(good_meeting, encoding="utf-8")
    person = top / "records" / "personer" / "ulf-nordmark.toml"
    person.write_text(person.read_text(encoding="utf-8").replace('title = "', 'title = "ny ', 1), encoding="utf-8")
    git(top, "add", "-A")
    for hook in hooks.values():
        result = run_hook(hook, top)
        assert result.returncode == 0, result.stdout + result.stderr
    commit_all(top, "Ny titel")

    # a badly formatted record: the fmt hook fails and names it, validate is content
    org = top / "records" / "organisationer" / "granas.toml"
    lines = org.read_text(encoding="utf-8").splitlines()
    org.write_text("\n".join([lines[0], lines[2], lines[1], *lines[3:]]).replace(" = ", "=") + "\n\n\n",
                   encoding="utf-8")
    git(top, "add", "-A")
    result = run_hook(hooks["finsam-fmt"], top)
    assert result.returncode == 1
    assert result.stdout.strip().endswith("records/organisationer/granas.toml")
    assert run_hook(hooks["finsam-validate"], top).returncode == 0

    # finsam fmt fixes it (back to the committed text), and both hooks pass
    subprocess.run([sys.executable, "-m", "finsam_tui", "fmt"], cwd=top, check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    git(top, "add", "-A")
    for hook in hooks.values():
        assert run_hook(hook, top).returncode == 0
    assert git(top, "status", "--porcelain").strip() == ""


@pytest.mark.parametrize("hook_id", ["finsam-validate", "finsam-fmt"])
def test_a_repository_without_records_is_a_usage_error(tmp_path, hook_id):
    hooks = {h["id"]: h for h in parse_hooks(HOOKS_FILE.read_text(encoding="utf-8"))}
    assert run_hook(hooks[hook_id], tmp_path).returncode == 2


@needs_git
@pytest.mark.usefixtures("git_env")
def test_the_hooks_with_the_readme_args_in_a_repository_made_by_init(tmp_path):
    from finsam_tui.cli.main import main

    hooks = {h["id"]: h for h in parse_hooks(HOOKS_FILE.read_text(encoding="utf-8"))}
    top = tmp_path / "norra-dalen"
    assert main(["init", str(top), "--name", "Samordningsförbundet Norra Dalen", "--examples", "--yes"]) == 0
    args = {"finsam-validate": ["."], "finsam-fmt": ["--records", "."], "finsam-verify": ["."]}
    for hook_id, hook in hooks.items():
        result = run_hook({**hook, "entry": hook["entry"] + " " + " ".join(args[hook_id])}, top)
        assert result.returncode == 0, result.stdout + result.stderr
    (top / "organisationer" / "exempelstad.toml").write_text('kind = "kommun"\nname = "X"\n', encoding="utf-8")
    (top / "organisationer" / "region-exempel.toml").write_text('name = "Region"\nkind = "landsting"\n',
                                                                encoding="utf-8")
    git(top, "add", "-A")
    for hook_id, hook in hooks.items():
        result = run_hook({**hook, "entry": hook["entry"] + " " + " ".join(args[hook_id])}, top)
        # (finsam-verify looks at the locked protocols only: an organisation's errors are validate's)
        assert result.returncode == (0 if hook_id == "finsam-verify" else 1), hook_id

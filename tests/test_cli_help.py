"""Packaging basics: finsam --version, and every command's help lists examples (in Swedish by
default, in English with --lang en or FINSAM_LANG=en)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import pytest

import finsam_tui
from finsam_tui.cli import COMMANDS
from finsam_tui.cli.main import main
from finsam_tui.core.i18n.cli import Labels

from .conftest import ROOT, bundled_copy


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"finsam {finsam_tui.__version__}"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "finsam_tui.__version__"}
    assert pyproject["project"]["scripts"]["finsam"] == "finsam_tui.cli.main:main"


EXAMPLES = {"sv": "exempel:", "en": "examples:"}
LANG_ARGS = {"sv": [], "en": ["--lang", "en"]}  # Swedish when nothing is set


@pytest.fixture(autouse=True)
def _no_language_set(monkeypatch):
    monkeypatch.delenv("FINSAM_LANG", raising=False)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_top_level_help_lists_examples_and_every_command(lang, capsys):
    assert main(["--help", *LANG_ARGS[lang]]) == 0
    out = capsys.readouterr().out
    assert EXAMPLES[lang] in out
    for module in COMMANDS:
        assert module.NAME in out
        assert " ".join(Labels(lang)[f"{module.NAME}:help"].split()[:3]) in " ".join(out.split())


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("module", COMMANDS, ids=lambda m: m.NAME)
def test_every_command_help_lists_examples(module, lang, capsys):
    assert main([module.NAME, "--help", *LANG_ARGS[lang]]) == 0
    out = capsys.readouterr().out
    assert EXAMPLES[lang] in out
    examples = out.split(EXAMPLES[lang], 1)[1]
    assert f"finsam {module.NAME}" in examples
    L = Labels(lang)
    assert L[f"{module.NAME}:help"] and L[f"{module.NAME}:description"]


def test_the_language_of_help_is_lang_then_finsam_lang_then_swedish(monkeypatch, capsys):
    assert main(["validate", "--help"]) == 0
    assert "användning: finsam validate" in capsys.readouterr().out
    monkeypatch.setenv("FINSAM_LANG", "en")
    assert main(["validate", "--help"]) == 0
    assert "usage: finsam validate" in capsys.readouterr().out
    assert main(["validate", "--lang", "sv", "--help"]) == 0
    out = capsys.readouterr().out
    assert "användning: finsam validate" in out and "visa den här hjälpen och avsluta" in out


def test_the_package_runs_as_a_module():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "finsam_tui", "--version"], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=60, check=False)
    assert out.returncode == 0 and out.stdout.strip() == f"finsam {finsam_tui.__version__}"


def test_the_editor_schemas_are_package_data():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = pyproject["tool"]["setuptools"].get("package-data", {})
    assert "core/records/schemas/*.json" in data.get("finsam_tui", [])


@pytest.mark.parametrize("args", [[], ["tui"], ["--records", "records", "--lang", "en"]])
def test_the_tui_without_a_terminal_says_so_instead_of_running_blind(args):
    env = {k: v for k, v in os.environ.items() if k not in ("FINSAM_LANG", "TEXTUAL_DRIVER", "FINSAM_RECORDS")}
    out = subprocess.run([sys.executable, "-m", "finsam_tui", *args], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and out.stdout == ""
    first = out.stderr.splitlines()[0]
    if "en" in args:
        assert first == ("finsam: the terminal interface needs a terminal, but input or output goes to a file "
                         "or another program.")
    else:
        assert first == ("finsam: terminalgränssnittet behöver en terminal, men in- eller utdata går till en fil "
                         "eller ett annat program.")


def test_the_tui_draws_on_stderr_so_stdout_may_go_elsewhere(tmp_path):
    """Textual reads the keys on stdin and draws on stderr: with both a terminal (here a pty),
    `finsam tui > fil` starts and quits with q; with stderr piped it is refused."""
    import pty
    import select
    import time

    env = {k: v for k, v in os.environ.items() if k not in ("FINSAM_LANG", "TEXTUAL_DRIVER", "FINSAM_RECORDS")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="24")
    master, slave = pty.openpty()
    out = tmp_path / "stdout.txt"
    with out.open("w") as stdout:
        # (on a copy of the bundled example: the TUI writes its cache into the folder)
        proc = subprocess.Popen([sys.executable, "-m", "finsam_tui", "tui", "records"], cwd=bundled_copy().parent,
                                env=env, stdin=slave, stdout=stdout, stderr=slave)
    os.close(slave)
    seen, deadline = b"", time.monotonic() + 30
    try:
        while b"Norra Mellanland" not in seen and time.monotonic() < deadline and proc.poll() is None:
            if select.select([master], [], [], 0.5)[0]:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
        assert b"Norra Mellanland" in seen  # the screen, drawn on the pty
        os.write(master, b"q")
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:  # (keep reading: a full pty blocks it)
            if select.select([master], [], [], 0.2)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        assert proc.wait(timeout=5) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert out.read_text() == ""

    master, slave = pty.openpty()
    try:
        refused = subprocess.run([sys.executable, "-m", "finsam_tui", "tui", "records"], cwd=ROOT, env=env,
                                 stdin=slave, capture_output=True, text=True, timeout=60)
    finally:
        os.close(slave)
        os.close(master)
    assert refused.returncode == 2 and "terminalgränssnittet behöver en terminal" in refused.stderr

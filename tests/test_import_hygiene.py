"""The core imports neither Textual nor the CLI nor the TUI; the CLI's lookups import no Textual.

The one home of these checks (they were once repeated in five test modules):

* importing every module of ``finsam_tui.core``, then validating, exporting and looking up
  through it, leaves no ``textual``, ``finsam_tui.cli`` or ``finsam_tui.tui`` module loaded;
* importing every module of ``finsam_tui.cli`` loads no ``textual`` (the TUI and the web
  server are imported by their commands when they start);
* ``python -X importtime -m finsam_tui validate|show|refs|person|decisions|uppdrag|search|export``
  imports no Textual and nothing of the TUI;
* ``finsam tui`` on a folder that is not a records folder says so before it imports Textual.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import RECORDS, ROOT

PACKAGE = ROOT / "finsam_tui"
FORBIDDEN_IN_CORE = ("textual", "finsam_tui.cli", "finsam_tui.tui")


def modules(package: str) -> list[str]:
    """Every module of a subpackage of finsam_tui, by its dotted name."""
    folder = PACKAGE.joinpath(*package.split(".")[1:])
    return sorted(("finsam_tui." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
                  for p in folder.rglob("*.py"))


def loaded_after(code: str, cwd: Path = ROOT) -> list[str]:
    """The modules a fresh interpreter has loaded after running code."""
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"],
                         capture_output=True, text=True, cwd=cwd, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def forbidden(names, prefixes) -> list[str]:
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in prefixes))


def test_the_core_imports_neither_textual_nor_the_cli_nor_the_tui():
    core = modules("finsam_tui.core")
    assert "finsam_tui.core.check.pipeline" in core and len(core) > 40
    code = (
        "".join(f"import {m}\n" for m in core)
        # what the core does at run time (some imports are made when first needed)
        + "from finsam_tui.core.check.cache import run\n"
        + "from finsam_tui.core.check.pipeline import load_archive\n"
        + "from finsam_tui.core.export import bundle\n"
        + "from finsam_tui.core.query.backlinks import backlinks\n"
        + "from finsam_tui.core.query.lookup import lookup\n"
        + "archive = run('records', need_archive=True, use_cache=False).archive\n"
        + "bundle(load_archive('records'))\n"
        + "backlinks(archive, lookup(archive, 'person/annika-berglof'))\n"
    )
    assert forbidden(loaded_after(code), FORBIDDEN_IN_CORE) == []


def test_the_cli_modules_import_no_textual():
    cli = modules("finsam_tui.cli")
    assert "finsam_tui.cli.main" in cli and "finsam_tui.cli.tui" in cli
    assert forbidden(loaded_after("".join(f"import {m}\n" for m in cli)), ("textual", "finsam_tui.tui")) == []


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A private copy of the bundled records (the commands write their cache into it), shared
    by the commands below, which only read it."""
    dest = tmp_path_factory.mktemp("hygiene") / "records"
    shutil.copytree(RECORDS, dest, ignore=shutil.ignore_patterns(".finsam-cache"))
    return dest


LOOKUPS = [
    ["validate", "{records}"],
    ["show", "styrelse/2023-06-09/§27", "--records", "{records}"],
    ["show", "nobody", "--records", "{records}"],
    ["refs", "person/kjell-ivarsson", "--records", "{records}"],
    ["person", "annika-berglof", "--records", "{records}"],
    ["decisions", "--year", "2023", "--records", "{records}"],
    ["uppdrag", "--open", "--records", "{records}"],
    ["search", "budget", "--records", "{records}"],
    ["export", "protocol", "styrelse/2023-06-09", "--records", "{records}"],
    ["export", "all", "--out", "{out}", "--records", "{records}"],
]


@pytest.mark.parametrize("args", LOOKUPS, ids=lambda a: "-".join(a[:2]).replace("{records}", "records"))
def test_the_cli_lookups_import_no_textual(folder: Path, tmp_path: Path, args: list[str]):
    argv = [a.format(records=folder, out=tmp_path / "out") for a in args]
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "finsam_tui", *argv], capture_output=True,
                         text=True, cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT), FINSAM_LANG="sv"))
    assert out.returncode in (0, 1), out.stderr[-2000:]
    imported = [line.rsplit("|", 1)[1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")]
    assert "finsam_tui.cli.main" in imported  # the listing is there to read
    assert forbidden(imported, ("textual", "finsam_tui.tui")) == []


def test_the_cli_checks_the_folder_before_starting_textual(tmp_path):
    code = (
        "from finsam_tui.cli.main import main\n"
        f"rc1 = main(['tui', {str(tmp_path)!r}])\n"
        f"rc2 = main(['--records', {str(tmp_path)!r}])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(rc1, rc2, bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", "import sys\n" + code], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=tmp_path, check=False)
    assert out.stdout.strip() == "2 2 []", out.stderr
    assert "forbund.toml" in out.stderr and "finsam tui records" in out.stderr

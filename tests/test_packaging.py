"""`pipx install .` and `uv tool install .` give a working `finsam` (README, "Installing as a tool").

Each installer works on a copy of the project's files (an install builds in the source folder)
and installs into homes of the test's own; pipx and uv come with the test extras.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from finsam_tui import __version__

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def project_copy(dest: Path) -> Path:
    """The project's committed files (all of them but caches and the venv without git)."""
    try:
        names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        files = [n for n in names.decode().split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        files = []
    if files:
        for name in files:
            if (ROOT / name).is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, dest / name)
    else:
        shutil.copytree(ROOT, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", ".finsam-cache", "build", "*.egg-info"))
    return dest


def installer(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not in {BIN}: install the test extras (pip install -e '.[test]')")
    return str(path)


INSTALLS = {
    "pipx": lambda src, home: (
        [installer("pipx"), "install", "--python", sys.executable, str(src)],
        {"PIPX_HOME": str(home / "pipx"), "PIPX_BIN_DIR": str(home / "bin"), "PIPX_MAN_DIR": str(home / "man")}),
    "uv": lambda src, home: (
        [installer("uv"), "tool", "install", "--python", sys.executable, str(src)],
        {"UV_TOOL_DIR": str(home / "uv-tools"), "UV_TOOL_BIN_DIR": str(home / "bin")}),
}


@pytest.mark.parametrize("tool", sorted(INSTALLS))
def test_installed_as_a_tool_finsam_runs(tool, tmp_path):
    src = project_copy(tmp_path / "src")
    home = tmp_path / "home"
    cmd, env_add = INSTALLS[tool](src, home)
    env = {**os.environ, **env_add}
    env.pop("VIRTUAL_ENV", None)  # the test's own venv is not where the tool goes
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    finsam = home / "bin" / "finsam"
    assert finsam.exists(), f"{tool} installed no finsam command in {home / 'bin'}"

    def run(*args):
        out = subprocess.run([str(finsam), *args], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                             env={k: v for k, v in os.environ.items() if k != "FINSAM_RECORDS"})
        return out.returncode, out.stdout + out.stderr

    assert run("--version") == (0, f"finsam {__version__}\n")
    code, out = run("--help")
    assert code == 0 and "finsam validate" in out
    code, out = run("validate", str(src / "records"))
    assert code == 0 and re.search(r"(Inga fel eller varningar|0 fel, .*) \(\d+ filer kontrollerade\)\n$", out), out
    code, out = run("schema", "--out", str(tmp_path / "schemas"))
    assert code == 0 and (tmp_path / "schemas" / "meeting.json").is_file(), out
    # the shipped JSON Schemas (package data, for editors pointed at the package) are installed
    python = finsam.read_text(encoding="utf-8").splitlines()[0].removeprefix("#!").split()  # (pipx adds -E)
    shipped = subprocess.run([*python, "-I", "-c", "import finsam_tui, pathlib; print(sorted(p.name for p in "
                              "(pathlib.Path(finsam_tui.__file__).parent / 'core' / 'records' / 'schemas').glob('*.json')))"],
                             capture_output=True, text=True, timeout=60, cwd=tmp_path)  # (-I: not this checkout)
    assert "'meeting.json'" in shipped.stdout, shipped.stdout + shipped.stderr
    print(f"{tool}: finsam {__version__} installed and ran from {finsam}")

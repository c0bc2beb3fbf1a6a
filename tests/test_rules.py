"""Every rule code has a fixture that breaks it, hledger-style.

``tests/fixtures/base/`` is a small records folder that validates without any finding.
Each ``tests/fixtures/rules/<CODE>-<slug>/`` holds files that overlay a copy of base
(same relative paths, full contents), an optional ``_delete.txt`` with base-relative
paths to remove, an optional ``_unreadable.txt`` with base-relative folders or files that
cannot be read while it is validated (``tests/unreadable.py``), and ``expected.txt``: every
finding the validator must report on the overlaid folder, one per line,
``CODE relative/path.toml:LINE`` (``CODE path`` without a line for file-level findings
that have none; a folder ends in "/"). Lines starting with ``#`` are comments.
Files whose name starts with ``_``, ``expected.txt`` and ``exports.txt`` are not copied.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.check.codes import RULES
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.io.load import MAX_BYTES

from .unreadable import listed, unreadable

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASE = FIXTURES / "base"
RULE_FIXTURES = FIXTURES / "rules"

# Codes whose fixture is written by a test function instead of a fixture dir, and that test.
CODES_TESTED_IN_CODE = {"FS100": "test_fs100_unreadable_files", "FS110": "test_fs110_links_not_followed",
                        "FS359": "test_fs359_the_git_witness"}

_CODE_RE = re.compile(r"^FS\d{3}$")


def fixture_dirs() -> list[Path]:
    return sorted(p for p in RULE_FIXTURES.iterdir() if p.is_dir())


def parse_expected(path: Path) -> set[tuple[str, str, int | None]]:
    out = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        code, where = line.split(maxsplit=1)
        assert _CODE_RE.match(code), f"{path}: bad code in {raw!r}"
        m = re.match(r"^(.*?):(\d+)$", where)
        if m:
            out.add((code, m.group(1), int(m.group(2))))
        else:
            out.add((code, where, None))
    return out


def build(fixture: Path, dest: Path) -> Path:
    """Copy base to dest and apply the fixture's overlay and deletions."""
    shutil.copytree(BASE, dest)
    delete = fixture / "_delete.txt"
    if delete.exists():
        for raw in delete.read_text(encoding="utf-8").splitlines():
            rel = raw.strip()
            if rel and not rel.startswith("#"):
                target = dest / rel
                assert target.exists(), f"{fixture.name}: _delete.txt names {rel}, which base does not have"
                target.unlink()
    for src in sorted(fixture.rglob("*")):
        if not src.is_file():
            continue
        rel = src.relative_to(fixture)
        if rel.name.startswith("_") or rel in (Path("expected.txt"), Path("exports.txt")):
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
    return dest


def actual(root: Path) -> set[tuple[str, str, int | None]]:
    return {(f.code, f.file, f.line) for f in load_archive(root).findings}


def _fmt(items) -> str:
    return "\n".join(f"    {c} {f}:{ln}" if ln is not None else f"    {c} {f}" for c, f, ln in
                     sorted(items, key=lambda t: (t[1], t[2] or 0, t[0]))) or "    (none)"


def assert_findings(name: str, got: set, want: set) -> None:
    if got != want:
        raise AssertionError(
            f"{name}: findings differ\n  expected:\n{_fmt(want)}\n  actual:\n{_fmt(got)}\n"
            f"  missing:\n{_fmt(want - got)}\n  unexpected:\n{_fmt(got - want)}")


# --- base --------------------------------------------------------------------------------

def test_base_has_no_findings():
    got = actual(BASE)
    assert_findings("base", got, set())


def test_base_is_complete():
    archive = load_archive(BASE)
    assert {o.data["kind"] for o in archive.orgs.values()} == {
        "försäkringskassan", "arbetsförmedlingen", "region", "kommun"}
    assert set(archive.organs) == {"styrelse", "medlemssamrad"}
    assert len(archive.meetings_by_organ["styrelse"]) == 2
    assert len(archive.meetings_by_organ["medlemssamrad"]) == 1
    assert set(archive.budgets) == {2023}
    assert set(archive.insatser) == {"teamet"}


# --- one fixture per break ---------------------------------------------------------------

@pytest.mark.parametrize("fixture", fixture_dirs(), ids=lambda p: p.name)
def test_rule_fixture(fixture: Path, tmp_path: Path):
    want = parse_expected(fixture / "expected.txt")
    assert want, f"{fixture.name}: expected.txt lists no finding"
    code = fixture.name.split("-")[0]
    assert code in {c for c, _, _ in want}, f"{fixture.name}: expected.txt does not list {code}"
    root = build(fixture, tmp_path / "records")
    with unreadable(root, *listed(fixture)):
        assert_findings(fixture.name, actual(root), want)


def test_every_rule_has_a_fixture():
    covered = {p.name.split("-")[0] for p in fixture_dirs()}
    for code, test_name in CODES_TESTED_IN_CODE.items():
        assert test_name in globals(), f"{code} is said to be tested by {test_name}, which does not exist"
        covered.add(code)
    missing = sorted(set(RULES) - covered)
    assert not missing, f"rule codes without a fixture in tests/fixtures/rules/: {', '.join(missing)}"
    unknown = sorted(covered - set(RULES))
    assert not unknown, f"fixture dirs for codes that are not in catalog.RULES: {', '.join(unknown)}"


def test_fixture_dir_names():
    for p in fixture_dirs():
        assert re.match(r"^FS\d{3}-[a-z0-9-]+$", p.name), p.name
        assert (p / "expected.txt").is_file(), f"{p.name} has no expected.txt"


# --- FS100: unreadable files (bytes written here, not in a fixture dir) -------------------

def test_fs100_unreadable_files(tmp_path: Path):
    root = shutil.copytree(BASE, tmp_path / "records")
    # A Latin-1 "é" (byte 0xe9) on line 2, column 16: not UTF-8.
    (root / "personer" / "nils-ny.toml").write_bytes(b'name = "Nils Ny"\ntitle = "attach\xe9"\n')
    # One byte over the 2 MiB limit (valid TOML otherwise: a long comment).
    big = b'name = "Stor Fil"\n#' + b"x" * MAX_BYTES + b"\n"
    (root / "personer" / "stor-fil.toml").write_bytes(big)
    archive = load_archive(root)
    got = {(f.code, f.file, f.line, f.column) for f in archive.findings}
    assert got == {
        ("FS100", "personer/nils-ny.toml", 2, 16),
        ("FS100", "personer/stor-fil.toml", None, None),  # file-level: no line
    }, got


# --- FS110: links that are not followed (made here: a fixture dir copies no links) -------

def test_fs110_links_not_followed(tmp_path: Path):
    root = shutil.copytree(BASE, tmp_path / "records")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "hemlig.toml").write_text('name = "Hemlig"\n', encoding="utf-8")
    (root / "personer" / "hemlig.toml").symlink_to(outside / "hemlig.toml")  # a file out
    (root / "personer" / "extern").symlink_to(outside, target_is_directory=True)  # a folder out
    (root / "moten" / "styrelse" / "slinga").symlink_to("..", target_is_directory=True)  # a loop
    archive = load_archive(root)
    got = {(f.code, f.file, f.line) for f in archive.findings}
    assert_findings("FS110", got, {("FS110", "moten/styrelse/slinga", None), ("FS110", "personer/extern", None),
                                   ("FS110", "personer/hemlig.toml", None)})
    assert all(f.severity == "warning" for f in archive.findings)


# --- FS359: the git witness (a fixture dir has no history: the repository is made here) ----

def test_fs359_the_git_witness(tmp_path: Path):
    """base committed (its meetings locked), then a decision changed and the fingerprint
    recomputed with finsam's own function: the file alone shows nothing, git does."""
    import tomllib

    from finsam_tui.core.check.protocol_lock import fingerprint
    from finsam_tui.core.check.verify import verify

    from .gitutil import HAVE_GIT, commit_all, git

    if not HAVE_GIT:
        pytest.skip("git is not installed")
    root = shutil.copytree(BASE, tmp_path / "records")
    git(root, "init", "-q")
    commit_all(root, "base")
    meeting = root / "moten" / "styrelse" / "2023" / "2023-02-10.toml"
    text = meeting.read_text(encoding="utf-8").replace("att ge förbundschefen i uppdrag", "att ge kansliet i uppdrag")
    old = next(line for line in text.split("\n") if line.startswith("fingerprint = "))
    meeting.write_text(text.replace(old, f'fingerprint = "{fingerprint(tomllib.loads(text))}"'), encoding="utf-8")
    assert actual(root) == set()
    got = {(f.code, f.file, f.line) for f in verify(root).findings}
    assert_findings("FS359", got, {("FS359", "moten/styrelse/2023/2023-02-10.toml", 38)})


# --- the command line --------------------------------------------------------------------

def _records(fixture_name: str, tmp_path: Path) -> Path:
    return build(RULE_FIXTURES / fixture_name, tmp_path / "records")


def test_cli_text_output(tmp_path: Path, capsys):
    root = _records("FS301-chair-not-present", tmp_path)
    rc = main(["validate", str(root)])
    out = capsys.readouterr().out
    assert rc == 1
    lines = out.splitlines()
    head = re.compile(r"^moten/styrelse/2023/2023-02-10\.toml:9:(\d+): fel FS301: .*Bo Lind")
    idx = next((i for i, line in enumerate(lines) if head.match(line)), None)
    assert idx is not None, out
    col = int(head.match(lines[idx]).group(1))
    src = 'chair = "bo-lind"'
    assert 1 <= col <= len(src), out
    assert lines[idx + 1] == f" 9 | {src}", out
    caret = re.match(r"^ {3}\| ( *)(\^+)$", lines[idx + 2])  # " " + width of "9" + " | "
    assert caret, out
    assert len(caret.group(1)) == col - 1, out  # the marker sits under the reported column
    assert lines[idx + 3].startswith("  tips: "), out
    assert lines[-1].startswith("1 fel, 0 varningar i 1 fil "), out


def test_cli_json_output_errors(tmp_path: Path, capsys):
    root = _records("FS503-split", tmp_path)
    rc = main(["validate", str(root), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 1
    assert set(data) >= {"findings", "counts"}
    assert data["counts"]["errors"] == 2 and data["counts"]["warnings"] == 0
    assert len(data["findings"]) == 2
    for f in data["findings"]:
        assert {"severity", "code", "file", "line", "column", "message", "hint"} <= set(f)
        assert f["severity"] == "error" and f["code"] == "FS503" and f["file"] == "budgetar/2023.toml"
        assert isinstance(f["line"], int) and isinstance(f["column"], int)
        assert f["message"] and f["hint"]


def test_cli_json_output_warnings_only(tmp_path: Path, capsys):
    root = _records("FS303-adjuster-must-vote", tmp_path)
    rc = main(["validate", str(root), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert data["counts"]["errors"] == 0 and data["counts"]["warnings"] == 1
    [f] = data["findings"]
    assert (f["severity"], f["code"], f["file"], f["line"]) == (
        "warning", "FS303", "moten/styrelse/2023/2023-02-10.toml", 11)


def test_cli_clean_folder(capsys):
    rc = main(["validate", str(BASE)])
    out = capsys.readouterr().out
    assert rc == 0
    assert out.startswith("Inga fel eller varningar"), out


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_cli_not_a_records_folder(tmp_path: Path, capsys, fmt: str):
    (tmp_path / "personer").mkdir()
    rc = main(["validate", str(tmp_path), "--format", fmt])
    err = capsys.readouterr().err
    assert rc == 2
    assert "forbund.toml" in err


def test_every_rule_function_registers_itself_once():
    """A check_* function in the rules package runs only if it is decorated with @local or
    @cross: one forgotten decorator would silently switch a rule off."""
    import inspect

    from finsam_tui.core.check import rules

    registered = [rule for kind_rules in rules.LOCAL.values() for rule in kind_rules] + list(rules.CROSS)
    modules = [rules.identity, rules.references, rules.numbering, rules.budgets, rules.meetings,
               rules.memberships, rules.insatser, rules.printed_names]
    modules += [rules.contributions, rules.budget_sources, rules.bilagor, rules.procedure]
    modules += [rules.vacancies, rules.seating]
    defined = [fn for m in modules for name, fn in inspect.getmembers(m, inspect.isfunction)
               if name.startswith("check_") and fn.__module__ == m.__name__]
    assert sorted(fn.__qualname__ for fn in defined) == sorted({fn.__qualname__ for fn in registered})
    assert len(rules.CROSS) == len(set(rules.CROSS))
    for kind_rules in rules.LOCAL.values():
        assert len(kind_rules) == len(set(kind_rules))
    pkg = Path(rules.__file__).parent
    on_disk = {p.stem for p in pkg.glob("*.py")} - {"__init__", "registry", "personal_data", "presence"}
    assert on_disk == {m.__name__.rsplit(".", 1)[1] for m in modules}, "import every rule module in rules/__init__.py"

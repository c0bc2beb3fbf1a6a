"""Paths: ids and references that try to leave the records folder, names with control
characters, symlinks out of the folder, and an export that must stay in its folder.

* An id or reference such as ``../../etc/passwd``, ``/etc/passwd`` or one with control
  characters is rejected with a finding at its file and line (FS201 for a typed id that
  names nothing, FS202 for a malformed reference, FS105 for a malformed id); the text
  report shows control characters escaped.
* A file whose name is not an id (control characters, dots, capitals) is FS107; a name
  with a leading dot is never read (that is how temp files are kept out).
* A symlink out of the folder, to a file or a folder (or dangling), is not followed and is
  an FS110 warning with the link's path; a link inside is followed (a folder one step: the
  links in a linked folder are FS110), a loop is FS110 and never hangs; a cache folder that
  is a symlink is not used.
* ``finsam export all --out DIR`` writes only inside DIR: a symlink already in DIR that
  leads out is refused, never written through.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.check import cache
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.export import ExportError, bundle, write_bundle

from .conftest import beyond_the_example, relock

MEETING = "moten/styrelse/2023/2023-06-09.toml"
INSATS = "insatser/ung-framtid.toml"


def toml_str(value: str) -> str:
    """A TOML basic string for value (JSON's escapes are TOML's: \\n, \\u001b, \\", \\\\)."""
    return json.dumps(value, ensure_ascii=False)


def set_line(root: Path, rel: str, prefix: str, new: str) -> int:
    """Replace the first line of rel that starts with prefix; its line number."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.startswith(prefix):
            lines[i] = new
            path.write_text("\n".join(lines), encoding="utf-8")
            if rel.startswith("moten/"):
                relock(path)
            return i + 1
    raise AssertionError(f"{rel} has no line starting with {prefix!r}")


def append(root: Path, rel: str, text: str, key: str) -> int:
    """Append text to rel; the line number of the appended line starting with key."""
    path = root / rel
    old = path.read_text(encoding="utf-8")
    path.write_text(old + text, encoding="utf-8")
    before = old.count("\n")
    for i, line in enumerate(text.split("\n")):
        if line.startswith(key):
            return before + i + 1
    raise AssertionError(key)


def findings(root: Path) -> list[tuple[str, str, int | None]]:
    archive = load_archive(root)
    result = beyond_the_example((f.code, f.file, f.line) for f in archive.findings)
    cached = beyond_the_example((f.code, f.file, f.line) for f in cache.run(root).findings)
    assert cached == result
    return result


def validate_text(root: Path, *extra: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["validate", str(root), *extra])
    return code, out.getvalue()


# ---------------------------------------------------------------------------------------------
# ids and references
# ---------------------------------------------------------------------------------------------

HOSTILE_IDS = ["../../etc/passwd", "/etc/passwd", "anna\x1b[31m", "a\nb", "styrelse\n"]

# (case, file, how to write the value into it, expected code)
CASES = [
    ("secretary (person)", MEETING, lambda r, v: set_line(r, MEETING, "secretary = ", f"secretary = {toml_str(v)}"),
     "FS201"),
    ("§ refs (any reference)", MEETING,
     lambda r, v: set_line(r, MEETING, 'refs = ["styrelse/2023-04-14"]', f"refs = [{toml_str(v)}]"), "FS202"),
    ("owner (organisation)", INSATS, lambda r, v: set_line(r, INSATS, "owner = ", f"owner = {toml_str(v)}"),
     "FS201"),
    ("budget_lines (budget line)", INSATS,
     lambda r, v: set_line(r, INSATS, "budget_lines = ", f'budget_lines = ["budget/2022/ung-framtid", {toml_str(v)}]'),
     "FS202"),
    ("steering_group (person)", INSATS,
     lambda r, v: set_line(r, INSATS, "steering_group = ", f'steering_group = [{toml_str(v)}, "sofia-aronsson"]'),
     "FS201"),
    ("decided_by (§)", INSATS, lambda r, v: set_line(r, INSATS, "decided_by = ", f"decided_by = {toml_str(v)}"),
     "FS202"),
    ("membership organ", "personer/gunilla-tornqvist.toml",
     lambda r, v: append(r, "personer/gunilla-tornqvist.toml",
                         f'\n[[memberships]]\norgan = {toml_str(v)}\nrole = "adjungerad"\nstart = 2023-01-01\n',
                         "organ = "), "FS201"),
    ("task responsible (person)", MEETING,
     lambda r, v: append(r, MEETING, f'\n[[items.tasks]]\ntask = "Utreda"\nresponsible = {toml_str(v)}\n',
                         "responsible = "), "FS201"),
    ("organ id in forbund.toml", "forbund.toml",
     lambda r, v: append(r, "forbund.toml", f'\n[[organs]]\nid = {toml_str(v)}\nname = "X"\nkind = "annat"\n',
                         "id = "), "FS105"),
    ("other_income id in a budget", "budgetar/2022.toml",
     lambda r, v: set_line(r, "budgetar/2022.toml", 'id = "ranteintakter"', f"id = {toml_str(v)}"), "FS105"),
]


@pytest.mark.parametrize("value", HOSTILE_IDS, ids=["dotdot", "absolute", "escape", "newline", "final-newline"])
@pytest.mark.parametrize("case, rel, write, code", CASES, ids=[c[0] for c in CASES])
def test_hostile_ids_and_references_are_findings(shared_records_copy, case, rel, write, code, value):
    records_copy = shared_records_copy
    line = write(records_copy, value)
    if rel.startswith("moten/"):
        relock(records_copy / rel)
    assert findings(records_copy) == [(code, rel, line)]
    status, text = validate_text(records_copy)
    assert status == 1
    assert f"{rel}:{line}:" in text and f" {code}: " in text
    assert "\x1b" not in text  # an escape in a value is shown, never sent to the terminal
    if "\x1b" in value:
        assert "anna\\x1b[31m" in text
    status, out = io.StringIO(), None
    with contextlib.redirect_stdout(status):
        main(["validate", str(records_copy), "--format", "json"])
    found = beyond_the_example(json.loads(status.getvalue())["findings"])
    assert [(f["code"], f["file"], f["line"]) for f in found] == [(code, rel, line)]


def test_a_clean_copy_has_no_findings(records_copy):
    assert findings(records_copy) == []


# ---------------------------------------------------------------------------------------------
# file names
# ---------------------------------------------------------------------------------------------

BAD_NAMES = [
    "personer/anna\x1b[31m.toml", "personer/a\nb.toml", "personer/anna\n.toml", "personer/anna.lindqvist.toml", "personer/anna..toml",
    "personer/Anna.toml", "personer/anna lindqvist.toml", "personer/-anna.toml", "organisationer/x\ty.toml",
    "moten/styrelse/2023/2023-06-09.evil.toml", "moten/sty\x1brelse/2023/2023-01-01.toml",
    "moten/styrelse.old/2023/2023-01-01.toml", "budgetar/2023.1.toml",
]


@pytest.mark.parametrize("rel", BAD_NAMES, ids=[repr(n) for n in BAD_NAMES])
def test_file_names_that_are_not_ids_are_rejected(records_copy, rel):
    path = records_copy / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('name = "Anna"\n', encoding="utf-8")
    assert findings(records_copy) == [("FS107", rel, None)]
    status, text = validate_text(records_copy)
    assert status == 1 and "\x1b" not in text
    shown = rel.replace("\x1b", "\\x1b").replace("\n", "\\x0a")  # a tab is harmless: kept
    assert f"{shown}: fel FS107: " in text


@pytest.mark.parametrize("rel", ["personer/.anna.toml", "personer/..anna.toml", "personer/_anna.toml",
                                 ".hemlig/anna.toml", "moten/.styrelse/2023/2023-01-01.toml"])
def test_names_with_a_leading_dot_or_underscore_are_never_read(records_copy, rel):
    path = records_copy / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('name = "Anna" 811218-9876 this is not even TOML', encoding="utf-8")
    assert findings(records_copy) == []
    assert "anna" not in load_archive(records_copy).persons


def test_a_folder_with_a_dot_in_its_name_is_no_place_for_records(records_copy):
    rel = "personer/gamla.filer/anna.toml"
    (records_copy / rel).parent.mkdir()
    (records_copy / rel).write_text('name = "Anna"\n', encoding="utf-8")
    assert findings(records_copy) == [("FS108", rel, None)]


# ---------------------------------------------------------------------------------------------
# symlinks
# ---------------------------------------------------------------------------------------------

SECRET = 'name = "Hemlig Person"\ntitle = "811218-9876"\n'


@pytest.fixture
def outside(tmp_path) -> Path:
    d = tmp_path / "outside"
    d.mkdir()
    (d / "hemlig.toml").write_text(SECRET, encoding="utf-8")
    return d


def test_a_symlinked_file_leading_out_is_not_followed(records_copy, outside):
    link = records_copy / "personer" / "hemlig.toml"
    link.symlink_to(outside / "hemlig.toml")
    dangling = records_copy / "personer" / "borta.toml"
    dangling.symlink_to(outside / "finns-inte.toml")
    absolute = records_copy / "organisationer" / "passwd.toml"
    absolute.symlink_to("/etc/passwd")
    (records_copy / "personer" / "readme.md").symlink_to("/etc/passwd")  # no record: ignored like the file
    expected = [("FS110", "organisationer/passwd.toml", None), ("FS110", "personer/borta.toml", None),
                ("FS110", "personer/hemlig.toml", None)]
    assert findings(records_copy) == expected  # no FS701: the linked file's text was never read
    archive = load_archive(records_copy)
    assert "hemlig" not in archive.persons and all(f.severity == "warning" for f in archive.findings)
    status, text = validate_text(records_copy, "--lang", "en")
    assert status == 0
    assert ("personer/hemlig.toml: warning FS110: The link is not followed: it leads out of the records folder\n"
            "  hint: Move the contents into the records folder or remove the link.\n") in text
    status, text = validate_text(records_copy)
    assert ("personer/hemlig.toml: varning FS110: Länken följs inte: den leder ut ur arkivmappen\n"
            "  tips: Flytta in innehållet i arkivmappen eller ta bort länken.\n") in text


def test_a_symlink_inside_the_folder_is_read(records_copy):
    (records_copy / "personer" / "kopia.toml").symlink_to(records_copy / "personer" / "annika-berglof.toml")
    assert findings(records_copy) == []
    assert "kopia" in load_archive(records_copy).persons


def test_a_symlinked_folder_leading_out_is_not_entered_but_reported(records_copy, outside):
    checked = load_archive(records_copy).files_checked
    (outside / "2023-01-01.toml").write_text(SECRET, encoding="utf-8")
    (records_copy / "personer" / "extern").symlink_to(outside, target_is_directory=True)
    (records_copy / "moten" / "extern").symlink_to(outside, target_is_directory=True)
    (records_copy / "moten" / "styrelse" / "2021").symlink_to("../../../outside", target_is_directory=True)
    (records_copy / "arkiv").symlink_to("/etc", target_is_directory=True)
    (records_copy / "budgetar" / "nas").symlink_to("/finns/inte/budgetar")  # a disk that is not there
    rels = ["arkiv", "budgetar/nas", "moten/extern", "moten/styrelse/2021", "personer/extern"]
    # a warning with the link's path, no line; nothing of what is behind it is read (no FS701)
    assert findings(records_copy) == [("FS110", rel, None) for rel in rels]
    archive = load_archive(records_copy)
    assert archive.files_checked == checked + len(rels)
    assert "hemlig" not in archive.persons
    status, text = validate_text(records_copy, "--lang", "en")
    assert status == 0
    for rel in rels:
        assert f"{rel}: warning FS110: The link is not followed: it leads out of the records folder\n" in text
    deliberate = [f for f in archive.findings if f not in beyond_the_example(archive.findings)]
    warnings, files = 5 + len(deliberate), 5 + len({f.file for f in deliberate})
    assert text.endswith(f"0 errors, {warnings} warnings in {files} files ({checked + 5} files checked)\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["validate", str(records_copy), "--format", "json", "--lang", "en"])
    found = beyond_the_example(json.loads(out.getvalue())["findings"])
    assert [(f["code"], f["file"], f["line"], f["severity"]) for f in found] == [
        ("FS110", rel, None, "warning") for rel in rels]


def test_the_cache_sees_a_link_come_and_go(records_copy, outside):
    assert beyond_the_example(cache.run(records_copy).findings) == []
    link = records_copy / "moten" / "styrelse" / "2021"
    link.symlink_to(outside, target_is_directory=True)
    result = cache.run(records_copy)
    assert result.used_cache and [(f.code, f.file) for f in beyond_the_example(result.findings)] == [
        ("FS110", "moten/styrelse/2021")]
    assert [(f.code, f.file) for f in beyond_the_example(cache.run(records_copy).findings)] == [
        ("FS110", "moten/styrelse/2021")]
    link.unlink()
    assert beyond_the_example(cache.run(records_copy).findings) == []


def test_a_symlinked_folder_inside_is_read_like_a_copy(records_copy, tmp_path):
    (records_copy / "moten" / "kopia").symlink_to("styrelse", target_is_directory=True)
    copy = shutil.copytree(records_copy, tmp_path / "copy", symlinks=True)
    (copy / "moten" / "kopia").unlink()
    shutil.copytree(copy / "moten" / "styrelse", copy / "moten" / "kopia")
    found = findings(records_copy)
    assert found == findings(copy)
    assert {code for code, _f, _l in found} == {"FS320"}  # the meetings of "kopia" say organ = "styrelse"


def test_link_loops_are_not_entered(records_copy):
    meetings = records_copy / "moten" / "styrelse"
    (records_copy / "moten" / "kopia").symlink_to("styrelse", target_is_directory=True)
    # a link to its own folder and one to the records folder itself: loops, not entered;
    # met again in the linked folder "kopia": not followed a second step
    (meetings / "2023" / "slinga").symlink_to(".", target_is_directory=True)
    (meetings / "upp").symlink_to(records_copy, target_is_directory=True)
    # a link to an (empty) folder inside: followed in styrelse, not a second step in kopia
    (records_copy / "_tom").mkdir()
    (meetings / "2019").symlink_to("../../_tom", target_is_directory=True)
    found = findings(records_copy)  # it returns: no endless walk
    assert [f for f in found if f[0] == "FS110"] == [
        ("FS110", "moten/kopia/2019", None), ("FS110", "moten/kopia/2023/slinga", None),
        ("FS110", "moten/kopia/upp", None), ("FS110", "moten/styrelse/2023/slinga", None),
        ("FS110", "moten/styrelse/upp", None)]
    assert {code for code, _f, _l in found} == {"FS110", "FS320"}
    status, text = validate_text(records_copy, "--lang", "en")
    assert ("moten/styrelse/2023/slinga: warning FS110: The link is not followed: it leads to a folder it lies in "
            "itself (a loop)\n") in text
    assert ("moten/kopia/2019: warning FS110: The link is not followed: it lies in a linked folder, and links are "
            "followed one step only\n") in text
    status, text = validate_text(records_copy)
    assert ("moten/styrelse/upp: varning FS110: Länken följs inte: den leder till en mapp som den själv ligger i "
            "(en slinga)\n") in text
    assert ("moten/kopia/2019: varning FS110: Länken följs inte: den ligger i en länkad mapp, och länkar "
            "följs bara ett steg\n") in text


def test_a_link_loop_between_two_folders_ends(records_copy):
    a, b = records_copy / "personer" / "a", records_copy / "personer" / "b"
    a.symlink_to("b", target_is_directory=True)
    b.symlink_to("a", target_is_directory=True)  # a -> b -> a: resolves nowhere
    (records_copy / "personer" / "c").symlink_to("c", target_is_directory=True)  # a link to itself
    (records_copy / "personer" / "d.toml").symlink_to("d.toml")
    assert findings(records_copy) == [("FS110", f"personer/{name}", None) for name in ("a", "b", "c", "d.toml")]
    status, text = validate_text(records_copy)
    assert status == 0
    assert ("personer/a: varning FS110: Länken följs inte: den pekar runt i en slinga av länkar och leder "
            "ingenstans\n") in text
    assert "personer/d.toml: varning FS110: Länken följs inte: den pekar runt i en slinga av länkar" in text


def test_fmt_never_rewrites_through_a_link_out(records_copy, outside):
    unformatted = 'title =   "x"\nname="Hemlig Person"\n'
    (outside / "hemlig.toml").write_text(unformatted, encoding="utf-8")
    (outside / "extern").mkdir()
    (outside / "extern" / "anna.toml").write_text(unformatted, encoding="utf-8")
    (records_copy / "personer" / "hemlig.toml").symlink_to(outside / "hemlig.toml")
    (records_copy / "personer" / "extern").symlink_to(outside / "extern", target_is_directory=True)
    for argv in (["fmt", "--records", str(records_copy)], ["fmt", str(records_copy / "personer")]):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(argv) == 0
        assert (outside / "hemlig.toml").read_text(encoding="utf-8") == unformatted
        assert (outside / "extern" / "anna.toml").read_text(encoding="utf-8") == unformatted
        assert (records_copy / "personer" / "hemlig.toml").is_symlink()


def test_a_symlinked_cache_folder_is_not_used(records_copy, outside):
    before = sorted(p.name for p in outside.iterdir())
    shutil.rmtree(records_copy / ".finsam-cache", ignore_errors=True)
    (records_copy / ".finsam-cache").symlink_to(outside, target_is_directory=True)
    result = cache.run(records_copy)
    assert not result.used_cache and beyond_the_example(result.findings) == []
    assert sorted(p.name for p in outside.iterdir()) == before


def test_cache_files_that_are_symlinks_are_not_written_through(records_copy, outside):
    shutil.rmtree(records_copy / ".finsam-cache", ignore_errors=True)
    folder = records_copy / ".finsam-cache"
    folder.mkdir()
    (folder / ".gitignore").symlink_to(outside / "gitignore-target")  # dangling: would be created
    (folder / "cache.sqlite").symlink_to(outside / "db-target")
    result = cache.run(records_copy)
    assert not result.used_cache and beyond_the_example(result.findings) == []
    assert sorted(p.name for p in outside.iterdir()) == ["hemlig.toml"]


# ---------------------------------------------------------------------------------------------
# export never writes outside its folder
# ---------------------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes | str]:
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        out[rel] = "->" + os.readlink(p) if p.is_symlink() else (p.read_bytes() if p.is_file() else "dir")
    return out


def _export_all(records: Path, out: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["export", "all", "--out", str(out), "--records", str(records)])
    return code, err.getvalue()


@pytest.mark.parametrize("link, kind", [
    ("index.md", "file"), ("beslutsregister.md", "file"), ("protokoll", "dir"),
    ("kallelser/styrelse", "dir"), ("protokoll/styrelse/2023-06-09.md", "file"), ("budgetar", "dir"),
])
def test_export_refuses_to_write_through_a_symlink_in_the_output_folder(records_copy, tmp_path, link, kind):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep", encoding="utf-8")
    out = tmp_path / "export"
    (out / link).parent.mkdir(parents=True, exist_ok=True)
    if kind == "dir":
        (out / link).symlink_to(outside, target_is_directory=True)
    else:
        (out / link).symlink_to(outside / "keep.txt")
    before = _tree(outside)
    code, err = _export_all(records_copy, out)
    assert code == 2 and err
    assert _tree(outside) == before
    assert (out / link).is_symlink()


def test_export_never_writes_through_a_planted_temp_name(records_copy, tmp_path):
    """The temp files of export are new files with random names: links planted at the old,
    predictable names (".index.md.tmp") lead nowhere."""
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "export"
    out.mkdir()
    for name in ("index.md", "beslutsregister.md"):
        (out / f".{name}.tmp").symlink_to(outside / f"{name}-planted")
    code, _ = _export_all(records_copy, out)
    assert code == 0
    assert list(outside.iterdir()) == []
    assert (out / "index.md").is_file() and not (out / "index.md").is_symlink()
    assert not [p for p in out.rglob("*.tmp") if not p.is_symlink()]  # no temp file of ours left


def test_export_of_hostile_ids_stays_inside_the_output_folder(records_copy, tmp_path):
    append(records_copy, "forbund.toml", '\n[[organs]]\nid = "../../../../tmp/x"\nname = "X"\nkind = "annat"\n', "id")
    set_line(records_copy, "budgetar/2022.toml", 'id = "ranteintakter"', 'id = "../../../ut"')
    archive = load_archive(records_copy)
    files = bundle(archive, "sv", draft=True)
    out = tmp_path / "export"
    before = {p for p in tmp_path.rglob("*")}
    written = write_bundle(files, out)
    real = out.resolve()
    assert all(p.resolve().is_relative_to(real) for p in written)
    assert {p for p in tmp_path.rglob("*")} - before == {p for p in out.rglob("*")} | {out}


@pytest.mark.parametrize("rel", ["../ut.md", "/tmp/ut.md", "a/../../ut.md", "a\\..\\ut.md", "", "..", "a/.."])
def test_write_bundle_refuses_paths_that_leave_the_folder(tmp_path, rel):
    with pytest.raises(ExportError):
        write_bundle({rel: "x"}, tmp_path / "export")
    assert [p.name for p in tmp_path.iterdir()] in ([], ["export"])
    assert not (tmp_path / "ut.md").exists()

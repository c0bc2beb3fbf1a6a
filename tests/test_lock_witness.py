"""git as the witness of locked protocols (#14, section 1): ``finsam verify``.

A real repository in a temporary folder: the bundled example committed with one meeting justerad
but not locked, then locked by ``finsam lock`` in a commit of its own (by "Bo Lås": the commit the
findings must name). Then the protocol is tampered with in each way the issue names — the
fingerprint recomputed with finsam's own function, the state set back, the fingerprint removed,
a rättelse removed or rewritten — committed or not, and the exact findings are asserted (code,
file, line, the commit named). What may happen to a locked protocol stays clean: formatting, a
proper rättelse, a date rättelse that moves the file, the anslag.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import time
import tomllib

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.check.protocol_lock import chain, fingerprint
from finsam_tui.core.check.verify import verify
from finsam_tui.core.io.tomledit import update_text
from finsam_tui.core.ops.correct import Correction, correct
from finsam_tui.core.ops.places import moved_place, place_of_rel
from finsam_tui.core.ops.save import Saved, read_record, save

from .conftest import RECORDS, beyond_the_example, report_figure
from .gitutil import GIT_ENV, commit_all, git, git_env, needs_git  # noqa: F401 (git_env is a fixture)

pytestmark = [needs_git, pytest.mark.usefixtures("git_env")]

REL = "moten/styrelse/2023/2023-04-14.toml"  # anslagen; state on line 9, [justering] 23, fingerprint 26
REF = "styrelse/2023-04-14"
STATE, JUSTERING, FINGERPRINT = 9, 23, 26
DECISION = '"att godkänna dagordningen"'  # §14's clause (its line moves with the names finsam lock froze)
MOVED, TARGET = "moten/styrelse/2023/2023-02-17.toml", "moten/styrelse/2023/2023-02-24.toml"


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    """A repository: the example with REL justerad but unlocked (Anna Test), then REL locked (Bo Lås).
    Returns (top, the lock commit's full hash)."""
    top = tmp_path_factory.mktemp("witness") / "repo"
    shutil.copytree(RECORDS, top / "records", ignore=shutil.ignore_patterns(".finsam-cache"))
    (top / ".gitignore").write_text(".finsam-cache/\n", encoding="utf-8")
    path = top / "records" / REL
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'^fingerprint = ".*"\n', "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    env = {**os.environ, **GIT_ENV}
    subprocess.run(["git", "init", "-q"], cwd=top, check=True, env=env)
    subprocess.run(["git", "add", "-A"], cwd=top, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "Arkivet"], cwd=top, check=True, env=env)
    assert main(["lock", REF, "--records", str(top / "records")]) == 0
    subprocess.run(["git", "add", "-A"], cwd=top, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "Låst"], cwd=top, check=True, env={**env, "GIT_AUTHOR_NAME": "Bo Lås"})
    lock = subprocess.run(["git", "rev-parse", "HEAD"], cwd=top, check=True, capture_output=True, text=True,
                          env=env).stdout.strip()
    return top, lock


@pytest.fixture(scope="module")
def _clone(origin, tmp_path_factory):
    top, lock = origin
    clone = tmp_path_factory.mktemp("clone") / "repo"
    git(clone.parent, "clone", "-q", str(top), str(clone))
    return clone, lock


@pytest.fixture
def repo(_clone):
    """A clone of the origin to tamper with: (its records folder, the lock commit); put back as
    the origin has it after the test (the validation cache, ignored by git, stays warm)."""
    clone, lock = _clone
    yield clone / "records", lock
    git(clone, "reset", "-q", "--hard", lock)
    git(clone, "clean", "-q", "-f", "-d")


def witnessed(root) -> list[tuple[str, str, int, str | None, str | None]]:
    """(code, file, line, the lock commit's short hash, the short hash of the commit the change came in)."""
    out = []
    for f in verify(root).findings:
        lock = f.params.get("lock_commit")
        changed = f.params.get("changed_in")
        out.append((f.code, f.file, f.line, lock.short if lock else None, changed.short if changed else None))
    return out


def edit(root, old: str, new: str, rel: str = REL, count: int = 1) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def refingerprint(root, rel: str = REL) -> None:
    """The forgery: the fingerprint recomputed for the changed content with finsam's own function."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.split("\n") if line.startswith("fingerprint = "))
    path.write_text(text.replace(old, f'fingerprint = "{fingerprint(tomllib.loads(text))}"'), encoding="utf-8")


def lock_of_moved(root) -> str:
    """The commit that locked MOVED: the first one (the example came locked)."""
    return git(root, "rev-list", "--max-parents=0", "--abbrev-commit", "--abbrev=7", "HEAD").strip()


def line_of(root, needle: str, rel: str = REL) -> int:
    lines = (root / rel).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def head(root) -> str:
    return git(root, "rev-parse", "--short=7", "HEAD").strip()


# -- the tampering the issue names -----------------------------------------------------------------

def test_a_recomputed_fingerprint_is_caught_uncommitted_and_committed(repo, capsys):
    root, lock = repo
    assert witnessed(root) == []
    decision = line_of(root, DECISION)
    edit(root, '"att godkänna dagordningen"', '"att godkänna dagordningen med ett tillägg"')
    refingerprint(root)
    assert [f for f in witnessed(root) if f[0] != "FS359"] == []  # the file alone: nothing to see
    assert witnessed(root) == [("FS359", REL, decision, lock[:7], None)]
    capsys.readouterr()
    assert main(["verify", str(root)]) == 1
    out = capsys.readouterr().out
    assert (f"{REL}:{decision}:13: fel FS359: Protokollet skiljer sig från det som låstes i commit {lock[:7]} "
            f"({dt.date.today()}, Bo Lås): innehållet har ändrats utan rättelse, vid §14 decision[0]; "
            "ändringen är inte incheckad än\n") in out
    assert f"  tips: Git-historiken är vittnet: git show {lock[:7]}:records/{REL} visar protokollet" in out
    # finsam validate sees nothing in the file; with --git it asks the witness too
    assert main(["validate", str(root)]) == 0
    capsys.readouterr()
    assert main(["validate", str(root), "--git", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    [f] = beyond_the_example(report["findings"])
    assert (f["code"], f["file"], f["line"], f["commits"]["locked"]["commit"]) == ("FS359", REL, decision, lock)
    assert report["git"]["repository"] is True
    commit_all(root, "Ändrat", author="Mallory")
    assert witnessed(root) == [("FS359", REL, decision, lock[:7], head(root))]
    assert main(["verify", str(root), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert (f"the content was changed without a correction, at §14 decision[0]; changed in commit {head(root)} "
            f"({dt.date.today()}, Mallory)\n") in out
    assert out.endswith("1 error, 0 warnings in 1 file (10 meetings checked)\n")
    # put back as it was locked: clean again, the tampering left in the history
    git(root.parent, "checkout", lock, "--", f"records/{REL}")
    assert witnessed(root) == []


def test_the_state_set_back_with_a_decision_changed(repo):
    root, lock = repo
    decision = line_of(root, DECISION)
    edit(root, 'state = "anslagen"', 'state = "genomförd"')
    edit(root, '"att godkänna dagordningen"', '"att godkänna dagordningen med ett tillägg"')
    expected = [("FS356", REL, STATE, None, None), ("FS359", REL, STATE, lock[:7], None),
                ("FS326", REL, FINGERPRINT, None, None), ("FS359", REL, decision, lock[:7], None)]
    assert sorted(witnessed(root), key=lambda f: (f[2], f[0])) == sorted(expected, key=lambda f: (f[2], f[0]))
    commit_all(root, "Status", author="Mallory")
    assert {f[4] for f in witnessed(root) if f[0] == "FS359"} == {head(root)}


def test_the_fingerprint_removed_with_the_state_set_back(repo):
    root, lock = repo
    path = root / REL
    text = path.read_text(encoding="utf-8")
    unlocked = re.sub(r'^fingerprint = ".*"\n', "", text.replace('state = "anslagen"', 'state = "planerad"'),
                      count=1, flags=re.MULTILINE)
    path.write_text(unlocked, encoding="utf-8")
    # the names finsam lock froze still say it was locked; git says it too, and when
    assert witnessed(root) == [("FS356", REL, STATE, None, None), ("FS359", REL, STATE, lock[:7], None),
                               ("FS355", REL, JUSTERING, None, None), ("FS359", REL, JUSTERING, lock[:7], None)]
    messages = [f.message("en") for f in verify(root).findings if f.code == "FS359"]
    assert messages[0].endswith(": the state is planerad; the change is not committed yet")
    assert messages[1].endswith(": the fingerprint was removed; the change is not committed yet")
    # no trace left in the file (the frozen names removed too): only the history tells
    start = unlocked.index("[justering.printed]")
    path.write_text(unlocked[:start] + unlocked[unlocked.index("[anslag]"):], encoding="utf-8")
    assert witnessed(root) == [("FS359", REL, STATE, lock[:7], None), ("FS359", REL, JUSTERING, lock[:7], None),
                               ("FS359", REL, JUSTERING, lock[:7], None)]
    assert [f.params["what"].key for f in verify(root).findings] == [
        "witness_state", "witness_fingerprint_removed", "witness_content"]  # (the names: content)
    # the state as it was: the file itself says justerad and never locked (FS327, a warning)
    path.write_text(re.sub(r'^fingerprint = ".*"\n', "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    assert witnessed(root) == [("FS355", REL, JUSTERING, None, None), ("FS359", REL, JUSTERING, lock[:7], None)]


def test_corrections_are_witnessed_append_only(repo):
    root, lock = repo
    assert main(["correct", REF, "--records", str(root), "--by", "johanna-lilja", "--what", "x",
                 "--why", "y"]) == 1  # nothing changed: refused
    edit(root, 'place = "Kommunhuset', 'place = "Stadshuset')
    assert main(["correct", REF, "--records", str(root), "--by", "johanna-lilja", "--what", "Platsen rättad",
                 "--why", "Skrivfel", "--date", "2 maj 2023"]) == 0
    assert witnessed(root) == []  # a proper rättelse, uncommitted
    corrected = commit_all(root, "Rättelse", author="Cia Rätt")[:7]
    assert witnessed(root) == []
    path = root / REL
    text = path.read_text(encoding="utf-8")
    entry = text.index("[[corrections]]")
    start = text[:entry].count("\n") + 1
    # the rättelse rewritten, its chain recomputed so the file alone shows nothing
    data = tomllib.loads(text)
    data["corrections"][0]["why"] = "Beslut av ordföranden"
    data["corrections"][0]["chain"] = chain(data["corrections"])
    path.write_text(update_text(text, data), encoding="utf-8")
    assert witnessed(root) == [("FS359", REL, start, lock[:7], None)]
    [f] = verify(root).findings
    assert f.message("sv").startswith(f"Protokollet skiljer sig från det som låstes i commit {lock[:7]} ")
    assert ": rättelse 1 har skrivits om;" in f.message("sv")
    assert f.hint("sv").startswith(f"Git-historiken är vittnet: git show {corrected}:records/{REL} visar")
    # the rättelse removed and the place put back as locked: the removal shows, and so does the place
    path.write_text(text[:entry].rstrip("\n").replace('place = "Stadshuset', 'place = "Kommunhuset') + "\n",
                    encoding="utf-8")
    got = witnessed(root)
    assert [(c, line) for c, _f, line, _l, _ch in got] == [("FS359", 8), ("FS359", JUSTERING)], got
    assert {f.message("en").split(": ", 1)[1].split(";")[0] for f in verify(root).findings} == {
        "the content was changed without a correction, at place", "correction 1 was removed"}


def test_formatting_and_what_may_change_stay_clean(repo):
    root, _lock = repo
    path = root / REL
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    # comments, spacing, key order (start and end swapped), a string written another way
    lines.insert(3, "# en kommentar")
    formatted = "\n".join(lines).replace('start = "09:00"\nend = "11:30"', 'end   =   "11:30"\nstart="09:00"')
    formatted = formatted.replace('title = "Mötets öppnande"', "title = 'Mötets öppnande'")
    formatted = formatted.replace("removed = 2023-05-15", "removed = 2023-05-16")  # the anslag may change
    assert tomllib.loads(formatted) != tomllib.loads(text)
    path.write_text(formatted, encoding="utf-8")
    assert witnessed(root) == []
    commit_all(root, "Formaterat")
    assert witnessed(root) == []


def test_a_date_rattelse_moves_the_file_and_stays_clean(repo):
    root, lock = repo
    place = place_of_rel(root, MOVED)
    snap, data = read_record(root / MOVED)
    changed = dict(data, date=dt.date(2023, 2, 24))
    corrected = correct(changed, Correction(dt.date(2023, 3, 1), "johanna-lilja", "Datum rättat", "Fel datum"))
    target = moved_place(root, place, data, corrected)
    assert target is not None and target.rel == TARGET
    assert isinstance(save(root, place, snap, corrected, move_to=target), Saved)
    assert not (root / MOVED).exists() and (root / TARGET).exists()
    assert witnessed(root) == []  # uncommitted: the new file is the old one, by its lock fingerprint
    commit_all(root, "Datum rättat")
    assert witnessed(root) == []  # committed: git's rename
    # moved and tampered in one go, uncommitted: followed by its lines, and caught
    text = (root / TARGET).read_text(encoding="utf-8")
    (root / TARGET).unlink()
    forged = text.replace("date = 2023-02-24", "date = 2023-02-25", 1).replace(
        'title = "Mötets öppnande"', 'title = "Mötets öppnande och upprop"')
    again = "moten/styrelse/2023/2023-02-25.toml"
    (root / again).write_text(forged, encoding="utf-8")
    data = tomllib.loads(forged)
    data["corrections"][-1]["fingerprint"] = fingerprint(data)  # the rättelse's fingerprint forged too
    data["corrections"][-1]["chain"] = chain(data["corrections"])
    (root / again).write_text(update_text(forged, data), encoding="utf-8")
    got = witnessed(root)
    assert got == [("FS359", again, line_of(root, "date = ", again), lock_of_moved(root), None)], got
    [f] = verify(root).findings
    assert f.params["what"].key == "witness_content" and f.params["what"].params == {"where": "date"}


def test_the_verify_hook_stops_a_forged_commit(repo):
    """The pre-commit hook finsam-verify, run as pre-commit runs it (from the repository's top)."""
    from .test_precommit import HOOKS_FILE, parse_hooks, run_hook

    root, lock = repo
    hook = {h["id"]: h for h in parse_hooks(HOOKS_FILE.read_text(encoding="utf-8"))}["finsam-verify"]
    assert hook["entry"] == "finsam verify"
    edit(root, 'place = "Kommunhuset', 'place = "Stadshuset')
    refingerprint(root)
    git(root.parent, "add", "-A")
    stopped = run_hook(hook, root.parent)
    assert stopped.returncode == 1, stopped.stdout + stopped.stderr
    assert f"{REL}:8:" in stopped.stdout and f"FS359" in stopped.stdout and lock[:7] in stopped.stdout
    git(root.parent, "checkout", "HEAD", "--", f"records/{REL}")
    assert run_hook(hook, root.parent).returncode == 0


def test_versions_that_do_not_parse_are_no_traceback(repo, capsys):
    """A version in the history that is not UTF-8 or not TOML is skipped (compared with the next
    one); today's file broken is validation's finding, and the witness says nothing of it."""
    root, lock = repo
    path = root / REL
    good = path.read_bytes()
    path.write_bytes(good.replace(b"Kommunhuset", b"Kommunhuset \xe9"))
    commit_all(root, "Latin-1")
    path.write_bytes(good.replace(b'state = "anslagen"', b'state = "anslagen'))
    commit_all(root, "Syntaxfel")
    assert [(c, f) for c, f, *_ in witnessed(root)] == [("FS101", REL)]
    path.write_bytes(good.replace(b"[[items]]", b"[[[[items]]", 1))
    assert main(["verify", str(root)]) == 1
    assert "Traceback" not in capsys.readouterr().err
    path.write_bytes(good)
    commit_all(root, "Rättat")
    assert witnessed(root) == []


# -- no git, a shallow clone, the JSON ---------------------------------------------------------------

def test_outside_git_only_the_files_evidence_is_checked(records_copy, capsys):
    assert main(["verify", str(records_copy)]) == 0
    out = capsys.readouterr().out
    assert out == ("Arkivmappen ligger inte i ett git-förråd: bara filernas egna spår av låsningen kontrollerades "
                   "(ett omräknat fingeravtryck syns bara i historiken)\n"
                   "Inga fel eller varningar (10 möten kontrollerade)\n")
    edit(records_copy, 'state = "anslagen"', 'state = "genomförd"')
    assert main(["verify", str(records_copy), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["file"], f["line"]) for f in data["findings"]] == [("FS356", REL, STATE)]
    assert data["git"] == {"repository": False, "reason": "not_git", "shallow": False, "oldest": None,
                           "commits": 0, "files": 0, "compared": 0, "removed": []}
    assert main(["verify", str(records_copy / "moten")]) == 2


def test_a_shallow_clone_is_witnessed_from_its_oldest_commit(origin, tmp_path, capsys):
    top, lock = origin
    env = {**os.environ, **GIT_ENV}
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{top}", str(clone)], check=True, env=env)
    root = clone / "records"
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    decision = line_of(root, DECISION)
    edit(root, '"att godkänna dagordningen"', '"att godkänna dagordningen med ett tillägg"')
    refingerprint(root)
    assert witnessed(root) == [("FS359", REL, decision, lock[:7], None)]  # the lock commit is the tip here
    assert main(["verify", str(root), "--format", "json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["git"]["shallow"] is True and data["git"]["oldest"]["short"] == lock[:7]
    [f] = data["findings"]
    assert f["commits"] == {"locked": {"commit": lock, "short": lock[:7], "date": str(dt.date.today()),
                                       "author": "Bo Lås"}, "changed": None}
    assert main(["verify", str(root)]) == 1
    assert f"Grund klon: historiken börjar vid commit {lock[:7]}" in capsys.readouterr().out


# -- what it costs -----------------------------------------------------------------------------------

MEETINGS = int(os.environ.get("FINSAM_WITNESS_MEETINGS", "12"))
COMMITS = int(os.environ.get("FINSAM_WITNESS_COMMITS", "9"))


def _load_bench():
    import importlib.util
    import sys

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("benchmarks_witness", ROOT / "benchmarks" / "witness.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_what_verify_costs(origin, tmp_path):
    """finsam verify on the example's repository (two commits) and on a generated archive of
    FINSAM_WITNESS_MEETINGS meetings with FINSAM_WITNESS_COMMITS commits of rättelser, anslag and
    comments after it: clean, and a recomputed fingerprint caught; the times printed (in-process,
    the cache warm: what a pre-commit hook after finsam validate pays; the first run cold)."""
    bench = _load_bench()
    example = tmp_path / "example"
    git(tmp_path, "clone", "-q", str(origin[0]), str(example))
    root = bench_root = tmp_path / "generated" / "records"
    bench.generate(bench_root, meetings=MEETINGS)
    done = bench.build_history(bench_root, COMMITS)
    assert done["corrections"] >= COMMITS // 3
    figures = {}
    for name, root in (("example", example / "records"), ("generated", bench_root)):
        start = time.perf_counter()
        cold = verify(root)
        cold_s = time.perf_counter() - start
        start = time.perf_counter()
        warm = verify(root)
        warm_s = time.perf_counter() - start
        assert cold.findings == [] and warm.findings == [], warm.findings
        assert warm.witness.git_runs <= 3
        assert bench.forgery_caught(root)
        figures[name] = (warm.meetings, warm.witness.commits, warm.witness.compared, cold_s, warm_s,
                         warm.witness.git_runs)
    report_figure("witness", "finsam verify: " + "; ".join(
        f"{name} {m} meetings, {c} commits, {k} compared: {cold:.2f} s cold, {warm:.2f} s warm, {g} git processes"
        for name, (m, c, k, cold, warm, g) in figures.items()))

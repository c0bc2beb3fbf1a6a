"""What the git witness costs: ``finsam verify`` on records folders with a history.

    .venv/bin/python benchmarks/witness.py                              # 2,000 meetings, 300 commits
    .venv/bin/python benchmarks/witness.py --meetings 200 --commits 50  # a fast check

Builds two git repositories in a temporary folder and times ``finsam verify`` on each (the whole
command, as a user or a pre-commit hook runs it; the median of --repeat runs), next to a warm
``finsam validate`` of the same folder:

  example    the bundled example (records/), one commit;
  generated  an archive from benchmarks/generate.py, committed, then --commits commits that each
             change one or two locked meetings as an office does after justering: a rättelse
             (finsam correct, every third), the anslag, a comment.

It checks that the history is clean and that a fingerprint recomputed after a change (the
forgery) is caught. The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

from finsam_tui.core.io.tomledit import update_text  # noqa: E402
from finsam_tui.core.ops.lock import refingerprinted  # noqa: E402
from finsam_tui.core.check.verify import verify  # noqa: E402
from finsam_tui.core.ops.correct import Correction, correct_file  # noqa: E402

GIT_ENV = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid", "GIT_COMMITTER_NAME": "Bench",
           "GIT_COMMITTER_EMAIL": "bench@example.invalid", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_CONFIG_GLOBAL": os.devnull}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}).stdout


def locked_meetings(root: Path) -> list[Path]:
    out = []
    for path in sorted((root / "moten").rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if isinstance(data.get("justering"), dict) and "fingerprint" in data["justering"]:
            out.append(path)
    return out


def build_history(root: Path, commits: int, seed: int = 1) -> dict[str, int]:
    """Commit the records folder root (in a new repository at its parent), then `commits` commits
    that each change one or two locked meetings as may be done after justering. What was done, counted."""
    top = root.parent
    (top / ".gitignore").write_text(".finsam-cache/\n", encoding="utf-8")
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "Arkivet")
    rng = random.Random(seed)
    meetings = locked_meetings(root)
    done = {"corrections": 0, "anslag": 0, "comments": 0}
    for n in range(commits):
        for path in rng.sample(meetings, min(len(meetings), rng.choice((1, 2)))):
            text = path.read_text(encoding="utf-8")
            if n % 3 == 0:
                data = tomllib.loads(text)
                path.write_text(text.replace(f'place = "{data["place"]}"', f'place = "{data["place"]}, rum {n}"', 1),
                                encoding="utf-8")
                day = min(data["date"] + dt.timedelta(days=30), dt.date.today())
                correct_file(path, Correction(day, data["secretary"], f"Platsen rättad ({n})", "Skrivfel"))
                done["corrections"] += 1
            elif n % 3 == 2 and "storage = " in text:
                path.write_text(text.replace('storage = "', f'storage = "Arkiv {n}, ', 1), encoding="utf-8")
                done["anslag"] += 1
            else:
                path.write_text(f"# Genomläst {n}\n" + text, encoding="utf-8")
                done["comments"] += 1
        git(top, "commit", "-q", "-a", "-m", f"Ändring {n}")
    return done


def command_time(args: list[str], repeat: int) -> float:
    """The median wall time of `finsam ARGS` (a new process each run), in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "finsam_tui", *args], capture_output=True, check=False,
                       env={**os.environ, "PYTHONPATH": str(HERE.parent)})
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def forgery_caught(root: Path) -> bool:
    """Change the place of the first locked meeting and recompute the fingerprint it must match (the
    lock's, or its last rättelse's) with finsam's own function: does verify say so, and only that?"""
    path = locked_meetings(root)[0]
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    forged = refingerprinted(dict(data, place=data["place"] + " (ändrad)"))
    path.write_text(update_text(text, forged), encoding="utf-8")
    try:
        return [f.code for f in verify(root).findings] == ["FS359"]
    finally:
        path.write_text(text, encoding="utf-8")


def measure(root: Path, repeat: int) -> dict:
    """The figures of one repository: verify cold (no cache, no memo) and warm, a warm validate,
    and whether the forgery is caught."""
    start = time.perf_counter()
    result = verify(root)  # cold: the validation cache and the witness's memo are made
    cold = time.perf_counter() - start
    errors = [f for f in result.findings if f.severity == "error"]
    figures = {"meetings": result.meetings, "commits": result.witness.commits, "compared": result.witness.compared,
               "git_processes_cold": result.witness.git_runs, "errors": len(errors), "verify_cold_in_process_s":
               round(cold, 3), "verify_s": round(command_time(["verify", str(root)], repeat), 3),
               "validate_warm_s": round(command_time(["validate", str(root)], repeat), 3),
               "git_processes_warm": verify(root).witness.git_runs}
    figures["forgery_caught"] = forgery_caught(root)
    return figures


def keep(root: Path, dest: Path) -> None:
    """(For profiling: a copy of the repository that outlives the run.)"""
    shutil.copytree(root.parent, dest)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="copy the generated repository here")
    args = parser.parse_args(argv)
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        example = Path(tmp) / "example" / "records"
        shutil.copytree(HERE.parent / "records", example, ignore=shutil.ignore_patterns(".finsam-cache"))
        build_history(example, 0)
        figures["example"] = measure(example, args.repeat)
        print("example:", figures["example"], flush=True)
        generated = Path(tmp) / "generated" / "records"
        generate(generated, meetings=args.meetings)
        start = time.perf_counter()
        figures["history"] = build_history(generated, args.commits)
        figures["history"]["build_s"] = round(time.perf_counter() - start, 1)
        if args.keep:
            keep(generated, args.keep)
        figures["generated"] = measure(generated, args.repeat)
        print("generated:", figures["generated"], figures["history"], flush=True)
    print(json.dumps(figures))
    return 0 if all(f["errors"] == 0 and f["forgery_caught"] for f in (figures["example"], figures["generated"])) else 1


if __name__ == "__main__":
    sys.exit(main())

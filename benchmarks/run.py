"""Speed and memory of finsam against plain baselines, measured in one run.

    .venv/bin/python benchmarks/run.py            # N=20 and N=2000 meetings (a few minutes)
    .venv/bin/python benchmarks/run.py --quick    # N=20 and N=200, a fast check
    .venv/bin/python benchmarks/run.py --results benchmarks/RESULTS.md   # also append the figures

Every figure is the wall time of a whole command, as a user runs it, started with the
same Python (run this with the project's venv: a global site-packages with heavy .pth
files slows every Python start and hides what finsam itself costs). Each timing is the
median of --repeat runs. The ratios, with their targets:

  cold_ratio         cold `finsam validate` (no cache) ÷ a bare tomllib parse       ≤ 1.3
  warm_ratio         warm `finsam validate` (cache, nothing changed) ÷ bare parse   ≤ 0.15
  search_ratio       `finsam search WORD` ÷ `grep -ril WORD` on the folder           ≤ 10
  incremental_ratio  revalidation after changing one meeting file, N=large ÷ N=20   ≤ 2
  peak_rss_mb        peak resident memory of cold validate at N=large (all processes) ≤ 300

The last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

WORD = "samverkan"
TARGETS = {"cold_ratio": 1.3, "warm_ratio": 0.15, "search_ratio": 10, "incremental_ratio": 2, "peak_rss_mb": 300}

BARE_PARSE = """
import os, sys, tomllib
for dirpath, dirnames, filenames in os.walk(sys.argv[1]):
    dirnames[:] = [d for d in dirnames if not d.startswith(".")]
    for name in filenames:
        if name.endswith(".toml"):
            with open(os.path.join(dirpath, name), "rb") as f:
                tomllib.load(f)
"""


def finsam(*args: str) -> list[str]:
    return [sys.executable, "-m", "finsam_tui", *args]


def timed(cmd: list[str], ok=(0,)) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return elapsed


def median(f, repeat: int) -> float:
    return statistics.median(f() for _ in range(repeat))


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak of the summed RSS of the command's process tree, sampled every 5 ms."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.005)

    t = threading.Thread(target=sample)
    t.start()
    proc.wait()
    done.set()
    t.join()
    return round(peak / 1024, 1)


def one_meeting(folder: Path) -> Path:
    meetings = sorted((folder / "moten" / "styrelse").rglob("*.toml"))
    return meetings[len(meetings) // 2]


def measure(folder: Path, repeat: int, rss: bool) -> dict:
    cache = folder / ".finsam-cache"
    out: dict = {"files": sum(1 for _ in folder.rglob("*.toml"))}
    out["bare_parse_s"] = median(lambda: timed([sys.executable, "-c", BARE_PARSE, str(folder)]), repeat)

    def cold():
        shutil.rmtree(cache, ignore_errors=True)
        return timed(finsam("validate", str(folder)))

    out["cold_validate_s"] = median(cold, repeat)
    timed(finsam("validate", str(folder)))  # settle: no racy entries left
    time.sleep(2.1)
    timed(finsam("validate", str(folder)))
    out["warm_validate_s"] = median(lambda: timed(finsam("validate", str(folder))), repeat)

    timed(finsam("search", WORD, "--records", str(folder)))  # builds the search index once
    out["search_s"] = median(lambda: timed(finsam("search", WORD, "--records", str(folder))), repeat)
    out["grep_s"] = median(lambda: timed(["grep", "-ril", WORD, str(folder)], ok=(0, 1)), repeat)

    meeting = one_meeting(folder)
    original = meeting.read_text(encoding="utf-8")
    counter = [0]

    def incremental():
        counter[0] += 1
        # after justering the anslag is what changes (a locked meeting's content may not)
        meeting.write_text(original.replace('storage = "', f'storage = "Arkivskåp {counter[0]}, ', 1),
                           encoding="utf-8")
        return timed(finsam("validate", str(folder)))

    out["incremental_validate_s"] = median(incremental, repeat)
    meeting.write_text(original, encoding="utf-8")
    if rss:
        shutil.rmtree(cache, ignore_errors=True)
        out["cold_peak_rss_mb"] = peak_rss_mb(finsam("validate", str(folder)))
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()} ({sys.executable})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="N=20 and N=200 instead of N=20 and N=2000")
    ap.add_argument("--large", type=int, help="the large N (default 2000, or 200 with --quick)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing; the median counts (default 3)")
    ap.add_argument("--dir", type=Path, help="generate the archives here (default: a temporary folder)")
    ap.add_argument("--results", type=Path, help="append the figures as a Markdown section to this file")
    args = ap.parse_args(argv)
    large = args.large or (200 if args.quick else 2000)
    base = args.dir or Path(tempfile.mkdtemp(prefix="finsam-bench-"))
    print(f"machine: {machine()}")
    figures: dict = {}
    for n in (20, large):
        folder = base / f"n{n}"
        stats = generate(folder, n)
        print(f"generated N={n}: {stats['files']} files, {stats['bytes'] / 1e6:.1f} MB")
        figures[n] = measure(folder, args.repeat, rss=(n == large))
        for k, v in figures[n].items():
            print(f"  N={n} {k}: {v:.3f}" if isinstance(v, float) else f"  N={n} {k}: {v}")
    big, small = figures[large], figures[20]
    result = {
        "cold_ratio": round(big["cold_validate_s"] / big["bare_parse_s"], 3),
        "warm_ratio": round(big["warm_validate_s"] / big["bare_parse_s"], 3),
        "search_ratio": round(big["search_s"] / big["grep_s"], 3),
        "incremental_ratio": round(big["incremental_validate_s"] / small["incremental_validate_s"], 3),
        "peak_rss_mb": big["cold_peak_rss_mb"],
        "n_small": 20, "n_large": large, "repeat": args.repeat,
        "figures": {str(n): {k: round(v, 4) if isinstance(v, float) else v for k, v in f.items()}
                    for n, f in figures.items()},
    }
    for key, target in TARGETS.items():
        verdict = "ok" if result[key] <= target else "OVER TARGET"
        print(f"{key}: {result[key]} (target ≤ {target}) {verdict}")
    if args.results:
        with args.results.open("a", encoding="utf-8") as f:
            f.write(f"\n## Run of {time.strftime('%Y-%m-%d %H:%M')} (N=20 and N={large}, median of {args.repeat})\n\n")
            f.write(f"Machine: {machine()}\n\n| figure | value | target |\n|---|---|---|\n")
            for key, target in TARGETS.items():
                f.write(f"| {key} | {result[key]} | ≤ {target} |\n")
            for n, fig in result["figures"].items():
                f.write(f"\nN={n}: " + ", ".join(f"{k} {v}" for k, v in fig.items()) + "\n")
    if not args.dir:
        shutil.rmtree(base, ignore_errors=True)
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
  tui_paint_ratio    first paint of `finsam tui` showing the meeting list at N=large
                     ÷ first paint of a minimal Textual app                     ≤ 2

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
TARGETS = {"cold_ratio": 1.3, "warm_ratio": 0.15, "search_ratio": 10, "incremental_ratio": 2, "peak_rss_mb": 300,
           "tui_paint_ratio": 2}

BARE_PARSE = """
import os, sys, tomllib
for dirpath, dirnames, filenames in os.walk(sys.argv[1]):
    dirnames[:] = [d for d in dirnames if not d.startswith(".")]
    for name in filenames:
        if name.endswith(".toml"):
            with open(os.path.join(dirpath, name), "rb") as f:
                tomllib.load(f)
"""


# First paint, measured inside the child from a start time the parent passes (wall clock):
# the child prints the seconds since then at its first refresh and leaves at once, so a
# worker thread still loading does not count. The TUI counts from start to the first paint
# that shows the meeting list (FinsamApp.list_shown); "loaded" also waits for the archive.
MINIMAL_PAINT = """
import os, sys, time
start = float(sys.argv[1])
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("finsam")
    def on_mount(self):
        self.call_after_refresh(self.painted)
    def painted(self):
        print(f"{time.time() - start:.4f}", flush=True)
        os._exit(0)
Minimal().run(headless=True, size=(80, 24))
"""

TUI_PAINT = """
import os, sys, time
start = float(sys.argv[2])
from finsam_tui.tui.app import FinsamApp
class Measured(FinsamApp):
    def list_shown(self):
        if sys.argv[3] == "paint":
            self.done()
    def on_archive_loaded(self, message):
        super().on_archive_loaded(message)
        if sys.argv[3] == "loaded":
            self.call_after_refresh(self.done)
    def done(self):
        print(f"{time.time() - start:.4f}", flush=True)
        os._exit(0)
Measured(sys.argv[1], poll_interval=None).run(headless=True, size=(80, 24))
"""


def paint_seconds(script: str, *args: str) -> float:
    start = time.time()
    proc = subprocess.run([sys.executable, "-c", script, *args[:1], repr(start), *args[1:]], capture_output=True,
                          text=True, cwd=HERE.parent, timeout=300)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise SystemExit(f"paint measurement failed ({proc.returncode}): {proc.stderr[-500:]}")
    return float(proc.stdout.strip().splitlines()[-1])


def measure_tui(folder: Path, repeat: int) -> dict:
    """First paint of the TUI on folder (cache warm) and of a minimal Textual app."""
    paint_seconds(TUI_PAINT, str(folder), "loaded")  # settle: imports cached, cache warm
    return {
        "textual_min_paint_s": median(lambda: paint_seconds(MINIMAL_PAINT), repeat),
        "tui_first_paint_s": median(lambda: paint_seconds(TUI_PAINT, str(folder), "paint"), repeat),
        "tui_loaded_s": median(lambda: paint_seconds(TUI_PAINT, str(folder), "loaded"), repeat),
    }


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


def compile_package() -> str:
    """Write the package's bytecode, as `pip install` and `pipx install` do when they install it.
    An editable install under PYTHONDONTWRITEBYTECODE=1 (set on some machines) would otherwise
    compile every module on every run and measure the compiler, not finsam."""
    import compileall

    import finsam_tui

    pkg = Path(finsam_tui.__file__).resolve().parent
    ok = compileall.compile_dir(str(pkg), quiet=1)
    return f"bytecode: {'compiled' if ok else 'NOT compiled (measuring the compiler too)'} for {pkg}"


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
    print(compile_package())
    figures: dict = {}
    for n in (20, large):
        folder = base / f"n{n}"
        stats = generate(folder, n)
        print(f"generated N={n}: {stats['files']} files, {stats['bytes'] / 1e6:.1f} MB")
        figures[n] = measure(folder, args.repeat, rss=(n == large))
        if n == large:
            figures[n].update(measure_tui(folder, args.repeat))
        for k, v in figures[n].items():
            print(f"  N={n} {k}: {v:.3f}" if isinstance(v, float) else f"  N={n} {k}: {v}")
    big, small = figures[large], figures[20]
    result = {
        "cold_ratio": round(big["cold_validate_s"] / big["bare_parse_s"], 3),
        "warm_ratio": round(big["warm_validate_s"] / big["bare_parse_s"], 3),
        "search_ratio": round(big["search_s"] / big["grep_s"], 3),
        "incremental_ratio": round(big["incremental_validate_s"] / small["incremental_validate_s"], 3),
        "peak_rss_mb": big["cold_peak_rss_mb"],
        "tui_paint_ratio": round(big["tui_first_paint_s"] / big["textual_min_paint_s"], 3),
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

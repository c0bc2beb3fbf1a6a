"""The benchmark script runs end to end on a small archive and reports every figure.

Targets are not asserted here (CI machines are shared and noisy): the full run,
`python benchmarks/run.py`, prints them against their targets.
"""

import json
import subprocess
import sys

from .conftest import ROOT

KEYS = ("cold_ratio", "warm_ratio", "search_ratio", "incremental_ratio", "peak_rss_mb", "tui_paint_ratio")


def test_quick_benchmark_prints_every_ratio(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks/run.py"), "--quick", "--large", "60",
                           "--repeat", "1", "--dir", str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print("benchmark (N=20/60, one run each):", {k: result[k] for k in KEYS})
    for key in KEYS:
        assert result[key] > 0, key
    assert result["figures"]["60"]["files"] > result["figures"]["20"]["files"]
    for line in tuple(f"{k}:" for k in KEYS):
        assert any(out.startswith(line) for out in proc.stdout.splitlines()), line

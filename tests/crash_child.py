"""The saving process that tests/test_crash_safety.py kills: it saves record files through
finsam_tui.core.io.saving.save_text in a loop, each file alternating between two contents.

Run by the test as a forked child (fast), or on its own for a look by hand:

    python tests/crash_child.py JOBS.json      # JOBS.json: [[path, text_a, text_b], ...]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def save_forever(jobs: list[tuple[str, str, str]], ready_fd: int | None = None) -> None:
    """Save every file in turn, forever: read its snapshot, write the other of its two
    contents with the snapshot's hash (so a save never overwrites a change it did not see)."""
    from finsam_tui.core.io.saving import read_snapshot, save_text

    if ready_fd is not None:
        os.write(ready_fd, b"r")
        os.close(ready_fd)
    while True:
        for path, text_a, text_b in jobs:
            snap = read_snapshot(Path(path))
            save_text(Path(path), text_b if snap.text == text_a else text_a, snap.sha256)


if __name__ == "__main__":  # pragma: no cover - for use by hand
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with open(sys.argv[1], encoding="utf-8") as f:
        save_forever([tuple(job) for job in json.load(f)])

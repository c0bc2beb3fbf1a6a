"""How long `p` (the preview of a meeting's protocol) takes to show, driven by Pilot.

    .venv/bin/python benchmarks/preview.py                  # the largest meeting in records/
    .venv/bin/python benchmarks/preview.py --records DIR --meeting styrelse/2022-11-18

Each figure is the median of --repeat presses of `p` (each on a fresh preview screen),
counted from the key press (sent as the terminal sends it) to the paint that shows:

  screen_s   the preview screen is up (its title and, while the text is made, an indicator)
  first_s    the first blocks of the protocol are in the Markdown widget (the top of it shown)
  full_s     every block of the protocol is in the Markdown widget
  key_s      Page Down pressed as soon as the first blocks are shown, to the paint that
             shows the page scrolled (how long the rest of the document keeps keys waiting)

and document_s, the time of making the protocol's Markdown text alone (the first time).

The last line printed is one JSON object with all figures. Timings are wall times of a
headless app on a shared machine: compare runs of the same machine only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from textual import events
from textual.widgets import Markdown
from textual.worker import WorkerState

from finsam_tui.tui.app import FinsamApp
from finsam_tui.tui.screens.preview import PreviewScreen, document

LOAD_TIMEOUT = 60
STEP = 0.002  # seconds between looks at the screen


def largest_meeting(records: Path) -> str:
    """The ref of the biggest meeting file (organ/stem)."""
    path = max((records / "moten").rglob("*.toml"), key=lambda p: p.stat().st_size)
    return f"{path.parent.parent.name}/{path.stem}"


async def _painted(app: FinsamApp) -> float:
    """The time of the next paint."""
    done: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: done.done() or done.set_result(time.perf_counter()))
    return await done


async def _until(check, timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > end:
            raise SystemExit("preview measurement timed out")
        await asyncio.sleep(STEP)


def _markdown(app: FinsamApp) -> Markdown | None:
    found = app.screen.query(Markdown)
    return found.first() if found else None


def _blocks(app: FinsamApp) -> int:
    md = _markdown(app)
    return len(md.children) if md is not None else 0


def _shown(app: FinsamApp) -> bool:
    """The first block is mounted and laid out (has a height)."""
    md = _markdown(app)
    return md is not None and bool(md.children) and md.children[0].size.height > 0


def _complete(app: FinsamApp, text: str) -> bool:
    """The whole text is in the widget, which is done with it, and no worker is left feeding it."""
    md = _markdown(app)
    busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
    return md is not None and md.source == text and not md.lock.is_locked and bool(md.children) and not busy


def _key(app: FinsamApp, key: str) -> None:
    """Send a key as the terminal does, without Pilot's waiting for the app to be idle."""
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


async def _one(app: FinsamApp, pilot, text: str) -> dict[str, float]:
    start = time.perf_counter()
    _key(app, "p")
    await _until(lambda: isinstance(app.screen, PreviewScreen))
    screen = app.screen
    paints: list[tuple[float, bool]] = []  # a layout refresh paints the screen at once, then says so
    screen.screen_layout_refresh_signal.subscribe(
        screen, lambda _: paints.append((time.perf_counter(), _shown(app))), immediate=True)
    await _until(lambda: any(shown for _, shown in paints))
    figures = {"screen_s": paints[0][0] - start, "first_s": next(t for t, shown in paints if shown) - start}
    scroll = app.screen.query_one("#preview-scroll")
    pressed = time.perf_counter()
    _key(app, "pagedown")
    await _until(lambda: scroll.scroll_y > 0)
    figures["key_s"] = await _painted(app) - pressed
    await _until(lambda: _complete(app, text))
    figures["full_s"] = await _painted(app) - start
    figures["blocks"] = _blocks(app)
    await pilot.press("escape")
    await _until(lambda: not isinstance(app.screen, PreviewScreen))
    await pilot.pause()
    return figures


async def measure(records: Path, meeting: str, repeat: int) -> dict:
    app = FinsamApp(records, lang="sv", poll_interval=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await asyncio.wait_for(app.loaded.wait(), LOAD_TIMEOUT)
        await pilot.pause()
        if not await app.open_ref(meeting):
            raise SystemExit(f"no meeting {meeting}")
        await pilot.pause()
        started = time.perf_counter()
        text = document(app.archive, "protocol", meeting, app.lang)
        document_s = time.perf_counter() - started
        await _one(app, pilot, text)  # settle: imports and caches
        runs = [await _one(app, pilot, text) for _ in range(repeat)]
    out: dict = {k: round(statistics.median(r[k] for r in runs), 4) for k in ("screen_s", "first_s", "full_s", "key_s")}
    out["document_s"] = round(document_s, 4)  # the export text alone (the first time)
    out["blocks"] = runs[-1]["blocks"]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=Path, default=HERE.parent / "records", help="the records folder")
    ap.add_argument("--meeting", help="the meeting to preview (default: the largest file)")
    ap.add_argument("--repeat", type=int, default=5, help="presses of p; the median counts (default 5)")
    args = ap.parse_args(argv)
    meeting = args.meeting or largest_meeting(args.records)
    with tempfile.TemporaryDirectory(prefix="finsam-preview-") as tmp:
        records = Path(tmp) / "records"  # a copy: the app writes its cache into the folder
        shutil.copytree(args.records, records, ignore=shutil.ignore_patterns(".finsam-cache"))
        result = asyncio.run(measure(records, meeting, args.repeat))
    result.update(meeting=meeting, repeat=args.repeat)
    for key in ("document_s", "screen_s", "first_s", "full_s", "key_s"):
        print(f"{key}: {result[key]:.3f}")
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Helpers for the TUI tests (no tests here): run the app headless at 80×24 with Pilot,
wait for its loads and workers, read the screen as plain text.

pytest-asyncio is not a dependency: each test runs its coroutine with asyncio.run().
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from finsam_tui.tui.app import FinsamApp

SIZE = (80, 24)
LOAD_TIMEOUT = 30


def run(root: Path, scenario, *, lang: str | None = None, poll_interval: float | None = None, size=SIZE) -> None:
    """Start the app on root, wait for the first load, then run ``await scenario(app, pilot)``."""

    async def main() -> None:
        app = FinsamApp(root, lang=lang, poll_interval=poll_interval)
        app.notes = []  # every notification, in order
        notify = app.notify

        def record(message, *args, **kwargs):
            app.notes.append(str(message))
            return notify(message, *args, **kwargs)

        app.notify = record
        async with app.run_test(size=size) as pilot:
            await loaded(app, pilot)
            await scenario(app, pilot)

    asyncio.run(main())


async def loaded(app: FinsamApp, pilot) -> None:
    await asyncio.wait_for(app.loaded.wait(), LOAD_TIMEOUT)
    await settle(app, pilot)


async def settle(app: FinsamApp, pilot, delay: float = 0.0) -> None:
    """Let messages, timers (a detail pane's debounce) and workers finish."""
    from textual.worker import WorkerState

    from finsam_tui.tui.widgets import DetailPane

    await pilot.pause(delay or None)
    for _ in range(500):
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        pending = any(p._pending is not None for screen in app.screen_stack for p in screen.query(DetailPane))
        if not busy and not pending:
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def press(app: FinsamApp, pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def until(app: FinsamApp, pilot, check, timeout: float = 15.0) -> None:
    """Wait until check() is true (live reload), failing after timeout seconds."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.1)


def screen_text(app: FinsamApp) -> str:
    """What the terminal shows, as plain text lines."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def detail_text(app: FinsamApp) -> str:
    """All of the current section's detail pane (also what is scrolled out of view), as plain text."""
    from rich.console import Console

    from finsam_tui.tui.widgets import DetailPane

    pane = app.main.current_section.query_one(DetailPane)
    with open(os.devnull, "w") as sink:
        console = Console(width=60, record=True, file=sink)
        console.print(pane.body.content)
    return console.export_text()


def break_adjuster(root: Path) -> Path:
    """Name an absent person as adjuster (FS302) in the June 2023 board meeting; the file."""
    path = root / "moten/styrelse/2023/2023-06-09.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('adjusters = ["kjell-ivarsson"]', 'adjusters = ["jonas-frisk"]'), encoding="utf-8")
    return path

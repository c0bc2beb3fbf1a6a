"""Snapshots of the main screens at 80×24 (pytest-textual-snapshot).

Deterministic: a fresh copy of the bundled example (no cache dir), no live-reload poll,
no clock in the header, nothing animated; each snapshot is taken after the archive is
loaded and every worker has finished. Update with ``pytest tests/test_tui_snapshots.py
--snapshot-update`` after checking the report.
"""

from __future__ import annotations

import asyncio

import pytest

from finsam_tui.tui.app import FinsamApp

from .test_tui_support import LOAD_TIMEOUT, break_adjuster, settle


async def _loaded(pilot) -> None:
    await asyncio.wait_for(pilot.app.loaded.wait(), LOAD_TIMEOUT)
    await settle(pilot.app, pilot)


def _app(root) -> FinsamApp:
    return FinsamApp(root, lang="sv", poll_interval=None)


@pytest.mark.parametrize("press", [
    pytest.param([], id="meetings"),
    pytest.param(["up", "up", "enter", "down", "down", "down", "down", "down", "down"], id="meeting_detail"),
    pytest.param(["2"], id="members"),
    pytest.param(["3", "enter"], id="budget"),
    pytest.param(["question_mark"], id="help"),
])
def test_main_screens(snap_compare, records_copy, press):
    assert snap_compare(_app(records_copy), terminal_size=(80, 24), press=press, run_before=_loaded)


def test_problems_screen(snap_compare, records_copy):
    break_adjuster(records_copy)
    assert snap_compare(_app(records_copy), terminal_size=(80, 24), press=["7"], run_before=_loaded)

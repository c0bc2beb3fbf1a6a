"""A locked protocol's uppdrag may be followed up without a rättelse (issue #13).

A task's ``status`` and ``reported`` are facts from after the meeting: the fingerprint leaves
them out, so following a task up in a locked meeting needs no rättelse and gives no FS326.
Locks written before (the legacy formula, which covered them) stay valid: as they are, with
the follow-up set since (the state at justering: not set, or one state for all tasks), and
``finsam lock --upgrade`` rewrites them in the current formula. The editor lets a task's status
change in a locked meeting without the rättelse dialog. Every test asserts the file on disk or
the exact findings.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from textual.widgets import Select

from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.check.protocol_lock import fingerprint, is_follow_up, legacy_fingerprint, matches
from finsam_tui.core.ops.lock import may_change
from finsam_tui.tui.editor.record_screen import EntryScreen

from .test_rules import BASE
from .test_tui_editor import Harness, focus, run, settle

FROZEN = Path(__file__).resolve().parent / "fixtures" / "format-2026"
BASE_MEETING = "moten/styrelse/2023/2023-02-10.toml"  # its §2 gives a task, reported at §5 of 2023-04-14


def findings(root) -> list[tuple[str, str]]:
    return [(f.code, f.file) for f in load_archive(root).findings]


def base_copy(tmp_path) -> Path:
    root = tmp_path / "records"
    shutil.copytree(BASE, root)
    return root


def set_task(text: str, status: str | None, reported: str | None) -> str:
    """The base meeting's text with its one task's follow-up as given (None: not set)."""
    text = text.replace('status = "klar"\n', f'status = "{status}"\n' if status else "")
    return text.replace('reported = "styrelse/2023/§5"\n', f'reported = "{reported}"\n' if reported else "")


def relocked(text: str, fp: str) -> str:
    """The text with its lock's fingerprint replaced by fp."""
    old = next(line for line in text.split("\n") if line.startswith("fingerprint = "))
    return text.replace(old, f'fingerprint = "{fp}"')


def test_a_task_followed_up_after_the_lock_is_not_a_change(tmp_path):
    root = base_copy(tmp_path)
    path = root / BASE_MEETING
    given = set_task(path.read_text(encoding="utf-8"), None, None)  # as it was at justering
    path.write_text(relocked(given, fingerprint(tomllib.loads(given))), encoding="utf-8")
    assert findings(root) == []
    followed = set_task(path.read_text(encoding="utf-8"), "klar", "styrelse/2023/§5")
    path.write_text(followed, encoding="utf-8")
    assert findings(root) == []  # no FS326: the follow-up is not the protocol
    path.write_text(followed.replace('responsible = "ida-nord"', 'responsible = "anna-ek"'), encoding="utf-8")
    assert findings(root) == [("FS326", BASE_MEETING)]  # who got the task is the protocol


def test_a_legacy_lock_stays_valid_and_its_tasks_may_be_followed_up(tmp_path):
    root = base_copy(tmp_path)
    path = root / BASE_MEETING
    given = set_task(path.read_text(encoding="utf-8"), "ny", None)  # locked when the task was new
    legacy = legacy_fingerprint(tomllib.loads(given))
    assert legacy != fingerprint(tomllib.loads(given))
    path.write_text(relocked(given, legacy), encoding="utf-8")
    assert findings(root) == []
    followed = set_task(path.read_text(encoding="utf-8"), "klar", "styrelse/2023/§5")
    path.write_text(followed, encoding="utf-8")
    assert findings(root) == []  # the legacy lock with the follow-up as at justering
    path.write_text(followed.replace("Ta fram en uppföljningsplan", "Ta fram en plan"), encoding="utf-8")
    assert findings(root) == [("FS326", BASE_MEETING)]  # a change of the task itself still shows


def test_lock_upgrade_rewrites_a_legacy_fingerprint_in_its_place(tmp_path, capsys):
    root = base_copy(tmp_path)
    path = root / BASE_MEETING
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["justering"]["fingerprint"] == legacy_fingerprint(data)  # base was locked before
    assert main(["lock", "--all", "--upgrade", "--records", str(root)]) == 0
    assert capsys.readouterr().out == ("Fingeravtrycket omskrivet: styrelse/2023-02-10\n"
                                       "Fingeravtrycket är redan i den nya formeln: styrelse/2023-04-14\n")
    after = path.read_text(encoding="utf-8")
    assert after == relocked(text, fingerprint(data))  # only the fingerprint's value changed
    assert main(["lock", "styrelse/2023-02-10", "--upgrade", "--records", str(root)]) == 0
    assert capsys.readouterr().out == "Fingeravtrycket är redan i den nya formeln: styrelse/2023-02-10\n"
    path.write_text(set_task(after, "avbruten", None), encoding="utf-8")
    assert findings(root) == []
    path.write_text(after.replace('place = "Förbundets kansli', 'place = "Stadshuset'), encoding="utf-8")
    assert main(["lock", "styrelse/2023-02-10", "--upgrade", "--records", str(root)]) == 1  # changed: refused
    assert "har ändrats sedan det låstes" in capsys.readouterr().err


def test_the_frozen_2026_folder_upgrades_keeping_its_comments(tmp_path, capsys):
    root = tmp_path / "records"
    shutil.copytree(FROZEN, root)
    locked = [p for p in root.rglob("*.toml") if "fingerprint = " in p.read_text(encoding="utf-8")]
    assert locked
    before = {p: p.read_text(encoding="utf-8") for p in locked}
    assert findings(root) == []
    assert main(["lock", "--all", "--upgrade", "--records", str(root)]) == 0
    capsys.readouterr()
    for p, text in before.items():
        data = tomllib.loads(p.read_text(encoding="utf-8"))
        assert data["justering"]["fingerprint"] == fingerprint(data)
        assert p.read_text(encoding="utf-8") == relocked(text, fingerprint(data))  # comments and all kept
    assert findings(root) == []


def test_follow_up_paths_are_editable_in_a_locked_meeting():
    for path in (("items", 3, "tasks", 0, "status"), ("items", 3, "tasks", 1, "reported"),
                 ("items", 3, "sub", 0, "tasks", 0, "status")):
        assert is_follow_up(path) and may_change(path, True, False), path
    for path in (("items", 3, "tasks", 0, "task"), ("items", 3, "tasks", 0, "responsible"), ("items", 3, "tasks"),
                 ("items", 3, "tasks", 0), ("items", "tasks", 0, "status", "x"), ("status",)):
        assert not may_change(path, True, False), path


def test_matches_accepts_either_formula_and_nothing_else():
    data = tomllib.loads((BASE / BASE_MEETING).read_text(encoding="utf-8"))
    assert matches(data, fingerprint(data)) and matches(data, legacy_fingerprint(data))
    assert not matches(data, "sha256:" + "0" * 64) and not matches(data, None)


# -- the editor: a task's status in a locked meeting, without the rättelse dialog -------------------

LOCKED = "moten/styrelse/2023/2023-11-17.toml"  # anslagen, locked (legacy formula); §40 gives a task


def test_the_editor_changes_a_tasks_status_in_a_locked_meeting_without_a_correction(records_copy):
    path = records_copy / LOCKED
    before = path.read_text(encoding="utf-8")
    assert tomllib.loads(before)["justering"]["fingerprint"] == legacy_fingerprint(tomllib.loads(before))
    app = Harness(records_copy, "edit", rel=LOCKED)

    async def scenario(pilot):
        screen = pilot.app.screen
        assert screen.session.read_only
        entries = await focus(pilot, "#f-items EntryList")
        entries.highlighted = 6  # §40
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EntryScreen) and pilot.app.screen.base == ("items", 6)
        tasks = await focus(pilot, "#f-items-6-tasks EntryList")
        tasks.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        task_screen = pilot.app.screen
        assert isinstance(task_screen, EntryScreen) and task_screen.base == ("items", 6, "tasks", 0)
        assert task_screen.query_one("#f-items-6-tasks-0-task TextArea").read_only  # the task itself: no
        status = task_screen.query_one("#f-items-6-tasks-0-status Select", Select)
        assert not status.disabled
        status.value = "klar"
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is task_screen  # saved: no rättelse dialog
        assert pilot.app.saved == [LOCKED]

    run(app, scenario)
    after = path.read_text(encoding="utf-8")
    data = tomllib.loads(after)
    assert data["items"][6]["tasks"][0]["status"] == "klar" and "corrections" not in data
    assert data["justering"]["fingerprint"] == fingerprint(data)  # the legacy lock rewritten with it
    old_fp = tomllib.loads(before)["justering"]["fingerprint"]
    assert after == before.replace('status = "pågående"', 'status = "klar"').replace(old_fp, fingerprint(data))
    assert [(c, f) for c, f in findings(records_copy) if f == LOCKED] == []

"""The history screen (h): who changed the selected record and when, from git, following
renames; Enter shows a commit's change of the file; what is said outside git."""

from __future__ import annotations

import shutil
import threading

import pytest

from finsam_tui.core.query.history import change_diff, history
from finsam_tui.tui.screens import history as history_screen
from finsam_tui.tui.screens.history import DiffScreen, HistoryScreen

from .conftest import RECORDS
from .gitutil import commit_all, git, git_env, needs_git  # noqa: F401 (git_env is a fixture)
from .test_tui_support import press, run, screen_text, settle

pytestmark = needs_git

RENAMED = "personer/ulf-nordmarck.toml"


@pytest.fixture
def repo(tmp_path, git_env):  # noqa: F811 (the fixture)
    """A repository with the records in a subfolder: the person added by Anna Arkiv, then
    renamed (git mv) and edited by Bo Bok; plus a person not committed yet."""
    top = tmp_path / "repo"
    root = top / "records"
    shutil.copytree(RECORDS, root, ignore=shutil.ignore_patterns(".finsam-cache"))
    git(top, "init", "-q")
    first = commit_all(top, "Exempelförbundet", author="Anna Arkiv")
    git(top, "mv", "records/personer/ulf-nordmark.toml", "records/" + RENAMED)
    person = root / RENAMED
    person.write_text(person.read_text(encoding="utf-8").replace('name = "Ulf Nordmark"', 'name = "Ulf Nordmarck"'),
                      encoding="utf-8")
    message = "Nytt id efter namnbytet [bold]x[/bold]\n\nEnligt e-post från [red]Ulf.\nKlipp\x1b[2J här"
    second = commit_all(top, message, author="Bo Bok")
    (root / "personer/ny-person.toml").write_text('name = "Ny Person"\n', encoding="utf-8")
    return root, first, second


def table_rows(screen: HistoryScreen) -> list[list[str]]:
    table = screen.table
    return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]


def test_history_of_a_person_newest_first_through_a_rename(repo):
    root, first, second = repo

    async def scenario(app, pilot):
        assert await app.open_ref("person/ulf-nordmarck")
        await settle(app, pilot)
        await press(app, pilot, "h")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        text = screen_text(app)
        assert "Historik för person/ulf-nordmarck (personer/ulf-nordmarck.toml): 2 ändringar" in text
        rows = table_rows(screen)
        assert [r[1:] for r in rows] == [["Bo Bok", "Nytt id efter namnbytet [bold]x[/bold]", second[:7]],
                                         ["Anna Arkiv", "Exempelförbundet", first[:7]]]
        assert rows[0][0] >= rows[1][0]  # the dates, newest first
        assert text.index("Bo Bok") < text.index("Anna Arkiv")
        assert "Enligt e-post från [red]Ulf." in text  # the whole message, below the list
        # the older commit: the file had its old name then
        await press(app, pilot, "down")
        assert "hette då personer/ulf-nordmark.toml" in screen_text(app)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, DiffScreen)
        assert "new file mode" in app.screen.diff and '+name = "Ulf Nordmark"' in app.screen.diff
        await press(app, pilot, "escape")
        assert app.screen is screen
        # the rename and edit, as one change
        await press(app, pilot, "up", "enter")
        diff = app.screen.diff
        assert "rename from records/personer/ulf-nordmark.toml" in diff
        assert '-name = "Ulf Nordmark"' in diff and '+name = "Ulf Nordmarck"' in diff
        assert '+name = "Ulf Nordmarck"' in screen_text(app)
        await press(app, pilot, "escape", "escape")
        assert app.screen is app.main and app.main.selection().ref == "person/ulf-nordmarck"

    run(root, scenario)


def test_commit_messages_are_shown_literally(repo):
    """Markup is not read as markup; a control character (ESC) is shown as an escape."""
    root = repo[0]

    async def scenario(app, pilot):
        await app.open_ref("person/ulf-nordmarck")
        await settle(app, pilot)
        await press(app, pilot, "h")
        text = screen_text(app)
        assert "Nytt id efter namnbytet [bold]x[/bold]" in text  # the list
        assert "Enligt e-post från [red]Ulf." in text  # the message in full
        assert "Klipp\\x1b[2J här" in text and "\x1b" not in text
        await press(app, pilot, "enter")
        text = screen_text(app)
        assert "    Nytt id efter namnbytet [bold]x[/bold]" in text  # git show's message
        assert "Enligt e-post från [red]Ulf." in text
        assert "Klipp\\x1b[2J här" in text and "\x1b" not in text

    run(root, scenario)


def test_a_paragraph_shows_its_meeting_and_a_new_file_has_no_history(repo):
    root = repo[0]

    async def scenario(app, pilot):
        await app.open_ref("styrelse/2023-04-14/§17")
        await settle(app, pilot)
        await press(app, pilot, "h")
        text = screen_text(app)  # the title, wrapped at 80 columns
        assert "│ Historik för styrelse/2023-04-14 (moten/styrelse/2023/2023-04-14.toml): 1" in text
        assert "│ ändring " in text
        assert [r[1] for r in table_rows(app.screen)] == ["Anna Arkiv"]
        await press(app, pilot, "escape")
        await app.open_ref("person/ny-person")
        await settle(app, pilot)
        await press(app, pilot, "h")
        assert "personer/ny-person.toml har ingen incheckad historik än." in screen_text(app)
        assert app.screen.table.row_count == 0

    run(root, scenario)


def test_outside_git_or_without_git_the_screen_says_so(records_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # no repository above the copy either

    async def scenario(app, pilot):
        await app.open_ref("person/ulf-nordmark")
        await settle(app, pilot)
        await press(app, pilot, "h")
        assert isinstance(app.screen, HistoryScreen)
        # the box's lines as one text: where the message wraps depends on the length of the path
        text = " ".join(line.strip("│ ") for line in screen_text(app).splitlines())
        assert "ligger inte i ett git-förråd (eller git saknas); det finns ingen historik att visa." in text
        assert "git init && git add ." in text
        assert app.screen.table.row_count == 0
        await press(app, pilot, "escape")
        assert app.screen is app.main

    run(records_copy, scenario)

    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))

    async def without_git(app, pilot):
        await press(app, pilot, "h")  # the latest meeting
        assert "git är inte installerat" in screen_text(app)

    run(records_copy, without_git)


def test_git_runs_in_a_worker_behind_a_loading_line(records_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    gate = threading.Event()
    real = history_screen.history

    def slow_history(root, ref):
        gate.wait(10)
        return real(root, ref)

    monkeypatch.setattr(history_screen, "history", slow_history)

    async def scenario(app, pilot):
        await pilot.press("h")
        await pilot.pause(0.1)
        assert isinstance(app.screen, HistoryScreen)
        assert "Hämtar historiken ur git…" in screen_text(app)
        await pilot.press("escape")  # the screen answers keys while git runs
        await pilot.pause()
        assert app.screen is app.main
        gate.set()
        await settle(app, pilot)  # the late answer for the closed screen is dropped
        assert app.screen is app.main

    run(records_copy, scenario)


def test_the_history_key_is_in_the_help(records_copy):
    async def scenario(app, pilot):
        await press(app, pilot, "question_mark")
        assert "Historik" in screen_text(app)

    run(records_copy, scenario)


def test_change_diff_in_a_folder_with_a_non_ascii_name(tmp_path, git_env):  # noqa: F811 (the fixture)
    top = tmp_path / "repo"
    root = top / "Förbund"
    shutil.copytree(RECORDS, root, ignore=shutil.ignore_patterns(".finsam-cache"))
    git(top, "init", "-q")
    commit_all(top, "Första")
    person = root / "personer/ulf-nordmark.toml"
    person.write_text(person.read_text(encoding="utf-8").replace("Ulf Nordmark", "Ulf N"), encoding="utf-8")
    second = commit_all(top, "Andra")
    changes = history(root, "person/ulf-nordmark")
    assert [c.path for c in changes] == ["personer/ulf-nordmark.toml"] * 2  # not a quoted "F\303\266rbund/…"
    diff = change_diff(root, second, [changes[0].path])
    assert "+++ b/Förbund/personer/ulf-nordmark.toml" in diff and '+name = "Ulf N"' in diff
    assert diff.startswith(f"commit {second}")

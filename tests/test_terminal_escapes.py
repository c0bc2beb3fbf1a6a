"""Nobody fooled: control characters in records never reach the terminal or a document.

A person's name, a § title, a decision clause and an uppdrag hold a clear-screen sequence,
an OSC 52 clipboard write, a carriage return, bidi controls (Trojan Source), a C1 CSI and
DEL. Every command of the command line writes through one escaping stream
(``finsam_tui/core/text.py``): in text, C0/DEL/C1 are shown as ``\\x1b`` and bidi controls as
``\\u202e``; JSON stays valid and lossless (``\\u009b``); our own colour codes still work;
the Markdown export drops them.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.check.findings import Finding
from finsam_tui.core.text import EscapingStream, visible, visible_text

from .conftest import RECORDS, ROOT, beyond_the_example, relock
from .gitutil import commit_all, git, git_env, needs_git  # noqa: F401 (git_env is a fixture)

# clear screen, OSC 52 (write "hej" to the clipboard), carriage return, right-to-left override,
# left-to-right isolate, C1 CSI, DEL
H = "\x1b[2J\x1b]52;c;aGVq\x07\r\u202eFEL\u2066\x9b31m\x7f"
# H as shown: every control escaped ...
E = "\\x1b[2J\\x1b]52;c;aGVq\\x07\\x0d\\u202eFEL\\u2066\\x9b31m\\x7f"
# ... and where the text is wrapped or cut to fit (white space, the CR too, is collapsed)
W = "\\x1b[2J\\x1b]52;c;aGVq\\x07 \\u202eFEL\\u2066\\x9b31m\\x7f"

NAME = "Kjell" + H + " Ivarsson"
TITLE = "Reviderad budget" + H + " 2023"
CLAUSE = "att godkänna" + H + " budgeten"
TASK = "Utreda" + H + " saken"

# What must never be written: C0 but newline (tab too: none in these records), DEL, C1, bidi.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MEETING = "moten/styrelse/2023/2023-06-09.toml"


def toml_str(value: str) -> str:
    """A TOML basic string with every non-ASCII character as an escape (DEL may not be raw)."""
    return json.dumps(value)


def build(root: Path) -> Path:
    shutil.copytree(RECORDS, root, ignore=shutil.ignore_patterns(".finsam-cache"))
    person = root / "personer" / "kjell-ivarsson.toml"
    person.write_text(person.read_text(encoding="utf-8").replace('name = "Kjell Ivarsson"', f"name = {toml_str(NAME)}"),
                      encoding="utf-8")
    meeting = root / MEETING
    text = meeting.read_text(encoding="utf-8")
    edits = [('title = "Reviderad budget 2023"', f"title = {toml_str(TITLE)}"),
             ('decision = ["att godkänna reviderad budget för 2023 enligt bilaga 1"]',
              f"decision = [{toml_str(CLAUSE)}]"),
             ('"budget/2023/nya-insatser", "beredningsgrupp/2023-05-12"]\n',
              '"budget/2023/nya-insatser", "beredningsgrupp/2023-05-12"]\n\n'
              f'[[items.tasks]]\ntask = {toml_str(TASK)}\nresponsible = "kjell-ivarsson"\nstatus = "ny"\n')]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    meeting.write_text(text, encoding="utf-8")
    relock(meeting)
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("escapes") / "records")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def strings(obj):
    """Every string in a JSON document."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


def test_the_records_hold_the_control_characters_and_are_valid(hostile, capsys):
    code, out, _ = run(capsys, "validate", str(hostile), "--format", "json")
    assert code == 0 and beyond_the_example(json.loads(out)["findings"]) == []  # only the example's own
    code, out, _ = run(capsys, "validate", str(hostile))
    assert code == 0 and re.search(r"(^|\n)(Inga fel eller varningar|0 fel, .*) \(52 filer kontrollerade\)\n$", out)


# (argv, a line the text output must hold exactly, what the JSON output must hold)
LOOKUPS = [
    (["show", "styrelse/2023-06-09/§27"], f"styrelse/2023-06-09/§27  Reviderad budget{E} 2023", TITLE),
    (["show", "styrelse/2023-06-09/§27"], f"  - att godkänna{W} budgeten", CLAUSE),
    (["show", "styrelse/2023-06-09/§27"], f"    ansvarig Kjell{W} Ivarsson · ny", TASK),
    (["show", "styrelse/2023-06-09"], f"Justerare     Kjell{W} Ivarsson", NAME),
    (["show", "person/kjell-ivarsson"], f"person/kjell-ivarsson  Kjell{E} Ivarsson", NAME),
    (["refs", "kjell-ivarsson"], f"  moten/styrelse/2023/2023-06-09.toml:77  Utreda{W} sak…", NAME),
    (["refs", "styrelse/2023-06-09/§27"],
     "Hänvisningar till styrelse/2023-06-09/§27 (Reviderad budget\\x1b[2J\\x1b]52;c;aGVq\\x07…): 1", TITLE),
    (["person", "kjell-ivarsson"], f"Kjell{E} Ivarsson (person/kjell-ivarsson)", NAME),
    (["person", "kjell-ivarsson"], f"    Utreda{W} saken", TASK),
    (["decisions", "--year", "2023"], f"  - att godkänna{W} budgeten", CLAUSE),
    (["uppdrag", "--person", "kjell-ivarsson"], f"Uppdrag (Kjell{E} Ivarsson): 1", TASK),
    (["uppdrag", "--person", "kjell-ivarsson"], f"  Utreda{W} saken", TASK),
    (["search", "reviderad"], f"styrelse/2023-06-09/§27  2023-06-09  Reviderad budget{E} 2023", TITLE),
]


@pytest.mark.parametrize("argv, line, _value", LOOKUPS, ids=[" ".join(c[0]) + f" [{i}]" for i, c in enumerate(LOOKUPS)])
def test_text_output_shows_control_characters_escaped(hostile, capsys, argv, line, _value):
    code, out, err = run(capsys, *argv, "--records", str(hostile))
    assert code == 0, err
    assert not RAW.search(out) and not RAW.search(err)
    assert line in out.split("\n")


@pytest.mark.parametrize("argv, _line, value", LOOKUPS, ids=[" ".join(c[0]) + f" [{i}]" for i, c in enumerate(LOOKUPS)])
def test_json_output_is_escaped_and_lossless(hostile, capsys, argv, _line, value):
    code, out, err = run(capsys, *argv, "--records", str(hostile), "--format", "json")
    assert code == 0, err
    assert not RAW.search(out) and not RAW.search(err)
    assert "\\u001b[2J" in out and "\\u009b31m\\u007f" in out and "\\u202eFEL\\u2066" in out
    assert value in set(strings(json.loads(out)))  # the JSON reader gets the text back as it is


def test_messages_on_stderr_are_escaped_too(hostile, capsys):
    code, out, err = run(capsys, "show", "person/x" + H, "--records", str(hostile))
    assert code == 2 and out == "" and not RAW.search(err)
    assert err.startswith(f"finsam show: person/x{E} är ingen giltig referens.\n")
    code, out, err = run(capsys, "decisions", "--organ", "x" + H, "--records", str(hostile))
    assert code == 2 and out == "" and not RAW.search(err)
    assert err == f"finsam decisions: organet x{E} finns inte (organ: beredningsgrupp, medlemssamrad, styrelse).\n"


def test_through_a_real_pipe(hostile):
    """The escaping sits on the process's real stdout and stderr, and on stdout's byte buffer
    (which the export to stdout writes to)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    for argv in (["show", "styrelse/2023-06-09/§27"], ["person", "kjell-ivarsson"],
                 ["export", "protocol", "styrelse/2023-06-09"]):
        res = subprocess.run([sys.executable, "-m", "finsam_tui", *argv, "--records", str(hostile)],
                             capture_output=True, env=env, timeout=120)
        assert res.returncode == 0, res.stderr.decode()
        out = res.stdout.decode("utf-8")
        assert not RAW.search(out) and not RAW.search(res.stderr.decode("utf-8"))
        assert b"\x1b" not in res.stdout and "\u202e".encode() not in res.stdout


# --- a newline in a one-line field cannot add a line of its own -----------------------------

@pytest.fixture(scope="module")
def newlines(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("newlines") / "records"
    shutil.copytree(RECORDS, root, ignore=shutil.ignore_patterns(".finsam-cache"))
    person = root / "personer" / "kjell-ivarsson.toml"
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace('name = "Kjell Ivarsson"', 'name = "Kjell\\nIvarsson"'), encoding="utf-8")
    meeting = root / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(
        'title = "Reviderad budget 2023"', 'title = "Reviderad\\nstyrelse/2023-06-09/§99  Falsk"'), encoding="utf-8")
    relock(meeting)
    return root


@pytest.mark.parametrize("argv, line", [
    (["show", "styrelse/2023-06-09/§27"], "styrelse/2023-06-09/§27  Reviderad\\x0astyrelse/2023-06-09/§99  Falsk"),
    (["show", "person/kjell-ivarsson"], "person/kjell-ivarsson  Kjell\\x0aIvarsson"),
    (["person", "kjell-ivarsson"], "Kjell\\x0aIvarsson (person/kjell-ivarsson)"),
    (["search", "reviderad"], "styrelse/2023-06-09/§27  2023-06-09  Reviderad\\x0astyrelse/2023-06-09/§99  Falsk"),
    (["decisions", "--year", "2023"], "styrelse/2023-06-09/§27  2023-06-09  Reviderad styrelse/2023-06-09/§99 Falsk"),
    (["uppdrag", "--person", "kjell-ivarsson"], "finsam uppdrag: Inga uppdrag (Kjell\\x0aIvarsson)."),
], ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_a_newline_in_a_title_or_name_is_shown_escaped(newlines, capsys, argv, line):
    _code, out, err = run(capsys, *argv, "--records", str(newlines))
    lines = (out + err).split("\n")
    assert line in lines
    assert not [x for x in lines if x.startswith(("styrelse/2023-06-09/§99", "Ivarsson"))]


# --- colour: our codes pass, the record's do not --------------------------------------------

class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_search_highlights_in_bold_on_a_terminal_and_escapes_the_record(hostile, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = Tty()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["search", "reviderad", "--records", str(hostile)]) == 0
    lines = out.getvalue().split("\n")
    assert f"styrelse/2023-06-09/§27  2023-06-09  Reviderad budget{E} 2023" in lines
    snippets = [line for line in lines if line.startswith("    ") and "\x1b[1m" in line]
    assert snippets and all("\x1b[0m" in line for line in snippets)
    assert "\x1b[2J" not in out.getvalue() and "\x1b]" not in out.getvalue()
    assert not RAW.search(out.getvalue().replace("\x1b[1m", "").replace("\x1b[0m", ""))


def test_validate_colours_the_severity_and_escapes_the_message():
    out = io.StringIO()
    from finsam_tui.cli.validate import write_text

    finding = Finding("FS201", "moten/x.toml", params={"ref": "anna" + H, "target": "person"}, line=3, column=5)
    write_text([finding], "sv", EscapingStream(out), color=True)
    assert out.getvalue().split("\n")[0] == (
        f"moten/x.toml:3:5: \x1b[1;31mfel\x1b[0m FS201: Referensen \"anna{E}\" pekar inte på någon person")


# --- history: authors and commit messages from git -----------------------------------------

@needs_git
def test_history_escapes_authors_and_messages(tmp_path, git_env, capsys):  # noqa: F811 (the fixture)
    top = tmp_path / "repo"
    root = build(top / "records")
    git(top, "init", "-q")
    h, e = H.replace("\r", ""), E.replace("\\x0d", "")  # git's text is read with universal newlines
    commit_all(top, "Första" + h + "\n\nRad två" + h, author="Bo" + h + " Bok")
    code, out, err = run(capsys, "history", "person/kjell-ivarsson", "--records", str(root))
    assert code == 0, err
    assert not RAW.search(out)
    lines = out.split("\n")
    assert lines[1].endswith(f"  Bo{e} Bok")
    assert lines[2:5] == [f"    Första{e}", "", f"    Rad två{e}"]
    code, out, err = run(capsys, "history", "person/kjell-ivarsson", "--records", str(root), "--format", "json")
    assert code == 0 and not RAW.search(out)
    change = json.loads(out)["history"][0]
    assert (change["author"], change["message"]) == ("Bo" + h + " Bok", "Första" + h + "\n\nRad två" + h)


# --- the Markdown export drops them ---------------------------------------------------------

def test_export_writes_no_control_characters(hostile, tmp_path, capsys):
    out_dir = tmp_path / "export"
    code, _out, err = run(capsys, "export", "all", "--out", str(out_dir), "--records", str(hostile))
    assert code == 0, err
    written = sorted(out_dir.rglob("*.md"))
    assert written
    for path in written:
        assert not RAW.search(path.read_text(encoding="utf-8")), path
    protocol = (out_dir / "protokoll" / "styrelse" / "2023-06-09.md").read_text(encoding="utf-8")
    lines = protocol.split("\n")
    dropped = "\\[2J\\]52;c;aGVq FEL31m"  # the controls dropped, the CR a space, Markdown escaped
    assert f"## § 27 Reviderad budget{dropped} 2023" in lines
    assert f"- att godkänna{dropped} budgeten" in lines
    assert f"- Uppdrag till Kjell{dropped} Ivarsson: Utreda{dropped} saken (status: ny)" in lines
    code, out, err = run(capsys, "export", "protocol", "styrelse/2023-06-09", "--records", str(hostile))
    assert code == 0 and out == protocol


# --- the helpers ----------------------------------------------------------------------------

def test_visible_forms():
    assert visible("a\tb\nc\r\x00\x1b\x7f\x80\x9f\u202a\u202e\u2066\u2069\u200e\u200f\u061cé–§") == (
        "a\tb\\x0ac\\x0d\\x00\\x1b\\x7f\\x80\\x9f\\u202a\\u202e\\u2066\\u2069\\u200e\\u200f\\u061cé–§")
    assert visible_text("rad ett\nrad\ttvå\x1b[0m") == "rad ett\nrad\ttvå\\x1b[0m"


def test_escaping_stream_forms():
    text, js = io.StringIO(), io.StringIO()
    EscapingStream(text).write("a\x1b\x9b\u202e\n")
    EscapingStream(js, "json").write(json.dumps("a\x1b\x9b\u202e", ensure_ascii=False) + "\n")
    assert text.getvalue() == "a\\x1b\\x9b\\u202e\n"
    assert js.getvalue() == '"a\\u001b\\u009b\\u202e"\n'
    assert json.loads(js.getvalue()) == "a\x1b\x9b\u202e"

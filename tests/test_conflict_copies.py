"""Conflict copies and saves raced by other programs: the commands, and keeping one's own version
over one that cannot be written into (#14, sections 2 and 4).

A save that another program raced in its very last moment keeps that program's version next to
the record as ``<name>.konflikt-<YYYYMMDD-HHMMSS>.toml`` (core/io/saving). Here:

* the copy is no record: ``finsam validate`` reports it as FS111 (naming the record), never as a
  second record or a bad file name, and ``finsam fmt`` over the folder leaves it as it is;
* the commands that save — ``fmt``, ``lock``, ``correct`` — when the record is removed or renamed
  during their save: the conflict ("deleted or moved"), exit status 1, never a traceback or a
  raw "No such file or directory", and the file is not created anew;
* the same commands when another program writes the record in the moment of the save: done,
  the copy named, exit status 1;
* "keep mine" (``core/ops/save.overwrite``) over a version on disk that does not parse (git's
  conflict markers) or is not UTF-8: that version is kept as a conflict copy, never lost.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.io import atomic

from .conftest import beyond_the_example

PERSON = "personer/annika-berglof.toml"
COPY = "personer/annika-berglof.konflikt-20261207-143005.toml"
MEETING = "moten/styrelse/2023/2023-04-14.toml"


def copies_of(path: Path) -> list[Path]:
    stem = path.name.removesuffix(".toml")
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(stem + ".konflikt-"))


def test_a_conflict_copy_is_fs111_and_never_read_as_a_record(records_copy, capsys):
    shutil.copyfile(records_copy / PERSON, records_copy / COPY)  # the same person twice, were it read
    for _ in range(2):  # cold, then through the warm cache
        assert main(["validate", str(records_copy), "--format", "json"]) == 1
        found = json.loads(capsys.readouterr().out)["findings"]
        assert [(f["code"], f["file"], f["line"]) for f in beyond_the_example(found)] == [("FS111", COPY, None)]
    assert main(["validate", str(records_copy)]) == 1
    out = capsys.readouterr().out
    assert (f"{COPY}: fel FS111: Konfliktkopia av {PERSON}: en version av posten som finsam behöll i stället för "
            "att skriva över den") in out
    assert f"tips: Jämför kopian med {PERSON} och för in det som ska vara kvar; ta sedan bort kopian." in out
    assert main(["validate", str(records_copy), "--lang", "en"]) == 1
    assert f"Conflict copy of {PERSON}" in capsys.readouterr().out


def test_fmt_over_the_folder_leaves_a_conflict_copy_as_it_is(records_copy, capsys):
    unformatted = b'name   =   "Annika Berglof"\ntitle="kopia"\n'
    (records_copy / COPY).write_bytes(unformatted)
    assert main(["fmt", "--check", str(records_copy)]) == 0
    assert COPY not in capsys.readouterr().out
    assert main(["fmt", str(records_copy)]) == 0
    assert (records_copy / COPY).read_bytes() == unformatted


def _vanish_during_save(monkeypatch, path: Path) -> None:
    """The record is renamed away while the command's save fsyncs its temp file."""
    real = os.fsync
    done = []

    def fsync(fd):
        if not done:
            done.append(True)
            path.rename(path.with_name(path.name.removesuffix(".toml") + "-flyttad.toml"))
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def _race_the_save(monkeypatch, path: Path, line: str) -> None:
    """Another program appends to the record in the moment of the command's save."""
    real = atomic.rename2

    def rename2(src, dst, flags):
        if flags == atomic.RENAME_EXCHANGE and Path(dst) == path:
            with open(path, "a", encoding="utf-8") as f:
                f.write(line)
        return real(src, dst, flags)

    monkeypatch.setattr(atomic, "rename2", rename2)


def _unlocked_meeting(records_copy: Path) -> Path:
    path = records_copy / MEETING
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.split("\n") if not line.startswith("fingerprint = ")),
                    encoding="utf-8")
    return path


COMMANDS = {
    "fmt": lambda root: ["fmt", str(root / PERSON)],
    "lock": lambda root: ["lock", "styrelse/2023-04-14", "--records", str(root)],
    "correct": lambda root: ["correct", "styrelse/2023-04-14", "--records", str(root), "--by", "johanna-lilja",
                             "--what", "§12: rubriken kompletterad", "--why", "Ofullständig rubrik",
                             "--date", "2 maj 2023"],
}


def _prepare(command: str, root: Path) -> Path:
    """The file the command will save, made so that it has something to save."""
    if command == "fmt":
        path = root / PERSON
        path.write_text(path.read_text(encoding="utf-8").replace('title = "', 'title    =    "'), encoding="utf-8")
        return path
    if command == "lock":
        return _unlocked_meeting(root)
    path = root / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace('title = "Mötets öppnande"',
                                                             'title = "Mötets öppnande och upprop"'),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_record_renamed_during_the_save_of_a_command_is_the_conflict(records_copy, capsys, monkeypatch, command):
    path = _prepare(command, records_copy)
    before = path.read_bytes()
    argv = COMMANDS[command](records_copy)
    capsys.readouterr()
    _vanish_during_save(monkeypatch, path)
    assert main(argv) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "No such file" not in err and "Errno" not in err
    if command == "fmt":
        assert err.startswith("finsam fmt: ") and "togs bort eller flyttades under tiden; filen formateras inte" in err
    else:
        assert f"finsam {command}: styrelse/2023-04-14 skrevs inte: Kunde inte spara {path}: filen har tagits bort " \
               "eller flyttats" in err
    assert not path.exists()  # not created anew behind the other program's back
    assert path.with_name(path.name.removesuffix(".toml") + "-flyttad.toml").read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_record_written_in_the_moment_of_the_save_of_a_command_is_kept_as_a_copy(records_copy, capsys,
                                                                                 monkeypatch, command):
    path = _prepare(command, records_copy)
    before = path.read_text(encoding="utf-8")
    argv = COMMANDS[command](records_copy)
    capsys.readouterr()
    _race_the_save(monkeypatch, path, "# ett annat program\n")
    assert main(argv) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    (copy,) = copies_of(path)
    assert copy.read_text(encoding="utf-8") == before + "# ett annat program\n"  # theirs, whole
    assert path.read_text(encoding="utf-8") != before  # and the command's save is done
    assert "Traceback" not in err
    if command == "fmt":
        assert "formaterad, men ett annat program ändrade filen i samma ögonblick" in err
        assert copy.name in err
    else:
        assert f"finsam {command}: Sparade {path}, men ett annat program ändrade filen i samma ögonblick" in err
        assert str(copy) in err


@pytest.mark.parametrize("disk", ["git conflict markers", "latin-1"])
def test_keeping_mine_over_a_version_that_cannot_be_written_into_keeps_it_as_a_copy(records_copy, disk):
    from finsam_tui.core.ops.places import place_of_rel
    from finsam_tui.core.ops.save import Saved, overwrite, read_record

    path = records_copy / PERSON
    snap, data = read_record(path)
    if disk == "latin-1":
        theirs = snap.text.replace('title = "', 'title = "ändrad: ').encode("latin-1")
    else:
        theirs = snap.text.replace('title = "förbundschef"', '<<<<<<< HEAD\ntitle = "förbundschef"\n=======\n'
                                   'title = "förbundschef (tf)"\n>>>>>>> annan-gren').encode("utf-8")
    path.write_bytes(theirs)
    result = overwrite(place_of_rel(records_copy, PERSON), snap, {**data, "title": "kanslichef"})
    assert isinstance(result, Saved)
    (copy,) = copies_of(path)
    assert copy.read_bytes() == theirs  # nothing of theirs lost
    assert result.conflict.copy == copy and str(copy) in result.conflict.text("sv")
    assert path.read_text(encoding="utf-8") == snap.text.replace('title = "förbundschef"', 'title = "kanslichef"')

"""Tests for finsam_tui.core.io.saving: every check looks at the real files on disk."""

from __future__ import annotations

import errno
import hashlib
import multiprocessing
import os
import pickle
import re
import shutil
import stat
import sys
import threading
import time
from pathlib import Path

import pytest
import tomlkit

from finsam_tui.core.io import atomic, saving
from finsam_tui.core.io.saving import (
    SaveConflict,
    Snapshot,
    delete_record,
    edit_record,
    read_snapshot,
    save_text,
)

RECORD = '''\
# Protokoll från styrelsens sammanträde
organ = "styrelse"
kind = "ordinarie"                   # ordinarie | extra | konstituerande | arbetsmöte
date = 2023-06-09
start = "09:00"
place = "Förbundets kansli, Storgatan 1, Älvsö"
state = "justerad"                   # planerad | kallad | genomförd | justerad | anslagen
adjusters = ["erik-sandberg"]
updated = 2023-06-16T14:30:00+02:00
next_meeting = 2023-09-15

[attendance]
voting = ["anna-lindqvist", "erik-sandberg", "lena-nord"]          # beslutande
serving = [{ person = "omar-haddad", replaces = "johan-berg" }]    # tjänstgörande ersättare
others = ["maria-holm", { name = "Per Strand", role = "projektledare, Exempelstad" }]

[justering]
date = 2023-06-16
place = "Digital signering"

# --- paragrafer ---

[[items]]
number = 47
title = "Val av justerare"
kind = "val"
decision = ["att utse Erik Sandberg att jämte ordföranden justera dagens protokoll"]

[[items]]
number = 50
title = "Reviderad budget 2023"
kind = "beslut"
background = """
Förbundschefen redovisar förslag till reviderad budget.
Ökade kostnader för lokaler; översyn av avtal pågår."""
note = \'\'\'
C:\\protokoll\\2023 — "ordagrant"\'\'\'
decision = [
    "att godkänna reviderad budget för 2023 enligt bilaga 2",  # huvudbeslut
    "att uppdra åt förbundschefen att återrapportera",
]
reservations = [{ person = "lena-nord", text = "Till förmån för eget yrkande." }]
'''


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def record(tmp_path: Path) -> Path:
    path = tmp_path / "moten" / "styrelse" / "2023" / "2023-06-09.toml"
    write_bytes(path, RECORD.encode("utf-8"))
    return path


# --- reading and round trip -------------------------------------------------------


def test_tomlkit_round_trips_realistic_record() -> None:
    doc = tomlkit.parse(RECORD)
    assert doc.as_string() == RECORD
    # sanity: the record really contains what the test claims
    assert doc["items"][1]["background"].startswith("Förbundschefen")
    assert str(doc["date"]) == "2023-06-09"
    assert doc["attendance"]["serving"][0]["person"] == "omar-haddad"


def test_read_snapshot_exact_text_and_hash(record: Path) -> None:
    snap = read_snapshot(record)
    raw = record.read_bytes()
    assert snap.path == record
    assert snap.text == RECORD
    assert snap.text.encode("utf-8") == raw
    assert snap.sha256 == hashlib.sha256(raw).hexdigest()


def test_noop_edit_writes_nothing(record: Path) -> None:
    os.utime(record, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = record.stat()
    raw = record.read_bytes()
    snap = read_snapshot(record)

    def touch_nothing(doc: tomlkit.TOMLDocument) -> None:
        doc["state"] = doc["state"]  # re-assign the same value: text unchanged

    result = edit_record(snap, touch_nothing)
    assert result is snap
    assert record.read_bytes() == raw
    after = record.stat()
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_ino == before.st_ino  # not replaced either
    assert leftovers(record.parent) == []


# --- editing ------------------------------------------------------------------------


def test_edit_keeps_comments_and_order(record: Path) -> None:
    snap = read_snapshot(record)

    def mutate(doc: tomlkit.TOMLDocument) -> None:
        doc["state"] = "anslagen"
        item = tomlkit.table()
        item.update({"number": 51, "title": "Övriga frågor", "kind": "övrigt"})
        item.trivia.indent = "\n"  # blank line before the new [[items]]
        doc["items"].append(item)

    new = edit_record(snap, mutate)

    expected = RECORD.replace(
        'state = "justerad"                   #',
        'state = "anslagen"                   #',
    ) + '\n[[items]]\nnumber = 51\ntitle = "Övriga frågor"\nkind = "övrigt"\n'
    assert expected != RECORD
    assert record.read_bytes() == expected.encode("utf-8")
    assert new.text == expected
    assert new.path == record
    assert new.sha256 == hashlib.sha256(expected.encode("utf-8")).hexdigest()
    assert read_snapshot(record) == new
    assert leftovers(record.parent) == []

    # a further edit from the returned snapshot works (no stale hash)
    edit_record(new, lambda doc: doc.__setitem__("state", "genomförd"))
    assert (
        'state = "genomförd"                   # planerad | kallad | genomförd | justerad | anslagen\n'
        in record.read_text(encoding="utf-8")
    )


def test_save_text_creates_file_and_parents(tmp_path: Path) -> None:
    path = tmp_path / "personer" / "ny" / "anna-lindqvist.toml"
    text = 'name = "Anna Lindqvist"  # ny\n'
    snap = save_text(path, text, None)
    assert path.read_bytes() == text.encode("utf-8")
    assert snap == Snapshot(path, text, hashlib.sha256(text.encode("utf-8")).hexdigest())
    assert leftovers(path.parent) == []


def test_save_text_replaces_when_hash_matches(record: Path) -> None:
    snap = read_snapshot(record)
    new = save_text(record, "organ = \"styrelse\"\n", snap.sha256)
    assert record.read_text(encoding="utf-8") == "organ = \"styrelse\"\n"
    assert new == read_snapshot(record)
    assert leftovers(record.parent) == []


# --- conflicts ----------------------------------------------------------------------


def test_external_change_conflicts_on_save_text(record: Path) -> None:
    snap = read_snapshot(record)
    external = RECORD.replace("justerad", "anslagen", 1)
    record.write_text(external, encoding="utf-8")

    with pytest.raises(SaveConflict) as info:
        save_text(record, RECORD + "# mine\n", snap.sha256)
    assert record.read_text(encoding="utf-8") == external
    exc = info.value
    assert exc.path == record
    assert str(record) in str(exc)
    assert "reload" in str(exc).lower()
    assert "save again" in str(exc).lower()
    assert str(record) in exc.message_sv
    assert "Läs in" in exc.message_sv
    assert leftovers(record.parent) == []


def test_external_change_conflicts_on_edit_record(record: Path) -> None:
    snap = read_snapshot(record)
    external = RECORD + "# tillagt i annat fönster\n"
    record.write_text(external, encoding="utf-8")

    with pytest.raises(SaveConflict) as info:
        edit_record(snap, lambda doc: doc.__setitem__("state", "anslagen"))
    assert record.read_text(encoding="utf-8") == external
    assert str(record) in str(info.value)
    assert leftovers(record.parent) == []


def test_create_over_existing_file_conflicts(record: Path) -> None:
    with pytest.raises(SaveConflict) as info:
        save_text(record, 'organ = "annat"\n', None)
    assert record.read_text(encoding="utf-8") == RECORD
    assert str(record) in str(info.value)
    assert str(record) in info.value.message_sv
    assert leftovers(record.parent) == []


def test_editing_deleted_file_conflicts_and_does_not_recreate(record: Path) -> None:
    snap = read_snapshot(record)
    record.unlink()
    with pytest.raises(SaveConflict) as info:
        edit_record(snap, lambda doc: doc.__setitem__("state", "anslagen"))
    assert not record.exists()
    assert str(record) in str(info.value)
    with pytest.raises(SaveConflict):
        save_text(record, RECORD, snap.sha256)
    assert not record.exists()
    assert leftovers(record.parent) == []


def test_editing_file_whose_folder_is_gone_conflicts(record: Path) -> None:
    snap = read_snapshot(record)
    record.unlink()
    record.parent.rmdir()
    with pytest.raises(SaveConflict):
        save_text(record, RECORD, snap.sha256)
    assert not record.parent.exists()


def test_same_content_rewritten_externally_is_not_a_conflict(record: Path) -> None:
    # The hash is of the content, so a touch or an identical rewrite does not block saving.
    snap = read_snapshot(record)
    record.write_bytes(RECORD.encode("utf-8"))
    save_text(record, RECORD + "# ok\n", snap.sha256)
    assert record.read_text(encoding="utf-8") == RECORD + "# ok\n"


def test_save_conflict_is_picklable(tmp_path: Path) -> None:
    exc = SaveConflict(tmp_path / "x.toml")
    copy = pickle.loads(pickle.dumps(exc))
    assert isinstance(copy, SaveConflict)
    assert copy.path == exc.path
    assert str(copy) == str(exc)
    assert copy.message_sv == exc.message_sv


# --- delete -------------------------------------------------------------------------


def test_delete_record(record: Path) -> None:
    snap = read_snapshot(record)
    delete_record(snap)
    assert not record.exists()


def test_delete_refuses_changed_file(record: Path) -> None:
    snap = read_snapshot(record)
    record.write_text(RECORD + "# ändrad\n", encoding="utf-8")
    with pytest.raises(SaveConflict) as info:
        delete_record(snap)
    assert record.read_text(encoding="utf-8") == RECORD + "# ändrad\n"
    assert str(record) in str(info.value)


def test_delete_refuses_missing_file(record: Path) -> None:
    snap = read_snapshot(record)
    record.unlink()
    with pytest.raises(SaveConflict):
        delete_record(snap)


# --- atomicity ----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["exchange", "replace (no renameat2)"])
def test_failed_replace_leaves_original_and_no_temp(record: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    raw = record.read_bytes()
    snap = read_snapshot(record)
    seen: list[tuple[str, str]] = []

    def broken(src, dst, *args, **kwargs):
        seen.append((os.fspath(src), os.fspath(dst)))
        raise OSError("disk on fire")

    if how == "exchange":
        monkeypatch.setattr(atomic, "rename2", broken)
    else:
        monkeypatch.setattr(atomic, "renameat2", None)
        monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk on fire"):
        edit_record(snap, lambda doc: doc.__setitem__("state", "anslagen"))
    monkeypatch.undo()

    assert record.read_bytes() == raw
    assert leftovers(record.parent) == []
    assert sorted(os.listdir(record.parent)) == [record.name]
    # the temp file was in the same directory, hidden and named after the target
    (src, dst), = seen
    assert Path(dst) == record
    tmp = Path(src)
    assert tmp.parent == record.parent
    assert tmp.name.startswith("." + record.name + ".")
    assert tmp.name.endswith(".tmp")
    # and the lock was released: a normal save works now
    save_text(record, "organ = \"styrelse\"\n", snap.sha256)
    assert record.read_text(encoding="utf-8") == "organ = \"styrelse\"\n"


def test_failed_fsync_leaves_original_and_no_temp(record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = record.read_bytes()
    snap = read_snapshot(record)

    def broken_fsync(fd):
        raise OSError("no space left")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="no space left"):
        save_text(record, "x = 1\n", snap.sha256)
    monkeypatch.undo()
    assert record.read_bytes() == raw
    assert sorted(os.listdir(record.parent)) == [record.name]


def test_failed_create_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ny.toml"

    def broken(src, dst, *args, **kwargs):
        raise KeyboardInterrupt  # even a BaseException cleans up

    monkeypatch.setattr(atomic, "rename2", broken)
    with pytest.raises(KeyboardInterrupt):
        save_text(path, "x = 1\n", None)
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_unencodable_text_writes_nothing(record: Path) -> None:
    snap = read_snapshot(record)
    with pytest.raises(UnicodeEncodeError):
        save_text(record, "x = '\udcff'\n", snap.sha256)
    assert record.read_text(encoding="utf-8") == RECORD
    assert leftovers(record.parent) == []


# --- permissions and line endings ------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_permissions_kept(record: Path) -> None:
    os.chmod(record, 0o640)
    snap = read_snapshot(record)
    edit_record(snap, lambda doc: doc.__setitem__("state", "anslagen"))
    assert 'state = "anslagen"' in record.read_text(encoding="utf-8")
    assert stat.S_IMODE(record.stat().st_mode) == 0o640

    os.chmod(record, 0o604)
    save_text(record, "x = 1\n", read_snapshot(record).sha256)
    assert stat.S_IMODE(record.stat().st_mode) == 0o604


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX umask")
def test_new_file_gets_umask_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "ny.toml"
        save_text(path, "x = 1\n", None)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_crlf_preserved(tmp_path: Path) -> None:
    path = tmp_path / "crlf.toml"
    crlf = RECORD.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(crlf)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))

    snap = read_snapshot(path)
    assert "\r\n" in snap.text
    assert snap.text.encode("utf-8") == crlf
    assert snap.sha256 == hashlib.sha256(crlf).hexdigest()

    assert edit_record(snap, lambda doc: None) is snap
    assert path.read_bytes() == crlf
    assert path.stat().st_mtime_ns == 1_600_000_000_000_000_000

    # a real edit keeps the CRLF line endings of untouched lines
    new = edit_record(snap, lambda doc: doc.__setitem__("state", "anslagen"))
    data = path.read_bytes()
    assert data == new.text.encode("utf-8")
    assert data == crlf.replace(b'state = "justerad"', b'state = "anslagen"')
    assert b"\n" not in data.replace(b"\r\n", b"")


# --- the lock -------------------------------------------------------------------------


def _slow_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Widen the window between compare and replace, so a missing lock shows."""
    real_fsync = os.fsync

    def slow(fd):
        time.sleep(0.002)
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow)


def test_two_threads_saving_same_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _slow_fsync(monkeypatch)
    path = tmp_path / "rec.toml"
    for round_ in range(50):
        if path.exists():
            path.unlink()
        save_text(path, RECORD, None)
        snap = read_snapshot(path)
        barrier = threading.Barrier(2)
        results: dict[int, str] = {}

        def worker(n: int) -> None:
            text = RECORD + f"# thread {n} round {round_}\n"
            barrier.wait()
            try:
                save_text(path, text, snap.sha256)
                results[n] = "ok"
            except SaveConflict:
                results[n] = "conflict"

        threads = [threading.Thread(target=worker, args=(n,)) for n in (0, 1)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(results.values()) == ["conflict", "ok"], results
        (winner,) = [n for n, r in results.items() if r == "ok"]
        assert path.read_text(encoding="utf-8") == RECORD + f"# thread {winner} round {round_}\n"
        assert leftovers(tmp_path) == []


def _process_worker(path: str, sha: str, n: int, barrier, queue) -> None:
    text = RECORD + f"# process {n}\n"
    barrier.wait()
    try:
        save_text(Path(path), text, sha)
        queue.put((n, "ok"))
    except SaveConflict:
        queue.put((n, "conflict"))
    except BaseException as e:  # pragma: no cover - reported to the test
        queue.put((n, repr(e)))


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or atomic.fcntl is None,
    reason="needs fork and fcntl",
)
def test_two_processes_saving_same_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _slow_fsync(monkeypatch)  # inherited by the forked children
    ctx = multiprocessing.get_context("fork")
    path = tmp_path / "rec.toml"
    for _ in range(50):
        if path.exists():
            path.unlink()
        save_text(path, RECORD, None)
        snap = read_snapshot(path)
        barrier = ctx.Barrier(2)
        queue = ctx.Queue()
        procs = [ctx.Process(target=_process_worker, args=(str(path), snap.sha256, n, barrier, queue)) for n in (0, 1)]
        for p in procs:
            p.start()
        results = dict(queue.get(timeout=30) for _ in procs)
        for p in procs:
            p.join(30)
            assert p.exitcode == 0
        assert sorted(results.values()) == ["conflict", "ok"], results
        (winner,) = [n for n, r in results.items() if r == "ok"]
        assert path.read_text(encoding="utf-8") == RECORD + f"# process {winner}\n"
        assert leftovers(tmp_path) == []


@pytest.mark.skipif(atomic.fcntl is None, reason="needs fcntl")
def test_save_waits_for_directory_flock(record: Path) -> None:
    """The lock is an flock on the parent directory: another holder blocks the save."""
    import fcntl

    snap = read_snapshot(record)
    fd = os.open(record.parent, os.O_RDONLY)
    done = threading.Event()
    errors: list[BaseException] = []

    def save() -> None:
        try:
            save_text(record, "x = 1\n", snap.sha256)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)
        finally:
            done.set()

    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        t = threading.Thread(target=save)
        t.start()
        assert not done.wait(0.3)  # blocked while we hold the lock
        assert record.read_text(encoding="utf-8") == RECORD
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    assert done.wait(10)
    t.join()
    assert errors == []
    assert record.read_text(encoding="utf-8") == "x = 1\n"


# --- moving a record (a meeting whose date or organ changed) -----------------------------


def test_move_record_writes_the_new_file_then_removes_the_old(record: Path) -> None:
    root = record.parents[3]
    snap = read_snapshot(record)
    mode = 0o640
    os.chmod(record, mode)
    text = snap.text.replace("date = 2023-06-09", "date = 2024-01-12")
    new = saving.move_record(root, "moten/styrelse/2023/2023-06-09.toml", "moten/styrelse/2024/2024-01-12.toml",
                             text, snap.sha256)
    target = root / "moten/styrelse/2024/2024-01-12.toml"
    assert new.path == target and new.text == text
    assert new.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert target.read_text(encoding="utf-8") == text  # the comments of the old file, the new date
    assert not record.exists()
    assert stat.S_IMODE(os.stat(target).st_mode) == mode
    assert leftovers(target.parent) == []
    assert not record.parent.exists()  # the year folder the move emptied is gone, its organ's stays
    assert sorted(os.listdir(root / "moten/styrelse")) == ["2024"]
    # the new snapshot is good for the next save of the moved record
    save_text(target, text + "# ny rad\n", new.sha256)


def test_move_record_keeps_a_year_folder_with_other_meetings(record: Path) -> None:
    root = record.parents[3]
    write_bytes(record.parent / "2023-09-01.toml", RECORD.encode("utf-8"))
    snap = read_snapshot(record)
    saving.move_record(root, "moten/styrelse/2023/2023-06-09.toml", "moten/styrelse/2024/2024-01-12.toml",
                       snap.text, snap.sha256)
    assert sorted(os.listdir(record.parent)) == ["2023-09-01.toml"]


def test_move_record_within_a_folder(record: Path) -> None:
    root = record.parents[3]
    snap = read_snapshot(record)
    saving.move_record(root, "moten/styrelse/2023/2023-06-09.toml", "moten/styrelse/2023/2023-06-16.toml",
                       snap.text, snap.sha256)
    assert sorted(os.listdir(record.parent)) == ["2023-06-16.toml"]  # (the folder is not empty: it stays)
    assert (record.parent / "2023-06-16.toml").read_text(encoding="utf-8") == RECORD


def test_move_record_never_overwrites_the_target(record: Path) -> None:
    root = record.parents[3]
    target = record.parent / "2023-06-16.toml"
    target.write_text("# ett annat möte\n", encoding="utf-8")
    snap = read_snapshot(record)
    with pytest.raises(SaveConflict) as info:
        saving.move_record(root, "moten/styrelse/2023/2023-06-09.toml", "moten/styrelse/2023/2023-06-16.toml",
                           "changed = true\n", snap.sha256)
    assert info.value.reason == "exists" and info.value.action == "move"
    assert "already exists" in str(info.value) and "finns redan" in info.value.message_sv
    assert record.read_text(encoding="utf-8") == RECORD
    assert target.read_text(encoding="utf-8") == "# ett annat möte\n"
    assert leftovers(record.parent) == []


def test_move_record_refuses_a_changed_or_missing_old_file(record: Path) -> None:
    root = record.parents[3]
    snap = read_snapshot(record)
    record.write_text(RECORD + "# ändrad någon annanstans\n", encoding="utf-8")
    args = (root, "moten/styrelse/2023/2023-06-09.toml", "moten/styrelse/2024/2024-01-12.toml", "x = 1\n")
    with pytest.raises(SaveConflict) as info:
        saving.move_record(*args, snap.sha256)
    assert info.value.reason == "changed"
    assert record.read_text(encoding="utf-8").endswith("# ändrad någon annanstans\n")
    assert not (root / "moten/styrelse/2024/2024-01-12.toml").exists()
    record.unlink()
    with pytest.raises(SaveConflict) as info:
        saving.move_record(*args, snap.sha256)
    assert info.value.reason == "missing"
    assert not (root / "moten/styrelse/2024/2024-01-12.toml").exists()
    with pytest.raises(ValueError):
        saving.move_record(root, "moten/styrelse/2023/2023-06-09.toml", "../elsewhere.toml", "x = 1\n", snap.sha256)


def test_move_record_keeps_the_old_file_when_writing_the_new_fails(record: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = record.parents[3]
    snap = read_snapshot(record)

    def broken_fsync(fd):
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk on fire"):
        saving.move_record(root, "moten/styrelse/2023/2023-06-09.toml", "moten/styrelse/2024/2024-01-12.toml",
                           "x = 1\n", snap.sha256)
    monkeypatch.undo()
    assert record.read_text(encoding="utf-8") == RECORD
    assert not (root / "moten/styrelse/2024/2024-01-12.toml").exists()
    assert leftovers(root / "moten/styrelse/2024") == []


# --- other programs, which take no lock of ours (#14, section 2) -----------------------------
#
# An editor, git or a sync client writes the record without asking. The save compares the file
# with its snapshot again right before the replace, and the replace is an exchange of names, so
# that whatever the record held in that moment is still there to compare: a version finsam had
# not seen is kept as a conflict copy next to the record, and named.


def copies_of(record: Path) -> list[Path]:
    stem = record.name[: -len(".toml")]
    return sorted(p for p in record.parent.iterdir() if p.name.startswith(stem + ".konflikt-"))


def _on_first_fsync(monkeypatch: pytest.MonkeyPatch, action) -> None:
    """Run action (another program) once, while the save fsyncs its temp file: after the first
    compare, before the replace."""
    real = os.fsync
    done = []

    def fsync(fd):
        if not done:
            done.append(True)
            action()
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def _in_the_moment_of_the_exchange(monkeypatch: pytest.MonkeyPatch, action) -> None:
    """Run action (another program) once, after the save's last compare and right before the
    exchange of names: the narrowest window there is."""
    real = atomic.rename2

    def rename2(src, dst, flags):
        if flags == atomic.RENAME_EXCHANGE and not getattr(rename2, "done", False):
            rename2.done = True
            action()
        return real(src, dst, flags)

    monkeypatch.setattr(atomic, "rename2", rename2)


def _rename_write(record: Path, text: str) -> None:
    """What vim, sed -i, git and sync clients do: a new file renamed onto the record."""
    swap = record.with_name(record.name + ".swp")
    swap.write_text(text, encoding="utf-8")
    os.replace(swap, record)


@pytest.mark.parametrize("how", ["rename", "append", "in place"])
def test_a_change_while_the_temp_file_is_written_is_refused_and_kept(record: Path, monkeypatch, how: str) -> None:
    """The window the attack measured (103 of 1,871 outside writes lost): between the first
    compare and the replace, the temp file is written and fsynced."""
    snap = read_snapshot(record)
    theirs = RECORD + "# från ett annat program\n"

    def other_program():
        if how == "rename":
            _rename_write(record, theirs)
        elif how == "append":
            with open(record, "a", encoding="utf-8") as f:
                f.write("# från ett annat program\n")
        else:
            with open(record, "r+", encoding="utf-8") as f:
                f.write(theirs)

    _on_first_fsync(monkeypatch, other_program)
    with pytest.raises(SaveConflict) as info:
        save_text(record, RECORD.replace("justerad", "anslagen", 1), snap.sha256)
    assert info.value.reason == "changed" and info.value.copy is None
    assert record.read_text(encoding="utf-8") == theirs  # theirs, untouched
    assert leftovers(record.parent) == [] and copies_of(record) == []


@pytest.mark.parametrize("how", ["rename", "append"])
def test_a_change_in_the_moment_of_the_replace_is_kept_as_a_conflict_copy(record: Path, monkeypatch,
                                                                         how: str) -> None:
    snap = read_snapshot(record)
    theirs = RECORD + "# från ett annat program\n"
    mine = RECORD.replace("justerad", "anslagen", 1)

    def other_program():
        if how == "rename":
            _rename_write(record, theirs)
        else:
            with open(record, "a", encoding="utf-8") as f:
                f.write("# från ett annat program\n")

    _in_the_moment_of_the_exchange(monkeypatch, other_program)
    with pytest.raises(SaveConflict) as info:
        save_text(record, mine, snap.sha256)
    exc = info.value
    (copy,) = copies_of(record)
    assert copy.read_text(encoding="utf-8") == theirs  # not one byte of theirs lost
    assert record.read_text(encoding="utf-8") == mine  # and the save is done
    assert exc.reason == "copied" and exc.copy == copy and exc.path == record
    assert exc.saved == Snapshot(record, mine, hashlib.sha256(mine.encode("utf-8")).hexdigest())
    assert re.fullmatch(r"2023-06-09\.konflikt-\d{8}-\d{6}\.toml", copy.name)
    assert str(copy) in str(exc) and "another program" in str(exc)
    assert str(copy) in exc.message_sv and "ett annat program" in exc.message_sv
    assert leftovers(record.parent) == []
    assert pickle.loads(pickle.dumps(exc)).copy == copy
    # the next save goes on from what is on disk now
    save_text(record, mine + "# nästa\n", exc.saved.sha256)


def test_conflict_copies_never_overwrite_each_other(record: Path, monkeypatch) -> None:
    monkeypatch.setattr(atomic, "stamp", lambda: "20261207-143005")
    for n in range(3):
        snap = read_snapshot(record)
        _in_the_moment_of_the_exchange(monkeypatch, lambda n=n: _rename_write(record, RECORD + f"# extern {n}\n"))
        with pytest.raises(SaveConflict):
            save_text(record, snap.text + f"# mine {n}\n", snap.sha256)
    assert [p.name for p in copies_of(record)] == [
        "2023-06-09.konflikt-20261207-143005-2.toml", "2023-06-09.konflikt-20261207-143005-3.toml",
        "2023-06-09.konflikt-20261207-143005.toml"]
    assert sorted(p.read_text(encoding="utf-8").splitlines()[-1] for p in copies_of(record)) == [
        "# extern 0", "# extern 1", "# extern 2"]


def _hold_open_for_writing(record: Path, seconds: float, late: str | None):
    """A program that opened the record for appending before the save and writes late (or not at
    all), then closes it."""
    f = open(record, "a", encoding="utf-8")  # noqa: SIM115 - held open across the save, on purpose

    def later():
        time.sleep(seconds)
        if late:
            f.write(late)
        f.close()

    t = threading.Thread(target=later)
    t.start()
    return t


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="leases: Linux")
def test_a_program_writing_into_the_file_after_the_exchange_is_waited_for_and_kept(record: Path, monkeypatch) -> None:
    monkeypatch.setattr(atomic, "WRITER_WAIT", 5.0)  # (ends when the other program closes the file)
    snap = read_snapshot(record)
    mine = RECORD.replace("justerad", "anslagen", 1)
    t = _hold_open_for_writing(record, 0.05, "# sent skrivet\n")
    with pytest.raises(SaveConflict) as info:
        save_text(record, mine, snap.sha256)
    t.join()
    assert info.value.reason == "copied"
    assert info.value.copy.read_text(encoding="utf-8") == RECORD + "# sent skrivet\n"
    assert record.read_text(encoding="utf-8") == mine
    assert leftovers(record.parent) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="leases: Linux")
def test_a_program_that_closes_the_file_without_writing_costs_only_the_wait(record: Path, monkeypatch) -> None:
    monkeypatch.setattr(atomic, "WRITER_WAIT", 5.0)  # (ends when the other program closes the file)
    snap = read_snapshot(record)
    t = _hold_open_for_writing(record, 0.05, None)
    started = time.monotonic()
    save_text(record, "x = 1\n", snap.sha256)
    took = time.monotonic() - started
    t.join()
    assert took >= 0.04  # it waited for the other program to close the file
    assert record.read_text(encoding="utf-8") == "x = 1\n" and copies_of(record) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="leases: Linux")
def test_a_program_that_keeps_the_file_open_gets_its_version_kept(record: Path, monkeypatch) -> None:
    monkeypatch.setattr(atomic, "WRITER_WAIT", 0.02)
    snap = read_snapshot(record)
    t = _hold_open_for_writing(record, 0.2, "# skrivet efter sparandet\n")
    with pytest.raises(SaveConflict) as info:
        save_text(record, "x = 1\n", snap.sha256)
    t.join()
    assert info.value.reason == "copied"
    # the copy is the very file the other program writes into: its late line is in it too
    assert info.value.copy.read_text(encoding="utf-8") == RECORD + "# skrivet efter sparandet\n"
    assert record.read_text(encoding="utf-8") == "x = 1\n"


def test_without_leases_a_late_write_is_still_seen_when_read_again(record: Path, monkeypatch) -> None:
    """Where leases cannot tell (NFS, a file of another user), the displaced file is read again
    after its name is removed."""
    monkeypatch.setattr(atomic, "writers_gone", lambda fd: None)
    snap = read_snapshot(record)
    f = open(record, "a", encoding="utf-8")  # noqa: SIM115 - held open across the save, on purpose
    real_unlink = os.unlink

    def unlink(path, *a, **kw):
        real_unlink(path, *a, **kw)
        if not f.closed and ".tmp" in os.fspath(path):  # the displaced file's name just went
            f.write("# sent\n")
            f.close()

    monkeypatch.setattr(os, "unlink", unlink)
    with pytest.raises(SaveConflict) as info:
        save_text(record, "x = 1\n", snap.sha256)
    monkeypatch.undo()
    assert info.value.copy.read_text(encoding="utf-8") == RECORD + "# sent\n"
    assert record.read_text(encoding="utf-8") == "x = 1\n"


def test_without_renameat2_the_file_linked_aside_is_checked(record: Path, monkeypatch) -> None:
    """The fallback where names cannot be exchanged: the record is hard-linked aside; a rename
    onto it before the replace is refused, a write into it is kept as a copy."""
    monkeypatch.setattr(atomic, "renameat2", None)
    snap = read_snapshot(record)
    save_text(record, RECORD + "# 1\n", snap.sha256)  # a plain save works
    assert leftovers(record.parent) == []
    snap = read_snapshot(record)
    real_link = os.link

    def link_then_rename(src, dst, *a, **kw):
        real_link(src, dst, *a, **kw)
        _rename_write(record, snap.text + "# omdöpt\n")

    monkeypatch.setattr(os, "link", link_then_rename)
    with pytest.raises(SaveConflict) as info:
        save_text(record, "x = 1\n", snap.sha256)
    assert info.value.reason == "changed"
    assert record.read_text(encoding="utf-8") == snap.text + "# omdöpt\n"
    assert leftovers(record.parent) == [] and copies_of(record) == []
    monkeypatch.setattr(os, "link", real_link)

    snap = read_snapshot(record)
    real_replace = os.replace

    def append_then_replace(src, dst, *a, **kw):
        if Path(dst) == record:
            with open(record, "a", encoding="utf-8") as f:
                f.write("# tillagt\n")
        return real_replace(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", append_then_replace)
    with pytest.raises(SaveConflict) as info:
        save_text(record, "x = 2\n", snap.sha256)
    assert info.value.copy.read_text(encoding="utf-8") == snap.text + "# tillagt\n"
    assert record.read_text(encoding="utf-8") == "x = 2\n"
    assert leftovers(record.parent) == []


def test_without_hard_links_either_the_last_check_is_right_before_the_replace(record: Path, monkeypatch) -> None:
    monkeypatch.setattr(atomic, "renameat2", None)

    def no_links(*a, **kw):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    snap = read_snapshot(record)
    _on_first_fsync(monkeypatch, lambda: _rename_write(record, RECORD + "# extern\n"))
    with pytest.raises(SaveConflict) as info:
        save_text(record, "x = 1\n", snap.sha256)
    assert info.value.reason == "changed"
    assert record.read_text(encoding="utf-8") == RECORD + "# extern\n"
    snap = read_snapshot(record)
    save_text(record, "x = 1\n", snap.sha256)
    assert record.read_text(encoding="utf-8") == "x = 1\n"
    new = tmp = record.parent / "ny.toml"
    save_text(new, "y = 1\n", None)
    with pytest.raises(SaveConflict):
        save_text(tmp, "y = 2\n", None)
    assert new.read_text(encoding="utf-8") == "y = 1\n"
    assert leftovers(record.parent) == []


def test_creating_never_replaces_a_file_another_program_made_meanwhile(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "ny.toml"
    _on_first_fsync(monkeypatch, lambda: path.write_text("# deras\n", encoding="utf-8"))
    with pytest.raises(SaveConflict) as info:
        save_text(path, "x = 1\n", None)
    assert info.value.reason == "exists"
    assert path.read_text(encoding="utf-8") == "# deras\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("how", ["deleted", "renamed", "folder renamed", "folder removed"])
def test_a_record_that_vanishes_during_a_save_is_a_conflict_never_a_file_not_found(record: Path, monkeypatch,
                                                                                    how: str) -> None:
    snap = read_snapshot(record)
    folder = record.parent
    moved = folder.with_name("flyttad")

    def other_program():
        if how == "deleted":
            record.unlink()
        elif how == "renamed":
            record.rename(folder / "2023-06-10.toml")
        elif how == "folder renamed":
            folder.rename(moved)
        else:
            shutil.rmtree(folder)  # (rm -rf: our temp file goes with it)

    _on_first_fsync(monkeypatch, other_program)
    with pytest.raises(SaveConflict) as info:
        save_text(record, "x = 1\n", snap.sha256)
    exc = info.value
    assert exc.reason == "missing" and exc.path == record
    assert str(record) in str(exc) and "deleted or moved" in str(exc)
    assert "tagits bort eller flyttats" in exc.message_sv
    assert not record.exists()  # never created anew behind the other program's back
    for where in (folder, moved):
        if where.exists():
            assert leftovers(where) == [], where  # no temp file, even in the renamed folder
    if how == "renamed":
        assert (folder / "2023-06-10.toml").read_text(encoding="utf-8") == RECORD
    if how == "folder renamed":
        assert (moved / record.name).read_text(encoding="utf-8") == RECORD


def test_a_record_replaced_by_a_named_pipe_is_refused_without_waiting(record: Path) -> None:
    snap = read_snapshot(record)
    record.unlink()
    os.mkfifo(record)
    with pytest.raises(SaveConflict) as info:
        save_text(record, "x = 1\n", snap.sha256)
    assert info.value.reason == "changed"
    assert stat.S_ISFIFO(os.lstat(record).st_mode)


@pytest.mark.parametrize("how", ["rename", "append"])
def test_delete_puts_back_a_version_written_in_the_last_moment(record: Path, monkeypatch, how: str) -> None:
    snap = read_snapshot(record)
    theirs = RECORD + "# extern\n"
    real_rename = os.rename

    def rename(src, dst, *a, **kw):  # the delete takes the file aside by a rename: just before it
        if Path(src) == record:
            if how == "rename":
                _rename_write(record, theirs)
            else:
                with open(record, "a", encoding="utf-8") as f:
                    f.write("# extern\n")
        return real_rename(src, dst, *a, **kw)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(SaveConflict) as info:
        delete_record(snap)
    assert info.value.reason == "changed" and info.value.action == "delete"
    assert record.read_text(encoding="utf-8") == theirs
    assert leftovers(record.parent) == [] and copies_of(record) == []


def test_move_keeps_a_version_of_the_old_file_written_in_the_last_moment(record: Path, monkeypatch) -> None:
    root = record.parents[3]
    snap = read_snapshot(record)
    real_rename = os.rename

    def rename(src, dst, *a, **kw):
        if Path(src) == record:
            _rename_write(record, RECORD + "# extern\n")
        return real_rename(src, dst, *a, **kw)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(SaveConflict) as info:
        saving.move_record(root, "moten/styrelse/2023/2023-06-09.toml", "moten/styrelse/2024/2024-01-12.toml",
                           "x = 1\n", snap.sha256)
    exc = info.value
    target = root / "moten/styrelse/2024/2024-01-12.toml"
    assert exc.reason == "copied" and exc.action == "move" and exc.saved.path == target
    assert target.read_text(encoding="utf-8") == "x = 1\n" and not record.exists()
    assert exc.copy.parent == record.parent and exc.copy.read_text(encoding="utf-8") == RECORD + "# extern\n"
    assert "Moved the record" in str(exc) and str(exc.copy) in exc.message_sv
    assert leftovers(record.parent) == [] and leftovers(target.parent) == []


def test_a_killed_move_leaves_no_temp_file_after_the_next_move(record: Path) -> None:
    """What a move killed after writing its temp file leaves (hidden, never read) is removed by the
    next move to (or save of) that name."""
    root = record.parents[3]
    new_folder = root / "moten/styrelse/2024"
    new_folder.mkdir()
    killed = [new_folder / ".2024-01-12.toml.0123456789abcdef.tmp", record.parent / ".2023-06-09.toml.fedcba9876543210.tmp"]
    for p in killed:
        p.write_text("halv", encoding="utf-8")
    snap = read_snapshot(record)
    saving.move_record(root, "moten/styrelse/2023/2023-06-09.toml", "moten/styrelse/2024/2024-01-12.toml",
                       snap.text, snap.sha256)
    assert leftovers(new_folder) == []
    assert not record.parent.exists() or leftovers(record.parent) == []

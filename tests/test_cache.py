"""The cache is derived and disposable: with or without it, validation gives the same findings."""

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsam_tui.core.check import cache, freshness
from finsam_tui.core.check.cache import CACHE_DIR, DB_NAME, run

from .conftest import beyond_the_example, relock

BASE = Path(__file__).resolve().parent / "fixtures" / "base"
MEETING = "moten/styrelse/2023/2023-04-14.toml"


def key(findings):
    return sorted((f.code, f.file, f.line, f.column, f.message("sv"), f.hint("en"),
                   tuple((p.file, p.line) for p in f.related)) for f in findings)


def truth(root):
    return key(run(root, use_cache=False).findings)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def age(root: Path, *only: str, seconds: int = 10) -> None:
    """Make files look older, as if edited a while ago (so they are not "racy")."""
    past = time.time() - seconds
    paths = [root / rel for rel in only] if only else [p for p in root.rglob("*.toml") if CACHE_DIR not in p.parts]
    for p in paths:
        os.utime(p, (past, past))


def test_cold_warm_and_incremental_runs_agree_with_no_cache(records_copy):
    age(records_copy)
    cold = run(records_copy)
    assert cold.used_cache and cold.reparsed == cold.files_checked == 52
    assert (records_copy / CACHE_DIR / DB_NAME).exists()
    assert (records_copy / CACHE_DIR / ".gitignore").read_text().strip().endswith("*")
    warm = run(records_copy)
    assert warm.used_cache and warm.reparsed == 0 and key(warm.findings) == key(cold.findings)
    assert beyond_the_example(cold.findings) == []

    edit(records_copy / MEETING, 'adjusters = ["reza-karimi"]', 'adjusters = ["reza-karimi", "tomas-viden"]')
    relock(records_copy / MEETING)
    age(records_copy, MEETING, seconds=5)
    inc = run(records_copy)
    assert inc.reparsed == 1
    assert [(f.code, f.file, f.line) for f in beyond_the_example(inc.findings)] == [("FS302", MEETING, 13)]
    assert key(inc.findings) == truth(records_copy)
    again = run(records_copy)
    assert again.reparsed == 0 and key(again.findings) == key(inc.findings)


def test_cross_file_findings_follow_a_change_elsewhere(records_copy):
    age(records_copy)
    run(records_copy)
    # removing §17 of one meeting breaks references to it from other files and the numbering
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    edit(path, "number = 17\n", "number = 117\n")
    age(records_copy, "moten/styrelse/2023/2023-04-14.toml", seconds=5)
    result = run(records_copy)
    codes = {(f.code, f.file) for f in result.findings}
    assert ("FS201", "moten/styrelse/2023/2023-06-09.toml") in codes
    assert key(result.findings) == truth(records_copy)


def test_a_changed_reference_is_checked_alone_and_others_findings_are_kept(records_copy, monkeypatch):
    age(records_copy)
    budget = records_copy / "budgetar/2023.toml"
    edit(budget, 'decided_by = "styrelse/2023/§27"', 'decided_by = "styrelse/2023/§97"')
    age(records_copy, "budgetar/2023.toml")
    run(records_copy)
    # a reference changed, nothing that references point at: only the meeting's are checked
    edit(records_copy / MEETING, '"insats/samordningsteamet"', '"insats/samordningsteamen"')
    age(records_copy, MEETING, seconds=5)
    checked = []
    real = cache._load_core

    def spy():  # records which files' references the run checks
        real()
        inner = cache.check_references

        def check_references(index):
            checked.extend(rel for rel, *_ in index.iter_refs())
            return inner(index)

        monkeypatch.setattr(cache, "check_references", check_references)

    monkeypatch.setattr(cache, "_load_core", spy)
    result = run(records_copy)
    assert set(checked) == {MEETING}
    broken = sorted((f.code, f.file, f.line) for f in result.findings if f.code == "FS201")
    assert broken == [("FS201", "budgetar/2023.toml", 22), ("FS201", MEETING, 88)]
    assert key(result.findings) == truth(records_copy)
    # the meeting's § numbers change: what references point at changed, all are checked again
    checked.clear()
    edit(records_copy / MEETING, "number = 18\n", "number = 19\n")
    age(records_copy, MEETING, seconds=5)
    result = run(records_copy)
    assert "budgetar/2023.toml" in checked and MEETING in checked
    assert key(result.findings) == truth(records_copy)


def test_context_change_reruns_every_records_rules(records_copy):
    age(records_copy)
    run(records_copy)
    # the ersättare for one member organisation loses the role: every board meeting lacks one
    person = records_copy / "personer/tomas-viden.toml"
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace('role = "ersättare"', 'role = "revisor"'), encoding="utf-8")
    age(records_copy, "personer/tomas-viden.toml", seconds=5)
    result = run(records_copy)
    assert result.reparsed == 1
    assert any(f.code == "FS401" for f in result.findings)
    assert key(result.findings) == truth(records_copy)


def test_deleted_and_added_files(records_copy):
    age(records_copy)
    run(records_copy)
    (records_copy / "insatser/ung-framtid.toml").unlink()
    shutil.copy(records_copy / "personer/annika-berglof.toml", records_copy / "personer/Ny Person.toml")
    result = run(records_copy)
    assert {"FS201", "FS107"} <= {f.code for f in result.findings}
    assert key(result.findings) == truth(records_copy)


def test_a_second_edit_within_the_same_timestamp_tick_is_seen(records_copy):
    path = records_copy / MEETING
    run(records_copy)
    edit(path, 'start = "09:00"', 'start = "12:00"')  # same size: end 11:30 is now before start
    st = path.stat()
    assert any(f.code == "FS322" for f in run(records_copy).findings)
    edit(path, 'start = "12:00"', 'start = "09:00"')
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime as the first edit
    assert not any(f.code == "FS322" for f in run(records_copy).findings)


def same_size_edit(path: Path, old: str, new: str) -> None:
    """Change the file in place to text of the same size and put its mtime back, as `cp -p`,
    `rsync -a`, `tar x` and `touch -r` leave a file: only ctime (and for some, the inode) moves."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old.encode()) == len(new.encode()), (old, new)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.mark.parametrize("settled", [False, True], ids=["at-once", "after-the-racy-window"])
def test_a_same_size_edit_with_the_mtime_put_back_is_seen(records_copy, monkeypatch, settled):
    """Keyed by size and mtime only, the cache gave the findings of the old text (#14, section 4)."""
    if settled:  # the files were last changed long before the run, as in an archive at rest
        monkeypatch.setattr(freshness, "RACY_NS", 0)
    age(records_copy)
    assert not any(f.code == "FS322" for f in run(records_copy).findings)
    same_size_edit(records_copy / MEETING, 'start = "09:00"', 'start = "12:00"')  # end 11:30 is before
    result = run(records_copy)
    assert ("FS322", MEETING) in {(f.code, f.file) for f in result.findings}
    assert key(result.findings) == truth(records_copy) and result.reparsed == 1
    again = run(records_copy)
    assert key(again.findings) == key(result.findings) and again.reparsed == 0
    same_size_edit(records_copy / MEETING, 'start = "12:00"', 'start = "09:00"')  # and back
    assert not any(f.code == "FS322" for f in run(records_copy).findings)


def test_where_ctime_cannot_be_trusted_the_content_is_compared(records_copy, monkeypatch):
    """A file system whose ctime follows the mtime back (or a Windows disk, where ctime is the
    creation time) cannot tell a same-size edit with its mtime put back: the cache finds so
    when it is made, and compares a hash of every file instead."""
    assert cache.ctime_follows_writes(records_copy) is (os.name == "posix")  # here: a real ctime
    monkeypatch.setattr(cache, "ctime_follows_writes", lambda folder: False)
    real_scan = cache.scan_files

    def scan(root):  # what such a file system reports: ctime as mtime
        return {rel: (p, size, mtime, mtime, ino) for rel, (p, size, mtime, _c, ino) in real_scan(root).items()}

    monkeypatch.setattr(cache, "scan_files", scan)
    monkeypatch.setattr(freshness, "RACY_NS", 0)
    age(records_copy)
    run(records_copy)
    same_size_edit(records_copy / MEETING, 'start = "09:00"', 'start = "12:00"')
    result = run(records_copy)
    assert ("FS322", MEETING) in {(f.code, f.file) for f in result.findings}
    assert key(result.findings) == truth(records_copy) and result.reparsed == 1
    assert run(records_copy).reparsed == 0


def test_a_cache_of_the_old_layout_is_made_anew(records_copy):
    """A cache written before the key had ctime, inode and hash (FORMAT 2: files and the search
    index's files keyed by size and mtime) is dropped whole, the search index's tables too:
    kept, the old fts_files would have made every search build its index in memory."""
    from finsam_tui.core.query.search import search

    db = records_copy / CACHE_DIR / DB_NAME
    db.parent.mkdir()
    con = sqlite3.connect(db, isolation_level=None)
    con.executescript("""
        CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB);
        INSERT INTO meta VALUES('code', 'finsam 0.9, cache format 2');
        CREATE TABLE files(rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, kind TEXT, id TEXT,
            data BLOB, file_findings BLOB, summary BLOB, local_findings BLOB, unloaded INTEGER,
            refs BLOB, offered TEXT, ref_findings BLOB);
        CREATE VIRTUAL TABLE fts USING fts5(ref UNINDEXED, kind UNINDEXED, organ UNINDEXED, year UNINDEXED,
            date UNINDEXED, title, body);
        CREATE TABLE fts_files(rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER);
        CREATE TABLE fts_docs(docid INTEGER PRIMARY KEY, rel TEXT);
        INSERT INTO fts(rowid, ref, title, body) VALUES (1, 'styrelse/1999-01-01/§1', 'Kvarnhjul', '');
        INSERT INTO fts_docs VALUES (1, 'moten/styrelse/2023/2023-04-14.toml');
        INSERT INTO fts_files VALUES ('moten/styrelse/2023/2023-04-14.toml', 1, 1);
    """)
    con.close()
    assert search(records_copy, "kvarnhjul") == []  # the old index's words are gone with it
    assert "styrelse/2023-04-14/§12" in [h.ref for h in search(records_copy, "öppnande")]
    con = sqlite3.connect(db)
    columns = {t: [c[1] for c in con.execute(f"PRAGMA table_info({t})")] for t in ("files", "fts_files")}
    assert columns["files"][:6] == ["rel", "size", "mtime_ns", "ctime_ns", "ino", "digest"]
    assert columns["fts_files"] == ["rel", "size", "mtime_ns", "ctime_ns", "ino", "digest"]
    assert con.execute("SELECT count(*) FROM fts_files").fetchone()[0] == 52  # the index kept in the cache
    assert con.execute("SELECT value FROM meta WHERE key='ctime'").fetchone()[0] == ("1" if os.name == "posix" else "0")


def test_corrupt_cache_is_rebuilt(records_copy):
    run(records_copy)
    db = records_copy / CACHE_DIR / DB_NAME
    db.write_bytes(b"this is not a database" * 100)
    result = run(records_copy)
    assert result.used_cache and key(beyond_the_example(result.findings)) == []
    assert sqlite3.connect(db).execute("SELECT count(*) FROM files").fetchone()[0] == 52


def test_locked_cache_is_bypassed(records_copy):
    run(records_copy)
    edit(records_copy / MEETING, 'start = "09:00"', 'start = "12:00"')
    relock(records_copy / MEETING)
    holder = sqlite3.connect(records_copy / CACHE_DIR / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run(records_copy)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not result.used_cache
    assert [f.code for f in beyond_the_example(result.findings)] == ["FS322"]


def test_read_only_folder_works_without_cache(records_copy, monkeypatch):
    def refuse(self, *a, **k):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    result = run(records_copy)
    assert not result.used_cache and key(beyond_the_example(result.findings)) == []
    assert not (records_copy / CACHE_DIR).exists()


def test_new_code_version_rebuilds(records_copy, monkeypatch):
    age(records_copy)
    run(records_copy)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another version")
    result = run(records_copy)
    assert result.reparsed == 52


# -- random edit sequences: cached == uncached after every step ----------------------------------

EDITS = [
    ("moten/styrelse/2023/2023-02-10.toml", 'chair = "', 'chair = "x'),
    ("moten/styrelse/2023/2023-02-10.toml", "number = 2\n", "number = 3\n"),
    ("moten/styrelse/2023/2023-04-14.toml", "number = 4\n", "number = 9\n"),
    ("moten/styrelse/2023/2023-04-14.toml", "[attendance]", "[attendance\n"),
    ("personer/ida-nord.toml", 'role = "', 'role = "x'),
    ("forbund.toml", 'paragraph_numbering = "per_år"', 'paragraph_numbering = "per_möte"'),
    ("budgetar/2023.toml", "year = 2023", "year = 2024"),
    ("insatser/teamet.toml", "women = 10", "women = -1"),
    ("organisationer/ekby.toml", 'kind = "kommun"', 'kind = "region"'),
    # references changed, not what they point at (the cache checks only the changed file's)
    ("moten/styrelse/2023/2023-04-14.toml", '"insats/teamet"', '"insats/teamen"'),
    ("budgetar/2023.toml", 'decided_by = "styrelse/2023/§6"', 'decided_by = "styrelse/2023/§96"'),
    ("moten/styrelse/2023/2023-04-14.toml", '"styrelse/2023-02-10/§2"', '"styrelse/2023-02-10/§3"'),
]


@settings(max_examples=int(os.environ.get("FINSAM_CACHE_EXAMPLES", "25")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.integers(0, len(EDITS) - 1), st.booleans(), st.booleans()),
                      min_size=1, max_size=6))
def test_random_edit_sequences(tmp_path_factory, steps):
    root = tmp_path_factory.mktemp("c") / "records"
    shutil.copytree(BASE, root)
    originals = {rel: (root / rel).read_text(encoding="utf-8") for rel, _o, _n in EDITS}
    run(root)
    for i, undo, delete in steps:
        rel, old, new = EDITS[i]
        path = root / rel
        if delete and path.exists() and rel != "forbund.toml":
            path.unlink()
        elif undo or not path.exists():
            path.write_text(originals[rel], encoding="utf-8")
        elif old in path.read_text(encoding="utf-8"):
            edit(path, old, new)
        assert key(run(root).findings) == truth(root)

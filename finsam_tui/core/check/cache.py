"""A derived, disposable cache of a records folder in ``<records>/.finsam-cache/``.

Plain text stays the source of truth. The cache (one sqlite3 file) keeps, per record
file: the parsed and schema-cleaned data, the file's own findings, its summary for the
cross-file index, its local findings
(valid while the context files — forbund.toml, personer/, organisationer/ — are
unchanged), its references and their findings, and what it offers references to point at
(``index.offered``). A run re-reads only changed files, re-runs only their local rules (all
records' local rules when the context changed), checks only their references (everyone's
when a file's offer or the context changed) and then the other cross-file rules on the
index. When nothing changed since the last run (no record file, and none of the files a
meeting's bilagor name) the stored findings are used as they are.
The stages themselves are those of ``pipeline.validate``, the run without the cache too:
the cache (``Stored``) only says whose stored results hold, and keeps the new ones.

A file's stored results hold while its size, mtime, ctime and inode are as stored, and
where those cannot be trusted while its content's hash is (``freshness.py``): a same-size
change with the mtime put back (`cp -p`, `rsync -a`, `tar x`, `touch -r`) is read again.

A cache that is stale for another version of the code (or of this layout, ``FORMAT``) is
made anew, every table; one locked by another process or corrupt is rebuilt or bypassed
silently; a read-only folder works without a cache. ``FINSAM_NO_CACHE=1`` bypasses it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sqlite3
import sys
import time
from pathlib import Path

from finsam_tui import __version__
from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.freshness import Freshness, ctime_follows_writes
from finsam_tui.core.io.scan import NotARecordsFolder, is_records_folder, scan_files
from finsam_tui.core.records.bilagor import file_problem

# The warm path (nothing changed) needs only the stored findings: the rest of the core is
# imported when a file has to be read again.


def _load_core() -> None:
    global FileResult, Record, check_references, is_context_file, validate
    from finsam_tui.core.check.pipeline import validate
    from finsam_tui.core.check.rules.references import check_references
    from finsam_tui.core.check.stages import FileResult, is_context_file
    from finsam_tui.core.io.load import Record


CACHE_DIR = ".finsam-cache"
DB_NAME = "cache.sqlite"
FORMAT = 3  # 3: files keyed by size, mtime, ctime and inode, with a hash where they cannot be trusted

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS files(
    rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, ino INTEGER, digest TEXT,
    kind TEXT, id TEXT, data BLOB, file_findings BLOB, summary BLOB, local_findings BLOB, unloaded INTEGER,
    refs BLOB, offered TEXT, ref_findings BLOB);
"""


@functools.cache
def code_fingerprint() -> str:
    """Changes whenever the package's code does, so results of old rules are never reused.
    Computed once a process: the code that runs is the code it imported (a long-running TUI
    keeps labelling its results with the code they came from, and saves the stat calls)."""
    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    pkg = Path(__file__).resolve().parents[2]  # the whole finsam_tui package
    for p in sorted(pkg.rglob("*.py")):
        st = p.stat()
        h.update(f"{p.relative_to(pkg)}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _dump(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


class Result:
    """The outcome of a run: findings (sorted), files seen, settings, and the archive if asked for."""

    def __init__(self, findings, files_checked, settings, archive=None, used_cache=False, reparsed=0):
        self.findings = findings
        self.files_checked = files_checked
        self.settings = settings
        self.archive = archive
        self.used_cache = used_cache
        self.reparsed = reparsed


def connect(root: Path) -> sqlite3.Connection | None:
    """The cache database of the folder, created or rebuilt as needed; None when it cannot be used."""
    folder = root / CACHE_DIR
    db_path = folder / DB_NAME
    try:
        folder.mkdir(exist_ok=True)
        # A cache folder or file that is a symlink (say, committed to the records' git
        # repository) could lead out of the records folder: never write through one.
        if folder.is_symlink() or not folder.is_dir() or any(
                os.path.islink(str(db_path) + suffix) for suffix in ("", "-wal", "-shm", "-journal")):
            return None
        ignore = folder / ".gitignore"
        if not os.path.lexists(ignore):
            try:
                fd = os.open(ignore, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
            except FileExistsError:  # another process just wrote it
                pass
            else:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write("# derived by finsam; safe to delete\n*\n")
    except OSError:
        return None  # read-only folder: work without a cache
    for attempt in (1, 2):
        try:
            con = sqlite3.connect(db_path, timeout=0.2, isolation_level=None)
            con.execute("PRAGMA synchronous=OFF")
            con.executescript(_SCHEMA)
            row = con.execute("SELECT value FROM meta WHERE key='code'").fetchone()
            code = code_fingerprint()
            if row is None or row[0] != code:  # (the tables may be of another layout: made anew)
                trusted = ctime_follows_writes(folder)
                con.execute("BEGIN IMMEDIATE")
                _drop_tables(con)
                con.execute("DELETE FROM meta")
                con.execute("INSERT INTO meta VALUES('code', ?)", (code,))
                con.execute("INSERT INTO meta VALUES('ctime', ?)", ("1" if trusted else "0",))
                con.execute("COMMIT")
                con.executescript(_SCHEMA)
            return con
        except sqlite3.OperationalError:
            return None  # locked by another process or not writable: run without
        except sqlite3.DatabaseError:
            if attempt == 2:
                return None
            for suffix in ("", "-wal", "-shm", "-journal"):  # corrupt: start over
                try:
                    os.unlink(str(db_path) + suffix)
                except OSError:
                    pass
    return None


def _drop_tables(con: sqlite3.Connection) -> None:
    """Every table but meta (the search index's too): a cache of another layout is made anew."""
    tables = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                         "AND name NOT LIKE 'sqlite_%' AND name != 'meta'").fetchall()
    # virtual tables first: their own tables go with them
    for name, _sql in sorted(tables, key=lambda t: not (t[1] or "").upper().startswith("CREATE VIRTUAL")):
        con.execute(f'DROP TABLE IF EXISTS "{name}"')


def run(root: Path, need_archive: bool = False, use_cache: bool = True) -> Result:
    """Validate the folder, through the cache when possible. Raises NotARecordsFolder."""
    root = Path(root)
    if not is_records_folder(root):
        raise NotARecordsFolder(str(root))
    con = connect(root) if use_cache and not os.environ.get("FINSAM_NO_CACHE") else None
    if con is None:
        return _run_without_cache(root)
    try:
        return _run_with_cache(root, con, need_archive)
    except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return _run_without_cache(root)
    finally:
        try:
            con.close()
        except sqlite3.Error:
            pass


def _run_without_cache(root: Path) -> Result:
    from finsam_tui.core.check.pipeline import load_archive

    archive = load_archive(root)
    return Result(archive.findings, archive.files_checked, archive.settings, archive)


def _run_with_cache(root: Path, con: sqlite3.Connection, need_archive: bool) -> Result:
    started = time.time_ns()  # (before the scan: a file changed after it is racy, see Freshness)
    files = scan_files(root)
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    fresh = Freshness(root, files, started, meta.get("ctime") == "1")
    state = fresh.fingerprint(files)
    if meta.get("state") == state and not need_archive and _bilagor_hold(root, meta):
        return _stored_result(con, meta, len(files))
    _load_core()
    stored = Stored(con, files, meta, state, fresh)
    out = validate(root, files, stored, need_archive, parallel=True, reference_rule=check_references)
    return Result(out.findings, len(files), out.ctx.settings, out.archive, used_cache=True, reparsed=len(out.fresh))


class Stored:
    """The memory of the pipeline (``pipeline.Memory``) kept in the cache: a file's stored
    results hold while its size, mtime, ctime and inode are as stored, and, for a file stored
    while racy (or on a file system whose ctime cannot be trusted), its content's hash."""

    def __init__(self, con: sqlite3.Connection, files: dict, meta: dict, state: str, fresh: Freshness):
        self.con = con
        self.state = state
        self.fresh = fresh
        self.rows: dict[str, tuple] = {}  # rel -> ((size, mtime, ctime, inode), digest or None, offered)
        for rel, size, mtime, ctime, ino, digest, offer in con.execute(
                "SELECT rel, size, mtime_ns, ctime_ns, ino, digest, offered FROM files"):
            self.rows[rel] = ((size, mtime, ctime, ino), digest, offer)
        self.removed = [rel for rel in self.rows if rel not in files]
        self.context_fp = fresh.fingerprint(rel for rel in files if is_context_file(rel))
        self.context_holds = meta.get("context") == self.context_fp

    def holds(self, rel: str, stat: tuple) -> bool:
        if self.fresh.racy(rel):
            self.fresh.digest(rel)  # now, before the file is read again: stored with what is read
        row = self.rows.get(rel)
        if row is None or row[0] != tuple(stat[1:]):
            return False
        return row[1] is None or self.fresh.digest(rel) == row[1]  # settled, or the same content

    def context_records(self, files: dict, fresh: dict) -> list:
        return [Record(kind, rid, rel, Path(files[rel][0]), None, pickle.loads(data))
                for rel, kind, rid, data in self.con.execute(
                    "SELECT rel, kind, id, data FROM files WHERE kind IN ('forbund', 'person', 'organisation')")
                if rel in files and rel not in fresh and data is not None]

    def offers_changed(self, fresh: dict) -> bool:
        return (any(self.rows[rel][2] is not None for rel in self.removed)
                or any(r.offered != self.rows.get(rel, ((), None, None))[2] for rel, r in fresh.items()))

    def kept(self, files: dict, fresh: dict, data: bool, refs: bool, known: dict) -> list:
        out = []
        for rel, kind, rid, summary, unloaded, stored_data, stored_refs, ref_findings, own, local in self.con.execute(
                "SELECT rel, kind, id, summary, unloaded, " + ("data" if data else "NULL") + ", "
                + ("refs, NULL" if refs else "NULL, ref_findings") + ", file_findings, "
                + ("local_findings" if self.context_holds else "NULL") + " FROM files"):
            if rel in fresh or rel not in files:
                continue
            r = FileResult(rel, kind=kind, id=rid, unloaded=bool(unloaded),
                           findings=pickle.loads(own) if own is not None else [],
                           local=pickle.loads(local) if local is not None else None,
                           references=pickle.loads(ref_findings) if ref_findings is not None else None)
            if summary is not None:
                r.summary = pickle.loads(summary)
                if stored_refs is not None:
                    r.summary["refs"] = pickle.loads(stored_refs)
            if rel in known:
                r.record = known[rel]
            elif stored_data is not None:
                r.record = Record(kind, rid, rel, Path(files[rel][0]), None, pickle.loads(stored_data))
            out.append(r)
        return out

    def save(self, files: dict, outcome) -> None:
        con = self.con
        fresh = self.fresh
        con.execute("BEGIN IMMEDIATE")
        for rel in self.removed:
            con.execute("DELETE FROM files WHERE rel=?", (rel,))
        if outcome.refs_rechecked:  # every file's references were checked: what was stored for them is void
            con.execute("UPDATE files SET ref_findings=NULL WHERE ref_findings IS NOT NULL")
        for rel, r in outcome.fresh.items():
            _p, size, mtime, ctime, ino = files[rel]
            summary = dict(r.summary) if r.summary is not None else None
            refs = summary.pop("refs", None) if summary is not None else None
            con.execute("INSERT OR REPLACE INTO files VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
                rel, size, mtime, ctime, ino, fresh.digest(rel) if fresh.racy(rel) else None, r.kind, r.id,
                _dump(r.record.data) if r.record is not None else None, _dump(r.findings) if r.findings else None,
                _dump(summary) if summary is not None else None, _dump(r.local) if r.local else None,
                int(r.unloaded), _dump(refs) if refs else None, r.offered,
                _dump(r.references) if r.references else None))
        for r in outcome.results:
            if r.rel in outcome.fresh:
                continue
            if self.rows[r.rel][1] is not None and not fresh.racy(r.rel):  # the same content, now settled
                con.execute("UPDATE files SET digest=NULL WHERE rel=?", (r.rel,))
            if outcome.refs_rechecked and r.references:
                con.execute("UPDATE files SET ref_findings=? WHERE rel=?", (_dump(r.references), r.rel))
            if not self.context_holds and r.record is not None:
                con.execute("UPDATE files SET local_findings=? WHERE rel=?",
                            (_dump(r.local) if r.local else None, r.rel))
        for key, value in (("context", self.context_fp), ("state", self.state),
                           ("cross", _dump(outcome.cross)), ("settings", _dump(outcome.ctx.settings)),
                           ("bilagor", _dump(_bilaga_files(outcome.index)))):
            con.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (key, value))
        con.execute("COMMIT")


def _bilaga_files(index) -> list[tuple[str, str | None]]:
    """(file, problem) of every file a meeting's bilagor name: not records, so not in the
    state; a file that comes or goes since the last run makes the stored findings stale."""
    files = sorted({file for m in index.meeting_info.values() for _i, file in m.bilagor})
    return [(file, file_problem(index.root, file)) for file in files] if index.root else []


def _bilagor_hold(root: Path, meta: dict) -> bool:
    """True when every bilaga file named at the last run is as it was (there, or missing)."""
    stored = meta.get("bilagor")
    if stored is None:
        return False
    real = os.path.realpath(root)
    return all(file_problem(real, file) == problem for file, problem in pickle.loads(stored))


def _stored_findings(con: sqlite3.Connection) -> list[Finding]:
    out: list[Finding] = []
    for stored in con.execute(
            "SELECT file_findings, local_findings, ref_findings FROM files "
            "WHERE file_findings IS NOT NULL OR local_findings IS NOT NULL OR ref_findings IS NOT NULL"):
        for blob in stored:
            if blob is not None:
                out.extend(pickle.loads(blob))
    return out


def _stored_result(con: sqlite3.Connection, meta: dict, files_checked: int) -> Result:
    findings = _stored_findings(con) + pickle.loads(meta["cross"])
    findings.sort(key=Finding.sort_key)
    return Result(findings, files_checked, pickle.loads(meta["settings"]), used_cache=True)

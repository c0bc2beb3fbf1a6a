"""A derived, disposable cache of a records folder in ``<records>/.finsam-cache/``.

Plain text stays the source of truth. The cache (one sqlite3 file) keeps, per record
file and keyed by its size and modification time: the parsed and schema-cleaned data,
the file's own findings, its summary for the cross-file index, its local findings
(valid while the context files — forbund.toml, personer/, organisationer/ — are
unchanged), its references and their findings, and what it offers references to point at
(``index.offered``). A run re-reads only changed files, re-runs only their local rules (all
records' local rules when the context changed), checks only their references (everyone's
when a file's offer or the context changed) and then the other cross-file rules on the
index. When nothing changed since the last run the stored findings are used as they are.

A cache that is stale for another version of the code, locked by another process or
corrupt is rebuilt or bypassed silently; a read-only folder works without a cache.
``FINSAM_NO_CACHE=1`` bypasses it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import sys
import time
from pathlib import Path

from finsam_tui import __version__
from finsam_tui.core.check.findings import Finding
from finsam_tui.core.io.scan import NotARecordsFolder, is_records_folder, scan_files

# The warm path (nothing changed) needs only the stored findings: the rest of the core is
# imported when a file has to be read again.


def _load_core() -> None:
    global Archive, CONTEXT_KINDS, Index, LineIndex, Record, classify, load_file
    global check_file, cross_findings, local_findings, make_context, place, scan_unloaded, unloaded_ids
    global offered, check_references, CROSS_BUT_REFERENCES
    from finsam_tui.core.check.index import Index, offered
    from finsam_tui.core.check.rules import CROSS
    from finsam_tui.core.check.rules.references import check_references
    from finsam_tui.core.records.archive import Archive
    from finsam_tui.core.records.context import CONTEXT_KINDS
    CROSS_BUT_REFERENCES = tuple(rule for rule in CROSS if rule is not check_references)
    from finsam_tui.core.check.pipeline import (
        check_file,
        cross_findings,
        local_findings,
        make_context,
        place,
        scan_unloaded,
        unloaded_ids,
    )
    from finsam_tui.core.io.load import Record, load_file
    from finsam_tui.core.io.positions import LineIndex
    from finsam_tui.core.records.layout import classify

CACHE_DIR = ".finsam-cache"
DB_NAME = "cache.sqlite"
FORMAT = 2
# A file modified this recently may change again within the same timestamp tick; such a
# file is stored as "racy" (mtime -1) so the next run reads it again (git's racy-clean idea).
RACY_NS = 2_000_000_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS files(
    rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, kind TEXT, id TEXT,
    data BLOB, file_findings BLOB, summary BLOB, local_findings BLOB, unloaded INTEGER,
    refs BLOB, offered TEXT, ref_findings BLOB);
"""


def code_fingerprint() -> str:
    """Changes whenever the package's code does, so results of old rules are never reused."""
    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    pkg = Path(__file__).resolve().parents[2]  # the whole finsam_tui package
    for p in sorted(pkg.rglob("*.py")):
        st = p.stat()
        h.update(f"{p.relative_to(pkg)}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _fp(items) -> str:
    h = hashlib.sha256()
    for item in items:
        h.update(repr(item).encode())
    return h.hexdigest()


def _dump(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _is_context(rel: str) -> bool:
    return rel == "forbund.toml" or rel.startswith(("personer/", "organisationer/"))


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
                con.execute("BEGIN IMMEDIATE")
                con.execute("DROP TABLE files")
                con.execute("DELETE FROM meta")
                con.execute("INSERT INTO meta VALUES('code', ?)", (code,))
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


# Below this many changed files a pool of processes costs more than it saves.
POOL_MIN_FILES = 300


def _read(root_real: str, rel: str, path: Path, size: int, mtime: int) -> tuple[dict, Record | None]:
    """Read and check one file on its own: the row to store, and the record if it loaded."""
    rec, problem, text = load_file(root_real, path, rel)
    file_findings = [problem] if problem else []
    if text is not None:
        place(file_findings, lambda _r, idx=LineIndex(text): idx)
        file_findings.extend(scan_unloaded({rel: text}))
    row = {"rel": rel, "size": size, "mtime_ns": mtime, "kind": None, "id": None, "data": None, "summary": None,
           "unloaded": int(text is not None), "local": None}
    if rec is not None:
        result = check_file(rec)
        file_findings.extend(result.findings)
        row.update(kind=rec.kind, id=rec.id, data=_dump(rec.data), summary=result.summary)
    elif problem is not None and problem.code == "FS101":
        kind, rid, _ = classify(tuple(rel.split("/")))
        row.update(kind=kind, id=rid)
    row["file_findings"] = file_findings
    row["offered"] = offered(row["kind"], row["id"], bool(row["unloaded"]), row["summary"])
    return row, rec


_WORK: dict = {}  # set in the parent before the pool forks: root_real, ctx


def _read_and_check(batch: list[tuple]) -> list[dict]:
    """Pool worker: read, check and run the local rules of a batch of files."""
    out = []
    for rel, path, size, mtime in batch:
        row, rec = _read(_WORK["root_real"], rel, path, size, mtime)
        if rec is not None:
            row["local"] = local_findings(_WORK["ctx"], rec)
        out.append(row)
    return out


def _check_many(root_real: str, ctx, todo: list[tuple]) -> list[dict]:
    """Rows (with local findings) for many files, on every core when there are enough of them."""
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) < POOL_MIN_FILES or workers < 2 or "fork" not in _mp_methods():
        _WORK.update(root_real=root_real, ctx=ctx)
        return _read_and_check(todo)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _WORK.update(root_real=root_real, ctx=ctx)
    size = max(1, len(todo) // (workers * 4))
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return [row for rows in pool.map(_read_and_check, batches) for row in rows]


def _mp_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def _run_with_cache(root: Path, con: sqlite3.Connection, need_archive: bool) -> Result:
    files = scan_files(root)
    state = _fp(sorted((rel, s, m) for rel, (_p, s, m) in files.items()))
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("state") == state and not need_archive:
        return _stored_result(con, meta, len(files))
    _load_core()

    cached, was_offered = {}, {}
    for rel, size, mtime, offer in con.execute("SELECT rel, size, mtime_ns, offered FROM files"):
        cached[rel] = (size, mtime)
        was_offered[rel] = offer
    changed = [rel for rel, (_p, s, m) in files.items() if cached.get(rel) != (s, m)]
    removed = [rel for rel in cached if rel not in files]
    context_fp = _fp(sorted((rel, s, m) for rel, (_p, s, m) in files.items() if _is_context(rel)))
    context_changed = meta.get("context") != context_fp
    root_real = os.path.realpath(root)

    # 1. the context files first: every record's local rules need them
    fresh: dict[str, dict] = {}  # rel -> row to store, for changed files
    records: dict[str, Record] = {}  # rel -> record, for the records held in memory
    for rel in changed:
        if _is_context(rel):
            fresh[rel], rec = _read(root_real, rel, *files[rel])
            if rec is not None:
                records[rel] = rec
    stored = con.execute("SELECT rel, kind, id, summary, unloaded, data FROM files "
                         "WHERE rel IN (SELECT rel FROM files WHERE kind IN ('forbund', 'person', 'organisation'))"
                         ).fetchall()
    for rel, kind, rid, _summary, _unloaded, data in stored:
        if rel in files and rel not in fresh and data is not None:
            records[rel] = Record(kind, rid, rel, Path(files[rel][0]), None, pickle.loads(data))
    ctx = make_context([r for r in records.values() if r.kind in CONTEXT_KINDS])
    for rel, row in fresh.items():
        if rel in records:
            row["local"] = local_findings(ctx, records[rel])

    # 2. every other changed file: read, check, local rules (on all cores when many)
    todo = [(rel,) + files[rel] for rel in changed if rel not in fresh]
    for row in _check_many(root_real, ctx, todo):
        fresh[row["rel"]] = row

    # 3. the unchanged records: summaries for the index; data when needed; their references
    # only when what they may point at changed (or the archive is wanted, for its lookups)
    need_data = context_changed or need_archive
    check_all = (context_changed or need_archive or any(was_offered.get(rel) is not None for rel in removed)
                 or any(row["offered"] != was_offered.get(rel) for rel, row in fresh.items()))
    entries: list[tuple] = []
    unloaded_rels: list[str] = [rel for rel, row in fresh.items() if row["unloaded"]]
    new_local: dict[str, list] = {}
    for rel, kind, rid, summary, unloaded, data, refs in con.execute(
            "SELECT rel, kind, id, summary, unloaded, " + ("data" if need_data else "NULL")
            + ", " + ("refs" if check_all else "NULL") + " FROM files WHERE kind IS NOT NULL OR unloaded = 1"):
        if rel in fresh or rel not in files:
            continue
        if unloaded:
            unloaded_rels.append(rel)
        if summary is None:
            continue
        summary = pickle.loads(summary)
        if refs is not None:
            summary["refs"] = pickle.loads(refs)
        entries.append((rel, kind, rid, summary))
        if data is not None and rel not in records:
            records[rel] = Record(kind, rid, rel, Path(files[rel][0]), None, pickle.loads(data))
        if context_changed:
            new_local[rel] = local_findings(ctx, records[rel])
    for rel, row in fresh.items():
        if row["summary"] is not None:
            entries.append((rel, row["kind"], row["id"], row["summary"]))
        if need_archive and row["data"] is not None and rel not in records:
            records[rel] = Record(row["kind"], row["id"], rel, Path(files[rel][0]), None, pickle.loads(row["data"]))

    # 4. the cross-file rules on the index
    index = Index(entries, unloaded_ids(unloaded_rels), ctx.forbund_present, ctx.settings)

    def text_of(rel: str) -> str | None:
        if rel in records:
            return records[rel].text
        try:
            return Path(files[rel][0]).read_bytes().decode("utf-8", "replace") if rel in files else None
        except OSError:
            return None

    ref_findings: dict[str, list] = {}  # rel -> its references' findings, for the files checked
    for f in cross_findings(index, text_of, (check_references,)):
        ref_findings.setdefault(f.file, []).append(f)
    cross = cross_findings(index, text_of, CROSS_BUT_REFERENCES)

    # 5. store
    now = time.time_ns()
    racy = any(m > now - RACY_NS for _p, _s, m in files.values())
    racy_context = any(m > now - RACY_NS for rel, (_p, _s, m) in files.items() if _is_context(rel))
    con.execute("BEGIN IMMEDIATE")
    for rel in removed:
        con.execute("DELETE FROM files WHERE rel=?", (rel,))
    if check_all:  # every file's references were checked: what was stored for them is void
        con.execute("UPDATE files SET ref_findings=NULL WHERE ref_findings IS NOT NULL")
    for rel, row in fresh.items():
        summary = dict(row["summary"]) if row["summary"] is not None else None
        refs = summary.pop("refs", None) if summary is not None else None
        found = ref_findings.pop(rel, None)
        con.execute("INSERT OR REPLACE INTO files VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", (
            rel, row["size"], -1 if row["mtime_ns"] > now - RACY_NS else row["mtime_ns"], row["kind"], row["id"],
            row["data"], _dump(row["file_findings"]) if row["file_findings"] else None,
            _dump(summary) if summary is not None else None,
            _dump(row["local"]) if row["local"] else None, row["unloaded"],
            _dump(refs) if refs else None, row["offered"], _dump(found) if found else None))
    for rel, found in ref_findings.items():  # (unchanged files, when all were checked)
        con.execute("UPDATE files SET ref_findings=? WHERE rel=?", (_dump(found), rel))
    for rel, found in new_local.items():
        con.execute("UPDATE files SET local_findings=? WHERE rel=?", (_dump(found) if found else None, rel))
    for key, value in (("context", None if racy_context else context_fp), ("state", None if racy else state),
                       ("cross", _dump(cross)), ("settings", _dump(ctx.settings))):
        con.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (key, value))
    con.execute("COMMIT")

    findings = _stored_findings(con) + cross
    findings.sort(key=Finding.sort_key)
    archive = None
    if need_archive:
        ordered = [records[rel] for rel in sorted(records)]
        archive = Archive(root, ordered, ctx, index, findings, len(files))
    return Result(findings, len(files), ctx.settings, archive, used_cache=True, reparsed=len(fresh))


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

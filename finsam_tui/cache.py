"""A derived, disposable cache of a records folder in ``<records>/.finsam-cache/``.

Plain text stays the source of truth. The cache (one sqlite3 file) keeps, per record
file and keyed by its size and modification time: the parsed and schema-cleaned data,
the file's own findings, its summary for the cross-file index, and its local findings
(valid while the context files — forbund.toml, personer/, organisationer/ — are
unchanged). A run re-reads only changed files, re-runs only their local rules (all
records' local rules when the context changed) and then the cross-file rules on the
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

from . import __version__
from .archive import Archive
from .context import CONTEXT_KINDS
from .findings import Finding
from .index import Index
from .loader import NotARecordsFolder, Record, classify, is_records_folder, iter_toml_files, load_file
from .locate import LineIndex
from .validate import check_file, cross_findings, local_findings, make_context, place, scan_unloaded, unloaded_ids

CACHE_DIR = ".finsam-cache"
DB_NAME = "cache.sqlite"
FORMAT = 1
# A file modified this recently may change again within the same timestamp tick; such a
# file is stored as "racy" (mtime -1) so the next run reads it again (git's racy-clean idea).
RACY_NS = 2_000_000_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS files(
    rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, kind TEXT, id TEXT,
    data BLOB, file_findings BLOB, summary BLOB, local_findings BLOB, unloaded INTEGER);
"""


def code_fingerprint() -> str:
    """Changes whenever the package's code does, so results of old rules are never reused."""
    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    pkg = Path(__file__).resolve().parent
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


def _connect(root: Path) -> sqlite3.Connection | None:
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# derived by finsam; safe to delete\n*\n", encoding="utf-8")
    except OSError:
        return None  # read-only folder: work without a cache
    db_path = folder / DB_NAME
    for attempt in (1, 2):
        try:
            con = sqlite3.connect(db_path, timeout=0.2, isolation_level=None)
            con.execute("PRAGMA synchronous=OFF")
            con.executescript(_SCHEMA)
            row = con.execute("SELECT value FROM meta WHERE key='code'").fetchone()
            code = code_fingerprint()
            if row is None or row[0] != code:
                con.execute("BEGIN IMMEDIATE")
                con.execute("DELETE FROM files")
                con.execute("DELETE FROM meta")
                con.execute("INSERT INTO meta VALUES('code', ?)", (code,))
                con.execute("COMMIT")
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
    con = _connect(root) if use_cache and not os.environ.get("FINSAM_NO_CACHE") else None
    if con is None:
        return _run_without_cache(root)
    try:
        return _run_with_cache(root, con, need_archive)
    except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        try:
            con.close()
        except sqlite3.Error:
            pass
        return _run_without_cache(root)


def _run_without_cache(root: Path) -> Result:
    from .validate import load_archive

    archive = load_archive(root)
    return Result(archive.findings, archive.files_checked, archive.settings, archive)


def _scan(root: Path) -> dict[str, tuple[Path, int, int]]:
    out = {}
    for path in iter_toml_files(root):
        try:
            st = path.stat()
        except OSError:
            st = None
        rel = "/".join(path.relative_to(root).parts)
        out[rel] = (path, st.st_size if st else -1, st.st_mtime_ns if st else -1)
    return out


def _run_with_cache(root: Path, con: sqlite3.Connection, need_archive: bool) -> Result:
    files = _scan(root)
    state = _fp(sorted((rel, s, m) for rel, (_p, s, m) in files.items()))
    meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    if meta.get("state") == state and not need_archive:
        return _stored_result(con, meta, len(files))

    cached = {rel: (size, mtime) for rel, size, mtime in con.execute("SELECT rel, size, mtime_ns FROM files")}
    changed = [rel for rel, (_p, s, m) in files.items() if cached.get(rel) != (s, m)]
    removed = [rel for rel in cached if rel not in files]
    context_fp = _fp(sorted((rel, s, m) for rel, (_p, s, m) in files.items() if _is_context(rel)))
    context_changed = meta.get("context") != context_fp

    root_real = os.path.realpath(root)
    fresh: dict[str, dict] = {}  # rel -> row values for changed files
    records: dict[str, Record] = {}
    for rel in changed:
        path, size, mtime = files[rel]
        rec, problem, text = load_file(root_real, path, rel)
        file_findings = [problem] if problem else []
        if text is not None:
            place(file_findings, lambda _r, idx=LineIndex(text): idx)
            file_findings.extend(scan_unloaded({rel: text}))
        row = {"size": size, "mtime_ns": mtime, "kind": None, "id": None, "data": None, "summary": None,
               "unloaded": int(text is not None)}
        if rec is not None:
            result = check_file(rec)
            file_findings.extend(result.findings)
            row.update(kind=rec.kind, id=rec.id, data=_dump(rec.data), summary=result.summary)
            records[rel] = rec
        elif problem is not None and problem.code == "FS101":
            kind, rid, _ = classify(tuple(rel.split("/")))
            row.update(kind=kind, id=rid)
        row["file_findings"] = file_findings
        fresh[rel] = row

    # every record's kind, id and summary: fresh ones from memory, the rest from the cache
    entries: list[tuple] = []
    unloaded_rels: list[str] = []
    need_data = context_changed or need_archive
    stored_rows = con.execute(
        "SELECT rel, kind, id, summary, unloaded, " + ("data" if need_data else "NULL")
        + " FROM files WHERE kind IS NOT NULL OR unloaded = 1").fetchall()
    for rel, kind, rid, summary, unloaded, data in stored_rows:
        if rel in fresh or rel in removed or rel not in files:
            continue
        if unloaded:
            unloaded_rels.append(rel)
        if summary is None:
            continue
        entries.append((rel, kind, rid, pickle.loads(summary)))
        if data is not None:
            records[rel] = Record(kind, rid, rel, files[rel][0], None, pickle.loads(data))
    for rel, row in fresh.items():
        if row["unloaded"]:
            unloaded_rels.append(rel)
        if row["summary"] is not None:
            entries.append((rel, row["kind"], row["id"], row["summary"]))

    # the context: from memory when reparsed or loaded above, else from the cache
    ctx_records = [r for r in records.values() if r.kind in CONTEXT_KINDS]
    have = {r.rel for r in ctx_records}
    missing = [e for e in entries if e[1] in CONTEXT_KINDS and e[0] not in have]
    for rel, kind, rid, _s in missing:
        (data,) = con.execute("SELECT data FROM files WHERE rel=?", (rel,)).fetchone()
        ctx_records.append(Record(kind, rid, rel, files[rel][0], None, pickle.loads(data)))
    ctx = make_context(ctx_records)

    local_for = records.values() if context_changed else [records[rel] for rel in fresh if rel in records]
    new_local = {r.rel: local_findings(ctx, r) for r in local_for}

    index = Index(entries, unloaded_ids(unloaded_rels), ctx.forbund_present, ctx.settings)

    def text_of(rel: str) -> str | None:
        if rel in records:
            return records[rel].text
        if rel in files:
            try:
                return files[rel][0].read_bytes().decode("utf-8", "replace")
            except OSError:
                return None
        return None

    cross = cross_findings(index, text_of)

    now = time.time_ns()
    racy = any(m > now - RACY_NS for _p, _s, m in files.values())
    racy_context = any(m > now - RACY_NS for rel, (_p, _s, m) in files.items() if _is_context(rel))
    con.execute("BEGIN IMMEDIATE")
    for rel in removed:
        con.execute("DELETE FROM files WHERE rel=?", (rel,))
    for rel, row in fresh.items():
        con.execute("INSERT OR REPLACE INTO files VALUES(?,?,?,?,?,?,?,?,?,?)", (
            rel, row["size"], -1 if row["mtime_ns"] > now - RACY_NS else row["mtime_ns"], row["kind"], row["id"], row["data"],
            _dump(row["file_findings"]) if row["file_findings"] else None,
            _dump(row["summary"]) if row["summary"] is not None else None,
            _dump(new_local.get(rel)) if new_local.get(rel) else None, row["unloaded"]))
    for rel, found in new_local.items():
        if rel not in fresh:
            con.execute("UPDATE files SET local_findings=? WHERE rel=?", (_dump(found) if found else None, rel))
    for key, value in (("context", None if racy_context else context_fp), ("state", None if racy else state),
                       ("cross", _dump(cross)),
                       ("settings", _dump(ctx.settings))):
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
    for file_f, local_f in con.execute(
            "SELECT file_findings, local_findings FROM files "
            "WHERE file_findings IS NOT NULL OR local_findings IS NOT NULL"):
        if file_f is not None:
            out.extend(pickle.loads(file_f))
        if local_f is not None:
            out.extend(pickle.loads(local_f))
    return out


def _stored_result(con: sqlite3.Connection, meta: dict, files_checked: int) -> Result:
    findings = _stored_findings(con) + pickle.loads(meta["cross"])
    findings.sort(key=Finding.sort_key)
    return Result(findings, files_checked, pickle.loads(meta["settings"]), used_cache=True)

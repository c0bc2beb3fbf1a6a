"""Full-text search over §§ (titles, background texts, decisions, uppdrag), persons,
member organisations, insatser and budget lines, with sqlite3 FTS5.

The index lives in the cache database (``.finsam-cache/cache.sqlite``) next to the
validation cache, and is refreshed from it: a file whose row there is not the one it was
indexed from — another size, mtime, ctime, inode or content hash (see ``check/cache.py``:
a same-size change with its mtime put back is one) — is indexed again from its cached,
parsed data. Without a usable cache (read-only folder) an in-memory index is built for the
one search.

Matching is case-insensitive for å, ä and ö too (FTS5 ``unicode61`` without removing
diacritics, so "år" and "ar" stay different words) and every query word matches as a
word prefix ("budg" finds "budget", "budgeten").
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.check import cache
from finsam_tui.core.records.meetings import items

_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    ref UNINDEXED, kind UNINDEXED, organ UNINDEXED, year UNINDEXED, date UNINDEXED,
    title, body, tokenize = "unicode61 remove_diacritics 0");
CREATE TABLE IF NOT EXISTS fts_files(rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
    ino INTEGER, digest TEXT);
CREATE TABLE IF NOT EXISTS fts_docs(docid INTEGER PRIMARY KEY, rel TEXT);
CREATE INDEX IF NOT EXISTS fts_docs_rel ON fts_docs(rel);
"""

MARK_START, MARK_END = "\x02", "\x03"  # snippet markers, replaced by the front end
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Hit:
    ref: str
    kind: str
    organ: str
    date: str
    title: str
    snippet: str  # the matching text with MARK_START/MARK_END around matches

    def to_json(self) -> dict:
        plain = self.snippet.replace(MARK_START, "").replace(MARK_END, "")
        return {"ref": self.ref, "kind": self.kind, "organ": self.organ, "date": self.date, "title": self.title,
                "snippet": plain}


class SearchError(Exception):
    pass


# -- documents ---------------------------------------------------------------------------------

def _join(*parts) -> str:
    out = []
    for p in parts:
        if isinstance(p, str) and p.strip():
            out.append(p.strip())
        elif isinstance(p, list):
            out.extend(x.strip() for x in p if isinstance(x, str) and x.strip())
    return "\n".join(out)


def documents(kind: str, rid: str, data: dict, names: dict[str, str]):
    """(ref, kind, organ, year, date, title, body) rows for one record; the snippet markers
    are taken out of its text, so a record cannot fake a highlight."""
    for doc in _documents(kind, rid, data, names):
        yield tuple(v.replace(MARK_START, "").replace(MARK_END, "") if isinstance(v, str) else v for v in doc)


def _documents(kind: str, rid: str, data: dict, names: dict[str, str]):
    def name(pid):
        return names.get(pid, pid) if isinstance(pid, str) else ""

    if kind == "meeting":
        organ, stem = rid.split("/")
        date = data.get("date")
        date_s = date.isoformat() if isinstance(date, dt.date) else stem[:10]
        year = date_s[:4]
        for path, n, letter, it in items(data):
            if isinstance(n, int) and len(path) == 4 and not isinstance(letter, str):
                continue  # a sub-item without its letter: no reference names it
            body = _join(
                it.get("background"), it.get("proposal"), it.get("decision", []), it.get("decision_text"),
                [r.get("text", "") + " " + name(r.get("person")) for r in it.get("reservations", [])],
                [t.get("task", "") + " " + name(t.get("responsible")) for t in it.get("tasks", [])],
                [name(j.get("person")) for j in it.get("jav", [])], it.get("attachments", []),
                it.get("diarienummer"))
            # a point without § (an organ numbered "ingen") is found as its meeting
            ref = f"{rid}/§{n}{letter or ''}" if isinstance(n, int) else rid
            yield (ref, it.get("kind", "information"), organ, year, date_s, it.get("title", ""), body)
    elif kind == "person":
        roles = [f"{m.get('role', '')} {m.get('organ', '')}" for m in data.get("memberships", [])]
        yield (f"person/{rid}", "person", "", "", "", data.get("name", rid),
               _join(data.get("title"), data.get("organisation"), roles))
    elif kind == "organisation":
        yield (f"org/{rid}", "organisation", "", "", "", data.get("name", rid), _join(data.get("short"), data.get("kind")))
    elif kind == "insats":
        start = data.get("start")
        yield (f"insats/{rid}", "insats", "", str(start.year) if isinstance(start, dt.date) else "",
               start.isoformat() if isinstance(start, dt.date) else "", data.get("name", rid),
               _join(data.get("description"), [name(p) for p in data.get("steering_group", [])]))
    elif kind == "budget":
        for cat in data.get("categories", []):
            for line in cat.get("lines", []):
                if "id" in line:
                    yield (f"budget/{rid}/{line['id']}", "budgetrad", "", rid, "", line.get("name", line["id"]),
                           _join(cat.get("name"), line.get("note")))


# -- the index ---------------------------------------------------------------------------------

def _refresh(con: sqlite3.Connection) -> None:
    """Bring the FTS index up to date with the validation cache's rows."""
    con.executescript(_SCHEMA)
    stale = con.execute(
        "SELECT f.rel FROM files f LEFT JOIN fts_files x ON x.rel = f.rel "
        "WHERE x.rel IS NULL OR x.size IS NOT f.size OR x.mtime_ns IS NOT f.mtime_ns OR x.ctime_ns IS NOT f.ctime_ns "
        "OR x.ino IS NOT f.ino OR x.digest IS NOT f.digest").fetchall()
    gone = con.execute("SELECT rel FROM fts_files WHERE rel NOT IN (SELECT rel FROM files)").fetchall()
    if not stale and not gone:
        return
    names = {}
    for rid, data in con.execute("SELECT id, data FROM files WHERE kind = 'person' AND data IS NOT NULL"):
        names[rid] = pickle.loads(data).get("name", rid)
    con.execute("BEGIN IMMEDIATE")
    for (rel,) in stale + gone:
        con.execute("DELETE FROM fts WHERE rowid IN (SELECT docid FROM fts_docs WHERE rel = ?)", (rel,))
        con.execute("DELETE FROM fts_docs WHERE rel = ?", (rel,))
        con.execute("DELETE FROM fts_files WHERE rel = ?", (rel,))
    for (rel,) in stale:
        kind, rid, data, *stamp = con.execute(
            "SELECT kind, id, data, size, mtime_ns, ctime_ns, ino, digest FROM files WHERE rel = ?", (rel,)).fetchone()
        if data is not None:
            for doc in documents(kind, rid, pickle.loads(data), names):
                cur = con.execute("INSERT INTO fts(ref, kind, organ, year, date, title, body) VALUES(?,?,?,?,?,?,?)",
                                  doc)
                con.execute("INSERT INTO fts_docs VALUES(?, ?)", (cur.lastrowid, rel))
        con.execute("INSERT INTO fts_files VALUES(?, ?, ?, ?, ?, ?)", (rel, *stamp))
    con.execute("COMMIT")


def _memory_index(root: Path) -> sqlite3.Connection:
    """An in-memory index for a folder without a usable cache."""
    from finsam_tui.core.check.pipeline import load_archive

    archive = load_archive(root)
    names = {pid: p.data.get("name", pid) for pid, p in archive.persons.items()}
    con = sqlite3.connect(":memory:", isolation_level=None)
    con.executescript(_SCHEMA)
    for rec in archive.records:
        for doc in documents(rec.kind, rec.id, rec.data, names):
            con.execute("INSERT INTO fts(ref, kind, organ, year, date, title, body) VALUES(?,?,?,?,?,?,?)", doc)
    return con


def match_expression(query: str) -> str:
    """FTS5 MATCH text: every word of the query as a quoted prefix, all required."""
    words = _WORD.findall(query)
    if not words:
        raise SearchError(query)
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def search(root: Path, query: str, year: int | None = None, organ: str | None = None, kind: str | None = None,
           limit: int = 50) -> list[Hit]:
    """Hits for the query, best first. Raises NotARecordsFolder, SearchError (a query with no words)."""
    root = Path(root)
    expr = match_expression(query)
    cache.run(root)  # validate through the cache: brings the parsed rows up to date
    con = cache.connect(root)
    try:
        if con is not None:
            try:
                _refresh(con)
            except sqlite3.Error:
                con.close()
                con = None
        if con is None:
            con = _memory_index(root)
        where, args = ["fts MATCH ?"], [expr]
        for column, value in (("year", year), ("organ", organ), ("kind", kind)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(str(value))
        rows = con.execute(
            "SELECT ref, kind, organ, date, title, "
            f"snippet(fts, -1, '{MARK_START}', '{MARK_END}', '…', 12) "
            f"FROM fts WHERE {' AND '.join(where)} ORDER BY bm25(fts, 0, 0, 0, 0, 0, 5.0, 1.0), date DESC "
            f"LIMIT {int(limit)}", args).fetchall()
    finally:
        if con is not None:
            con.close()
    return [Hit(*row) for row in rows]

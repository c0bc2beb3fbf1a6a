"""The git witness's memory: the summary of each version of a meeting file it has read
(``git_witness_diff.Summary``), by git's id of the content — an id never changes what it names,
so a version is read once. Kept in the records folder's cache database, opened as the
validation cache opens it (``core/check/cache.connect``: the same guards against links, the
same ``FINSAM_NO_CACHE``), in a table of its own; a summary counts only for the code that made
it (``cache.code_fingerprint``). Without a cache (a read-only folder) nothing is kept and the
witness reads every version it compares.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from finsam_tui.core.check.git_witness_diff import Summary

_SCHEMA = "CREATE TABLE IF NOT EXISTS witness(blob TEXT PRIMARY KEY, code TEXT, summary TEXT)"


class Memo:
    """The summaries kept for a records folder; a Memo without a database keeps nothing."""

    def __init__(self, root) -> None:
        self.con = None
        self.code = ""
        if os.environ.get("FINSAM_NO_CACHE"):
            return
        from finsam_tui.core.check.cache import code_fingerprint, connect

        con = connect(Path(root))
        if con is None:
            return
        try:
            con.execute(_SCHEMA)
        except sqlite3.Error:
            con.close()
            return
        self.con, self.code = con, code_fingerprint()

    def recall(self, ids) -> dict[str, Summary]:
        """The summaries kept for the blob ids (those there are)."""
        out: dict[str, Summary] = {}
        if self.con is None or not ids:
            return out
        wanted = set(ids)
        try:
            for blob, row in self.con.execute("SELECT blob, summary FROM witness WHERE code = ?", (self.code,)):
                if blob in wanted:
                    out[blob] = Summary.from_row(json.loads(row))
        except (sqlite3.Error, ValueError, TypeError):
            return {}
        return out

    def keep(self, summaries: dict[str, Summary]) -> None:
        if self.con is None or not summaries:
            return
        try:
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute("DELETE FROM witness WHERE code != ?", (self.code,))
            self.con.executemany("INSERT OR REPLACE INTO witness VALUES (?, ?, ?)",
                                 [(blob, self.code, json.dumps(s.to_row())) for blob, s in summaries.items()])
            self.con.execute("COMMIT")
        except sqlite3.Error:
            try:
                self.con.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def close(self) -> None:
        if self.con is not None:
            try:
                self.con.close()
            except sqlite3.Error:
                pass
            self.con = None

"""The stages of validation, each one function, called the same way with and without the cache.

* ``check_path`` — read one file and check it on its own: load problems, identity numbers in
  its text, the schema (the data cleaned in place) and a summary for the index
  (``check_file`` is the part after loading, for a record already in memory).
* ``local_findings`` — the rules of one record, given the context (``make_context``:
  settings, persons, organisations).
* ``cross_findings`` — the rules across files, on the index of summaries.
* ``place`` — key paths of findings turned into lines and columns, with the source line.

``pipeline.py`` runs them in order; the cache only decides whose results it can reuse.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.index import Index, offered, summarize
from finsam_tui.core.check.personnummer import find_identity_numbers, mask
from finsam_tui.core.check.protocol_lock import check_lock
from finsam_tui.core.check.rules import CROSS, LOCAL
from finsam_tui.core.check.rules.personal_data import located, scan_name, scan_text, scan_values
from finsam_tui.core.check.schema_check import check_record
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.io.load import Record, load_file
from finsam_tui.core.io.positions import LineIndex, Locator
from finsam_tui.core.records.context import Context
from finsam_tui.core.records.layout import FOLDERS, FORBUND_FILE, classify
from finsam_tui.core.records.schema import KINDS

# Findings about a key itself (not its value) point at the key.
KEY_CODES = {"FS102", "FS104"}
# Findings about a whole file have no line.
FILE_CODES = {"FS100", "FS107", "FS108", "FS109", "FS110", "FS114", "FS115", "FS702"}

_CONTEXT_FOLDERS = tuple(FOLDERS[kind] + "/" for kind in ("person", "organisation"))


def is_context_file(rel: str) -> bool:
    """True for the files every record's local rules may read: forbund.toml, personer/, organisationer/."""
    return rel == FORBUND_FILE or rel.startswith(_CONTEXT_FOLDERS)


@dataclass
class FileResult:
    """What one file gives: its own findings and summary, then the findings of the rules
    about it once they ran (``None``: not run, or taken from the cache with the rest)."""

    rel: str
    record: Record | None = None  # the loaded record (None: not a record, or not kept in memory)
    findings: list[Finding] = field(default_factory=list)  # its own: loading, identity numbers, schema
    summary: dict | None = None  # what the index needs of a loaded record
    kind: str | None = None
    id: str | None = None
    unloaded: bool = False  # read as text but not loaded as a record (still scanned for numbers)
    local: list[Finding] | None = None  # its record's local rules
    references: list[Finding] | None = None  # its references' findings (a cross rule, kept per file)

    @property
    def offered(self) -> str | None:
        """What references may point at in this file (see ``index.offered``)."""
        return offered(self.kind, self.id, self.unloaded, self.summary)

    def all_findings(self) -> list[Finding]:
        return self.findings + (self.local or []) + (self.references or [])


def check_file(record: Record) -> FileResult:
    """The findings of one loaded record on its own, and its summary for the index."""
    findings = check_lock(record)  # on the data as written, before the schema check cleans it
    findings.extend(scan_values(record.rel, record.data, record.text))  # also before the cleaning
    schema_findings, refs = check_record(record, KINDS[record.kind])
    findings.extend(schema_findings)
    findings.extend(scan_text(record.rel, record.text))
    result = FileResult(record.rel, record, findings, summarize(record.kind, record.id, record.data, refs),
                        record.kind, record.id)
    if findings:
        place(findings, lambda rel: record.locator if rel == record.rel else None)
    findings.extend(scan_name(record.rel))  # a finding about the name: no line
    return result


def check_path(root_real: str, rel: str, path) -> FileResult:
    """Read one file of the folder (whose real path is root_real) and check it on its own;
    a folder that could not be listed (``scan.unreadable_folders``) is FS114."""
    if rel.endswith("/"):
        return FileResult(rel, findings=[unreadable_folder(rel, path)])
    rec, problem, text = load_file(root_real, path, rel)
    if rec is not None:
        result = check_file(rec)
    else:
        # a file that is there but cannot be loaded (FS100, FS101): references to it are not "unknown"
        result = FileResult(rel, unloaded=text is not None or (problem is not None and problem.code == "FS100"))
        if problem is not None and problem.code == "FS101":  # a record that does not parse
            result.kind, result.id, _ = classify(tuple(rel.split("/")))
    if problem is not None:
        numbers = problem.params.pop("numbers", None)  # found in the bytes of a file not read as text
        if text is not None:
            place([problem], lambda _rel, idx=LineIndex(text): idx)
        result.findings.insert(0, problem)
        if numbers is not None:
            result.findings.extend(scan_bytes_found(rel, *numbers))
    if text is not None:
        result.findings.extend(scan_unloaded({rel: text}))
    elif rec is None:
        result.findings.extend(scan_name(rel))  # not read (or not as text): its name still counts
    return result


def unreadable_folder(rel: str, path) -> Finding:
    """FS114 for a folder the scan could not list, with the system's reason (asked again)."""
    try:
        with os.scandir(path):
            reason = Phrase("folder_changed")  # it can be listed now: the next run reads it
    except OSError as exc:
        reason = exc.strerror or str(exc)
    return Finding("FS114", rel, params={"reason": reason})


def scan_bytes_found(rel: str, listed, total: int) -> list[Finding]:
    """FS701 (and FS702) for the identity numbers the loader found in the raw bytes of a file
    that cannot be read as text, each at its line and column with its line quoted, masked."""
    out = list(located(rel, listed, total))
    for f, lm in zip(out, listed):
        if lm.line_text is not None:
            f.source_line = source_line(LineIndex(lm.line_text), 1, lm.column)
    return out


def make_context(records, unreadable=(), folders=()) -> Context:
    """The context of the loaded context records; unreadable: (kind, id) of the context files
    that exist but could not be loaded (``unloaded_ids``); folders: the folders that could not
    be listed (``scan.unreadable_folders``)."""
    forbund = None
    persons: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    for r in records:
        if r.kind == "forbund":
            forbund = r.data
        elif r.kind == "person":
            persons[r.id] = r.data
        elif r.kind == "organisation":
            orgs[r.id] = r.data
    return Context(forbund, persons, orgs, unreadable, folders)


def local_findings(ctx: Context, record: Record) -> list[Finding]:
    out: list[Finding] = []
    for rule in LOCAL[record.kind]:
        if getattr(rule, "whole_context", False) and not ctx.complete:
            continue  # a person or organisation file cannot be read: its own finding says so
        out.extend(rule(ctx, record))
    if out:
        place(out, lambda rel: record.locator if rel == record.rel else None)
    return out


def run_local(ctx: Context, result: FileResult) -> FileResult:
    """Run the local rules of a result's record (none for a file that is not a record)."""
    if result.record is not None:
        result.local = local_findings(ctx, result.record)
    return result


# Below this many files to read a pool of processes costs more than it saves.
POOL_MIN_FILES = 300
_WORK: dict = {}  # set in the parent before the pool forks: root_real, ctx


def _check_batch(batch: list[tuple[str, str]]) -> list[FileResult]:
    """Pool worker: read, check and run the local rules of a batch of files. The record goes
    back without its text (read again when wanted), to keep what crosses processes small."""
    out = []
    for rel, path in batch:
        r = run_local(_WORK["ctx"], check_path(_WORK["root_real"], rel, path))
        if r.record is not None:
            rec = r.record
            r.record = Record(rec.kind, rec.id, rec.rel, rec.path, None, rec.data)
        out.append(r)
    return out


def check_many(root_real: str, ctx: Context, todo: list[tuple[str, str]], parallel: bool = False) -> list[FileResult]:
    """check_path and run_local on many (rel, path): on every core when asked and there are enough."""
    workers = min(os.cpu_count() or 1, 8)
    if not parallel or len(todo) < POOL_MIN_FILES or workers < 2 or "fork" not in _mp_methods():
        return [run_local(ctx, check_path(root_real, rel, path)) for rel, path in todo]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    _WORK.update(root_real=root_real, ctx=ctx)
    size = max(1, len(todo) // (workers * 4))
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return [r for results in pool.map(_check_batch, batches) for r in results]


def _mp_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def unloaded_ids(unloaded) -> set[tuple[str, str]]:
    """(kind, id) of the files that exist but could not be loaded as records."""
    out = set()
    for rel in unloaded:
        kind, rid, problem = classify(tuple(rel.split("/")))
        if kind and not problem:
            out.add((kind, rid))
    return out


def cross_findings(index: Index, text_of: Callable[[str], str | None], rules=CROSS) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        out.extend(rule(index))
    locators: dict[str, Locator | None] = {}

    def locator(rel: str):
        if rel not in locators:
            text = text_of(rel)
            locators[rel] = Locator(text) if text is not None else None
        return locators[rel]

    place(out, locator)
    return out


# A source line is kept whole up to this length. A longer one (a minified array, a huge
# string) is cut, so that many findings on one line do not each hold a copy of it.
SOURCE_MAX = 300


def source_line(loc: LineIndex, line: int, column: int | None) -> str | None:
    """The finding's line as the report quotes it, with any identity number masked as in the
    FS701 message (its last four digits as ****, so the columns stay): a report goes to CI
    logs and terminals, where the number must not."""
    text = masked(loc.line_text(line, SOURCE_MAX))
    if len(text) <= SOURCE_MAX:
        return text
    if (column or 1) > SOURCE_MAX - 60:
        return None  # the marker would fall after the cut: show no source line
    return text[:SOURCE_MAX] + "…"


def masked(text: str) -> str:
    """text with the last four digits of every identity number in it replaced by ****."""
    for m in reversed(find_identity_numbers(text)):
        text = text[:m.start] + mask(m.text) + text[m.end:]
    return text


def place(findings: list[Finding], locator_of: Callable[[str], LineIndex | None]) -> None:
    """Turn key paths into lines and columns and attach the source line."""
    for f in findings:
        loc = locator_of(f.file)
        if loc is not None:
            if f.line is None and isinstance(loc, Locator) and f.code not in FILE_CODES:
                pos = loc.find(f.path, value=f.code not in KEY_CODES and not f.params.get("at_key"))
                f.line, f.column = pos if pos else (1, 1)
            if f.line is not None and f.source_line is None:
                f.source_line = source_line(loc, f.line, f.column)
        for p in f.related:  # (also for a finding at a folder, FS115, which has no text of its own)
            other = locator_of(p.file) if p.file != f.file else loc
            if p.line is None and isinstance(other, Locator):
                pos = other.find(p.path, value=True)
                if pos:
                    p.line, p.column = pos


def scan_unloaded(unloaded: dict[str, str]) -> list[Finding]:
    """Identity numbers in files that could not be loaded as records (they are text all the same)."""
    out: list[Finding] = []
    for rel, text in unloaded.items():
        found = list(scan_text(rel, text))
        index = LineIndex(text)
        place(found, lambda _rel: index)
        out.extend(found)
        out.extend(scan_name(rel))
    return out


def read_text_of(records: dict[str, Record], files: dict[str, tuple]) -> Callable[[str], str | None]:
    """The text of a file, for placing cross findings: from the record in memory, else from disk."""
    def text_of(rel: str) -> str | None:
        if rel in records:
            return records[rel].text
        try:
            return Path(files[rel][0]).read_bytes().decode("utf-8", "replace") if rel in files else None
        except OSError:
            return None

    return text_of

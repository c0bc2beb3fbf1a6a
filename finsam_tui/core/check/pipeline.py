"""Validation of a records folder: load, schema, local rules, cross rules, positions.

The work is split so that the cache (``cache.py``) can redo only what a change needs:

* ``check_file`` — what one file gives on its own: parse, schema findings (the data
  cleaned in place), its references and a summary for the index.
* ``local_findings`` — the rules of one record, given the context (settings, persons,
  organisations).
* ``cross_findings`` — the rules across files, on the index of summaries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.index import Index, summarize
from finsam_tui.core.check.protocol_lock import check_lock
from finsam_tui.core.check.rules import CROSS, LOCAL
from finsam_tui.core.check.rules.personal_data import scan_name, scan_text, scan_values
from finsam_tui.core.check.schema_check import check_record
from finsam_tui.core.io.load import Record, load_files
from finsam_tui.core.io.positions import LineIndex, Locator
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.context import Context
from finsam_tui.core.records.layout import classify
from finsam_tui.core.records.schema import KINDS

# Findings about a key itself (not its value) point at the key.
KEY_CODES = {"FS102", "FS104"}
# Findings about a whole file have no line.
FILE_CODES = {"FS100", "FS107", "FS108", "FS109", "FS110"}


@dataclass
class FileResult:
    """What one loaded record contributes, independent of every other file."""

    record: Record
    findings: list[Finding] = field(default_factory=list)  # schema findings, placed
    summary: dict = field(default_factory=dict)


def check_file(record: Record) -> FileResult:
    findings = check_lock(record)  # on the data as written, before the schema check cleans it
    findings.extend(scan_values(record.rel, record.data, record.text))  # also before the cleaning
    schema_findings, refs = check_record(record, KINDS[record.kind])
    findings.extend(schema_findings)
    findings.extend(scan_text(record.rel, record.text))
    result = FileResult(record, findings, summarize(record.kind, record.id, record.data, refs))
    if findings:
        place(findings, lambda rel: record.locator if rel == record.rel else None)
    findings.extend(scan_name(record.rel))  # a finding about the name: no line
    return result


def make_context(records) -> Context:
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
    return Context(forbund, persons, orgs)


def local_findings(ctx: Context, record: Record) -> list[Finding]:
    out: list[Finding] = []
    for rule in LOCAL[record.kind]:
        out.extend(rule(ctx, record))
    if out:
        place(out, lambda rel: record.locator if rel == record.rel else None)
    return out


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
    text = loc.line_text(line, SOURCE_MAX)
    if len(text) <= SOURCE_MAX:
        return text
    if (column or 1) > SOURCE_MAX - 60:
        return None  # the marker would fall after the cut: show no source line
    return text[:SOURCE_MAX] + "…"


def place(findings: list[Finding], locator_of: Callable[[str], LineIndex | None]) -> None:
    """Turn key paths into lines and columns and attach the source line."""
    for f in findings:
        loc = locator_of(f.file)
        if loc is None:
            continue
        if f.line is None and isinstance(loc, Locator) and f.code not in FILE_CODES:
            pos = loc.find(f.path, value=f.code not in KEY_CODES and not f.params.get("at_key"))
            f.line, f.column = pos if pos else (1, 1)
        if f.line is not None and f.source_line is None:
            f.source_line = source_line(loc, f.line, f.column)
        for p in f.related:
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


def load_archive(root: Path) -> Archive:
    """Load and validate every record below root, without the cache. Raises NotARecordsFolder."""
    loaded = load_files(Path(root))
    findings: list[Finding] = list(loaded.findings)
    load_index = {rel: LineIndex(text) for rel, text in loaded.unloaded.items()}
    place(findings, load_index.get)
    findings.extend(scan_unloaded(loaded.unloaded))
    results = [check_file(rec) for rec in loaded.records]
    for r in results:
        findings.extend(r.findings)
    ctx = make_context(loaded.records)
    for rec in loaded.records:
        findings.extend(local_findings(ctx, rec))
    index = Index([(r.record.rel, r.record.kind, r.record.id, r.summary) for r in results],
                  unloaded_ids(loaded.unloaded), ctx.forbund_present, ctx.settings)
    by_rel = {rec.rel: rec.text for rec in loaded.records}
    findings.extend(cross_findings(index, by_rel.get))
    findings.sort(key=Finding.sort_key)
    return Archive(loaded.root, loaded.records, ctx, index, findings, loaded.files_seen)

"""The one validation pipeline of a records folder, with or without the cache.

``validate`` runs the stages of ``stages.py`` in order: the context files (forbund.toml,
personer/, organisationer/) are read and checked first, since every record's local rules
need them; then every other file is read and checked and its local rules run; then the
index of summaries is built and the rules across files run on it (references kept per file,
the others for the whole folder). A ``Memory`` says which files' results of an earlier run
still hold: the base class remembers nothing (every stage runs on every file: ``load_archive``),
the cache (``cache.py``) remembers the last run in sqlite. A rule or stage added here runs on
both paths.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.index import Index
from finsam_tui.core.check.rules import CROSS
from finsam_tui.core.check.rules.references import check_references
from finsam_tui.core.check.stages import (
    FileResult,
    check_file,
    check_many,
    check_path,
    cross_findings,
    is_context_file,
    local_findings,
    make_context,
    place,
    read_text_of,
    run_local,
    scan_unloaded,
    source_line,
    unloaded_ids,
)
from finsam_tui.core.io.load import Record
from finsam_tui.core.io.scan import NotARecordsFolder, is_records_folder, scan_files, unreadable_folders
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.context import Context

__all__ = ["FileResult", "Memory", "Outcome", "check_file", "cross_findings", "load_archive", "local_findings",
           "make_context", "place", "scan_unloaded", "source_line", "unloaded_ids", "validate"]


class Memory:
    """What an earlier run left that this one may reuse. This one remembers nothing: every
    file is read and every rule runs. ``cache.Stored`` answers the same questions from sqlite."""

    # The context files are as they were: the stored local findings of unchanged records hold.
    context_holds = False

    def holds(self, rel: str, stat: tuple) -> bool:
        """True when the stored results of rel hold (stat: (path, size, mtime_ns, ctime_ns, inode) as scanned)."""
        return False

    def context_records(self, files: dict, fresh: dict[str, FileResult]) -> list[Record]:
        """The stored (schema-cleaned) records of the context files not read again."""
        return []

    def offers_changed(self, fresh: dict[str, FileResult]) -> bool:
        """True when what references may point at changed since the stored run (a file gone,
        or a file read again offering something else): every file's references are checked."""
        return True

    def kept(self, files: dict, fresh: dict[str, FileResult], data: bool, refs: bool,
             known: dict[str, Record]) -> list[FileResult]:
        """The stored results of the files not read again, with their findings; with the
        record's data when data is true (the records in known are used as they are), the
        summary's references when refs is true, else their stored findings."""
        return []

    def save(self, files: dict, outcome: Outcome) -> None:
        """Keep what this run found for the next one."""


@dataclass
class Outcome:
    """What a run gives: the findings (sorted), and what the rules ran on."""

    findings: list[Finding]
    results: list[FileResult]  # every file, in the order scanned
    fresh: dict[str, FileResult]  # the files read this run
    refs_rechecked: bool  # every file's references were checked (not only the fresh files')
    cross: list[Finding]  # the findings of the cross-file rules other than references
    ctx: Context
    index: Index
    archive: Archive | None


def validate(root: Path, files: dict[str, tuple], memory: Memory | None = None, need_archive: bool = True,
             parallel: bool = False, reference_rule=check_references) -> Outcome:
    """Validate the scanned files of the folder (``scan.scan_files``), reusing what memory
    holds. The archive is made when need_archive is true; parallel reads many files on
    every core. reference_rule is the one cross rule whose findings are kept per file."""
    memory = memory or Memory()
    root_real = os.path.realpath(root)
    changed = [rel for rel, stat in files.items() if not memory.holds(rel, stat)]
    folders = unreadable_folders(files)  # what lies in them is unknown: neither there nor missing

    # 1. the context files first: every record's local rules need them
    fresh: dict[str, FileResult] = {rel: check_path(root_real, rel, files[rel][0])
                                    for rel in changed if is_context_file(rel)}
    known = {r.rel: r.record for r in fresh.values() if r.record is not None}
    known.update((rec.rel, rec) for rec in memory.context_records(files, fresh))
    ctx = make_context((known[rel] for rel in files if rel in known),
                       unloaded_ids(rel for rel in files if is_context_file(rel) and rel not in known), folders)
    for r in fresh.values():
        run_local(ctx, r)

    # 2. every other file to read: read, check, local rules
    todo = [(rel, files[rel][0]) for rel in changed if rel not in fresh]
    fresh.update((r.rel, r) for r in check_many(root_real, ctx, todo, parallel))

    # 3. the files not read again: their stored results; their local rules again when the
    # context changed; their references again when what references may point at changed
    # (or for the archive, whose index answers lookups and backlinks), and while a folder cannot
    # be listed (FS115 counts the references into it over every file)
    recheck = not memory.context_holds or need_archive or bool(folders) or memory.offers_changed(fresh)
    kept = memory.kept(files, fresh, not memory.context_holds or need_archive, recheck, known)
    if not memory.context_holds:
        for r in kept:
            run_local(ctx, r)
    by_rel = {r.rel: r for r in kept}
    by_rel.update(fresh)
    results = [by_rel[rel] for rel in files if rel in by_rel]

    # 4. the rules across files, on the index of every record's summary
    index = Index([(r.rel, r.kind, r.id, r.summary) for r in results if r.summary is not None],
                  unloaded_ids(r.rel for r in results if r.unloaded), ctx.forbund_present, ctx.settings,
                  root_real, folders)
    records = {r.rel: r.record for r in results if r.record is not None}
    text_of = read_text_of(records, files)
    for r in results:
        if recheck or r.rel in fresh:
            r.references = []
    for f in cross_findings(index, text_of, (reference_rule,)):
        by_rel[f.file].references.append(f)
    cross = cross_findings(index, text_of, tuple(rule for rule in CROSS if rule is not check_references))

    findings = [f for r in results for f in r.all_findings()] + cross
    findings.sort(key=Finding.sort_key)
    archive = Archive(root, list(records.values()), ctx, index, findings, len(files)) if need_archive else None
    outcome = Outcome(findings, results, fresh, recheck, cross, ctx, index, archive)
    memory.save(files, outcome)
    return outcome


def load_archive(root: Path) -> Archive:
    """Load and validate every record below root, without the cache. Raises NotARecordsFolder."""
    root = Path(root)
    if not is_records_folder(root):
        raise NotARecordsFolder(str(root))
    return validate(root, scan_files(root)).archive

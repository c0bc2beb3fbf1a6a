"""Validation of a whole records folder: load, schema, domain rules, positions."""

from __future__ import annotations

from pathlib import Path

from .archive import Archive
from .findings import Finding
from .loader import load_files
from .locate import LineIndex
from .rules import ALL
from .schema import KINDS
from .schemacheck import RefUse, check_record


def load_archive(root: Path) -> Archive:
    """Load and validate every record below root. Raises NotARecordsFolder."""
    loaded = load_files(Path(root))
    findings: list[Finding] = list(loaded.findings)
    refs: list[RefUse] = []
    for rec in loaded.records:
        check_record(rec, KINDS[rec.kind], findings, refs)
    archive = Archive(loaded.root, loaded.records, findings, refs, loaded.unloaded)
    archive.files_checked = loaded.files_seen
    for rule in ALL:
        findings.extend(rule(archive))
    place_findings(archive)
    return archive


# Findings about a key itself (not its value) point at the key.
KEY_CODES = {"FS102", "FS104"}


def place_findings(archive: Archive) -> None:
    """Turn key paths into lines and columns and attach the source line; sort."""
    texts: dict[str, LineIndex] = {}
    for f in archive.findings:
        rec = archive.by_rel.get(f.file)
        if f.line is None and rec is not None:
            pos = rec.locator.find(f.path, value=f.code not in KEY_CODES)
            f.line, f.column = pos if pos else (1, 1)
        if f.line is not None and f.source_line is None:
            index = rec.locator if rec is not None else texts.get(f.file)
            if index is None and f.file in archive.unloaded:
                index = texts[f.file] = LineIndex(archive.unloaded[f.file])
            if index is not None:
                f.source_line = index.line_text(f.line)
    archive.findings.sort(key=Finding.sort_key)


def counts(findings: list[Finding]) -> dict[str, int]:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    return {"errors": errors, "warnings": warnings, "files": len({f.file for f in findings})}

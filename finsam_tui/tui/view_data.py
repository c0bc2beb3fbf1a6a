"""What the views show, derived once per load: the file list (cheap, known first), the
archive and its findings (after validation), and small indexes the views share.

Nothing here imports Textual; the views read a Model and never the disk.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.check.findings import counts
from finsam_tui.core.records.layout import classify_rel, ref_of
from finsam_tui.core.text import iso


def fingerprint(files: dict) -> str:
    """The stat fingerprint of a scan_files() result: changes when any file is added,
    removed, resized, touched or replaced (ctime and inode: a copy that keeps the mtime too)."""
    h = hashlib.sha256()
    for rel, (_path, *stat) in sorted(files.items()):
        h.update(f"{rel}|{stat}\n".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class MeetingFile:
    organ: str
    year: str
    stem: str
    rel: str

    @property
    def id(self) -> str:
        return f"{self.organ}/{self.stem}"


def meeting_files(files: dict) -> dict[str, dict[str, list[MeetingFile]]]:
    """organ -> year -> meeting files (sorted by stem, i.e. by date), from the file list alone."""
    out: dict[str, dict[str, list[MeetingFile]]] = defaultdict(lambda: defaultdict(list))
    for rel in files:
        kind, mid, _problem = classify_rel(rel)
        if kind == "meeting":
            organ, stem = mid.split("/", 1)
            out[organ][stem[:4]].append(MeetingFile(organ, stem[:4], stem, rel))
    for years in out.values():
        for lst in years.values():
            lst.sort(key=lambda m: m.stem)
    return out


class Model:
    """The records folder as the views see it. archive is None until validation finished."""

    def __init__(self, root: Path, files: dict, settings: dict, result=None) -> None:
        self.root = root
        self.files = files
        self.result = result
        self.archive = result.archive if result is not None else None
        self.findings = list(result.findings) if result is not None else []
        self.settings = self.archive.settings if self.archive is not None else settings
        self.meeting_files = meeting_files(files)
        by_file: dict[str, list] = defaultdict(list)
        for f in self.findings:
            by_file[f.file].append(f)
        self.problems_by_file = {rel: counts(found) for rel, found in by_file.items()}
        total = counts(self.findings)
        self.errors, self.warnings = total["errors"], total["warnings"]

    @property
    def loaded(self) -> bool:
        return self.archive is not None

    # -- names --------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        name = self.settings.get("name")
        return name if isinstance(name, str) else ""

    def organ_name(self, organ: str) -> str:
        if self.archive is not None:
            return str(self.archive.organ_name(organ))
        for o in self.settings.get("organs", []) or []:
            if isinstance(o, dict) and o.get("id") == organ and isinstance(o.get("name"), str):
                return o["name"]
        return organ

    def organ_order(self) -> list[str]:
        """The organs in the order of forbund.toml, then any other organ that has meetings."""
        order = [o["id"] for o in self.settings.get("organs", []) or []
                 if isinstance(o, dict) and isinstance(o.get("id"), str)]
        extra = sorted(o for o in self.meeting_files if o not in order)
        return [o for o in order if o in self.meeting_files] + extra + [o for o in order if o not in self.meeting_files]

    def problems(self, rel: str) -> tuple[int, int]:
        """(errors, warnings) in one file."""
        c = self.problems_by_file.get(rel)
        return (c["errors"], c["warnings"]) if c else (0, 0)

    def rel_to_ref(self, rel: str) -> str | None:
        """The reference of the record in a file (meeting id, person/x, org/x, insats/x, budget/Y)."""
        if self.archive is None:
            return None
        rec = self.archive.by_rel.get(rel)
        if rec is None:
            return None
        return ref_of(rec.kind, rec.id) if rec.kind != "forbund" else None


def period(start, end) -> str:
    if not start and not end:
        return ""
    return f"{iso(start)}–{iso(end)}"


class LazyModule:
    """A core module imported on first use: the first paint of the meeting list needs none
    of the lookups, and the worker thread imports them anyway while validating."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str):
        import importlib

        module = importlib.import_module(self._name)
        return getattr(module, attr)


lookup = LazyModule("finsam_tui.core.query.lookup")
results = LazyModule("finsam_tui.core.query.results")
views = LazyModule("finsam_tui.core.query.views")
registers = LazyModule("finsam_tui.core.query.registers")
person = LazyModule("finsam_tui.core.query.person")

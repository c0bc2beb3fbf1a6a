"""A compact index of the whole archive, built from per-file summaries.

Cross-file rules (references, § numbering, deciding §§) and reference resolution work
on this index only, so they can run over thousands of meetings from the cache without
loading the records themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from finsam_tui.core.io.scan import folder_covers
from finsam_tui.core.records.meetings import items
from finsam_tui.core.records.schema import SEAT_ROLES, SUBSTITUTE_ROLES


class Target(NamedTuple):
    """Something a reference can point at."""

    kind: str  # person, org, insats, meeting, budget, budgetline, paragraph
    id: str  # record id; for a paragraph the meeting id; for a budget line "year/line"
    rel: str | None  # file
    path: tuple = ()
    number: int | None = None
    letter: str | None = None

    @property
    def ref(self) -> str:
        if self.kind == "paragraph":
            return f"{self.id}/§{self.number}{self.letter or ''}"
        if self.kind in ("person", "org", "insats", "budget", "budgetline"):
            return f"{self.kind}/{self.id}"
        return self.id


def summarize(kind: str, rid: str, data: dict, refs: list[tuple]) -> dict:
    """What the index needs of one (schema-cleaned) record."""
    out: dict = {"refs": refs}
    if kind == "meeting":
        out["date"] = data.get("date") if isinstance(data.get("date"), dt.date) else None
        out["paras"] = [(e.number, e.letter, e.path) for e in items(data, referable=True)]
        out["bilagor"] = [(i, a["file"]) for i, a in enumerate(data.get("attachments", []))
                          if isinstance(a, dict) and isinstance(a.get("file"), str)]
    elif kind == "person":  # the seats held or substituted over time (vacancies are checked across files)
        out["seats"] = [(i, m.get("organ"), m.get("role"), m.get("on_behalf_of"), m.get("start"), m.get("end"))
                        for i, m in enumerate(data.get("memberships", []))
                        if m.get("role") in SEAT_ROLES + SUBSTITUTE_ROLES and isinstance(m.get("on_behalf_of"), str)]
    elif kind == "organisation":
        out["org"] = (data.get("name"), data.get("member_since"))
    elif kind == "budget":
        out["lines"] = [(line["id"], ("categories", i, "lines", j))
                        for i, cat in enumerate(data.get("categories", []))
                        for j, line in enumerate(cat.get("lines", [])) if "id" in line]
        out["versions"] = [(i, v.get("id"), v.get("kind"), v.get("date"), v.get("decided_by"))
                           for i, v in enumerate(data.get("versions", []))]
    return out


def offered(kind: str | None, rid: str | None, unloaded: bool, summary: dict | None) -> str | None:
    """What a file offers references to point at, as text: its kind and id, whether it could
    not be loaded, and for a meeting its date and § numbers, for a budget its line ids. While
    no file's offer changes (and the förbund settings do not), every other file's references
    resolve as before, so the cache re-checks only the changed files' references."""
    if kind is None and not unloaded:
        return None
    s = summary or {}
    paras = [(n, letter) for n, letter, _path in s.get("paras", ())]
    lines = [line_id for line_id, _path in s.get("lines", ())]
    return repr((kind, rid, unloaded, s.get("date"), paras, lines))


@dataclass
class MeetingInfo:
    id: str
    rel: str
    organ: str
    year: str
    date: dt.date | None
    paras: list  # [(number, letter, path)]
    bilagor: list = field(default_factory=list)  # [(i, file)]: the [[attachments]] that name a file


class Index:
    """entries: (rel, kind, id, summary) for every loaded record."""

    def __init__(self, entries, unloaded_ids: set[tuple[str, str]], forbund_present: bool, settings: dict,
                 root: str | None = None, unreadable_folders=()):
        self.root = root  # the real path of the records folder (the files a record names), if known
        self.unloaded_ids = unloaded_ids
        self.unreadable_folders = tuple(unreadable_folders)  # folders that could not be listed ("rel/")
        self.forbund_present = forbund_present
        self.settings = settings
        self.organ_ids = {o["id"] for o in settings.get("organs", []) if "id" in o}
        self.ids: dict[str, dict[str, str]] = defaultdict(dict)  # kind -> id -> rel
        self.meeting_info: dict[str, MeetingInfo] = {}
        self.refs_by_rel: list[tuple] = []  # (rel, [(path, target, value)])
        self.budget_versions: list[tuple] = []  # (rel, year, i, id, kind, date, decided_by)
        self._by_year: dict[tuple, list[MeetingInfo]] | None = None  # (organ, year) -> meetings, made when asked
        self.budget_lines: dict[tuple, list[Target]] = defaultdict(list)  # (year, line id)
        self.person_seats: dict[str, list[tuple]] = {}  # person id -> [(i, organ, role, org, start, end)]
        self.org_info: dict[str, tuple] = {}  # org id -> (name, member_since)
        for rel, kind, rid, s in entries:
            self.ids[kind][rid] = rel
            if s.get("refs"):
                self.refs_by_rel.append((rel, s["refs"]))
            if kind == "meeting":
                organ, stem = rid.split("/")
                self.meeting_info[rid] = MeetingInfo(rid, rel, organ, stem[:4], s.get("date"), s.get("paras", []),
                                                     s.get("bilagor", []))
            elif kind == "person":
                self.person_seats[rid] = s.get("seats", [])
            elif kind == "organisation":
                self.org_info[rid] = s.get("org", (None, None))
            elif kind == "budget":
                year = int(rid)
                for line_id, path in s.get("lines", ()):
                    self.budget_lines[(year, line_id)].append(Target("budgetline", f"{year}/{line_id}", rel, path))
                for v in s.get("versions", ()):
                    self.budget_versions.append((rel, year) + tuple(v))
        self.meetings_by_organ: dict[str, list[MeetingInfo]] = defaultdict(list)
        for info in self.meeting_info.values():
            self.meetings_by_organ[info.organ].append(info)
        for lst in self.meetings_by_organ.values():
            lst.sort(key=lambda m: (m.date or dt.date.min, m.id))

    # §§ are looked up through their meeting, not kept in a table of their own: an archive
    # of 2,000 meetings has some 25,000 of them and a validation run looks up a few hundred.

    def paragraph_targets(self, mid: str, number: int, letter: str | None) -> list[Target]:
        """The § number[letter] of the meeting mid (more than one when it is numbered twice)."""
        m = self.meeting_info.get(mid)
        if m is None:
            return []
        return [Target("paragraph", m.id, m.rel, path, n, lt) for n, lt, path in m.paras
                if n == number and lt == letter]

    def year_paragraph_targets(self, organ: str, year: str, number: int, letter: str | None) -> list[Target]:
        """The §§ number[letter] of the organ's meetings in year, by meeting date."""
        if self._by_year is None:
            self._by_year = defaultdict(list)
            for meetings in self.meetings_by_organ.values():  # (sorted by date)
                for m in meetings:
                    self._by_year[(m.organ, m.year)].append(m)
        return [t for m in self._by_year.get((organ, year), ()) for t in self.paragraph_targets(m.id, number, letter)]

    def all_paragraph_targets(self):
        """Every § of every meeting, meetings by organ and date (each § number once per meeting)."""
        for meetings in self.meetings_by_organ.values():
            for m in meetings:
                seen = set()
                for n, letter, path in m.paras:
                    if (n, letter) not in seen:
                        seen.add((n, letter))
                        yield Target("paragraph", m.id, m.rel, path, n, letter)

    def iter_refs(self):
        """(rel, path, target, value) of every reference in every record."""
        for rel, refs in self.refs_by_rel:
            for path, target, value in refs:
                yield rel, path, target, value

    def unreadable_folder_of(self, rel: str) -> str | None:
        """The folder that could not be listed in which rel (a file, or a folder ending in "/")
        lies: what is there is unknown. None when there is no such folder."""
        for folder in self.unreadable_folders:
            if folder_covers(folder, rel):
                return folder
        return None

    def meeting_date_of(self, mid: str) -> dt.date | None:
        info = self.meeting_info.get(mid)
        return info.date if info else None

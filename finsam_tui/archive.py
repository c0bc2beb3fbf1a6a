"""The loaded records of one förbund, indexed for the rules and lookups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding
from .loader import Record, classify
from .schema import FORBUND, SEAT_ROLES, Field
from .schemacheck import RefUse


def defaults(fields: tuple[Field, ...], data: dict) -> dict:
    """A copy of data with schema defaults filled in (one level of tables deep)."""
    out = dict(data)
    for f in fields:
        if f.type == "table":
            out[f.name] = defaults(f.fields, data.get(f.name, {}))
        elif f.name not in out and f.default is not None:
            out[f.name] = f.default
    return out


@dataclass
class Paragraph:
    meeting: Record
    path: tuple  # ("items", i) or ("items", i, "sub", j)
    number: int
    letter: str | None
    item: dict

    @property
    def ref(self) -> str:
        return f"{self.meeting.id}/§{self.number}{self.letter or ''}"


@dataclass
class BudgetLine:
    budget: Record
    path: tuple  # ("categories", i, "lines", j)
    line: dict
    category: dict


@dataclass
class Archive:
    root: Path
    records: list[Record]
    findings: list[Finding] = field(default_factory=list)
    refs: list[RefUse] = field(default_factory=list)
    unloaded: dict[str, str] = field(default_factory=dict)  # rel -> text of files not loaded as records
    files_checked: int = 0

    def __post_init__(self) -> None:
        self.by_rel = {r.rel: r for r in self.records}
        self.forbund: Record | None = None
        self.persons: dict[str, Record] = {}
        self.orgs: dict[str, Record] = {}
        self.insatser: dict[str, Record] = {}
        self.budgets: dict[int, Record] = {}
        self.meetings: dict[str, Record] = {}
        kinds = {"person": self.persons, "organisation": self.orgs, "insats": self.insatser, "meeting": self.meetings}
        for r in self.records:
            if r.kind == "forbund":
                self.forbund = r
            elif r.kind == "budget":
                self.budgets[int(r.id)] = r
            else:
                kinds[r.kind][r.id] = r
        # Records that exist as files but could not be loaded: references to them and checks
        # that need them are skipped rather than reported as a cascade of findings.
        self.unloaded_ids: set[tuple[str, str]] = set()
        for rel in self.unloaded:
            kind, rid, problem = classify(tuple(rel.split("/")))
            if kind and not problem:
                self.unloaded_ids.add((kind, rid))
        self.settings = defaults(FORBUND, self.forbund.data if self.forbund else {})
        self.organs: dict[str, dict] = {}
        for o in self.settings.get("organs", []):
            if "id" in o:
                self.organs.setdefault(o["id"], o)
        self._index_meetings()
        self._index_budgets()

    # -- meetings and paragraphs ------------------------------------------------------
    def _index_meetings(self) -> None:
        self.meetings_by_organ: dict[str, list[Record]] = defaultdict(list)
        for m in self.meetings.values():
            self.meetings_by_organ[m.id.split("/")[0]].append(m)
        for lst in self.meetings_by_organ.values():
            lst.sort(key=lambda r: (self.meeting_date(r) or dt.date.min, r.id))
        self.paragraphs: dict[tuple, list[Paragraph]] = defaultdict(list)  # (meeting id, n, letter)
        self.year_paragraphs: dict[tuple, list[Paragraph]] = defaultdict(list)  # (organ, year, n, letter)
        for organ, lst in self.meetings_by_organ.items():
            for m in lst:
                year = m.id.split("/")[1][:4]
                for p in self.paragraphs_of(m):
                    self.paragraphs[(m.id, p.number, p.letter)].append(p)
                    self.year_paragraphs[(organ, year, p.number, p.letter)].append(p)

    @staticmethod
    def meeting_date(m: Record) -> dt.date | None:
        d = m.data.get("date")
        return d if isinstance(d, dt.date) else None

    @staticmethod
    def paragraphs_of(m: Record):
        for i, item in enumerate(m.data.get("items", [])):
            n = item.get("number")
            if not isinstance(n, int):
                continue
            yield Paragraph(m, ("items", i), n, None, item)
            for j, sub in enumerate(item.get("sub", [])):
                if isinstance(sub.get("letter"), str):
                    yield Paragraph(m, ("items", i, "sub", j), n, sub["letter"], sub)

    def organ_name(self, organ_id: str) -> str:
        return self.organs.get(organ_id, {}).get("name", organ_id)

    # -- persons ----------------------------------------------------------------------
    def person_name(self, pid: str) -> str:
        p = self.persons.get(pid)
        return p.data.get("name", pid) if p else pid

    def memberships_on(self, pid: str, organ: str, date: dt.date) -> list[dict]:
        p = self.persons.get(pid)
        if p is None:
            return []
        return [m for m in p.data.get("memberships", []) if m.get("organ") == organ and active_on(m, date)]

    def seat_holders(self, organ: str, date: dt.date) -> dict[str, dict[str, list[str]]]:
        """org id -> {"ledamot": [person ids], "ersättare": [...]} on the date."""
        out: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"ledamot": [], "ersättare": []})
        for pid, p in self.persons.items():
            for m in p.data.get("memberships", []):
                if m.get("organ") != organ or not active_on(m, date) or "on_behalf_of" not in m:
                    continue
                role = m.get("role")
                if role in SEAT_ROLES:
                    out[m["on_behalf_of"]]["ledamot"].append(pid)
                elif role == "ersättare":
                    out[m["on_behalf_of"]]["ersättare"].append(pid)
        return out

    # -- budgets ----------------------------------------------------------------------
    def _index_budgets(self) -> None:
        self.budget_lines: dict[tuple[int, str], list[BudgetLine]] = defaultdict(list)
        for year, b in self.budgets.items():
            for i, cat in enumerate(b.data.get("categories", [])):
                for j, line in enumerate(cat.get("lines", [])):
                    if "id" in line:
                        self.budget_lines[(year, line["id"])].append(
                            BudgetLine(b, ("categories", i, "lines", j), line, cat))


def active_on(membership: dict, date: dt.date) -> bool:
    start = membership.get("start")
    end = membership.get("end")
    if isinstance(start, dt.date) and date < start:
        return False
    if isinstance(end, dt.date) and date > end:
        return False
    return True

"""The loaded records of one förbund, for lookups, export and the TUI.

An Archive holds every record (schema-cleaned data), the context (settings, organs,
persons, organisations), the cross-file index and the findings of validation.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.index import Index
from finsam_tui.core.io.load import Record
from finsam_tui.core.records.context import Context
from finsam_tui.core.records.meetings import items


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


class Archive:
    def __init__(self, root: Path, records: list[Record], ctx: Context, index: Index,
                 findings: list[Finding], files_checked: int):
        self.root = root
        self.records = records
        self.ctx = ctx
        self.index = index
        self.findings = findings
        self.files_checked = files_checked
        self.by_rel = {r.rel: r for r in records}
        self.forbund: Record | None = None
        self.persons: dict[str, Record] = {}
        self.orgs: dict[str, Record] = {}
        self.insatser: dict[str, Record] = {}
        self.budgets: dict[int, Record] = {}
        self.meetings: dict[str, Record] = {}
        kinds = {"person": self.persons, "organisation": self.orgs, "insats": self.insatser, "meeting": self.meetings}
        for r in records:
            if r.kind == "forbund":
                self.forbund = r
            elif r.kind == "budget":
                self.budgets[int(r.id)] = r
            else:
                kinds[r.kind][r.id] = r
        self.meetings_by_organ: dict[str, list[Record]] = defaultdict(list)
        for organ, infos in index.meetings_by_organ.items():
            self.meetings_by_organ[organ] = [self.meetings[i.id] for i in infos]

    # -- context --------------------------------------------------------------------
    @property
    def settings(self) -> dict:
        return self.ctx.settings

    @property
    def organs(self) -> dict[str, dict]:
        return self.ctx.organs

    def organ_name(self, organ_id: str) -> str:
        return self.ctx.organ_name(organ_id)

    def person_name(self, pid: str) -> str:
        return self.ctx.person_name(pid)

    def memberships_on(self, pid: str, organ: str, date: dt.date) -> list[dict]:
        return self.ctx.memberships_on(pid, organ, date)

    def seat_holders(self, organ: str, date: dt.date):
        return self.ctx.seat_holders(organ, date)

    # -- meetings -------------------------------------------------------------------
    @staticmethod
    def meeting_date(m: Record) -> dt.date | None:
        d = m.data.get("date")
        return d if isinstance(d, dt.date) else None

    @staticmethod
    def paragraphs_of(m: Record):
        """The §§ and sub-items of a meeting that a reference can name, in order."""
        for e in items(m.data, referable=True):
            yield Paragraph(m, e.path, e.number, e.letter, e.item)

"""The registers: every decision and every uppdrag (task) of the archive, filtered.

:func:`decisions` (the decision register: ``finsam decisions``, the TUI, and through
:func:`decision_entries` the exported register) and :func:`uppdrag` (``finsam uppdrag``,
a person's report, the TUI) return plain data sorted by meeting date, organ and §.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from finsam_tui.core.query.results import Link, as_date, as_strs, as_text, line_of, link
from finsam_tui.core.records.archive import Archive, Paragraph
from finsam_tui.core.records.meetings import organ_of

OPEN_STATES = ("ny", "pågående")


def has_decision(item: dict) -> bool:
    clauses = [c for c in item.get("decision", []) if isinstance(c, str) and c.strip()]
    return bool(clauses) or bool(str(item.get("decision_text", "")).strip())


def meetings_in(archive, year: int | None = None, organ: str | None = None):
    """The meetings of the year and organ (None: any)."""
    for m in archive.meetings.values():
        if year is not None:
            date = archive.meeting_date(m)
            if date is None or date.year != year:
                continue
        if organ is None or organ_of(m) == organ:
            yield m


def decision_entries(archive, year: int | None = None, organ: str | None = None) -> list[tuple]:
    """(meeting, number, letter, item) for every decision, sorted by date, organ, § and letter."""
    out = []
    for m in meetings_in(archive, year, organ):
        for p in archive.paragraphs_of(m):
            if has_decision(p.item) or p.item.get("outcome"):  # bordlagt, återremitterat: a decision too
                out.append((m, p.number, p.letter, p.item))
    out.sort(key=lambda e: (archive.meeting_date(e[0]) or dt.date.min, organ_of(e[0]), e[0].id, e[1], e[2] or ""))
    return out


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def decisions(archive: Archive, year: int | None = None, organ: str | None = None,
              query: str | None = None, with_lines: bool = True) -> list[dict]:
    """The register of decisions (decision_entries) as plain data; query filters on the
    title, the clauses and the decision text (case-insensitive). with_lines=False leaves
    "line" None (finding lines reads every meeting file)."""
    out = []
    for m, number, letter, item in decision_entries(archive, year, organ):
        p = Paragraph(m, (), number, letter, item)
        clauses = [c for c in as_strs(item.get("decision")) if c.strip()]
        entry = {"ref": p.ref, "meeting": m.id, "organ": organ_of(m), "organ_name": archive.organ_name(organ_of(m)),
                 "date": archive.meeting_date(m), "number": number, "letter": letter,
                 "title": as_text(item.get("title")), "item_kind": as_text(item.get("kind")),
                 "diarienummer": as_text(item.get("diarienummer")), "decision": clauses,
                 "decision_text": as_text(item.get("decision_text")).strip(), "file": m.rel,
                 "outcome": as_text(item.get("outcome")), "per_capsulam": as_date(item.get("per_capsulam"))}
        if query:
            hay = _fold(" ".join([entry["title"], entry["decision_text"], *clauses]))
            if _fold(query) not in hay:
                continue
        out.append(entry)
    paragraphs: dict[str, dict] = {}  # meeting -> (number, letter) -> first such §, built once per meeting
    for e in out:
        para = None
        if with_lines:
            if e["meeting"] not in paragraphs:
                table = paragraphs[e["meeting"]] = {}
                for p in archive.paragraphs_of(archive.meetings[e["meeting"]]):
                    table.setdefault((p.number, p.letter), p)
            para = paragraphs[e["meeting"]].get((e["number"], e["letter"]))
        e["line"] = line_of(archive.meetings[e["meeting"]], para.path) if para else None
    return out


@dataclass
class Uppdrag:
    """One task (uppdrag) given under a §."""

    ref: str  # the § it was given under
    meeting: str
    organ: str
    date: dt.date | None
    paragraph_title: str
    task: str
    responsible: str | None  # person id
    responsible_name: str
    due: dt.date | None
    status: str
    reported: Link | None
    file: str
    line: int | None
    open: bool = field(default=False)


def uppdrag(archive: Archive, open_only: bool = False, person: str | None = None, organ: str | None = None,
            year: int | None = None) -> list[Uppdrag]:
    """Every task, sorted by meeting date, §, order; open = status ny or pågående."""
    if person is not None and person.startswith("person/"):
        person = person[len("person/"):]
    out = []
    for m in meetings_in(archive, year, organ):
        date = archive.meeting_date(m)
        for p in archive.paragraphs_of(m):
            for k, t in enumerate(p.item.get("tasks", [])):
                if not isinstance(t, dict):
                    continue
                status = as_text(t.get("status")) or "ny"
                resp = t.get("responsible") if isinstance(t.get("responsible"), str) else None
                if open_only and status not in OPEN_STATES:
                    continue
                if person is not None and resp != person:
                    continue
                reported = t.get("reported")
                out.append(Uppdrag(
                    p.ref, m.id, organ_of(m), date, as_text(p.item.get("title")), as_text(t.get("task")).strip(), resp,
                    archive.person_name(resp) if resp else "", as_date(t.get("due")), status,
                    link(archive, reported, "paragraph_or_meeting") if isinstance(reported, str) else None,
                    m.rel, line_of(m, p.path + ("tasks", k)), status in OPEN_STATES))
    out.sort(key=lambda u: (u.date or dt.date.min, u.organ, u.meeting, _para_key(u.ref)))
    return out


def _para_key(ref: str) -> tuple:
    m = re.search(r"§(\d+)([a-z]?)$", ref)
    return (int(m.group(1)), m.group(2)) if m else (0, "")

"""The reference syntax (see docs/format.md) and its resolution against an archive.

    person/<id>  org/<id>  insats/<id>  budget/<year>  budget/<year>/<line>
    <organ>/<stem>           a meeting, e.g. styrelse/2022-06-17
    <organ>/<stem>/§<n>[x]   a § of that meeting
    <organ>/<year>/§<n>[x]   a § by calendar year (per_år numbering)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .archive import Archive
from .schemacheck import suggestion

_ID = r"[a-z0-9][a-z0-9-]*"
_STEM = r"\d{4}-\d{2}-\d{2}(?:-[a-z0-9][a-z0-9-]*)?"
_PARA = r"§\s?(?P<num>\d+)(?P<letter>[a-z])?"
REF_RE = re.compile(
    rf"^(?:(?P<simple>person|org|insats)/(?P<sid>{_ID})"
    rf"|budget/(?P<byear>\d{{4}})(?:/(?P<bline>{_ID}))?"
    rf"|(?P<organ>{_ID})/(?:(?P<stem>{_STEM})|(?P<year>\d{{4}}))(?:/{_PARA})?)$"
)


@dataclass(frozen=True)
class Ref:
    kind: str  # person, org, insats, budget, budgetline, meeting, paragraph
    text: str
    id: str = ""  # person/org/insats id, meeting id, organ for year-§
    year: int | None = None
    line: str | None = None
    number: int | None = None
    letter: str | None = None
    by_year: bool = False


def parse_ref(text: str) -> Ref | None:
    m = REF_RE.match(text.strip())
    if not m:
        return None
    g = m.groupdict()
    if g["simple"]:
        return Ref(g["simple"], text, id=g["sid"])
    if g["byear"]:
        if g["bline"]:
            return Ref("budgetline", text, year=int(g["byear"]), line=g["bline"])
        return Ref("budget", text, year=int(g["byear"]))
    number = int(g["num"]) if g["num"] else None
    letter = g["letter"]
    if g["stem"]:
        mid = f"{g['organ']}/{g['stem']}"
        if number is None:
            return Ref("meeting", text, id=mid)
        return Ref("paragraph", text, id=mid, number=number, letter=letter)
    if number is None:
        return None  # "styrelse/2022" names no single thing
    return Ref("paragraph", text, id=g["organ"], year=int(g["year"]), number=number, letter=letter, by_year=True)


TARGET_NAMES = {
    "person": {"sv": "person", "en": "person"},
    "org": {"sv": "medlemsorganisation", "en": "member organisation"},
    "organ": {"sv": "organ", "en": "organ"},
    "insats": {"sv": "insats", "en": "insats"},
    "budget": {"sv": "budget", "en": "budget"},
    "budgetline": {"sv": "budgetrad", "en": "budget line"},
    "meeting": {"sv": "möte", "en": "meeting"},
    "paragraph": {"sv": "paragraf", "en": "paragraph"},
}


@dataclass
class Resolution:
    ref: Ref | None
    targets: list  # Records, Paragraphs or BudgetLines
    code: str | None = None  # FS201 / FS202 / FS203 when it fails
    params: dict | None = None


def resolve(archive: Archive, text: str, want: str = "any") -> Resolution:
    """Resolve a free reference. want narrows the accepted kinds (paragraph, budgetline, …)."""
    ref = parse_ref(text)
    allowed = {
        "any": None, "paragraph": {"paragraph"}, "budgetline": {"budgetline"},
        "paragraph_or_meeting": {"paragraph", "meeting"}, "meeting": {"meeting"},
    }.get(want)
    if ref is None or (allowed is not None and ref.kind not in allowed):
        return Resolution(ref, [], "FS202", {"ref": text})
    targets: list = []
    options: list[str] = []
    if ref.kind == "person":
        targets, options = _one(archive.persons, ref.id)
    elif ref.kind == "org":
        targets, options = _one(archive.orgs, ref.id)
    elif ref.kind == "insats":
        targets, options = _one(archive.insatser, ref.id)
    elif ref.kind == "budget":
        b = archive.budgets.get(ref.year)
        targets = [b] if b else []
        options = [f"budget/{y}" for y in archive.budgets]
    elif ref.kind == "budgetline":
        targets = archive.budget_lines.get((ref.year, ref.line), [])
        options = [f"budget/{y}/{line}" for (y, line) in archive.budget_lines]
    elif ref.kind == "meeting":
        targets, options = _one(archive.meetings, ref.id)
    elif ref.kind == "paragraph":
        if ref.by_year:
            targets = archive.year_paragraphs.get((ref.id, str(ref.year), ref.number, ref.letter), [])
            if len(targets) > 1:
                return Resolution(ref, targets, "FS203", {"ref": text, "count": len(targets), "organ": ref.id})
        else:
            targets = archive.paragraphs.get((ref.id, ref.number, ref.letter), [])[:1]
        options = [p[0].ref for p in archive.paragraphs.values() if p]
    if not targets:
        return Resolution(ref, [], "FS201", {"ref": text, "target": TARGET_NAMES[ref.kind],
                                             "suggest": suggestion(text, options)})
    return Resolution(ref, targets)


def _one(table: dict, key: str):
    rec = table.get(key)
    return ([rec] if rec else []), list(table)

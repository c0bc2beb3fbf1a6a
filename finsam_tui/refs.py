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
    targets = _targets(archive, ref)
    if ref.kind == "paragraph" and ref.by_year and len(targets) > 1:
        return Resolution(ref, targets, "FS203", {"ref": text, "count": len(targets), "organ": ref.id})
    if not targets:
        return Resolution(ref, [], "FS201", {"ref": text, "target": TARGET_NAMES[ref.kind],
                                             "suggest": suggestion(text, _options(archive, ref))})
    return Resolution(ref, targets[:1] if ref.kind == "paragraph" else targets)


def _targets(archive: Archive, ref: Ref) -> list:
    if ref.kind in _TABLES:
        rec = getattr(archive, _TABLES[ref.kind]).get(ref.id)
        return [rec] if rec else []
    if ref.kind == "budget":
        return [archive.budgets[ref.year]] if ref.year in archive.budgets else []
    if ref.kind == "budgetline":
        return archive.budget_lines.get((ref.year, ref.line), [])
    if ref.by_year:
        return archive.year_paragraphs.get((ref.id, str(ref.year), ref.number, ref.letter), [])
    return archive.paragraphs.get((ref.id, ref.number, ref.letter), [])


def _options(archive: Archive, ref: Ref) -> list[str]:
    """Every valid reference of the same kind, for the nearest-match hint (only on failure)."""
    if ref.kind in _TABLES:
        prefix = "" if ref.kind == "meeting" else ref.kind + "/"
        return [prefix + k for k in getattr(archive, _TABLES[ref.kind])]
    if ref.kind == "budget":
        return [f"budget/{y}" for y in archive.budgets]
    if ref.kind == "budgetline":
        return [f"budget/{y}/{line}" for (y, line) in archive.budget_lines]
    return [p[0].ref for p in archive.paragraphs.values() if p]


_TABLES = {"person": "persons", "org": "orgs", "insats": "insatser", "meeting": "meetings"}

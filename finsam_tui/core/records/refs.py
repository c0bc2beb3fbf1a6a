"""The reference syntax (see docs/format.md) and its resolution against an archive.

    person/<id>  org/<id>  insats/<id>  budget/<year>  budget/<year>/<line>
    <organ>/<stem>           a meeting, e.g. styrelse/2022-06-17
    <organ>/<stem>/§<n>[x]   a § of that meeting
    <organ>/<year>/§<n>[x]   a § by calendar year (per_år numbering)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from finsam_tui.core.check.index import Index, Target
from finsam_tui.core.check.schema_check import suggestion
from finsam_tui.core.i18n.findings import Phrase

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


# What a reference names, in the words of FS201 (core/i18n/findings.py).
TARGET_NAMES = {kind: Phrase(f"target_{kind}")
                for kind in ("person", "org", "organ", "insats", "budget", "budgetline", "meeting", "paragraph")}


@dataclass
class Resolution:
    ref: Ref | None
    targets: list[Target]
    code: str | None = None  # FS201 / FS202 / FS203 when it fails
    params: dict | None = None


_WANT = {"any": None, "paragraph": {"paragraph"}, "budgetline": {"budgetline"},
         "paragraph_or_meeting": {"paragraph", "meeting"}, "meeting": {"meeting"}}
_KIND_OF = {"person": "person", "org": "organisation", "insats": "insats", "meeting": "meeting"}


def resolve(index: Index, text: str, want: str = "any") -> Resolution:
    """Resolve a free reference against the index. want narrows the accepted kinds."""
    ref = parse_ref(text)
    allowed = _WANT.get(want)
    if ref is None or (allowed is not None and ref.kind not in allowed):
        return Resolution(ref, [], "FS202", {"ref": text})
    targets = _targets(index, ref)
    if ref.kind == "paragraph" and ref.by_year and len(targets) > 1:
        return Resolution(ref, targets, "FS203", {"ref": text, "count": len(targets), "organ": ref.id})
    if not targets:
        return Resolution(ref, [], "FS201", {"ref": text, "target": TARGET_NAMES[ref.kind],
                                             "suggest": suggestion(text, _options(index, ref))})
    return Resolution(ref, targets[:1] if ref.kind == "paragraph" else targets)


def _targets(index: Index, ref: Ref) -> list[Target]:
    if ref.kind in _KIND_OF:
        rel = index.ids[_KIND_OF[ref.kind]].get(ref.id)
        return [Target(ref.kind, ref.id, rel)] if rel else []
    if ref.kind == "budget":
        rel = index.ids["budget"].get(str(ref.year))
        return [Target("budget", str(ref.year), rel)] if rel else []
    if ref.kind == "budgetline":
        return index.budget_lines.get((ref.year, ref.line), [])
    if ref.by_year:
        return index.year_paragraph_targets(ref.id, str(ref.year), ref.number, ref.letter)
    return index.paragraph_targets(ref.id, ref.number, ref.letter)


def _options(index: Index, ref: Ref) -> list[str]:
    """Every valid reference of the same kind, for the nearest-match hint (only on failure)."""
    if ref.kind in _KIND_OF:
        prefix = "" if ref.kind == "meeting" else ref.kind + "/"
        return [prefix + k for k in index.ids[_KIND_OF[ref.kind]]]
    if ref.kind == "budget":
        return [f"budget/{y}" for y in index.ids["budget"]]
    if ref.kind == "budgetline":
        return [f"budget/{y}/{line}" for (y, line) in index.budget_lines]
    return [t.ref for t in index.all_paragraph_targets()]

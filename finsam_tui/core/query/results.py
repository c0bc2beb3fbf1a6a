"""What every query result is built from: names and briefs of records, resolved links.

Pure functions on an :class:`~finsam_tui.core.records.archive.Archive`: a meeting's title,
the § a key path lies in, a key path's line, a file's problem counts, briefs of persons and
organisations, a reference resolved to what it names (:class:`Link`), and :func:`plain`,
which makes any result JSON-ready. The views, backlinks, registers and the person report
(and ``finsam show/refs/person/decisions/uppdrag``, the TUI) use them. No words live here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from finsam_tui.core.check.findings import counts
from finsam_tui.core.check.index import Target
from finsam_tui.core.io.load import Record
from finsam_tui.core.query.lookup import Query, target_ref
from finsam_tui.core.records.archive import Archive, Paragraph
from finsam_tui.core.records.meetings import organ_of
from finsam_tui.core.records.refs import resolve


# -- values as written ---------------------------------------------------------------
def as_text(value) -> str:
    return value if isinstance(value, str) else ""


def as_date(value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def as_strs(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# -- small helpers on records ---------------------------------------------------------
def meeting_title(archive: Archive, m: Record) -> str:
    date = archive.meeting_date(m)
    return f"{archive.organ_name(organ_of(m))} {date.isoformat() if date else m.id.split('/', 1)[1]}"


def paragraph_at(m: Record, path: tuple) -> Paragraph | None:
    """The § (or sub-item) a key path inside a meeting lies in."""
    if len(path) < 2 or path[0] != "items" or not isinstance(path[1], int):
        return None
    items = m.data.get("items", [])
    if path[1] >= len(items):
        return None
    item = items[path[1]]
    n = item.get("number")
    if not isinstance(n, int):
        return None
    if len(path) >= 4 and path[2] == "sub" and isinstance(path[3], int):
        subs = item.get("sub", [])
        if path[3] < len(subs) and isinstance(subs[path[3]].get("letter"), str):
            return Paragraph(m, path[:4], n, subs[path[3]]["letter"], subs[path[3]])
    return Paragraph(m, path[:2], n, None, item)


def find_paragraph(archive: Archive, mid: str, number: int, letter: str | None) -> Paragraph | None:
    m = archive.meetings.get(mid)
    if m is None:
        return None
    for p in archive.paragraphs_of(m):
        if p.number == number and p.letter == letter:
            return p
    return None


def line_of(record: Record, path: tuple) -> int | None:
    """The line of a key path's value in the record's file (None if the file cannot be read)."""
    try:
        pos = record.locator.find(path, value=True)
    except OSError:
        return None
    return pos[0] if pos else None


def problems(archive: Archive, rel: str) -> dict:
    """Counts of the findings in one file: {"errors", "warnings"}."""
    c = counts([f for f in archive.findings if f.file == rel])
    return {"errors": c["errors"], "warnings": c["warnings"]}


def person_brief(archive: Archive, pid) -> dict | None:
    if not isinstance(pid, str):
        return None
    return {"id": pid, "ref": f"person/{pid}", "name": archive.person_name(pid), "known": pid in archive.persons}


def org_name(archive: Archive, oid) -> str:
    if not isinstance(oid, str):
        return ""
    rec = archive.orgs.get(oid)
    return as_text(rec.data.get("name")) or oid if rec else oid


def org_brief(archive: Archive, oid) -> dict | None:
    if not isinstance(oid, str):
        return None
    return {"id": oid, "ref": f"org/{oid}", "name": org_name(archive, oid), "known": oid in archive.orgs}


def budget_line(archive: Archive, t: Target) -> dict:
    """The budget line a resolved budgetline target points at ({} when it is gone)."""
    b = archive.budgets.get(int(t.id.split("/")[0]))
    if b is None or len(t.path) != 4:
        return {}
    try:
        return b.data["categories"][t.path[1]]["lines"][t.path[3]]
    except (KeyError, IndexError, TypeError):
        return {}


# -- outgoing references, resolved to names --------------------------------------------
@dataclass
class Link:
    """A reference as written, with what it resolves to."""

    text: str  # as written
    ref: str | None  # canonical, None when it resolves to nothing
    kind: str | None  # person, org, insats, budget, budgetline, meeting, paragraph
    title: str = ""  # the name or title of the target
    date: dt.date | None = None  # the meeting's date, for a meeting or a §
    context: str = ""  # for a §: its meeting ("Styrelsen 2023-04-14"); for a budget line: "Budget 2023"


def link(archive: Archive, text: str, want: str = "any") -> Link:
    res = resolve(archive.index, text, want)
    if not res.targets:
        return Link(text, None, res.ref.kind if res.ref else None)
    t = res.targets[0]
    out = Link(text, target_ref(t), t.kind)
    if t.kind == "person":
        out.title = archive.person_name(t.id)
    elif t.kind == "org":
        out.title = org_name(archive, t.id)
    elif t.kind == "insats":
        rec = archive.insatser.get(t.id)
        out.title = as_text(rec.data.get("name")) if rec else t.id
    elif t.kind == "budget":
        out.title = f"Budget {t.id}"
    elif t.kind == "budgetline":
        out.title = as_text(budget_line(archive, t).get("name")) or t.id
        out.context = f"Budget {t.id.split('/')[0]}"
    elif t.kind in ("meeting", "paragraph"):
        m = archive.meetings.get(t.id)
        if m is not None:
            out.date = archive.meeting_date(m)
            if t.kind == "meeting":
                out.title = meeting_title(archive, m)
            else:
                out.context = meeting_title(archive, m)
                p = find_paragraph(archive, t.id, t.number, t.letter)
                out.title = as_text(p.item.get("title")) if p else ""
    return out


def title_of(archive: Archive, q: Query) -> str:
    """The name or title of what a query names (person name, § title, "Styrelsen 2023-06-09" …)."""
    if q.kind == "organ":
        return archive.organ_name(q.id)
    return link(archive, q.ref).title


# -- JSON --------------------------------------------------------------------------------
def plain(value):
    """Dataclasses, tuples and dates as JSON-ready data (dates as ISO strings)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value

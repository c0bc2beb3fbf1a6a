"""Backlinks: everything in the archive that refers to a record, a §, an organ or a budget line.

:func:`backlinks` takes what :func:`~finsam_tui.core.query.lookup.lookup` resolved (or the
typed text) and returns :class:`Backlink` entries: the referring record or §, the role of
the link (a key of ``core/i18n/lookups.py`` ROLES: chair, adjuster, ref, task_reported …),
its date, title, file and line. A meeting includes the references to its §§; a § those to
its sub-items; a budget those to its lines. ``finsam refs`` and the TUI's reference list
render them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from finsam_tui.core.check.index import Target
from finsam_tui.core.io.load import Record
from finsam_tui.core.query.lookup import Query, lookup, target_ref
from finsam_tui.core.query.results import as_date, as_text, line_of, meeting_title, paragraph_at
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.keypaths import value_at
from finsam_tui.core.records.layout import ref_of
from finsam_tui.core.records.refs import parse_ref, resolve


@dataclass
class Backlink:
    """One place that refers to the looked-up thing."""

    source: str  # the referring record or §: styrelse/2023-06-09/§27, styrelse/2023-06-09, person/x, budget/2023
    source_kind: str  # paragraph, meeting, person, budget, insats
    date: dt.date | None  # of the meeting; a membership's start; a budget version's date
    role: str  # key of the link's role (lookup_labels ROLES): chair, adjuster, ref, task_reported, …
    title: str  # § title, "Styrelsen 2023-06-09", person name, budget version label, insats name
    target: str  # what exactly is referred to (canonical), e.g. a § of the meeting looked up
    value: str  # the reference as written
    file: str
    line: int | None
    path: tuple = ()
    detail: str = ""  # the task, the reservation's text, the membership's role, a replaced person's name …


_MEETING_ROLES = {
    ("chair",): "chair", ("secretary",): "secretary", ("adjusters",): "adjuster", ("organ",): "organ",
    ("attendance", "voting"): "voting", ("attendance", "serving", "person"): "serving",
    ("attendance", "serving", "replaces"): "replaced", ("attendance", "substitutes"): "substitute",
    ("attendance", "absent"): "absent", ("attendance", "coopted"): "coopted", ("attendance", "others"): "other",
    ("second_secretary",): "secretary", ("attendance", "remote"): "remote",
    ("attendance", "changes", "person"): "attendance_change", ("justering", "signers", "person"): "signer",
    ("anslag", "signed_by"): "anslag_signer",
}
_ITEM_ROLES = {
    ("refs",): "ref", ("reservations", "person"): "reservation", ("jav", "person"): "jav",
    ("jav", "chair"): "jav_chair", ("tasks", "responsible"): "task_responsible",
    ("tasks", "reported"): "task_reported",
    ("motions", "by"): "motion", ("vote", "for"): "vote", ("vote", "against"): "vote", ("vote", "abstained"): "vote",
    ("notes_for_record", "person"): "note_for_record", ("serving", "person"): "serving",
    ("serving", "replaces"): "replaced",
}
_OTHER_ROLES = {
    ("person", ("memberships", "organ")): "membership", ("person", ("memberships", "on_behalf_of")): "on_behalf_of",
    ("budget", ("versions", "decided_by")): "version_decided", ("budget", ("income", "member")): "income",
    ("insats", ("owner",)): "owner", ("insats", ("budget_lines",)): "budget_line",
    ("insats", ("steering_group",)): "steering_group", ("insats", ("decided_by",)): "insats_decided",
}


def role_of(kind: str, path: tuple) -> str:
    """The role key of a reference at a key path in a record of a kind."""
    keys = tuple(p for p in path if isinstance(p, str))
    if kind == "meeting":
        if keys and keys[0] == "items":
            tail = tuple(k for k in keys if k not in ("items", "sub"))
            return _ITEM_ROLES.get(tail, "ref")
        return _MEETING_ROLES.get(keys, "ref")
    return _OTHER_ROLES.get((kind, keys), "ref")


def _candidate(q: Query, r) -> bool:
    """Could the parsed free reference r point at the query? (cheap; resolution confirms)"""
    if q.kind in ("person", "org", "insats"):
        return r.kind == q.kind and r.id == q.id
    if q.kind == "budget":
        return r.kind in ("budget", "budgetline") and str(r.year) == q.id
    if q.kind == "budgetline":
        return r.kind == "budgetline" and f"{r.year}/{r.line}" == q.id
    if q.kind in ("meeting", "paragraph"):
        organ, stem = q.id.split("/", 1)
        if r.kind == "meeting":
            return q.kind == "meeting" and r.id == q.id
        if r.kind != "paragraph":
            return False
        same = r.id == q.id or (r.by_year and r.id == organ and str(r.year) == stem[:4])
        if q.kind == "meeting":
            return same
        return same and r.number == q.number and (q.letter is None or r.letter == q.letter)
    return False


def _covers(q: Query, t: Target) -> bool:
    if q.kind in ("person", "org", "insats"):
        return t.kind == q.kind and t.id == q.id
    if q.kind == "budget":
        return (t.kind == "budget" and t.id == q.id) or (t.kind == "budgetline" and t.id.split("/")[0] == q.id)
    if q.kind == "budgetline":
        return t.kind == "budgetline" and t.id == q.id
    if q.kind == "meeting":
        return t.kind in ("meeting", "paragraph") and t.id == q.id
    if q.kind == "paragraph":
        return (t.kind == "paragraph" and t.id == q.id and t.number == q.number
                and (q.letter is None or t.letter == q.letter))
    return False


def _match(archive: Archive, q: Query, field_target: str, value: str) -> str | None:
    """The canonical target the reference points at, when it is (part of) the query; else None."""
    if field_target in ("person", "org", "organ"):
        return q.ref if field_target == q.kind and value == q.id else None
    r = parse_ref(value)
    if r is None or not _candidate(q, r):
        return None
    for t in resolve(archive.index, value, field_target).targets:
        if _covers(q, t):
            return target_ref(t)
    return None


def backlinks(archive: Archive, ref: str | Query) -> list[Backlink]:
    """Everything that refers to the thing ref names (RefError when ref names nothing).

    A meeting includes the references to its §§; a § the references to its sub-items;
    a budget the references to its lines."""
    q = ref if isinstance(ref, Query) else lookup(archive, ref)
    out: list[Backlink] = []
    for rel, path, field_target, value in archive.index.iter_refs():
        target = _match(archive, q, field_target, value)
        if target is None:
            continue
        rec = archive.by_rel.get(rel)
        if rec is None:
            continue
        out.append(_backlink(archive, rec, tuple(path), target, value))
    out.sort(key=lambda b: (b.date is None, b.date or dt.date.min, b.source, b.line or 0))
    return out


def _backlink(archive: Archive, rec: Record, path: tuple, target: str, value: str) -> Backlink:
    role = role_of(rec.kind, path)
    date: dt.date | None = None
    detail = ""
    if rec.kind == "meeting":
        date = archive.meeting_date(rec)
        p = paragraph_at(rec, path)
        if p is not None:
            source, source_kind, title = p.ref, "paragraph", as_text(p.item.get("title"))
            detail = _item_detail(archive, p.item, path[len(p.path):])
        else:
            source, source_kind, title = rec.id, "meeting", meeting_title(archive, rec)
            if role in ("serving", "replaced"):
                other = value_at(rec.data, path[:-1] + ("replaces" if role == "serving" else "person",))
                detail = archive.person_name(other) if isinstance(other, str) else ""
    else:
        source, source_kind = ref_of(rec.kind, rec.id), rec.kind
        if rec.kind == "person":
            title = archive.person_name(rec.id)
            m = value_at(rec.data, path[:2])
            if isinstance(m, dict):
                date = as_date(m.get("start"))
                detail = " ".join(x for x in (as_text(m.get("role")), as_text(m.get("organ"))) if x)
        elif rec.kind == "budget":
            title = f"Budget {rec.id}"
            if role == "version_decided":
                v = value_at(rec.data, path[:2])
                if isinstance(v, dict):
                    title = as_text(v.get("label")) or as_text(v.get("id")) or title
                    date = as_date(v.get("date"))
                    detail = as_text(v.get("id"))
        elif rec.kind == "insats":
            title = as_text(rec.data.get("name")) or rec.id
        else:
            title = rec.id
        if date is None and "/" in target and not target.startswith(("person/", "org/", "insats/", "budget/")):
            date = archive.index.meeting_date_of(target.split("/§")[0])
    line = line_of(rec, path)
    return Backlink(source, source_kind, date, role, title, target, value, rec.rel, line, path, detail)


def _item_detail(archive: Archive, item: dict, rest: tuple) -> str:
    """The task, the reservation's text or the jäv person for a reference inside an item."""
    if len(rest) >= 2 and isinstance(rest[1], int):
        entry = value_at(item, rest[:2])
        if isinstance(entry, dict):
            if rest[0] == "tasks":
                return as_text(entry.get("task")).strip()
            if rest[0] == "reservations":
                return as_text(entry.get("text")).strip()
            if rest[0] == "jav" and rest[2:] == ("chair",):
                return archive.person_name(entry["person"]) if isinstance(entry.get("person"), str) else ""
    return ""

"""Cross-references and lookups over an Archive: backlinks, records in readable form,
a person's report and the registers of decisions and uppdrag.

Pure functions on an :class:`~finsam_tui.core.records.archive.Archive` that return plain data
(dataclasses, dicts, lists, str, int, dates). ``finsam show/refs/person/decisions/uppdrag``
render them as text or JSON, and the TUI will reuse them. No words live here: roles,
attendance groups and kinds are keys, put into Swedish or English by
``finsam_tui/core/i18n/lookups.py``. Nothing here imports Textual.

A lookup starts with :func:`lookup`, which turns what the user typed (``person/anna-x``,
a bare person id, ``org/x``, ``styrelse``, ``styrelse/2023-04-14``, ``styrelse/2023/§17``,
``budget/2023``, ``budget/2023/line``, ``insats/x``) into a :class:`Query`, or raises
:class:`RefError` (malformed, unknown with the nearest match, ambiguous, unreadable).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from finsam_tui.core.check.index import Target
from finsam_tui.core.io.load import Record
from finsam_tui.core.records.archive import Archive, Paragraph
from finsam_tui.core.records.keypaths import value_at
from finsam_tui.core.records.layout import rel_of
from finsam_tui.core.records.refs import parse_ref, resolve

OPEN_STATES = ("ny", "pågående")
_BARE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


# =====================================================================================
# the query
# =====================================================================================
@dataclass(frozen=True)
class Query:
    """One thing to look up, in canonical form."""

    kind: str  # person, org, organ, insats, meeting, paragraph, budget, budgetline
    ref: str  # person/x, org/x, styrelse, insats/x, styrelse/2023-06-09, styrelse/2023-06-09/§27, budget/2023, …
    id: str  # person/org/organ/insats id; meeting id (meeting, paragraph); "2023" (budget); "2023/line"
    number: int | None = None
    letter: str | None = None


class RefError(Exception):
    """What the user typed names nothing.

    code: ``malformed`` (usage), ``unknown`` (nearest: the closest valid reference or
    None), ``ambiguous`` (options: the candidates), ``unreadable`` (the file exists but
    could not be read; rel names it).
    """

    def __init__(self, code: str, text: str, nearest: str | None = None, options: list[str] | None = None,
                 rel: str | None = None):
        super().__init__(f"{code}: {text}")
        self.code = code
        self.text = text
        self.nearest = nearest
        self.options = options or []
        self.rel = rel


def lookup(archive: Archive, text: str) -> Query:
    """The Query for a reference, a bare id (person, organisation, organ, insats) or organ/<id>."""
    t = text.strip()
    idx = archive.index
    if t.startswith("organ/"):
        t = t[len("organ/"):]
        if t in archive.organs:
            return Query("organ", t, t)
        raise RefError("unknown", t, _closest(t, sorted(archive.organs)))
    if _BARE.match(t) and not t.isdigit():
        for kind, table in (("person", archive.persons), ("org", archive.orgs), ("organ", archive.organs),
                            ("insats", archive.insatser)):
            if t in table:
                return Query(kind, t if kind == "organ" else f"{kind}/{t}", t)
        if ("person", t) in idx.unloaded_ids:
            raise RefError("unreadable", t, rel=rel_of("person", t))
        options = ([f"person/{p}" for p in sorted(archive.persons)] + [f"org/{o}" for o in sorted(archive.orgs)]
                   + sorted(archive.organs) + [f"insats/{i}" for i in sorted(archive.insatser)])
        bare = {o.split("/")[-1]: o for o in options}
        close = _closest(t, list(bare))
        raise RefError("unknown", t, bare[close] if close else None)
    ref = parse_ref(t)
    if ref is None:
        raise RefError("malformed", t)
    res = resolve(idx, t)
    if res.code == "FS203":
        raise RefError("ambiguous", t, options=[target_ref(x) for x in res.targets])
    if res.targets:
        x = res.targets[0]
        if x.kind == "paragraph":
            return Query("paragraph", target_ref(x), x.id, x.number, x.letter)
        return Query(x.kind, target_ref(x), x.id)
    unread = _unreadable(ref)
    if unread and unread in idx.unloaded_ids:
        raise RefError("unreadable", t, rel=rel_of(*unread))
    raise RefError("unknown", t, _nearest(archive, ref))


def _unreadable(ref) -> tuple[str, str] | None:
    if ref.kind in ("person", "insats"):
        return ref.kind, ref.id
    if ref.kind == "org":
        return "organisation", ref.id
    if ref.kind in ("budget", "budgetline"):
        return "budget", str(ref.year)
    if ref.kind == "meeting" or (ref.kind == "paragraph" and not ref.by_year):
        return "meeting", ref.id
    return None


def _closest(word: str, options: list[str]) -> str | None:
    """The option most like word: by spelling, as a prefix, or word by word (anna → annika-berglof)."""
    if not options:
        return None

    def ratio(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    def score(option: str) -> float:
        words = [w for w in re.split(r"[-/]", word) if w]
        parts = [w for w in re.split(r"[-/]", option) if w]
        by_word = sum(max((ratio(w, p) for p in parts), default=0.0) for w in words) / max(len(words), 1)
        return max(ratio(word, option), ratio(word, option[:len(word)]), by_word)

    return max(options, key=lambda o: (score(o), -options.index(o)))


def _nearest(archive: Archive, ref) -> str | None:
    """The valid reference closest to one that names nothing."""
    idx = archive.index
    if ref.kind in ("person", "org", "insats"):
        table = {"person": archive.persons, "org": archive.orgs, "insats": archive.insatser}[ref.kind]
        close = _closest(ref.id, sorted(table))
        return f"{ref.kind}/{close}" if close else None
    if ref.kind == "budget":
        years = sorted(archive.budgets)
        return f"budget/{min(years, key=lambda y: (abs(y - ref.year), y))}" if years else None
    if ref.kind == "budgetline":
        same = sorted(line for (y, line) in idx.budget_lines if y == ref.year)
        if same:
            return f"budget/{ref.year}/{_closest(ref.line, same)}"
        every = sorted(f"budget/{y}/{line}" for (y, line) in idx.budget_lines)
        return _closest(ref.text, every)
    if ref.kind == "meeting":
        return nearest_meeting(archive, ref.id)
    # a paragraph: the closest number in the same meeting, else in the organ's year
    if ref.by_year:
        infos = [m for m in idx.meetings_by_organ.get(ref.id, []) if m.year == str(ref.year)]
    elif ref.id in idx.meeting_info:
        infos = [idx.meeting_info[ref.id]]
    else:
        organ, stem = ref.id.split("/", 1)
        infos = [m for m in idx.meetings_by_organ.get(organ, []) if m.year == stem[:4]]
    paras = [Target("paragraph", m.id, m.rel, path, n, letter) for m in infos for n, letter, path in m.paras]
    if paras:
        best = min(paras, key=lambda t: (abs(t.number - ref.number), (t.letter or "") != (ref.letter or ""),
                                         t.number, t.letter or ""))
        return target_ref(best)
    every = [target_ref(t) for t in idx.all_paragraph_targets()]
    return _closest(ref.text, every)


def nearest_meeting(archive: Archive, mid: str) -> str | None:
    """The meeting closest in date (same organ first, then the earlier), else the closest id by spelling."""
    if not archive.meetings:
        return None
    organ, stem = mid.split("/", 1)
    try:
        wanted = dt.date.fromisoformat(stem[:10])
    except ValueError:
        wanted = None
    pool = archive.meetings_by_organ.get(organ) or list(archive.meetings.values())
    dated = [m for m in pool if archive.meeting_date(m)]
    if wanted is not None and dated:
        return min(dated, key=lambda m: (abs((archive.meeting_date(m) - wanted).days), archive.meeting_date(m),
                                         m.id)).id
    return _closest(mid, sorted(archive.meetings))


def target_ref(t: Target) -> str:
    """The canonical reference of a resolved target (budget lines as budget/<year>/<line>)."""
    if t.kind == "budgetline":
        return f"budget/{t.id}"
    return t.ref


# =====================================================================================
# small helpers on records
# =====================================================================================
def organ_of(m: Record) -> str:
    organ = m.data.get("organ")
    return organ if isinstance(organ, str) else m.id.split("/")[0]


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


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _date(value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _strs(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def problems(archive: Archive, rel: str) -> dict:
    """Counts of the findings in one file."""
    errors = sum(1 for f in archive.findings if f.file == rel and f.severity == "error")
    warnings = sum(1 for f in archive.findings if f.file == rel and f.severity == "warning")
    return {"errors": errors, "warnings": warnings}


def person_brief(archive: Archive, pid) -> dict | None:
    if not isinstance(pid, str):
        return None
    return {"id": pid, "ref": f"person/{pid}", "name": archive.person_name(pid), "known": pid in archive.persons}


def org_name(archive: Archive, oid) -> str:
    if not isinstance(oid, str):
        return ""
    rec = archive.orgs.get(oid)
    return _text(rec.data.get("name")) or oid if rec else oid


def org_brief(archive: Archive, oid) -> dict | None:
    if not isinstance(oid, str):
        return None
    return {"id": oid, "ref": f"org/{oid}", "name": org_name(archive, oid), "known": oid in archive.orgs}


def _budget_line(archive: Archive, t: Target) -> dict:
    b = archive.budgets.get(int(t.id.split("/")[0]))
    if b is None or len(t.path) != 4:
        return {}
    try:
        return b.data["categories"][t.path[1]]["lines"][t.path[3]]
    except (KeyError, IndexError, TypeError):
        return {}


# =====================================================================================
# outgoing references, resolved to names
# =====================================================================================
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
        out.title = _text(rec.data.get("name")) if rec else t.id
    elif t.kind == "budget":
        out.title = f"Budget {t.id}"
    elif t.kind == "budgetline":
        out.title = _text(_budget_line(archive, t).get("name")) or t.id
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
                out.title = _text(p.item.get("title")) if p else ""
    return out


def title_of(archive: Archive, q: Query) -> str:
    """The name or title of what a query names (person name, § title, "Styrelsen 2023-06-09" …)."""
    if q.kind == "organ":
        return archive.organ_name(q.id)
    return link(archive, q.ref).title


# =====================================================================================
# backlinks
# =====================================================================================
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
}
_ITEM_ROLES = {
    ("refs",): "ref", ("reservations", "person"): "reservation", ("jav", "person"): "jav",
    ("jav", "chair"): "jav_chair", ("tasks", "responsible"): "task_responsible",
    ("tasks", "reported"): "task_reported",
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
            source, source_kind, title = p.ref, "paragraph", _text(p.item.get("title"))
            detail = _item_detail(archive, p.item, path[len(p.path):])
        else:
            source, source_kind, title = rec.id, "meeting", meeting_title(archive, rec)
            if role in ("serving", "replaced"):
                other = value_at(rec.data, path[:-1] + ("replaces" if role == "serving" else "person",))
                detail = archive.person_name(other) if isinstance(other, str) else ""
    else:
        source, source_kind = f"{_source_prefix(rec.kind)}{rec.id}", rec.kind
        if rec.kind == "person":
            title = archive.person_name(rec.id)
            m = value_at(rec.data, path[:2])
            if isinstance(m, dict):
                date = _date(m.get("start"))
                detail = " ".join(x for x in (_text(m.get("role")), _text(m.get("organ"))) if x)
        elif rec.kind == "budget":
            title = f"Budget {rec.id}"
            if role == "version_decided":
                v = value_at(rec.data, path[:2])
                if isinstance(v, dict):
                    title = _text(v.get("label")) or _text(v.get("id")) or title
                    date = _date(v.get("date"))
                    detail = _text(v.get("id"))
        elif rec.kind == "insats":
            title = _text(rec.data.get("name")) or rec.id
        else:
            title = rec.id
        if date is None and "/" in target and not target.startswith(("person/", "org/", "insats/", "budget/")):
            date = archive.index.meeting_date_of(target.split("/§")[0])
    line = line_of(rec, path)
    return Backlink(source, source_kind, date, role, title, target, value, rec.rel, line, path, detail)


def _source_prefix(kind: str) -> str:
    return {"person": "person/", "organisation": "org/", "insats": "insats/", "budget": "budget/"}.get(kind, "")


def _item_detail(archive: Archive, item: dict, rest: tuple) -> str:
    """The task, the reservation's text or the jäv person for a reference inside an item."""
    if len(rest) >= 2 and isinstance(rest[1], int):
        entry = value_at(item, rest[:2])
        if isinstance(entry, dict):
            if rest[0] == "tasks":
                return _text(entry.get("task")).strip()
            if rest[0] == "reservations":
                return _text(entry.get("text")).strip()
            if rest[0] == "jav" and rest[2:] == ("chair",):
                return archive.person_name(entry["person"]) if isinstance(entry.get("person"), str) else ""
    return ""


# =====================================================================================
# show: one record or § in readable form
# =====================================================================================
def show(archive: Archive, ref: str | Query) -> dict:
    """A record or § as plain data, its outgoing references resolved to names."""
    q = ref if isinstance(ref, Query) else lookup(archive, ref)
    if q.kind == "paragraph":
        return show_paragraph(archive, q)
    if q.kind == "meeting":
        return show_meeting(archive, archive.meetings[q.id])
    if q.kind == "person":
        return show_person(archive, archive.persons[q.id])
    if q.kind == "org":
        return show_org(archive, archive.orgs[q.id])
    if q.kind == "insats":
        return show_insats(archive, archive.insatser[q.id])
    if q.kind == "budget":
        return show_budget(archive, archive.budgets[int(q.id)])
    if q.kind == "budgetline":
        return show_budget_line(archive, q)
    return show_organ(archive, q.id)


def _base(archive: Archive, kind: str, ref: str, rec: Record, path: tuple = ()) -> dict:
    return {"kind": kind, "ref": ref, "file": rec.rel, "line": line_of(rec, path) if path else 1,
            "problems": problems(archive, rec.rel)}


def _links(archive: Archive, values, want: str = "any") -> list[dict]:
    return [dataclasses.asdict(link(archive, v, want)) for v in _strs(values)]


def paragraph_data(archive: Archive, p: Paragraph, full: bool = True) -> dict:
    item = p.item
    m = p.meeting
    out = _base(archive, "paragraph", p.ref, m, p.path)
    out.update({
        "meeting": {"ref": m.id, "organ": organ_of(m), "organ_name": archive.organ_name(organ_of(m)),
                    "date": archive.meeting_date(m), "title": meeting_title(archive, m)},
        "number": p.number, "letter": p.letter, "title": _text(item.get("title")),
        "item_kind": _text(item.get("kind")) or ("information" if p.letter is None else ""),
        "diarienummer": _text(item.get("diarienummer")),
        "background": _text(item.get("background")).strip(), "proposal": _text(item.get("proposal")).strip(),
        "decision": [c for c in _strs(item.get("decision")) if c.strip()],
        "decision_text": _text(item.get("decision_text")).strip(),
        "attachments": _strs(item.get("attachments")),
    })
    if not full:
        return out
    out["reservations"] = [{"person": person_brief(archive, r.get("person")), "text": _text(r.get("text")).strip()}
                           for r in item.get("reservations", []) if isinstance(r, dict)]
    out["jav"] = [{"person": person_brief(archive, j.get("person")), "chair": person_brief(archive, j.get("chair"))}
                  for j in item.get("jav", []) if isinstance(j, dict)]
    out["tasks"] = [_task_data(archive, t) for t in item.get("tasks", []) if isinstance(t, dict)]
    out["refs"] = _links(archive, item.get("refs"))
    if p.letter is None:
        out["sub"] = [{"ref": f"{m.id}/§{p.number}{s['letter']}", "letter": s["letter"],
                       "title": _text(s.get("title"))}
                      for s in item.get("sub", []) if isinstance(s.get("letter"), str)]
        out["parent"] = None
    else:
        parent = m.data["items"][p.path[1]]
        out["sub"] = []
        out["parent"] = {"ref": f"{m.id}/§{p.number}", "title": _text(parent.get("title"))}
    out["backlinks"] = len(backlinks(archive, Query("paragraph", p.ref, m.id, p.number, p.letter)))
    return out


def _task_data(archive: Archive, t: dict) -> dict:
    reported = t.get("reported")
    return {"task": _text(t.get("task")).strip(), "responsible": person_brief(archive, t.get("responsible")),
            "due": _date(t.get("due")), "status": _text(t.get("status")) or "ny",
            "reported": dataclasses.asdict(link(archive, reported, "paragraph_or_meeting"))
            if isinstance(reported, str) else None}


def show_paragraph(archive: Archive, q: Query) -> dict:
    p = find_paragraph(archive, q.id, q.number, q.letter)
    if p is None:  # cannot happen for a resolved query, unless the archive changed
        raise RefError("unknown", q.ref)
    return paragraph_data(archive, p)


def show_meeting(archive: Archive, m: Record) -> dict:
    d = m.data
    out = _base(archive, "meeting", m.id, m)
    att = d.get("attendance", {}) if isinstance(d.get("attendance"), dict) else {}
    justering = d.get("justering", {}) if isinstance(d.get("justering"), dict) else {}
    anslag = d.get("anslag", {}) if isinstance(d.get("anslag"), dict) else {}
    others = []
    for o in att.get("others", []):
        if isinstance(o, str):
            others.append(person_brief(archive, o))
        elif isinstance(o, dict):
            others.append({"id": None, "ref": None, "name": _text(o.get("name")), "role": _text(o.get("role")),
                           "known": False})
    out.update({
        "organ": organ_of(m), "organ_name": archive.organ_name(organ_of(m)), "title": meeting_title(archive, m),
        "meeting_kind": _text(d.get("kind")) or "ordinarie", "date": archive.meeting_date(m),
        "start": _text(d.get("start")), "end": _text(d.get("end")), "place": _text(d.get("place")),
        "state": _text(d.get("state")), "diarienummer": _text(d.get("diarienummer")),
        "chair": person_brief(archive, d.get("chair")), "secretary": person_brief(archive, d.get("secretary")),
        "adjusters": [person_brief(archive, a) for a in _strs(d.get("adjusters"))],
        "attendance": {
            "voting": [person_brief(archive, x) for x in _strs(att.get("voting"))],
            "serving": [{**person_brief(archive, s.get("person")), "replaces": person_brief(archive, s.get("replaces"))}
                        for s in att.get("serving", []) if isinstance(s, dict) and isinstance(s.get("person"), str)],
            "substitutes": [person_brief(archive, x) for x in _strs(att.get("substitutes"))],
            "absent": [person_brief(archive, x) for x in _strs(att.get("absent"))],
            "coopted": [person_brief(archive, x) for x in _strs(att.get("coopted"))],
            "others": others,
        },
        "justering": {"date": _date(justering.get("date")), "place": _text(justering.get("place"))},
        "anslag": {"posted": _date(anslag.get("posted")), "removed": _date(anslag.get("removed"))},
        "next_meeting": _date(d.get("next_meeting")),
        "notes": _text(d.get("notes")).strip(),
        "paragraphs": [{"ref": p.ref, "number": p.number, "letter": p.letter, "title": _text(p.item.get("title")),
                        "item_kind": _text(p.item.get("kind")), "decision": has_decision(p.item),
                        "tasks": len(p.item.get("tasks", []))}
                       for p in archive.paragraphs_of(m)],
    })
    return out


def memberships(archive: Archive, rec: Record) -> list[dict]:
    """A person's memberships, sorted by start, with organ and organisation names."""
    out = []
    for i, m in enumerate(rec.data.get("memberships", [])):
        if not isinstance(m, dict):
            continue
        out.append({"organ": _text(m.get("organ")), "organ_name": archive.organ_name(_text(m.get("organ"))),
                    "role": _text(m.get("role")), "on_behalf_of": org_brief(archive, m.get("on_behalf_of")),
                    "start": _date(m.get("start")), "end": _date(m.get("end")),
                    "voting": m.get("voting") if isinstance(m.get("voting"), bool) else None,
                    "call_order": m.get("call_order"), "line": line_of(rec, ("memberships", i))})
    out.sort(key=lambda x: (x["start"] or dt.date.min, x["organ"], x["role"]))
    return out


def show_person(archive: Archive, rec: Record) -> dict:
    d = rec.data
    out = _base(archive, "person", f"person/{rec.id}", rec)
    out.update({"id": rec.id, "name": archive.person_name(rec.id), "title": _text(d.get("title")),
                "organisation": _text(d.get("organisation")), "email": _text(d.get("email")),
                "memberships": memberships(archive, rec)})
    return out


def show_org(archive: Archive, rec: Record) -> dict:
    d = rec.data
    out = _base(archive, "org", f"org/{rec.id}", rec)
    reps = []
    for pid, p in sorted(archive.persons.items()):
        for m in memberships(archive, p):
            if m["on_behalf_of"] and m["on_behalf_of"]["id"] == rec.id:
                reps.append({"person": person_brief(archive, pid), **{k: m[k] for k in
                                                                      ("organ", "organ_name", "role", "start", "end")}})
    reps.sort(key=lambda r: (r["start"] or dt.date.min, r["organ"], r["person"]["name"]))
    owned = [{"ref": f"insats/{iid}", "name": _text(i.data.get("name")) or iid}
             for iid, i in sorted(archive.insatser.items()) if i.data.get("owner") == rec.id]
    out.update({"id": rec.id, "name": org_name(archive, rec.id), "org_kind": _text(d.get("kind")),
                "short": _text(d.get("short")), "org_number": _text(d.get("org_number")),
                "contribution_key": d.get("contribution_key"), "member_since": _date(d.get("member_since")),
                "representatives": reps, "insatser": owned})
    return out


def show_insats(archive: Archive, rec: Record) -> dict:
    d = rec.data
    out = _base(archive, "insats", f"insats/{rec.id}", rec)
    decided = d.get("decided_by")
    out.update({
        "id": rec.id, "name": _text(d.get("name")) or rec.id, "description": _text(d.get("description")).strip(),
        "start": _date(d.get("start")), "end": _date(d.get("end")), "owner": org_brief(archive, d.get("owner")),
        "budget_lines": _links(archive, d.get("budget_lines"), "budgetline"),
        "steering_group": [person_brief(archive, x) for x in _strs(d.get("steering_group"))],
        "decided_by": dataclasses.asdict(link(archive, decided, "paragraph")) if isinstance(decided, str) else None,
        "statistics": [{k: s.get(k) for k in ("year", "women", "men", "new", "ended", "ended_reasons")}
                       for s in d.get("statistics", []) if isinstance(s, dict)],
    })
    return out


def _amount_sum(rows: list[dict], versions: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in versions:
        vals = [r["amounts"][v] for r in rows if isinstance(r.get("amounts"), dict) and v in r["amounts"]]
        if vals:
            out[v] = sum(vals)
    return out


def show_budget(archive: Archive, rec: Record) -> dict:
    d = rec.data
    year = int(rec.id)
    out = _base(archive, "budget", f"budget/{year}", rec)
    versions = []
    for v in d.get("versions", []):
        if isinstance(v, dict) and isinstance(v.get("id"), str):
            decided = v.get("decided_by")
            versions.append({"id": v["id"], "version_kind": _text(v.get("kind")),
                             "label": _text(v.get("label")) or v["id"], "date": _date(v.get("date")),
                             "decided_by": dataclasses.asdict(link(archive, decided, "paragraph"))
                             if isinstance(decided, str) else None})
    vids = [v["id"] for v in versions]
    income = [{"member": org_brief(archive, i.get("member")), "amounts": dict(i.get("amounts", {}))}
              for i in d.get("income", []) if isinstance(i, dict)]
    other = [{"id": _text(o.get("id")), "name": _text(o.get("name")), "amounts": dict(o.get("amounts", {}))}
             for o in d.get("other_income", []) if isinstance(o, dict)]
    categories = []
    for c in d.get("categories", []):
        if not isinstance(c, dict):
            continue
        lines = [{"id": _text(ln.get("id")), "ref": f"budget/{year}/{_text(ln.get('id'))}",
                  "name": _text(ln.get("name")), "amounts": dict(ln.get("amounts", {})), "note": _text(ln.get("note"))}
                 for ln in c.get("lines", []) if isinstance(ln, dict)]
        categories.append({"id": _text(c.get("id")), "name": _text(c.get("name")),
                           "category_kind": _text(c.get("kind")),
                           "lines": lines, "total": _amount_sum(lines, vids)})
    costs = _amount_sum([{"amounts": c["total"]} for c in categories], vids)
    incomes = _amount_sum(income + other, vids)
    out.update({"year": year, "equity_start": d.get("equity_start"), "note": _text(d.get("note")).strip(),
                "versions": versions, "income": income, "other_income": other, "categories": categories,
                "totals": {"income": incomes, "costs": costs,
                           "result": {v: incomes.get(v, 0) - costs.get(v, 0) for v in vids
                                      if v in incomes or v in costs}}})
    return out


def show_budget_line(archive: Archive, q: Query) -> dict:
    year, line_id = q.id.split("/", 1)
    t = archive.index.budget_lines[(int(year), line_id)][0]
    rec = archive.budgets[int(year)]
    cat = value_at(rec.data, t.path[:2]) or {}
    ln = _budget_line(archive, t)
    versions = {v.get("id"): v for v in rec.data.get("versions", []) if isinstance(v, dict)}
    amounts = [{"version": vid, "label": _text(versions.get(vid, {}).get("label")) or vid,
                "version_kind": _text(versions.get(vid, {}).get("kind")), "amount": amount}
               for vid, amount in (ln.get("amounts") or {}).items()]
    order = list(versions)
    amounts.sort(key=lambda a: order.index(a["version"]) if a["version"] in order else len(order))
    out = _base(archive, "budgetline", q.ref, rec, t.path)
    out.update({"year": int(year), "id": line_id, "name": _text(ln.get("name")) or line_id,
                "budget": f"budget/{year}", "category": {"id": _text(cat.get("id")), "name": _text(cat.get("name"))},
                "amounts": amounts, "note": _text(ln.get("note"))})
    return out


def show_organ(archive: Archive, organ: str) -> dict:
    o = archive.organs.get(organ, {})
    members = []
    for pid, p in sorted(archive.persons.items()):
        for m in memberships(archive, p):
            if m["organ"] == organ:
                members.append({"person": person_brief(archive, pid), "role": m["role"],
                                "on_behalf_of": m["on_behalf_of"], "start": m["start"], "end": m["end"]})
    members.sort(key=lambda r: (r["start"] or dt.date.min, r["person"]["name"]))
    meetings = [{"ref": m.id, "date": archive.meeting_date(m), "meeting_kind": _text(m.data.get("kind")) or "ordinarie",
                 "state": _text(m.data.get("state"))} for m in archive.meetings_by_organ.get(organ, [])]
    fb = archive.forbund
    out = {"kind": "organ", "ref": organ, "file": fb.rel if fb else "forbund.toml", "line": None,
           "problems": problems(archive, fb.rel) if fb else {"errors": 0, "warnings": 0},
           "id": organ, "name": _text(o.get("name")) or organ, "organ_kind": _text(o.get("kind")),
           "decides": bool(o.get("decides", True)), "members": members, "meetings": meetings}
    if fb is not None:
        idx = next((i for i, x in enumerate(archive.settings.get("organs", [])) if x.get("id") == organ), None)
        out["line"] = line_of(fb, ("organs", idx)) if idx is not None else None
    return out


# =====================================================================================
# a person's report
# =====================================================================================
GROUPS = ("voting", "serving", "substitute", "coopted", "other")


def person_report(archive: Archive, pid: str) -> dict:
    """Roles over time, meetings present and absent, chair/adjuster/secretary duties,
    reservations, jäv, uppdrag and steering groups of one person (RefError if unknown)."""
    if pid.startswith("person/"):
        pid = pid[len("person/"):]
    if pid not in archive.persons:
        if ("person", pid) in archive.index.unloaded_ids:
            raise RefError("unreadable", pid, rel=rel_of("person", pid))
        close = _closest(pid, sorted(archive.persons))
        raise RefError("unknown", pid, f"person/{close}" if close else None)
    rec = archive.persons[pid]
    present, absent, chair, adjuster, secretary, reservations, jav = [], [], [], [], [], [], []
    for m in sorted(archive.meetings.values(), key=lambda m: (archive.meeting_date(m) or dt.date.min, m.id)):
        d = m.data
        date = archive.meeting_date(m)
        base = {"ref": m.id, "date": date, "organ": organ_of(m), "title": meeting_title(archive, m), "file": m.rel}
        att = d.get("attendance", {}) if isinstance(d.get("attendance"), dict) else {}
        group = None
        if pid in _strs(att.get("voting")):
            group = "voting"
        elif any(isinstance(s, dict) and s.get("person") == pid for s in att.get("serving", [])):
            group = "serving"
        elif pid in _strs(att.get("substitutes")):
            group = "substitute"
        elif pid in _strs(att.get("coopted")):
            group = "coopted"
        elif pid in _strs(att.get("others")):
            group = "other"
        if group:
            replaces = next((s.get("replaces") for s in att.get("serving", [])
                             if isinstance(s, dict) and s.get("person") == pid), None)
            present.append({**base, "group": group,
                            "replaces": person_brief(archive, replaces) if group == "serving" else None})
        if pid in _strs(att.get("absent")):
            absent.append(base)
        if d.get("chair") == pid:
            chair.append({**base, "paragraph": None})
        if d.get("secretary") == pid:
            secretary.append(base)
        if pid in _strs(d.get("adjusters")):
            adjuster.append(base)
        for p in archive.paragraphs_of(m):
            pb = {**base, "ref": p.ref, "meeting": m.id, "title": _text(p.item.get("title"))}
            for r in p.item.get("reservations", []):
                if isinstance(r, dict) and r.get("person") == pid:
                    reservations.append({**pb, "text": _text(r.get("text")).strip()})
            for j in p.item.get("jav", []):
                if not isinstance(j, dict):
                    continue
                if j.get("person") == pid:
                    jav.append({**pb, "chair": person_brief(archive, j.get("chair"))})
                if j.get("chair") == pid:
                    chair.append({**pb, "paragraph": p.ref, "instead_of": person_brief(archive, j.get("person"))})
    steering = [{"ref": f"insats/{iid}", "name": _text(i.data.get("name")) or iid,
                 "start": _date(i.data.get("start")), "end": _date(i.data.get("end"))}
                for iid, i in sorted(archive.insatser.items()) if pid in _strs(i.data.get("steering_group"))]
    counts: dict[str, int] = {g: 0 for g in GROUPS}
    for x in present:
        counts[x["group"]] += 1
    return {
        "id": pid, "ref": f"person/{pid}", "name": archive.person_name(pid), "title": _text(rec.data.get("title")),
        "organisation": _text(rec.data.get("organisation")), "file": rec.rel,
        "memberships": memberships(archive, rec),
        "present": present, "absent": absent, "attendance": {**counts, "absent": len(absent)},
        "chair": chair, "adjuster": adjuster, "secretary": secretary,
        "reservations": reservations, "jav": jav,
        "uppdrag": uppdrag(archive, person=pid),
        "steering_groups": steering,
    }


# =====================================================================================
# registers: decisions and uppdrag
# =====================================================================================
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
            if has_decision(p.item):
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
        clauses = [c for c in _strs(item.get("decision")) if c.strip()]
        entry = {"ref": p.ref, "meeting": m.id, "organ": organ_of(m), "organ_name": archive.organ_name(organ_of(m)),
                 "date": archive.meeting_date(m), "number": number, "letter": letter,
                 "title": _text(item.get("title")), "item_kind": _text(item.get("kind")),
                 "diarienummer": _text(item.get("diarienummer")), "decision": clauses,
                 "decision_text": _text(item.get("decision_text")).strip(), "file": m.rel}
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
                status = _text(t.get("status")) or "ny"
                resp = t.get("responsible") if isinstance(t.get("responsible"), str) else None
                if open_only and status not in OPEN_STATES:
                    continue
                if person is not None and resp != person:
                    continue
                reported = t.get("reported")
                out.append(Uppdrag(
                    p.ref, m.id, organ_of(m), date, _text(p.item.get("title")), _text(t.get("task")).strip(), resp,
                    archive.person_name(resp) if resp else "", _date(t.get("due")), status,
                    link(archive, reported, "paragraph_or_meeting") if isinstance(reported, str) else None,
                    m.rel, line_of(m, p.path + ("tasks", k)), status in OPEN_STATES))
    out.sort(key=lambda u: (u.date or dt.date.min, u.organ, u.meeting, _para_key(u.ref)))
    return out


def _para_key(ref: str) -> tuple:
    m = re.search(r"§(\d+)([a-z]?)$", ref)
    return (int(m.group(1)), m.group(2)) if m else (0, "")


# =====================================================================================
# JSON
# =====================================================================================
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

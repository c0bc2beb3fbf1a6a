"""What the editor's reference fields can hold, and the labels of values and entries.

The choices of the pickers (every person, organisation, organ, meeting, §, budget line or
insats, labelled and searchable without accents), narrowed where a meeting's people must be
present or deciding; the label of one value ("Anna Lindqvist (anna-lindqvist)"); and the
one-line summary of an entry of an array of tables ("§7 Budget", a membership, a task …)
that the lists show.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from finsam_tui.core.i18n.editor import t
from finsam_tui.core.records.schema import Field

# -- matching without accents --------------------------------------------------------------------

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})


def fold(text: str) -> str:
    """Lowercase without accents, for matching: "Strömgren" -> "stromgren"."""
    s = unicodedata.normalize("NFKD", str(text).lower().translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))


# -- choices for the pickers -------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    search: str  # folded label, for matching

    @classmethod
    def of(cls, value: str, label: str) -> Choice:
        return cls(value, label, fold(f"{label} {value}"))


def matches(choice: Choice, query: str) -> bool:
    words = fold(query).split()
    return all(w in choice.search for w in words)


def _name(rec) -> str:
    return str(rec.data.get("name", rec.id))


def person_choices(archive) -> list[Choice]:
    if archive is None:
        return []
    people = sorted(archive.persons.values(), key=lambda r: (fold(_name(r)), r.id))
    return [Choice.of(r.id, f"{_name(r)} ({r.id})") for r in people]


def org_choices(archive) -> list[Choice]:
    if archive is None:
        return []
    orgs = sorted(archive.orgs.values(), key=lambda r: fold(_name(r)))
    return [Choice.of(r.id, f"{_name(r)} ({r.id})") for r in orgs]


def organ_choices(archive) -> list[Choice]:
    if archive is None:
        return []
    return [Choice.of(oid, f"{o.get('name', oid)} ({oid})") for oid, o in archive.organs.items()]


def meeting_label(archive, m) -> str:
    organ = m.id.split("/")[0]
    return f"{archive.organ_name(organ)} {m.id.split('/', 1)[1]}"


def meeting_choices(archive) -> list[Choice]:
    if archive is None:
        return []
    ms = sorted(archive.meetings.values(), key=lambda m: m.id.split("/", 1)[1], reverse=True)
    return [Choice.of(m.id, f"{m.id}  {meeting_label(archive, m)}") for m in ms]


def paragraph_choices(archive) -> list[Choice]:
    if archive is None:
        return []
    out = []
    ms = sorted(archive.meetings.values(), key=lambda m: m.id.split("/", 1)[1], reverse=True)
    for m in ms:
        for p in archive.paragraphs_of(m):
            out.append(Choice.of(p.ref, f"{p.ref}  {p.item.get('title', '')}"))
    return out


def budget_line_choices(archive) -> list[Choice]:
    if archive is None:
        return []
    out = []
    for year in sorted(archive.budgets, reverse=True):
        for cat in archive.budgets[year].data.get("categories", []):
            for line in cat.get("lines", []):
                if "id" in line:
                    ref = f"budget/{year}/{line['id']}"
                    out.append(Choice.of(ref, f"{ref}  {line.get('name', '')}"))
    return out


def any_choices(archive) -> list[Choice]:
    if archive is None:
        return []
    out = []
    for year in sorted(archive.budgets, reverse=True):
        out.append(Choice.of(f"budget/{year}", f"budget/{year}  Budget {year}"))
    out += budget_line_choices(archive)
    out += [Choice.of(f"insats/{r.id}", f"insats/{r.id}  {_name(r)}")
            for r in sorted(archive.insatser.values(), key=lambda r: fold(_name(r)))]
    out += meeting_choices(archive) + paragraph_choices(archive)
    out += [Choice.of(f"org/{c.value}", f"org/{c.value}  {c.label}") for c in org_choices(archive)]
    out += [Choice.of(f"person/{c.value}", f"person/{c.value}  {c.label}") for c in person_choices(archive)]
    return out


_PROVIDERS = {
    "person": person_choices,
    "org": org_choices,
    "organ": organ_choices,
    "meeting": meeting_choices,
    "paragraph": paragraph_choices,
    "paragraph_or_meeting": lambda a: paragraph_choices(a) + meeting_choices(a),
    "budgetline": budget_line_choices,
    "insats": lambda a: [Choice.of(f"insats/{r.id}", f"insats/{r.id}  {_name(r)}")
                         for r in sorted(a.insatser.values(), key=lambda r: fold(_name(r)))] if a else [],
    "any": any_choices,
}

_CACHE: dict[tuple[int, str], tuple[object, list[Choice]]] = {}


def choices_for(ref: str, archive) -> list[Choice]:
    """Every value a ref field of this target kind can take, labelled; cached per archive."""
    key = (id(archive), ref)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is archive:
        return hit[1]
    out = _PROVIDERS.get(ref, any_choices)(archive)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = (archive, out)
    return out


def present_people(meeting: dict) -> list[str]:
    """Person ids present at a meeting, in attendance order (not the absent)."""
    att = meeting.get("attendance", {}) if isinstance(meeting, dict) else {}
    out: list[str] = []
    for key in ("voting", "serving", "substitutes", "coopted", "others"):
        for entry in att.get(key, []) or []:
            pid = entry.get("person") if isinstance(entry, dict) and key == "serving" else entry
            if isinstance(pid, str) and pid not in out:
                out.append(pid)
    return out


def deciding_people(meeting: dict) -> list[str]:
    att = meeting.get("attendance", {}) if isinstance(meeting, dict) else {}
    out = [p for p in att.get("voting", []) or [] if isinstance(p, str)]
    out += [s.get("person") for s in att.get("serving", []) or [] if isinstance(s, dict) and s.get("person")]
    return out


# Fields of a meeting whose people must be present: the picker offers only those.
PRESENT_ONLY = {("adjusters",), ("chair",), ("jav", "person"), ("reservations", "person")}
DECIDING_ONLY = {("jav", "chair")}


def field_choices(kind: str, path: tuple, field: Field, data: dict, archive) -> tuple[list[Choice], str | None]:
    """The choices of the picker at path, and a note on how they were narrowed (or None)."""
    ref = field.ref or (field.item.ref if field.item is not None else None) or "any"
    choices = choices_for(ref, archive)
    if kind == "meeting" and ref == "person":
        names = [p for p in path if isinstance(p, str)]
        key = tuple(names[-2:]) if len(names) >= 2 and names[-2] in ("jav", "reservations") else (names[-1],)
        allowed = None
        if key in PRESENT_ONLY or (len(names) == 1 and names[0] in ("adjusters", "chair")):
            allowed = present_people(data)
        elif key in DECIDING_ONLY:
            allowed = deciding_people(data)
        if allowed:
            by_id = {c.value: c for c in choices}
            return [by_id.get(p) or Choice.of(p, p) for p in allowed], "picker.present_only"
    return choices, None


def label_of(ref: str, value, archive) -> str:
    """The label of one value of a ref field ("Anna Lindqvist (anna-lindqvist)")."""
    if not isinstance(value, str):
        return str(value)
    if archive is not None:
        if ref == "person" and value in archive.persons:
            return f"{_name(archive.persons[value])} ({value})"
        if ref == "org" and value in archive.orgs:
            return f"{_name(archive.orgs[value])} ({value})"
        if ref == "organ" and value in archive.organs:
            return f"{archive.organs[value].get('name', value)} ({value})"
    return value


def short_name(ref: str, value, archive) -> str:
    if archive is not None and isinstance(value, str):
        if ref == "person" and value in archive.persons:
            return _name(archive.persons[value])
        if ref == "org" and value in archive.orgs:
            return _name(archive.orgs[value])
        if ref == "organ" and value in archive.organs:
            return str(archive.organs[value].get("name", value))
    return str(value)


# -- entries of arrays of tables ---------------------------------------------------------------


def one_line(v) -> str:
    """A value as one line of text (a date as ISO, blanks and line breaks as single spaces)."""
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    return " ".join(str(v).split())


def entry_summary(name: str, entry: dict, archive, lang: str = "sv") -> str:
    """One line describing an entry of an array of tables, for the lists."""
    if not isinstance(entry, dict):
        return one_line(entry)
    g = entry.get
    person = lambda k: short_name("person", g(k), archive) if g(k) else "?"
    if name == "items":
        return f"§{one_line(g('number')) or '?'} {one_line(g('title'))}".rstrip()
    if name == "sub":
        return f"{one_line(g('letter')) or '?'}) {one_line(g('title'))}".rstrip()
    if name == "memberships":
        organ = short_name("organ", g("organ"), archive) if g("organ") else "?"
        period = f"{one_line(g('start'))}–{one_line(g('end'))}"
        return f"{organ} · {one_line(g('role')) or '?'} · {period}"
    if name == "organs":
        return f"{one_line(g('name')) or '?'} ({one_line(g('id'))})"
    if name == "versions":
        parts = (one_line(g("id")) or "?", one_line(g("kind")), one_line(g("label")), one_line(g("date")))
        return " · ".join(x for x in parts if x)
    if name == "income":
        amounts = g("amounts") if isinstance(g("amounts"), dict) else {}
        return f"{short_name('org', g('member'), archive) if g('member') else '?'} · " + ", ".join(
            f"{k} {v}" for k, v in list(amounts.items())[:3])
    if name in ("categories", "lines", "other_income"):
        extra = "" if name != "categories" else " · " + t("summary.lines", lang, n=len(g("lines") or []))
        return f"{one_line(g('name')) or '?'} ({one_line(g('id'))}){extra}"
    if name == "statistics":
        return t("summary.statistics", lang, year=one_line(g("year")) or "?", women=one_line(g("women")),
                 men=one_line(g("men")))
    if name == "tasks":
        text = one_line(g("task"))
        text = text[:40] + "…" if len(text) > 41 else text
        return f"{text} — {person('responsible')} ({one_line(g('status')) or 'ny'})"  # status: a Swedish domain term
    if name == "reservations":
        return f"{person('person')}: {one_line(g('text'))[:50]}"
    if name == "jav":
        chair = f" ({t('summary.chair', lang)} {person('chair')})" if g("chair") else ""
        return f"{person('person')}{chair}"
    if name == "corrections":
        what = one_line(g("what"))
        return f"{one_line(g('date')) or '?'} {person('by')}: {what[:40]}"
    if name == "serving":
        return f"{person('person')} → {person('replaces') if g('replaces') else t('summary.own_seat', lang)}"
    if name == "persons":  # the names a locked protocol printed: as it printed them
        return ", ".join(one_line(g(k)) for k in ("name", "role", "title", "org") if g(k)) or "?"
    if name == "seats":  # a board period's seat: its name or its organisations, and its numbers
        orgs = ", ".join(short_name("org", o, archive) for o in g("orgs") or [] if isinstance(o, str))
        numbers = t("summary.seat", lang, members=g("members") if isinstance(g("members"), int) else 1,
                    substitutes=g("substitutes") if isinstance(g("substitutes"), int) else 1)
        return f"{one_line(g('name')) or orgs or '?'} · {numbers}"
    scalars = [one_line(v) for v in entry.values() if not isinstance(v, (dict, list))]
    return " · ".join(x for x in scalars[:3] if x) or "…"

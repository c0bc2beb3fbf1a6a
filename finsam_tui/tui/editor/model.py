"""The editor's plain-Python side: data at key paths, validation of the edited data, the
choices of the pickers, summaries of entries, ids and file names of new records.

Nothing here imports Textual; the widgets in ``fields.py`` and the screens use it.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.pipeline import check_file, local_findings
from finsam_tui.core.i18n.catalogue import Count
from finsam_tui.core.i18n.editor import key_label, t
from finsam_tui.core.io.load import Record
from finsam_tui.core.io.tomledit import new_text, update_text
from finsam_tui.core.records.keypaths import value_at as get_at
from finsam_tui.core.records.layout import classify, meeting_id, meeting_suffix, path_of, rel_of, valid_id
from finsam_tui.core.records.schema import ITEM, KINDS, SUBITEM, Field

MISSING = object()


# -- data at key paths -------------------------------------------------------------------------


def del_at(data: dict, path: tuple) -> None:
    parent = get_at(data, path[:-1])
    if isinstance(parent, dict):
        parent.pop(path[-1], None)


def clean(data, baseline=MISSING):
    """A copy of data without the empty tables and lists the editor left behind, unless the
    baseline (the data as read) had them at the same place."""
    if isinstance(data, dict):
        out = {}
        for k, v in data.items():
            base = baseline.get(k, MISSING) if isinstance(baseline, dict) else MISSING
            cv = clean(v, base)
            if isinstance(cv, (dict, list)) and not cv and base is MISSING:
                continue
            out[k] = cv
        return out
    if isinstance(data, list):
        out_list = []
        for i, v in enumerate(data):
            base = baseline[i] if isinstance(baseline, list) and i < len(baseline) else MISSING
            out_list.append(clean(v, base) if isinstance(v, dict) else copy.deepcopy(v))
        return out_list
    return data


# -- reading and writing the text ------------------------------------------------------------


def render_text(original: str | None, data: dict) -> str:
    """The text to save: the original with only the differences changed, or a new file."""
    return new_text(data) if original is None else update_text(original, data)


# -- ids and places of records ---------------------------------------------------------------

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"})


def fold(text: str) -> str:
    """Lowercase without accents, for matching: "Strömgren" -> "stromgren"."""
    s = unicodedata.normalize("NFKD", str(text).lower().translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c))


def slug_id(name: str) -> str:
    """An id from a name: "Anna Lindqvist" -> "anna-lindqvist", "Region Mellanland" -> "region-mellanland"."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return s


@dataclass
class Place:
    kind: str
    id: str
    rel: str
    path: Path


def place_of(root: Path, kind: str, rid: str) -> Place:
    """Where a record of kind with id rid lives (a meeting's id is organ/stem)."""
    rid = "forbund" if kind == "forbund" else rid
    return Place(kind, rid, rel_of(kind, rid), path_of(root, kind, rid))


def meeting_place(root: Path, organ: str, date: dt.date, suffix: str = "") -> Place:
    return place_of(root, "meeting", meeting_id(organ, date, suffix))


def place_of_rel(root: Path, rel: str) -> Place | None:
    kind, rid, problem = classify(tuple(rel.split("/")))
    if kind is None or problem is not None:
        return None
    return Place(kind, rid, rel, Path(root) / rel)


def meeting_place_for(root: Path, place: Place, data: dict) -> Place | None:
    """Where a meeting with this data belongs (moten/<organ>/<year>/<date>[-suffix].toml),
    keeping the suffix of its current file name; None when its organ or date is not usable."""
    organ, date = data.get("organ"), data.get("date")
    if not isinstance(organ, str) or not valid_id(organ) or type(date) is not dt.date:
        return None
    return meeting_place(root, organ, date, meeting_suffix(place.id))


def initial_data(kind: str, name: str = "", year: int | None = None) -> dict:
    """The data a new record starts with (the form then shows what is still missing)."""
    if kind in ("person", "organisation", "insats"):
        return {"name": name}
    if kind == "budget":
        return {"year": year, "versions": [{"id": "budget", "kind": "budget", "label": f"Budget {year}"}]}
    return {}


# -- validation ----------------------------------------------------------------------------


def validate(kind: str, rid: str, rel: str, path: Path, data: dict, ctx, text: str | None) -> list[Finding]:
    """The findings the core gives for this data as one file: schema, identity numbers in the
    text and the record's local rules (with the archive's context)."""
    if text is None:
        try:
            text = new_text(data)
        except Exception:  # noqa: BLE001 - the text is only used to place findings
            text = ""
    rec = Record(kind, rid, rel, Path(path), text, copy.deepcopy(data))
    findings = list(check_file(rec).findings)
    if ctx is not None:
        try:
            findings.extend(local_findings(ctx, rec))
        except Exception:  # noqa: BLE001 - a rule must never break the editor
            pass
    return findings


def target_path(f: Finding) -> tuple:
    """The key path a finding is about: for a missing field, the field itself."""
    if f.code == "FS104":
        key = str(f.params.get("key", ""))
        name = re.sub(r"\[\d+\]$", "", key.rsplit(".", 1)[-1])
        return tuple(f.path) + (name,)
    return tuple(f.path)


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


def _s(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.date):
        return v.isoformat()
    return " ".join(str(v).split())


def entry_summary(name: str, entry: dict, archive, lang: str = "sv") -> str:
    """One line describing an entry of an array of tables, for the lists."""
    if not isinstance(entry, dict):
        return _s(entry)
    g = entry.get
    person = lambda k: short_name("person", g(k), archive) if g(k) else "?"
    if name == "items":
        return f"§{_s(g('number')) or '?'} {_s(g('title'))}".rstrip()
    if name == "sub":
        return f"{_s(g('letter')) or '?'}) {_s(g('title'))}".rstrip()
    if name == "memberships":
        organ = short_name("organ", g("organ"), archive) if g("organ") else "?"
        period = f"{_s(g('start'))}–{_s(g('end'))}"
        return f"{organ} · {_s(g('role')) or '?'} · {period}"
    if name == "organs":
        return f"{_s(g('name')) or '?'} ({_s(g('id'))})"
    if name == "versions":
        return " · ".join(x for x in (_s(g("id")) or "?", _s(g("kind")), _s(g("label")), _s(g("date"))) if x)
    if name == "income":
        amounts = g("amounts") if isinstance(g("amounts"), dict) else {}
        return f"{short_name('org', g('member'), archive) if g('member') else '?'} · " + ", ".join(
            f"{k} {v}" for k, v in list(amounts.items())[:3])
    if name in ("categories", "lines", "other_income"):
        n = Count(len(g("lines") or []))
        extra = "" if name != "categories" else f" · {n} {n:line|lines}" if lang == "en" else f" · {n} {n:rad|rader}"
        return f"{_s(g('name')) or '?'} ({_s(g('id'))}){extra}"
    if name == "statistics":
        return f"{_s(g('year')) or '?'}: {_s(g('women'))} kv, {_s(g('men'))} m" if lang != "en" else \
            f"{_s(g('year')) or '?'}: {_s(g('women'))} women, {_s(g('men'))} men"
    if name == "tasks":
        text = _s(g("task"))
        text = text[:40] + "…" if len(text) > 41 else text
        return f"{text} — {person('responsible')} ({_s(g('status')) or 'ny'})"  # status: a Swedish domain term
    if name == "reservations":
        return f"{person('person')}: {_s(g('text'))[:50]}"
    if name == "jav":
        chair = f" ({'chair' if lang == 'en' else 'ordf.'} {person('chair')})" if g("chair") else ""
        return f"{person('person')}{chair}"
    if name == "corrections":
        what = _s(g("what"))
        return f"{_s(g('date')) or '?'} {person('by')}: {what[:40]}"
    if name == "serving":
        return f"{person('person')} → {person('replaces')}"
    scalars = [_s(v) for v in entry.values() if not isinstance(v, (dict, list))]
    return " · ".join(x for x in scalars[:3] if x) or "…"


def consecutive(values: list) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values) and all(
        b == a + 1 for a, b in zip(values, values[1:]))


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letters_in_order(values: list) -> bool:
    return all(isinstance(v, str) for v in values) and list(values) == list(LETTERS[:len(values)])


def new_entry(name: str, entries: list[dict], index: int) -> dict:
    """A new entry for an array of tables, to be inserted at index (§ number or letter filled in)."""
    if name == "items":
        numbers = [e.get("number") for e in entries]
        if index > 0 and isinstance(numbers[index - 1], int):
            n = numbers[index - 1] + 1
        else:
            n = max((x for x in numbers if isinstance(x, int)), default=0) + 1
        return {"number": n}
    if name == "sub":
        return {"letter": LETTERS[min(index, len(LETTERS) - 1)]}
    return {}


def renumber(name: str, before: list, entries: list[dict], first=None) -> bool:
    """After an entry was added, moved or removed: keep §§ consecutive (and sub-items a, b, c…)
    when they were so before. Returns True when something was renumbered."""
    changed = False
    if name == "items" and before and consecutive(before):
        start = first if first is not None else before[0]
        for i, e in enumerate(entries):
            if e.get("number") != start + i:
                e["number"] = start + i
                changed = True
    elif name == "sub" and letters_in_order(before):
        for i, e in enumerate(entries):
            letter = LETTERS[min(i, len(LETTERS) - 1)]
            if e.get("letter") != letter:
                e["letter"] = letter
                changed = True
    return changed


# -- moving a § or a sub-item to another place ------------------------------------------------

OWN = "own"  # the destination "as a § of its own" (after the sub-item's §)


class MoveRefused(ValueError):
    """A § or sub-item that cannot go where it was asked to (the message says why)."""


def _under(index: int) -> str:
    return f"under:{index}"


def _paragraph_label(item) -> str:
    item = item if isinstance(item, dict) else {}
    return f"§{_s(item.get('number')) or '?'}"


def _fields_only_in_items(entry: dict) -> list[str]:
    """Keys of a § that a sub-item cannot hold (schema.ITEM's fields that schema.SUBITEM has not),
    besides its number (which becomes a letter) and its sub-items (one level only)."""
    sub_names = {f.name for f in SUBITEM}
    only = {f.name for f in ITEM} - sub_names - {"number", "sub"}
    return [k for k in entry if k in only]


def move_refusal(items: list, path: tuple, lang: str = "sv") -> str | None:
    """Why the § or sub-item at path cannot be moved anywhere, or None. A § with sub-items
    cannot become a sub-item (nesting is one level), nor one with fields a sub-item has not."""
    entry = get_at({"items": items}, path)
    if not isinstance(entry, dict):
        return t("move_to.nothing", lang)
    if len(path) == 2:  # a §: it can only become a sub-item
        label = _paragraph_label(entry)
        subs = entry.get("sub")
        if isinstance(subs, list) and subs:
            letters = ", ".join(f"{_s(e.get('letter')) or '?'})" for e in subs if isinstance(e, dict))
            return t("move_to.has_sub", lang, entry=label, letters=letters)
        extra = _fields_only_in_items(entry)
        if extra:
            return t("move_to.fields", lang, entry=label,
                     fields=", ".join(key_label(k, "items", lang) for k in extra))
        if len([e for e in items if isinstance(e, dict)]) < 2:
            return t("move_to.nowhere", lang)
    return None


def move_choices(items: list, path: tuple, lang: str = "sv") -> list[Choice]:
    """Where the § ("items", i) or sub-item ("items", i, "sub", j) can go: as a § of its own
    (a sub-item: after its §), or under each other § (as its last sub-item). Raises
    MoveRefused when it cannot go anywhere."""
    problem = move_refusal(items, path, lang)
    if problem:
        raise MoveRefused(problem)
    here = path[1]
    out = []
    if len(path) == 4:
        out.append(Choice.of(OWN, t("move_to.own", lang, after=_paragraph_label(items[here]))))
    for k, item in enumerate(items):
        if k != here and isinstance(item, dict):
            out.append(Choice.of(_under(k), t("move_to.under", lang, entry=entry_summary("items", item, None))))
    return out


def _next_letter(subs: list) -> str:
    letters = [e.get("letter") for e in subs if isinstance(e, dict)]
    want = LETTERS[min(len(subs), len(LETTERS) - 1)]
    if want not in letters:
        return want
    return next((c for c in LETTERS if c not in letters), want)


def _append_sub(item: dict, entry: dict) -> int:
    """Add entry (a § or sub-item's fields) as the last sub-item of item; its index."""
    subs = [dict(e) if isinstance(e, dict) else e for e in item.get("sub") or []]
    before = [e.get("letter") for e in subs if isinstance(e, dict)]
    rest = {k: v for k, v in entry.items() if k not in ("number", "letter", "sub")}
    subs.append({"letter": _next_letter(subs), **rest})
    renumber("sub", before, subs)
    item["sub"] = subs
    return len(subs) - 1


def move_to(items: list, path: tuple, dest: str, lang: str = "sv") -> tuple[list, tuple]:
    """The §§ after moving the § or sub-item at path to dest (a value of move_choices), and
    the moved entry's new path. §§ and the letters of the sub-items left and joined are
    renumbered when they were in sequence (as adding or removing one does). Raises
    MoveRefused for a move that would lose or nest something."""
    problem = move_refusal(items, path, lang)
    if problem:
        raise MoveRefused(problem)
    items = copy.deepcopy(list(items))
    numbers = [e.get("number") for e in items if isinstance(e, dict)]
    if len(path) == 4:  # a sub-item
        p, j = path[1], path[3]
        parent = items[p]
        subs = list(parent["sub"])
        letters = [e.get("letter") for e in subs if isinstance(e, dict)]
        entry = subs.pop(j)
        renumber("sub", letters, subs)
        if subs:
            parent["sub"] = subs
        else:
            del parent["sub"]
        if dest == OWN:
            rest = {k: v for k, v in entry.items() if k != "letter"}
            items.insert(p + 1, {"number": new_entry("items", items, p + 1)["number"], **rest})
            renumber("items", numbers, items)
            return items, ("items", p + 1)
        q = _target(dest, items, p)
        return items, ("items", q, "sub", _append_sub(items[q], entry))
    i = path[1]  # a §
    if dest == OWN:
        raise MoveRefused(t("move_to.nowhere", lang))
    q = _target(dest, items, i)
    entry = items.pop(i)
    renumber("items", numbers, items)
    q = q - 1 if q > i else q
    return items, ("items", q, "sub", _append_sub(items[q], entry))


def _target(dest: str, items: list, here: int) -> int:
    try:
        q = int(dest.removeprefix("under:"))
    except (AttributeError, ValueError):
        raise MoveRefused(dest) from None
    if not (0 <= q < len(items)) or q == here or not isinstance(items[q], dict):
        raise MoveRefused(dest)
    return q


def place_label(items: list, path: tuple) -> str:
    """A § or sub-item's place in words: "§44" or "§44 b)"."""
    label = _paragraph_label(get_at({"items": items}, path[:2]))
    if len(path) == 4:
        sub = get_at({"items": items}, path, {})
        label += f" {_s(sub.get('letter') if isinstance(sub, dict) else None) or '?'})"
    return label


def kind_fields(kind: str) -> tuple[Field, ...]:
    return KINDS[kind]


# -- what changed (for a rättelse) -------------------------------------------------------------


def changed_paths(old, new, path: tuple = ()) -> list[tuple]:
    """The key paths where new differs from old (an entry of a list of tables by index when
    the list kept its length, else the whole list)."""
    if old == new and type(old) is type(new):
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[tuple] = []
        for k in list(old) + [k for k in new if k not in old]:
            out += changed_paths(old.get(k, MISSING), new.get(k, MISSING), path + (k,))
        return out
    if (isinstance(old, list) and isinstance(new, list) and len(old) == len(new)
            and all(isinstance(x, dict) for x in old + new)):
        out = []
        for i, (a, b) in enumerate(zip(old, new)):
            out += changed_paths(a, b, path + (i,))
        return out
    return [path]


def describe_path(path: tuple, data: dict, kind: str = "meeting", lang: str = "sv") -> str:
    """A key path in words: ("items", 3, "title") -> "§37 › Rubrik"."""
    parts: list[str] = []
    parent = kind
    for k, part in enumerate(path):
        if isinstance(part, int):
            entry = get_at(data, path[:k + 1], {})
            entry = entry if isinstance(entry, dict) else {}
            if parent == "items":
                label = f"§{entry.get('number', part + 1)}"
            elif parent == "sub":
                label = f"{entry.get('letter', part + 1)})"
            else:
                label = f"#{part + 1}"
            if parent in ("items", "sub") and parts:
                parts[-1] = label
            else:
                parts.append(label)
            continue
        parts.append(key_label(str(part), parent, lang))
        parent = str(part)
    return " › ".join(parts)


def describe_changes(old: dict, new: dict, kind: str = "meeting", lang: str = "sv", skip: tuple = ()) -> list[str]:
    """The changes from old to new in words, one per changed field (keys in skip left out)."""
    out: list[str] = []
    for path in changed_paths(old, new):
        if path[:1] and path[0] in skip:
            continue
        text = describe_path(path, new if get_at(new, path, MISSING) is not MISSING else old, kind, lang)
        if text not in out:
            out.append(text)
    return out

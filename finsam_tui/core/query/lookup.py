"""The one resolver: which record (or §, organ, budget line) typed text names.

:func:`lookup` turns what a user typed into a :class:`Query`: a reference of docs/format.md
(``person/anna-x``, ``org/x``, ``insats/x``, ``styrelse/2023-04-14``,
``styrelse/2023-04-14/§17``, ``styrelse/2023/§17``, ``budget/2023``, ``budget/2023/line``),
a bare id of a person, member organisation, organ or insats (tried in that order), or
``organ/<id>``. Otherwise it raises :class:`RefError`: malformed, unknown (naming the
nearest valid reference), ambiguous (a by-year § more than one meeting has) or unreadable
(the file is there but could not be read). ``want=`` narrows what the caller accepts
(``"meeting"``, ``"person"``, ``"paragraph"``, ``"paragraph_or_meeting"`` …); anything
else is malformed for it. :func:`find_meeting` is the meeting record of ``want="meeting"``.

The archive-free half, for the history of records that may no longer exist: :func:`read`
says how the text reads, :func:`homes` which records' files (``layout.rel_of``) it may name.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

from finsam_tui.core.check.findings import errors_in
from finsam_tui.core.check.index import Target
from finsam_tui.core.io.load import Record
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.layout import rel_of
from finsam_tui.core.records.refs import Ref, parse_ref, resolve

_BARE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# What a bare id may name, in the order it is tried.
BARE_KINDS = ("person", "org", "organ", "insats")

# The record kind (layout.FOLDERS) whose file holds what a query kind names.
RECORD_KIND = {"person": "person", "org": "organisation", "insats": "insats", "organ": "forbund",
               "meeting": "meeting", "paragraph": "meeting", "budget": "budget", "budgetline": "budget"}


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


# =====================================================================================
# reading typed text (no archive needed)
# =====================================================================================
@dataclass(frozen=True)
class Typed:
    """Typed text as it reads, before any archive is asked."""

    form: str  # "bare" (an id), "organ" (organ/<id>) or "ref" (a reference)
    text: str  # stripped; for "organ" the id after organ/
    ref: Ref | None = None


def read(text: str) -> Typed | None:
    """How typed text reads: organ/<id>, a bare id or a reference; None when it is none of them."""
    t = text.strip()
    if t.startswith("organ/"):
        return Typed("organ", t[len("organ/"):])
    if _BARE.match(t) and not t.isdigit():
        return Typed("bare", t)
    ref = parse_ref(t)
    return Typed("ref", t, ref) if ref is not None else None


def homes(typed: Typed) -> list[tuple[str, str, str]]:
    """(query kind, record kind, record id) of each record whose file the text may name, in
    the order a bare id is tried; a § names its meeting's file, a budget line its budget's,
    an organ forbund.toml. [] for a by-year § (only the archive knows which meeting has it)."""
    if typed.form == "ref":
        r = typed.ref
        if r.by_year:
            return []
        rid = str(r.year) if r.kind in ("budget", "budgetline") else r.id
        return [(r.kind, RECORD_KIND[r.kind], rid)]
    kinds = ("organ",) if typed.form == "organ" else BARE_KINDS
    return [(k, RECORD_KIND[k], "forbund" if k == "organ" else typed.text) for k in kinds]


# =====================================================================================
# resolving against an archive
# =====================================================================================
def _accepted(want: str) -> set[str] | None:
    if want == "any":
        return None
    if want == "paragraph_or_meeting":
        return {"paragraph", "meeting"}
    return {want}


def lookup(archive: Archive, text: str, want: str = "any") -> Query:
    """The Query for typed text (a reference, a bare id or organ/<id>); RefError when it names
    nothing. want narrows the kinds accepted (a Query kind, "paragraph_or_meeting" or "any")."""
    accepted = _accepted(want)
    typed = read(text)
    t = text.strip()
    if typed is None:
        raise RefError("malformed", t)
    if typed.form == "organ":
        if accepted is not None and "organ" not in accepted:
            raise RefError("malformed", t)
        if typed.text in archive.organs:
            return Query("organ", typed.text, typed.text)
        raise RefError("unknown", typed.text, _closest(typed.text, sorted(archive.organs)))
    if typed.form == "bare":
        return _bare(archive, typed, accepted)
    ref = typed.ref
    if accepted is not None and ref.kind not in accepted:
        raise RefError("malformed", t)
    res = resolve(archive.index, t)
    if res.code == "FS203":
        raise RefError("ambiguous", t, options=[target_ref(x) for x in res.targets])
    if res.targets:
        x = res.targets[0]
        if x.kind == "paragraph":
            return Query("paragraph", target_ref(x), x.id, x.number, x.letter)
        return Query(x.kind, target_ref(x), x.id)
    _raise_unreadable(archive, typed, t)
    raise RefError("unknown", t, _nearest(archive, ref))


def find_meeting(archive: Archive, text: str) -> Record:
    """The meeting record text names (``styrelse/2023-04-14``); RefError otherwise: malformed
    for anything but a meeting reference, unknown with the nearest meeting, unreadable."""
    return archive.meetings[lookup(archive, text, want="meeting").id]


def _tables(archive: Archive) -> dict[str, dict]:
    return {"person": archive.persons, "org": archive.orgs, "organ": archive.organs, "insats": archive.insatser}


def _bare(archive: Archive, typed: Typed, accepted: set[str] | None) -> Query:
    t = typed.text
    kinds = [k for k in BARE_KINDS if accepted is None or k in accepted]
    if not kinds:
        raise RefError("malformed", t)
    tables = _tables(archive)
    for kind in kinds:
        if t in tables[kind]:
            return Query(kind, t if kind == "organ" else f"{kind}/{t}", t)
    _raise_unreadable(archive, typed, t, kinds)
    options = [k if kind == "organ" else f"{kind}/{k}" for kind in kinds for k in sorted(tables[kind])]
    bare = {o.split("/")[-1]: o for o in options}
    close = _closest(t, list(bare))
    raise RefError("unknown", t, bare[close] if close else None)


def _raise_unreadable(archive: Archive, typed: Typed, text: str, kinds=None) -> None:
    """RefError("unreadable") when a file the text names is there but could not be read."""
    for kind, record_kind, rid in homes(typed):
        if record_kind == "forbund" or (kinds is not None and kind not in kinds):
            continue
        rel = rel_of(record_kind, rid)
        if (record_kind, rid) in archive.index.unloaded_ids or errors_in(archive.findings, rel):
            raise RefError("unreadable", text, rel=rel)


# =====================================================================================
# the nearest match
# =====================================================================================
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


def _nearest(archive: Archive, ref: Ref) -> str | None:
    """The valid reference closest to one that names nothing."""
    idx = archive.index
    if ref.kind in ("person", "org", "insats"):
        table = _tables(archive)[ref.kind]
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

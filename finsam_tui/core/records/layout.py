"""Where each record lives: the one home of record identity.

A record's place is its path relative to the records folder, with forward slashes::

    forbund.toml                                       the förbund (id "forbund")
    personer/<id>.toml   organisationer/<id>.toml   insatser/<id>.toml
    budgetar/<year>.toml                               a year's budget (id "2023")
    moten/<organ>/<year>/<date>[-suffix].toml          a meeting (id "styrelse/2022-06-17")

:func:`rel_of` answers "where does record X live", :func:`classify` the reverse (and says
what is wrong with a path that is no record's), :func:`ref_of` gives the reference text
that names a record (``person/anna``, ``styrelse/2022-06-17``). Nothing else builds or
takes apart these paths.

A conflict copy (``anna.konflikt-20261207-143005.toml``, next to ``anna.toml``) is the version
of a record that ``core/io/saving`` kept instead of overwriting it (another program changed the
file while finsam saved it): :func:`conflict_copy_name` names it, and :func:`classify` says that
it is no record (``FS111``, naming the record) until it is merged and deleted.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.i18n.findings import Phrase

FORBUND_FILE = "forbund.toml"  # marks a records folder

# Folder of each kind inside the records folder (forbund is the file forbund.toml).
FOLDERS = {
    "organisation": "organisationer",
    "person": "personer",
    "meeting": "moten",
    "budget": "budgetar",
    "insats": "insatser",
}
_KIND_BY_FOLDER = {v: k for k, v in FOLDERS.items()}

# \Z, not $: "$" also matches before a final newline, and "anna\n" is no id.
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*\Z")
MEETING_STEM_RE = re.compile(r"^((?:19|20|21)\d\d)-(\d{2})-(\d{2})(?:-[a-z0-9][a-z0-9-]*)?\Z")
YEAR_RE = re.compile(r"^(19|20|21)\d\d\Z")

# A conflict copy: the record's name, ".konflikt-", the local date and time, "-2", "-3" … when
# that name was taken, ".toml" (visible, and seen by git status: the user must notice it).
CONFLICT_COPY_RE = re.compile(r"^(?P<stem>[^/]+?)\.konflikt-\d{8}-\d{6}(?:-[1-9][0-9]*)?\.toml\Z")

# The reference prefix of each kind that has one (see refs.py); meetings are named bare.
_REF_PREFIX = {"person": "person/", "organisation": "org/", "insats": "insats/", "budget": "budget/"}


def valid_id(rid: str) -> bool:
    """A person, organisation, insats or organ id: lower-case letters, digits and hyphens."""
    return bool(ID_RE.match(rid))


def meeting_id(organ: str, date: dt.date, suffix: str = "") -> str:
    """The id of the meeting of organ on date: ``styrelse/2022-06-17`` (``…-extra`` with a suffix)."""
    return f"{organ}/{date.isoformat()}" + (f"-{suffix}" if suffix else "")


def meeting_suffix(mid: str) -> str:
    """The suffix of a meeting id after its date (``extra`` in ``styrelse/2022-06-17-extra``), or ''."""
    stem = mid.split("/", 1)[-1]
    return stem[11:] if len(stem) > 11 and stem[10] == "-" else ""


def rel_of(kind: str, rid: str) -> str:
    """The path of record kind/rid relative to the records folder."""
    if kind == "forbund":
        return FORBUND_FILE
    if kind == "meeting":
        organ, stem = rid.split("/", 1)
        return f"{FOLDERS['meeting']}/{organ}/{stem[:4]}/{stem}.toml"
    return f"{FOLDERS[kind]}/{rid}.toml"


def path_of(root: Path | str, kind: str, rid: str) -> Path:
    """The file of record kind/rid in the records folder root."""
    return Path(root) / rel_of(kind, rid)


def ref_of(kind: str, rid: str) -> str:
    """The reference text that names record kind/rid (see docs/format.md)."""
    if kind == "forbund":
        return "forbund"
    return _REF_PREFIX.get(kind, "") + rid


def conflict_copy_name(name: str, stamp: str, n: int = 1) -> str:
    """The name of the n-th conflict copy of the record file name made at stamp (YYYYMMDD-HHMMSS)."""
    stem = name.removesuffix(".toml")
    return f"{stem}.konflikt-{stamp}{'' if n == 1 else f'-{n}'}.toml"


def classify(rel_parts: tuple[str, ...]) -> tuple[str | None, str | None, Finding | None]:
    """(kind, id, problem) for a file's path relative to the records folder."""
    rel = "/".join(rel_parts)
    copy = CONFLICT_COPY_RE.match(rel_parts[-1])
    if copy:  # no record: the version of one that a save kept aside (FS111 until merged)
        return None, None, Finding("FS111", rel, params={"record": "/".join((*rel_parts[:-1], copy["stem"] + ".toml"))})
    stem = rel_parts[-1][: -len(".toml")]
    if rel_parts == (FORBUND_FILE,):
        return "forbund", "forbund", None
    top = rel_parts[0]
    kind = _KIND_BY_FOLDER.get(top)
    expected = Phrase("expected_place")
    if kind is None:
        return None, None, Finding("FS108", rel, params={"expected": expected})
    if kind == "meeting":
        if len(rel_parts) != 4:
            return None, None, Finding("FS108", rel, params={"expected": "moten/<organ>/<år>/<datum>.toml"})
        organ, year = rel_parts[1], rel_parts[2]
        m = MEETING_STEM_RE.match(stem)
        if not ID_RE.match(organ) or not m:
            return None, None, Finding("FS107", rel, params={"id": f"{organ}/{stem}", "example": "styrelse/2022-06-17"})
        if m.group(1) != year:
            return None, None, Finding(
                "FS108", rel, params={"expected": rel_of("meeting", f"{organ}/{stem}")})
        return kind, f"{organ}/{stem}", None
    if len(rel_parts) != 2:
        return None, None, Finding("FS108", rel, params={"expected": f"{top}/<id>.toml"})
    if kind == "budget":
        if not YEAR_RE.match(stem):
            return None, None, Finding("FS107", rel, params={"id": stem, "example": "2023"})
        return kind, stem, None
    if not ID_RE.match(stem):
        return None, None, Finding("FS107", rel, params={"id": stem, "example": _example_id(stem)})
    return kind, stem, None


def classify_rel(rel: str) -> tuple[str | None, str | None, Finding | None]:
    """:func:`classify` for a path written with forward slashes."""
    return classify(tuple(rel.split("/")))


def _example_id(stem: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-", "_": "-"})
    cleaned = re.sub(r"[^a-z0-9-]", "", stem.lower().translate(table)).strip("-")
    return cleaned or "anna-lindqvist"

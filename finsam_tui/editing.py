"""Editing records without losing what people wrote: comments, key order, layout.

The editors work on plain Python data (what tomllib gives). ``update_text`` writes such
data back into the original TOML text by changing only what differs, through tomlkit,
so an unchanged record stays byte-identical and comments survive an edit. Saving goes
through ``saving.py`` (atomic, refuses to overwrite a file changed on disk).

Also here: a new meeting made from the previous one of the same organ.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Table

from .archive import Archive

# -- writing data back into a document ---------------------------------------------------------


def _plain(item):
    return item.unwrap() if hasattr(item, "unwrap") else item


def _new_table(value: dict, blank_line: bool = True) -> Table:
    t = tomlkit.table()
    for k, v in value.items():
        t[k] = v
    if blank_line:
        t.trivia.indent = "\n"
    return t


def _update_table(container, new: dict) -> None:
    for key in [k for k in container.keys() if k not in new]:
        del container[key]
    for key, value in new.items():
        if key not in container:
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                aot = tomlkit.aot()
                for v in value:
                    aot.append(_new_table(v))
                container[key] = aot
            else:
                container[key] = value
            continue
        current = container[key]
        if _plain(current) == value:
            continue
        if isinstance(value, dict) and isinstance(current, (Table, InlineTable)):
            _update_table(current, value)
        elif isinstance(value, list) and isinstance(current, AoT) and all(isinstance(v, dict) for v in value):
            _update_aot(current, value)
        elif isinstance(value, list) and isinstance(current, Array):
            _update_array(current, value)
        else:
            container[key] = value


def _update_aot(aot: AoT, new: list[dict]) -> None:
    for i, value in enumerate(new[: len(aot)]):
        if _plain(aot[i]) != value:
            _update_table(aot[i], value)
    while len(aot) > len(new):
        del aot[len(aot) - 1]
    for value in new[len(aot):]:
        aot.append(_new_table(value))


def _update_array(arr: Array, new: list) -> None:
    old = _plain(arr)
    if len(old) == len(new):
        for i, value in enumerate(new):
            if old[i] != value:
                if isinstance(value, dict) and isinstance(arr[i], InlineTable):
                    _update_table(arr[i], value)
                else:
                    arr[i] = value
        return
    if new[: len(old)] == old:
        for value in new[len(old):]:
            arr.append(value)
        return
    if old[: len(new)] == new:
        while len(arr) > len(new):
            arr.pop()
        return
    for i in [i for i, v in enumerate(old) if v not in new][::-1]:  # removals keep the others' comments
        del arr[i]
    old = _plain(arr)
    if old == new:
        return
    while len(arr):
        arr.pop()
    for value in new:
        arr.append(value)


def update_text(text: str, new: dict) -> str:
    """The TOML text changed as little as possible so that it parses to ``new``."""
    doc = tomlkit.parse(text)
    if doc.unwrap() != new:
        _update_table(doc, new)
    return doc.as_string()


def new_text(data: dict, header: str | None = None) -> str:
    """TOML text for a new record: scalars first, then tables, then arrays of tables."""
    doc = tomlkit.document()
    if header:
        for line in header.splitlines():
            doc.add(tomlkit.comment(line))
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict) and not _is_aot(v)}
    for k, v in scalars.items():
        doc[k] = v
    for k, v in data.items():
        if isinstance(v, dict):
            doc[k] = _new_table(v)
    for k, v in data.items():
        if _is_aot(v):
            aot = tomlkit.aot()
            for item in v:
                aot.append(_new_table(item))
            doc[k] = aot
    return doc.as_string()


def _is_aot(v) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


# -- a new meeting ---------------------------------------------------------------------------

OPENING_ITEMS = {
    "sv": [("Mötets öppnande", "information"), ("Val av justerare", "val"), ("Godkännande av dagordning", "beslut")],
    "en": [("Opening of the meeting", "information"), ("Election of adjusters", "val"),
           ("Approval of the agenda", "beslut")],
}


def next_paragraph_number(archive: Archive, organ: str, date: dt.date) -> int:
    """The first § number of a new meeting on date, per the numbering policy."""
    if archive.settings.get("paragraph_numbering") == "per_möte":
        return 1
    numbers = [item.get("number", 0)
               for m in archive.meetings_by_organ.get(organ, [])
               if (archive.meeting_date(m) or dt.date.min).year == date.year
               and (archive.meeting_date(m) or dt.date.min) < date
               for item in m.data.get("items", []) if isinstance(item.get("number"), int)]
    return max(numbers, default=0) + 1


def previous_meeting(archive: Archive, organ: str, date: dt.date):
    earlier = [m for m in archive.meetings_by_organ.get(organ, []) if (archive.meeting_date(m) or dt.date.max) < date]
    return earlier[-1] if earlier else None


def meeting_path(root: Path, organ: str, date: dt.date, suffix: str = "") -> Path:
    stem = date.isoformat() + (f"-{suffix}" if suffix else "")
    return Path(root) / "moten" / organ / str(date.year) / f"{stem}.toml"


def new_meeting(archive: Archive, organ: str, date: dt.date, lang: str = "sv") -> dict:
    """Data of a planned meeting made from the previous one of the organ: attendance, chair,
    secretary, place and times copied; the standard opening §§ numbered per the policy."""
    prev = previous_meeting(archive, organ, date)
    data: dict = {"organ": organ, "kind": "ordinarie", "date": date}
    p = prev.data if prev else {}
    for key in ("start", "end", "place", "chair", "secretary"):
        if key in p:
            data[key] = p[key]
    data["state"] = "planerad"
    att = p.get("attendance", {})
    if att:
        # everyone expected back: the absent and those replaced are called as members again
        voting = list(att.get("voting", [])) + [s["replaces"] for s in att.get("serving", []) if "replaces" in s]
        voting += [a for a in att.get("absent", []) if a not in voting and _seat_holder(archive, a, organ, date)]
        called = {"voting": voting}
        subs = [s for s in att.get("substitutes", [])] + [s["person"] for s in att.get("serving", []) if "person" in s]
        subs += [a for a in att.get("absent", []) if a not in voting and a not in subs]
        if subs:
            called["substitutes"] = subs
        for key in ("coopted", "others"):
            if att.get(key):
                called[key] = list(att[key])
        data["attendance"] = called
    first = next_paragraph_number(archive, organ, date)
    data["items"] = [{"number": first + i, "title": title, "kind": kind}
                     for i, (title, kind) in enumerate(OPENING_ITEMS.get(lang, OPENING_ITEMS["sv"]))]
    return data


def _seat_holder(archive: Archive, pid: str, organ: str, date: dt.date) -> bool:
    return any(m.get("role") in ("ordförande", "vice ordförande", "ledamot")
               for m in archive.memberships_on(pid, organ, date))


def rewrite(path: Path, transform) -> "Snapshot":
    """Apply transform(data) -> new data to the record file at path and save it: comments and
    order kept, atomic, refused (SaveConflict) if the file changes on disk meanwhile."""
    import tomllib

    from .saving import read_snapshot, save_text

    snap = read_snapshot(Path(path))
    new = transform(tomllib.loads(snap.text))
    text = update_text(snap.text, new)
    if text == snap.text:
        return snap
    return save_text(Path(path), text, snap.sha256)

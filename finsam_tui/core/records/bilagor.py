"""A meeting's bilagor (``[[attachments]]``: number, title, optional file) and how a § names one.

A § lists its attachments as text; an entry ``"Bilaga 2"`` (any case, the number alone after
the word) names the meeting's bilaga number 2 and is checked and shown with its title. The
file of a bilaga is a path relative to the records folder that must stay inside it.
"""

from __future__ import annotations

import datetime as dt
import os
import re

_BILAGA = re.compile(r"^\s*(?:bilaga|attachment)\s+(\d{1,4})\s*$", re.IGNORECASE)
_DRIVE = re.compile(r"^[A-Za-z]:")


def bilaga_number(entry: object) -> int | None:
    """2 for "Bilaga 2" (a § naming the meeting's bilaga 2); None for any other entry."""
    m = _BILAGA.match(entry) if isinstance(entry, str) else None
    return int(m.group(1)) if m else None


def bilagor_of(data: dict) -> dict[int, dict]:
    """The meeting's bilagor by number (the first one of a number)."""
    out: dict[int, dict] = {}
    for a in data.get("attachments", []) or []:
        if isinstance(a, dict) and isinstance(a.get("number"), int):
            out.setdefault(a["number"], a)
    return out


def attachment_texts(data: dict, item: dict) -> list[str]:
    """A §'s attachments as a reader sees them: "Bilaga 2" followed by the title of the
    meeting's bilaga 2, other entries as written."""
    known = bilagor_of(data)
    out = []
    for entry in item.get("attachments", []) or []:
        if isinstance(entry, str):
            n = bilaga_number(entry)
            title = known[n].get("title") if n in known else None
            out.append(f"{entry.strip()} {title}" if isinstance(title, str) else entry)
    return out


def next_meeting_text(data: dict) -> str:
    """"2024-02-16 09:00–12:00, Förbundets kansli" from next_meeting and its time and place."""
    date = data.get("next_meeting")
    times = "–".join(str(data[k]) for k in ("next_meeting_start", "next_meeting_end") if data.get(k))
    place = data.get("next_meeting_place")
    parts = [" ".join(x for x in (date.isoformat() if isinstance(date, dt.date) else "", times) if x),
             place if isinstance(place, str) else ""]
    return ", ".join(p for p in parts if p.strip())


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def file_problem(root_real: str, file: str) -> str | None:
    """Why the bilaga file (relative to the records folder whose real path is root_real) is
    not usable: "absolute" (an absolute path), "parent" (a ``..`` that climbs out), "link_out" (it
    leads out of the folder through a link), "missing" (no such file); None when it is fine.
    A ``..`` that stays inside the folder (``bilagor/../bilagor/x.pdf``) is allowed."""
    if file.startswith(("/", "\\")) or _DRIVE.match(file) or os.path.isabs(file):
        return "absolute"
    depth = 0
    for part in re.split(r"[\\/]", file):
        if part == "..":
            depth -= 1
            if depth < 0:
                return "parent"  # climbs out of the folder, written so
        elif part not in ("", "."):
            depth += 1
    try:
        path = os.path.join(root_real, file)  # as written: a link on the way is resolved before a ..
        if not _within(os.path.realpath(path), root_real):
            return "link_out"
        return None if os.path.isfile(path) else "missing"
    except (OSError, ValueError):  # a NUL byte, a name too long
        return "missing"

"""Where an edited record lives, and what a new record starts as.

A :class:`Place` is a record's kind, id, file (relative to the records folder) and path, from
``core/records/layout`` (the one home of "where does record X live"). A new person,
organisation or insats gets its id from its name ("Anna Lindqvist" -> anna-lindqvist); a
meeting its place from its organ and date (a meeting whose organ or date changed belongs
elsewhere: :func:`meeting_place_for`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.ops.choices import fold
from finsam_tui.core.records.layout import classify, meeting_id, meeting_suffix, path_of, rel_of, valid_id


def slug_id(name: str) -> str:
    """An id from a name: "Anna Lindqvist" -> "anna-lindqvist", "Region Mellanland" -> "region-mellanland"."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return s


@dataclass
class Place:
    """A record's kind, id, file relative to the records folder, and path."""

    kind: str
    id: str
    rel: str
    path: Path


def place_of(root: Path, kind: str, rid: str) -> Place:
    """Where a record of kind with id rid lives (a meeting's id is organ/stem)."""
    rid = "forbund" if kind == "forbund" else rid
    return Place(kind, rid, rel_of(kind, rid), path_of(root, kind, rid))


def meeting_place(root: Path, organ: str, date: dt.date, suffix: str = "") -> Place:
    """Where the meeting of organ on date (suffix: a second one that day) lives."""
    return place_of(root, "meeting", meeting_id(organ, date, suffix))


def place_of_rel(root: Path, rel: str) -> Place | None:
    """The record a file of the records folder holds; None for a file that holds none."""
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


def moved_place(root: Path, place: Place, baseline: dict, data: dict, is_new: bool = False) -> Place | None:
    """The meeting's new place when its date or organ changed (and with them its place), else
    None. baseline: the data as read (a new meeting: compared with its place alone)."""
    if place.kind != "meeting":
        return None
    if not is_new and (data.get("organ"), data.get("date")) == (baseline.get("organ"), baseline.get("date")):
        return None
    target = meeting_place_for(root, place, data)
    if target is None or target.rel == place.rel:
        return None
    return target


def initial_data(kind: str, name: str = "", year: int | None = None, organ: str | None = None,
                 date: dt.date | None = None) -> dict:
    """The data a new record starts with (the form then shows what is still missing); a meeting
    of organ on date starts planned (one made from the previous meeting: ``new_meeting``)."""
    if kind in ("person", "organisation", "insats"):
        return {"name": name}
    if kind == "budget":
        return {"year": year, "versions": [{"id": "budget", "kind": "budget", "label": f"Budget {year}"}]}
    if kind == "meeting" and organ is not None:
        return {"organ": organ, "kind": "ordinarie", "date": date, "state": "planerad"}
    return {}

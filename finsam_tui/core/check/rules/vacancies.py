"""Vacancies and surplus holders on the board's seats over time (FS401, FS405).

Each seat of each board period (or, outside every period, each member organisation's own
seat under ``[seats]``) is walked over the dates it existed: where it had fewer ledamöter or
ersättare than the förbundsordning gave it, or more, for a continuous interval in which the
board met at least once, that is one warning at the seat in forbund.toml, naming the
interval and how many meetings fell in it. A changeover with no meeting in the gap is no
finding, and nothing lands on a meeting file: a locked protocol gains no finding when a
person file changes later. When a person or organisation file could not be read (or their
folder listed) the holders are unknown and nothing is said.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.rules.registry import cross
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.board import BOARD_KIND, fallback_seats, periods, seat_label, seat_role
from finsam_tui.core.records.layout import FOLDERS, FORBUND_FILE

ROLES = ("ledamot", "ersättare")
_DAY = dt.timedelta(days=1)


@cross
def check_vacancies(index):
    if not index.forbund_present or any(kind in ("person", "organisation") for kind, _ in index.unloaded_ids):
        return
    if any(index.unreadable_folder_of(FOLDERS[kind] + "/") for kind in ("person", "organisation")):
        return  # a folder of persons or organisations cannot be listed: the holders are unknown
    settings = index.settings
    names = {oid: info[0] or oid for oid, info in index.org_info.items()}
    orgs = {oid: {"name": info[0], "member_since": info[1]} for oid, info in index.org_info.items()}
    for organ in settings.get("organs", []):
        if organ.get("kind") != BOARD_KIND or "id" not in organ:
            continue
        dates = sorted(m.date for m in index.meetings_by_organ.get(organ["id"], []) if m.date is not None)
        if not dates:
            continue
        held = [(role, org, start, end) for seats in index.person_seats.values()
                for _i, organ_id, role, org, start, end in seats
                if organ_id == organ["id"] and isinstance(start, dt.date)]
        for lo, hi, seat in _seat_spans(settings, orgs):
            if not any(org in orgs for org in seat.orgs):
                continue  # a seat of unknown organisations only: FS201 says so
            for role in ROLES:
                spans = [(s, e if isinstance(e, dt.date) else None) for r, org, s, e in held
                         if org in seat.orgs and seat_role(r) == role]
                for a, b, code, count in _deviations(lo, hi, spans, seat.wanted(role)):
                    n = bisect_right(dates, b) - bisect_left(dates, a)
                    if n == 0:
                        continue
                    yield Finding(code, FORBUND_FILE, path=seat.path, params={
                        "seat": seat_label(seat, names), "role": Phrase(f"seat_role_{role}"),
                        "roles": Phrase(f"seat_roles_{role}"),
                        "organ": organ.get("name", organ["id"]), "interval": _interval(a, b),
                        "meetings": n, "count": count, "seats": seat.wanted(role)})


def _seat_spans(settings: dict, orgs: dict):
    """(first day, last day, seat) for every seat of every period, and for each member's own
    [seats] seat on the days no period covers (from the day it became a member)."""
    found = sorted((p for p in periods(settings) if p.end is None or p.start <= p.end), key=lambda p: p.start)
    for p in found:
        for seat in p.seats:
            yield p.start, p.end or dt.date.max, seat
    gaps, lo = [], dt.date.min
    for p in found:
        if p.start > lo:
            gaps.append((lo, p.start - _DAY))
        lo = max(lo, p.end + _DAY if p.end and p.end < dt.date.max else dt.date.max)
    if lo < dt.date.max:
        gaps.append((lo, dt.date.max))
    for seat in fallback_seats(settings, orgs, None):
        since = orgs.get(seat.orgs[0], {}).get("member_since")
        for a, b in gaps:
            a = max(a, since) if isinstance(since, dt.date) else a
            if a <= b:
                yield a, b, seat


def _deviations(lo: dt.date, hi: dt.date, spans: list[tuple], wanted: int):
    """(first, last, code, count) of the maximal intervals in [lo, hi] with fewer holders than
    wanted (FS401, count the fewest) or more (FS405, count the most)."""
    cuts = {lo}
    for s, e in spans:
        if lo < s <= hi:
            cuts.add(s)
        if e is not None and lo <= e < hi:
            cuts.add(e + _DAY)
    cuts = sorted(cuts)
    runs: list[list] = []  # [first, last, code, count]
    for k, a in enumerate(cuts):
        b = cuts[k + 1] - _DAY if k + 1 < len(cuts) else hi
        n = sum(1 for s, e in spans if s <= a and (e is None or a <= e))
        code = "FS401" if n < wanted else "FS405" if n > wanted else None
        if code and runs and runs[-1][2] == code and runs[-1][1] + _DAY == a:
            runs[-1][1] = b
            runs[-1][3] = min(runs[-1][3], n) if code == "FS401" else max(runs[-1][3], n)
        elif code:
            runs.append([a, b, code, n])
    return [tuple(r) for r in runs]


def _interval(a: dt.date, b: dt.date) -> Phrase:
    if a == dt.date.min and b == dt.date.max:
        return Phrase("interval_always")
    if a == dt.date.min:
        return Phrase("interval_until", end=b.isoformat())
    if b == dt.date.max:
        return Phrase("interval_from", start=a.isoformat())
    return Phrase("interval", start=a.isoformat(), end=b.isoformat())

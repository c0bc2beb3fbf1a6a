"""The board as the förbundsordning in force constituted it: its seats on a date.

forbund.toml may list ``[[board_periods]]``, each with the dates a förbundsordning applied
and its ``[[board_periods.seats]]``: a seat is held for one or more member organisations
(``orgs``; a 2016-template board often had one seat for all the kommuner) with ``members``
ordinary members and ``substitutes`` ersättare. On a date no period covers (and in a folder
without periods) the old ``[seats]`` applies: every member organisation its own seat with
``[seats] members/substitutes``. A person's membership belongs to the seat whose ``orgs``
hold its ``on_behalf_of``.

Quorum counts the seats (a vacancy does not lower it); the vacancy rules walk the seats of
each period over time. Both read the compositions from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from finsam_tui.core.records.schema import SEAT_ROLES, SUBSTITUTE_ROLES

# The kind of organ the compositions describe.
BOARD_KIND = "styrelse"


@dataclass(frozen=True)
class Seat:
    key: tuple  # ("period", i, j), or ("org", org id) for the [seats] fallback
    orgs: tuple[str, ...]
    members: int
    substitutes: int
    name: str | None  # the seat's own name (None: named by its organisations)
    path: tuple  # where it stands in forbund.toml

    def wanted(self, role: str) -> int:
        return self.members if role == "ledamot" else self.substitutes


@dataclass(frozen=True)
class Period:
    index: int  # in board_periods
    start: dt.date
    end: dt.date | None
    quorum: str | None
    seats: tuple[Seat, ...]

    @property
    def path(self) -> tuple:
        return ("board_periods", self.index)

    def seat_of(self, org: str | None) -> Seat | None:
        return next((s for s in self.seats if org in s.orgs), None)

    def covers(self, date: dt.date) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Composition:
    """The seats in force on a date, and the quorum rule that applies to them."""

    seats: tuple[Seat, ...]
    quorum: str
    period: Period | None  # None: the [seats] fallback

    def seat_of(self, org: str | None) -> Seat | None:
        for seat in self.seats:
            if org in seat.orgs:
                return seat
        return None

    @property
    def total(self) -> int:
        return sum(s.members for s in self.seats)


def periods(settings: dict) -> list[Period]:
    """The board periods of forbund.toml that have a start date, in file order."""
    out = []
    for i, p in enumerate(settings.get("board_periods", [])):
        if not isinstance(p, dict) or not isinstance(p.get("start"), dt.date):
            continue
        end = p.get("end") if isinstance(p.get("end"), dt.date) else None
        seats = []
        for j, s in enumerate(p.get("seats", [])):
            if not isinstance(s, dict):
                continue
            orgs = tuple(o for o in s.get("orgs", []) if isinstance(o, str))
            seats.append(Seat(("period", i, j), orgs, _count(s.get("members")), _count(s.get("substitutes")),
                              s.get("name") if isinstance(s.get("name"), str) else None,
                              ("board_periods", i, "seats", j)))
        quorum = p.get("quorum") if isinstance(p.get("quorum"), str) else None
        out.append(Period(i, p["start"], end, quorum, tuple(seats)))
    return out


def _count(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 1


def fallback_seats(settings: dict, orgs: dict[str, dict], date: dt.date | None) -> tuple[Seat, ...]:
    """[seats]: every member organisation (a member on the date) its own seat."""
    seats = settings.get("seats", {}) if isinstance(settings.get("seats"), dict) else {}
    members, substitutes = _count(seats.get("members", 1)), _count(seats.get("substitutes", 1))
    out = []
    for org_id, org in sorted(orgs.items()):
        since = org.get("member_since")
        if date is not None and isinstance(since, dt.date) and date < since:
            continue
        out.append(Seat(("org", org_id), (org_id,), members, substitutes, None, ("seats",)))
    return tuple(out)


def period_on(all_periods: list[Period], date: dt.date) -> Period | None:
    return next((p for p in all_periods if p.covers(date)), None)


def composition_on(settings: dict, orgs: dict[str, dict], date: dt.date,
                   all_periods: list[Period] | None = None) -> Composition:
    rule = settings.get("quorum", "mer_än_hälften")
    period = period_on(periods(settings) if all_periods is None else all_periods, date)
    if period is None:
        return Composition(fallback_seats(settings, orgs, date), rule, None)
    return Composition(period.seats, period.quorum or rule, period)


def seat_role(role) -> str | None:
    """The role a membership holds on a seat: "ledamot", "ersättare" or None."""
    if role in SEAT_ROLES:
        return "ledamot"
    if role in SUBSTITUTE_ROLES:
        return "ersättare"
    return None


def seat_label(seat: Seat, org_names: dict[str, str]) -> str:
    names = ", ".join(org_names.get(o, o) for o in seat.orgs)
    return f"{seat.name} ({names})" if seat.name else names

"""What every record's rules may look at besides the record: the förbund settings, the
organs, the persons with their memberships and the member organisations.

These few files are the *context*. A change to any of them re-runs the rules of every
record; a change to any other file re-runs the rules of that file only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from finsam_tui.core.io.scan import folder_covers
from finsam_tui.core.records.board import BOARD_KIND, Composition, Seat, composition_on, periods, seat_role
from finsam_tui.core.records.layout import FOLDERS
from finsam_tui.core.records.schema import FORBUND, SEAT_ROLES, Field


def defaults(fields: tuple[Field, ...], data: dict) -> dict:
    """A copy of data with schema defaults filled in (one level of tables deep)."""
    out = dict(data)
    for f in fields:
        if f.type == "table":
            out[f.name] = defaults(f.fields, data.get(f.name, {}))
        elif f.name not in out and f.default is not None:
            out[f.name] = f.default
    return out


def active_on(membership: dict, date: dt.date) -> bool:
    start = membership.get("start")
    end = membership.get("end")
    if isinstance(start, dt.date) and date < start:
        return False
    if isinstance(end, dt.date) and date > end:
        return False
    return True


CONTEXT_KINDS = ("forbund", "person", "organisation")


class Context:
    def __init__(self, forbund: dict | None, persons: dict[str, dict], orgs: dict[str, dict],
                 unreadable=(), unreadable_folders=()):
        self.forbund_present = forbund is not None
        # the person and organisation files that exist but cannot be read (kind, id)
        self.unreadable_persons = frozenset(i for k, i in unreadable if k == "person")
        self.unreadable_orgs = frozenset(i for k, i in unreadable if k == "organisation")
        # a folder that cannot be listed and may hold person or organisation files (scan.ROOT_KEY,
        # personer/, organisationer/): who is in it is unknown
        self.unreadable_context_folders = tuple(f for f in unreadable_folders if any(
            folder_covers(f, FOLDERS[k] + "/") for k in ("person", "organisation")))
        self.settings = defaults(FORBUND, forbund or {})
        self.organs: dict[str, dict] = {}
        for o in self.settings.get("organs", []):
            if "id" in o:
                self.organs.setdefault(o["id"], o)
        self.person_data = persons
        self.org_data = orgs
        self._seats: dict[tuple, dict] = {}
        self.board_periods = periods(self.settings)
        self._boards: dict[dt.date, Composition] = {}
        # organ -> [(person id, membership)] for the memberships that hold or substitute a seat
        self._seat_memberships: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        for pid, p in persons.items():
            for m in p.get("memberships", []):
                if "on_behalf_of" in m and m.get("role") in SEAT_ROLES + ("ersättare",):
                    self._seat_memberships[m.get("organ")].append((pid, m))

    @property
    def complete(self) -> bool:
        """Every person and organisation file could be read, and every folder that may hold one
        listed (rules that count over all of them may run: ``rules.registry.whole_context``)."""
        return not self.unreadable_persons and not self.unreadable_orgs and not self.unreadable_context_folders

    def organ_name(self, organ_id: str) -> str:
        return self.organs.get(organ_id, {}).get("name", organ_id)

    def person_name(self, pid: str) -> str:
        p = self.person_data.get(pid)
        return p.get("name", pid) if p else pid

    def memberships_on(self, pid: str, organ: str, date: dt.date) -> list[dict]:
        p = self.person_data.get(pid)
        if p is None:
            return []
        return [m for m in p.get("memberships", []) if m.get("organ") == organ and active_on(m, date)]

    def seat_holders(self, organ: str, date: dt.date) -> dict[str, dict[str, list[str]]]:
        """org id -> {"ledamot": [person ids], "ersättare": [...]} on the date."""
        key = (organ, date)
        if key not in self._seats:
            out: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"ledamot": [], "ersättare": []})
            for pid, m in self._seat_memberships.get(organ, []):
                if active_on(m, date):
                    out[m["on_behalf_of"]]["ledamot" if m.get("role") in SEAT_ROLES else "ersättare"].append(pid)
            self._seats[key] = out
        return self._seats[key]

    def board(self, date: dt.date) -> Composition:
        """The board's seats in force on the date (a board period, or [seats] per member)."""
        if date not in self._boards:
            self._boards[date] = composition_on(self.settings, self.org_data, date, self.board_periods)
        return self._boards[date]

    def seat_of(self, pid: str, organ: str, date: dt.date, role: str) -> Seat | None:
        """The seat pid holds ("ledamot") or substitutes on ("ersättare") in organ on the date."""
        board = self.board(date)
        for m in self.memberships_on(pid, organ, date):
            if seat_role(m.get("role")) == role:
                seat = board.seat_of(m.get("on_behalf_of"))
                if seat is not None:
                    return seat
        return None

    def seat_key(self, organ: str, org, date: dt.date):
        """What a membership on behalf of org sits on in organ: the board's seat (shared by
        several organisations where the förbundsordning said so), else the organisation."""
        if self.organs.get(organ, {}).get("kind") == BOARD_KIND:
            seat = self.board(date).seat_of(org)
            if seat is not None:
                return seat.key
        return ("org", org)

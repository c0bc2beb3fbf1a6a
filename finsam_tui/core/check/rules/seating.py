"""How a meeting's attendance fills the board's seats (no rules of its own: the quorum rule
in ``meetings.py`` and the serving rule in ``memberships.py`` read it).

Quorum counts the seats of the förbundsordning in force on the meeting date (a vacancy does
not lower it). A seat is filled by its holders among the voting members (at most its
``members``) and by the substitutes serving on it: for the member they replace, or, without
``replaces``, on the seat they are ersättare for.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter


def serving_seat(ctx, entry: dict, organ: str, date: dt.date):
    """The seat a serving substitute fills: that of whom they replace, else their own."""
    rep = entry.get("replaces")
    if isinstance(rep, str):
        return ctx.seat_of(rep, organ, date, "ledamot")
    sub = entry.get("person")
    return ctx.seat_of(sub, organ, date, "ersättare") if isinstance(sub, str) else None


def filled_seats(ctx, d: dict, organ: str, date: dt.date) -> Counter:
    """seat key -> how many voting holders and serving substitutes sit on it."""
    att = d.get("attendance", {})
    filled: Counter = Counter()
    for pid in att.get("voting", []):
        if isinstance(pid, str):
            seat = ctx.seat_of(pid, organ, date, "ledamot")
            if seat is not None:
                filled[seat.key] += 1
    for entry in att.get("serving", []):
        if isinstance(entry, dict):
            seat = serving_seat(ctx, entry, organ, date)
            if seat is not None:
                filled[seat.key] += 1
    return filled


def board_quorum(ctx, d: dict, organ: str, date: dt.date) -> tuple[str, int, int]:
    """(quorum rule, seats, seats filled) of a board meeting, from the composition in force."""
    board = ctx.board(date)
    filled = filled_seats(ctx, d, organ, date)
    return board.quorum, board.total, sum(min(filled[s.key], s.members) for s in board.seats)

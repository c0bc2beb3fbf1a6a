"""Membership and board rules: a person's periods and overlaps, the board periods of
forbund.toml (overlaps, an organisation on two seats, lag 2003:1210 10 §), a membership for an
organisation without a seat, and a substitute serving on its own seat.

Vacancies and surplus holders over time are a rule across files (``vacancies.py``): they
need the meeting dates."""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.rules.registry import local, whole_context
from finsam_tui.core.check.rules.seating import filled_seats
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.board import BOARD_KIND, seat_label, seat_role


@local("person")
def check_membership_periods(ctx, p):
    by_organ: dict[str, list[tuple[int, dict]]] = {}
    for i, m in enumerate(p.data.get("memberships", [])):
        start, end = m.get("start"), m.get("end")
        if start and end and end < start:
            yield Finding("FS403", p.rel, path=("memberships", i, "end"), params={"start": start, "end": end})
            continue
        if start and "organ" in m:
            by_organ.setdefault(m["organ"], []).append((i, m))
    for organ, ms in by_organ.items():
        ms.sort(key=lambda t: t[1]["start"])
        for k, (j, b) in enumerate(ms):
            earlier = [a for _, a in ms[:k] if b["start"] <= (a.get("end") or dt.date.max)]
            if earlier:
                a = earlier[0]
                yield Finding("FS402", p.rel, path=("memberships", j, "start"), params={
                    "organ": ctx.organ_name(organ),
                    "first": f"{a.get('role')} {a['start']}–{a.get('end') or ''}",
                    "second": f"{b.get('role')} {b['start']}–{b.get('end') or ''}"})


@local("person")
def check_membership_seats(ctx, p):
    """A membership on behalf of an organisation that has no seat in a board period it overlaps."""
    boards = {oid for oid, o in ctx.organs.items() if o.get("kind") == BOARD_KIND}
    for i, m in enumerate(p.data.get("memberships", [])):
        org, start = m.get("on_behalf_of"), m.get("start")
        if m.get("organ") not in boards or not seat_role(m.get("role")) or not isinstance(start, dt.date):
            continue
        end = m.get("end") if isinstance(m.get("end"), dt.date) else dt.date.max
        for period in ctx.board_periods:
            if start <= (period.end or dt.date.max) and period.start <= end and period.seat_of(org) is None:
                yield Finding("FS409", p.rel, path=("memberships", i, "on_behalf_of"), params={
                    "org": ctx.org_data.get(org, {}).get("name", org), "organ": ctx.organ_name(m["organ"]),
                    "period": _period_text(period)})


@local("forbund")
@whole_context  # FS406 lists every member without a seat of its own
def check_board_periods(ctx, f):
    """Board periods: dates in order, no overlap, an organisation on one seat, 10 § (own seat)."""
    found = ctx.board_periods
    for k, b in enumerate(found):
        if b.end is not None and b.end < b.start:
            yield Finding("FS407", f.rel, path=b.path + ("end",), params={
                "period": _period_text(b), "what": Phrase("period_ends_before_start")})
            continue
        for a in found[:k]:
            if a.start <= (b.end or dt.date.max) and b.start <= (a.end or dt.date.max) and (
                    a.end is None or a.start <= a.end):
                yield Finding("FS407", f.rel, path=b.path + ("start",), params={
                    "period": _period_text(b), "what": Phrase("period_overlaps", other=_period_text(a))})
                break
    names = {oid: o.get("name", oid) for oid, o in ctx.org_data.items()}
    for b in found:
        seen: dict[str, int] = {}
        for j, seat in enumerate(b.seats):
            for org in seat.orgs:
                if org in seen and seen[org] != j:
                    yield Finding("FS408", f.rel, path=seat.path + ("orgs",), params={
                        "org": names.get(org, org), "period": _period_text(b)})
                seen.setdefault(org, j)
        without = [names[oid] for oid, o in sorted(ctx.org_data.items(), key=lambda t: str(t[1].get("name", t[0])))
                   if _member_during(o, b) and not _own_seat(b, oid)]
        if without:
            shared = [seat_label(s, names) for s in b.seats if len(s.orgs) > 1]
            yield Finding("FS406", f.rel, path=b.path, params={
                "period": _period_text(b), "orgs": ", ".join(without), "count": len(without),
                "shared": Phrase("shared_seats", seats="; ".join(shared)) if shared else ""})


def _own_seat(period, org: str) -> bool:
    seat = period.seat_of(org)
    return seat is not None and seat.orgs == (org,) and seat.members >= 1 and seat.substitutes >= 1


def _member_during(org: dict, period) -> bool:
    since = org.get("member_since")
    return not isinstance(since, dt.date) or period.end is None or since <= period.end


def _period_text(period) -> str:
    return f"{period.start.isoformat()}–{period.end.isoformat() if period.end else ''}"


@local("meeting")
def check_serving_on_own_seat(ctx, m):
    """A substitute serving without replaces serves on its own seat: it must be free."""
    organ, date = m.id.split("/")[0], m.data.get("date")
    if ctx.organs.get(organ, {}).get("kind") != BOARD_KIND or not isinstance(date, dt.date):
        return
    serving = m.data.get("attendance", {}).get("serving", [])
    if not any(isinstance(e, dict) and "replaces" not in e for e in serving):
        return
    # the seats taken by voting holders and by substitutes named for whom they replace
    taken = filled_seats(ctx, {"attendance": {
        "voting": m.data.get("attendance", {}).get("voting", []),
        "serving": [e for e in serving if isinstance(e, dict) and "replaces" in e]}}, organ, date)
    names = {oid: o.get("name", oid) for oid, o in ctx.org_data.items()}
    voting = [p for p in m.data.get("attendance", {}).get("voting", []) if isinstance(p, str)]
    for i, entry in enumerate(serving):
        sub = entry.get("person") if isinstance(entry, dict) else None
        if "replaces" in entry or sub not in ctx.person_data:
            continue
        seat = ctx.seat_of(sub, organ, date, "ersättare")
        if seat is None:
            continue  # no ersättare role on the date: FS321 says so
        taken[seat.key] += 1
        if taken[seat.key] > seat.members:
            holders = [ctx.person_name(p) for p in voting if ctx.seat_of(p, organ, date, "ledamot") == seat]
            reason = (Phrase("seat_taken", holders=", ".join(holders)) if holders
                      else Phrase("seat_taken_by_substitutes", seats=seat.members))
            yield Finding("FS305", m.rel, path=("attendance", "serving", i, "person"), params={
                "person": ctx.person_name(sub), "replaces": Phrase("own_seat", seat=seat_label(seat, names)),
                "reason": reason})

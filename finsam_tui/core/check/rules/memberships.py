"""Membership rules: periods, overlaps, and each member's seats on meeting dates."""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.rules.registry import local, whole_context


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


@local("meeting")
@whole_context
def check_seats(ctx, m):
    """Every member organisation has its ledamot and ersättare in the board on each meeting date."""
    organ = m.id.split("/")[0]
    date = m.data.get("date")
    if ctx.organs.get(organ, {}).get("kind") != "styrelse" or not isinstance(date, dt.date):
        return
    seats = ctx.settings.get("seats", {})
    wanted = {"ledamot": seats.get("members", 1), "ersättare": seats.get("substitutes", 1)}
    holders = ctx.seat_holders(organ, date)
    for org_id, org in sorted(ctx.org_data.items()):
        since = org.get("member_since")
        if since and date < since:
            continue
        for role, n in wanted.items():
            count = len(holders[org_id][role]) if org_id in holders else 0
            params = {"org": org.get("name", org_id), "role": role, "organ": ctx.organ_name(organ),
                      "date": date, "seats": n, "count": count}
            if count < n:
                yield Finding("FS401", m.rel, path=("date",), params=params)
            elif count > n:
                yield Finding("FS405", m.rel, path=("date",), params=params)

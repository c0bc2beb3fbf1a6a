"""Meeting rules: file place, attendance, chair and adjusters, dates, items, quorum."""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.rules.registry import local, whole_context
from finsam_tui.core.check.rules.seating import board_quorum
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.board import BOARD_KIND
from finsam_tui.core.records.meetings import items, paragraph_label
from finsam_tui.core.records.schema import SEAT_ROLES

GROUPS = tuple((group, Phrase(f"group_{group}"))
               for group in ("voting", "serving", "substitutes", "absent", "coopted", "others"))
GROUP_NAMES = dict(GROUPS)
STATE_ORDER = ("planerad", "kallad", "genomförd", "justerad", "anslagen")
NO_LIMIT = 10**6  # the justering and anslag deadlines of an organ that takes no decisions


def state_at_least(meeting: dict, state: str) -> bool:
    s = meeting.get("state")
    return s in STATE_ORDER and STATE_ORDER.index(s) >= STATE_ORDER.index(state)


def attendance(meeting: dict):
    """Yield (person id, group key, path) for every person-id entry in the attendance."""
    att = meeting.get("attendance", {})
    for key, _label in GROUPS:
        for i, entry in enumerate(att.get(key, [])):
            if key == "serving":
                if "person" in entry:
                    yield entry["person"], key, ("attendance", key, i, "person")
            elif isinstance(entry, str):
                yield entry, key, ("attendance", key, i)


def present_and_deciding(meeting: dict) -> tuple[set[str], set[str]]:
    present: set[str] = set()
    deciding: set[str] = set()
    for pid, group, _path in attendance(meeting):
        if group != "absent":
            present.add(pid)
        if group in ("voting", "serving"):
            deciding.add(pid)
    return present, deciding


def meeting_date(d: dict) -> dt.date | None:
    return d.get("date") if isinstance(d.get("date"), dt.date) else None


@local("meeting")
def check_meeting_file(ctx, m):
    d = m.data
    date = meeting_date(d)
    organ, stem = m.id.split("/")
    if date is not None and not stem.startswith(date.isoformat()):
        yield Finding("FS320", m.rel, path=("date",), params={"key": "date", "value": date, "file": m.rel})
    if d.get("organ") not in (None, organ):
        yield Finding("FS320", m.rel, path=("organ",), params={"key": "organ", "value": d["organ"], "file": m.rel})
    start, end = d.get("start"), d.get("end")
    if start and end and end < start:
        yield Finding("FS322", m.rel, path=("end",), params={"start": start, "end": end})
    if state_at_least(d, "genomförd"):
        missing = []
        organ_def = ctx.organs.get(organ, {})
        decides = organ_def.get("decides", True)  # an organ that takes no decisions keeps minnesanteckningar
        if decides and not d.get("attendance", {}).get("voting"):
            missing.append("attendance.voting")
        if "chair" not in d:
            missing.append("chair")
        if decides and state_at_least(d, "justerad"):
            if not d.get("adjusters"):
                missing.append("adjusters")
            if "date" not in d.get("justering", {}) and not d.get("justering", {}).get("date_unknown"):
                missing.append("justering.date")
        if decides and state_at_least(d, "anslagen") and "posted" not in d.get("anslag", {}):
            missing.append("anslag.posted")
        for what in missing:
            yield Finding("FS313", m.rel, path=("state",), params={"state": d["state"], "missing": what})


@local("meeting")
def check_attendance(ctx, m):
    d = m.data
    date = meeting_date(d)
    organ = m.id.split("/")[0]
    seen: dict[str, str] = {}
    for pid, group, path in attendance(d):
        if pid in seen:
            yield Finding("FS304", m.rel, path=path, params={
                "person": ctx.person_name(pid), "first": GROUP_NAMES[seen[pid]], "second": GROUP_NAMES[group]})
        else:
            seen[pid] = group
    present, deciding = present_and_deciding(d)
    chair = d.get("chair")
    if chair and chair not in present:
        yield Finding("FS301", m.rel, path=("chair",), params={"person": ctx.person_name(chair)})
    for i, adj in enumerate(d.get("adjusters", [])):
        if adj not in present:
            yield Finding("FS302", m.rel, path=("adjusters", i), params={"person": ctx.person_name(adj)})
        elif ctx.settings.get("adjusters_must_vote") and adj not in deciding:
            yield Finding("FS303", m.rel, path=("adjusters", i), params={"person": ctx.person_name(adj)})
    if date is None or organ not in ctx.organs:
        return
    yield from _check_roles(ctx, m, d, date, organ)


def _check_roles(ctx, m, d, date: dt.date, organ: str):
    decides = ctx.organs[organ].get("decides", True)
    absent = set(d.get("attendance", {}).get("absent", []))
    organ_name = ctx.organ_name(organ)
    for pid, group, path in attendance(d):
        if pid not in ctx.person_data or group not in ("voting", "serving"):
            continue
        roles = ctx.memberships_on(pid, organ, date)
        if group == "voting":
            ok = any(_votes(r) for r in roles) if decides else bool(roles)
        else:
            ok = any(r.get("role") == "ersättare" for r in roles)
        if not ok:
            yield Finding("FS321", m.rel, path=path, params={
                "person": ctx.person_name(pid), "group": GROUP_NAMES[group], "organ": organ_name, "date": date})
    for i, entry in enumerate(d.get("attendance", {}).get("serving", [])):
        sub, rep = entry.get("person"), entry.get("replaces")
        if sub not in ctx.person_data or rep not in ctx.person_data:
            continue
        reason = None
        rep_roles = [r for r in ctx.memberships_on(rep, organ, date) if r.get("role") in SEAT_ROLES]
        sub_roles = [r for r in ctx.memberships_on(sub, organ, date) if r.get("role") == "ersättare"]
        if rep not in absent:
            reason = Phrase("replaced_not_absent")
        elif not rep_roles:
            reason = Phrase("replaced_not_member", organ=organ_name, date=date)
        elif sub_roles and not ({ctx.seat_key(organ, r.get("on_behalf_of"), date) for r in rep_roles}
                                & {ctx.seat_key(organ, r.get("on_behalf_of"), date) for r in sub_roles}):
            reason = Phrase("replaced_other_member")
        if reason:
            yield Finding("FS305", m.rel, path=("attendance", "serving", i, "replaces"), params={
                "person": ctx.person_name(sub), "replaces": ctx.person_name(rep), "reason": reason})


def _votes(membership: dict) -> bool:
    if "voting" in membership:
        return membership["voting"]
    return membership.get("role") in SEAT_ROLES


@local("meeting")
def check_dates(ctx, m):
    deadlines = ctx.settings.get("deadlines", {})
    d = m.data
    date = meeting_date(d)
    if date is None:
        return
    if not ctx.organs.get(m.id.split("/")[0], {}).get("decides", True):
        deadlines = {"justering_days": NO_LIMIT, "anslag_within_days": NO_LIMIT, "anslag_min_days": 0}
    j = d.get("justering", {}).get("date")
    posted = d.get("anslag", {}).get("posted")
    removed = d.get("anslag", {}).get("removed")
    if j:
        if j < date:
            yield Finding("FS309", m.rel, path=("justering", "date"), params={
                "what": Phrase("adjusted_before_meeting", adjusted=j, date=date),
                "hint_detail": Phrase("adjusted_before_meeting_hint")})
        elif (j - date).days > deadlines.get("justering_days", 14):
            yield Finding("FS310", m.rel, path=("justering", "date"), params={
                "days": (j - date).days, "limit": deadlines.get("justering_days", 14)})
    if posted:
        after = j or date
        if posted < after:
            yield Finding("FS309", m.rel, path=("anslag", "posted"), params={
                "what": Phrase("posted_before_adjustment" if j else "posted_before_meeting", posted=posted,
                               after=after),
                "hint_detail": Phrase("posted_before_hint")})
        elif j and (posted - j).days > deadlines.get("anslag_within_days", 2):
            yield Finding("FS311", m.rel, path=("anslag", "posted"), params={
                "days": (posted - j).days, "limit": deadlines.get("anslag_within_days", 2)})
        if removed:
            if removed < posted:
                yield Finding("FS309", m.rel, path=("anslag", "removed"), params={
                    "what": Phrase("removed_before_posted", removed=removed, posted=posted),
                    "hint_detail": Phrase("removed_before_posted_hint")})
            elif (removed - posted).days < deadlines.get("anslag_min_days", 21):
                yield Finding("FS312", m.rel, path=("anslag", "removed"), params={
                    "days": (removed - posted).days, "limit": deadlines.get("anslag_min_days", 21)})


@local("meeting")
def check_items(ctx, m):
    d = m.data
    date = meeting_date(d)
    organ = m.id.split("/")[0]
    organ_def = ctx.organs.get(organ, {})
    present, deciding = present_and_deciding(d)
    for i, item in enumerate(d.get("items", [])):
        letters: set[str] = set()
        for j, sub in enumerate(item.get("sub", [])):
            letter = sub.get("letter")
            if letter in letters:
                yield Finding("FS325", m.rel, path=("items", i, "sub", j, "letter"),
                              params={"letter": letter, "number": item.get("number", "?")})
            letters.add(letter)
    for path, n, letter, item in items(d):
        label = paragraph_label(n, letter)
        clauses = item.get("decision", [])
        for k, clause in enumerate(clauses):
            words = clause.strip().split(maxsplit=1)
            if not words or words[0].lower() != "att":
                yield Finding("FS318", m.rel, path=path + ("decision", k), params={"clause": _short(clause)})
        has_decision = bool(clauses) or bool(item.get("decision_text"))
        if item.get("kind") == "beslut" and not has_decision and not item.get("outcome"):
            yield Finding("FS319", m.rel, path=path + ("kind",), params={"number": label})
        if not organ_def.get("decides", True) and (has_decision or item.get("kind") == "beslut"):
            yield Finding("FS314", m.rel, path=path + (("decision",) if clauses else ("kind",)), params={
                "organ_kind": organ_def.get("kind", organ), "number": label})
        jav_people = set()
        deciding_here = deciding | {s.get("person") for s in item.get("serving", [])}  # a substitute for this § only
        for k, jav in enumerate(item.get("jav", [])):
            pid = jav.get("person")
            if pid is None:
                continue
            jav_people.add(pid)
            if pid not in present:
                yield Finding("FS316", m.rel, path=path + ("jav", k, "person"), params={
                    "person": ctx.person_name(pid), "number": label,
                    "what": Phrase("jav_not_present"), "fix": Phrase("jav_not_present_fix")})
            stand_in = jav.get("chair")
            if pid == d.get("chair") and not stand_in:
                yield Finding("FS317", m.rel, path=path + ("jav", k), params={
                    "person": ctx.person_name(pid), "number": label})
            if stand_in and stand_in not in deciding_here:
                yield Finding("FS316", m.rel, path=path + ("jav", k, "chair"), params={
                    "person": ctx.person_name(stand_in), "number": label,
                    "what": Phrase("jav_chair_not_voting"), "fix": Phrase("jav_chair_not_voting_fix")})
        for k, jav in enumerate(item.get("jav", [])):
            if jav.get("chair") in jav_people:
                yield Finding("FS315", m.rel, path=path + ("jav", k, "chair"), params={
                    "person": ctx.person_name(jav["chair"]), "number": label,
                    "how": Phrase("jav_chairs"), "how_fix": Phrase("jav_chairs_fix")})
        for k, res in enumerate(item.get("reservations", [])):
            pid = res.get("person")
            if pid in jav_people:
                yield Finding("FS315", m.rel, path=path + ("reservations", k, "person"), params={
                    "person": ctx.person_name(pid), "number": label,
                    "how": Phrase("jav_dissents"), "how_fix": Phrase("jav_dissents_fix")})
            elif pid is not None and pid not in deciding_here:
                yield Finding("FS324", m.rel, path=path + ("reservations", k, "person"), params={
                    "person": ctx.person_name(pid), "number": label})
        for k, task in enumerate(item.get("tasks", [])):
            due = task.get("due")
            if due and date and due < date:
                yield Finding("FS323", m.rel, path=path + ("tasks", k, "due"), params={"due": due, "date": date})


def _short(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


QUORUM_RULES = ("mer_än_hälften", "minst_hälften", "alla_medlemmar")


def _needed(rule: str, seats: int) -> int:
    if rule == "minst_hälften":
        return (seats + 1) // 2
    if rule == "alla_medlemmar":
        return seats
    return seats // 2 + 1


@local("meeting")
@whole_context
def check_quorum(ctx, m):
    rule = ctx.settings.get("quorum", "mer_än_hälften")
    d = m.data
    date = meeting_date(d)
    organ = m.id.split("/")[0]
    if date is None or not ctx.organs.get(organ, {}).get("decides", True) or organ not in ctx.organs:
        return
    if not state_at_least(d, "genomförd"):
        return
    if ctx.organs[organ].get("kind") == BOARD_KIND:  # the seats of the förbundsordning in force
        rule, seats, present = board_quorum(ctx, d, organ, date)
    else:  # another deciding organ: its current seat holders
        holders = ctx.seat_holders(organ, date)
        seat_people = {pid: org for org, h in holders.items() for pid in h["ledamot"]}
        seats = len(seat_people)
        att = d.get("attendance", {})
        present = sum(1 for p in att.get("voting", []) if p in seat_people) + sum(
            1 for e in att.get("serving", []) if e.get("replaces") in seat_people)
    if seats == 0:
        return
    needed = _needed(rule, seats)
    if present < needed:
        yield Finding("FS306", m.rel, path=("attendance", "voting"), params={
            "organ": ctx.organ_name(organ), "present": present, "seats": seats, "needed": needed,
            "rule": Phrase(f"quorum_{rule}") if rule in QUORUM_RULES else rule})


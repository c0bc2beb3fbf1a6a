"""Meeting procedure rules: arrivals and departures, distance participation, substitutes
serving in one §, yrkanden, votering, protokollsanteckningar, per capsulam decisions,
omedelbar justering and the signatures of the justering (FS330–FS349)."""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.rules.meetings import meeting_date, state_at_least
from finsam_tui.core.check.rules.presence import Presence, change_problems, changes
from finsam_tui.core.check.rules.registry import local
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.meetings import items, paragraph_label
from finsam_tui.core.records.schema import SEAT_ROLES

VOTE_GROUPS = ("for", "against", "abstained")
SIGNER_PHRASES = {"ordförande": "signer_chair", "justerare": "signer_adjuster", "sekreterare": "signer_secretary",
                  "ordförande under jäv": "signer_jav_chair"}


def _numbers(d: dict) -> list[int]:
    return [i["number"] for i in d.get("items", []) if isinstance(i.get("number"), int)]


def _range(numbers: list[int]) -> str:
    return f"§{min(numbers)}–§{max(numbers)}" if numbers else "–"


@local("meeting")
def check_changes(ctx, m):
    """FS330–FS333 and FS336: the changes of attendance and the remote list."""
    d = m.data
    presence = Presence(d)
    numbers = _numbers(d)
    for i, c in changes(d):
        pid = c["person"]
        path = ("attendance", "changes", i)
        if pid not in presence.present:
            yield Finding("FS330", m.rel, path=path + ("person",), params={"person": ctx.person_name(pid)})
        given = [k for k in ("arrived", "left") if isinstance(c.get(k), int)]
        if len(given) != 1:
            yield Finding("FS332", m.rel, path=path, params={
                "person": ctx.person_name(pid), "problem": Phrase("change_both" if given else "change_neither")})
        for k in given:
            if numbers and c[k] not in numbers:
                yield Finding("FS331", m.rel, path=path + (k,), params={"number": c[k], "range": _range(numbers)})
    for i, event, number, state in change_problems(d):
        yield Finding("FS333", m.rel, path=("attendance", "changes", i, event), params={
            "person": ctx.person_name(d["attendance"]["changes"][i]["person"]), "event": Phrase(f"event_{event}"),
            "number": number, "state": Phrase(f"state_{state}")})
    for i, pid in enumerate(d.get("attendance", {}).get("remote", [])):
        if pid not in presence.present:
            yield Finding("FS336", m.rel, path=("attendance", "remote", i), params={"person": ctx.person_name(pid)})


@local("meeting")
def check_participation(ctx, m):
    """FS334, FS341, FS342: who acts in a § takes part in it."""
    d = m.data
    presence = Presence(d)
    for path, n, letter, item in items(d):
        label = paragraph_label(n, letter)
        deciding = presence.deciding_in(item, n)
        acts = [(("reservations", k, "person"), r.get("person"), "reserves")
                for k, r in enumerate(item.get("reservations", []))]
        acts += [(("jav", k, "chair"), j.get("chair"), "chairs") for k, j in enumerate(item.get("jav", []))]
        acts += [(("serving", k, "person"), s.get("person"), "serves") for k, s in enumerate(item.get("serving", []))]
        acts += [(("vote", g, k), pid, "votes") for g in VOTE_GROUPS
                 for k, pid in enumerate(item.get("vote", {}).get(g, []))]
        moves = [(("motions", k, "by"), x.get("by"), "moves") for k, x in enumerate(item.get("motions", []))]
        notes = [(("notes_for_record", k, "person"), x.get("person"), "notes")
                 for k, x in enumerate(item.get("notes_for_record", []))]
        for where, pid, what in acts + moves + notes:
            if not isinstance(pid, str):
                continue
            if pid not in presence.present:
                if what in ("moves", "notes"):
                    yield Finding("FS341", m.rel, path=path + where, params={
                        "person": ctx.person_name(pid), "what": Phrase(f"what_{what}"), "number": label})
                continue  # the other acts by someone absent are FS316/FS324/FS335/FS337's
            why = presence.why_absent(pid, n)
            if why is not None:
                yield Finding("FS334", m.rel, path=path + where, params={
                    "person": ctx.person_name(pid), "number": label, "why": why, "what": Phrase(f"what_{what}")})
            elif what == "moves" and pid not in deciding:
                yield Finding("FS342", m.rel, path=path + where, params={"person": ctx.person_name(pid),
                                                                         "number": label})


@local("meeting")
def check_serving(ctx, m):
    """FS335: a substitute serving in one § only."""
    d = m.data
    date = meeting_date(d)
    organ = m.id.split("/")[0]
    presence = Presence(d)
    absent = set(d.get("attendance", {}).get("absent", []))
    for path, n, letter, item in items(d):
        label = paragraph_label(n, letter)
        jav = {j.get("person") for j in item.get("jav", [])}
        for k, s in enumerate(item.get("serving", [])):
            sub, rep = s.get("person"), s.get("replaces")
            if not isinstance(sub, str) or not isinstance(rep, str):
                continue
            reason = None
            if sub not in presence.present:
                reason = Phrase("serving_not_present")
            elif sub in presence.deciding:
                reason = Phrase("serving_already_deciding")
            elif rep in presence.deciding and rep not in jav and presence.why_absent(rep, n) is None:
                reason = Phrase("serving_replaced_takes_part")
            elif rep not in presence.present and rep not in absent:
                reason = Phrase("replaced_not_absent")
            elif date is not None and sub in ctx.person_data and rep in ctx.person_data:
                sub_roles = [r for r in ctx.memberships_on(sub, organ, date) if r.get("role") == "ersättare"]
                rep_roles = [r for r in ctx.memberships_on(rep, organ, date) if r.get("role") in SEAT_ROLES]
                if not sub_roles:
                    reason = Phrase("serving_not_substitute", organ=ctx.organ_name(organ), date=date)
                elif not rep_roles:
                    reason = Phrase("replaced_not_member", organ=ctx.organ_name(organ), date=date)
                elif not {r.get("on_behalf_of") for r in rep_roles} & {r.get("on_behalf_of") for r in sub_roles}:
                    reason = Phrase("replaced_other_member")
            if reason is not None:
                yield Finding("FS335", m.rel, path=path + ("serving", k, "person"), params={
                    "person": ctx.person_name(sub), "replaces": ctx.person_name(rep), "number": label,
                    "reason": reason})


@local("meeting")
def check_votes(ctx, m):
    """FS337–FS340: a votering by name or by counts."""
    d = m.data
    presence = Presence(d)
    for path, n, letter, item in items(d):
        vote = item.get("vote")
        if not isinstance(vote, dict):
            continue
        label = paragraph_label(n, letter)
        deciding = presence.deciding_in(item, n)
        jav = {j.get("person") for j in item.get("jav", [])}
        seen: dict[str, int] = {}
        for g in VOTE_GROUPS:
            for k, pid in enumerate(vote.get(g, [])):
                seen[pid] = seen.get(pid, 0) + 1
                if seen[pid] == 2:
                    times = sum(vote.get(h, []).count(pid) for h in VOTE_GROUPS)
                    yield Finding("FS338", m.rel, path=path + ("vote", g, k), params={
                        "person": ctx.person_name(pid), "times": times, "number": label})
                if seen[pid] == 1 and pid in presence.present and presence.why_absent(pid, n) is None \
                        and pid not in deciding:
                    reason = Phrase("vote_jav" if pid in jav else "vote_not_deciding")
                    yield Finding("FS337", m.rel, path=path + ("vote", g, k), params={
                        "person": ctx.person_name(pid), "number": label, "reason": reason})
                elif seen[pid] == 1 and pid not in presence.present:
                    yield Finding("FS337", m.rel, path=path + ("vote", g, k), params={
                        "person": ctx.person_name(pid), "number": label, "reason": Phrase("vote_not_deciding")})
        total = 0
        for g in VOTE_GROUPS:
            named = len(vote.get(g, []))
            count = vote.get(f"{g}_count")
            if isinstance(count, int) and g in vote and count != named:
                yield Finding("FS340", m.rel, path=path + ("vote", f"{g}_count"), params={
                    "number": label, "count": count, "key": g, "named": named})
            total += count if isinstance(count, int) else named
        if total > len(deciding) and any(isinstance(vote.get(f"{g}_count"), int) for g in VOTE_GROUPS):
            yield Finding("FS339", m.rel, path=path + ("vote",), params={
                "number": label, "votes": total, "deciding": len(deciding)})


@local("meeting")
def check_decided_elsewhere(ctx, m):
    """FS343, FS344: per capsulam; FS349: omedelbar justering of a meeting not yet held."""
    d = m.data
    date = meeting_date(d)
    for path, n, letter, item in items(d):
        label = paragraph_label(n, letter)
        pc = item.get("per_capsulam")
        if pc is not None:
            if date is not None and pc > date:
                yield Finding("FS343", m.rel, path=path + ("per_capsulam",), params={
                    "number": label, "date": pc, "meeting": date})
            clauses = [c for c in item.get("decision", []) if isinstance(c, str) and c.strip()]
            if not clauses and not str(item.get("decision_text", "")).strip():
                yield Finding("FS344", m.rel, path=path + ("per_capsulam",), params={"number": label})
        if item.get("immediately_adjusted") and d.get("state") and not state_at_least(d, "genomförd"):
            yield Finding("FS349", m.rel, path=path + ("immediately_adjusted",), params={
                "number": label, "state": d["state"]})


def _holders(d: dict) -> dict[str, set[str]]:
    """Signer role -> who holds it at the meeting."""
    stand_ins = {j.get("chair") for _p, _n, _l, item in items(d) for j in item.get("jav", []) if j.get("chair")}
    return {"ordförande": {d.get("chair")} - {None}, "justerare": set(d.get("adjusters", [])),
            "sekreterare": {d.get("secretary"), d.get("second_secretary")} - {None},
            "ordförande under jäv": stand_ins}


@local("meeting")
def check_justering(ctx, m):
    """FS345–FS348: the date of adjustment and the signatures."""
    d = m.data
    j = d.get("justering", {})
    date, jdate = meeting_date(d), j.get("date")
    if j.get("date_unknown") and jdate is not None:
        yield Finding("FS345", m.rel, path=("justering", "date_unknown"), params={"date": jdate})
    signers = [(i, s) for i, s in enumerate(j.get("signers", [])) if isinstance(s, dict)]
    if not signers:
        return
    holders = _holders(d)
    signed = {(s.get("person"), s.get("role")) for _i, s in signers}
    for i, s in signers:
        pid, role = s.get("person"), s.get("role")
        if role in holders and pid not in holders[role]:
            yield Finding("FS346", m.rel, path=("justering", "signers", i, "role"), params={
                "person": ctx.person_name(pid), "role": Phrase(SIGNER_PHRASES[role])})
        when = s.get("date")
        if when is not None and date is not None and when < date:
            yield Finding("FS348", m.rel, path=("justering", "signers", i, "date"), params={
                "person": ctx.person_name(pid), "date": when, "what": Phrase("signed_before_meeting", meeting=date)})
        elif when is not None and jdate is not None and when > jdate:
            yield Finding("FS348", m.rel, path=("justering", "signers", i, "date"), params={
                "person": ctx.person_name(pid), "date": when,
                "what": Phrase("signed_after_justering", justering=jdate)})
    for role in ("ordförande", "justerare"):
        for pid in sorted(holders[role]):
            if (pid, role) not in signed:
                path = ("chair",) if role == "ordförande" else ("adjusters", d["adjusters"].index(pid))
                yield Finding("FS347", m.rel, path=path, params={
                    "person": ctx.person_name(pid), "role": Phrase(SIGNER_PHRASES[role])})

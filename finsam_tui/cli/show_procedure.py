"""``finsam show``'s lines for what happened at a meeting: a §'s yrkanden, votering,
protokollsanteckningar and outcome, a meeting's arrivals and departures and signatures
(the data of ``core/query/procedure.py``)."""

from __future__ import annotations

from finsam_tui.cli.render import table, wrap
from finsam_tui.core.text import iso


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title, *lines] if lines else []


def _name(brief) -> str:
    return brief["name"] if brief else ""


def paragraph_fields(d: dict, L) -> list[tuple[str, str]]:
    return [
        (L["added_item"], L["yes"] if d.get("added") else ""),
        (L["per_capsulam"], iso(d.get("per_capsulam"))),
        (L["outcome"], L.value(d.get("outcome") or "")),
        (L["immediately_adjusted"], L["yes"] if d.get("immediately_adjusted") else ""),
    ]


def vote_lines(vote: dict | None, L) -> list[str]:
    if not vote:
        return []
    rows = []
    for g in ("for", "against", "abstained"):
        if g in vote:
            names = ", ".join(_name(p) for p in vote[g]["people"])
            rows.append([L[f"vote_{g}"], f"{names} ({vote[g]['count']})" if names else str(vote[g]["count"])])
    return table(rows, indent=2) + (wrap(vote["result"]) if vote.get("result") else [])


def paragraph_lines(d: dict, L) -> list[str]:
    out = _section(L["outcome"], wrap(d.get("outcome_note", "")))
    out += _section(L["serving_in_item"], [line for s in d.get("serving", []) for line in wrap(
        f"{_name(s['person'])} ({L.fmt('replaces', name=_name(s['replaces']))})", bullet="- ")])
    out += _section(L["motions"], [line for x in d.get("motions", []) for line in
                                   wrap(f"{_name(x['person'])}: {x['text']}", bullet="- ")])
    out += _section(L["proposition_order"], wrap(d.get("proposition_order", "")))
    out += _section(L["vote"], vote_lines(d.get("vote"), L))
    out += _section(L["notes_for_record"], [line for x in d.get("notes_for_record", []) for line in
                                            wrap(f"{_name(x['person'])}: {x['text']}", bullet="- ")])
    return out


def meeting_fields(d: dict, L) -> list[tuple[str, str]]:
    return [(L["second_secretary"], _name(d.get("second_secretary"))),
            (L["justering_date_unknown"], L["yes"] if d.get("justering_date_unknown") else ""),
            (L["anslag_signed_by"], _name(d.get("anslag_signed_by")))]


def meeting_lines(d: dict, L) -> list[str]:
    changes = [L.fmt(f"change_{c['change']}", name=_name(c["person"]), number=c["number"],
                     time=L.fmt("at_time", time=c["time"]) if c["time"] else "")
               for c in d.get("changes", []) if c["change"]]
    out = _section(L["att_remote"], wrap(", ".join(_name(p) for p in d.get("remote", []))))
    out += _section(L["changes"], [line for c in changes for line in wrap(c, bullet="- ")])
    out += _section(L["signatures"], table([[L.value(s["role"]), _name(s["person"]), iso(s["date"]), s["method"],
                                             s["reference"]] for s in d.get("signers", [])], indent=2))
    return out


def paragraph_marks(p: dict, L) -> list[str]:
    """The marks of a § in a meeting's list besides decision and tasks: its outcome, a vote."""
    return ([L.value(p["outcome"])] if p.get("outcome") else []) + ([L["vote_mark"]] if p.get("vote") else [])

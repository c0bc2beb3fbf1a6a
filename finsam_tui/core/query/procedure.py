"""What happened at a meeting, as plain data for ``finsam show`` and the TUI's details: the
procedure fields of a § (yrkanden, votering, protokollsanteckningar, outcome …) and of a
meeting (arrivals and departures, participation via länk, signatures), references resolved
to names (:func:`~finsam_tui.core.query.results.person_brief`)."""

from __future__ import annotations

from finsam_tui.core.query.results import as_date, as_strs, as_text, person_brief
from finsam_tui.core.records.archive import Archive

VOTE_GROUPS = ("for", "against", "abstained")


def _dicts(values) -> list[dict]:
    return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []


def vote_data(archive: Archive, vote) -> dict | None:
    """{group: {"people": [briefs], "count": n}} for the groups given, and the result."""
    if not isinstance(vote, dict) or not vote:
        return None
    out: dict = {"result": as_text(vote.get("result")).strip()}
    for g in VOTE_GROUPS:
        people = [person_brief(archive, p) for p in as_strs(vote.get(g))]
        count = vote.get(f"{g}_count")
        if g in vote or isinstance(count, int):
            out[g] = {"people": people, "count": count if isinstance(count, int) else len(people)}
    return out


def paragraph_procedure(archive: Archive, item: dict) -> dict:
    """The procedure fields of a § or sub-item."""
    return {
        "added": item.get("added") is True,
        "per_capsulam": as_date(item.get("per_capsulam")),
        "outcome": as_text(item.get("outcome")),
        "outcome_note": as_text(item.get("outcome_note")).strip(),
        "motions": [{"person": person_brief(archive, x.get("by")), "text": as_text(x.get("text")).strip()}
                    for x in _dicts(item.get("motions"))],
        "proposition_order": as_text(item.get("proposition_order")).strip(),
        "vote": vote_data(archive, item.get("vote")),
        "notes_for_record": [{"person": person_brief(archive, x.get("person")), "text": as_text(x.get("text")).strip()}
                             for x in _dicts(item.get("notes_for_record"))],
        "serving": [{"person": person_brief(archive, x.get("person")), "replaces": person_brief(archive, x.get("replaces"))}
                    for x in _dicts(item.get("serving"))],
        "immediately_adjusted": item.get("immediately_adjusted") is True,
    }


def meeting_procedure(archive: Archive, d: dict) -> dict:
    """The procedure fields of a meeting: second secretary, remote, changes, signatures."""
    att = d.get("attendance", {}) if isinstance(d.get("attendance"), dict) else {}
    j = d.get("justering", {}) if isinstance(d.get("justering"), dict) else {}
    a = d.get("anslag", {}) if isinstance(d.get("anslag"), dict) else {}
    changes = []
    for c in _dicts(att.get("changes")):
        kind = "arrived" if isinstance(c.get("arrived"), int) else "left" if isinstance(c.get("left"), int) else ""
        changes.append({"person": person_brief(archive, c.get("person")), "change": kind,
                        "number": c.get(kind) if kind else None, "time": as_text(c.get("time"))})
    return {
        "second_secretary": person_brief(archive, d.get("second_secretary")),
        "remote": [person_brief(archive, p) for p in as_strs(att.get("remote"))],
        "changes": changes,
        "justering_date_unknown": j.get("date_unknown") is True,
        "signers": [{"person": person_brief(archive, s.get("person")), "role": as_text(s.get("role")),
                     "date": as_date(s.get("date")), "method": as_text(s.get("method")),
                     "reference": as_text(s.get("reference"))} for s in _dicts(j.get("signers"))],
        "anslag_signed_by": person_brief(archive, a.get("signed_by")),
    }

"""What happened at the meeting, in the protocol, the extract and the decision register:
arrivals and departures, participation via länk, substitutes serving in one §, yrkanden,
propositionsordning, votering, protokollsanteckningar, bordläggning and återremiss, items
added at the meeting, per capsulam decisions, omedelbar justering and the signatures."""

from __future__ import annotations

from finsam_tui.core.export import markdown as md
from finsam_tui.core.export.common import Context
from finsam_tui.core.io.load import Record
from finsam_tui.core.records.meetings import items
from finsam_tui.core.text import iso

VOTE_GROUPS = ("for", "against", "abstained")
SIGNER_ROLES = {"ordförande": "signer_chair", "justerare": "signer_adjuster", "sekreterare": "signer_secretary",
                "ordförande under jäv": "signer_jav_chair"}


def remote_set(m: Record) -> set[str]:
    return {p for p in m.data.get("attendance", {}).get("remote", []) if isinstance(p, str)}


def remote_mark(ctx: Context, m: Record, pid: object, line: str) -> str:
    """line, with ", deltar via länk" when pid took part at a distance."""
    return line + ctx.L["remote_suffix"] if pid in remote_set(m) else line


def changes(ctx: Context, m: Record) -> list[str]:
    """The arrivals and departures during the meeting, in the order of the §§."""
    L = ctx.L
    entries = [c for c in m.data.get("attendance", {}).get("changes", []) if isinstance(c, dict)]
    lines = []
    for c in sorted(entries, key=lambda c: c.get("arrived") or c.get("left") or 0):
        kind = "arrived" if isinstance(c.get("arrived"), int) else "left" if isinstance(c.get("left"), int) else None
        if kind is None:
            continue
        time = L.fmt("at_time", time=md.inline(c["time"])) if c.get("time") else ""
        lines.append(L.fmt(f"change_{kind}", name=md.inline(ctx.person_name(c.get("person"))), time=time,
                           number=c[kind]))
    return [md.heading(3, L["changes"]), md.bullets(lines)] if lines else []


def changes_here(ctx: Context, m: Record, item: dict) -> list[str]:
    """At the top of §N: who arrives there, who has left before it (not under its sub-items)."""
    n = item.get("number")
    if not isinstance(n, int):
        return []
    L = ctx.L
    lines = []
    for c in m.data.get("attendance", {}).get("changes", []):
        for kind in ("arrived", "left"):
            if isinstance(c, dict) and c.get(kind) == n:
                time = L.fmt("at_time", time=md.inline(c["time"])) if c.get("time") else ""
                lines.append(L.fmt(f"change_{kind}_here", name=md.inline(ctx.person_name(c.get("person"))), time=time))
    return [" ".join(lines)] if lines else []


def added_note(ctx: Context, item: dict) -> list[str]:
    """"Tillkommande ärende" at the top of a § added at the meeting."""
    return [ctx.L["added_item"]] if item.get("added") else []


def before_decision(ctx: Context, item: dict) -> list[str]:
    """Per-§ serving, yrkanden, propositionsordning and votering: what led to the decision."""
    L = ctx.L
    blocks: list[str] = []
    serving = [L.fmt("serves_in_item", name=md.inline(ctx.person_name(s.get("person"))),
                     replaces=md.inline(ctx.person_name(s.get("replaces"))))
               for s in item.get("serving", []) if isinstance(s, dict)]
    if serving:
        blocks += [md.strong(L["serving_in_item"]), " ".join(serving)]
    motions = [L.fmt("motion_line", name=md.inline(ctx.person_name(x.get("by"))), text=md.inline(x.get("text", "")))
               for x in item.get("motions", []) if isinstance(x, dict)]
    if motions:
        blocks += [md.strong(L["motions"]), md.bullets(motions)]
    if str(item.get("proposition_order", "")).strip():
        blocks += [md.strong(L["proposition_order"]), *md.paragraphs(item["proposition_order"])]
    vote = item.get("vote")
    if isinstance(vote, dict) and vote:
        blocks += [md.strong(L["vote"]), md.definitions(vote_pairs(ctx, vote))]
        if str(vote.get("result", "")).strip():
            blocks += md.paragraphs(vote["result"])
    return blocks


def vote_pairs(ctx: Context, vote: dict) -> list[tuple[str, str]]:
    """(Ja, "Anna Ek, Gun Sjö (2)"), (Nej, "1"), … for the groups the vote gives."""
    pairs = []
    for g in VOTE_GROUPS:
        names = [ctx.person_name(p) for p in vote.get(g, []) if isinstance(p, str)]
        count = vote.get(f"{g}_count")
        n = count if isinstance(count, int) else len(names)
        if names:
            pairs.append((ctx.L[f"vote_{g}"], f"{md.inline(', '.join(names))} ({n})"))
        elif g in vote or isinstance(count, int):
            pairs.append((ctx.L[f"vote_{g}"], str(n)))
    return pairs


def outcome(ctx: Context, item: dict) -> list[str]:
    """"Ärendet bordläggs." / "Ärendet återremitteras." and the note on it: its own paragraphs,
    or, when the note goes on from the sentence (one line starting with a small letter: "till
    förbundschefen för …"), one sentence: "Ärendet återremitteras till förbundschefen för …"."""
    if item.get("outcome") not in ("bordlagt", "återremitterat"):
        return []
    sentence = ctx.L[f"outcome_{item['outcome']}"]
    note = str(item.get("outcome_note", "")).strip()
    if note and note[0].islower() and "\n" not in note:
        return [md.inline(f"{sentence.rstrip('.')} {note.rstrip('.')}.")]
    return [sentence] + (md.paragraphs(note) if note else [])


def per_capsulam(ctx: Context, item: dict) -> list[str]:
    pc = item.get("per_capsulam")
    return [ctx.L.fmt("per_capsulam", date=md.inline(iso(pc)))] if pc else []


def after_decision(ctx: Context, item: dict) -> list[str]:
    """The protokollsanteckningar of the §."""
    L = ctx.L
    blocks: list[str] = []
    for x in item.get("notes_for_record", []):
        if isinstance(x, dict):
            blocks += [md.strong(L["note_for_record"]),
                       L.fmt("notes_line", name=md.inline(ctx.person_name(x.get("person"))))]
            if str(x.get("text", "")).strip():
                blocks.append(md.blockquote(md.paragraphs(x["text"])))
    return blocks


def immediately(ctx: Context, item: dict) -> list[str]:
    return [ctx.L["immediately_adjusted"]] if item.get("immediately_adjusted") else []


def decision_notes(ctx: Context, item: dict) -> list[str]:
    """The lines the decision register adds to a decision: outcome, per capsulam, the vote, omedelbar justering."""
    blocks = outcome(ctx, item) + per_capsulam(ctx, item)
    vote = item.get("vote")
    if isinstance(vote, dict) and vote:
        blocks += [md.strong(ctx.L["vote"]), md.definitions(vote_pairs(ctx, vote))]
        if str(vote.get("result", "")).strip():
            blocks += md.paragraphs(vote["result"])
    reservations = [ctx.person_name(r.get("person")) for r in item.get("reservations", []) if isinstance(r, dict)]
    if reservations:
        blocks.append(ctx.L.fmt("reservations_by", names=md.inline(", ".join(reservations))))
    return blocks + immediately(ctx, item)


# -- justering ---------------------------------------------------------------------------------
def justering_statement(ctx: Context, m: Record) -> str | None:
    """"Protokollet är justerat; datumet framgår inte." for a justering without a date, else None."""
    j = m.data.get("justering", {})
    if j.get("date") or not j.get("date_unknown"):
        return None
    return ctx.L["justering_date_unknown"]


def secretaries(ctx: Context, m: Record) -> str:
    names = [ctx.person_name(m.data.get(k)) for k in ("secretary", "second_secretary") if m.data.get(k)]
    return ", ".join(names)


def signers(ctx: Context, m: Record) -> list[str]:
    """The signatures one by one: role, name, date, method and reference."""
    L = ctx.L
    rows = [[md.cell(L[SIGNER_ROLES.get(s.get("role"), "signer_chair")]), md.cell(ctx.person_name(s.get("person"))),
             md.cell(iso(s.get("date"))), md.cell(s.get("method", "")), md.cell(s.get("reference", ""))]
            for s in m.data.get("justering", {}).get("signers", []) if isinstance(s, dict)]
    if not rows:
        return []
    headers = [L[k] for k in ("col_signed_as", "col_name", "col_signed_on", "col_method", "col_reference")]
    return [md.heading(3, L["signatures"]), md.table(headers, rows)]


def immediately_adjusted(ctx: Context, m: Record) -> list[str]:
    """"§ 9 justerades omedelbart vid sammanträdet." in the justering section."""
    numbers = [f"§ {n}{letter or ''}" for _p, n, letter, item in items(m.data) if item.get("immediately_adjusted")]
    return [ctx.L.fmt("immediately_adjusted_list", numbers=", ".join(numbers))] if numbers else []


def persons(m: Record) -> set[str]:
    """Every person the procedure fields of the meeting name."""
    d = m.data
    out = {d.get("second_secretary"), d.get("anslag", {}).get("signed_by")}
    att = d.get("attendance", {})
    out |= set(att.get("remote", [])) | {c.get("person") for c in att.get("changes", [])}
    out |= {s.get("person") for s in d.get("justering", {}).get("signers", [])}
    for _p, _n, _l, item in items(d):
        out |= {s.get("person") for s in item.get("serving", [])} | {s.get("replaces") for s in item.get("serving", [])}
        out |= {x.get("by") for x in item.get("motions", [])}
        out |= {x.get("person") for x in item.get("notes_for_record", [])}
        vote = item.get("vote", {})
        out |= {p for g in VOTE_GROUPS for p in vote.get(g, [])}
    return {p for p in out if isinstance(p, str)}

"""What a meeting document says about the meeting as a whole, besides its header fields: the
letterhead (the förbund and its member organisations), the meeting's bilagor and how a §
names one, the next meeting (date, time and place), and points without § in an organ that
does not number them (``numbering_policy``)."""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.export import markdown as md
from finsam_tui.core.export.common import Context
from finsam_tui.core.io.load import Record
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.bilagor import bilaga_number, bilagor_of
from finsam_tui.core.records.meetings import organ_of
from finsam_tui.core.records.numbering_policy import numbered
from finsam_tui.core.records.printed import member_names


# -- letterhead -------------------------------------------------------------------------------
def members(ctx: Context, m: Record) -> list[str]:
    """The member organisations the letterhead lists: as frozen when the protocol was locked
    (``[justering.printed] members``), else from organisationer/ on the meeting's date."""
    frozen = ctx.printed.get("members") if ctx.printed else None
    if isinstance(frozen, list) and all(isinstance(x, str) for x in frozen):
        return list(frozen)
    return member_names({oid: rec.data for oid, rec in ctx.archive.orgs.items()}, Archive.meeting_date(m))


def letterhead(ctx: Context, m: Record) -> str:
    """The förbund's name in bold and, on the next line, its member organisations."""
    name = md.strong(md.inline(ctx.forbund_name()))
    names = members(ctx, m)
    if not names:
        return name
    return name + md.BREAK + ctx.L.fmt("letterhead_members", members=md.inline(", ".join(names)))


# -- the next meeting ---------------------------------------------------------------------------
def long_date(ctx: Context, date: dt.date) -> str:
    L = ctx.L
    return L.fmt("long_date", weekday=L.mapped("weekdays", str(date.weekday())), day=date.day,
                 month=L.mapped("months", str(date.month)), year=date.year)


def clock(ctx: Context, time: object) -> str:
    """"13.00" in Swedish, "13:00" in English, from "13:00"."""
    return str(time).replace(":", ctx.L["time_separator"]) if time else ""


def next_meeting(ctx: Context, m: Record) -> str:
    """"torsdag 14 september 2023 kl. 13.00–16.00, Stadshuset, Björkvik" (Markdown), from
    next_meeting and next_meeting_start/_end/_place; what is given of it."""
    d = m.data
    date = d.get("next_meeting")
    text = long_date(ctx, date) if isinstance(date, dt.date) else ""
    times = "–".join(clock(ctx, d.get(k)) for k in ("next_meeting_start", "next_meeting_end") if d.get(k))
    if times:
        text = ctx.L.fmt("next_meeting_at", date=text, time=times).strip()
    parts = [text, d.get("next_meeting_place") or ""]
    return md.inline(", ".join(p for p in parts if isinstance(p, str) and p.strip()))


# -- bilagor ----------------------------------------------------------------------------------------
def bilaga_entry(ctx: Context, a: dict) -> str:
    return md.inline(ctx.L.fmt("bilaga_entry", number=a.get("number", "?"), title=a.get("title", "")))


def bilagor(ctx: Context, m: Record) -> list[str]:
    """The meeting's bilagor as a list ("Bilaga 1 Budgetuppföljning per 30 april"), by number."""
    entries = [bilaga_entry(ctx, a) for _n, a in sorted(bilagor_of(m.data).items())]
    return [md.strong(ctx.L["meeting_bilagor"]), md.bullets(entries)] if entries else []


def attachment_entries(ctx: Context, m: Record, item: dict) -> list[str]:
    """A §'s attachments (Markdown): a "Bilaga N" with the title of the meeting's bilaga N,
    other text as written."""
    known = bilagor_of(m.data)
    out = []
    for entry in item.get("attachments", []):
        if not isinstance(entry, str):
            continue
        n = bilaga_number(entry)
        out.append(bilaga_entry(ctx, known[n]) if n in known else md.inline(entry))
    return out


# -- points without § -----------------------------------------------------------------------------
def is_numbered(ctx: Context, m: Record) -> bool:
    """True when the meeting's organ numbers its points as §§."""
    return numbered(ctx.archive.settings, organ_of(m))


def point_heading(ctx: Context, item: dict) -> str:
    """"3. Title", or the title alone, for a point of an organ without § numbers."""
    number, title = item.get("number"), md.inline(item.get("title", ""))
    if isinstance(number, int):
        return ctx.L.fmt("point_heading_number", number=number, title=title)
    return ctx.L.fmt("point_heading", title=title)

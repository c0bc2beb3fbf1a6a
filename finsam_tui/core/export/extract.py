"""Protokollsutdrag: chosen paragraphs of a protocol, certified by the secretary."""

from __future__ import annotations

import re

from finsam_tui.core.export import markdown as md
from finsam_tui.core.export import meeting as mt
from finsam_tui.core.export.common import Context, ExportError, number_label
from finsam_tui.core.i18n.export import Labels
from finsam_tui.core.records.meetings import organ_of
from finsam_tui.core.text import iso

_PARA = re.compile(r"^§?\s*(\d+)\s*([a-z])?$")


def parse_paragraph(text: str) -> tuple[int, str | None]:
    """"§17", "§ 17", "17" or "§20a" → (17, None) / (20, "a"); ExportError otherwise."""
    m = _PARA.match(text.strip())
    if not m:
        raise ExportError("msg_bad_paragraph", para=text)
    return int(m.group(1)), m.group(2)


def extract(archive, ref: str, paragraphs: list[str], lang: str = "sv", draft: bool = False) -> str:
    """The extract of the given §§ (``["§17", "§20a"]``) of meeting ref as Markdown.

    A § that is not in the meeting raises ExportError naming it (exit 2)."""
    ctx = Context(archive, Labels(lang), draft)
    m = mt.meeting_to_export(archive, ref)
    wanted = [parse_paragraph(p) for p in paragraphs]
    items = m.data.get("items", [])
    for number, letter in wanted:
        if not _find(items, number, letter):
            raise ExportError("msg_missing_paragraph", para=number_label(number, letter), ref=m.id,
                              range=mt.paragraph_range(items) or "–")
    mt.check(ctx, m)
    L = ctx.L
    chosen = []  # in the order of the protocol, each § once
    for item in items:
        whole = any(n == item.get("number") and letter is None for n, letter in wanted)
        subs = [s for s in item.get("sub", [])
                if any(n == item.get("number") and letter == s.get("letter") for n, letter in wanted)]
        if whole:
            chosen.append((item, None, True))
        elif subs:
            chosen.append((item, subs, False))
    shown = ", ".join(number_label(n, letter) for n, letter in dict.fromkeys(wanted))
    j = m.data.get("justering", {})
    adjusted = md.inline(iso(j.get("date"))) or (L["date_not_stated"] if j.get("date_unknown") else "")
    extra = [(L["paragraphs"], md.inline(shown)), (L["justered_on"], adjusted)]
    blocks = [mt.title(ctx, m, "extract"), *ctx.draft_note(), *mt.header(ctx, m, with_range=False, extra=extra)]
    for item, subs, body in chosen:
        blocks += mt.item_blocks(ctx, m, item, mt.PROTOCOL, subs=subs, body=body)
    secretary = m.data.get("secretary")
    who = (ctx.describe(secretary, organ_of(m), archive.meeting_date(m)) if isinstance(secretary, str)
           else L["certify_unknown"])
    blocks += [md.heading(2, L["certify"]), who]
    blocks += ctx.draft_note()
    return md.document(blocks)


def _find(items: list[dict], number: int, letter: str | None) -> bool:
    for item in items:
        if item.get("number") == number:
            if letter is None or any(s.get("letter") == letter for s in item.get("sub", [])):
                return True
    return False

"""The protocol (minutes) of one meeting, laid out as Swedish offices write them."""

from __future__ import annotations

from finsam_tui.core.export import letterhead as lh
from finsam_tui.core.export import markdown as md
from finsam_tui.core.export import meeting as mt
from finsam_tui.core.export.common import Context
from finsam_tui.core.i18n.export import Labels
from finsam_tui.core.text import iso


def protocol(archive, ref: str, lang: str = "sv", draft: bool = False) -> str:
    """The minutes of the meeting ref (``styrelse/2023-04-14``) as Markdown.

    Raises ExportError for an unknown ref and RecordsHaveErrors when the records behind
    the meeting have errors and draft is False."""
    ctx = Context(archive, Labels(lang), draft)
    m = mt.meeting_to_export(archive, ref)
    mt.check(ctx, m)
    L = ctx.L
    notes = mt.takes_no_decisions(ctx, m)  # minnesanteckningar: no justering or anslag unless recorded
    blocks = [mt.title(ctx, m, "notes_title" if notes else "protocol"), *ctx.draft_note(),
              *mt.header(ctx, m, extra=[(L["next_meeting"], lh.next_meeting(ctx, m))]), *lh.bilagor(ctx, m),
              *mt.attendance(ctx, m)]
    for item in m.data.get("items", []):
        blocks += mt.item_blocks(ctx, m, item, mt.PROTOCOL)
    if isinstance(m.data.get("notes"), str) and m.data["notes"].strip():
        blocks += [md.heading(2, L["notes"]), *md.paragraphs(m.data["notes"])]
    blocks += tasks_table(ctx, m)
    blocks += mt.notes_signatures(ctx, m) if notes and not mt.adjusted(m) else mt.justering(ctx, m)
    blocks += corrections(ctx, m)
    if not notes or m.data.get("anslag", {}).get("posted"):
        blocks += mt.anslag(ctx, m)
    blocks += ctx.draft_note()
    return md.document(blocks)


def corrections(ctx: Context, m) -> list[str]:
    """Rättelser made after justering: date, by whom, what and why."""
    L = ctx.L
    rows = [[md.cell(iso(c.get("date"))), md.cell(ctx.person_name(c.get("by"))), md.cell(c.get("what", "")),
             md.cell(c.get("why", ""))] for c in m.data.get("corrections", [])]
    if not rows:
        return []
    headers = [L[k] for k in ("col_correction_date", "col_by", "col_what", "col_why")]
    return [md.heading(2, L["corrections"]), L["corrections_note"], md.table(headers, rows)]


def tasks_table(ctx: Context, m) -> list[str]:
    L = ctx.L
    rows = []
    for item, t in mt.tasks_of(m):
        rows.append([
            md.cell("§ " + mt.item_number(m, item)),
            md.cell(t.get("task", "")),
            md.cell(ctx.person_name(t.get("responsible"))),
            md.cell(iso(t.get("due"))) or L["no_amount"],
            md.cell(L.task_state(str(t.get("status", "ny")))),
        ])
    if not rows:
        return []
    headers = [L[k] for k in ("col_paragraph", "col_task", "col_responsible", "col_due", "col_status")]
    return [md.heading(2, L["tasks_given"]), md.table(headers, rows)]

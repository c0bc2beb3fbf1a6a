"""The register of decisions: every § with decision clauses or a decision text."""

from __future__ import annotations

from finsam_tui.core.export import markdown as md
from finsam_tui.core.export import procedure as pr
from finsam_tui.core.export.common import Context, ExportError
from finsam_tui.core.i18n.export import Labels
from finsam_tui.core.query.registers import decision_entries
from finsam_tui.core.records.meetings import organ_of, parent_of
from finsam_tui.core.text import iso


def decisions(archive, year: int | None = None, organ: str | None = None, lang: str = "sv",
              draft: bool = False) -> str:
    """The decision register as Markdown, optionally for one year and/or one organ."""
    ctx = Context(archive, Labels(lang), draft)
    L = ctx.L
    if organ is not None and organ not in archive.organs:
        raise ExportError("msg_unknown_organ", organ=organ, organs=", ".join(sorted(archive.organs)) or "–")
    title = L["decisions_title"]
    filters = []
    if year is not None:
        filters.append(L.fmt("filter_year", year=year))
        title += f" {year}"
    if organ is not None:
        filters.append(L.fmt("filter_organ", organ=md.inline(ctx.organ_name(organ))))
        title += f" — {md.inline(ctx.organ_name(organ))}"
    blocks = [ctx.title(title), *ctx.draft_note(), md.strong(md.inline(ctx.forbund_name())),
              md.definitions([(L["filter"], ", ".join(filters) or L["filter_all"])])]
    entries = decision_entries(archive, year, organ)
    if not entries:
        blocks.append(L["no_decisions"])
    current = None
    for m, number, letter, item in entries:
        if m.id != current:
            current = m.id
            blocks.append(md.heading(2, L.fmt("meeting_heading", organ=md.inline(ctx.organ_name(organ_of(m))),
                                                date=md.inline(iso(m.data.get("date"))))))
            blocks.append(md.definitions([(L["meeting_ref"], md.inline(m.id)),
                                          (L["diarienummer"], md.inline(m.data.get("diarienummer", "")))]))
        title_md = md.inline(item.get("title", ""))
        if letter:
            parent = parent_of(m.data, item) or {}
            sub = L.fmt("sub_heading", letter=md.inline(letter), title=title_md)
            head = L.fmt("paragraph_heading", number=number, title=f"{md.inline(parent.get('title', ''))}, {sub}")
        else:
            head = L.fmt("paragraph_heading", number=number, title=title_md)
        blocks.append(md.heading(3, head))
        blocks.append(md.strong(ctx.decision_label(organ_of(m))))
        clauses = [md.inline(c) for c in item.get("decision", []) if isinstance(c, str) and c.strip()]
        if clauses:
            blocks.append(md.bullets(clauses))
        if str(item.get("decision_text", "")).strip():
            blocks += md.paragraphs(item["decision_text"])
        blocks += pr.decision_notes(ctx, item)
    blocks += ctx.draft_note()
    return md.document(blocks)

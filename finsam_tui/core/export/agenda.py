"""Kallelse and föredragningslista: the notice of a meeting with its agenda."""

from __future__ import annotations

from finsam_tui.core.export import letterhead as lh
from finsam_tui.core.export import markdown as md
from finsam_tui.core.export import meeting as mt
from finsam_tui.core.export.common import Context
from finsam_tui.core.i18n.export import Labels
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.meetings import organ_of, parent_of
from finsam_tui.core.records.schema import ROLES, SEAT_ROLES
from finsam_tui.core.text import iso

GROUPS = ("called_members", "called_substitutes", "called_coopted", "called_others")


def agenda(archive, ref: str, lang: str = "sv", draft: bool = False) -> str:
    """The notice and agenda of the meeting ref as Markdown (see protocol() for the errors)."""
    ctx = Context(archive, Labels(lang), draft)
    m = mt.meeting_to_export(archive, ref)
    mt.check(ctx, m)
    L = ctx.L
    organ = organ_of(m)
    sent = [item for item in m.data.get("items", []) if not item.get("added")]  # an item added at the
    # meeting was not on the agenda sent out
    sent_range = [(L["paragraphs"], md.inline(mt.paragraph_range(sent)))] if lh.is_numbered(ctx, m) else []
    blocks = [mt.title(ctx, m, "agenda"), *ctx.draft_note(), *mt.header(ctx, m, with_range=False, extra=sent_range),
              *lh.bilagor(ctx, m),
              L.fmt("agenda_intro", organ=md.inline(ctx.organ_name(organ)))]
    blocks += called(ctx, m)
    for item in sent:
        blocks += mt.item_blocks(ctx, m, item, mt.AGENDA, subs=[s for s in item.get("sub", []) if not s.get("added")])
    blocks += follow_up(ctx, m)
    blocks += ctx.draft_note()
    return md.document(blocks)


def called(ctx: Context, m) -> list[str]:
    """Who is called: the persons in the meeting's attendance, or, when it has none (a planned
    meeting), everyone holding a membership in the organ on the date; grouped by role."""
    archive, organ, date = ctx.archive, organ_of(m), Archive.meeting_date(m)
    att = m.data.get("attendance", {})
    voting = [p for p in att.get("voting", []) if isinstance(p, str)]
    serving = [s.get("person") for s in att.get("serving", []) if isinstance(s.get("person"), str)]
    replaced = [s.get("replaces") for s in att.get("serving", []) if isinstance(s.get("replaces"), str)]
    substitutes = [p for p in att.get("substitutes", []) if isinstance(p, str)]
    absent = [p for p in att.get("absent", []) if isinstance(p, str)]
    coopted = [p for p in att.get("coopted", []) if isinstance(p, str)]
    others = [p for p in att.get("others", []) if isinstance(p, str)]
    guests = [g for g in att.get("others", []) if isinstance(g, dict)]
    persons = list(dict.fromkeys(voting + replaced + serving + substitutes + absent + coopted + others))
    if not persons and not guests and date is not None:
        persons = sorted(pid for pid in archive.persons if archive.memberships_on(pid, organ, date))

    def role(pid: str) -> str:
        ms = ctx.membership(pid, organ, date)
        return str(ms.get("role", "")) if ms else ""

    def group(pid: str) -> str:
        r = role(pid)
        if pid in coopted or r == "adjungerad":
            return "called_coopted"
        if pid in voting or pid in replaced or r in SEAT_ROLES:
            return "called_members"
        if pid in serving or pid in substitutes or r == "ersättare":
            return "called_substitutes"
        return "called_others"

    def order(pid: str) -> tuple:
        ms = ctx.membership(pid, organ, date) or {}
        r = ms.get("role")
        return (ROLES.index(r) if r in ROLES else len(ROLES), ctx.org_name(ms.get("on_behalf_of")).casefold(),
                ms.get("call_order", 0) if isinstance(ms.get("call_order"), int) else 0,
                ctx.person_name(pid).casefold(), pid)

    entries: dict[str, list[str]] = {g: [] for g in GROUPS}
    for pid in sorted(persons, key=order):
        entries[group(pid)].append(ctx.describe(pid, organ, date))
    entries["called_others"] += [ctx.guest(g) for g in guests]
    blocks = [md.heading(2, ctx.L["called"])]
    for g in GROUPS:
        if entries[g]:
            blocks += [md.heading(3, ctx.L[g]), md.bullets(entries[g])]
    return blocks if len(blocks) > 1 else []


def follow_up(ctx: Context, m) -> list[str]:
    L = ctx.L
    rows = []
    for earlier, item, t in mt.open_tasks_before(ctx, m):
        parent = parent_of(earlier.data, item)
        rows.append([
            md.cell(t.get("task", "")),
            md.cell(ctx.person_name(t.get("responsible"))),
            md.cell(iso(t.get("due"))) or L["no_amount"],
            md.cell(L.task_state(str(t.get("status", "ny")))),
            mt.given_at(ctx, earlier, item, parent),
            md.cell(t.get("reported", "")) or L["no_amount"],
        ])
    if not rows:
        return []
    headers = [L[k] for k in ("col_task", "col_responsible", "col_due", "col_status_now", "col_given", "col_reported")]
    return [md.heading(2, L["tasks_open"]), L["tasks_open_intro"], md.table(headers, rows)]

"""The detail panes of the Uppdrag register and of the Problem section (a finding, also
shown above a file's source)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from finsam_tui.core.i18n.tui import Labels
from finsam_tui.tui.details.parts import fields, group, title
from finsam_tui.tui.view_data import Model, iso, registers


def uppdrag_detail(model: Model, u: registers.Uppdrag, L: Labels) -> RenderableType:
    parts: list = title(u.task or "–", f"{u.ref} · {u.paragraph_title}")
    reported = ""
    if u.reported is not None:
        reported = f"{u.reported.text} {u.reported.title}".strip() if u.reported.ref else u.reported.text
    parts.append(fields([
        (L["responsible"], u.responsible_name), (L["due"], iso(u.due)), (L["status_col"], L.domain(u.status)),
        (L["reported"], reported), (L["file"], f"{u.file}:{u.line}" if u.line else u.file),
    ]))
    return group(parts)


def finding_detail(f, L: Labels) -> RenderableType:
    where = f"{f.file}:{f.line}:{f.column}" if f.line and f.column else (f"{f.file}:{f.line}" if f.line else f.file)
    style = "bold red" if f.severity == "error" else "bold yellow"
    parts: list = [Text.assemble((f"{L.severity(f.severity)} {f.code} ", style), (where, "dim")),
                   Text(f.message(L.lang))]
    if f.source_line:
        parts.append(Text(f"  {f.line} | {f.source_line}", style="dim"))
    hint = f.hint(L.lang)
    if hint:
        parts.append(Text.assemble((L["hint"] + ": ", "bold"), hint))
    related = [p for p in f.related if p.file]
    if related:
        parts.append(Text.assemble((L["related"] + ": ", "bold"),
                                   ", ".join(f"{p.file}:{p.line}" if p.line else p.file for p in related)))
    return group(parts)

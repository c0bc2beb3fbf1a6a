"""The detail pane of an insats: period, owner, deciding §, steering group, description,
budget lines and the statistics by year."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from finsam_tui.core.i18n.tui import Labels
from finsam_tui.tui.details.parts import fields, heading, names, paragraphs, record_detail
from finsam_tui.tui.view_data import Model, period


def insats_detail(model: Model, iid: str, L: Labels) -> RenderableType:
    return record_detail(model, "insats", iid, L, _insats_body)


def _insats_body(d: dict, L: Labels) -> list:
    decided = d["decided_by"]
    parts: list = [fields([
        (L["period"], period(d["start"], d["end"])),
        (L["owner"], d["owner"]["name"] if d["owner"] else ""),
        (L["decided_by"], f"{decided['text']} {decided['context'] or ''}".strip() if decided else ""),
        (L["steering_group"], names(d["steering_group"])),
    ])]
    if d["description"]:
        parts += [heading(L["description"]), *paragraphs(d["description"])]
    if d["budget_lines"]:
        parts.append(heading(L["budget_lines"]))
        parts += [Text.assemble((b["text"], "bold"), "  " + (b["title"] if b["ref"] else L["unresolved"]))
                  for b in d["budget_lines"]]
    stats = [s for s in d["statistics"] if isinstance(s.get("year"), int)]
    if stats:
        parts.append(heading(L["statistics"]))
        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
        for key in ("stat_year", "stat_women", "stat_men", "stat_new", "stat_ended"):
            table.add_column(L[key], justify="left" if key == "stat_year" else "right", no_wrap=True)
        for s in sorted(stats, key=lambda s: s["year"]):
            table.add_row(*[Text(str(s.get(k)) if s.get(k) is not None else "–")
                            for k in ("year", "women", "men", "new", "ended")])
        parts.append(table)
        last = max(stats, key=lambda s: s["year"])
        reasons = last.get("ended_reasons")
        if isinstance(reasons, dict) and reasons:
            parts.append(Text("\n" + L.fmt("ended_reasons", year=last["year"]), style="bold"))
            parts += [Text(f"  {k}: {v}") for k, v in reasons.items()]
    return parts

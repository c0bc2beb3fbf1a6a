"""The building blocks of the detail panes: a title, headings, label–value fields, bullets,
paragraphs, the problems of a record's file, and the pane of a record told by one lookup.

Every piece of user text goes into a ``rich.text.Text`` as plain text, never through
markup, so a title like ``[bold]x[/bold]`` is shown as written.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from finsam_tui.core.i18n.tui import Labels
from finsam_tui.tui.view_data import Model, views

MAX_LIST = 8  # rows of a long list (meetings chaired, …) shown in a pane


def title(text: str, sub: str = "") -> list[RenderableType]:
    out: list[RenderableType] = [Text(text, style="bold")]
    if sub:
        out.append(Text(sub, style="dim"))
    return out


def heading(text: str) -> Text:
    return Text.assemble("\n", (text, "bold underline"))


def fields(pairs: list[tuple[str, object]]) -> Table | None:
    """Label–value pairs in two columns; empty values are left out."""
    rows = [(k, v) for k, v in pairs if v not in (None, "", [])]
    if not rows:
        return None
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for k, v in rows:
        grid.add_row(Text(k), v if isinstance(v, Text) else Text(str(v)))
    return grid


def bullets(items: list, bullet: str = "• ") -> list[Text]:
    out = []
    for item in items:
        t = Text(bullet)
        t.append_text(item if isinstance(item, Text) else Text(str(item)))
        out.append(t)
    return out


def paragraphs(text: str) -> list[Text]:
    """Multi-line text as its author wrote it: paragraphs apart, line breaks (and list lines) kept."""
    return [Text("\n".join("  " + " ".join(line.split()) for line in p.split("\n") if line.strip()))
            for p in text.split("\n\n") if p.strip()]


def names(people) -> str:
    return ", ".join(p["name"] for p in people if p)


def problems_line(model: Model, rel: str, L: Labels) -> list[RenderableType]:
    e, w = model.problems(rel)
    out: list[RenderableType] = [Text.assemble("\n", (L["file"] + " ", "bold"), (rel, "dim"))]
    if e or w:
        out.append(Text(L.fmt("problems_in_file", errors=e, warnings=w), style="bold red" if e else "yellow"))
    return out


def group(parts: list) -> Group:
    return Group(*[p for p in parts if p is not None])


def record_detail(model: Model, kind: str, rid: str, L: Labels,
                   body: Callable[[dict, Labels], list]) -> RenderableType:
    """The pane of an organisation or insats (kind: org, insats): its name and ref, body()
    of what ``views.show_<kind>`` tells of it, the problems of its file. While the archive
    loads, or for an unknown ref, a pane that says so."""
    archive = model.archive
    if archive is None:
        return group(title(rid, L["loading"]))
    records, show = (archive.orgs, views.show_org) if kind == "org" else (archive.insatser, views.show_insats)
    rec = records.get(rid)
    if rec is None:
        return group(title(rid, L.fmt("unknown_ref", ref=f"{kind}/{rid}")))
    d = show(archive, rec)
    return group(title(d["name"], d["ref"]) + body(d, L) + problems_line(model, rec.rel, L))

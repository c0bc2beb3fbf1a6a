"""`finsam export all`: every document of the records, plus an index.md that links them.

:func:`bundle` builds the files in memory (relative path → Markdown) from sanitized ids;
:func:`write_bundle` writes them, and refuses any path that would end up outside the
output folder (``..``, absolute paths, symlinks leading out).
"""

from __future__ import annotations

import re
from pathlib import Path

from finsam_tui.core.export import markdown as md
from finsam_tui.core.export import meeting as mt
from finsam_tui.core.export.agenda import agenda
from finsam_tui.core.export.budget import budget
from finsam_tui.core.export.common import Context, ExportError, RecordsHaveErrors, meeting_key
from finsam_tui.core.export.decisions import decisions
from finsam_tui.core.export.protocol import protocol
from finsam_tui.core.i18n.export import Labels
from finsam_tui.core.io import inside
from finsam_tui.core.io.load import Record
from finsam_tui.core.records.meetings import organ_of
from finsam_tui.core.text import iso

HELD = ("genomförd", "justerad", "anslagen")  # a protocol exists only for a meeting that was held
INDEX = "index.md"
DECISIONS = "beslutsregister.md"


def safe_id(text: object) -> str:
    """A path component made of a-z, 0-9 and -, never empty, '.' or '..'."""
    s = re.sub(r"[^a-z0-9-]+", "-", str(text).lower()).strip("-")
    return s or "x"


def protocol_path(m: Record) -> str:
    organ, stem = m.id.split("/", 1)
    return f"protokoll/{safe_id(organ)}/{safe_id(stem)}.md"


def agenda_path(m: Record) -> str:
    organ, stem = m.id.split("/", 1)
    return f"kallelser/{safe_id(organ)}/{safe_id(stem)}.md"


def budget_path(year: int) -> str:
    return f"budgetar/{safe_id(year)}.md"


def _meetings(archive) -> list[Record]:
    order = {oid: i for i, oid in enumerate(archive.organs)}
    return sorted(archive.meetings.values(),
                  key=lambda m: (order.get(organ_of(m), len(order)), organ_of(m), meeting_key(archive, m)))


def bundle(archive, lang: str = "sv", draft: bool = False) -> dict[str, str]:
    """Every document as {relative path: Markdown}: protocols of held meetings, agendas of all
    meetings, budgets of all years, the decision register and index.md.

    Raises RecordsHaveErrors (listing every error) when a meeting has errors and draft is False."""
    meetings = _meetings(archive)
    errors = []
    for m in meetings:
        errors += [f for f in mt.errors_behind(archive, m) if f not in errors]
    if errors and not draft:
        bad = sorted({m.id for m in meetings if mt.errors_behind(archive, m)})
        raise RecordsHaveErrors(", ".join(bad), errors)
    files: dict[str, str] = {}
    held = [m for m in meetings if m.data.get("state") in HELD]
    for m in held:
        files[protocol_path(m)] = protocol(archive, m.id, lang, draft)
    for m in meetings:
        files[agenda_path(m)] = agenda(archive, m.id, lang, draft)
    years = sorted(archive.budgets)
    for year in years:
        files[budget_path(year)] = budget(archive, year, lang, draft)
    files[DECISIONS] = decisions(archive, lang=lang, draft=draft)
    files[INDEX] = index(Context(archive, Labels(lang), draft), held, meetings, years)
    return dict(sorted(files.items()))


def index(ctx: Context, held: list[Record], meetings: list[Record], years: list[int]) -> str:
    L = ctx.L

    def meeting_link(m: Record, path: str) -> str:
        text = f"{md.inline(ctx.organ_name(organ_of(m)))} {md.inline(iso(m.data.get('date')))}"
        if m.id.split("/", 1)[1] != iso(m.data.get("date")):
            text += f" ({md.inline(m.id)})"
        return md.link(text, path)

    def section(key: str, links: list[str]) -> list[str]:
        return [md.heading(2, L[key]), md.bullets(links) if links else L["index_none"]]

    blocks = [ctx.title(f"{L['index_title']} — {md.inline(ctx.forbund_name())}"), *ctx.draft_note()]
    blocks += section("index_protocols", [meeting_link(m, protocol_path(m)) for m in held])
    blocks += section("index_agendas", [meeting_link(m, agenda_path(m)) for m in meetings])
    blocks += section("index_budgets", [md.link(L.fmt("budget_title", year=y), budget_path(y)) for y in years])
    blocks += section("index_decisions", [md.link(L["decisions_title"], DECISIONS)])
    blocks += ctx.draft_note()
    return md.document(blocks)


def _target(root: Path, rel: str) -> Path:
    """root/rel after checking that it stays inside root; ExportError otherwise."""
    try:
        return inside.target(root, rel)
    except inside.OutsideFolder:
        raise ExportError("msg_unsafe_path", path=rel, dir=str(root)) from None


def write_bundle(files: dict[str, str], out_dir: Path | str) -> list[Path]:
    """Write files below out_dir (created if missing). Every path is checked before anything is
    written, and again after its folders are made; nothing is ever written outside out_dir."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ExportError("msg_not_dir", dir=str(out))
    out.mkdir(parents=True, exist_ok=True)
    root = out.resolve()
    targets = [(_target(root, rel), text) for rel, text in sorted(files.items())]
    written = []
    for (target, text), rel in zip(targets, sorted(files)):
        target.parent.mkdir(parents=True, exist_ok=True)
        target = _target(root, rel)
        inside.replace_file(target, text.encode("utf-8"))
        written.append(target)
    return written

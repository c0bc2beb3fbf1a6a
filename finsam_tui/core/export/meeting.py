"""Pieces of a meeting document shared by the protocol, the agenda and the extract."""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding, errors_in
from finsam_tui.core.check.protocol_lock import is_locked
from finsam_tui.core.export import letterhead as lh
from finsam_tui.core.export import markdown as md
from finsam_tui.core.export import procedure as pr
from finsam_tui.core.export.common import Context, ExportError, RecordsHaveErrors, meeting_key
from finsam_tui.core.io.load import Record
from finsam_tui.core.query.lookup import RefError, find_meeting
from finsam_tui.core.records.archive import Archive
from finsam_tui.core.records.layout import FORBUND_FILE, rel_of
from finsam_tui.core.records.meetings import items, organ_of
from finsam_tui.core.records.printed import frozen
from finsam_tui.core.records.refs import resolve
from finsam_tui.core.text import iso

PROTOCOL, AGENDA = "protocol", "agenda"


# -- finding the meeting -----------------------------------------------------------------
def meeting_to_export(archive: Archive, ref: str) -> Record:
    """The meeting named by ref (``styrelse/2023-04-14``, found by lookup.find_meeting), or the
    export's errors: ExportError naming the nearest meeting, RecordsHaveErrors for a file
    that is there but could not be read (showing why)."""
    try:
        return find_meeting(archive, ref)
    except RefError as err:
        if err.code == "unreadable":
            raise RecordsHaveErrors(ref, errors_in(archive.findings, err.rel)) from None
        if err.code != "unknown":
            raise ExportError("msg_bad_ref", ref=ref) from None
        if err.nearest is None:
            raise ExportError("msg_unknown_meeting", hint="msg_no_meetings", ref=ref) from None
        raise ExportError("msg_unknown_meeting", hint="msg_nearest", ref=ref, nearest=err.nearest) from None


# -- errors behind a meeting document ---------------------------------------------------------
def persons_of(m: Record) -> set[str]:
    """Every person the meeting record names."""
    d = m.data
    out: set[str] = set()

    def add(value) -> None:
        if isinstance(value, str):
            out.add(value)

    add(d.get("chair"))
    add(d.get("secretary"))
    for pid in d.get("adjusters", []):
        add(pid)
    att = d.get("attendance", {})
    for key in ("voting", "substitutes", "absent", "coopted", "others"):
        for pid in att.get(key, []):
            add(pid)
    for s in att.get("serving", []):
        add(s.get("person"))
        add(s.get("replaces"))
    for _path, _number, _letter, item in items(d):
        for r in item.get("reservations", []):
            add(r.get("person"))
        for j in item.get("jav", []):
            add(j.get("person"))
            add(j.get("chair"))
        for t in item.get("tasks", []):
            add(t.get("responsible"))
    return out | pr.persons(m)


def errors_behind(archive: Archive, m: Record) -> list[Finding]:
    """Errors in the meeting's file, in the persons it names and in forbund.toml."""
    files = {m.rel, FORBUND_FILE} | {rel_of("person", pid) for pid in persons_of(m)}
    return errors_in(archive.findings, files)


def check(ctx: Context, m: Record) -> None:
    """Refuse a meeting document with errors behind it, unless it is a draft (then count them);
    a locked meeting's document prints the names its snapshot froze."""
    errors = errors_behind(ctx.archive, m)
    if errors and not ctx.draft:
        raise RecordsHaveErrors(m.id, errors)
    ctx.errors = errors
    snapshot = frozen(m.data)
    if snapshot is not None and is_locked(m.data):
        ctx.freeze(snapshot, organ_of(m))


# -- header ----------------------------------------------------------------------------------
def title(ctx: Context, m: Record, key: str) -> str:
    name = md.inline(ctx.organ_name(organ_of(m)))
    return ctx.title(f"{ctx.L[key]} — {name} {md.inline(iso(m.data.get('date')))}")


def time_range(m: Record) -> str:
    start, end = m.data.get("start"), m.data.get("end")
    if start and end:
        return f"{start}–{end}"
    return str(start or end or "")


def paragraph_range(items: list[dict]) -> str:
    numbers = [i["number"] for i in items if isinstance(i.get("number"), int)]
    if not numbers:
        return ""
    lo, hi = min(numbers), max(numbers)
    return f"§{lo}" if lo == hi else f"§{lo}–§{hi}"


def header(ctx: Context, m: Record, with_range: bool = True, extra: list[tuple[str, str]] | None = None) -> list[str]:
    L, d = ctx.L, m.data
    pairs = [(L["organ"], md.inline(ctx.organ_name(organ_of(m))))]
    kind = d.get("kind")
    if isinstance(kind, str) and kind != "ordinarie":
        pairs.append((L["meeting_kind"], md.inline(L.meeting_kind(kind))))
    pairs += [
        (L["date"], md.inline(iso(d.get("date")))),
        (L["time"], md.inline(time_range(m))),
        (L["place"], md.inline(d.get("place", ""))),
        (L["diarienummer"], md.inline(d.get("diarienummer", ""))),
    ]
    if with_range and lh.is_numbered(ctx, m):
        pairs.append((L["paragraphs"], md.inline(paragraph_range(d.get("items", [])))))
    pairs += extra or []
    return [lh.letterhead(ctx, m), md.definitions(pairs)]


# -- attendance -----------------------------------------------------------------------------
def attendance(ctx: Context, m: Record) -> list[str]:
    L, organ, date = ctx.L, organ_of(m), Archive.meeting_date(m)
    att = m.data.get("attendance", {})

    def people(key: str, skip: tuple[str, ...] = ()) -> list[str]:
        return [pr.remote_mark(ctx, m, p, ctx.describe(p, organ, date, skip)) for p in att.get(key, [])
                if isinstance(p, str)]

    serving = [pr.remote_mark(ctx, m, s["person"], ctx.describe(s["person"], organ, date, ("ersättare",))
                              + (f", {L.fmt('replaces', name=md.inline(ctx.person_name(s['replaces'])))}"
                                 if isinstance(s.get("replaces"), str) else ""))  # without: on its own seat
               for s in att.get("serving", []) if isinstance(s.get("person"), str)]
    others = [pr.remote_mark(ctx, m, o, ctx.describe(o, organ, date)) if isinstance(o, str) else ctx.guest(o)
              for o in att.get("others", []) if isinstance(o, (str, dict))]
    groups = [
        ("voting", people("voting")),
        ("serving", serving),
        ("substitutes", people("substitutes", ("ersättare",))),
        ("absent", people("absent")),
        ("coopted", people("coopted")),
        ("others", others),
    ]
    if not ctx.archive.organs.get(organ, {}).get("decides", True):
        groups[0] = ("voting_no_decisions", groups[0][1])
    blocks = [md.heading(2, L["attendance"])]
    for key, entries in groups:
        if entries:
            blocks += [md.heading(3, L[key]), md.bullets(entries)]
    blocks += pr.changes(ctx, m)
    return blocks if len(blocks) > 1 else []


# -- paragraphs -------------------------------------------------------------------------------
def item_heading(ctx: Context, item: dict) -> str:
    return ctx.L.fmt("paragraph_heading", number=item.get("number", "?"), title=md.inline(item.get("title", "")))


def sub_heading(ctx: Context, sub: dict) -> str:
    return ctx.L.fmt("sub_heading", letter=md.inline(sub.get("letter", "?")), title=md.inline(sub.get("title", "")))


def item_blocks(ctx: Context, m: Record, item: dict, mode: str, subs: list[dict] | None = None,
                body: bool = True) -> list[str]:
    """A § as a level-2 section and its sub-items as level-3 sections.

    subs: the sub-items to show (default all); body=False shows only the § heading (an
    extract of a single sub-item)."""
    numbered = lh.is_numbered(ctx, m)
    blocks = [md.heading(2, item_heading(ctx, item) if numbered else lh.point_heading(ctx, item))]
    if body:
        blocks += _body(ctx, m, item, mode)
    for sub in item.get("sub", []) if subs is None else subs:
        blocks.append(md.heading(3, sub_heading(ctx, sub)))
        blocks += _body(ctx, m, sub, mode)
    return blocks


def _body(ctx: Context, m: Record, item: dict, mode: str) -> list[str]:
    L = ctx.L
    organ = organ_of(m)
    blocks: list[str] = pr.added_note(ctx, item) + (pr.changes_here(ctx, m, item) if mode != AGENDA else [])
    if item.get("diarienummer"):
        blocks.append(md.definitions([(L["item_diarienummer"], md.inline(item["diarienummer"]))]))
    if item.get("background"):
        blocks += [md.strong(L["background"]), *md.paragraphs(item["background"])]
    if mode == AGENDA:
        if item.get("proposal"):
            blocks += [md.strong(L["proposal"]), *md.paragraphs(item["proposal"])]
    else:
        jav = item.get("jav", [])
        if jav:
            sentences = []
            for j in jav:
                sentences.append(L.fmt("jav_left", name=md.inline(ctx.person_name(j.get("person")))))
                if j.get("chair"):
                    sentences.append(L.fmt("jav_chair", name=md.inline(ctx.person_name(j["chair"]))))
            blocks += [md.strong(L["jav"]), " ".join(sentences)]
        blocks += pr.before_decision(ctx, item)
        clauses = [md.inline(c) for c in item.get("decision", []) if isinstance(c, str) and c.strip()]
        text = md.paragraphs(item.get("decision_text", "")) if item.get("decision_text") else []
        decided = pr.outcome(ctx, item) + pr.per_capsulam(ctx, item)
        if clauses or text or decided:
            blocks.append(md.strong(ctx.decision_label(organ)))
            blocks += decided
            if clauses:
                blocks.append(md.bullets(clauses))
            blocks += text
        for r in item.get("reservations", []):
            blocks += [md.strong(L["reservation"]), L.fmt("reserves", name=md.inline(ctx.person_name(r.get("person"))))]
            if r.get("text"):
                blocks.append(md.blockquote(md.paragraphs(r["text"])))
        blocks += pr.after_decision(ctx, item)
        tasks = [task_line(ctx, t) for t in item.get("tasks", []) if isinstance(t, dict)]
        if tasks:
            blocks += [md.strong(L["tasks"]), md.bullets(tasks)]
        blocks += pr.immediately(ctx, item)
    attachments = lh.attachment_entries(ctx, m, item)
    if attachments:
        blocks += [md.strong(L["attachments"]), md.bullets(attachments)]
    return blocks


def task_line(ctx: Context, t: dict) -> str:
    L = ctx.L
    extra = []
    if t.get("due"):
        extra.append(L.fmt("due", date=md.inline(iso(t["due"]))))
    extra.append(L.fmt("status", status=md.inline(L.task_state(str(t.get("status", "ny"))))))
    if t.get("reported"):
        extra.append(L.fmt("reported", ref=md.inline(t["reported"])))
    task = md.item_text(t.get("task", ""), tail=f"({'; '.join(extra)})")
    return L.fmt("task_line", name=md.inline(ctx.person_name(t.get("responsible"))), task=task)


def tasks_of(m: Record) -> list[tuple[dict, dict]]:
    """(item or sub-item, task) for every uppdrag given at the meeting, in order."""
    return [(e.item, t) for e in items(m.data) for t in e.item.get("tasks", []) if isinstance(t, dict)]


def given_at(ctx: Context, m: Record, item: dict, parent: dict | None = None) -> str:
    number = f"{(parent or item).get('number', '?')}{item.get('letter', '') if parent else ''}"
    return ctx.L.fmt("given_at", organ=md.inline(ctx.organ_name(organ_of(m))),
                     date=md.inline(iso(m.data.get("date"))), number=md.inline(number))


def item_number(m: Record, item: dict) -> str:
    """"17" or "20a" for an item or sub-item of the meeting."""
    for parent in m.data.get("items", []):
        if parent is item:
            return str(item.get("number", "?"))
        for sub in parent.get("sub", []):
            if sub is item:
                return f"{parent.get('number', '?')}{sub.get('letter', '')}"
    return "?"


def open_tasks_before(ctx: Context, m: Record) -> list[tuple[Record, dict, dict]]:
    """Uppdrag from earlier meetings of the same organ that were open at this meeting.

    Open: status ny or pågående, or reported back (klar/avbruten) at this meeting or later,
    i.e. still open when this meeting was called."""
    archive = ctx.archive
    here = meeting_key(archive, m)
    out = []
    for earlier in archive.meetings_by_organ.get(organ_of(m), []):
        if meeting_key(archive, earlier) >= here:
            continue
        for item, t in tasks_of(earlier):
            status = t.get("status", "ny")
            if status in ("ny", "pågående"):
                out.append((earlier, item, t))
            elif t.get("reported") and _reported_key(archive, t["reported"]) is not None:
                if _reported_key(archive, t["reported"]) >= here:
                    out.append((earlier, item, t))
    return out


def _reported_key(archive: Archive, ref: str) -> tuple | None:
    res = resolve(archive.index, ref, want="paragraph_or_meeting")
    if not res.targets:
        return None
    return meeting_key(archive, archive.meetings[res.targets[0].id])


# -- justering and anslag -----------------------------------------------------------------------
def justering(ctx: Context, m: Record) -> list[str]:
    L, d = ctx.L, m.data
    j = d.get("justering", {})
    if j.get("date") and j.get("place"):
        statement = L.fmt("justering_done_place", date=md.inline(iso(j["date"])), place=md.inline(j["place"]))
    elif j.get("date"):
        statement = L.fmt("justering_done", date=md.inline(iso(j["date"])))
    else:
        statement = pr.justering_statement(ctx, m) or L["justering_pending"]
    pairs = [(L["chair"], md.inline(ctx.person_name(d.get("chair"))))]
    stand_ins: dict[str, list[str]] = {}
    for _path, _number, _letter, item in items(d):
        for jv in item.get("jav", []):
            if isinstance(jv.get("chair"), str):
                stand_ins.setdefault(jv["chair"], []).append(item_number(m, item))
    for pid in sorted(stand_ins):
        pairs.append((L.fmt("chair_during", numbers=", ".join(stand_ins[pid])), md.inline(ctx.person_name(pid))))
    adjusters = [ctx.person_name(p) for p in d.get("adjusters", []) if isinstance(p, str)]
    pairs += [
        (L["adjusters"], md.inline(", ".join(adjusters))),
        (L["secretary"], md.inline(pr.secretaries(ctx, m))),
        (L["signing"], md.inline(j.get("signing", ""))),
    ]
    return [md.heading(2, L["justering"]), statement, *pr.immediately_adjusted(ctx, m), md.definitions(pairs),
            *pr.signers(ctx, m)]


def takes_no_decisions(ctx: Context, m: Record) -> bool:
    """The meeting's organ takes no decisions (medlemssamråd, beredningsgrupp): it keeps minnesanteckningar."""
    return not ctx.archive.organs.get(organ_of(m), {}).get("decides", True)


def adjusted(m: Record) -> bool:
    """The meeting names adjusters or a justering date."""
    return bool(m.data.get("adjusters")) or bool(m.data.get("justering", {}).get("date"))


def notes_signatures(ctx: Context, m: Record) -> list[str]:
    """The end of minnesanteckningar: who chaired and who took the notes (no justering)."""
    L, d = ctx.L, m.data
    return [md.definitions([(L["chair"], md.inline(ctx.person_name(d.get("chair")))),
                            (L["notes_by"], md.inline(ctx.person_name(d.get("secretary"))))])]


def anslag(ctx: Context, m: Record) -> list[str]:
    L, d = ctx.L, m.data
    a = d.get("anslag", {})
    storage = a.get("storage") or ctx.archive.settings.get("storage", "")
    pairs = [
        (L["organ"], md.inline(ctx.organ_name(organ_of(m)))),
        (L["meeting_date"], md.inline(iso(d.get("date")))),
        (L["posted"], md.inline(iso(a.get("posted")))),
        (L["removed"], md.inline(iso(a.get("removed")))),
        (L["storage"], md.inline(storage)),
        (L["anslag_signed_by"], md.inline(ctx.person_name(a.get("signed_by")))),
    ]
    statement = L["anslag_text"] if a.get("posted") else L["anslag_pending"]
    return [md.heading(2, L["anslag"]), statement, md.definitions(pairs)]

"""A locked protocol's frozen names against the files now (FS328, FS329).

A locked meeting with a snapshot of the names it printed (``[justering.printed]``,
``core/records/printed``) prints them as they were; where a person, organisation or organ file
now says something else, that is reported as a warning on the meeting, naming both: the
protocol stays as it was (it is right), but a reader may want to know. This is the one kind of
finding a later change of another file gives on a locked protocol.
"""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.protocol_lock import is_locked
from finsam_tui.core.check.rules.registry import local, whole_context
from finsam_tui.core.records.printed import entry, frozen, frozen_rows, member_names, parts, same


@local("meeting")
@whole_context
def check_printed_names(ctx, m):
    d = m.data
    printed = frozen(d)
    if printed is None or not is_locked(d):
        return
    organ = d.get("organ") if isinstance(d.get("organ"), str) else m.id.split("/")[0]
    date = d.get("date")
    base = ("justering", "printed")
    for key, now in (("forbund", ctx.settings.get("name")), ("organ", ctx.organ_name(organ))):
        was = printed.get(key)
        if isinstance(was, str) and isinstance(now, str) and was != now and ctx.forbund_present:
            yield Finding("FS329", m.rel, path=base + (key,), params={"printed": was, "now": now})
    was = printed.get("members")
    if isinstance(was, list) and ctx.forbund_present:
        now = member_names(ctx.org_data, date)
        if was != now:
            yield Finding("FS329", m.rel, path=base + ("members",), params={
                "printed": ", ".join(map(str, was)), "now": ", ".join(now)})
    for i, e in frozen_rows(printed):
        now = entry(ctx, e["person"], organ, date)
        if now is not None and not same(e, now):
            yield Finding("FS328", m.rel, path=base + ("persons", i), params={
                "printed": ", ".join(parts(e)), "now": ", ".join(parts(now))})

"""Who takes part in each § of a meeting: the attendance, changed by arrivals and departures
(``attendance.changes``), by jäv and by substitutes serving in one § (``items.serving``).

``arrived = N``: the person takes part from §N on; ``left = N``: from §N on no more. A
person whose first change is an arrival was not there before it. Sub-items share their
§'s number. The rules of ``procedure.py`` ask :class:`Presence` about one §; the
inconsistencies of the changes themselves are :func:`change_problems`'s.
"""

from __future__ import annotations

from finsam_tui.core.check.rules.meetings import present_and_deciding
from finsam_tui.core.i18n.findings import Phrase


def changes(meeting: dict) -> list[tuple[int, dict]]:
    """(index, change) for every well-formed entry of attendance.changes."""
    att = meeting.get("attendance", {})
    return [(i, c) for i, c in enumerate(att.get("changes", [])) if isinstance(c, dict) and "person" in c]


def events(meeting: dict) -> dict[str, list[tuple[int, str, int]]]:
    """person -> [(§ number, "arrived"/"left", index)], in the order of the § numbers (file order
    within one §); entries with both or neither are left out (FS332)."""
    out: dict[str, list[tuple[int, str, int]]] = {}
    for i, c in changes(meeting):
        kinds = [k for k in ("arrived", "left") if isinstance(c.get(k), int)]
        if len(kinds) == 1:
            out.setdefault(c["person"], []).append((c[kinds[0]], kinds[0], i))
    for evs in out.values():
        evs.sort(key=lambda e: (e[0], e[2]))
    return out


def change_problems(meeting: dict):
    """(index, event, number, state) for each change that contradicts the one before it:
    an arrival of someone present, a departure of someone gone."""
    for evs in events(meeting).values():
        here = evs[0][1] != "arrived"
        for number, kind, i in evs:
            if kind == "arrived" and here:
                yield i, "arrived", number, "present"
            elif kind == "left" and not here:
                yield i, "left", number, "gone"
            here = kind == "arrived"


class Presence:
    """The meeting's attendance, asked per §."""

    def __init__(self, meeting: dict):
        self.present, self.deciding = present_and_deciding(meeting)
        self.events = events(meeting)

    def why_absent(self, pid: str, number: int | None) -> Phrase | None:
        """None when pid (present at the meeting) takes part in §number, else why not."""
        evs = self.events.get(pid)
        if not evs or not isinstance(number, int):
            return None
        here = evs[0][1] != "arrived"
        last = None
        for n, kind, _i in evs:
            if n > number:
                break
            here, last = kind == "arrived", (n, kind)
        if here:
            return None
        if last is None:
            return Phrase("why_not_arrived", number=evs[0][0])
        return Phrase("why_left", number=last[0])

    def takes_part(self, pid: str, number: int | None) -> bool:
        return pid in self.present and self.why_absent(pid, number) is None

    def deciding_in(self, item: dict, number: int | None) -> set[str]:
        """Who decides in the §: the deciding members there, less the jäviga, plus the
        substitutes serving in it (less those they replace)."""
        out = {p for p in self.deciding if self.why_absent(p, number) is None}
        out -= {j.get("person") for j in item.get("jav", [])}
        for s in item.get("serving", []):
            out.discard(s.get("replaces"))
            if s.get("person") in self.present and self.why_absent(s["person"], number) is None:
                out.add(s["person"])
        return out

"""§ numbers unique and contiguous per the numbering policy (FS307, FS308)."""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import cross
from finsam_tui.core.i18n.findings import Phrase


@cross
def check_paragraph_numbers(index):
    per_year = index.settings.get("paragraph_numbering") != "per_möte"
    scope = Phrase("scope_year" if per_year else "scope_meeting")
    unreadable_years = {i[: i.index("/") + 5] for k, i in index.unloaded_ids if k == "meeting"}
    for organ, meetings in index.meetings_by_organ.items():
        expected = 1
        seen: dict[int, tuple] = {}
        year = None
        for m in meetings:
            if not per_year or m.year != year:
                expected, seen, year = 1, {}, m.year
            if per_year and f"{organ}/{m.year}" in unreadable_years:
                continue  # a meeting of this year could not be read; its §§ are unknown
            for n, letter, path in m.paras:
                if letter is not None:
                    continue
                path = path + ("number",)
                if n in seen:
                    other, other_path = seen[n]
                    yield Finding("FS307", m.rel, path=path, params={"number": n, "other": other.id, "scope": scope},
                                  related=[Place(other.rel, path=other_path)])
                    expected = max(expected, n + 1)
                    continue
                if n != expected:
                    yield Finding("FS308", m.rel, path=path, params={
                        "expected": expected, "number": n, "scope": scope})
                seen[n] = (m, path)
                expected = max(expected, n + 1)

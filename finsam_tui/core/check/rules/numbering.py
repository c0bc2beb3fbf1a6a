"""§ numbers unique and contiguous per the organ's numbering (FS307, FS308), and present
where the organ numbers its points (FS104).

Per year, a year's numbering starts at § 1, at the ``first`` that forbund.toml's
``[[numbering_starts]]`` states for the organ and year, or, in the organ's earliest year in
the archive (an archive kept from mid-year), wherever its first kept meeting starts: nothing
before it is kept. After the first kept meeting every gap is reported. An organ numbered
``ingen`` (points without §) is not checked.
"""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import cross, local
from finsam_tui.core.i18n.findings import FieldHelp, Phrase
from finsam_tui.core.records.meetings import organ_of
from finsam_tui.core.records.numbering_policy import PER_MEETING, numbered, numbering_of, stated_start
from finsam_tui.core.records.schema import ITEM

_NUMBER = next(f for f in ITEM if f.name == "number")


@local("meeting")
def check_point_has_number(ctx, record):
    """A § of an organ that numbers its points needs its number (FS104, as the schema says)."""
    if not numbered(ctx.settings, organ_of(record)):
        return
    for i, item in enumerate(record.data.get("items", [])):
        if "number" not in item:
            yield Finding("FS104", record.rel, path=("items", i),
                          params={"key": f"items[{i}].number", "help": FieldHelp(_NUMBER.help_sv, _NUMBER.help_en)})


def _first_expected(index, organ: str, year: str, first_year: str | None, first_number: int | None) -> int:
    stated = stated_start(index.settings, organ, int(year)) if year.isdigit() else None
    if stated is not None:
        return stated
    if year == first_year and first_number is not None:
        return first_number  # the archive starts mid-year: nothing before its first meeting is kept
    return 1


@cross
def check_paragraph_numbers(index):
    unreadable_years = {i[: i.index("/") + 5] for k, i in index.unloaded_ids if k == "meeting"}
    for organ, meetings in index.meetings_by_organ.items():
        policy = numbering_of(index.settings, organ)
        if not numbered(index.settings, organ):
            continue
        per_year = policy != PER_MEETING
        scope = Phrase("scope_year" if per_year else "scope_meeting")
        first_year = meetings[0].year if meetings else None
        first_numbers: dict[str, int] = {}  # year -> the first § number kept that year
        for m in meetings:
            for n, letter, _path in m.paras:
                if letter is None:
                    first_numbers.setdefault(m.year, n)
                    break
        expected = 1
        seen: dict[int, tuple] = {}
        year = None
        for m in meetings:
            if not per_year or m.year != year:
                expected = (_first_expected(index, organ, m.year, first_year, first_numbers.get(m.year))
                             if per_year else 1)
                seen, year = {}, m.year
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

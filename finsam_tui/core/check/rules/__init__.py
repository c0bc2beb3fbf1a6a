"""Domain rules, each a small function with its code(s) in ``finsam_tui/core/check/codes.py``.

Identity numbers are searched in the raw text of every file when it is read
(``personal_data.scan_text``). ``LOCAL[kind]`` rules look at one record and the context (settings, persons,
organisations): ``rule(ctx, record) -> iterable of Finding``. ``CROSS`` rules look
across files through the index: ``rule(index) -> iterable of Finding``. Keeping the
two apart lets the cache re-run only the changed file's local rules.
"""

from finsam_tui.core.check.rules import (
    budgets,
    identity,
    insatser,
    meetings,
    memberships,
    numbering,
    references,
)

LOCAL = {
    "forbund": (identity.check_duplicate_organs, identity.check_organ_ids),
    "organisation": (),
    "person": (memberships.check_membership_periods,),
    "meeting": (
        meetings.check_meeting_file,
        meetings.check_attendance,
        meetings.check_dates,
        meetings.check_items,
        meetings.check_quorum,
        memberships.check_seats,
    ),
    "budget": (
        identity.check_duplicate_budget_ids,
        identity.check_budget_ids,
        budgets.check_budget_versions,
        budgets.check_budget_sums,
        budgets.check_income_split,
        budgets.check_duplicate_lines,
    ),
    "insats": (insatser.check_statistics,),
}

CROSS = (
    identity.check_settings,
    references.check_references,
    numbering.check_paragraph_numbers,
    budgets.check_deciding_paragraphs,
)

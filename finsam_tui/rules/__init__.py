"""Domain rules. Each rule is a small function ``check_x(archive) -> iterable of Finding``
with its code(s) in ``finsam_tui/catalog.py``. ``ALL`` is the order they run in."""

from . import budgets, identity, insatser, meetings, memberships, numbering, personal_data, references

ALL = (
    identity.check_settings,
    identity.check_duplicate_ids,
    references.check_references,
    meetings.check_meeting_file,
    meetings.check_attendance,
    meetings.check_dates,
    meetings.check_items,
    meetings.check_quorum,
    numbering.check_paragraph_numbers,
    memberships.check_membership_periods,
    memberships.check_seats,
    budgets.check_budget_versions,
    budgets.check_budget_sums,
    budgets.check_income_split,
    budgets.check_duplicate_lines,
    insatser.check_statistics,
    personal_data.check_identity_numbers,
)

"""The sections of the main screen, in the order of the sidebar (keys 1–7)."""

from finsam_tui.tui.sections.budget import BudgetSection
from finsam_tui.tui.sections.insatser import InsatserSection
from finsam_tui.tui.sections.meetings import MeetingsSection
from finsam_tui.tui.sections.members import MembersSection
from finsam_tui.tui.sections.problems import ProblemsSection
from finsam_tui.tui.sections.registers import DecisionsSection, UppdragSection

SECTIONS = (MeetingsSection, MembersSection, BudgetSection, InsatserSection, DecisionsSection, UppdragSection,
            ProblemsSection)

__all__ = ["SECTIONS"]

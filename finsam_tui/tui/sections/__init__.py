"""The sections of the main screen, in the order of the sidebar (keys 1–7)."""

from .budget import BudgetSection
from .insatser import InsatserSection
from .meetings import MeetingsSection
from .members import MembersSection
from .problems import ProblemsSection
from .registers import DecisionsSection, UppdragSection

SECTIONS = (MeetingsSection, MembersSection, BudgetSection, InsatserSection, DecisionsSection, UppdragSection,
            ProblemsSection)

__all__ = ["SECTIONS"]

"""The detail panes: a record or § as Rich renderables built from the lookups in
``finsam_tui/core/query/`` (views, results, person, registers), one module per section of the TUI (``meetings``,
``members``, ``insatser``, ``registers``) on the building blocks of ``parts``.
"""

from finsam_tui.tui.details.insatser import insats_detail
from finsam_tui.tui.details.meetings import decision_detail, meeting_detail, organ_detail, paragraph_detail, year_detail
from finsam_tui.tui.details.members import org_detail, person_detail
from finsam_tui.tui.details.parts import title
from finsam_tui.tui.details.registers import finding_detail, uppdrag_detail

__all__ = [
    "decision_detail",
    "finding_detail",
    "insats_detail",
    "meeting_detail",
    "org_detail",
    "organ_detail",
    "paragraph_detail",
    "person_detail",
    "title",
    "uppdrag_detail",
    "year_detail",
]

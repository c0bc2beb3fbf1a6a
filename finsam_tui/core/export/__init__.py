"""Markdown export of the records: protocols, agendas, extracts, budgets, the decision register.

Core code: imports nothing from Textual. Every export function takes an Archive and returns
the Markdown as a str (it never prints or writes), so the TUI can preview it; the
`finsam export` command (finsam_tui/cli/export.py) writes it. All labels are in
:mod:`.labels`, all escaping of user text in :mod:`.markdown`.
"""

from finsam_tui.core.export.agenda import agenda
from finsam_tui.core.export.budget import budget
from finsam_tui.core.export.bundle import bundle, write_bundle
from finsam_tui.core.export.common import ExportError, RecordsHaveErrors
from finsam_tui.core.export.decisions import decisions
from finsam_tui.core.export.extract import extract
from finsam_tui.core.export.protocol import protocol

__all__ = ["ExportError", "RecordsHaveErrors", "agenda", "budget", "bundle", "decisions", "extract", "protocol",
           "write_bundle"]

"""Markdown export of the records: protocols, agendas, extracts, budgets, the decision register.

Core code: imports nothing from Textual. Every export function takes an Archive and returns
the Markdown as a str (it never prints or writes), so the TUI can preview it; the
`finsam export` command (finsam_tui/commands/export.py) writes it. All labels are in
:mod:`.labels`, all escaping of user text in :mod:`.markdown`.
"""

from .agenda import agenda
from .budget import budget
from .bundle import bundle, write_bundle
from .common import ExportError, RecordsHaveErrors
from .decisions import decisions
from .extract import extract
from .protocol import protocol

__all__ = ["ExportError", "RecordsHaveErrors", "agenda", "budget", "bundle", "decisions", "extract", "protocol",
           "write_bundle"]

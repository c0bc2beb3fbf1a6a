"""The CLI's commands, one module each (see finsam_tui/cli.py)."""

from . import export, search, validate

COMMANDS = (validate, search, export)

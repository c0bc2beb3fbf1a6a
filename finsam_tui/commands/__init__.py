"""The CLI's commands, one module each (see finsam_tui/cli.py)."""

from . import correct, decisions, export, lock, person, refs, search, show, uppdrag, validate, init, fmt, schema, history, tui, serve

COMMANDS = (validate, search, show, refs, person, decisions, uppdrag, export, lock, correct, init, fmt, schema, history, tui, serve)

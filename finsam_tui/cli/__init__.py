"""The CLI's commands, one module each (see finsam_tui/cli/main.py)."""

from finsam_tui.cli import (
    correct,
    decisions,
    export,
    fmt,
    history,
    init,
    lock,
    person,
    refs,
    schema,
    search,
    serve,
    show,
    tui,
    uppdrag,
    validate,
    verify,
)

COMMANDS = (validate, verify, search, show, refs, person, decisions, uppdrag, export, lock, correct, init, fmt, schema,
            history, tui, serve)

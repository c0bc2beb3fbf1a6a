"""The terminal interface (Textual). Imported only when the TUI starts: the core and the
CLI never import Textual.

    from finsam_tui.tui.app import FinsamApp
    FinsamApp("records").run()
"""

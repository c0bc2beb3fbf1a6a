"""What the dialogs share: a modal Dialog and a FullScreen over the main one; Escape closes
them, and their footers say the keys in the app's language (``keys.LocalizedKeys``)."""

from __future__ import annotations

from textual.screen import ModalScreen, Screen

from finsam_tui.tui.keys import CLOSE_BINDINGS, LocalizedKeys


class Dialog(LocalizedKeys, ModalScreen):
    """A modal dialog; Escape dismisses it with None."""

    BINDINGS = CLOSE_BINDINGS
    DEFAULT_CSS = """
    Dialog { align: center middle; background: $background 60%; }
    Dialog > .dialog-box {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    Dialog .dialog-title { text-style: bold; height: auto; }
    """

    def action_close(self) -> None:
        self.dismiss(None)


class FullScreen(LocalizedKeys, Screen):
    """A full screen over the main one (source, preview); Escape returns."""

    BINDINGS = CLOSE_BINDINGS

    def action_close(self) -> None:
        self.dismiss(None)

"""What the dialogs share: Escape closes, bindings in the app's language."""

from __future__ import annotations

from textual.screen import ModalScreen, Screen

from finsam_tui.tui.keys import CLOSE_BINDINGS, localize_bindings


class Localized:
    """Mixin: the screen's bindings are relabelled to the app's language when mounted."""

    def on_mount(self) -> None:
        localize_bindings(self, self.app.L)
        self.refresh_bindings()


class Dialog(Localized, ModalScreen):
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


class FullScreen(Localized, Screen):
    """A full screen over the main one (source, preview); Escape returns."""

    BINDINGS = CLOSE_BINDINGS

    def action_close(self) -> None:
        self.dismiss(None)

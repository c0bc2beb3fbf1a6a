"""Small dialogs: a question with buttons (unsaved changes, conflict on save, delete,
remove an entry). Keyboard: tab / ← → between the buttons, enter to press, escape cancels."""

from __future__ import annotations

from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from finsam_tui.tui.editor.fields import plain
from finsam_tui.tui.editor.keys import DIALOG


class ChoiceDialog(ModalScreen[str]):
    """Dismisses with the id of the pressed button, or cancel_id on escape."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > #dialog { width: 70; max-width: 100%; height: auto; max-height: 100%;
                             border: thick $warning; background: $surface; padding: 1 2; }
    ChoiceDialog #dialog-title { text-style: bold; height: auto; margin: 0 0 1 0; }
    ChoiceDialog #dialog-body { height: auto; margin: 0 0 1 0; }
    ChoiceDialog #dialog-buttons { height: auto; align: center middle; }
    ChoiceDialog #dialog-buttons > Button { margin: 0 1; }
    """

    BINDINGS = [(k.keys, k.action, "") for k in DIALOG]

    def __init__(self, title: str, body: str, buttons: list[tuple[str, str, str]], default: str | None = None,
                 cancel_id: str = "cancel") -> None:
        super().__init__()
        self.title_text = title
        self.body = body
        self.buttons = buttons
        self.default = default or buttons[-1][0]
        self.cancel_id = cancel_id

    def compose(self):
        with Vertical(id="dialog"):
            yield Static(plain(self.title_text), id="dialog-title")
            yield Static(plain(self.body), id="dialog-body")
            with Horizontal(id="dialog-buttons"):
                for bid, label, variant in self.buttons:
                    yield Button(plain(label), id=f"choice-{bid}", variant=variant)

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.default}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id.removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_id)

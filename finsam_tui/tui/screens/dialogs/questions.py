"""The dialogs that ask a question and dismiss with the answer.

- :class:`ChoiceDialog`: a question with buttons (unsaved changes, a conflict on save,
  delete, remove an entry, lock, move). Keyboard: tab / ← → between the buttons, enter
  presses, escape cancels.
- :class:`YesNoDialog`: a yes/no question (writing a draft of a meeting with errors);
  y / n answer too.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from finsam_tui.tui.keys import QUESTION, LocalizedKeys, bind
from finsam_tui.tui.screens.dialogs.base import Dialog
from finsam_tui.tui.widgets import plain


class ChoiceDialog(LocalizedKeys, ModalScreen[str]):
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

    BINDINGS = list(QUESTION)

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


class YesNoDialog(Dialog):
    """Dismisses with True (yes, y) or False (no, n, escape)."""

    BINDINGS = [bind("y", "yes", "yes", show=False), bind("n", "close", "no", show=False)]
    DEFAULT_CSS = """
    YesNoDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    YesNoDialog Button { margin-left: 1; }
    """

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(Text(self.question))
            with Horizontal():
                yield Button(self.yes, variant="warning", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)

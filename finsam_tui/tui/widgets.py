"""Small widgets the sections share: the sidebar of sections and the detail pane."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker


class Sidebar(OptionList):
    """The sections, one a line; moving the highlight switches the section."""

    DEFAULT_CSS = """
    Sidebar {
        width: 14;
        height: 1fr;
        max-height: 100%;
        border: none;
        padding: 0;
        background: $panel;
        & > .option-list--option { padding: 0 1; }
    }
    """
    BINDINGS = [Binding("right", "select", "Öppna", show=False)]

    def set_sections(self, labels: list[Text]) -> None:
        """Relabel the sections in place (language change, problem count)."""
        if self.option_count != len(labels):
            highlighted = self.highlighted
            self.set_options([Option(label, id=str(i)) for i, label in enumerate(labels)])
            self.highlighted = highlighted if highlighted is not None else 0
            return
        for i, label in enumerate(labels):
            self.replace_option_prompt_at_index(i, label)


DEBOUNCE = 0.08  # seconds


class DetailPane(VerticalScroll, can_focus=True):
    """A scrollable, focusable read-only view of one record or §."""

    ALLOW_MAXIMIZE = True
    DEFAULT_CSS = """
    DetailPane {
        height: 1fr;
        padding: 0 1;
        background: $surface;
        scrollbar-size-vertical: 1;
        &:focus { background-tint: $foreground 5%; }
        & > Static { width: 100%; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.body = Static("", classes="detail-body")
        self._pending: object = None
        self._timer = None

    def compose(self):
        yield self.body

    def show(self, renderable: RenderableType) -> None:
        """Show a renderable (a str is shown as plain text, never as markup)."""
        self._pending = None
        self.body.update(Text(renderable) if isinstance(renderable, str) else renderable)
        if self.is_mounted:
            self.scroll_home(animate=False)

    def show_later(self, key: object, build: Callable[[], RenderableType], placeholder: RenderableType) -> None:
        """Show placeholder now and what build() returns once a worker thread made it (for
        details that take long on a big archive, like a person's report). A newer call wins."""
        self.show(placeholder)
        self._pending = key
        if self._timer is not None:
            self._timer.stop()
        # a moment's delay: holding an arrow key starts no work for the rows passed over
        self._timer = self.set_timer(DEBOUNCE, lambda: self._build(key, build) if key == self._pending else None)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def _build(self, key: object, build: Callable[[], RenderableType]) -> None:
        result = build()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._built, key, result)

    def _built(self, key: object, result: RenderableType) -> None:
        if key == self._pending:
            self.show(result)

"""Small widgets and helpers the screens share: the sidebar of sections, the footer, the
detail pane, and user text shown as plain content (``plain``, ``update_static``)."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import RenderableType
from rich.text import Text
from textual import events, work
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from finsam_tui.tui.keys import bind

NARROW = 100  # below this many columns the sidebar shrinks to its number keys


def plain(text) -> Content:
    """User text as content that is never read as markup."""
    return Content(str(text))


def update_static(widget: Static, content, shown: bool | None = None) -> None:
    """Update a Static only when its content (or shown state) changes: every update of a
    Static re-lays out the screen, which is what makes typing slow in a big form."""
    key = str(content)
    if getattr(widget, "_shown_text", None) != key:
        widget._shown_text = key
        widget.update(content)
    if shown is not None and widget.has_class("-shown") != shown:
        widget.set_class(shown, "-shown")


def number_key(label: Text) -> Text:
    """A section's label cut to its number key (the first word), with a dot in the style of
    what follows the name (the problems' count), so a narrow sidebar still shows it."""
    key = label.plain.split(" ", 1)[0]
    short = Text(key)
    marks = [span for span in label.spans if span.start > len(key) and span.style]
    if marks:
        short.append("•", style=marks[-1].style)
    return short


class Sidebar(OptionList):
    """The sections, one a line; moving the highlight switches the section.

    In a screen narrower than NARROW columns it shows only the number keys (class
    -narrow), which leaves the detail pane room; while it has the focus it is as wide as
    ever, names and all."""

    DEFAULT_CSS = """
    Sidebar {
        width: 14;
        height: 1fr;
        max-height: 100%;
        border: none;
        padding: 0;
        background: $panel;
        & > .option-list--option { padding: 0 1; }
        &:focus { border: none; }  /* OptionList's focus border would wrap "2 Medlemmar" */
        /* no scrollbar in 4 columns: with the options' padding it would leave them none (and a
           short terminal made one appear); the list still scrolls with the keys */
        &.-narrow { width: 4; scrollbar-size-vertical: 0; }
        &.-narrow:focus { width: 14; }
    }
    """
    BINDINGS = [bind("right", "select", "open", show=False)]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._labels: list[Text] = []
        self._compact = False  # the options show number keys only

    def set_sections(self, labels: list[Text]) -> None:
        """Relabel the sections in place (language change, problem count)."""
        self._labels = list(labels)
        self._show_labels()

    def _show_labels(self) -> None:
        self._compact = self.has_class("-narrow") and not self.has_focus
        labels = [number_key(label) for label in self._labels] if self._compact else self._labels
        if self.option_count != len(labels):
            highlighted = self.highlighted
            self.set_options([Option(label, id=str(i)) for i, label in enumerate(labels)])
            self.highlighted = highlighted if highlighted is not None else 0
            return
        for i, label in enumerate(labels):
            self.replace_option_prompt_at_index(i, label)

    def on_mount(self) -> None:
        # the sidebar's own size does not change with the terminal's width: watch the screen
        self.screen.screen_layout_refresh_signal.subscribe(self, self._fit_width)
        self._fit_width(self.screen)

    def _fit_width(self, screen) -> None:
        self.set_class(screen.size.width < NARROW, "-narrow")
        self._relabel_if_needed()

    def on_focus(self, event: events.Focus) -> None:
        self._relabel_if_needed()

    def on_blur(self, event: events.Blur) -> None:
        self._relabel_if_needed()

    def _relabel_if_needed(self) -> None:
        if self._compact != (self.has_class("-narrow") and not self.has_focus):
            self._show_labels()


class KeyFooter(Footer):
    """The footer, compact and without the command palette's key below NARROW columns (the
    help screen lists ctrl+p), so that at 80 columns the everyday keys fit."""

    def on_mount(self) -> None:
        self.screen.screen_layout_refresh_signal.subscribe(self, self._fit_width)
        self._fit_width(self.screen)

    def _fit_width(self, screen) -> None:
        narrow = screen.size.width < NARROW
        if self.show_command_palette == narrow:
            self.compact = narrow
            self.show_command_palette = not narrow
            if self.children:  # (the palette's key is made in compose; before it, nothing to redo)
                self.refresh(recompose=True)


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

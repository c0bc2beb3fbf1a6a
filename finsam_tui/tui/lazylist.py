"""A list for many rows: one line per row, drawn only when on screen (Textual's line API).

Thousands of decisions, tasks, findings or search hits cost a list of small Row objects;
no widget per row, and a row's text is made only when its line is drawn (then cached).
Rows without ``selectable`` (headings) are skipped by the cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from finsam_tui.tui.keys import bind


@dataclass
class Row:
    """One line: key identifies it across reloads; make() returns its text (called lazily)."""

    key: str | None
    make: Callable[[], Text]
    data: object = None
    selectable: bool = True


def heading(text: str) -> Row:
    return Row(None, lambda: Text(text, style="bold"), None, selectable=False)


class LazyList(ScrollView, can_focus=True):
    """A cursor over rows; posts Highlighted when the cursor moves and Selected on Enter."""

    COMPONENT_CLASSES = {"lazy-list--cursor", "lazy-list--heading", "lazy-list--empty"}

    DEFAULT_CSS = """
    LazyList {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .lazy-list--cursor {
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .lazy-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .lazy-list--heading { color: $text-accent; text-style: bold; }
        & > .lazy-list--empty { color: $text-muted; }
        &:focus { background-tint: $foreground 5%; }
    }
    """

    BINDINGS = [
        bind("up,k", "cursor_up", "up", show=False),
        bind("down,j", "cursor_down", "down", show=False),
        bind("pageup", "page_up", "page_up", show=False),
        bind("pagedown", "page_down", "page_down", show=False),
        bind("home", "first", "first", show=False),
        bind("end", "last", "last", show=False),
        bind("enter", "select", "open", show=False),
    ]

    cursor: reactive[int] = reactive(-1, always_update=True, init=False)

    class Highlighted(Message):
        def __init__(self, lazy_list: LazyList, index: int, row: Row) -> None:
            super().__init__()
            self.lazy_list = lazy_list
            self.index = index
            self.row = row

        @property
        def control(self) -> LazyList:
            return self.lazy_list

    class Selected(Highlighted):
        pass

    def __init__(self, empty_text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Row] = []
        self._texts: LRUCache[int, Text] = LRUCache(1024)
        self.empty_text = empty_text

    # -- data -------------------------------------------------------------------------------
    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def highlighted_row(self) -> Row | None:
        return self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None

    def set_rows(self, rows: Sequence[Row], keep: str | None = None) -> None:
        """Replace the rows; the cursor goes to the row with key keep, else the first selectable."""
        self._rows = list(rows)
        self._texts.clear()
        self._update_virtual_size()
        index = self.index_of(keep) if keep is not None else None
        if index is None:
            index = self._next_selectable(0, 1)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = -1 if index is None else index
        self.refresh()

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.refresh()

    def index_of(self, key: str | None) -> int | None:
        if key is None:
            return None
        for i, row in enumerate(self._rows):
            if row.key == key:
                return i
        return None

    def select_key(self, key: str) -> bool:
        """Move the cursor to the row with the key; False when there is none."""
        index = self.index_of(key)
        if index is None:
            return False
        self.cursor = index
        return True

    def redraw(self) -> None:
        """Forget the made texts (after a language change) and draw again."""
        self._texts.clear()
        self.refresh()

    # -- drawing ----------------------------------------------------------------------------
    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(max(self.scrollable_content_region.width, 1), len(self._rows))

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()
        self._scroll_cursor_visible()

    def on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def on_blur(self, event: events.Blur) -> None:
        self.refresh()

    def _text(self, index: int) -> Text:
        text = self._texts.get(index)
        if text is None:
            made = self._rows[index].make()
            text = made if isinstance(made, Text) else Text(str(made))
            self._texts[index] = text
        return text

    def render_line(self, y: int) -> Strip:
        _scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self._rows:
            if y == 0 and self.empty_text:
                empty = Text(self.empty_text, no_wrap=True)
                empty.truncate(width, overflow="ellipsis", pad=True)
                style = self.get_component_rich_style("lazy-list--empty")
                return Strip(Segment.apply_style(empty.render(self.app.console), base + style), width)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        text = self._text(index).copy()
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        row = self._rows[index]
        post = None
        if index == self.cursor:
            post = self.get_component_rich_style("lazy-list--cursor")
        elif not row.selectable:
            base = base + self.get_component_rich_style("lazy-list--heading")
        segments = list(Segment.apply_style(text.render(self.app.console), base, post))
        return Strip(segments, width)

    # -- cursor ------------------------------------------------------------------------------
    def _next_selectable(self, start: int, step: int) -> int | None:
        i = start
        while 0 <= i < len(self._rows):
            if self._rows[i].selectable:
                return i
            i += step
        return None

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self._scroll_cursor_visible()
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Highlighted(self, new, row))

    def _scroll_cursor_visible(self) -> None:
        if self.cursor < 0:
            return
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if height <= 0:
            self.call_after_refresh(self._scroll_cursor_visible)
            return
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def _move(self, start: int, step: int) -> None:
        found = self._next_selectable(start, step)
        if found is None:
            found = self._next_selectable(start, -step)
        if found is not None and found != self.cursor:
            self.cursor = found

    def action_cursor_up(self) -> None:
        self._move(max(self.cursor - 1, 0), -1)

    def action_cursor_down(self) -> None:
        self._move(min(self.cursor + 1, len(self._rows) - 1), 1)

    def action_page_up(self) -> None:
        self._move(max(self.cursor - max(self.scrollable_content_region.height - 1, 1), 0), -1)

    def action_page_down(self) -> None:
        step = max(self.scrollable_content_region.height - 1, 1)
        self._move(min(self.cursor + step, len(self._rows) - 1), 1)

    def action_first(self) -> None:
        self._move(0, 1)

    def action_last(self) -> None:
        self._move(len(self._rows) - 1, -1)

    def action_select(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Selected(self, self.cursor, row))

    async def _on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self._rows) and self._rows[index].selectable:
            if index == self.cursor:
                self.action_select()
            else:
                self.cursor = index

"""Quitting with unsaved changes: the hook a screen with unsaved work implements, and the
app's quit action that asks such screens first.

A screen that can hold unsaved changes (the editor's :class:`EditScreen`) subclasses
:class:`HoldsUnsavedChanges`; an app whose quit must ask them (the FinsamApp, or any app the
editor runs in) mixes in :class:`AsksBeforeQuit`. Nothing is patched at run time: ctrl+q
(Textual's ``quit``, a priority binding of the app) and the main screen's ``q`` reach the
app's own ``action_quit``.
"""

from __future__ import annotations

from collections.abc import Callable


class HoldsUnsavedChanges:
    """Mixin for a screen that may have changes not yet saved."""

    def has_unsaved_changes(self) -> bool:
        return False

    def ask_before_quit(self, again: Callable[[], None], quit_now: Callable[[], None]) -> None:
        """Ask what to do with the unsaved changes before the app quits; call again() to ask
        the app to quit once more (after saving: other screens may still have changes), or
        quit_now() to quit without asking anything more (discarded). Not answering cancels."""
        quit_now()


def unsaved_screens(app) -> list[HoldsUnsavedChanges]:
    """The screens on the app's stack with unsaved changes, the lowest first."""
    return [s for s in app.screen_stack if isinstance(s, HoldsUnsavedChanges) and s.has_unsaved_changes()]


class AsksBeforeQuit:
    """Mixin for an App: its quit asks the topmost screen with unsaved changes first
    (Spara / Kasta ändringarna / Avbryt in the editor), then quits."""

    async def action_quit(self) -> None:
        quit_app = super().action_quit  # (Textual's: exit)
        waiting = unsaved_screens(self)
        if not waiting:
            await quit_app()
            return

        def again() -> None:
            self.call_later(self.action_quit)

        def quit_now() -> None:
            self.call_later(quit_app)

        waiting[-1].ask_before_quit(again, quit_now)

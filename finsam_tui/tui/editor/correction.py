"""The rättelse dialog: a change to a locked (justerat) protocol is saved with its date, by
whom, what and why — the same entry ``finsam correct`` writes (``core/ops/correct``).

Keyboard: tab / shift+tab between the fields; the person field opens a list to choose from
(enter, space or typing a letter); enter in the last field or ctrl+s saves; escape cancels.
Nothing is written here: the dialog dismisses with the values, or None when cancelled.
"""

from __future__ import annotations

import datetime as dt

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from finsam_tui.core.check.protocol_lock import today as today_now
from finsam_tui.core.dates import DateError, parse_date
from finsam_tui.core.i18n.editor import WEEKDAYS, t
from finsam_tui.core.ops.choices import label_of, person_choices
from finsam_tui.core.ops.correct import Correction
from finsam_tui.tui.editor.fields.choices import PickButton
from finsam_tui.tui.editor.pickers import PickerScreen
from finsam_tui.tui.keys import CORRECTION, LocalizedKeys
from finsam_tui.tui.widgets import plain, update_static


class CorrectionDialog(LocalizedKeys, ModalScreen):
    """Ask for the rättelse's date (default today; from the meeting's date, ``meeting``, to today),
    by whom (a person), what and why (both required). Dismisses with a :class:`Correction`, or
    None when cancelled."""

    DEFAULT_CSS = """
    CorrectionDialog { align: center middle; }
    CorrectionDialog > #corr { width: 76; max-width: 100%; height: auto; max-height: 100%;
                               border: thick $warning; background: $surface; padding: 0 1; }
    CorrectionDialog #corr-title { text-style: bold; height: auto; margin: 0 0 1 0; }
    CorrectionDialog #corr-changes { height: auto; max-height: 4; color: $text-muted; margin: 0 0 1 0; }
    CorrectionDialog .row { height: auto; }
    CorrectionDialog .row > Label { width: 16; }
    CorrectionDialog .row > Input, CorrectionDialog .row > PickButton { width: 1fr; }
    CorrectionDialog .row > Input { height: 1; }
    CorrectionDialog #corr-date-hint { height: 1; padding: 0 0 0 16; color: $text-muted; }
    CorrectionDialog #corr-msg { height: auto; color: $error; display: none; }
    CorrectionDialog #corr-msg.-shown { display: block; }
    CorrectionDialog #corr-buttons { height: auto; align: center middle; margin: 1 0 0 0; }
    CorrectionDialog #corr-buttons > Button { margin: 0 1; }
    """
    BINDINGS = list(CORRECTION)

    def __init__(self, ref: str, archive, lang: str = "sv", by: str | None = None,
                 changes: list[str] | None = None, today: dt.date | None = None, meeting=None) -> None:
        super().__init__()
        self.ref = ref
        self.archive = archive
        self.lang = lang
        self.by = by if isinstance(by, str) and by else None
        self.changes = list(changes or [])
        self.today = today or today_now()
        self.meeting = meeting if type(meeting) is dt.date else None

    def compose(self):
        lang = self.lang
        with Vertical(id="corr"):
            yield Static(plain(t("correct.title", lang, ref=self.ref)), id="corr-title")
            if self.changes:
                shown = self.changes[:6] + (["…"] if len(self.changes) > 6 else [])
                yield Static(plain(t("correct.changes", lang, changes=", ".join(shown))), id="corr-changes")
            with Horizontal(classes="row"):
                yield Label(plain(t("correct.date", lang) + " *"))
                yield Input(value=self.today.isoformat(), id="corr-date", compact=True, select_on_focus=False,
                            placeholder=t("correct.date_placeholder", lang))
            yield Static("", id="corr-date-hint")
            with Horizontal(classes="row"):
                yield Label(plain(t("correct.by", lang) + " *"))
                yield PickButton(self, id="corr-by")
            with Horizontal(classes="row"):
                yield Label(plain(t("correct.what", lang) + " *"))
                yield Input(id="corr-what", compact=True, placeholder=t("correct.what_hint", lang))
            with Horizontal(classes="row"):
                yield Label(plain(t("correct.why", lang) + " *"))
                yield Input(id="corr-why", compact=True, placeholder=t("correct.why_hint", lang))
            yield Static("", id="corr-msg")
            with Horizontal(id="corr-buttons"):
                yield Button(plain(t("correct.save", lang)), variant="primary", id="corr-save")
                yield Button(plain(t("key.cancel", lang)), id="corr-cancel")

    def on_mount(self) -> None:
        self.show_by()
        self.show_date()
        self.query_one("#corr-what", Input).focus()

    # -- the person (PickButton's owner)
    def open_picker(self, initial: str) -> None:
        screen = PickerScreen(t("correct.by", self.lang), person_choices(self.archive), self.by, self.lang,
                              initial=initial)
        self.app.push_screen(screen, self.picked)

    def picked(self, value) -> None:
        if value is None:
            return
        self.by = value
        self.show_by()

    def clear(self) -> None:
        self.by = None
        self.show_by()

    def show_by(self) -> None:
        button = self.query_one("#corr-by", PickButton)
        if self.by:
            update_static(button, plain(label_of("person", self.by, self.archive)))
        else:
            update_static(button, Content.styled(t("picker.none", self.lang), "dim"))

    # -- the date
    def parsed_date(self) -> dt.date | None:
        try:
            return parse_date(self.query_one("#corr-date", Input).value, today=self.today)
        except DateError:
            return None

    def show_date(self) -> None:
        d = self.parsed_date()
        hint = (t("date.parsed", self.lang, iso=d.isoformat(), weekday=WEEKDAYS[self.lang][d.weekday()])
                if d else t("date.bad", self.lang))
        update_static(self.query_one("#corr-date-hint", Static), plain(hint))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "corr-date":
            self.show_date()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "corr-why":
            self.action_confirm()
        else:
            self.focus_next()

    # -- answering
    def problem(self) -> tuple[str, str] | None:
        """(message, id of the field to fix) for the first thing missing, or None."""
        date = self.parsed_date()
        if date is None:
            return t("date.bad", self.lang), "#corr-date"
        if self.meeting is not None and date < self.meeting:
            return t("correct.before_meeting", self.lang, meeting=self.meeting.isoformat()), "#corr-date"
        if date > self.today:
            return t("correct.in_future", self.lang, today=self.today.isoformat()), "#corr-date"
        if not self.by:
            return t("correct.need_by", self.lang), "#corr-by"
        if not self.query_one("#corr-what", Input).value.strip():
            return t("correct.need_what", self.lang), "#corr-what"
        if not self.query_one("#corr-why", Input).value.strip():
            return t("correct.need_why", self.lang), "#corr-why"
        return None

    def action_confirm(self) -> None:
        problem = self.problem()
        msg = self.query_one("#corr-msg", Static)
        if problem is not None:
            text, where = problem
            update_static(msg, Content.assemble(("✗ ", "bold red"), plain(text)), True)
            self.query_one(where).focus()
            self.app.bell()
            return
        update_static(msg, "", False)
        self.dismiss(Correction(self.parsed_date(), self.by, self.query_one("#corr-what", Input).value.strip(),
                                self.query_one("#corr-why", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "corr-save":
            self.action_confirm()
        else:
            self.dismiss(None)


__all__ = ["Correction", "CorrectionDialog"]

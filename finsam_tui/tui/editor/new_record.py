"""The screen that creates a record (``NewRecordScreen``): it asks what identifies the new
record (its kind, then a name, a year, or an organ and a date), then opens it in an
``EditScreen``; a meeting can be made from the organ's previous one (``core/ops/new_meeting``).
"""

from __future__ import annotations

import datetime as dt
import re

from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from finsam_tui.core.dates import DateError, parse_date
from finsam_tui.core.i18n.editor import WEEKDAYS, kind_label, t
from finsam_tui.core.ops.choices import meeting_label
from finsam_tui.core.ops.new_meeting import new_meeting, next_meeting_date, previous_meeting
from finsam_tui.core.ops.places import Place, initial_data, meeting_place, place_of, slug_id
from finsam_tui.core.records.layout import valid_id
from finsam_tui.tui.editor.edit_screen import EditScreen
from finsam_tui.tui.editor.record_screen import new_title
from finsam_tui.tui.editor.session import EditSession, records_root
from finsam_tui.tui.keys import NEW_RECORD, LocalizedKeys
from finsam_tui.tui.widgets import plain

_SUFFIX_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
NEW_KINDS = ("meeting", "person", "organisation", "insats", "budget")


class NewRecordScreen(LocalizedKeys, ModalScreen):
    """Ask what identifies a new record (name, year, or organ and date), then edit it.

    A person "Anna Lindqvist" becomes personer/anna-lindqvist.toml; a meeting of an organ on
    a date moten/<organ>/<year>/<date>.toml, made from the previous meeting when chosen."""

    DEFAULT_CSS = """
    NewRecordScreen { align: center middle; }
    NewRecordScreen > #new { width: 72; max-width: 100%; height: auto; max-height: 100%;
                             border: thick $primary; background: $surface; padding: 0 1; }
    NewRecordScreen #new-title { text-style: bold; height: 1; margin: 0 0 1 0; }
    NewRecordScreen .for-named, NewRecordScreen .for-budget, NewRecordScreen .for-meeting { height: auto; }
    NewRecordScreen .row { height: auto; }
    NewRecordScreen .row > Label { width: 18; }
    NewRecordScreen .row > Input, NewRecordScreen .row > Select { width: 1fr; height: 1; }
    NewRecordScreen .hint { height: auto; padding: 0 0 0 18; color: $text-muted; }
    NewRecordScreen #new-info { height: auto; margin: 1 0 0 0; }
    NewRecordScreen #new-buttons { height: auto; align: center middle; margin: 1 0 0 0; }
    NewRecordScreen #new-buttons > Button { margin: 0 1; }
    """
    BINDINGS = list(NEW_RECORD)

    def __init__(self, kind: str | None = None, from_previous: bool = False, lang: str = "sv",
                 organ: str | None = None, date: dt.date | None = None) -> None:
        super().__init__()
        self.kind = kind if kind in NEW_KINDS else None
        self.fixed_kind = self.kind is not None
        self.kind = self.kind or "meeting"
        self.from_previous = from_previous
        self.lang = lang
        self.organ = organ
        self.date = date
        self.suggested = ""  # the date put in from the previous meeting's next_meeting, as text

    @property
    def archive(self):
        return getattr(self.app, "archive", None)

    def compose(self):
        lang = self.lang
        title = t("newrec.title", lang) if not self.fixed_kind else new_title(self.kind, lang)
        organs = list(self.archive.organs.items()) if self.archive is not None else []
        with Vertical(id="new"):
            yield Static(plain(title), id="new-title")
            if not self.fixed_kind:
                with Horizontal(classes="row"):
                    yield Label(plain(t("newrec.kind", lang)))
                    yield Select([(Text(kind_label(k, lang)), k) for k in NEW_KINDS], value=self.kind,
                                 allow_blank=False, compact=True, id="new-kind")
            with Vertical(classes="for-named"), Horizontal(classes="row"):
                yield Label(plain(t("newrec.name", lang)))
                yield Input(id="new-name", compact=True)
            with Vertical(classes="for-budget"), Horizontal(classes="row"):
                yield Label(plain(t("newrec.year", lang)))
                yield Input(id="new-year", compact=True, restrict=r"[0-9]*", max_length=4)
            with Vertical(classes="for-meeting"):
                with Horizontal(classes="row"):
                    yield Label(plain(t("newrec.organ", lang)))
                    default = self.organ if self.organ in dict(organs) else (organs[0][0] if organs else Select.NULL)
                    yield Select([(Text(f"{o.get('name', oid)} ({oid})"), oid) for oid, o in organs],
                                 value=default, allow_blank=not organs, compact=True, id="new-organ")
                with Horizontal(classes="row"):
                    yield Label(plain(t("newrec.date", lang)))
                    yield Input(value=self.date.isoformat() if self.date else "", id="new-date", compact=True,
                                placeholder=t("date.placeholder", lang))
                yield Static("", id="new-date-hint", classes="hint")
                with Horizontal(classes="row"):
                    yield Label(plain(t("newrec.suffix", lang)))
                    yield Input(id="new-suffix", compact=True, restrict=r"[a-z0-9-]*",
                                placeholder=t("newrec.suffix_help", lang))
                yield Checkbox(plain(t("newrec.from_previous", lang)), value=self.from_previous, id="new-prev",
                               compact=True)
            yield Static("", id="new-info")
            with Horizontal(id="new-buttons"):
                yield Button(plain(t("key.create", lang)), variant="primary", id="new-create")
                yield Button(plain(t("key.cancel", lang)), id="new-cancel")

    def on_mount(self) -> None:
        self.show_kind()
        self.suggest_date()
        self.update_info()

    def suggest_date(self) -> None:
        """Put in the date the organ's latest meeting set for the next one, unless a date was
        given or typed (a suggestion made for another organ is replaced)."""
        if self.kind != "meeting" or self.archive is None:
            return
        date_input = self.query_one("#new-date", Input)
        if date_input.value and date_input.value != self.suggested:
            return
        organ = self.query_one("#new-organ", Select).value
        nxt = next_meeting_date(self.archive, organ) if isinstance(organ, str) else None
        self.suggested = nxt.isoformat() if nxt else ""
        date_input.value = self.suggested

    def show_kind(self) -> None:
        kind = self.kind
        self.query_one(".for-named").display = kind in ("person", "organisation", "insats")
        self.query_one(".for-budget").display = kind == "budget"
        self.query_one(".for-meeting").display = kind == "meeting"
        first = {"budget": "#new-year", "meeting": "#new-date"}.get(kind, "#new-name")
        self.query_one(first).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "new-kind" and event.value in NEW_KINDS:
            self.kind = event.value
            self.show_kind()
        self.suggest_date()
        self.update_info()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.update_info()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.from_previous = event.value
        self.update_info()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "new-create":
            self.action_create()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def compute(self) -> tuple[Place | None, dict | None, str]:
        """(place, data, info) for what is typed; place None with info saying what is wrong."""
        lang = self.lang
        root = records_root(self.app)
        kind = self.kind
        if kind == "meeting":
            organ = self.query_one("#new-organ", Select).value
            hint = self.query_one("#new-date-hint", Static)
            text = self.query_one("#new-date", Input).value
            if organ is Select.NULL or organ == Select.NULL or not organ:
                return None, None, t("newrec.need_organ", lang)
            if not text.strip():
                hint.update("")
                return None, None, t("newrec.need_date", lang)
            try:
                date = parse_date(text)
            except DateError:
                hint.update(plain(t("date.bad", lang)))
                return None, None, ""
            hint.update(plain(t("date.parsed", lang, iso=date.isoformat(), weekday=WEEKDAYS[lang][date.weekday()])))
            suffix = self.query_one("#new-suffix", Input).value.strip()
            if suffix and not _SUFFIX_RE.match(suffix):
                return None, None, t("newrec.bad_suffix", lang)
            place = meeting_place(root, organ, date, suffix)
            if place.path.exists():
                return None, None, t("newrec.exists", lang, rel=place.rel)
            info = [t("newrec.file", lang, rel=place.rel)]
            archive = self.archive
            if self.from_previous and archive is not None:
                prev = previous_meeting(archive, organ, date)
                info.append(t("newrec.previous", lang, meeting=meeting_label(archive, prev)) if prev
                            else t("newrec.no_previous", lang))
                data = new_meeting(archive, organ, date, lang)
            else:
                data = initial_data("meeting", organ=organ, date=date)
            return place, data, "\n".join(info)
        if kind == "budget":
            text = self.query_one("#new-year", Input).value
            if not re.fullmatch(r"(19|20|21)\d\d", text):
                return None, None, t("newrec.need_year", lang)
            place = place_of(root, "budget", text)
            if place.path.exists():
                return None, None, t("newrec.exists", lang, rel=place.rel)
            return place, initial_data("budget", year=int(text)), t("newrec.file", lang, rel=place.rel)
        name = self.query_one("#new-name", Input).value.strip()
        if not name:
            return None, None, t("newrec.need_name", lang)
        rid = slug_id(name)
        if not valid_id(rid):
            return None, None, t("newrec.bad_id", lang)
        place = place_of(root, kind, rid)
        if place.path.exists():
            return None, None, t("newrec.exists", lang, rel=place.rel)
        return place, initial_data(kind, name=name), t("newrec.file", lang, rel=place.rel)

    def update_info(self) -> None:
        _place, _data, info = self.compute()
        self.query_one("#new-info", Static).update(plain(info))

    def action_create(self) -> None:
        place, data, info = self.compute()
        if place is None:
            self.query_one("#new-info", Static).update(plain(info))
            self.app.bell()
            return
        app = self.app
        session = EditSession(app, place, data, None, self.lang)
        self.dismiss(None)
        app.push_screen(EditScreen(session))

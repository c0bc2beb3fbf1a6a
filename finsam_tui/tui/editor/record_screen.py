"""The base of the editor's record screens and the screen of one entry of a record.

``_RecordScreen``: a title line, a banner for a locked (justerad) meeting, the form in a
scroll, a status line with the findings and the focused field's help, the footer; ctrl+k
starts a rättelse, ctrl+s saves through the screen that owns the session (``EditScreen``,
found on the screen stack). ``EntryScreen``: one entry of an array of tables (a §, a
sub-item, a membership …) on a screen of its own. Also ``Line`` (a one-line text that
repaints without a re-layout), ``new_title`` (a new record's screen title) and
``ask_unsaved`` (the Spara / Kasta ändringarna / Avbryt question).
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from finsam_tui.core.check.findings import counts
from finsam_tui.core.i18n.editor import UI, help_text, t
from finsam_tui.core.ops.choices import entry_summary
from finsam_tui.core.records.keypaths import value_at as get_at
from finsam_tui.core.records.schema import Field
from finsam_tui.tui.editor.fields.base import FieldBox
from finsam_tui.tui.editor.fields.entries import TablesField
from finsam_tui.tui.editor.fields.form import RecordForm
from finsam_tui.tui.editor.session import EditSession
from finsam_tui.tui.keys import BACK, CORRECT, SAVE, LocalizedKeys
from finsam_tui.tui.screens.dialogs.questions import ChoiceDialog
from finsam_tui.tui.widgets import plain


def new_title(kind: str, lang: str) -> str:
    """The title of the screen of a new record of kind ("Nytt möte")."""
    key = f"newrec.title_{kind}"
    return t(key, lang) if key in UI["sv"] else kind


class Line(Widget):
    """One line of text that repaints without re-laying out the screen (unlike Static)."""

    DEFAULT_CSS = "Line { height: 1; width: 1fr; }"
    text: reactive[str] = reactive("")

    def render(self) -> Content:
        return plain(self.text)


class _RecordScreen(LocalizedKeys, Screen):
    """Title line, the form in a scroll, a status line with the findings, the footer."""

    # CORRECT: priority, before a focused Input's or TextArea's own ctrl+k (delete to the end);
    # check_action lets the key through to them when no rättelse can be started
    BINDINGS = [CORRECT, SAVE]
    # True on the screen that holds the session and saves it (EditScreen), not on an entry's
    OWNS_SESSION = False

    DEFAULT_CSS = """
    _RecordScreen { layout: vertical; }
    _RecordScreen > #edit-title { height: 1; background: $panel; padding: 0 1; text-style: bold; }
    _RecordScreen > #edit-banner { height: auto; padding: 0 1; display: none; text-style: bold;
                                   background: $warning 25%; }
    _RecordScreen > #edit-banner.-shown { display: block; }
    _RecordScreen > #edit-banner.-correcting { background: $error 25%; }
    _RecordScreen > #edit-body { height: 1fr; padding: 0 0 0 1; }
    _RecordScreen > #edit-status { height: 1; background: $panel; padding: 0 1; }
    """

    def __init__(self, session: EditSession, focus_path: tuple | None = None) -> None:
        super().__init__()
        self.session = session
        self.focus_path = focus_path

    @property
    def lang(self) -> str:
        return self.session.lang

    def form(self) -> RecordForm:
        return self.query_one(RecordForm)

    def compose(self):
        yield Line(id="edit-title")
        yield Static("", id="edit-banner")
        with VerticalScroll(id="edit-body"):
            yield self.make_form()
        yield Line(id="edit-status")
        yield Footer()

    def make_form(self) -> RecordForm:  # pragma: no cover - overridden
        raise NotImplementedError

    def open_entry(self, box: TablesField, i: int) -> None:
        """Edit entry i of the list box on a screen of its own (the form's open_entry)."""
        self.app.push_screen(EntryScreen(self.session, box.field, box.path + (i,), box.field.name),
                             lambda _=None: box.entry_closed(i))

    def on_mount(self) -> None:
        # (Textual calls on_mount of every class in the MRO: subclasses override setup())
        self.setup()

    def setup(self) -> None:
        self.session.listeners.append(self.session_event)
        self.update_title()
        self.update_banner()
        self.update_status()
        self.call_after_refresh(self.initial_focus)

    def on_unmount(self) -> None:
        self.forget_session()

    def session_event(self, what: str = "changed") -> None:
        if not self.is_attached:
            return
        try:
            self.update_title()
            self.update_status()
            if what in ("mode", "saved"):
                self.update_banner()
                self.form().apply_editable()
                self.refresh_bindings()
        except NoMatches:  # the screen is being closed
            self.forget_session()

    # -- a locked meeting
    def update_banner(self) -> None:
        s = self.session
        banner = self.query_one("#edit-banner", Static)
        if s.locked:
            banner.update(plain(t("locked.correcting" if s.correcting else "locked.banner", self.lang)))
        banner.set_class(s.locked, "-shown")
        banner.set_class(s.locked and s.correcting, "-correcting")

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "correct":
            return self.session.read_only
        return True

    def action_correct(self) -> None:
        """Start a rättelse: the fields of the locked meeting become editable."""
        if self.session.start_correction():
            self.app.notify(t("locked.started", self.lang), timeout=3)

    def forget_session(self) -> None:
        if self.session_event in self.session.listeners:
            self.session.listeners.remove(self.session_event)

    def title_text(self) -> str:
        return ""

    def update_title(self) -> None:
        text = self.title_text()
        if self.session.dirty:
            text += "  " + t("edit.modified", self.lang)
        self.query_one("#edit-title", Line).text = text

    def update_status(self) -> None:
        c = counts(self.session.findings)
        errors, warnings = c["errors"], c["warnings"]
        if errors or warnings:
            text = t("edit.counts", self.lang, errors=errors, warnings=warnings)
        else:
            text = t("edit.no_findings", self.lang)
        help_ = getattr(self, "_help", "")
        self.query_one("#edit-status", Line).text = f"{text} · {help_ or self.session.rel}"

    def on_descendant_focus(self, event) -> None:
        """The help text of the focused field goes in the status line (tooltips need a mouse)."""
        node = event.widget
        while node is not None and not isinstance(node, FieldBox):
            node = node.parent
        help_ = help_text(node.field, self.lang) if node is not None else ""
        if help_ != getattr(self, "_help", ""):
            self._help = help_
            self.update_status()

    def initial_focus(self) -> None:
        if self.focus_path:
            if self.go_to(self.focus_path):
                return
        for w in self.query(".editor"):
            if w.focusable:
                w.focus()
                return

    def go_to(self, path: tuple) -> bool:
        """Focus the field at path; an entry of a list is opened on its own screen."""
        form = self.form()
        w = form.widget_for(tuple(path))
        if w is None:
            return False
        rest = tuple(path)[len(w.path):]
        if isinstance(w, TablesField) and rest and isinstance(rest[0], int):
            i = rest[0]
            if 0 <= i < len(w.entries):
                from textual.widgets import OptionList

                w.query_one(OptionList).highlighted = i
                self.app.push_screen(EntryScreen(self.session, w.field, w.path + (i,), w.field.name,
                                                 focus_path=tuple(path)),
                                     lambda _=None: w.refresh_value(highlight=i))
                return True
        w.focus_editor()
        w.scroll_visible()
        return True

    def owner(self) -> _RecordScreen | None:
        """The screen that owns the session (its EditScreen) on the app's screen stack."""
        for s in reversed(self.app.screen_stack):
            if isinstance(s, _RecordScreen) and s.OWNS_SESSION and s.session is self.session:
                return s
        return None

    def action_save(self) -> None:
        owner = self.owner()
        if owner is not None:
            owner.save()


class EntryScreen(_RecordScreen):
    """One entry of an array of tables (a §, a sub-item, a membership, a budget line …)."""

    BINDINGS = [BACK]

    def __init__(self, session: EditSession, field: Field, base: tuple, parent: str,
                 focus_path: tuple | None = None) -> None:
        super().__init__(session, focus_path)
        self.field = field
        self.base = base
        self.parent_name = parent

    def make_form(self) -> RecordForm:
        return RecordForm(self.session, self.field.fields, self.base, self.parent_name, open_entry=self.open_entry)

    def title_text(self) -> str:
        owner = self.owner()
        parent = owner.title_text() if owner else self.session.rel
        names = []
        for k in range(1, len(self.base), 2):
            name, _i = self.base[k - 1], self.base[k]
            entry = get_at(self.session.data, self.base[:k + 1], {})
            names.append(entry_summary(str(name), entry, self.session.archive, self.lang))
        return t("edit.entry", self.lang, parent=parent, entry=" › ".join(names))

    def go_to(self, path: tuple) -> bool:
        if tuple(path) == self.base:
            return False
        return super().go_to(path)

    def action_back(self) -> None:
        self.forget_session()
        self.dismiss(None)


def ask_unsaved(screen: _RecordScreen, answer) -> None:
    lang = screen.lang
    what = screen.session.rel
    screen.app.push_screen(ChoiceDialog(
        t("leave.title", lang), t("leave.body", lang, what=what),
        [("save", t("leave.save", lang), "primary"),
         ("discard", t("leave.discard", lang), "error"),
         ("cancel", t("leave.cancel", lang), "default")], default="save"), answer)

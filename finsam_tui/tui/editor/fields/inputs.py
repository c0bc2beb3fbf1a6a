"""The fields typed into: one line (str, int, amount, number, time, month_day, date), a
text, a list of strings one per line, and the small tables typed as numbers (an amount per
budget version, "reason = count" lines). Numbers and dates are parsed as typed; what cannot
be read is shown under the field and kept out of the data.
"""

from __future__ import annotations

import datetime as dt

from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, TextArea

from finsam_tui.core.dates import DateError, parse_date
from finsam_tui.core.i18n.editor import WEEKDAYS, t
from finsam_tui.core.ops.edited import MISSING
from finsam_tui.tui.editor.fields.base import FieldBox, format_value
from finsam_tui.tui.widgets import plain

_RESTRICT = {"int": r"-?[0-9]*", "amount": r"-?[0-9 \u00a0]*", "number": r"[0-9.,]*"}
# formats, the same in both languages (a date's is words: date.placeholder)
_PLACEHOLDER = {"time": "HH:MM", "month_day": "MM-DD"}
_NUMBER_ERRORS = {"int": "int.bad", "amount": "amount.bad", "number": "number.bad"}


def parse_number(kind: str, text: str, lang: str) -> int | float:
    """The value of text typed in a field of type kind: int and amount whole numbers (spaces
    allowed, as in 1 500 000), number also with a decimal comma or point. Raises ValueError
    with a message for the user."""
    try:
        if kind == "number":
            s = text.strip().replace(",", ".")
            return float(s) if "." in s else int(s)
        return int(text.replace(" ", "").replace("\u00a0", ""))
    except ValueError:
        raise ValueError(t(_NUMBER_ERRORS[kind], lang)) from None



class InputField(FieldBox):
    """str, int, amount, number, time and month_day fields."""

    def compose_editor(self):
        self._text = format_value(self.model_value())
        yield Input(value=self._text, compact=True, classes="editor", restrict=_RESTRICT.get(self.field.type),
                    placeholder=self.placeholder_text(), select_on_focus=False)

    def placeholder_text(self) -> str:
        if self.field.type == "date":
            return t("date.placeholder", self.lang)
        return _PLACEHOLDER.get(self.field.type, "")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self._text:
            return
        self._text = event.value
        self.apply(event.value)

    def parse(self, text: str):
        """The value of the text; raises ValueError with a message for the user."""
        ft = self.field.type
        if ft in _NUMBER_ERRORS:
            return parse_number(ft, text, self.lang)
        if ft in ("time", "month_day"):
            return text.strip()
        return text

    def apply(self, text: str) -> None:
        if not text.strip():
            self.set_local_error(None)
            self.erase()
            return
        try:
            value = self.parse(text)
        except ValueError as exc:
            self.set_local_error(str(exc))
            return
        self.set_local_error(None)
        self.write(value)

    def refresh_value(self) -> None:
        text = format_value(self.model_value())
        if text != self._text:
            self._text = text
            self.query_one(Input).value = text


class DateField(InputField):
    """A date typed freely ("17 juni 2022", "idag", "+3v"); the parsed ISO date is shown."""

    def setup(self) -> None:
        super().setup()
        v = self.model_value()
        if isinstance(v, dt.date):
            self.show_parsed(v)

    def parse(self, text: str):
        try:
            return parse_date(text)
        except DateError:
            raise ValueError(t("date.bad", self.lang)) from None

    def apply(self, text: str) -> None:
        super().apply(text)
        v = self.model_value()
        self.show_parsed(v if isinstance(v, dt.date) and not self.local_error and text.strip() else None)

    def show_parsed(self, d: dt.date | None) -> None:
        if d is None:
            self.set_hint(None)
        else:
            self.set_hint(t("date.parsed", self.lang, iso=d.isoformat(), weekday=WEEKDAYS[self.lang][d.weekday()]))

    def normalize(self) -> None:
        v = self.model_value()
        if isinstance(v, dt.date) and not self.local_error:
            text = v.isoformat()
            inp = self.query_one(Input)
            if inp.value != text:
                self._text = text
                inp.value = text

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self.normalize()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.normalize()


class TextField(FieldBox):
    def compose_editor(self):
        v = self.model_value()
        self._text = "" if v is MISSING else str(v)
        yield TextArea(self._text, soft_wrap=True, compact=True, show_line_numbers=False, classes="editor",
                       highlight_cursor_line=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text == self._text:
            return
        self._text = text
        self.text_changed(text)

    def text_changed(self, text: str) -> None:
        if text.strip():
            self.write(text)
        else:
            self.erase()

    def refresh_value(self) -> None:
        v = self.model_value()
        text = "" if v is MISSING else str(v)
        if text != self._text:
            self._text = text
            self.query_one(TextArea).load_text(text)


class LinesField(TextField):
    """A list of strings, one per line (decision clauses "att …", attachments)."""

    def compose_editor(self):
        v = self.model_value()
        items = v if isinstance(v, list) else []
        self._text = "\n".join(str(x) for x in items)
        yield TextArea(self._text, soft_wrap=True, compact=True, show_line_numbers=True, classes="editor",
                       highlight_cursor_line=False)

    def setup(self) -> None:
        super().setup()
        self.set_hint(t("lines.help", self.lang))

    def text_changed(self, text: str) -> None:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if lines:
            self.write(lines)
        else:
            self.erase()

    def refresh_value(self) -> None:
        v = self.model_value()
        text = "\n".join(str(x) for x in v) if isinstance(v, list) else ""
        current = [line.strip() for line in self._text.split("\n") if line.strip()]
        if current != (v if isinstance(v, list) else []):
            self._text = text
            self.query_one(TextArea).load_text(text)



# -- amounts and counts ------------------------------------------------------------------------


class AmountsField(FieldBox):
    """Amount per budget version: one input per version id of the budget."""

    DEFAULT_CSS = """
    AmountsField .amounts { width: 1fr; height: auto; }
    AmountsField .amount-row { height: 1; }
    AmountsField .amount-row > Label { width: 14; }
    AmountsField .amount-row > Input { width: 1fr; height: 1; }
    """

    def version_ids(self) -> list[str]:
        ids = [v.get("id") for v in self.session.data.get("versions", []) if isinstance(v, dict)
               and isinstance(v.get("id"), str)]
        current = self.model_value()
        for k in current if isinstance(current, dict) else {}:
            if k not in ids:
                ids.append(k)
        return ids

    def refresh_value(self) -> None:
        if self.version_ids() != getattr(self, "_ids", None):
            self.call_later(self.recompose)

    def compose_editor(self):
        current = self.model_value()
        current = current if isinstance(current, dict) else {}
        self._texts: dict[str, str] = {}
        self._ids = self.version_ids()
        with Vertical(classes="amounts"):
            for vid in self._ids:
                text = format_value(current.get(vid, MISSING))
                self._texts[vid] = text
                with Horizontal(classes="amount-row"):
                    yield Label(plain(vid))
                    inp = Input(value=text, compact=True, restrict=_RESTRICT["amount"], classes="editor",
                                select_on_focus=False)
                    inp.version_id = vid
                    yield inp

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        vid = getattr(event.input, "version_id", None)
        if vid is None or self._texts.get(vid) == event.value:
            return
        self._texts[vid] = event.value
        errors = []
        out = {}
        current = self.model_value()
        current = dict(current) if isinstance(current, dict) else {}
        for k in self.version_ids():
            text = self._texts.get(k, format_value(current.get(k, MISSING)))
            if not text.strip():
                continue
            try:
                out[k] = parse_number("amount", text, self.lang)
            except ValueError:
                errors.append(k)
                if k in current:
                    out[k] = current[k]
        self.set_local_error(t("amount.bad", self.lang) + f" ({', '.join(errors)})" if errors else None)
        self.write(out)


class CountsField(FieldBox):
    """Free key -> count (reasons for ending), as lines "reason = count"."""

    def compose_editor(self):
        v = self.model_value()
        items = v.items() if isinstance(v, dict) else []
        self._text = "\n".join(f"{k} = {n}" for k, n in items)
        yield TextArea(self._text, soft_wrap=False, compact=True, classes="editor", highlight_cursor_line=False)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text == self._text:
            return
        self._text = text
        out = {}
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            key, sep, num = line.rpartition("=")
            try:
                if not sep or not key.strip():
                    raise ValueError
                out[key.strip().strip('"')] = int(num.strip().replace(" ", ""))
            except ValueError:
                self.set_local_error(t("counts.bad", self.lang, line=n))
                return
        self.set_local_error(None)
        if out:
            self.write(out)
        else:
            self.erase()



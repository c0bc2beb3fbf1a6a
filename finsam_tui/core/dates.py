"""Dates as people type them: "2022-06-17", "17 juni 2022", "17/6", "idag", "+3v", "-1m".

Built on python-dateutil: its parser (with Swedish month names, day before month) and
relativedelta for "+N" steps. Used by the editor forms; the records always store ISO dates.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as du_parser
from dateutil.relativedelta import relativedelta

from finsam_tui.core.i18n.dates import Labels


class DateError(ValueError):
    """The text is not a date: :meth:`message` says what was typed and what is accepted in a
    language (``core/i18n/dates.py``), str() in Swedish and English."""

    def __init__(self, key: str, **params) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{self.message('sv')} / {self.message('en')}")

    def message(self, lang: str = "sv") -> str:
        return Labels(lang).fmt(self.key, **self.params)


class _SwedishInfo(du_parser.parserinfo):
    MONTHS = [
        ("jan", "januari", "january"), ("feb", "februari", "february"), ("mar", "mars", "march"),
        ("apr", "april"), ("maj", "may"), ("jun", "juni", "june"), ("jul", "juli", "july"),
        ("aug", "augusti", "august"), ("sep", "sept", "september"), ("okt", "oktober", "oct", "october"),
        ("nov", "november"), ("dec", "december"),
    ]
    WEEKDAYS = [
        ("mån", "måndag", "mon", "monday"), ("tis", "tisdag", "tue", "tuesday"), ("ons", "onsdag", "wed", "wednesday"),
        ("tor", "torsdag", "thu", "thursday"), ("fre", "fredag", "fri", "friday"), ("lör", "lördag", "sat", "saturday"),
        ("sön", "söndag", "sun", "sunday"),
    ]
    JUMP = [" ", ".", ",", ";", "-", "/", "'", "den", "the", "of", "kl"]

    def __init__(self):
        super().__init__(dayfirst=True, yearfirst=False)


_INFO = _SwedishInfo()
# The words people type, accepted in both languages at once (input, not output: the parser's
# own vocabulary, like the month names above).
_WORDS = {
    "idag": 0, "i dag": 0, "today": 0, "igår": -1, "i går": -1, "yesterday": -1,
    "imorgon": 1, "i morgon": 1, "tomorrow": 1, "iövermorgon": 2, "i övermorgon": 2,
}
_STEP = re.compile(r"^([+-])\s*(\d+)\s*([a-zåäö]*)$")
_UNITS = {
    "": "days", "d": "days", "dag": "days", "dagar": "days", "day": "days", "days": "days",
    "v": "weeks", "vecka": "weeks", "veckor": "weeks", "w": "weeks", "week": "weeks", "weeks": "weeks",
    "m": "months", "mån": "months", "månad": "months", "månader": "months", "month": "months", "months": "months",
    "å": "years", "år": "years", "y": "years", "year": "years", "years": "years",
}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """A date from what a person typed. Raises DateError."""
    today = today or dt.date.today()
    s = " ".join(str(text).strip().lower().split())
    if not s:
        raise DateError("empty")
    if s in _WORDS:
        return today + dt.timedelta(days=_WORDS[s])
    m = _STEP.match(s)
    if m:
        sign, n, unit = m.groups()
        if unit not in _UNITS:
            raise DateError("unit", unit=unit, text=text)
        step = relativedelta(**{_UNITS[unit]: int(n)})
        return today + step if sign == "+" else today - step
    if _ISO.match(s):
        try:
            return dt.date.fromisoformat(s)
        except ValueError as exc:
            raise DateError("no_such_day", text=text, reason=str(exc)) from None
    try:
        default = dt.datetime(today.year, today.month, today.day)
        return du_parser.parse(s, parserinfo=_INFO, default=default).date()
    except (ValueError, OverflowError):
        raise DateError("not_a_date", text=text) from None

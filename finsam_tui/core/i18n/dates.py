"""What a date typed by a person can be wrong with (``core/dates.py``'s DateError), Swedish
(default) and English. The words people may type (idag, today, +3v, juni …) are not here:
they are accepted in both languages at once and listed beside the parser.
"""

from __future__ import annotations

from finsam_tui.core.i18n.catalogue import Catalogue

SV: dict[str, str] = {
    "empty": "tomt datum",
    "unit": "okänd enhet {unit!r} i {text!r}: använd d, v, m eller år",
    "no_such_day": "{text!r} är inget datum ({reason})",
    "not_a_date": "{text!r} är inget datum: skriv t.ex. 2022-06-17, 17 juni 2022, idag eller +3v",
}

EN: dict[str, str] = {
    "empty": "empty date",
    "unit": "unknown unit {unit!r} in {text!r}: use d, w, m or y",
    "no_such_day": "{text!r} is not a date ({reason})",
    "not_a_date": "{text!r} is not a date: write e.g. 2022-06-17, 17 june 2022, today or +3w",
}

CATALOGUE: dict[str, dict[str, str]] = {"sv": SV, "en": EN}


class Labels(Catalogue):
    """The date parser's messages in one language."""

    CATALOGUE = CATALOGUE

"""Dates as people type them in the forms."""

import datetime as dt

import pytest

from finsam_tui.core.dates import DateError, parse_date

TODAY = dt.date(2026, 11, 23)  # a Monday


@pytest.mark.parametrize("text,expected", [
    ("2022-06-17", dt.date(2022, 6, 17)),
    ("17 juni 2022", dt.date(2022, 6, 17)),
    ("17 Juni 2022", dt.date(2022, 6, 17)),
    ("17 jun 2022", dt.date(2022, 6, 17)),
    ("den 3 mars 2021", dt.date(2021, 3, 3)),
    ("17/6 2022", dt.date(2022, 6, 17)),
    ("17/6", dt.date(2026, 6, 17)),
    ("1 december", dt.date(2026, 12, 1)),
    ("idag", TODAY),
    ("i dag", TODAY),
    ("today", TODAY),
    ("igår", dt.date(2026, 11, 22)),
    ("imorgon", dt.date(2026, 11, 24)),
    ("+3v", dt.date(2026, 12, 14)),
    ("+3w", dt.date(2026, 12, 14)),
    ("+2", dt.date(2026, 11, 25)),
    ("-1m", dt.date(2026, 10, 23)),
    ("+1år", dt.date(2027, 11, 23)),
    ("fredag", dt.date(2026, 11, 27)),
])
def test_accepted(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "blaha", "2022-13-01", "+3x", "31 februari 2023"])
def test_rejected_with_a_message_naming_the_text(text):
    with pytest.raises(DateError) as err:
        parse_date(text, TODAY)
    assert (repr(text) in str(err.value)) or text == ""


@pytest.mark.parametrize("text", ["blaha", "2022-13-01", "+3x"])
def test_the_message_is_in_the_language_asked_for(text):
    with pytest.raises(DateError) as err:
        parse_date(text, TODAY)
    sv, en = err.value.message("sv"), err.value.message("en")
    assert repr(text) in sv and repr(text) in en and sv != en
    assert "inget datum" in sv or "okänd enhet" in sv
    assert str(err.value) == f"{sv} / {en}"

"""Find Swedish personal identity numbers in free text.

Public records (board minutes) must never contain a personnummer or a
samordningsnummer. The validator runs :func:`find_identity_numbers` over the raw
text of every record file (and ``personnummer_raw`` over the raw bytes of a file
that cannot be read as text: not UTF-8, or over the size limit).

Recognised forms (``S`` is an optional separator)::

    YYMMDDSNNNN       811218-9876, 811218+9876, 8112189876, 811218 9876
    YYYYMMDDSNNNN     19811218-9876, 198112189876   (century 18, 19 or 20)
    TOML integers     811_218_9876, 19811218_9876   (underscores between any digits)

The separator is ``-`` or ``+``, or anything that reads as one: every character whose
NFKC form is ``-``, ``+`` or a space (no-break spaces U+00A0 and U+202F, fullwidth
``－``/``＋``, the ideographic space, …), the dashes word processors put in place of ``-``
(U+2010 hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en dash, U+2014
em dash, U+2212 minus and their small and super/subscript forms), and the invisible
soft hyphen, zero-width space and word joiner, which show the number whole. A digit is any
Unicode decimal digit (``８``, ``٨``, ``𝟖``): it is read through ``unicodedata.decimal``
one character at a time, so the match's offsets are those of the text as written.

A candidate is reported only if

* it stands alone: no digit directly before or after it, and it is not glued to another
  digit group with a dash (``12-811218-9876``) or, as an underscored integer, with an
  underscore (``811_218_9876_12``);
* the date part is a real calendar date, where for a samordningsnummer the day
  is written as day + 60 (61..91). Without a century the date is accepted if it
  exists in some century, i.e. Feb 29 needs ``YY % 4 == 0`` (``00`` counts,
  since 2000 is a leap year);
* the last digit is the Luhn check digit of the 10-digit form ``YYMMDDNNN``;
* it is not one of the look-alikes that pass both checks by chance:

  - a digit run inside a hash or hex digest (:func:`_in_digest`): a word of 32 or more
    hex digits (a ``sha256:`` fingerprint, a git commit id, an e-signing reference) or a
    UUID (``52B9…-27F5-4E36-94CF-3E07…``). A number next to such a word, or glued to a
    few letters (``pnr8112189876kr``), is still found;
  - a date-time stamp (:func:`_is_stamp`): twelve digits, a date less than
    ``STAMP_YEARS`` (16) years before today (or after it) followed by a time of day,
    ``20180613-0900`` or ``20180613_0900`` — the date and the Luhn digit of that one both
    pass. Finsam serves people of working age, so the number of someone born less than 16
    years ago, written with its century, whose last four digits read as a time of day (one
    in seven) is the one kind of number not reported; with ``+`` (a hundred years old) or a
    day 61..91 it is never a stamp. The window moves with today: a stamp in an unchanged
    file is reported once its date is 16 years old (it then reads as an adult's number);
  - a telephone number (:func:`_after_phone_word`): a number starting with ``0`` right
    after a telephone word (``Tel``, ``telefon``, ``mobil``, ``tfn``, ``ring``, …), where
    a mobile number 070-123 45 67 reads as a date in 2007. Alone it is still reported.

Dates (``2022-06-17``), org numbers (month part >= 20), amounts, bankgiro and digit runs
of other lengths never match. Candidates are found with one compiled regex, so text
without long digit runs is scanned in a few ms per MB.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

__all__ = ["IdentityNumberMatch", "find_identity_numbers", "mask"]

PERSONNUMMER = "personnummer"
SAMORDNINGSNUMMER = "samordningsnummer"

# Separators. ASCII "-" and "+" are the official ones. The others are what NFKC reads as
# "-", "+" or a space, the dashes editors turn "-" into, and the invisible characters a
# copy from a web page can leave between the parts (the number still shows whole).
_DASHES = ("-\u2010\u2011\u2012\u2013\u2014\u2212\u207b\u208b"
           "\ufe31\ufe32\ufe58\ufe63\uff0d")
_PLUSES = "+\u207a\u208a\ufb29\ufe62\uff0b"
_SPACES = " \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u200b\u2060"
_SEP = "[" + re.escape(_DASHES + _PLUSES + _SPACES + _INVISIBLE) + "]"
_JOIN = "[" + re.escape(_DASHES) + "]"

# The pattern starts with a plain character class so the regex engine can skip
# ahead to the next digit quickly; the "no digit before" check follows as a
# lookbehind over the first digit. \d is any Unicode decimal digit.
_PATTERN = (
    r"\d"
    r"(?<!\d\d)"  # first digit is not preceded by a digit
    rf"(?<!\d{_JOIN}\d)"  # ... nor by a digit group joined with a dash
    r"(?:\d{2})?"  # optional century (8 date digits instead of 6)
    r"\d{5}"
    rf"({_SEP}?)"
    r"\d{4}"
    r"(?!\d)"  # not followed by a digit
    rf"(?!{_JOIN}\d)"  # ... nor by a dash-joined digit group
)
_CANDIDATE = re.compile(_PATTERN)
# The same for a text whose only digits are 0-9 (nearly every one): the regex engine skips
# ahead over [0-9] a good third faster than over \d.
_CANDIDATE_ASCII = re.compile(_PATTERN.replace(r"\d", "[0-9]"))
# The first byte in UTF-8 of every decimal digit beyond ASCII (U+0660 and up; a test checks
# it against unicodedata): a text whose UTF-8 has none of these has no such digit.
_WIDE_DIGIT_LEADS = bytes(range(0xD9, 0xE2)) + b"\xea\xef" + bytes(range(0xF0, 0xF5))
_NOT_WIDE_DIGIT_LEAD = bytes(b for b in range(256) if b not in _WIDE_DIGIT_LEADS)

# TOML integers with underscores between digits (811_218_9876): not glued to more digit
# groups, not the fraction or integer part of a float, not a 0x/0o/0b integer.
_UNDERSCORED = re.compile(
    r"(?<!\d)(?<!\d_)(?<!\d\.)(?<!0[xob])"
    r"\d+(?:_\d+)+"
    r"(?!_?\d)(?!\.\d)"
)

# Hex digests: a word of at least 32 hex digits (MD5 32, SHA-1/git 40, SHA-256 64), and
# UUIDs (8-4-4-4-12 hex digits, as e-signing services number their envelopes). "Word":
# no ASCII letter or digit directly before or after.
_HEX = frozenset("0123456789abcdefABCDEF")
_DIGEST_MIN = 32
_UUID = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(?![0-9A-Za-z])")
_UUID_LEN = 36

# A date-time stamp's date lies less than this many years back: Finsam's target group
# is people of working age (from 16).
STAMP_YEARS = 16

# A telephone word right before a number (the end of the text before it): Swedish and English.
# Not glued to a letter before it, unless that letter ends an escape in the raw text of a
# TOML string ("Kontakt\\nTel 070…": a line break in the value).
_PHONE_WORD = re.compile(
    r"(?:(?<![^\W\d_])|(?<=\\[nrtbf]))"
    r"(?:tel|tfn|telefon|telefonnummer|telefonnr|mob|mobil|mobilnummer|mobilnr|mobiltelefon|"
    r"ring|sms|fax|växel|phone|mobile|cell)\.?:?[ \u00a0]*\Z",
    re.IGNORECASE)
_PHONE_LOOKBACK = 20

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class IdentityNumberMatch:
    start: int  # offset in the text
    end: int
    text: str  # the matched characters as written
    kind: str  # "personnummer" or "samordningsnummer"


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _luhn_ok(ten: str) -> bool:
    """True if the last of the ten digits is the Luhn check digit of the first nine."""
    total = 0
    for i, ch in enumerate(ten[:9]):
        d = ord(ch) - 48
        if i % 2 == 0:  # weights 2,1,2,1,... from the left
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10 == ord(ten[9]) - 48


def _date_kind(century: int | None, yy: int, month: int, day: int) -> str | None:
    """Kind of number for this date part, or None if the date does not exist."""
    if day > 60:
        kind = SAMORDNINGSNUMMER
        day -= 60
    else:
        kind = PERSONNUMMER
    if not 1 <= month <= 12 or day < 1 or day > _DAYS_IN_MONTH[month - 1]:
        return None
    if month == 2 and day == 29:
        # Without a century: valid if Feb 29 exists in some century, which for
        # 1800/1900/2000 + YY is exactly YY % 4 == 0 (2000 is a leap year).
        leap = _is_leap(century * 100 + yy) if century is not None else yy % 4 == 0
        if not leap:
            return None
    return kind


def _ascii_digits(s: str) -> str:
    """The digits of s as ASCII (any Unicode decimal digit), separators left out."""
    if s.isascii():
        return "".join(c for c in s if "0" <= c <= "9")
    return "".join(c if "0" <= c <= "9" else str(unicodedata.decimal(c)) for c in s if c.isdecimal())


def mask(text: str) -> str:
    """text with its last four digits (any script) each replaced by ``*``: the length stays."""
    chars = list(text)
    left = 4
    for i in range(len(chars) - 1, -1, -1):
        if left and chars[i].isdecimal():
            chars[i] = "*"
            left -= 1
    return "".join(chars)


def _is_word_edge(text: str, i: int) -> bool:
    """True when position i is outside the text or holds no ASCII letter or digit."""
    return i < 0 or i >= len(text) or not (text[i].isascii() and text[i].isalnum())


def _in_digest(text: str, start: int, end: int) -> bool:
    """True when text[start:end] lies inside a hex digest or a UUID (see the module docstring)."""
    lo, hi = start, end
    while lo > 0 and text[lo - 1] in _HEX:
        lo -= 1
    while hi < len(text) and text[hi] in _HEX:
        hi += 1
    if hi - lo >= _DIGEST_MIN and _is_word_edge(text, lo - 1) and _is_word_edge(text, hi) and \
            all(c in _HEX for c in text[start:end]):
        return True
    window = text[max(0, start - _UUID_LEN):end + _UUID_LEN]
    offset = max(0, start - _UUID_LEN)
    return any(u.start() + offset <= start and end <= u.end() + offset for u in _UUID.finditer(window))


def _years_before(day: date, years: int) -> date:
    """The same day ``years`` years before (29 February: 1 March when that year has none)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 3, 1)


def _is_stamp(century: int, ten: str, plus: bool, today: date) -> bool:
    """True when a personnummer-shaped number with its century reads as a date-time stamp: its
    last four digits are a time of day (00:00-23:59) and its date lies less than STAMP_YEARS
    years before today, or after it."""
    if plus or int(ten[6:8]) > 23 or int(ten[8:10]) > 59:
        return False
    born = date(century * 100 + int(ten[0:2]), int(ten[2:4]), int(ten[4:6]))  # checked by _date_kind
    return born > _years_before(today, STAMP_YEARS)


def _after_phone_word(text: str, start: int, digits: str) -> bool:
    """True when the number starts with 0 and a telephone word stands right before it."""
    return digits[0] == "0" and _PHONE_WORD.search(text[max(0, start - _PHONE_LOOKBACK):start]) is not None


def _check(text: str, start: int, end: int, digits: str, sep: str, today: date | None) -> IdentityNumberMatch | None:
    """The match for the candidate text[start:end] (its digits as ASCII), or None when it is
    no identity number."""
    if len(digits) == 12:
        century = int(digits[:2])
        if century not in (18, 19, 20):
            return None
        ten = digits[2:]
    elif len(digits) == 10:
        century = None
        ten = digits
    else:
        return None
    kind = _date_kind(century, int(ten[0:2]), int(ten[2:4]), int(ten[4:6]))
    if kind is None or not _luhn_ok(ten) or _in_digest(text, start, end):
        return None
    if kind == PERSONNUMMER and century is not None and \
            _is_stamp(century, ten, sep != "" and sep in _PLUSES, today or date.today()):
        return None
    if _after_phone_word(text, start, digits):
        return None
    return IdentityNumberMatch(start, end, text[start:end], kind)


def find_identity_numbers(text: str, today: date | None = None) -> list[IdentityNumberMatch]:
    """All Luhn-valid personnummer and samordningsnummer in ``text``, in order. ``today``
    (default: the date today) places the window of date-time stamps."""
    found: list[IdentityNumberMatch] = []
    for m in _candidates(text).finditer(text):
        match = _check(text, m.start(), m.end(), _ascii_digits(m.group()), m.group(1), today)
        if match is not None:
            found.append(match)
    if "_" in text and _has_digit_underscore(text):
        taken = [(m.start, m.end) for m in found]
        more = []
        for m in _UNDERSCORED.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            match = _check(text, m.start(), m.end(), _ascii_digits(m.group()), "_", today)
            if match is not None:
                more.append(match)
        if more:
            found = sorted(found + more, key=lambda m: m.start)
    return found


def _candidates(text: str) -> re.Pattern:
    """The candidate pattern for the text: the ASCII one when it can hold no other digit."""
    if text.isascii() or not text.encode("utf-8", "surrogatepass").translate(None, _NOT_WIDE_DIGIT_LEAD):
        return _CANDIDATE_ASCII
    return _CANDIDATE


def _has_digit_underscore(text: str) -> bool:
    """True when some underscore stands between two digits (cheaper than the regex when
    underscores are only in key names such as board_periods)."""
    i = text.find("_")
    while i >= 0:
        if 0 < i < len(text) - 1 and text[i - 1].isdecimal() and text[i + 1].isdecimal():
            return True
        i = text.find("_", i + 1)
    return False

"""Find Swedish personal identity numbers in free text.

Public records (board minutes) must never contain a personnummer or a
samordningsnummer. The validator runs :func:`find_identity_numbers` over the raw
text of every record file.

Recognised forms (``S`` is an optional separator: ``-``, ``+``, or a dash
variant such as ``–`` / ``‑`` / ``−`` that word processors substitute)::

    YYMMDDSNNNN       811218-9876, 811218+9876, 8112189876
    YYYYMMDDSNNNN     19811218-9876, 198112189876   (century 18, 19 or 20)

A candidate is reported only if

* it stands alone: no ASCII digit directly before or after it, and it is not
  glued to another digit group with a hyphen (``12-811218-9876``);
* the date part is a real calendar date, where for a samordningsnummer the day
  is written as day + 60 (61..91). Without a century the date is accepted if it
  exists in some century, i.e. Feb 29 needs ``YY % 4 == 0`` (``00`` counts,
  since 2000 is a leap year);
* the last digit is the Luhn check digit of the 10-digit form ``YYMMDDNNN``.

Dates (``2022-06-17``), org numbers (month part >= 20), amounts, phone numbers
and digit runs of other lengths never match. Nor does a digit run inside a hash or
hex digest (:func:`_in_digest`): a word of 32 or more hex digits (a ``sha256:``
fingerprint, a git commit id, an e-signing reference) or a UUID
(``52B9…-27F5-4E36-94CF-3E07…``), where ten digits in a row that pass the date and
Luhn checks turn up by chance in a large archive. A number next to such a word, or
glued to a few letters (``pnr8112189876kr``), is still found. Candidates are found with one
compiled regex, so text without long digit runs is scanned in a few ms per MB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["IdentityNumberMatch", "find_identity_numbers"]

PERSONNUMMER = "personnummer"
SAMORDNINGSNUMMER = "samordningsnummer"

# Hyphen-like separators. ASCII "-" and "+" are the official ones; the others
# (hyphen, non-breaking hyphen, figure dash, en dash, minus sign) are what
# editors turn "-" into, and must not let a number slip through.
_DASHES = "\u2010\u2011\u2012\u2013\u2212"
_SEP = "[-+" + _DASHES + "]"
_JOIN = "[-" + _DASHES + "]"

# The pattern starts with a plain character class so the regex engine can skip
# ahead to the next digit quickly; the "no digit before" check follows as a
# lookbehind over the first digit.
_CANDIDATE = re.compile(
    r"[0-9]"
    r"(?<![0-9][0-9])"  # first digit is not preceded by a digit
    rf"(?<![0-9]{_JOIN}[0-9])"  # ... nor by a digit group joined with a dash
    r"(?:[0-9]{2})?"  # optional century (8 date digits instead of 6)
    r"[0-9]{5}"
    rf"({_SEP}?)"
    r"[0-9]{4}"
    r"(?![0-9])"  # not followed by a digit
    rf"(?!{_JOIN}[0-9])"  # ... nor by a dash-joined digit group
)

# Hex digests: a word of at least 32 hex digits (MD5 32, SHA-1/git 40, SHA-256 64), and
# UUIDs (8-4-4-4-12 hex digits, as e-signing services number their envelopes). "Word":
# no ASCII letter or digit directly before or after.
_HEX = frozenset("0123456789abcdefABCDEF")
_DIGEST_MIN = 32
_UUID = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(?![0-9A-Za-z])")
_UUID_LEN = 36

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


def find_identity_numbers(text: str) -> list[IdentityNumberMatch]:
    """All Luhn-valid personnummer and samordningsnummer in ``text``, in order."""
    found: list[IdentityNumberMatch] = []
    for m in _CANDIDATE.finditer(text):
        s = m.group()
        digits = s.replace(m.group(1), "") if m.group(1) else s
        if len(digits) == 12:
            century = int(digits[:2])
            if century not in (18, 19, 20):
                continue
            digits = digits[2:]
        else:
            century = None
        kind = _date_kind(century, int(digits[0:2]), int(digits[2:4]), int(digits[4:6]))
        if kind is None or not _luhn_ok(digits) or _in_digest(text, m.start(), m.end()):
            continue
        found.append(IdentityNumberMatch(m.start(), m.end(), s, kind))
    return found

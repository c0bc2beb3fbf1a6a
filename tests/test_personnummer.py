"""Tests for finsam_tui.core.check.personnummer.

Test vectors are built here with an independent Luhn implementation (``_luhn``)
so the module's own check-digit code is not used to test itself.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import date

import pytest

from finsam_tui.core.check.personnummer import IdentityNumberMatch, find_identity_numbers

try:
    from hypothesis import assume, given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is optional
    given = None


# --- independent helpers --------------------------------------------------------


def _luhn(nine: str) -> str:
    """Luhn check digit for nine digits (weights 2,1,2,... from the left)."""
    assert len(nine) == 9 and nine.isdigit()
    total = 0
    for pos, ch in enumerate(nine):
        product = int(ch) * (2 if pos % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def valid(yymmdd: str, nnn: str = "123") -> str:
    """Ten digits YYMMDDNNN + correct check digit."""
    return yymmdd + nnn + _luhn(yymmdd + nnn)


def invalid(yymmdd: str, nnn: str = "123", offset: int = 1) -> str:
    """Ten digits with a wrong check digit (offset 1..9 from the right one)."""
    good = int(_luhn(yymmdd + nnn))
    return yymmdd + nnn + str((good + offset) % 10)


def dash(ten: str, sep: str = "-") -> str:
    return ten[:6] + sep + ten[6:]


def texts(text: str) -> list[str]:
    return [m.text for m in find_identity_numbers(text)]


def test_helper_agrees_with_known_vector():
    assert _luhn("811218987") == "6"
    assert valid("811218", "987") == "8112189876"


# --- known vector in every form -------------------------------------------------


@pytest.mark.parametrize(
    "number",
    ["811218-9876", "811218+9876", "8112189876", "19811218-9876", "198112189876"],
)
def test_known_vector_all_forms(number):
    assert find_identity_numbers(number) == [IdentityNumberMatch(0, len(number), number, "personnummer")]


def test_match_is_frozen_dataclass():
    m = find_identity_numbers("811218-9876")[0]
    assert dataclasses.is_dataclass(m)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 3  # type: ignore[misc]


# --- generated vectors: all forms, valid and invalid check digit ----------------

DATES = [
    # (YYMMDD, century to use for 12-digit forms, kind)
    ("811218", "19", "personnummer"),
    ("450101", "19", "personnummer"),
    ("991231", "19", "personnummer"),
    ("081130", "20", "personnummer"),  # at least 16 years ago (a stamp's date is more recent)
    ("000229", "20", "personnummer"),  # 2000 is a leap year
    ("040229", "20", "personnummer"),
    ("960229", "19", "personnummer"),
    ("811278", "19", "samordningsnummer"),  # 18 + 60
    ("811291", "19", "samordningsnummer"),  # Dec 31 + 60
    ("000289", "20", "samordningsnummer"),  # Feb 29 2000 + 60
    ("070361", "20", "samordningsnummer"),  # Mar 1 + 60
    ("120490", "20", "samordningsnummer"),  # Apr 30 + 60
]


def _forms(yymmdd: str, century: str, ten: str) -> list[str]:
    return [
        ten,
        dash(ten, "-"),
        dash(ten, "+"),
        century + ten,
        century + dash(ten, "-"),
    ]


@pytest.mark.parametrize("yymmdd,century,kind", DATES)
@pytest.mark.parametrize("nnn", ["000", "123", "987", "555"])
def test_luhn_valid_numbers_are_flagged(yymmdd, century, kind, nnn):
    for number in _forms(yymmdd, century, valid(yymmdd, nnn)):
        found = find_identity_numbers(number)
        assert found == [IdentityNumberMatch(0, len(number), number, kind)], number


@pytest.mark.parametrize("yymmdd,century,kind", DATES)
@pytest.mark.parametrize("offset", range(1, 10))
def test_luhn_invalid_numbers_are_not_flagged(yymmdd, century, kind, offset):
    for number in _forms(yymmdd, century, invalid(yymmdd, "123", offset)):
        assert find_identity_numbers(number) == [], number


def test_every_check_digit_exactly_one_flagged():
    flagged = [d for d in "0123456789" if find_identity_numbers("811218-987" + d)]
    assert flagged == ["6"]


# --- invalid dates (with a correct Luhn digit) are not flagged ------------------

BAD_DATES = [
    "811318",  # month 13
    "810018",  # month 00
    "810230",  # Feb 30
    "810229",  # Feb 29, 1981/2081 not leap
    "030229",  # Feb 29, 1903/2003 not leap
    "811200",  # day 00
    "811232",  # day 32
    "810431",  # Apr 31
    "811260",  # day 60: neither a day nor a coordination day
    "811292",  # Dec 32 + 60
    "810291",  # Feb 31 + 60
    "810290",  # Feb 30 + 60
    "810289",  # Feb 29 1981 + 60
    "811360",  # month 13 + coordination day
]


@pytest.mark.parametrize("yymmdd", BAD_DATES)
@pytest.mark.parametrize("nnn", ["123", "987"])
def test_invalid_dates_not_flagged(yymmdd, nnn):
    ten = valid(yymmdd, nnn)
    for number in (ten, dash(ten), dash(ten, "+"), "19" + ten, "20" + dash(ten)):
        assert find_identity_numbers(number) == [], number


def test_century_leap_year_checked_exactly_for_12_digit_forms():
    feb29 = valid("000229", "123")
    assert texts("20" + feb29) == ["20" + feb29]  # 2000 is leap
    assert texts("19" + feb29) == []  # 1900 is not
    assert texts(feb29) == [feb29]  # some century has it


@pytest.mark.parametrize("century", ["16", "17", "21", "99", "00"])
def test_12_digit_form_needs_plausible_century(century):
    ten = valid("811218", "987")
    assert find_identity_numbers(century + ten) == []
    assert find_identity_numbers(century + dash(ten)) == []


# --- in context: sentences, TOML, offsets ---------------------------------------


def _check_offsets(text: str, matches: list[IdentityNumberMatch]) -> None:
    for m in matches:
        assert text[m.start : m.end] == m.text


def test_in_swedish_sentence():
    text = "Ordföranden (pnr 19811218-9876) anmälde jäv. Sekreteraren, 811218-9876, justerade."
    found = find_identity_numbers(text)
    _check_offsets(text, found)
    assert [m.text for m in found] == ["19811218-9876", "811218-9876"]
    assert found[0].start == text.index("19811218")
    assert found[0].end == found[0].start + 13
    assert found[1].start == text.index(" 811218") + 1
    assert found[1].end == found[1].start + 11


def test_in_toml_string():
    text = 'id = "p12"\ntext = "Personen med pnr 8112189876 …"\n'
    found = find_identity_numbers(text)
    assert found == [IdentityNumberMatch(text.index("8112"), text.index("8112") + 10, "8112189876", "personnummer")]


def test_in_multiline_toml_and_punctuation():
    samo = dash(valid("811278", "246"))
    text = (
        '[[paragraph]]\ntitle = "Ärende"\ntext = """\n'
        f"Beslut om {samo}.\n"
        "Nummer:8112189876;\n"
        '(19811218-9876)"""\n'
    )
    found = find_identity_numbers(text)
    _check_offsets(text, found)
    assert [(m.text, m.kind) for m in found] == [
        (samo, "samordningsnummer"),
        ("8112189876", "personnummer"),
        ("19811218-9876", "personnummer"),
    ]


def test_adjacent_to_letters_still_flagged():
    assert texts("pnr8112189876kr") == ["8112189876"]


def test_several_numbers_reported_in_order():
    a, b, c = valid("450101", "111"), dash(valid("121130", "222")), "20" + valid("040229", "333")
    text = f"{a} och {b} samt {c}, men inte {invalid('450101', '444')}."
    found = find_identity_numbers(text)
    _check_offsets(text, found)
    assert [m.text for m in found] == [a, b, c]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_word_processor_dash_variants():
    for sep in ("\u2010", "\u2011", "\u2013", "\u2212"):
        number = "811218" + sep + "9876"
        assert texts(f"pnr {number}.") == [number]


# --- things that must never match -----------------------------------------------

NON_MATCHES = [
    "2022-06-17",
    "Mötet hölls 2022-06-17 kl. 09:00-12:00.",
    "Perioden 2021-06-29 - 2021-07-20 gäller.",
    "20210629-20210720",
    "Budget 10996000 kr",
    "Budget 10 996 000 kr",
    "Org.nr 222000-2824 (Försäkringskassan)",
    "Org.nr 212000-1975",
    "Org.nr 202100-5521",
    "2220002824",
    "16222000-2824",
    "Dnr 2022/05-SFV",
    "Dnr 2023/14",
    "Ring 073-592 23 47",
    "Tel 0735922347",
    "09:00-12:00",
    "1" + "8112189876",  # 11 digits
    "8112189876" + "1",  # 11 digits
    "1" + "198112189876",  # 13 digits
    "198112189876" + "12",  # 14 digits
    "8112189876" * 2,  # 20 digits
    "1811218-9876",  # 7 digits before the dash
    "811218-98761",  # 5 digits after the dash
    "12-811218-9876",  # joined to a preceding digit group
    "811218-9876-12",  # joined to a following digit group
    "811218--9876",
    "811218  9876",  # two separators
    "81121-89876",
    "",
]


@pytest.mark.parametrize("text", NON_MATCHES)
def test_non_matches(text):
    assert find_identity_numbers(text) == []


def test_org_numbers_fail_on_date_not_luhn():
    # the org numbers above are Luhn-valid; only the date check keeps them out
    for org in ("222000-2824", "212000-1975", "202100-5521"):
        digits = org.replace("-", "")
        assert _luhn(digits[:9]) == digits[9]


def test_a_digit_of_another_script_next_to_the_number_makes_the_run_too_long():
    """Every Unicode decimal digit is a digit (#14, section 5): glued to the number it makes
    an eleven-digit run, which is no identity number (it was, while only 0-9 were digits)."""
    arabic_eight = chr(0x0660 + 8)
    assert texts(arabic_eight + "8112189876") == []
    assert texts("8112189876" + chr(0xFF11)) == []


# --- hashes and hex digests: digits inside them are not identity numbers ----------------

_PN = valid("811218", "987")  # 8112189876, Luhn-valid


def _digest(length: int, inner: str = _PN, at: int = 10, alphabet: str = "abcdef") -> str:
    """A hex word of the given length with inner (digits) at position at."""
    filler = (alphabet * length)[: length - len(inner)]
    return filler[:at] + inner + filler[at:]


@pytest.mark.parametrize("text", [
    'fingerprint = "sha256:' + _digest(64) + '"',
    'fingerprint = "sha256:' + _digest(64, at=0) + '"',  # the digits start the digest
    'fingerprint = "sha256:' + _digest(64, at=54) + '"',  # ... or end it
    "sha256:" + _digest(64, "19" + _PN, alphabet="ABCDEF"),  # upper case, 12-digit form
    "commit " + _digest(40),  # a git commit id
    "md5 " + _digest(32),
    'signing = "Comfact ' + _digest(48) + '"',
    "DocuSign Envelope ID: 52B94B17-27F5-4E36-94CF-" + "19" + _PN,  # a UUID's last group
    "Envelope 19811218-9876-abcd-94cf-3e07c1266a45",  # a UUID's first groups
])
def test_digits_inside_hex_digests_are_not_identity_numbers(text):
    assert find_identity_numbers(text) == [], text


def test_a_digest_with_many_lucky_runs_stays_quiet():
    # every 10-digit window of this digest is Luhn-valid with a real date somewhere
    runs = "".join(valid(f"8{m % 10}12{10 + m:02d}", f"{m:03d}") + "e" for m in range(5))
    assert find_identity_numbers("sha256:" + runs + "f" * (64 - len(runs) % 64)) == []


@pytest.mark.parametrize("text,found", [
    ("sha256:" + _digest(64) + " 811218-9876", "811218-9876"),  # next to a digest
    ('fingerprint = "sha256:' + _digest(64) + '" # 8112189876', "8112189876"),
    ("Envelope ID: 52B94B17-27F5-4E36-94CF-3E07C1266A45, pnr 19811218-9876", "19811218-9876"),
    ("pnr " + _digest(31), _PN),  # a hex word shorter than a digest is text
    ("x" + _digest(40), _PN),  # a word that is not all hex is not a digest
    (_digest(40) + "g", _PN),
    ("ab" + _PN + "cd", _PN),  # a number glued to a few hex letters
])
def test_numbers_next_to_or_outside_digests_are_still_found(text, found):
    assert texts(text) == [found], text


def test_the_real_fixtures_digests_hold_runs_the_check_once_flagged():
    """tests/fixtures/real/personnummer-vs-fingerprint: its fingerprint and archive version hold
    a ten-digit run that passes the date and Luhn checks on its own; inside them, no finding."""
    from pathlib import Path

    path = (Path(__file__).resolve().parent / "fixtures" / "real" / "personnummer-vs-fingerprint" / "moten"
            / "styrelse" / "2023" / "2023-06-09.toml")
    text = path.read_text(encoding="utf-8")
    for run in ("6509076490", "9109690959"):
        assert run in text and texts(run) == [run]  # alone: an identity number
    assert find_identity_numbers(text) == []


# --- large input (speed is measured by benchmarks/run.py, not here) -------------------


def test_large_text_with_one_number_at_the_end():
    prose = "Styrelsen beslutade att godkänna budgeten för år 2023 om 10 996 000 kr; dnr 2023/14. "
    text = prose * (1_000_000 // len(prose) + 1)
    assert find_identity_numbers(text) == []
    found = find_identity_numbers(text + "811218-9876")
    assert [(m.start, m.text) for m in found] == [(len(text), "811218-9876")]


# --- property tests (hypothesis, if installed) ----------------------------------

if given is not None:
    _non_digit_text = st.text(  # no digit of any script
        alphabet=st.characters(blacklist_categories=("Cs", "Nd"),
                               blacklist_characters="-+\u2010\u2011\u2012\u2013\u2212"),
        max_size=30,
    )
    # A telephone word right before a number starting with 0 makes it a telephone number.
    _PHONE_BEFORE = re.compile(r"(?i)(tel|tfn|telefon|telefonnummer|telefonnr|mob|mobil|mobilnummer|mobilnr|"
                               r"mobiltelefon|ring|sms|fax|växel|phone|mobile|cell)\.?:?[ \u00a0]*$")

    @st.composite
    def _numbers(draw, luhn_ok: bool):
        yy = draw(st.integers(0, 99))
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, 28))
        coord = draw(st.booleans())
        yymmdd = f"{yy:02d}{month:02d}{day + 60 * coord:02d}"
        nnn = f"{draw(st.integers(0, 999)):03d}"
        ten = valid(yymmdd, nnn) if luhn_ok else invalid(yymmdd, nnn, draw(st.integers(1, 9)))
        form = draw(st.sampled_from(["plain", "dash", "plus", "c-plain", "c-dash", "space", "nbsp", "en-dash",
                                     "c-space", "fullwidth", "arabic-indic", "underscored", "c-underscored"]))
        century = "19" if yy > 9 else "20"  # born at least 16 years ago: see the date-time stamps
        number = {
            "plain": ten,
            "dash": dash(ten),
            "plus": dash(ten, "+"),
            "c-plain": century + ten,
            "c-dash": century + dash(ten),
            "space": dash(ten, " "),
            "nbsp": dash(ten, "\u00a0"),
            "en-dash": dash(ten, "\u2013"),
            "c-space": century + dash(ten, " "),
            "fullwidth": _in_script(dash(ten, "\uff0d"), 0xFF10),
            "arabic-indic": _in_script(dash(ten), 0x0660),
            "underscored": f"{ten[:3]}_{ten[3:6]}_{ten[6:]}",
            "c-underscored": f"{century}{ten[:6]}_{ten[6:]}",
        }[form]
        return number, ("samordningsnummer" if coord else "personnummer")

    @settings(max_examples=300, deadline=None, database=None)
    @given(_non_digit_text, _numbers(luhn_ok=True), _non_digit_text)
    def test_property_valid_number_found_exactly(before, number_kind, after):
        number, kind = number_kind
        assume(not (_PHONE_BEFORE.search(before) and number[0] == "0"))
        text = before + number + after
        assert find_identity_numbers(text) == [
            IdentityNumberMatch(len(before), len(before) + len(number), number, kind)
        ]

    @settings(max_examples=300, deadline=None, database=None)
    @given(_non_digit_text, _numbers(luhn_ok=False), _non_digit_text)
    def test_property_invalid_check_digit_never_found(before, number_kind, after):
        assert find_identity_numbers(before + number_kind[0] + after) == []

    @settings(max_examples=300, deadline=None, database=None)
    @given(st.text(alphabet="0123456789-+ /:.\n", max_size=60))
    def test_property_every_match_is_consistent(text):
        for m in find_identity_numbers(text):
            assert text[m.start : m.end] == m.text
            assert m.start == 0 or not text[m.start - 1].isdigit()
            assert m.end == len(text) or not text[m.end].isdigit()
            digits = "".join(c for c in m.text if c.isdigit())
            assert len(digits) in (10, 12)
            ten = digits[-10:]
            assert _luhn(ten[:9]) == ten[9]
            day = int(ten[4:6])
            assert m.kind == ("samordningsnummer" if day > 60 else "personnummer")


# --- #14, section 5: more ways of writing a number ------------------------------------------
# Each of these was missed before (a regression test that failed first).

TODAY = date(2026, 12, 7)  # the "today" of the date-time stamp tests below

# The separators the issue names: a space, two no-break spaces and the dash variants that
# word processors put in place of "-".
ISSUE_SEPARATORS = [" ", "\u00a0", "\u202f", "\u2010", "\u2011", "\u2012", "\u2013", "\u2212"]


@pytest.mark.parametrize("sep", ISSUE_SEPARATORS, ids=lambda s: f"U+{ord(s):04X}")
def test_space_and_dash_variants_as_separator_are_flagged(sep):
    ten = valid("811218", "987")
    for number in (ten[:6] + sep + ten[6:], "19" + ten[:6] + sep + ten[6:]):
        text = f"Kontakt: {number}, tack."
        assert find_identity_numbers(text) == [IdentityNumberMatch(9, 9 + len(number), number, "personnummer")]
    for offset in range(1, 10):  # a wrong check digit is still no number
        bad = invalid("811218", "987", offset)
        assert texts(bad[:6] + sep + bad[6:]) == [] and texts("19" + bad[:6] + sep + bad[6:]) == []


def _nfkc_separators() -> dict[str, list[str]]:
    """Every character that NFKC reads as "-", "+" or a space (computed here, over all of Unicode)."""
    out: dict[str, list[str]] = {"-": [], "+": [], " ": []}
    for cp in range(0x110000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000 or c in out:
            continue
        n = unicodedata.normalize("NFKC", c)
        if n in out:
            out[n].append(c)
    return out


def test_every_character_nfkc_reads_as_a_dash_plus_or_space_is_a_separator():
    seps = _nfkc_separators()
    assert "\uff0d" in seps["-"] and "\uff0b" in seps["+"] and "\u3000" in seps[" "]  # fullwidth, ideographic
    ten = valid("811218", "987")
    for c in [c for group in seps.values() for c in group]:
        number = ten[:6] + c + ten[6:]
        assert texts(f"pnr {number}.") == [number], f"U+{ord(c):04X}"


@pytest.mark.parametrize("sep", ["\u00ad", "\u200b", "\u2060", "\u2014"],
                         ids=["soft-hyphen", "zwsp", "word-joiner", "em-dash"])
def test_invisible_separators_and_em_dash_are_flagged(sep):
    """A number that shows whole (a soft hyphen or zero-width space from a web page between
    its parts) or with an em dash is still the number."""
    number = "811218" + sep + "9876"
    assert texts(f"({number})") == [number]


DIGIT_ZEROS = {"fullwidth": 0xFF10, "arabic-indic": 0x0660, "persian": 0x06F0, "devanagari": 0x0966,
               "thai": 0x0E50, "math-bold": 0x1D7CE}


def _in_script(s: str, zero: int) -> str:
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in s)


@pytest.mark.parametrize("zero", DIGIT_ZEROS.values(), ids=DIGIT_ZEROS.keys())
def test_unicode_decimal_digits_are_flagged_at_their_place(zero):
    for ascii_form in ("811218-9876", "19811218-9876", "8112189876", "811218+9876"):
        number = _in_script(ascii_form, zero)
        text = f"Åsa Öberg ({number}) och Östen"
        assert find_identity_numbers(text) == [IdentityNumberMatch(11, 11 + len(number), number, "personnummer")]
    assert texts(_in_script("811218-9875", zero)) == []  # the check digit is still checked
    assert texts(_in_script("811318-9876", zero)) == []  # ... and the date


def test_fullwidth_number_with_fullwidth_hyphen_is_flagged():
    number = "８１１２１８－９８７６"
    assert find_identity_numbers(f"pnr：{number}。") == [IdentityNumberMatch(4, 15, number, "personnummer")]


def test_mixed_scripts_in_one_number_are_flagged():
    number = "８１１２１８-9876"
    assert texts(number) == [number]


@pytest.mark.parametrize("written", [
    "811_218_9876", "19811218_9876", "1981_12_18_9876", "8_1_1_2_1_8_9_8_7_6", "198_112_189_876", "811218_9876",
])
def test_toml_integers_with_underscores_are_flagged(written):
    for line, start in ((f"nummer = {written}\n", 9), (f"lista = [1, {written}]\n", 12),
                        (f"{written} = 1\n", 0), (f"nummer = -{written}\n", 10), (f"x = {{ a = {written} }}\n", 10)):
        want = [IdentityNumberMatch(start, start + len(written), written, "personnummer")]
        assert find_identity_numbers(line) == want, line


@pytest.mark.parametrize("text", [
    "nummer = 811_218_9875",  # wrong check digit
    "nummer = 811_318_9876",  # month 13
    "nummer = 1_811_218_9876",  # eleven digits
    "nummer = 811_218_9876_1",
    "nummer = 12_811_218_9876_00",
    "pi = 3.811_218_9876",  # the fraction of a float
    "x = 811_218_9876.5",
    "x = 0x811_218_9876",  # hex, octal and binary integers are other numbers
    "x = 0o811_218_9876",
    "belopp = 6_400_000",
    "belopp = 10_996_000_000",
    "org = 222_000_2824",
    "stamp = 20180613_0900",  # a date-time stamp (see below)
])
def test_underscored_integers_that_are_no_identity_number(text):
    assert find_identity_numbers(text, today=TODAY) == [], text


# --- date-time stamps ------------------------------------------------------------------------


def test_the_issues_stamp_passes_the_date_and_luhn_checks():
    """20180613-0900 is a real date and its last digit IS the Luhn digit: only its shape (a
    recent date and a time of day) tells it from a child's personnummer."""
    assert _luhn("180613090") == "0"


def _stamp(day: date, hh: int, m1: int) -> str:
    """YYYYMMDD and a time of day HH:M?, the last digit chosen so that the Luhn check passes."""
    yymmdd = day.strftime("%y%m%d")
    nine = yymmdd + f"{hh:02d}{m1}"
    return day.strftime("%Y%m%d") + f"{hh:02d}{m1}" + _luhn(nine)


@pytest.mark.parametrize("sep", ["-", "", " ", "\u2013", "\u00a0", "_"])
def test_date_time_stamps_are_not_identity_numbers(sep):
    assert find_identity_numbers(f"arkiv-{'20180613' + sep + '0900'}.pdf", today=TODAY) == []
    assert find_identity_numbers(f"Signerad {'20180613' + sep + '0900'}", today=TODAY) == []
    # every Luhn-valid time of day on a date of the last 16 years
    for day in (date(2011, 1, 1), date(2018, 6, 13), date(2024, 2, 29), TODAY, date(2027, 5, 1)):
        for hh in range(24):
            for m1 in range(6):
                s = _stamp(day, hh, m1)
                assert find_identity_numbers(s[:8] + sep + s[8:], today=TODAY) == [], s


def test_a_stamp_without_its_century_is_reported():
    """Ten digits are the usual form of a personnummer: 180613-0900 reads as one (a child's),
    not as a stamp."""
    assert texts("180613-0900") == ["180613-0900"]
    assert texts("1806130900") == ["1806130900"]


def test_a_stamp_shape_does_not_hide_a_number_that_is_not_a_stamp():
    recent = date(2018, 6, 13)
    child = valid(recent.strftime("%y%m%d"), "246")  # 24:6x is no time of day
    assert find_identity_numbers("20" + child, today=TODAY) != []
    assert find_identity_numbers("20" + child[:6] + "-" + child[6:], today=TODAY) != []
    # a samordningsnummer: a stamp has no day 61-91
    samo = _stamp(date(2018, 6, 13), 9, 0)
    samo = samo[:6] + "73" + samo[8:-1]
    samo += _luhn(samo[2:11])
    assert [m.kind for m in find_identity_numbers(samo, today=TODAY)] == ["samordningsnummer"]
    # "+": a hundred years old, not a stamp
    s = _stamp(date(2018, 6, 13), 9, 0)
    assert [m.text for m in find_identity_numbers(s[:8] + "+" + s[8:], today=TODAY)] == [s[:8] + "+" + s[8:]]


def test_the_stamp_window_is_sixteen_years():
    """A stamp's date is less than 16 years back (Finsam serves people of working age): a
    number born exactly 16 years before today is reported even when it reads as a time."""
    sixteen = date(TODAY.year - 16, TODAY.month, TODAY.day)
    just_inside = date.fromordinal(sixteen.toordinal() + 1)
    s = _stamp(sixteen, 9, 0)
    assert [m.text for m in find_identity_numbers(s, today=TODAY)] == [s]
    assert [m.text for m in find_identity_numbers(s[:8] + "-" + s[8:], today=TODAY)] == [s[:8] + "-" + s[8:]]
    s = _stamp(just_inside, 9, 0)
    assert find_identity_numbers(s, today=TODAY) == []
    assert find_identity_numbers(s[:8] + "-" + s[8:], today=TODAY) == []
    # the clock: 23:59 is a time, 24:00 is not
    for hh, m1, found in ((23, 5, False), (24, 0, True), (9, 6, True)):
        s = _stamp(date(2018, 6, 13), hh, m1)
        assert bool(find_identity_numbers(s, today=TODAY)) is found, s


def test_the_stamp_window_moves_with_today():
    s = _stamp(date(2018, 6, 13), 9, 0)
    assert find_identity_numbers(s, today=date(2034, 6, 13)) != []
    assert find_identity_numbers(s, today=date(2034, 6, 12)) == []


def test_a_29_february_sixteen_years_back_has_a_window():
    s = _stamp(date(2008, 3, 1), 9, 0)  # today 29 February 2024: the window starts on 1 March 2008
    assert find_identity_numbers(s, today=date(2024, 2, 29)) == []
    s = _stamp(date(2008, 2, 29), 9, 0)
    assert find_identity_numbers(s, today=date(2024, 2, 29)) != []


# --- telephone numbers -----------------------------------------------------------------------

_MOBILE = valid("070123", "456")  # 070-123 45 6X: a mobile number that is also a real date and passes Luhn


@pytest.mark.parametrize("before", ["Tel ", "tel. ", "Tel: ", "telefon ", "Telefonnummer: ", "tfn ", "Mobil ",
                                    "mobilnummer: ", "mob. ", "ring ", "sms ", "fax ", "växel ", "Phone: ",
                                    "mobile ", "(tel ", "tel.:"])
def test_a_number_after_a_telephone_word_is_a_telephone_number(before):
    assert find_identity_numbers(before + _MOBILE, today=TODAY) == []
    assert find_identity_numbers(before + _MOBILE[:6] + " " + _MOBILE[6:], today=TODAY) == []


def test_a_telephone_word_does_not_hide_an_identity_number():
    assert texts(_MOBILE) == [_MOBILE]  # alone it cannot be told from a personnummer of 2007
    assert texts("pnr " + _MOBILE) == [_MOBILE]
    assert texts("Tel 08-123 45 67, pnr " + _MOBILE) == [_MOBILE]
    assert texts("tel 811218-9876") == ["811218-9876"]  # not a telephone number: no leading 0
    assert texts("hotel " + _MOBILE) == [_MOBILE]  # a word ending in "tel"
    assert texts("tel " + "20" + _MOBILE) == ["20" + _MOBILE]  # twelve digits: no telephone number


# --- look-alikes, in every new form ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Org.nr 222000 2824", "Org.nr 222000\u20132824", "Org.nr 222000\u00a02824", "２２２０００－２８２４",
    "Org.nr 212000\u20111975", "16222000 2824", "202100\u22125521",
    "Ring 070 123 45 67", "+46 70 123 45 67", "+46\u00a070\u00a0123\u00a045\u00a067", "08 123 456 78", "0771 22 33 44",
    "Bankgiro 5050-1055", "BG 123 4567", "Plusgiro 12 34 56-7", "PG 4 12 34 56-7",
    "Faktura 2023-0145", "Fakturanr 100234", "Faktura nr F2023 0012", "OCR 1234 5678 9012 3", "OCR 12345678901234",
    "Budget 10\u00a0996\u00a0000 kr", "10 996 000 kr", "1 811 218 987 kr", "Dnr 2023 014", "2022-06-17 09:00",
    "sha256:" + "ab12" * 16, "sha256:" + "abcdef0123" + "811218" + "9876" + "abcd" * 10,
    "52B94B17-27F5-4E36-94CF-811218987654",
])
def test_look_alikes_in_the_new_forms_are_not_flagged(text):
    assert find_identity_numbers(text, today=TODAY) == [], text


# --- boundaries (#15 will mutation-test this module) -----------------------------------------


@pytest.mark.parametrize("first", [
    "811218-9875",  # wrong check digit
    "811318-9876",  # month 13
    "sha256:" + "abcdef" + "8112189876" + "abcd" * 12,  # inside a digest
    "Tel 0701234567",  # a telephone number
    "20180613-0900",  # a stamp
    "1811218-9876",  # too long
    "811_218_9875",  # an underscored integer with a wrong check digit
    "８１１２１８－９８７５",  # fullwidth, wrong check digit
])
def test_a_rejected_candidate_does_not_stop_the_scan(first):
    found = find_identity_numbers(f"{first} och sedan 811218-9876 och 811218 9876.", today=TODAY)
    assert [m.text for m in found] == ["811218-9876", "811218 9876"]


@pytest.mark.parametrize("yymmdd,ok", [
    ("810131", True), ("810132", False),  # 31 January, and no 32nd
    ("811231", True), ("810430", True), ("810431", False), ("810228", True),
    ("810191", True), ("810192", False),  # samordningsnummer: day 31 + 60 = 91
    ("810161", True), ("810160", False),  # day 1 + 60; day 60 is neither
    ("810229", False), ("840229", True), ("000229", True),  # 29 February: 1981 no, 1984 and 2000 yes
    ("810289", False), ("840289", True),  # ... and + 60
    ("811201", True), ("811301", False), ("810001", False), ("810100", False),
])
def test_date_boundaries(yymmdd, ok):
    ten = valid(yymmdd, "123")
    assert bool(texts(ten[:6] + "-" + ten[6:])) is ok


@pytest.mark.parametrize("century,yymmdd,ok", [
    ("18", "960229", True), ("18", "970229", False), ("19", "000229", False), ("20", "000229", True),
    ("18", "811218", True), ("17", "811218", False), ("21", "811218", False),
])
def test_century_boundaries(century, yymmdd, ok):
    ten = valid(yymmdd, "123")
    assert bool(texts(century + ten)) is ok


def test_masking_hides_the_last_four_digits_whatever_the_form():
    from finsam_tui.core.check.personnummer import mask

    assert mask("811218-9876") == "811218-****"
    assert mask("19811218_98_76") == "19811218_**_**"
    assert mask("８１１２１８－９８７６") == "８１１２１８－****"
    assert len(mask("1981_12_18_9876")) == len("1981_12_18_9876")


# --- raw bytes of a file that cannot be read as text (#14, section 5) --------------------------


def _located(data: bytes, size: int | None = None, today: date = TODAY):
    from finsam_tui.core.check.personnummer_raw import find_in_chunks

    chunks = [data] if size is None else [data[i:i + size] for i in range(0, len(data), size)]
    return [(lm.match.text, lm.line, lm.column, lm.line_text) for lm in find_in_chunks(chunks, today)]


def _expected(text: str):
    """(number, line, column, its line) computed on the whole text, independently of the chunking."""
    out = []
    for m in find_identity_numbers(text, TODAY):
        line = text.count("\n", 0, m.start) + 1
        start = text.rfind("\n", 0, m.start) + 1
        stop = text.find("\n", m.start)
        out.append((m.text, line, m.start - start + 1, text[start:stop if stop >= 0 else len(text)]))
    return out


def _long_text() -> str:
    """Lines of every length (one of 3,000 characters) with numbers in many forms, some near
    every chunk boundary the test uses, and look-alikes."""
    numbers = ["811218-9876", "19811218 9876", "８１１２１８－９８７６", "811_218_9876", "8112189876",
               dash(valid("811278", "246"))]
    lines, n = [], 0
    for i in range(160):
        pad = "å" * (i * 13 % 97) + "x" * (3000 if i == 77 else i % 11)
        lines.append(f"rad{i} = \"{pad} {numbers[n % len(numbers)]} och 811218-9875, 20180613-0900\"")
        n += 1
        if i % 7 == 0:
            lines.append(f"{numbers[n % len(numbers)]}{'e' * (i % 5)} # {pad}")
            n += 1
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("size", [1, 3, 100, 767, 768, 769, 1000, 4096, None])
def test_numbers_in_bytes_are_found_once_each_at_their_line_and_column_whatever_the_chunks(size):
    text = _long_text()
    want = _expected(text)
    assert len(want) == 183
    got = _located(text.encode("utf-8"), size)
    assert [g[:3] for g in got] == [w[:3] for w in want]
    for g, w in zip(got, want):  # the line, as far as it was in memory
        assert g[3] is None or g[3] == w[3][:400]
    assert sum(g[3] is None for g in got) <= 2  # only on the line of 3,000 characters


def test_windows_1252_lines_are_read_one_byte_one_character():
    """A file in Windows-1252 (Latin-1 as Windows writes it): the column is the one an editor
    shows it at; a line that is UTF-8 in the same file is read as UTF-8."""
    data = ('name = "Åsa Öström"\n'.encode("cp1252") + 'title = "Kåre – pnr 811218–9876"\n'.encode("cp1252")
            + 'note = "８１１２１８－９８７６ ok"\n'.encode("utf-8") + b'x = "\xe5\x96 811218\xa09876"\n')
    assert _located(data) == [
        ("811218–9876", 2, 21, 'title = "Kåre – pnr 811218–9876"'),
        ("８１１２１８－９８７６", 3, 9, 'note = "８１１２１８－９８７６ ok"'),
        ("811218\u00a09876", 4, 9, 'x = "å– 811218\u00a09876"'),
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read_as_utf16(encoding):
    text = 'name = "Åsa"\ntitle = "pnr 811218-9876"\n'
    data = text.encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + text).encode(encoding)
    assert _located(data, 7) == [("811218-9876", 2, 14, 'title = "pnr 811218-9876"')]


def test_a_utf8_byte_order_mark_is_left_out_as_the_loader_does():
    assert _located(b"\xef\xbb\xbfa = '811218-9876 \xff'\n") == [("811218-9876", 1, 6, "a = '811218-9876 ÿ'")]


def test_crlf_lines_and_a_number_at_the_very_end():
    data = b"a = 1\r\nb = '\xe5 811218-9876'\r\n# 8112189876"
    assert _located(data, 5) == [("811218-9876", 2, 8, "b = 'å 811218-9876'"), ("8112189876", 3, 3, "# 8112189876")]


def test_a_huge_line_is_scanned_without_keeping_it():
    data = b"x = '" + b"\xe5" * 3_000_000 + b" 811218-9876 " + b"y" * 3_000_000 + b" 811218+9876'\n"
    got = _located(data, 1 << 20)
    assert [(t, line, col) for t, line, col, _lt in got] == [("811218-9876", 1, 3_000_007),
                                                              ("811218+9876", 1, 6_000_020)]
    assert all(lt is None for *_x, lt in got)  # the line began megabytes before: no excerpt


def test_the_first_numbers_are_listed_and_the_rest_counted():
    from finsam_tui.core.check.personnummer_raw import first_in_chunks

    data = "\n".join(f"{i}: 811218-9876" for i in range(250)).encode("cp1252")
    listed, total = first_in_chunks([data], limit=100)
    assert total == 250 and len(listed) == 100 and [lm.line for lm in listed] == list(range(1, 101))


def test_the_fast_path_for_ascii_digits_knows_every_other_digit():
    """find_identity_numbers uses a pattern of [0-9] when the text's UTF-8 holds no first byte
    of a wider decimal digit: every decimal digit of this Python's Unicode starts with one."""
    from finsam_tui.core.check.personnummer import _WIDE_DIGIT_LEADS

    wide = [chr(cp) for cp in range(0x80, 0x110000) if chr(cp).isdecimal()]
    assert len(wide) > 600
    assert {c.encode("utf-8")[0] for c in wide} <= set(_WIDE_DIGIT_LEADS)
    # a lone surrogate (a file name that is not UTF-8) does not stop the scan
    assert texts("\udce5 811218-9876") == ["811218-9876"]


def test_a_telephone_word_after_an_escaped_line_break_in_the_raw_text():
    """Found by the full planting run: in the raw text of a TOML string a line break is the
    two characters \\n, which glue an n to the telephone word."""
    assert find_identity_numbers('result = "f056\\nInledning\\nmobil: ' + _MOBILE + ' står här"', today=TODAY) == []
    assert find_identity_numbers('a = "x\\tTel ' + _MOBILE + '"', today=TODAY) == []
    assert texts('a = "x\\\\Tel ' + _MOBILE + '"') == []  # \\\\T: an escaped backslash, then the word
    assert texts("automobil " + _MOBILE) == [_MOBILE]  # a word ending in "mobil" is no telephone word

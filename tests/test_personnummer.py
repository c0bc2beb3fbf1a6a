"""Tests for finsam_tui.core.check.personnummer.

Test vectors are built here with an independent Luhn implementation (``_luhn``)
so the module's own check-digit code is not used to test itself.
"""

from __future__ import annotations

import dataclasses

import pytest

from finsam_tui.core.check.personnummer import IdentityNumberMatch, find_identity_numbers

try:
    from hypothesis import given, settings
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
    ("121130", "20", "personnummer"),
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
    "811218 9876",  # space separator is not a supported form
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


def test_non_ascii_digits_ignored():
    arabic = "".join(chr(0x0660 + int(d)) for d in "8112189876")
    assert find_identity_numbers(arabic) == []
    assert texts(arabic[0] + "8112189876") == ["8112189876"]


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
    _non_digit_text = st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="0123456789-+\u2010\u2011\u2012\u2013\u2212"),
        max_size=30,
    )

    @st.composite
    def _numbers(draw, luhn_ok: bool):
        yy = draw(st.integers(0, 99))
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, 28))
        coord = draw(st.booleans())
        yymmdd = f"{yy:02d}{month:02d}{day + 60 * coord:02d}"
        nnn = f"{draw(st.integers(0, 999)):03d}"
        ten = valid(yymmdd, nnn) if luhn_ok else invalid(yymmdd, nnn, draw(st.integers(1, 9)))
        form = draw(st.sampled_from(["plain", "dash", "plus", "c-plain", "c-dash"]))
        century = "19" if yy > 25 else "20"
        number = {
            "plain": ten,
            "dash": dash(ten),
            "plus": dash(ten, "+"),
            "c-plain": century + ten,
            "c-dash": century + dash(ten),
        }[form]
        return number, ("samordningsnummer" if coord else "personnummer")

    @settings(max_examples=300, deadline=None, database=None)
    @given(_non_digit_text, _numbers(luhn_ok=True), _non_digit_text)
    def test_property_valid_number_found_exactly(before, number_kind, after):
        number, kind = number_kind
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

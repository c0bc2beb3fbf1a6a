"""Personal data: a personnummer or samordningsnummer in any text field of any record is an
error (FS701) at its file, line and column; numbers that are not identity numbers never are.

The field list is generated from ``finsam_tui/core/records/schema.py``: every string-typed field (str,
text, enum, ref, time, month_day), the string items of lists, the name and role of a
guest, the keys of amount and count tables, through every table and array of tables of
every record kind. In the round with offset o field i holds vector (i + o) mod V, in one of
several surroundings (before or after a word, inside punctuation, on the next line of a
multi-line text); the offsets of the FINSAM_PERSONAL_ROUNDS rounds (default 12) are spread
over the vectors, and with 0 there is a round per vector, so that every field holds every
vector. The vectors are built here with an independent Luhn implementation: valid
personnummer and samordningsnummer with and without century, with every separator
(#14, section 5: spaces, no-break spaces, dash variants, fullwidth and invisible ones), in
other scripts' digits and as underscored integers; Luhn-invalid ones and impossible dates;
and numbers that must never be flagged (dates, amounts, diarienummer, org numbers, phone
numbers, postcodes, bank accounts, and look-alikes of the new forms: date-time stamps,
telephone numbers after a telephone word, hashes, invoice and bankgiro numbers). The same
planting is done in files that cannot be read as text (Windows-1252, UTF-16, over the size
limit), and an underscored TOML integer in every integer field. The figure is printed and
repeated in the test summary.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from finsam_tui.core.check.personnummer import find_identity_numbers
from finsam_tui.core.check.personnummer_raw import LISTED_MAX
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.io.tomledit import update_text
from finsam_tui.core.records.schema import KINDS, Field

from .conftest import RECORDS, report_figure

# In a parallel run (pytest-xdist, --dist loadgroup) these tests run in one worker, in order:
# test_figure sums up what the planting tests counted.
pytestmark = pytest.mark.xdist_group("personal-data")

# --- vectors (independent Luhn) ----------------------------------------------------------------


def luhn(nine: str) -> str:
    total = 0
    for pos, ch in enumerate(nine):
        product = int(ch) * (2 if pos % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def ten(yymmdd: str, nnn: str, wrong: int = 0) -> str:
    return yymmdd + nnn + str((int(luhn(yymmdd + nnn)) + wrong) % 10)


def forms(century: str, yymmdd: str, nnn: str, wrong: int = 0) -> list[str]:
    t = ten(yymmdd, nnn, wrong)
    return [t[:6] + "-" + t[6:], t[:6] + "+" + t[6:], t, century + t[:6] + "-" + t[6:], century + t, t[:6] + "–" + t[6:]]


def dashed(t: str, sep: str = "-") -> str:
    return t[:6] + sep + t[6:]


def in_script(s: str, zero: int) -> str:
    """s with its ASCII digits written in another script (zero: the code point of its 0)."""
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in s)


PN = ten("811218", "987")  # 8112189876
VALID = (
    forms("19", "811218", "987")  # personnummer, every form
    + forms("19", "640883", "123")[::2]  # samordningsnummer: day 23 + 60
    + [ten("000229", "456"), "20" + ten("000229", "456")[:6] + "-" + ten("000229", "456")[6:]]  # leap day 2000
    + [ten("121291", "234")[:6] + "-" + ten("121291", "234")[6:]]  # samordningsnummer on day 31
    # #14, section 5: the other separators (a space, no-break spaces, dash variants, fullwidth,
    # invisible), Unicode digits, TOML integers written in a string, twelve digits with a space
    + [dashed(PN, sep) for sep in (" ", "\u00a0", "\u202f", "\u2010", "\u2011", "\u2012", "\u2212", "\u2014",
                                   "\uff0d", "\u00ad", "\u200b")]
    + ["19" + dashed(PN, " "), "19" + dashed(PN, "\u00a0"), dashed(ten("640883", "123"), " ")]
    + [in_script(dashed(PN, "\uff0d"), 0xFF10), in_script("19" + PN, 0xFF10), in_script(dashed(PN), 0x0660),
       in_script(dashed(PN), 0x0966), in_script(PN, 0x1D7CE)]
    + ["811_218_9876", "19811218_9876"]
    + ["20" + dashed(ten("180613", "246"))]  # born 2018, ending 24:6x: no time of day, so no stamp
)
INVALID = (
    forms("19", "811218", "987", wrong=1)  # Luhn check digit off by one, every form
    + forms("19", "640883", "123", wrong=5)[::2]
    + [ten("811318", "987"), ten("811232", "987"), ten("810230", "987"),  # month 13, day 32, 30 February
       ten("811292", "987"), "19" + ten("000229", "456"),  # samordning day 92; 1900 was no leap year
       "17" + ten("811218", "987")]  # no such century
    + [dashed(ten("811218", "987", 1), " "), dashed(ten("811218", "987", 2), "\u00a0"),
       in_script(dashed(ten("811218", "987", 3), "\uff0d"), 0xFF10), "811_218_9875",
       dashed(ten("811318", "987"), " ")]
)
# Numbers that are not identity numbers, as they appear in records.
HARMLESS = [
    "2022-06-17", "20220617", "2022-06-17T10:00", "6 400 000 kr", "6400000", "1 500 000,50 kr",
    "Dnr 2023/45", "FS 2023-0012", "2023.0012", "212000-0893", "222000-1234", "556677-8899",
    "070-123 45 67", "08-123 456 78", "+46 70 123 45 67", "013-20 50 00", "123 45 Björkvik",
    "5050-1055", "90 20 01-4", "SE45 5000 0000 0583 9825 7466", "09:00–12:00", "§ 17", "2023/2024",
    "811218-98765", "8112189-876", "12-811218-9876-1",
]


def stamp(day: date, hh: int, m1: int) -> str:
    """YYYYMMDDHHM? with the last digit that passes the Luhn check: a date-time stamp that
    passes the date and Luhn checks of a personnummer."""
    nine = day.strftime("%y%m%d") + f"{hh:02d}{m1}"
    return day.strftime("%Y%m%d") + f"{hh:02d}{m1}" + luhn(nine)


MOBILE = ten("070123", "456")  # 070-123 45 6X: a mobile number that is a date in 2007 and passes Luhn
_RECENT = date.today() - timedelta(days=3 * 365)  # a stamp's date: three years back, whatever today is
# #14, section 5: look-alikes of the new forms, each of which passes the date and Luhn checks
# where a number could (a stamp, a telephone number, a number in a digest), and the
# org numbers, telephone numbers, invoice numbers and bankgiro numbers records hold.
def stamped(day: date, hh: int, m1: int, sep: str) -> str:
    s = stamp(day, hh, m1)
    return s[:8] + sep + s[8:]


LOOK_ALIKES = [
    # the stamp while it is less than 16 years old, and stamps of three years back
    "20180613-0900" if date.today() < date(2034, 6, 13) else stamped(_RECENT, 9, 0, "-"),
    stamped(_RECENT, 9, 0, "-"), stamp(_RECENT, 14, 3), stamped(_RECENT, 23, 5, " "),
    stamped(_RECENT, 7, 1, "\u2013"), stamped(_RECENT, 12, 0, "_"), stamped(_RECENT, 0, 0, "\u00a0"),
    "Org.nr 222000 2824", "Org.nr 222000\u20132824", in_script("222000-2824", 0xFF10).replace("-", "\uff0d"),
    "org = 222_000_2824", "16222000 2824",
    "Tel " + MOBILE, "mobil: " + MOBILE, "tfn " + dashed(MOBILE, " "), "070 123 45 67",
    "+46\u00a070\u00a0123\u00a045\u00a067", "0771-22 33 44",
    "sha256:" + "abcdef" + PN + "abcd" * 12, "commit " + "e" * 10 + PN + "f" * 20,
    "52B94B17-27F5-4E36-94CF-19" + PN,
    "Faktura 2023-0145", "Fakturanr 100234", "Bankgiro 5050-1055", "BG 123 4567", "Plusgiro 12 34 56-7",
    "OCR 12345678901234", "10\u00a0996\u00a0000 kr", "belopp = 6_400_000",
]
NEVER = INVALID + HARMLESS + LOOK_ALIKES


def test_the_vectors_are_what_they_claim():
    assert all(find_identity_numbers(v) for v in VALID)
    assert not any(find_identity_numbers(v) for v in NEVER)
    kinds = {find_identity_numbers(v)[0].kind for v in VALID}
    assert kinds == {"personnummer", "samordningsnummer"}
    assert len(set(VALID)) == len(VALID) and len(set(NEVER)) == len(NEVER)
    # the look-alikes that are digits only pass the checks a number must pass: only their shape
    # or their neighbourhood tells them apart
    for v in [MOBILE, stamp(_RECENT, 14, 3), stamp(_RECENT, 9, 0), "19" + PN]:
        assert luhn(v[-10:-1]) == v[-1]


# --- every text field of every record kind ------------------------------------------------------

STRING_TYPES = ("str", "text", "enum", "ref", "time", "month_day")
KEY = object()  # a key of an amounts/counts table


def text_fields(fields: tuple[Field, ...], prefix: tuple = ()):
    """(path, type) of every place text can be written, from the schema."""
    for f in fields:
        p = prefix + (f.name,)
        if f.type in STRING_TYPES:
            yield p, f.type
        elif f.type == "list":
            if f.item.type in STRING_TYPES:
                yield p + (0,), f.item.type
            elif f.item.type == "person_or_guest":
                yield p + (0, "name"), "str"
                yield p + (0, "role"), "str"
        elif f.type == "table":
            yield from text_fields(f.fields, p)
        elif f.type == "tables":
            yield from text_fields(f.fields, p + (0,))
        elif f.type in ("amounts", "counts"):
            yield p + (KEY,), "key"


BASES = {
    "forbund": "forbund.toml",
    "person": "personer/annika-berglof.toml",
    "organisation": "organisationer/bjorkvik.toml",
    "meeting": "moten/styrelse/2023/2023-04-14.toml",
    "budget": "budgetar/2023.toml",
    "insats": "insatser/samordningsteamet.toml",
}
FIELDS = {kind: list(text_fields(KINDS[kind])) for kind in KINDS}


def test_every_text_field_of_every_kind_is_covered():
    every = sum(len(v) for v in FIELDS.values())
    assert set(FIELDS) == set(BASES) and every >= 80
    meeting = {p for p, _t in FIELDS["meeting"]}
    for must in [("items", 0, "title"), ("items", 0, "sub", 0, "tasks", 0, "task"), ("attendance", "others", 0, "name"),
                 ("items", 0, "decision", 0), ("corrections", 0, "why"), ("justering", "signing")]:
        assert must in meeting


def _container(parent, key, next_key):
    """parent[key], made a dict or a list (with one dict or string) as next_key needs."""
    want_list = isinstance(next_key, int)
    cur = parent[key] if (isinstance(parent, dict) and key in parent) or (isinstance(parent, list) and key < len(parent)) else None
    if want_list and not isinstance(cur, list):
        cur = []
    elif not want_list and not isinstance(cur, dict):
        cur = {}
    if isinstance(parent, list):
        while len(parent) <= key:
            parent.append(None)
    parent[key] = cur
    return cur


def plant(data: dict, path: tuple, value: str) -> None:
    cur = data
    for i, part in enumerate(path[:-1]):
        nxt = path[i + 1]
        if nxt is KEY:
            cur = _container(cur, part, "k")
            cur[value] = 1
            return
        if isinstance(part, int) and isinstance(cur, list) and cur and part < len(cur) and not isinstance(
                cur[part], (dict, list)) and not isinstance(nxt, int):
            cur[part] = {}  # a guest written as a person id becomes {name, role}
        cur = _container(cur, part, nxt)
    last = path[-1]
    if isinstance(last, int):
        if cur:
            cur[last] = value
        else:
            cur.append(value)
    else:
        cur[last] = value


SURROUNDINGS = ["{m} {v}", "{v} {m}", "{m} (nr {v}).", "{m}: {v}, {m}"]
TEXT_SURROUNDINGS = SURROUNDINGS + ["{m}\nInledning\n{v} står här"]


def _expected_place(text: str, marker: str, vector: str) -> tuple[int, int]:
    m = text.index(marker)
    before = text.rfind(vector, 0, m)
    after = text.find(vector, m)
    # ours is the occurrence nearest its marker (within the surrounding, a few characters away)
    if before >= 0 and m - (before + len(vector)) <= 2:
        offset = before
    else:
        assert after >= 0 and after - m < len(marker) + 30, (marker, vector)
        offset = after
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# FINSAM_PERSONAL_ROUNDS (default 12) rounds of planting; 0 (or as many as there are vectors):
# one round per vector, so that every field holds every vector.
ROUNDS = int(os.environ.get("FINSAM_PERSONAL_ROUNDS", "12"))


def offsets(vectors: list) -> list[int]:
    """The offset of each round: field i holds vector (i + offset) mod V. Spread over the
    vectors, so that each field holds a different vector in each round."""
    n = len(vectors)
    if ROUNDS <= 0 or ROUNDS >= n:
        return list(range(n))
    return [r * n // ROUNDS for r in range(ROUNDS)]


def _round(root: Path, originals: dict[str, str], vectors: list[str], r: int, encode=None):
    """Plant vector (i + r) of vectors in field i of every kind; the expected places. encode:
    how the file is written (its text to bytes), UTF-8 if not given."""
    planted = []  # (rel, line, column, vector)
    for kind, rel in BASES.items():
        data = tomllib.loads(originals[rel])
        chosen = []
        for i, (path, ftype) in enumerate(FIELDS[kind]):
            vector = vectors[(i + r) % len(vectors)]
            marker = f"f{i:03d}"
            forms_ = TEXT_SURROUNDINGS if ftype == "text" else SURROUNDINGS
            value = forms_[(i + r) % len(forms_)].format(m=marker, v=vector)
            plant(data, path, value)
            chosen.append((marker, vector))
        text = update_text(originals[rel], data)
        (root / rel).write_bytes(encode(text) if encode else text.encode("utf-8"))
        for marker, vector in chosen:
            line, col = _expected_place(text, marker, vector)
            planted.append((rel, line, col, vector))
    return planted


@pytest.fixture(scope="module")
def archive_copy(tmp_path_factory):
    """A records folder of the bundled example's records the numbers are planted in, one of
    each kind: identity numbers are looked for in each file on its own (its text, its values,
    its name), so the example's other records would only add time."""
    root = tmp_path_factory.mktemp("pd") / "records"
    for rel in BASES.values():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(RECORDS / rel, root / rel)
    originals = {rel: (root / rel).read_text(encoding="utf-8") for rel in BASES.values()}
    return root, originals


def _fs701(root: Path) -> list[tuple[str, int, int]]:
    return sorted((f.file, f.line, f.column) for f in load_archive(root).findings if f.code == "FS701")


STATS = {"planted": 0, "flagged": 0, "false alarms": 0, "invalid planted": 0, "harmless planted": 0,
         "look-alikes planted": 0, "rounds": 0, "bytes planted": 0, "bytes flagged": 0, "integers planted": 0,
         "integers flagged": 0}


def test_every_valid_number_in_every_text_field_is_flagged(archive_copy):
    root, originals = archive_copy
    for r in offsets(VALID):
        planted = _round(root, originals, VALID, r)
        expected = sorted({(rel, line, col) for rel, line, col, _v in planted})
        assert len(expected) == len(planted)
        found = _fs701(root)
        assert found == expected, (set(expected) - set(found), set(found) - set(expected))
        STATS["planted"] += len(planted)
        STATS["flagged"] += len(found)
        STATS["rounds"] += 1


def test_no_invalid_or_harmless_number_is_flagged(archive_copy):
    root, originals = archive_copy
    kind_of = {**{v: "invalid planted" for v in INVALID}, **{v: "harmless planted" for v in HARMLESS},
               **{v: "look-alikes planted" for v in LOOK_ALIKES}}
    for r in offsets(NEVER):
        planted = _round(root, originals, NEVER, r)
        found = _fs701(root)
        STATS["false alarms"] += len(found)
        assert found == [], found
        for *_place, vector in planted:
            STATS[kind_of[vector]] += 1


def _not_text(text: str) -> bytes:
    """The file as Windows-1252 (Latin-1 as Windows writes it), or as UTF-16 with its byte order
    mark where Windows-1252 cannot hold a character (fullwidth or other digits, U+2011, …)."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        return text.encode("utf-16")


def _over_the_limit(text: str) -> bytes:
    """The file over the size limit: a comment of 2 MiB after its text."""
    return text.encode("utf-8") + b"#" + b"x" * (2 * 1024 * 1024) + b"\n"


def test_every_valid_number_in_a_file_not_read_as_text_is_flagged(archive_copy):
    """The same planting, the files written in Windows-1252 or UTF-16 (FS100 at the first byte
    that is not UTF-8) or over the size limit (FS100 without a line): their raw bytes are scanned."""
    root, originals = archive_copy
    for encode, rounds in ((_not_text, 2), (_over_the_limit, 1)):
        for r in offsets(VALID)[:rounds]:
            planted = _round(root, originals, VALID, r + 1, encode)
            findings = load_archive(root).findings
            assert {f.file for f in findings if f.code == "FS100"} == set(BASES.values())  # none read as text
            expected, more = [], {}
            for rel in BASES.values():  # the first LISTED_MAX of a file one by one, the rest counted (FS702)
                places = sorted((line, col) for r_, line, col, _v in planted if r_ == rel)
                expected += [(rel, line, col) for line, col in places[:LISTED_MAX]]
                if len(places) > LISTED_MAX:
                    more[rel] = len(places) - LISTED_MAX
            found = sorted((f.file, f.line, f.column) for f in findings if f.code == "FS701")
            assert found == sorted(expected), (set(expected) - set(found), set(found) - set(expected))
            assert {f.file: f.params["more"] for f in findings if f.code == "FS702"} == more
            STATS["bytes planted"] += len(planted)
            STATS["bytes flagged"] += len(found) + sum(more.values())


INT_TYPES = ("int", "amount")


def int_fields(fields: tuple[Field, ...], prefix: tuple = ()):
    """The path of every place an integer is written, from the schema (the values of amount
    and count tables too)."""
    for f in fields:
        p = prefix + (f.name,)
        if f.type in INT_TYPES:
            yield p
        elif f.type == "table":
            yield from int_fields(f.fields, p)
        elif f.type == "tables":
            yield from int_fields(f.fields, p + (0,))
        elif f.type in ("amounts", "counts"):
            yield p + ("rad",)


def test_every_integer_field_holding_an_underscored_number_is_flagged(archive_copy):
    """A TOML integer written with underscores (811_218_9876) in every integer field."""
    root, originals = archive_copy
    written = ["811_218_9876", "19811218_9876", "1_981_121_898_76", "8112_18_9876"]
    for r in range(len(written)):
        expected = []
        for kind, rel in BASES.items():
            data = tomllib.loads(originals[rel])
            paths = list(int_fields(KINDS[kind]))
            for path in paths:
                placeholder = 4_700_000_000_000 + len(expected)  # replaced by the number as written
                plant(data, path, placeholder)
                expected.append((rel, str(placeholder)))
            text = update_text(originals[rel], data)
            (root / rel).write_text(text, encoding="utf-8")
        places = []
        for i, (rel, placeholder) in enumerate(expected):
            path = root / rel
            text = path.read_text(encoding="utf-8")
            assert text.count(placeholder) == 1, placeholder
            number = written[(i + r) % len(written)]
            offset = text.index(placeholder)
            text = text.replace(placeholder, number)
            path.write_text(text, encoding="utf-8")
            places.append((rel, text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)))
        found = _fs701(root)
        assert found == sorted(places), (set(places) - set(found), set(found) - set(places))
        STATS["integers planted"] += len(places)
        STATS["integers flagged"] += len(found)


def test_the_bundled_example_has_no_false_alarm():
    """It is full of dates, amounts, diarienummer, org numbers and a phone number or two, and
    validates clean."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in RECORDS.rglob("*.toml"))
    assert re.search(r"\b\d{4}-\d\d-\d\d\b", text)  # dates
    assert re.search(r"\b\d{6}-\d{4}\b", text)  # org numbers
    assert re.search(r"\b\d{6,}\b", text)  # amounts
    archive = load_archive(RECORDS)
    assert not [f for f in archive.findings if f.code == "FS701"]


def test_figure():
    if not STATS["planted"]:
        pytest.skip("the planting tests did not run")
    assert STATS["planted"] == STATS["flagged"] and STATS["false alarms"] == 0
    assert STATS["bytes planted"] == STATS["bytes flagged"] and STATS["integers planted"] == STATS["integers flagged"]
    report_figure("personal", f"identity numbers planted: {STATS['planted']}, flagged: {STATS['flagged']}, "
                              f"false alarms: {STATS['false alarms']} (in {sum(len(f) for f in FIELDS.values())} "
                              f"text fields of {len(FIELDS)} record kinds, {len(VALID)} forms, "
                              f"{STATS['rounds']} rounds; "
                              f"in files not read as text: {STATS['bytes planted']} planted, {STATS['bytes flagged']} "
                              f"flagged (the first {LISTED_MAX} of a file one by one, the rest counted); "
                              f"underscored TOML integers: {STATS['integers planted']} planted, "
                              f"{STATS['integers flagged']} flagged; also planted without alarm: "
                              f"{STATS['invalid planted']} Luhn-invalid or impossible, "
                              f"{STATS['harmless planted']} dates, amounts, diarienummer, org and phone numbers, "
                              f"{STATS['look-alikes planted']} look-alikes of the new forms: stamps, org, phone, "
                              f"invoice and bankgiro numbers, hashes)")


# --- places the raw text does not show as written ----------------------------------------------


def _one(root: Path, rel: str, text: str):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        return sorted((f.code, f.line, f.column) for f in load_archive(root).findings if f.file == rel)
    finally:
        path.unlink()


def test_numbers_spelled_with_escapes_are_flagged(records_copy):
    rel = "personer/fuzz.toml"
    assert _one(records_copy, rel, 'name = "Anna"\ntitle = "811218\\u002d9876"\n') == [("FS701", 2, 9)]
    assert _one(records_copy, rel, 'name = "Anna"\ntitle = "\\u0038112189876"\n') == [("FS701", 2, 9)]
    assert _one(records_copy, rel, 'name = "Anna"\ntitle = """\n811218-\\\n    9876"""\n') == [("FS701", 2, 9)]
    assert _one(records_copy, rel, 'name = "Anna"\n"811218\\u002d9876" = 1\n') == [("FS102", 2, 1), ("FS701", 2, 1)]
    # written plainly next to an escape, it is reported once, where it stands
    assert _one(records_copy, rel, 'name = "Anna\\t811218-9876"\n') == [("FS701", 1, 15)]


def test_numbers_in_other_places_are_flagged(records_copy):
    rel = "personer/fuzz.toml"
    assert _one(records_copy, rel, 'name = "Anna" # 811218-9876\n') == [("FS701", 1, 17)]
    assert _one(records_copy, rel, 'name = "Anna"\n811218-9876 = 1\n') == [("FS102", 2, 1), ("FS701", 2, 1)]
    assert _one(records_copy, rel, 'name = "Anna"\nbad line 811218-9876\n') == [("FS101", 2, 5), ("FS701", 2, 10)]
    assert _one(records_copy, "anteckningar/x.toml", 'a = "811218-9876"\n') == [("FS108", None, None),
                                                                                  ("FS701", 1, 6)]


def test_a_number_in_a_file_name_is_flagged(records_copy):
    rel = "personer/811218-9876.toml"
    found = _one(records_copy, rel, 'name = "Anna"\n')
    assert found == [("FS701", None, None)]
    assert _one(records_copy, "personer/811218-9875.toml", 'name = "Anna"\n') == []


def test_the_report_never_prints_the_number_in_its_source_excerpt(records_copy, capsys):
    """The message masked the number, but the quoted source line printed it whole, into CI
    logs (#14, section 5). Every finding's excerpt masks it, the FS701 one and any other on
    the same line (here an unknown key), in text and JSON, with the column marker unmoved."""
    from finsam_tui.cli.main import main

    (records_copy / "personer" / "fuzz.toml").write_text(
        'name = "Anna"\nhemligt = "Kontakt 811218-9876 via e-post"\n', encoding="utf-8")
    assert main(["validate", str(records_copy)]) == 1
    out = capsys.readouterr().out
    assert "9876" not in out and "811218-9876" not in out
    assert ' 2 | hemligt = "Kontakt 811218-**** via e-post"' in out
    assert main(["validate", str(records_copy), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert "811218-9876" not in out and "811218-****" in out


# --- files that cannot be read as text (#14, section 5) ----------------------------------------
# Such a file is FS100; its numbers were never reported. Its raw bytes are scanned now: each
# number at its line and column (a line in Windows-1252 read one byte, one character).


def _bytes_findings(root: Path, rel: str, data: bytes, cached: bool = False):
    from finsam_tui.core.check import cache

    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        findings = cache.run(root).findings if cached else load_archive(root).findings
        return sorted(((f.code, f.line, f.column) for f in findings if f.file == rel),
                      key=lambda t: (t[0], t[1] or 0, t[2] or 0))
    finally:
        path.unlink()


def _col(line: str, number: str) -> int:
    return line.index(number) + 1


def test_numbers_in_a_windows_1252_file_are_flagged(records_copy, capsys):
    from finsam_tui.cli.main import main

    lines = ['name = "Nils Nyström"', 'title = "Handläggare (pnr 811218-9876)"', "# 19811218 9876 och 811218–9876"]
    data = "\n".join(lines).encode("cp1252") + b"\n"
    want = [("FS100", 1, 19), ("FS701", 2, _col(lines[1], "811218-9876")), ("FS701", 3, 3),
            ("FS701", 3, _col(lines[2], "811218–9876"))]
    rel = "personer/fuzz.toml"
    assert _bytes_findings(records_copy, rel, data) == want
    assert _bytes_findings(records_copy, rel, data, cached=True) == want  # the cache agrees
    assert _bytes_findings(records_copy, rel, data, cached=True) == want  # ... and remembers
    (records_copy / rel).write_bytes(data)
    assert main(["validate", str(records_copy)]) == 1
    out = capsys.readouterr().out
    assert "9876" not in out
    assert ' 2 | title = "Handläggare (pnr 811218-****)"' in out  # the line as the editor shows it, masked
    assert " 3 | # 19811218 **** och 811218–****" in out
    assert main(["validate", str(records_copy), "--format", "json", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "9876" not in out and out.count('"FS701"') == 3


@pytest.mark.parametrize("data,want", [
    # a NUL byte and a Latin-1 letter
    (b'name = "Ann\x00\xe5"\ntitle = "811218-9876"\n', [("FS100", 1, 13), ("FS701", 2, 10)]),
    # Windows' "Unicode": UTF-16 with a byte order mark
    ('name = "Åsa"\ntitle = "pnr 811218-9876"\n'.encode("utf-16"), [("FS100", 1, 1), ("FS701", 2, 14)]),
    # a UTF-8 file with one broken byte: its other lines are read as UTF-8 (the fullwidth number)
    ('name = "Åsa"\ntitle = "８１１２１８－９８７６"\n'.encode() + b'note = "\xff 811218 9876"\n',
     [("FS100", 3, 9), ("FS701", 2, 10), ("FS701", 3, 11)]),
    # Luhn-invalid, a stamp, a telephone number, an org number: nothing but FS100
    (b'name = "\xe5"\ntitle = "811218-9875 20180613-0900 Tel 0701234567 222000-2824"\n', [("FS100", 1, 9)]),
])
def test_numbers_in_other_undecodable_files_are_flagged(records_copy, data, want):
    assert _bytes_findings(records_copy, "personer/fuzz.toml", data) == want


def test_numbers_in_a_misplaced_undecodable_file_and_in_its_name_are_flagged(records_copy):
    data = b'# Anteckningar \xe5\xe4\xf6\nx = "811218-9876"\n'
    assert _bytes_findings(records_copy, "dokument/anteckningar.toml", data) == [("FS108", None, None),
                                                                                  ("FS701", 2, 6)]
    assert _bytes_findings(records_copy, "personer/811218-9876.toml", data) == [
        ("FS100", 1, 16), ("FS701", None, None), ("FS701", 2, 6)]


def _oversize(numbers_at: dict[int, str], size: int) -> tuple[bytes, list[tuple[str, int, int]]]:
    """A record of about ``size`` bytes of comment lines, with each number written so that it
    starts at the given byte offset (or just after, at the start of its line's text); returns
    the bytes and the (FS701, line, column) expected."""
    out = bytearray(b'name = "Stor Fil"\n')
    want = []
    line = 2
    for offset in sorted(numbers_at):
        while len(out) + 80 < offset:
            out += b"# " + b"a" * 76 + b"\n"
            line += 1
        gap = offset - len(out) - 3  # "# " + filler, then the number
        out += b"# " + b"b" * max(gap, 0) + b" " + numbers_at[offset].encode("utf-8") + b" slut\n"
        want.append(("FS701", line, 2 + max(gap, 0) + 2))
        line += 1
    while len(out) < size:
        out += b"# " + b"c" * 76 + b"\n"
    return bytes(out), want


def test_numbers_in_a_file_over_the_size_limit_are_flagged(records_copy):
    """The first 2 MiB and the rest, streamed a chunk at a time: numbers at the start, across
    the first chunk boundary (1 MiB), across the size limit (2 MiB), past it, and at the end."""
    from finsam_tui.core.check.personnummer_raw import CHUNK_BYTES
    from finsam_tui.core.io.load import MAX_BYTES

    numbers = {30: "811218-9876", CHUNK_BYTES - 5: "19811218 9876", MAX_BYTES - 4: "８１１２１８－９８７６",
               MAX_BYTES + 500_000: "811_218_9876", 3 * CHUNK_BYTES - 2: "811218\u20139876"}
    data, want = _oversize(numbers, 3 * CHUNK_BYTES + 1000)
    data += b"# 8112189876"  # the very end, without a line end
    want.append(("FS701", data.count(b"\n") + 1, 3))
    data += b"\n# 811218-9875 20180613-0900 0701234567x\n"  # look-alikes: no finding
    assert len(data) > MAX_BYTES
    assert _bytes_findings(records_copy, "personer/stor-fil.toml", data) == [("FS100", None, None)] + want


def test_a_file_of_many_numbers_lists_the_first_hundred(records_copy):
    lines = [f'"rad {i:03d}" = "811218-9876"' for i in range(150)]
    data = "\n".join(lines).encode() + b"\n# " + b"x" * (2 * 1024 * 1024) + b"\n"
    got = _bytes_findings(records_copy, "personer/register.toml", data)
    assert got == [("FS100", None, None)] + [("FS701", i, 14) for i in range(1, 101)] + [("FS702", None, None)]
    from finsam_tui.core.check.findings import Finding

    assert Finding("FS702", "x", params={"more": 50, "listed": 100}).message("en") == \
        "The file holds 50 more identity numbers besides the 100 shown"
    assert Finding("FS702", "x", params={"more": 1, "listed": 100}).message("sv") == \
        "Filen har 1 personnummer eller samordningsnummer till utöver de 100 som visas"


def test_a_large_file_is_streamed_in_bounded_memory(tmp_path):
    """FINSAM_PNR_STREAM_MIB (default 16) mebibytes scanned in their bytes: every number found,
    with no more than a few chunks in memory at any time."""
    import os
    import time
    import tracemalloc

    from finsam_tui.core.io.load import numbers_in_bytes

    mib = int(os.environ.get("FINSAM_PNR_STREAM_MIB", "16"))
    size = mib * 1024 * 1024
    planted = {i * size // 6 + 17: "811218-9876" for i in range(6)}
    data, want = _oversize(planted, size)
    path = tmp_path / "stor.toml"
    path.write_bytes(data.replace(b"a" * 76, "å".encode("cp1252") * 76))
    del data
    tracemalloc.start()
    start = time.monotonic()
    listed, total = numbers_in_bytes(path)
    took = time.monotonic() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [("FS701", lm.line, lm.column) for lm in listed] == want and total == len(want)
    assert peak < 16 * 1024 * 1024  # a few chunks of 1 MiB, whatever the size of the file
    report_figure("personal-stream", f"a file of {mib} MiB not read as text: {total} of {len(want)} numbers found "
                                     f"in its bytes, peak memory {peak / 2**20:.1f} MiB, {took:.1f} s")


def test_an_underscored_toml_integer_is_flagged(records_copy):
    assert _one(records_copy, "personer/fuzz.toml", 'name = "Anna"\nx = 811_218_9876\n') == [("FS102", 2, 1),
                                                                                            ("FS701", 2, 5)]
    assert _one(records_copy, "personer/fuzz.toml", 'name = "Anna"\nx = [1, 19811218_9876]\n') == [
        ("FS102", 2, 1), ("FS701", 2, 9)]

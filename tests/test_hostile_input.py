"""Hostile input: generated files drive the loader, the validator, the lookups, search and
export. Nothing raises; every finding names its file and, where there is one, its line.

FINSAM_HOSTILE_EXAMPLES (default 500) is the total number of generated inputs, shared
among the strategies below; run it with 10,000 on demand:

    FINSAM_HOSTILE_EXAMPLES=10000 python -m pytest -q tests/test_hostile_input.py

Strategies (each a hypothesis test): documents shaped like every record kind, built from
``finsam_tui/core/records/schema.py`` with right and wrong types, missing and extra keys and hostile
strings, dumped with tomlkit, under ordinary and odd file names; the bundled records
mutated byte-wise (BOM, CRLF, NUL bytes, invalid UTF-8, truncation, bidi and zero-width
characters); random bytes; random text; tables and arrays nested up to thousands deep
(bracketed, dotted keys, table headers); strings of megabytes. Plus a 10 MB file, and
fixed cases with exact findings. Every input goes through load_archive or the cache,
lookups (core/query), search and export (protocol, agenda, budget, decisions, ``export all``);
every tenth also through the command line. The count tried is printed and repeated in
the test summary.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import tempfile
import time
import tomllib
from pathlib import Path

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsam_tui.cli.main import main
from finsam_tui.core.check import cache
from finsam_tui.core.check.codes import RULES
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.export import (
    ExportError,
    agenda,
    budget,
    bundle,
    decisions,
    extract,
    protocol,
    write_bundle,
)
from finsam_tui.core.io.load import MAX_BYTES, MAX_DEPTH
from finsam_tui.core.query import backlinks, lookup, person, registers, views
from finsam_tui.core.query.search import SearchError, search
from finsam_tui.core.records.layout import FOLDERS
from finsam_tui.core.records.schema import KINDS, Field

from .conftest import RECORDS, report_figure

# In a parallel run (pytest-xdist, --dist loadgroup) every test here runs in one worker, in
# order: they share the base folder, and the last one sums up what the others tried.
pytestmark = pytest.mark.xdist_group("hostile")

TOTAL = int(os.environ.get("FINSAM_HOSTILE_EXAMPLES", "500"))
SHARES = {"shaped": 0.40, "mutated": 0.22, "bytes": 0.12, "text": 0.12, "deep": 0.135, "long": 0.005}
EXAMPLES = {k: max(4, round(TOTAL * v)) for k, v in SHARES.items()}
EXAMPLES["shaped"] += TOTAL - sum(EXAMPLES.values()) if TOTAL > sum(EXAMPLES.values()) else 0
TRIED: dict[str, int] = {}
FINDINGS: dict[str, int] = {}
STARTED: list[float] = []  # when the first input was driven


def _settings(kind: str):
    return settings(max_examples=EXAMPLES[kind], deadline=None, database=None, derandomize=False,
                    suppress_health_check=list(HealthCheck))


# Findings about a whole file (or its name) have no line; every other finding has one.
LINELESS = {"FS100", "FS107", "FS108", "FS109"}

# The base archive the hostile files are dropped into: the settings, the members, a meeting
# with the persons it names, a budget and an insats of the bundled example (small, so that
# each input is fast).
PERSONS = ["annika-berglof", "cecilia-hallberg", "gunilla-tornqvist", "helena-stromgren", "ingrid-moberg",
           "johanna-lilja", "jonas-frisk", "kjell-ivarsson", "linnea-stahl", "margareta-ekholm", "oskar-hedin",
           "patrik-nyqvist", "reza-karimi", "sara-wikner", "tomas-viden"]
BASE = ["forbund.toml", "organisationer", *[f"personer/{p}.toml" for p in PERSONS],
        "moten/styrelse/2023/2023-04-14.toml", "budgetar/2023.toml", "insatser/samordningsteamet.toml"]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "records"
    for rel in BASE:
        src, dst = RECORDS / rel, root / rel
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dst)
    return root


BASE_FILES = sorted(p.relative_to(RECORDS).as_posix() for rel in BASE
                    for p in ([RECORDS / rel] if (RECORDS / rel).is_file() else (RECORDS / rel).rglob("*.toml")))

# ---------------------------------------------------------------------------------------------
# driving everything with one input
# ---------------------------------------------------------------------------------------------


class Dropped:
    """Write a hostile file into the base archive; put everything back afterwards."""

    def __init__(self, root: Path, rel: str, data: bytes):
        self.root, self.rel, self.path = root, rel, root / rel
        self.before = self.path.read_bytes() if self.path.is_file() else None
        self.made: list[Path] = []
        parent = self.path.parent
        while not parent.exists():
            self.made.append(parent)
            parent = parent.parent
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(data)

    def restore(self) -> None:
        if self.before is not None:
            self.path.write_bytes(self.before)
        else:
            self.path.unlink()
        for d in self.made:  # innermost first
            d.rmdir()


def check_findings(root: Path, findings, rel: str) -> int:
    """Every finding: a known code, a file that exists, a line where it has one; messages render."""
    counted: dict[str, int] = {}

    def _lines(root: Path, rel: str) -> int:
        if rel not in counted:
            try:
                counted[rel] = (root / rel).read_bytes().count(b"\n") + 1
            except OSError:
                counted[rel] = 0
        return counted[rel]

    for f in findings:
        assert f.code in RULES, f
        assert isinstance(f.file, str) and f.file, f
        assert (root / f.file).exists() or f.code == "FS109", f"{f.code} names a file that is not there: {f.file!r}"
        for lang in ("sv", "en"):
            assert f.message(lang) and f.hint(lang)
        name_only = f.code == "FS701" and f.line is None  # an identity number in the file's name
        if f.code in LINELESS or name_only:
            if f.code == "FS100" and f.line is not None:
                assert 1 <= f.line <= _lines(root, f.file)
            continue
        assert f.line is not None, f"{f.file}: {f.code} without a line"
        assert 1 <= f.line <= _lines(root, f.file), (f.file, f.code, f.line)
        assert f.column is None or f.column >= 1
        f.to_json("en")
    mine = [f for f in findings if f.file == rel]
    for f in mine:
        if f.code == "FS101":
            assert f.line is not None
    return len(mine)


def _refs_for(rel: str) -> list[str]:
    parts = rel[: -len(".toml")].split("/") if rel.endswith(".toml") else rel.split("/")
    refs = []
    if parts[0] == "personer" and len(parts) == 2:
        refs += [f"person/{parts[1]}", parts[1]]
    elif parts[0] == "organisationer" and len(parts) == 2:
        refs += [f"org/{parts[1]}"]
    elif parts[0] == "insatser" and len(parts) == 2:
        refs += [f"insats/{parts[1]}"]
    elif parts[0] == "budgetar" and len(parts) == 2:
        refs += [f"budget/{parts[1]}", f"budget/{parts[1]}/samordningsteamet"]
    elif parts[0] == "moten" and len(parts) == 4:
        refs += [parts[1], f"{parts[1]}/{parts[3]}", f"{parts[1]}/{parts[3]}/§1", f"{parts[1]}/{parts[2]}/§1"]
    return refs


BASE_REFS = ["styrelse", "styrelse/2023-04-14", "styrelse/2023/§17", "budget/2023", "person/annika-berglof",
             "insats/samordningsteamet", "org/bjorkvik", "budget/2023/samordningsteamet"]
QUERIES = ["att", "budget utvärdering", "styrelse", "å", "\"", "*", "NEAR(a b)", "a OR b", "'; DROP TABLE fts; --",
           "\x1b[31m", "811218-9876", "x" * 300]
CLI = [["validate", "{root}"], ["validate", "{root}", "--format", "json"], ["show", "{ref}", "--records", "{root}"],
       ["show", "{ref}", "--records", "{root}", "--format", "json"], ["refs", "{ref}", "--records", "{root}"],
       ["person", "annika-berglof", "--records", "{root}"], ["decisions", "--records", "{root}", "--format", "json"],
       ["uppdrag", "--records", "{root}"], ["search", "{query}", "--records", "{root}"],
       ["export", "all", "--out", "{out}", "--draft", "--records", "{root}"],
       ["export", "protocol", "{ref}", "--draft", "--records", "{root}"],
       ["export", "budget", "2023", "--records", "{root}"], ["export", "decisions", "--records", "{root}"]]


RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def drive(root: Path, rel: str, data: bytes, kind: str) -> None:
    """Drop data at rel, run everything on it, check the findings, restore the archive."""
    n = sum(TRIED.values())
    if not STARTED:
        STARTED.append(time.monotonic())
    TRIED[kind] = TRIED.get(kind, 0) + 1
    dropped = Dropped(root, rel, data)
    try:
        # validation: without the cache, or through it (the cache then also gives the archive)
        if n % 2:
            archive = load_archive(root)
        else:
            archive = cache.run(root, need_archive=True).archive
        FINDINGS[kind] = FINDINGS.get(kind, 0) + check_findings(root, archive.findings, rel)

        # lookups
        refs = _refs_for(rel) + [BASE_REFS[n % len(BASE_REFS)]]
        for ref in refs:
            try:
                q = lookup.lookup(archive, ref)
            except lookup.RefError:
                continue
            views.show(archive, q)
            backlinks.backlinks(archive, q)
        for pid in [r.split("/", 1)[1] for r in refs if r.startswith("person/")]:
            try:
                person.person_report(archive, pid)
            except lookup.RefError:
                pass
        registers.decisions(archive, query="att")
        registers.uppdrag(archive, open_only=bool(n % 2))

        # search (through the cache and its full-text index)
        if n % 4 == 0:
            try:
                search(root, QUERIES[n % len(QUERIES)])
            except SearchError:
                pass

        # export
        for mid in list(archive.meetings):
            if mid != "styrelse/2023-04-14" or n % 4 == 2:
                for fn in (protocol, agenda):
                    for draft in (True, False):
                        try:
                            fn(archive, mid, "sv" if n % 2 else "en", draft)
                        except ExportError:
                            pass
                try:
                    extract(archive, mid, ["§1", "§17"], "sv", True)
                except ExportError:
                    pass
        for year in list(archive.budgets):
            try:
                budget(archive, year, "sv", bool(n % 2))
            except ExportError:
                pass
        decisions(archive, lang="sv", draft=True)
        if n % 4 == 1:
            with tempfile.TemporaryDirectory() as out:
                written = write_bundle(bundle(archive, "sv", True), out)
                real = os.path.realpath(out)
                assert all(os.path.realpath(p).startswith(real + os.sep) for p in written)

        # the command line, now and then
        if n % 10 == 5:
            argv_t = CLI[(n // 10) % len(CLI)]
            with tempfile.TemporaryDirectory() as out:
                argv = [a.format(root=root, ref=refs[-1], query=QUERIES[n % len(QUERIES)], out=out) for a in argv_t]
                stdout, stderr = io.StringIO(), io.StringIO()
                with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
                    code = main(argv)
                assert code in (0, 1, 2), (argv, code, stderr.getvalue()[-2000:])
                if "json" in argv and (code == 0 or stdout.getvalue().strip()):
                    json.loads(stdout.getvalue())  # an error (exit 1/2) is a message on stderr instead
                # control characters are shown escaped, in every command's output (tab aside)
                for text in (stdout.getvalue(), stderr.getvalue()):
                    assert not RAW_CONTROL.search(text), (argv, RAW_CONTROL.search(text))
    finally:
        dropped.restore()


# ---------------------------------------------------------------------------------------------
# strategies
# ---------------------------------------------------------------------------------------------

HOSTILE = st.sampled_from([
    "../../etc/passwd", "/etc/passwd", "C:\\Windows\\system32", "..", ".", "anna\x1b[31m", "a\nb", "a\rb",
    "\x00", "\u202eevil", "\u200b", "\ufeff", "<script>alert(1)</script>", "[x](javascript:alert(1))",
    "| a | b |", "# rubrik", "styrelse/../../x", "person/../../etc", "budget/2023/../../x",
    "styrelse/2023/§999999999999999999999", "styrelse/2023-02-30/§1", "§", "", " ", "\t", "{person}", "{0}",
    "%s%n", "'; DROP TABLE fts; --", "NEAR(a b)", "811218-9876", "19811218+9876", "person/", "org/",
    "budget/", "insats/", "budget/0000/x", "styrelse/9999-99-99", "x" * 500,
])
IDS = st.sampled_from(["annika-berglof", "margareta-ekholm", "bjorkvik", "styrelse", "medlemssamrad",
                       "samordningsteamet", "styrelse/2023-04-14", "styrelse/2023/§17", "styrelse/2023-04-14/§17",
                       "budget/2023/samordningsteamet", "budget/2023", "insats/samordningsteamet",
                       "person/annika-berglof", "org/bjorkvik", "budget", "rev1"])
TEXT = st.one_of(st.text(max_size=40), HOSTILE, IDS)
SCALAR = st.one_of(
    TEXT, st.integers(min_value=-2**70, max_value=2**70), st.booleans(), st.floats(),
    st.dates(min_value=dt.date(1, 1, 1)), st.datetimes(timezones=st.sampled_from([None, dt.timezone.utc])),
    st.times(),
)
ANY = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=2),
                                                   st.dictionaries(TEXT, inner, max_size=2)), max_leaves=5)


def _right(f: Field, depth: int):
    t = f.type
    if t in ("str", "text"):
        return TEXT
    if t == "enum":
        return st.one_of(st.sampled_from(f.choices), TEXT)
    if t == "ref":
        return st.one_of(IDS, TEXT)
    if t in ("int", "amount"):
        return st.one_of(st.integers(-5, 100), st.integers(min_value=-2**63, max_value=2**63 - 1))
    if t == "number":
        return st.one_of(st.floats(), st.integers(-2, 2))
    if t == "bool":
        return st.booleans()
    if t == "date":
        return st.dates(min_value=dt.date(1, 1, 1))
    if t in ("time", "month_day"):
        return st.one_of(st.from_regex(r"\d\d[:-]\d\d", fullmatch=True), TEXT)
    if t == "list":
        return st.lists(_value(f.item, depth + 1), max_size=3)
    if t == "table":
        return _table(f.fields, depth + 1)
    if t == "tables":
        return st.lists(_table(f.fields, depth + 1), max_size=2 if depth < 1 else 1)
    if t in ("amounts", "counts"):
        return st.dictionaries(st.one_of(IDS, TEXT), st.one_of(st.integers(-10**12, 10**12), SCALAR), max_size=3)
    if t == "person_or_guest":
        return st.one_of(IDS, st.fixed_dictionaries({"name": TEXT}, optional={"role": TEXT, "x": ANY}))
    return ANY


def _value(f: Field, depth: int):
    return st.one_of(_right(f, depth), _right(f, depth), _right(f, depth), ANY)


def _table(fields: tuple[Field, ...], depth: int = 0):
    required = {f.name: _value(f, depth) for f in fields if f.required}
    optional = {f.name: _value(f, depth) for f in fields if not f.required}

    @st.composite
    def table(draw):
        out = draw(st.fixed_dictionaries(required, optional=optional))
        for key in draw(st.lists(st.sampled_from(sorted(out) or ["x"]), max_size=2)):
            out.pop(key, None)  # a required key goes missing now and then
        out.update(draw(st.dictionaries(st.one_of(TEXT, st.sampled_from(["x", "_", "1", "a b", "a.b"])), ANY,
                                        max_size=2)))
        return out

    return table()


NAME = st.one_of(st.just("fuzz"), st.just("fuzz"), st.just("annika-berglof"),
                 st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
                         min_size=1, max_size=12))


@st.composite
def target(draw, kind: str | None = None) -> str:
    """Where a record of the kind goes, under an ordinary name or an odd one."""
    kind = kind or draw(st.sampled_from(sorted(KINDS)))
    if kind == "forbund":
        return "forbund.toml"
    if kind == "meeting":
        organ = draw(st.one_of(st.just("styrelse"), st.just("medlemssamrad"), NAME))
        year = draw(st.one_of(st.just("2023"), st.just("2024"), NAME))
        stem = draw(st.one_of(st.just("2023-12-01"), st.just("2023-04-14"), st.just("2024-01-01-extra"), NAME))
        return f"moten/{organ}/{year}/{stem}.toml"
    if kind == "budget":
        return f"budgetar/{draw(st.one_of(st.just('2024'), st.just('2023'), NAME))}.toml"
    return f"{FOLDERS[kind]}/{draw(NAME)}.toml"


def _dump(doc: dict) -> bytes:
    try:
        return tomlkit.dumps(doc).encode("utf-8")
    except Exception:  # tomlkit cannot write it: the same data as (hostile) JSON-ish text
        return json.dumps(doc, default=str, ensure_ascii=False).encode("utf-8")


DOCS = {kind: _table(fields) for kind, fields in KINDS.items()}


@st.composite
def shaped(draw):
    kind = draw(st.sampled_from(sorted(KINDS)))
    return draw(target(kind)), _dump(draw(DOCS[kind]))


BAD_BYTES = [b"\xff", b"\xfe", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\x00",
             b"\r", b"\x1b[2J", "\u202e".encode(), "\u200b".encode(), b"\xef\xbb\xbf", b"\\", b'"""', b"'''",
             b"[", b"]]", b"{", b"=", b"\n[[items]]\n", b"\n[items]\n", b"#"]


@st.composite
def mutated(draw):
    rel = draw(st.sampled_from(BASE_FILES))
    data = bytearray((RECORDS / rel).read_bytes())
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["bom", "crlf", "insert", "truncate", "flip", "dup", "delete"]))
        pos = draw(st.integers(0, len(data)))
        if op == "bom":
            data[:0] = b"\xef\xbb\xbf"
        elif op == "crlf":
            data = bytearray(bytes(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        elif op == "insert":
            data[pos:pos] = draw(st.sampled_from(BAD_BYTES))
        elif op == "truncate":
            del data[pos:]
        elif op == "flip" and data:
            i = min(pos, len(data) - 1)
            data[i] = draw(st.integers(0, 255))
        elif op == "dup":
            end = draw(st.integers(pos, min(len(data), pos + 400)))
            data[pos:pos] = data[pos:end]
        elif op == "delete":
            del data[pos:draw(st.integers(pos, min(len(data), pos + 50)))]
    return rel, bytes(data)


@st.composite
def deep(draw):
    n = draw(st.one_of(st.integers(1, 3000), st.sampled_from([MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH,
                                                             MAX_DEPTH + 1, 100, 300, 500, 1000, 5000])))
    shape = draw(st.sampled_from(["array", "inline", "mixed", "dotted", "header", "aot", "unclosed", "strings"]))
    key = draw(st.sampled_from(["x", "items", "attendance", "notes", "categories", "memberships", "adjusters"]))
    if shape == "array":
        body = f"{key} = " + "[" * n + "]" * n
    elif shape == "inline":
        body = f"{key} = " + "{a = " * n + "1" + " }" * n
    elif shape == "mixed":
        body = f"{key} = " + "[{a = " * n + "1" + "}]" * n
    elif shape == "dotted":
        body = ".".join([key] * n) + " = 1"
    elif shape == "header":
        body = "[" + ".".join([key] * n) + "]\nb = 1"
    elif shape == "aot":
        body = "[[" + ".".join([key] * n) + "]]\nnumber = 1"
    elif shape == "unclosed":
        body = f"{key} = " + "[" * n
    else:  # brackets inside strings and comments: not nesting at all
        body = f'{key} = "' + "[" * n + '"\n# ' + "{" * n + f"\nnote = '''{'[' * n}'''"
    prefix = draw(st.sampled_from(["", 'name = "X"\n', 'organ = "styrelse"\ndate = 2023-12-01\nstate = "justerad"\n'
                                   '[justering]\nfingerprint = "sha256:0"\n']))
    if prefix.endswith('"sha256:0"\n') and shape not in ("header", "aot"):
        prefix = prefix.replace('[justering]\nfingerprint = "sha256:0"\n', 'justering = { fingerprint = "x" }\n')
    return draw(target()), (prefix + body + "\n").encode()


@st.composite
def long_strings(draw):
    size = draw(st.sampled_from([1_000_000, 1_900_000, MAX_BYTES - 200, MAX_BYTES + 1, 3_000_000]))
    chunk = draw(st.text(st.characters(blacklist_characters='"\\\x7f', min_codepoint=32), min_size=1, max_size=8))
    filler = (chunk * (size // max(1, len(chunk.encode())) + 1))[: size // 2]
    shape = draw(st.sampled_from(["title", "key", "comment", "array", "multiline"]))
    head = 'organ = "styrelse"\ndate = 2023-12-01\nstate = "genomförd"\n'
    if shape == "title":
        text = head + f'[[items]]\nnumber = 1\ntitle = "{filler}"\n'
    elif shape == "key":
        text = head + f'"{filler}" = 1\n'
    elif shape == "comment":
        text = head + f"# {filler}\n"
    elif shape == "array":
        text = head + "adjusters = [" + ", ".join(['"anna"'] * (size // 20)) + "]\n"
    else:
        text = head + f'notes = """\n{filler}\n"""\n'
    data = text.encode("utf-8")
    if len(data) < size:
        data += b"#" + b"x" * (size - len(data) - 2) + b"\n"
    return "moten/styrelse/2023/2023-12-01.toml", data


# ---------------------------------------------------------------------------------------------
# the hypothesis tests
# ---------------------------------------------------------------------------------------------


@_settings("shaped")
@given(case=shaped())
def test_documents_shaped_like_every_record_kind(base, case):
    drive(base, *case, "shaped")


@_settings("mutated")
@given(case=mutated())
def test_bundled_records_mutated_bytewise(base, case):
    drive(base, *case, "mutated")


@_settings("bytes")
@given(rel=target(), data=st.binary(max_size=3000))
def test_random_bytes(base, rel, data):
    drive(base, rel, data, "bytes")


@_settings("text")
@given(rel=target(), text=st.text(max_size=3000))
def test_random_text(base, rel, text):
    drive(base, rel, text.encode("utf-8", "surrogatepass"), "text")


@_settings("deep")
@given(case=deep())
def test_deep_nesting(base, case):
    drive(base, *case, "deep")


@_settings("long")
@given(case=long_strings())
def test_strings_of_megabytes(base, case):
    drive(base, *case, "long")


# ---------------------------------------------------------------------------------------------
# fixed cases with exact findings
# ---------------------------------------------------------------------------------------------


def _findings(root: Path, rel: str, data: bytes) -> list:
    dropped = Dropped(root, rel, data)
    try:
        archive = load_archive(root)
        cached = cache.run(root).findings
        assert [(f.file, f.code, f.line) for f in cached] == [(f.file, f.code, f.line) for f in archive.findings]
        check_findings(root, archive.findings, rel)
        return [f for f in archive.findings if f.file == rel]
    finally:
        dropped.restore()


def test_a_10_mb_file_is_refused_with_a_clear_finding(base):
    rel = "moten/styrelse/2023/2023-12-01.toml"
    data = b'organ = "styrelse"\ndate = 2023-12-01\nstate = "planerad"\n# ' + b"x" * (10 * 1024 * 1024) + b"\n"
    start = time.monotonic()
    dropped = Dropped(base, rel, data)
    try:
        archive = load_archive(base)
        mine = [f for f in archive.findings if f.file == rel]
        assert [(f.code, f.line) for f in mine] == [("FS100", None)]
        assert str(len(data)) in mine[0].message("en") and "2 MiB" in mine[0].message("en")
        assert "10485" in mine[0].message("sv")
        check_findings(base, archive.findings, rel)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["validate", str(base)]) == 1
        text = out.getvalue()
        assert f"{rel}: fel FS100: Filen kan inte läsas: {len(data)} byte, mer än gränsen 2 MiB" in text
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main(["validate", str(base), "--format", "json", "--lang", "en"])
        found = [f for f in json.loads(out.getvalue())["findings"] if f["file"] == rel]
        assert [(f["code"], f["line"]) for f in found] == [("FS100", None)]
        assert "more than the limit 2 MiB" in found[0]["message"]
        drive(base, "personer/fuzz.toml", b'name = "X"\n', "fixed")  # everything else works with it there
    finally:
        dropped.restore()
    TRIED["10 MB file"] = 1
    assert time.monotonic() - start < 30


@pytest.mark.parametrize("data, code, line, column", [
    (b'name = "Anna"\x00\n', "FS101", 1, 14),
    (b'name = "Anna"\ntitle = "\xff"\n', "FS100", 2, 10),
    (b'name = "Anna"\n\ntitle = "a\xc3"\n', "FS100", 3, 11),
    (b'name = "Anna"\r\ntitle = "x"\r\nbad\r\n', "FS101", 3, 4),
    (b'\xef\xbb\xbfname = "Anna"\nfoo = 1\n', "FS102", 2, 1),
    (b'name = "Anna"\nx = ' + b"[" * 500 + b"]" * 500 + b"\n", "FS101", 2, 5 + MAX_DEPTH),
    (b'name = "Anna"\n\nx = ' + b"{a=" * 2000 + b"1" + b"}" * 2000 + b"\n", "FS101", 3, 5 + 3 * MAX_DEPTH),
    (b'name = "Anna"\n' + b".".join([b"a"] * 300) + b" = 1\n", "FS101", 2, 1),
    (b'name = "Anna"\n[' + b".".join([b"a"] * 300) + b"]\nb = 1\n", "FS101", 2, 1),
    (b'name = "Anna"\nx = ' + b"[" * 5000 + b"\n", "FS101", 2, 5 + MAX_DEPTH),
])
def test_exact_findings_for_bad_bytes_and_deep_nesting(base, data, code, line, column):
    mine = _findings(base, "personer/fuzz.toml", data)
    assert [(f.code, f.line, f.column) for f in mine] == [(code, line, column)], [
        (f.code, f.line, f.column, f.message("en")) for f in mine]


def test_nesting_up_to_the_limit_is_read(base):
    data = b'name = "Anna"\nx = ' + b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1) + b"\n"
    assert [(f.code, f.line) for f in _findings(base, "personer/fuzz.toml", data)] == [("FS102", 2)]
    data = b'name = "Anna"\nx = "' + b"[" * 5000 + b'"\n# ' + b"{" * 5000 + b"\n"
    assert [(f.code, f.line) for f in _findings(base, "personer/fuzz.toml", data)] == [("FS102", 2)]


def test_a_deep_file_in_a_locked_meeting_is_a_finding_not_a_crash(base):
    data = (b'organ = "styrelse"\ndate = 2023-12-01\nstate = "justerad"\njustering = { fingerprint = "x" }\n'
            + b".".join([b"a"] * 3000) + b" = 1\n")
    mine = _findings(base, "moten/styrelse/2023/2023-12-01.toml", data)
    assert [(f.code, f.line) for f in mine] == [("FS101", 5)]
    assert "nested more than 64 levels" in mine[0].message("en")


def test_a_named_pipe_is_not_waited_for(base):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes")
    path = base / "personer" / "pipe.toml"
    os.mkfifo(path)
    try:
        archive = load_archive(base)
        mine = [f for f in archive.findings if f.file == "personer/pipe.toml"]
        assert [f.code for f in mine] == ["FS100"] and "not a regular file" in mine[0].message("en")
        assert [f.code for f in cache.run(base).findings if f.file == "personer/pipe.toml"] == ["FS100"]
    finally:
        path.unlink()


def test_many_findings_on_one_long_line_stay_small(base):
    """A minified file: thousands of unknown persons on one line. Each finding keeps at most a
    few hundred characters of the line, not a copy of all of it (that once made gigabytes)."""
    voting = ", ".join(f'"p{i}"' for i in range(3000))
    data = (f'organ = "styrelse"\ndate = 2023-12-01\nstate = "genomförd"\n[attendance]\nvoting = [{voting}]\n'
            ).encode()
    start = time.monotonic()
    mine = _findings(base, "moten/styrelse/2023/2023-12-01.toml", data)
    assert sum(f.code == "FS201" for f in mine) == 3000
    assert all(f.source_line is None or len(f.source_line) <= 301 for f in mine)
    assert time.monotonic() - start < 60


def test_hostile_total_and_figure():
    """Runs last: the total tried, printed and repeated in the summary."""
    if not set(SHARES) <= set(TRIED):
        pytest.skip("not every hostile strategy ran (a selection of tests)")
    tried = sum(TRIED.values())
    assert tried >= TOTAL
    findings = sum(FINDINGS.values())
    parts = ", ".join(f"{k} {v}" for k, v in TRIED.items())
    report_figure("hostile", f"hostile inputs tried: {tried}, findings: {findings} ({parts}; "
                             f"{time.monotonic() - STARTED[0]:.0f} s; FINSAM_HOSTILE_EXAMPLES={TOTAL})")

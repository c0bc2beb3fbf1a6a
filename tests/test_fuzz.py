"""Hostile input: arbitrary text, bytes and type-scrambled records give findings, never an exception.

The example counts are small in CI; raise them with FINSAM_FUZZ_EXAMPLES=5000.
The number tried is printed in the test summary.
"""

import datetime as dt
import os
import shutil
import tomllib

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsam_tui.cli.main import main
from finsam_tui.core.check.codes import RULES
from finsam_tui.core.check.pipeline import load_archive

from .conftest import RECORDS

EXAMPLES = int(os.environ.get("FINSAM_FUZZ_EXAMPLES", "150"))
TRIED: dict[str, int] = {}
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

TARGETS = [
    "forbund.toml",
    "personer/fuzz.toml",
    "organisationer/fuzz.toml",
    "moten/styrelse/2023/2023-12-01.toml",
    "budgetar/2024.toml",
    "insatser/fuzz.toml",
]


def _check(root, rel):
    archive = load_archive(root)
    for f in archive.findings:
        assert f.file and f.code in RULES
        assert f.line is None or f.line >= 1
        f.message("sv"), f.hint("en")  # every message renders
    mine = [f for f in archive.findings if f.file == rel]
    if any(f.code in ("FS100", "FS101") for f in mine):
        assert all(f.line for f in mine if f.code in ("FS100", "FS101"))
    return archive


@FUZZ
@given(target=st.sampled_from(TARGETS), text=st.text(max_size=400))
def test_arbitrary_text_in_a_record_file(tmp_path_factory, target, text):
    TRIED["text"] = TRIED.get("text", 0) + 1
    root = tmp_path_factory.mktemp("r")
    shutil.copy(RECORDS / "forbund.toml", root / "forbund.toml")
    path = root / target
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.write_text(text, encoding="utf-8")
    except UnicodeEncodeError:
        path.write_bytes(text.encode("utf-8", "replace"))
    _check(root, target)


@FUZZ
@given(target=st.sampled_from(TARGETS), data=st.binary(max_size=400))
def test_arbitrary_bytes_in_a_record_file(tmp_path_factory, target, data):
    TRIED["bytes"] = TRIED.get("bytes", 0) + 1
    root = tmp_path_factory.mktemp("r")
    shutil.copy(RECORDS / "forbund.toml", root / "forbund.toml")
    path = root / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    archive = _check(root, target)
    assert any(f.file == target for f in archive.findings) or _valid_record(data)


def _valid_record(data: bytes) -> bool:
    try:
        tomllib.loads(data.decode("utf-8"))
        return True
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


# -- type-scrambled records: valid TOML, wrong shapes, against every record kind ---------------

SCALARS = st.one_of(
    st.text(max_size=12), st.integers(min_value=-10**12, max_value=10**12), st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False), st.dates(min_value=dt.date(1990, 1, 1)),
    st.sampled_from(["styrelse", "ledamot", "ersättare", "beslut", "anslagen", "budget", "att", "",
                     "styrelse/2023/§3", "budget/2023/samordningsteamet", "09:00", "25:99"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(
        ["person", "replaces", "id", "name", "kind", "amounts", "number", "letter", "role", "organ", "start",
         "end", "year", "women", "men", "ended", "budget", "rev1", "x"]), inner, max_size=3)), max_leaves=6)

BUNDLED = sorted(p.relative_to(RECORDS).as_posix() for p in RECORDS.rglob("*.toml"))


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """One copy of the bundled records for every scrambled example: each changes one file and
    puts it back (so the command line's cache is warm, and reads again the file changed)."""
    root = tmp_path_factory.mktemp("r") / "records"
    shutil.copytree(RECORDS, root, ignore=shutil.ignore_patterns(".finsam-cache"))
    return root


@FUZZ
@given(rel=st.sampled_from(BUNDLED), data=st.data())
def test_scrambled_values_in_bundled_records(bundled, rel, data):
    TRIED["scrambled"] = TRIED.get("scrambled", 0) + 1
    root = bundled
    original = (root / rel).read_bytes()
    doc = tomllib.loads(original.decode("utf-8"))
    paths = [p for p in _paths(doc) if p]
    for _ in range(data.draw(st.integers(1, 4))):
        path = data.draw(st.sampled_from(paths))
        parent = doc
        try:
            for part in path[:-1]:
                parent = parent[part]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier draw replaced a parent
        # (an earlier draw may have put a scalar where a table or array was)
        if isinstance(parent, dict) and isinstance(path[-1], str) or (
                isinstance(parent, list) and isinstance(path[-1], int) and path[-1] < len(parent)):
            parent[path[-1]] = data.draw(VALUES)
    try:
        (root / rel).write_text(tomlkit.dumps(doc), encoding="utf-8")
        _check(root, rel)
        assert main(["validate", str(root), "--format", "json"]) in (0, 1)
    finally:
        (root / rel).write_bytes(original)


def test_a_guest_of_the_wrong_type_is_a_finding_that_renders(tmp_path):
    """Found by the scrambled records above: attendance.others = [[]] gave a finding whose
    message raised (the braces of "{ name = …, role = … }" in its text were read as a field)."""
    root = shutil.copytree(RECORDS, tmp_path / "records", ignore=shutil.ignore_patterns(".finsam-cache"))
    rel = "moten/styrelse/2022/2022-02-18.toml"
    doc = tomllib.loads((root / rel).read_text(encoding="utf-8"))
    doc["attendance"]["others"] = [[]]
    (root / rel).write_text(tomlkit.dumps(doc), encoding="utf-8")
    [finding] = [f for f in _check(root, rel).findings if f.file == rel and f.code == "FS103"]
    for lang in ("sv", "en"):
        assert '{ name = "…", role = "…" }' in finding.message(lang)


"""The editors' JSON Schemas: generated from schema.py, current, and in agreement with finsam validate."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.check.schema_check import TIME_RE, valid_month_day
from finsam_tui.core.records import json_schema as editor_schema
from finsam_tui.core.records.json_schema import GLOBS, SCHEMA_DIR, json_schema, schema_text, taplo_config
from finsam_tui.core.records.layout import classify
from finsam_tui.core.records.schema import KINDS

from .conftest import RECORDS
from .test_rules import BASE, fixture_dirs, parse_expected

SCHEMA_CODES = {"FS102", "FS103", "FS104", "FS105"}
# Schema-level fixtures whose finding a JSON Schema cannot express, and why.
NOT_EXPRESSIBLE = {
    "FS103-date-as-string": "editors see a TOML date as a string (taplo serialises 2012-01-01 as \"2012-01-01\"), "
                            "so a quoted date looks exactly like a real one",
    "FS103-amount-not-integer": "JSON Schema (draft 6 on, and taplo) counts 500000.0 as an integer: JSON has "
                                "one number type",
    "FS104-paragraph-without-number": "whether a § needs its number depends on its organ's numbering in "
                                      "forbund.toml (points of an organ numbered ingen have none), which the "
                                      "meeting's JSON Schema cannot see",
}


def plain(value):
    """TOML data as an editor hands it to the JSON Schema: dates and times as ISO strings."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def validator(kind: str):
    schema = json_schema(kind)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def errors(path: Path, rel: Path) -> list[str]:
    kind, _id, problem = classify(rel.parts)
    assert problem is None, f"{rel} is not a record file"
    data = plain(tomllib.loads(path.read_text(encoding="utf-8")))
    return [e.message for e in validator(kind).iter_errors(data)]


def test_the_schemas_are_valid_draft_2020_12_and_declare_it():
    for kind in KINDS:
        schema = json_schema(kind)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.Draft7Validator.check_schema({k: v for k, v in schema.items() if k != "$schema"})


def test_every_field_is_in_the_schema_with_its_description():
    def walk(fields, props):
        for f in fields:
            assert f.name in props, f.name
            p = props[f.name]
            if f.help_sv:
                assert f.help_sv in p["description"] and f.help_en in p["description"]
            if f.type == "table":
                walk(f.fields, p["properties"])
            elif f.type == "tables":
                walk(f.fields, p["items"]["properties"])
    for kind, fields in KINDS.items():
        schema = json_schema(kind)
        walk(fields, schema["properties"])
        assert schema["additionalProperties"] is False
        assert schema["required"] == [f.name for f in fields if f.required]


def test_the_shipped_copies_are_current():
    for kind in KINDS:
        text = schema_text(kind)
        assert (editor_schema.PACKAGED / f"{kind}.json").read_text(encoding="utf-8") == text, (
            "run: python -m finsam_tui.core.records.json_schema")
        assert (RECORDS / SCHEMA_DIR / f"{kind}.json").read_text(encoding="utf-8") == text, (
            "run: python -m finsam_tui.core.records.json_schema")
    assert (RECORDS / ".taplo.toml").read_text(encoding="utf-8") == taplo_config()
    assert sorted(p.name for p in editor_schema.PACKAGED.glob("*.json")) == sorted(f"{k}.json" for k in KINDS)


def test_bundled_records_and_the_rule_base_pass_their_schemas():
    for root in (RECORDS, BASE):
        for path in sorted(root.rglob("*.toml")):
            rel = path.relative_to(root)
            if rel.parts[0].startswith("."):
                continue
            assert errors(path, rel) == [], rel


def schema_fixtures() -> list[Path]:
    out = []
    for fx in fixture_dirs():
        codes = {code for code, _file, _line in parse_expected(fx / "expected.txt")}
        if codes and codes <= SCHEMA_CODES:
            out.append(fx)
    return out


@pytest.mark.parametrize("fixture", schema_fixtures(), ids=lambda p: p.name)
def test_the_schema_and_finsam_validate_agree(fixture):
    """Every overlaid file of a schema-level fixture that finsam validate flags fails its JSON Schema."""
    flagged = {file for _code, file, _line in parse_expected(fixture / "expected.txt")}
    found = {}
    for rel in flagged:
        found[rel] = errors(fixture / rel, Path(rel))
    if fixture.name in NOT_EXPRESSIBLE:
        assert all(not e for e in found.values()), (
            f"{fixture.name} is caught by the JSON Schema now: drop it from NOT_EXPRESSIBLE")
        pytest.skip(f"not expressible in JSON Schema: {NOT_EXPRESSIBLE[fixture.name]}")
    for rel, errs in found.items():
        assert errs, f"{fixture.name}: {rel} passes its JSON Schema but finsam validate reports it"


def test_the_fixture_list_covers_every_schema_code():
    names = [fx.name for fx in schema_fixtures()]
    for code in SCHEMA_CODES:
        assert any(n.startswith(code) for n in names), code
    assert set(NOT_EXPRESSIBLE) <= set(names)


def test_patterns_agree_with_the_validator():
    day = re.compile(editor_schema.MONTH_DAY_PATTERN)
    time = re.compile(editor_schema.TIME_PATTERN)
    for a in range(100):
        for b in range(100):
            text = f"{a:02d}-{b:02d}"
            assert bool(day.search(text)) == valid_month_day(text), text
            clock = f"{a:02d}:{b:02d}"
            assert bool(time.search(clock)) == bool(TIME_RE.match(clock)), clock
    for text in ("9:00", "09:00:00", "0900", "1-30", "11-30 "):
        assert not time.search(text) or bool(TIME_RE.match(text))
        assert not day.search(text) or valid_month_day(text)


def _glob_re(glob: str) -> re.Pattern:
    out = ""
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out += "(?:[^/]+/)*"
            i += 3
        elif glob[i] == "*":
            out += "[^/]*"
            i += 1
        else:
            out += re.escape(glob[i])
            i += 1
    return re.compile(out + r"\Z")


def test_the_taplo_globs_pick_each_record_kind():
    config = tomllib.loads(taplo_config())
    rules = [(r["include"], r["schema"]["path"]) for r in config["rule"]]
    assert [p for _g, p in rules] == [f"{SCHEMA_DIR}/{kind}.json" for kind in KINDS]
    seen = set()
    for path in sorted(RECORDS.rglob("*.toml")):
        rel = path.relative_to(RECORDS)
        if rel.parts[0].startswith("."):
            continue
        kind, _id, _problem = classify(rel.parts)
        matching = [p for globs, p in rules if any(_glob_re(g).match(rel.as_posix()) for g in globs)]
        assert matching == [f"{SCHEMA_DIR}/{kind}.json"], rel
        seen.add(kind)
    assert seen == set(GLOBS) == set(KINDS)


def test_finsam_schema_prints_and_writes(tmp_path, capsys):
    assert main(["schema", "meeting"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema("meeting")
    out = tmp_path / "rec" / SCHEMA_DIR
    assert main(["schema", "--out", str(out), "--taplo", str(tmp_path / "rec")]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.json" for k in KINDS)
    assert (tmp_path / "rec" / ".taplo.toml").read_text(encoding="utf-8") == taplo_config()
    assert main(["schema"]) == 2
    assert main(["schema", "nosuchkind"]) == 2


# taplo comes with the test extras, in the venv's bin (not on PATH when the venv is not activated)
TAPLO = next((str(p) for p in (Path(sys.executable).parent / "taplo",) if p.exists()), shutil.which("taplo"))


@pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (pip install -e '.[test]' installs it)")
def test_taplo_itself_reads_the_config_and_agrees(records_copy):
    ok = subprocess.run([TAPLO, "check"], cwd=records_copy, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr
    bad = records_copy / "organisationer" / "granas.toml"
    bad.write_text(bad.read_text(encoding="utf-8") + 'typo = 1\n', encoding="utf-8")
    meeting = records_copy / "moten" / "styrelse" / "2023" / "2023-04-14.toml"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace('start = "09:00"', 'start = "9.00"'),
                       encoding="utf-8")
    out = subprocess.run([TAPLO, "check"], cwd=records_copy, capture_output=True, text=True, check=False)
    assert out.returncode != 0
    assert "typo" in out.stderr and "9.00" in out.stderr

"""Schema-level checks driven by ``schema.py``: unknown keys, types, required fields, enums.

The walk also *cleans* the parsed data in place: a value of the wrong type is removed
(after its finding), so the domain rules only ever see well-typed values. It collects
every reference-typed value for the cross-reference rules.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.i18n.findings import FieldHelp, Phrase
from finsam_tui.core.records.schema import SEAT_ROLES, Field

TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
MONTH_DAY_RE = re.compile(r"^(\d\d)-(\d\d)$")


def valid_month_day(text: str) -> bool:
    m = MONTH_DAY_RE.match(text)
    if not m:
        return False
    try:
        dt.date(2023, int(m.group(1)), int(m.group(2)))  # a non-leap year: the day exists every year
    except ValueError:
        return False
    return True

# type -> (description, example) for FS103; the descriptions are words of core/i18n/findings.py
_EXPECTED = {
    "str": (Phrase("type_text"), '"…"'), "text": (Phrase("type_text"), '"""…"""'),
    "int": (Phrase("type_int"), "3"), "amount": (Phrase("type_amount"), "1500000"),
    "number": (Phrase("type_number"), "0.25"), "bool": (Phrase("type_bool"), "true"),
    "date": (Phrase("type_date"), "2023-06-09"), "time": (Phrase("type_time"), '"09:00"'),
    "month_day": (Phrase("type_month_day"), '"11-30"'),
    "enum": (Phrase("type_text"), '"…"'), "ref": (Phrase("type_id"), '"anna-lindqvist"'),
    "list": (Phrase("type_list"), '["…"]'), "table": (Phrase("type_table"), "{ … }"),
    "tables": (Phrase("type_tables"), "[[…]]"),
    "amounts": (Phrase("type_amounts"), "{ budget = 1500000 }"),
    "counts": (Phrase("type_counts"), "{ arbete = 3 }"),
    "person_or_guest": (Phrase("type_person_or_guest"), '"anna-lindqvist"'),
}
_ACTUAL = {
    bool: Phrase("value_bool"), int: Phrase("type_int"), float: Phrase("value_float"), str: Phrase("type_text"),
    list: Phrase("type_list"), dict: Phrase("type_table"), dt.date: Phrase("type_date"),
    dt.datetime: Phrase("value_datetime"), dt.time: Phrase("value_time"),
}


# A reference-typed value found in a record, for the cross-reference rules:
# (path, target, value); target is the field's ref kind: person, org, organ, paragraph,
# budgetline, paragraph_or_meeting or any.
RefUse = tuple

def suggestion(word: str, options) -> str | None:
    """The nearest valid option, for a finding's "suggest" param (rendered as "Did you mean …?")."""
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def _actual(value) -> Phrase | str:
    if isinstance(value, dt.datetime):
        return _ACTUAL[dt.datetime]
    for t, name in _ACTUAL.items():
        if type(value) is t:
            return name
    return type(value).__name__


def _type_ok(f: Field, v) -> bool:
    t = f.type
    if t in ("str", "text", "enum", "ref", "time", "month_day"):
        return isinstance(v, str)
    if t in ("int", "amount"):
        return isinstance(v, int) and not isinstance(v, bool)
    if t == "number":
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if t == "bool":
        return isinstance(v, bool)
    if t == "date":
        return isinstance(v, dt.date) and not isinstance(v, dt.datetime)
    if t == "list":
        return isinstance(v, list)
    if t in ("table", "amounts", "counts"):
        return isinstance(v, dict)
    if t == "tables":
        return isinstance(v, list) and all(isinstance(x, dict) for x in v)
    if t == "person_or_guest":
        return isinstance(v, (str, dict))
    return True


class SchemaChecker:
    def __init__(self, record, findings: list[Finding], refs: list[RefUse]):
        self.record = record
        self.findings = findings
        self.refs = refs

    def emit(self, code: str, path: tuple, **params) -> None:
        self.findings.append(Finding(code, self.record.rel, path=path, params=params))

    def check_table(self, data: dict, fields: tuple[Field, ...], path: tuple) -> None:
        by_name = {f.name: f for f in fields}
        dropped = set()
        for key in list(data):
            f = by_name.get(key)
            if f is None:
                self.emit("FS102", path + (key,), key=key, suggest=suggestion(key, by_name),
                          valid=", ".join(by_name))
                del data[key]
                continue
            if not self.check_value(data, key, f, path + (key,)):
                del data[key]
                dropped.add(key)
        for f in fields:
            if f.required and f.name not in data and f.name not in dropped:
                self.emit("FS104", path, key=_label(path + (f.name,)), help=FieldHelp(f.help_sv, f.help_en))

    def check_value(self, parent, key, f: Field, path: tuple) -> bool:
        """Check parent[key] against f; return False when the value must be dropped."""
        v = parent[key]
        if not _type_ok(f, v):
            exp, example = _EXPECTED[f.type]
            self.emit("FS103", path, key=_label(path), expected=exp, actual=_actual(v), example=example)
            return False
        t = f.type
        if t == "enum" and v not in f.choices:
            self.emit("FS105", path, key=_label(path), value=repr(v), suggest=suggestion(v, f.choices),
                      allowed=", ".join(f.choices))
            return False
        if t == "time" and not TIME_RE.match(v):
            self.emit("FS105", path, key=_label(path), value=repr(v), allowed=Phrase("allowed_time"))
            return False
        if t == "month_day" and not valid_month_day(v):
            self.emit("FS105", path, key=_label(path), value=repr(v),
                      allowed=Phrase("allowed_month_day"))
            return False
        if t in ("int",) and f.minimum is not None and v < f.minimum:
            self.emit("FS105", path, key=_label(path), value=repr(v), allowed=f">= {f.minimum}")
            return False
        if t == "number" and not 0 <= v <= 1:
            self.emit("FS105", path, key=_label(path), value=repr(v), allowed="0–1")
            return False
        if t == "ref":
            if not v.strip():
                self.emit("FS105", path, key=_label(path), value=repr(v), allowed=Phrase("type_id"))
                return False
            self.refs.append((path, f.ref or "any", v))
        elif t == "table":
            self.check_table(v, f.fields, path)
        elif t == "tables":
            for i, item in enumerate(v):
                self.check_table(item, f.fields, path + (i,))
        elif t == "list":
            keep = []
            for i, item in enumerate(v):
                holder = {i: item}
                if self.check_value(holder, i, f.item, path + (i,)):
                    keep.append(holder[i])
            v[:] = keep
        elif t in ("amounts", "counts"):
            for k in list(v):
                x = v[k]
                if not (isinstance(x, int) and not isinstance(x, bool)):
                    exp, example = _EXPECTED["amount" if t == "amounts" else "int"]
                    self.emit("FS103", path + (k,), key=_label(path + (k,)), expected=exp, actual=_actual(x),
                              example=example)
                    del v[k]
        elif t == "person_or_guest":
            if isinstance(v, str):
                self.refs.append((path, "person", v))
            else:
                guest_fields = (Field("name", "str", required=True), Field("role", "str"))
                self.check_table(v, guest_fields, path)
                if "name" not in v:
                    return False
        return True


def _label(path: tuple) -> str:
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += ("." if out else "") + p
    return out


def check_record(record, fields: tuple[Field, ...]) -> tuple[list[Finding], list[RefUse]]:
    """Schema findings and the references of one record; cleans record.data in place."""
    findings: list[Finding] = []
    refs: list[RefUse] = []
    SchemaChecker(record, findings, refs).check_table(record.data, fields, ())
    if record.kind == "person":
        for i, m in enumerate(record.data.get("memberships", [])):
            if m.get("role") in SEAT_ROLES + ("ersättare",) and "on_behalf_of" not in m and "role" in m:
                findings.append(Finding("FS404", record.rel, path=("memberships", i, "role"), params={"role": m["role"]}))
    return findings, refs

"""Budget rules: versions and their deciding §, sums, the ½–¼–¼ split, duplicate lines."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import cross, local, whole_context
from finsam_tui.core.check.schema_check import suggestion
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.refs import resolve
from finsam_tui.core.text import kr, share

# Contributions that differ from the exact share by at most this much are rounding.
TOLERANCE_KR = 1


def _versions(b) -> dict[str, dict]:
    return {v["id"]: v for v in b.data.get("versions", []) if "id" in v}


def _amount_tables(b):
    """Every amounts table in a budget, with its path."""
    d = b.data
    for i, inc in enumerate(d.get("income", [])):
        yield ("income", i, "amounts"), inc.get("amounts", {})
    for i, inc in enumerate(d.get("other_income", [])):
        yield ("other_income", i, "amounts"), inc.get("amounts", {})
    for i, cat in enumerate(d.get("categories", [])):
        yield ("categories", i, "total"), cat.get("total", {})
        for j, line in enumerate(cat.get("lines", [])):
            yield ("categories", i, "lines", j, "amounts"), line.get("amounts", {})
    for key in ("income", "costs", "result"):
        yield ("totals", key), d.get("totals", {}).get(key, {})


@local("budget")
def check_budget_versions(ctx, b):
    year = int(b.id)
    d = b.data
    if d.get("year") not in (None, year):
        yield Finding("FS509", b.rel, path=("year",), params={"year": d["year"], "file": b.rel})
    versions = _versions(b)
    for path, table in _amount_tables(b):
        for key in table:
            if key not in versions:
                yield Finding("FS508", b.rel, path=path + (key,), params={
                    "version": key, "suggest": suggestion(key, versions)})
    for i, v in enumerate(d.get("versions", [])):
        if v.get("kind") == "revidering" and not v.get("decided_by"):
            yield Finding("FS506", b.rel, path=("versions", i), params={"version": v.get("id"), "kind": v["kind"]})


@cross
def check_deciding_paragraphs(index):
    """A version's deciding § lies before the version's date; the budget is adopted in time."""
    month, day = (int(x) for x in index.settings.get("deadlines", {}).get("budget_month_day", "11-30").split("-"))
    for rel, year, i, _vid, kind, date, ref in index.budget_versions:
        if not ref:
            continue
        res = resolve(index, ref, "paragraph")
        if res.code or not res.targets:
            continue  # reported by the reference rule
        decided = index.meeting_date_of(res.targets[0].id)
        if decided is None:
            continue
        if date and decided > date:
            yield Finding("FS511", rel, path=("versions", i, "decided_by"), params={"ref": ref, "date": date})
        if kind == "budget":
            deadline = dt.date(year - 1, month, day)
            if decided > deadline:
                yield Finding("FS505", rel, path=("versions", i, "decided_by"), params={
                    "year": year, "date": decided, "deadline": deadline})


def _sum(tables, version: str) -> int:
    return sum(t.get(version, 0) for t in tables)


@local("budget")
def check_budget_sums(ctx, b):
    d = b.data
    all_lines = []
    for i, cat in enumerate(d.get("categories", [])):
        lines = [line.get("amounts", {}) for line in cat.get("lines", [])]
        all_lines.extend(lines)
        for version, stated in cat.get("total", {}).items():
            total = _sum(lines, version)
            if total != stated:
                yield Finding("FS501", b.rel, path=("categories", i, "total", version), params={
                    "category": cat.get("name", cat.get("id")), "version": version, "sum": kr(total),
                    "stated": kr(stated), "diff": kr(stated - total)})
    incomes = [x.get("amounts", {}) for x in d.get("income", []) + d.get("other_income", [])]
    totals = d.get("totals", {})
    labels = {"income": Phrase("total_income"), "costs": Phrase("total_costs")}
    for key, tables in (("income", incomes), ("costs", all_lines)):
        for version, stated in totals.get(key, {}).items():
            computed = _sum(tables, version)
            if computed != stated:
                yield Finding("FS502", b.rel, path=("totals", key, version), params={
                    "what": labels[key], "version": version, "sum": kr(computed), "stated": kr(stated),
                        "diff": kr(stated - computed)})
    for version, stated in totals.get("result", {}).items():
        income = totals.get("income", {}).get(version, _sum(incomes, version))
        costs = totals.get("costs", {}).get(version, _sum(all_lines, version))
        if income - costs != stated:
            yield Finding("FS504", b.rel, path=("totals", "result", version), params={
                "version": version, "stated": kr(stated), "computed": kr(income - costs)})


GROUPS = ((Phrase("share_state"), ("försäkringskassan", "arbetsförmedlingen"), Fraction(1, 2)),
          (Phrase("share_region"), ("region",), Fraction(1, 4)),
          (Phrase("share_municipalities"), ("kommun",), Fraction(1, 4)))


@local("budget")
@whole_context
def check_income_split(ctx, b):
    income = b.data.get("income", [])
    per_version: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    first_path: dict[str, tuple] = {}
    for i, inc in enumerate(income):
        org = ctx.org_data.get(inc.get("member"))
        if org is None:
            continue
        kind = org.get("kind")
        for version, amount in inc.get("amounts", {}).items():
            per_version[version][kind] += amount
            first_path.setdefault(kind, ("income", i, "amounts"))
    for version, by_kind in per_version.items():
        whole = sum(by_kind.values())
        if whole <= 0:
            continue
        for label, kinds, fraction in GROUPS:
            amount = sum(by_kind.get(k, 0) for k in kinds)
            expected = whole * fraction
            if abs(amount - expected) > TOLERANCE_KR:
                path = next((first_path[k] + (version,) for k in kinds if k in first_path), ("income",))
                yield Finding("FS503", b.rel, path=path, params={
                    "version": version, "group": label, "amount": kr(amount), "share": share(amount, whole),
                    "expected": f"{kr(round(expected))} ({fraction})"})


@local("budget")
def check_duplicate_lines(ctx, b):
    places: dict[str, list[tuple]] = {}
    for i, cat in enumerate(b.data.get("categories", [])):
        for j, line in enumerate(cat.get("lines", [])):
            if "id" in line:
                places.setdefault(line["id"], []).append((("categories", i, "lines", j), line.get("amounts", {})))
    for line_id, found in places.items():
        (first_path, a), rest = found[0], found[1:]
        for path, other in rest:
            conflicts = [v for v in sorted(set(a) & set(other)) if a[v] != other[v]]
            for version in conflicts:
                yield Finding("FS507", b.rel, path=path + ("amounts", version), params={
                    "line": line_id, "version": version, "first": kr(a[version]), "second": kr(other[version])},
                    related=[Place(b.rel, path=first_path + ("amounts", version))])
            if not conflicts:
                yield Finding("FS510", b.rel, path=path + ("id",), params={"line": line_id},
                              related=[Place(b.rel, path=first_path)])

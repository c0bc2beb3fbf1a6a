"""Budget rules: versions and their deciding §, sums (per source, split lines by their shares),
lines split between categories, duplicate lines. The member contributions are
``contributions.py``, two sources of one version ``budget_sources.py``."""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import cross, local
from finsam_tui.core.check.schema_check import suggestion
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.budget_parts import category_rows, effective, is_amount, sources, split_of, whole
from finsam_tui.core.records.refs import resolve
from finsam_tui.core.text import kr, share


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
    alt = sources(d)
    for i, v in enumerate(d.get("versions", [])):
        if v.get("kind") == "revidering" and not v.get("decided_by") and v.get("id") not in alt:
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
    return sum(a for t in tables if is_amount(a := t.get(version, 0)))


@local("budget")
def check_budget_sums(ctx, b):
    """Stated totals against the lines, for every version (a second source with its own figures)."""
    d = b.data
    alt = sources(d)
    for i, (cat, rows) in enumerate(zip(d.get("categories", []), category_rows(d, alt))):
        lines = [r.amounts for r in rows]
        for version, stated in cat.get("total", {}).items():
            total = _sum(lines, version)
            if is_amount(stated) and total != stated:
                yield Finding("FS501", b.rel, path=("categories", i, "total", version), params={
                    "category": cat.get("name", cat.get("id")), "version": version, "sum": kr(total),
                    "stated": kr(stated), "diff": kr(stated - total)})
    all_lines = [effective(line.get("amounts"), alt)
                 for cat in d.get("categories", []) for line in cat.get("lines", [])]
    incomes = [effective(x.get("amounts"), alt) for x in d.get("income", []) + d.get("other_income", [])]
    totals = d.get("totals", {})
    labels = {"income": Phrase("total_income"), "costs": Phrase("total_costs")}
    for key, tables in (("income", incomes), ("costs", all_lines)):
        for version, stated in totals.get(key, {}).items():
            computed = _sum(tables, version)
            if is_amount(stated) and computed != stated:
                yield Finding("FS502", b.rel, path=("totals", key, version), params={
                    "what": labels[key], "version": version, "sum": kr(computed), "stated": kr(stated),
                        "diff": kr(stated - computed)})
    for version, stated in totals.get("result", {}).items():
        income = totals.get("income", {}).get(version, _sum(incomes, version))
        costs = totals.get("costs", {}).get(version, _sum(all_lines, version))
        if is_amount(stated) and is_amount(income) and is_amount(costs) and income - costs != stated:
            yield Finding("FS504", b.rel, path=("totals", "result", version), params={
                "version": version, "stated": kr(stated), "computed": kr(income - costs)})


@local("budget")
def check_split_lines(ctx, b):
    """A line split between categories names categories of the budget, by shares that sum to 1."""
    categories = [c.get("id") for c in b.data.get("categories", []) if isinstance(c.get("id"), str)]
    for i, cat in enumerate(b.data.get("categories", [])):
        for j, line in enumerate(cat.get("lines", [])):
            split = split_of(line)
            if not split:
                continue
            path = ("categories", i, "lines", j, "split")
            name = line.get("id", line.get("name"))
            for k, part in enumerate(line.get("split", [])):
                category = part.get("category") if isinstance(part, dict) else None
                if isinstance(category, str) and category not in categories:
                    yield Finding("FS517", b.rel, path=path + (k, "category"), params={
                        "line": name, "category": category, "suggest": suggestion(category, categories)})
            shares = [s for _, s in split]
            if not whole(shares):
                yield Finding("FS516", b.rel, path=path, params={"line": name, "sum": share(float(sum(shares)), 1)})


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

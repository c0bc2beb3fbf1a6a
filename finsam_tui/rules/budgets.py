"""Budget rules: versions and their deciding §, sums, the ½–¼–¼ split, duplicate lines."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction

from ..findings import Finding, Place
from ..formatting import kr, share
from ..refs import resolve
from ..schemacheck import suggestion

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


def check_budget_versions(archive):
    month_day = archive.settings.get("deadlines", {}).get("budget_month_day", "11-30")
    for year, b in archive.budgets.items():
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
            kind = v.get("kind")
            ref = v.get("decided_by")
            if kind == "revidering" and not ref:
                yield Finding("FS506", b.rel, path=("versions", i), params={"version": v.get("id"), "kind": kind})
            if not ref:
                continue
            res = resolve(archive, ref, "paragraph")
            if res.code or not res.targets:
                continue  # reported by the reference rule
            decided = archive.meeting_date(res.targets[0].meeting)
            if decided is None:
                continue
            if v.get("date") and decided > v["date"]:
                yield Finding("FS511", b.rel, path=("versions", i, "decided_by"), params={"ref": ref, "date": v["date"]})
            if kind == "budget":
                month, day = (int(x) for x in month_day.split("-"))  # validated by the schema
                deadline = dt.date(year - 1, month, day)
                if decided > deadline:
                    yield Finding("FS505", b.rel, path=("versions", i, "decided_by"), params={
                        "year": year, "date": decided, "deadline": deadline})


def _sum(tables, version: str) -> int:
    return sum(t.get(version, 0) for t in tables)


def check_budget_sums(archive):
    for year, b in archive.budgets.items():
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
        labels = {"income": {"sv": "intäkter", "en": "income"}, "costs": {"sv": "kostnader", "en": "costs"}}
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


GROUPS = (({"sv": "staten (FK + AF)", "en": "the state (FK + AF)"}, ("försäkringskassan", "arbetsförmedlingen"),
           Fraction(1, 2)),
          ({"sv": "regionen", "en": "the region"}, ("region",), Fraction(1, 4)),
          ({"sv": "kommunerna", "en": "the municipalities"}, ("kommun",), Fraction(1, 4)))


def check_income_split(archive):
    for year, b in archive.budgets.items():
        income = b.data.get("income", [])
        per_version: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        first_path: dict[str, tuple] = {}
        for i, inc in enumerate(income):
            org = archive.orgs.get(inc.get("member"))
            if org is None:
                continue
            kind = org.data.get("kind")
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


def check_duplicate_lines(archive):
    for (year, line_id), places in archive.budget_lines.items():
        if len(places) < 2:
            continue
        first = places[0]
        for other in places[1:]:
            conflict = False
            a, b_ = first.line.get("amounts", {}), other.line.get("amounts", {})
            for version in sorted(set(a) & set(b_)):
                if a[version] != b_[version]:
                    conflict = True
                    pos = first.budget.locator.find(first.path + ("amounts", version)) or (None, None)
                    yield Finding("FS507", other.budget.rel, path=other.path + ("amounts", version), params={
                        "line": line_id, "version": version, "first": kr(a[version]), "second": kr(b_[version])},
                        related=[Place(first.budget.rel, pos[0], pos[1])])
            if not conflict:
                pos = first.budget.locator.find(first.path) or (None, None)
                yield Finding("FS510", other.budget.rel, path=other.path + ("id",), params={"line": line_id},
                              related=[Place(first.budget.rel, pos[0], pos[1])])

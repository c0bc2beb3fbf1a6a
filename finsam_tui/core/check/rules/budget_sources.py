"""Two sources of one budget version: the same budget printed twice in one meeting's
attachments with different figures for some lines (``same_as`` and ``source`` on a version).

A usable second source is never an error and never silently resolved: each line whose figure
differs between the sources is one warning that names both sources and both figures; each
source's stated totals are checked on its own figures (``budgets.check_budget_sums``).
"""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import local
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.budget_parts import is_amount, source_name, source_problem, sources, versions_by_id
from finsam_tui.core.text import kr


@local("budget")
def check_same_as(ctx, b):
    """same_as names another version of the same kind that is not itself a source."""
    versions = versions_by_id(b.data)
    for i, v in enumerate(b.data.get("versions", [])):
        problem = source_problem(v, versions) if isinstance(v, dict) else None
        if problem:
            yield Finding("FS513", b.rel, path=("versions", i, "same_as"), params={
                "version": v.get("id"), "target": v.get("same_as"), "problem": Phrase(problem)})


def _lines(b, orgs: dict):
    """(name, path, amounts) of every line with figures: income, other income, cost lines."""
    d = b.data
    for i, inc in enumerate(d.get("income", [])):
        member = inc.get("member")
        name = inc.get("label") or orgs.get(member, {}).get("name", member)
        yield name, ("income", i, "amounts"), inc.get("amounts")
    for i, inc in enumerate(d.get("other_income", [])):
        yield inc.get("name", inc.get("id")), ("other_income", i, "amounts"), inc.get("amounts")
    for i, cat in enumerate(d.get("categories", [])):
        for j, line in enumerate(cat.get("lines", [])):
            yield line.get("name", line.get("id")), ("categories", i, "lines", j, "amounts"), line.get("amounts")


@local("budget")
def check_sources_agree(ctx, b):
    """One warning per line whose figure differs between a version and another source of it."""
    alt = sources(b.data)
    if not alt:
        return
    versions = versions_by_id(b.data)
    for name, path, amounts in _lines(b, ctx.org_data):
        if not isinstance(amounts, dict):
            continue
        for vid, main in alt.items():
            a, other = amounts.get(main), amounts.get(vid)
            if is_amount(a) and is_amount(other) and a != other:
                yield Finding("FS512", b.rel, path=path + (vid,), params={
                    "line": name, "version": versions[main].get("label") or main,
                    "source_a": source_name(versions[main]), "amount_a": kr(a),
                    "source_b": source_name(versions[vid]), "amount_b": kr(other)},
                    related=[Place(b.rel, path=path + (main,))])

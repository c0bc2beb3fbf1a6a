"""Member contributions (lag 2003:1210, 5 §): the ½–¼–¼ split of a budgeted version and each
kommun's part of the kommuner's quarter by its contribution key.

The state's half is paid by Försäkringskassan alone, Arbetsförmedlingen's part included: one
income line for FK (e.g. labelled "Staten (FK, inkl. AF)") is the state's half; a förbund that
still writes an AF line has the two lines counted together. The split applies to what is
budgeted (kinds ``budget`` and ``revidering``), not to an outcome or a forecast, which may
cover part of the year.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import local, whole_context
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.budget_parts import effective, is_amount, share_of, sources, whole
from finsam_tui.core.records.layout import rel_of
from finsam_tui.core.text import kr, share

# Contributions that differ from the exact share by at most this much are rounding.
TOLERANCE_KR = 1
# A kommun's part of the quarter may differ from its key's exact part by this much: budgets
# often round each kommun's contribution to whole thousands (and the quarter moves with them).
KEY_TOLERANCE_KR = 1000
BUDGETED = ("budget", "revidering")

GROUPS = ((Phrase("share_state"), ("försäkringskassan", "arbetsförmedlingen"), Fraction(1, 2)),
          (Phrase("share_region"), ("region",), Fraction(1, 4)),
          (Phrase("share_municipalities"), ("kommun",), Fraction(1, 4)))


def key_text(key: Fraction) -> str:
    """A key as a percentage with the decimals it has (0.2968: 29,68 %)."""
    text = f"{float(key) * 100:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text}\u00a0%"


def _budgeted(b) -> list[str]:
    """The ids of the budgeted versions (and of their other sources), in their order."""
    return [v["id"] for v in b.data.get("versions", [])
            if isinstance(v.get("id"), str) and v.get("kind") in BUDGETED]


@local("budget")
@whole_context
def check_income_split(ctx, b):
    """Each budgeted version: the state half, the region(s) a quarter, the kommuner a quarter."""
    alt = sources(b.data)
    budgeted = set(_budgeted(b))
    per_version: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    first_path: dict[str, tuple] = {}
    for i, inc in enumerate(b.data.get("income", [])):
        org = ctx.org_data.get(inc.get("member"))
        if org is None:
            continue
        kind = org.get("kind")
        for version, amount in effective(inc.get("amounts"), alt).items():
            if version in budgeted and is_amount(amount):
                per_version[version][kind] += amount
                first_path.setdefault(kind, ("income", i, "amounts"))
    for version, by_kind in per_version.items():
        total = sum(by_kind.values())
        if total <= 0:
            continue
        for label, kinds, fraction in GROUPS:
            amount = sum(by_kind.get(k, 0) for k in kinds)
            expected = total * fraction
            if abs(amount - expected) > TOLERANCE_KR:
                path = next((first_path[k] + (version,) for k in kinds if k in first_path), ("income",))
                yield Finding("FS503", b.rel, path=path, params={
                    "version": version, "group": label, "amount": kr(amount), "share": share(amount, total),
                    "expected": f"{kr(round(expected))} ({fraction})"})


@local("budget")
@whole_context
def check_contribution_keys(ctx, b):
    """Each kommun's part of the kommuner's quarter by its contribution_key, when every kommun of
    the budget has a key and their keys sum to 1 (else FS515 says so on the organisations)."""
    alt = sources(b.data)
    lines: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for i, inc in enumerate(b.data.get("income", [])):
        member = inc.get("member")
        if ctx.org_data.get(member, {}).get("kind") == "kommun":
            lines[member].append((i, effective(inc.get("amounts"), alt)))
    keys = {m: share_of(ctx.org_data[m].get("contribution_key")) for m in lines}
    if not keys or any(k is None for k in keys.values()) or not whole(list(keys.values())):
        return
    tolerance = max(KEY_TOLERANCE_KR, TOLERANCE_KR * len(keys))
    for version in _budgeted(b):
        paid = {m: sum(a[version] for _, a in found if is_amount(a.get(version))) for m, found in lines.items()}
        if not all(any(is_amount(a.get(version)) for _, a in found) for found in lines.values()):
            continue  # a kommun without a figure in this version: the quarter is FS503's
        quarter = sum(paid.values())
        if quarter <= 0:
            continue
        for member, amount in paid.items():
            expected = quarter * keys[member]
            if abs(amount - expected) > tolerance:
                i = lines[member][0][0]
                yield Finding("FS514", b.rel, path=("income", i, "amounts", version), params={
                    "member": ctx.org_data[member].get("name", member), "version": version,
                    "amount": kr(amount), "key": key_text(keys[member]), "quarter": kr(quarter),
                    "expected": kr(round(expected))},
                    related=[Place(rel_of("organisation", member), path=("contribution_key",))])


@local("organisation")
@whole_context
def check_keys_sum(ctx, org):
    """The kommuner's contribution keys sum to 1: one finding, on the first kommun with a key."""
    kommuner = sorted(oid for oid, o in ctx.org_data.items() if o.get("kind") == "kommun")
    keyed = [oid for oid in kommuner if share_of(ctx.org_data[oid].get("contribution_key")) is not None]
    if not keyed or org.id != keyed[0]:
        return
    keys = [share_of(ctx.org_data[oid]["contribution_key"]) for oid in keyed]
    if whole(keys):
        return
    missing = [ctx.org_data[oid].get("name", oid) for oid in kommuner if oid not in keyed]
    yield Finding("FS515", org.rel, path=("contribution_key",), params={
        "sum": key_text(sum(keys, Fraction(0))),
        "missing": Phrase("keys_missing", names=", ".join(missing)) if missing else ""},
        related=[Place(rel_of("organisation", oid), path=("contribution_key",)) for oid in keyed[1:]])

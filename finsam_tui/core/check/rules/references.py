"""Every reference resolves: typed ids (person, org, organ) and free references."""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.rules.registry import cross
from finsam_tui.core.check.schema_check import suggestion
from finsam_tui.core.records.refs import TARGET_NAMES, parse_ref, resolve

# typed reference target -> record kind in the index
_TYPED = {"person": "person", "org": "organisation"}


def points_at_unloaded(index, target: str, value: str) -> bool:
    """True when the reference may point at a file that exists but could not be loaded."""
    if target == "organ":
        return not index.forbund_present
    if target in _TYPED:
        return (_TYPED[target], value) in index.unloaded_ids
    ref = parse_ref(value)
    if ref is None:
        return False
    if ref.kind in ("budget", "budgetline"):
        return ("budget", str(ref.year)) in index.unloaded_ids
    if ref.kind == "paragraph" and ref.by_year:
        return any(k == "meeting" and i.startswith(f"{ref.id}/{ref.year}-") for k, i in index.unloaded_ids)
    kind = {"org": "organisation", "paragraph": "meeting"}.get(ref.kind, ref.kind)
    return (kind, ref.id) in index.unloaded_ids


@cross
def check_references(index):
    everything_loaded = index.forbund_present and not index.unloaded_ids
    for rel, path, target, value in index.iter_refs():
        if not everything_loaded and points_at_unloaded(index, target, value):
            continue
        if target in _TYPED or target == "organ":
            table = index.organ_ids if target == "organ" else index.ids[_TYPED[target]]
            if value not in table:
                yield Finding("FS201", rel, path=path, params={
                    "ref": value, "target": TARGET_NAMES[target], "suggest": suggestion(value, table)})
            continue
        res = resolve(index, value, target)
        if res.code:
            yield Finding(res.code, rel, path=path, params=res.params)

"""Every reference resolves: typed ids (person, org, organ) and free references."""

from __future__ import annotations

from ..findings import Finding
from ..refs import TARGET_NAMES, parse_ref, resolve
from ..schemacheck import suggestion

_TABLES = {"person": "persons", "org": "orgs", "organ": "organs", "insats": "insatser"}
_KIND = {"person": "person", "org": "organisation", "insats": "insats", "meeting": "meeting",
         "paragraph": "meeting", "budget": "budget", "budgetline": "budget"}


def points_at_unloaded(archive, use) -> bool:
    """True when the reference may point at a file that exists but could not be loaded."""
    if use.target == "organ":
        return archive.forbund is None
    if use.target in ("person", "org"):
        return (_KIND[use.target], use.value) in archive.unloaded_ids
    ref = parse_ref(use.value)
    if ref is None:
        return False
    if ref.kind in ("budget", "budgetline"):
        return ("budget", str(ref.year)) in archive.unloaded_ids
    if ref.kind == "paragraph" and ref.by_year:
        return any(k == "meeting" and i.startswith(f"{ref.id}/{ref.year}-") for k, i in archive.unloaded_ids)
    return (_KIND[ref.kind], ref.id) in archive.unloaded_ids


def check_references(archive):
    for use in archive.refs:
        rec = use.record
        if points_at_unloaded(archive, use):
            continue
        if use.target in _TABLES:
            table = getattr(archive, _TABLES[use.target])
            if use.value not in table:
                yield Finding("FS201", rec.rel, path=use.path, params={
                    "ref": use.value, "target": TARGET_NAMES[use.target],
                    "suggest": suggestion(use.value, table)})
            continue
        res = resolve(archive, use.value, use.target)
        if res.code:
            yield Finding(res.code, rec.rel, path=use.path, params=res.params)

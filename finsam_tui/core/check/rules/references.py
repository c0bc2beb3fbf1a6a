"""Every reference resolves: typed ids (person, org, organ) and free references. A reference
into a folder that cannot be listed is neither known nor unknown: it is counted (FS115)."""

from __future__ import annotations

from collections import defaultdict

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import cross
from finsam_tui.core.check.schema_check import suggestion
from finsam_tui.core.records.layout import FOLDERS, rel_of, valid_id
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


def home_of(target: str, value: str) -> str | None:
    """Where the record a reference names would lie (a file, or for a § by year the year's
    folder, "moten/<organ>/<year>/"); None for an organ or text that names no record."""
    if target in _TYPED:
        return rel_of(_TYPED[target], value) if valid_id(value) else None
    ref = parse_ref(value) if target != "organ" else None
    if ref is None:
        return None
    if ref.kind in ("budget", "budgetline"):
        return rel_of("budget", str(ref.year))
    if ref.kind == "paragraph" and ref.by_year:
        return f"{FOLDERS['meeting']}/{ref.id}/{ref.year}/"
    return rel_of({"org": "organisation", "paragraph": "meeting"}.get(ref.kind, ref.kind), ref.id)


@cross
def check_references(index):
    """Every reference resolves (FS201 and the resolution's codes); the references that would
    resolve into a folder that cannot be listed are not checked, and counted per folder (FS115)."""
    everything_loaded = index.forbund_present and not index.unloaded_ids
    unchecked: dict[str, dict[str, tuple]] = defaultdict(dict)  # folder -> referring file -> first path
    counts: dict[str, int] = defaultdict(int)
    for rel, path, target, value in index.iter_refs():
        if not everything_loaded and points_at_unloaded(index, target, value):
            continue
        if index.unreadable_folders:
            home = home_of(target, value)
            folder = index.unreadable_folder_of(home) if home is not None else None
            if folder is not None:
                unchecked[folder].setdefault(rel, path)
                counts[folder] += 1
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
    for folder, places in sorted(unchecked.items()):
        yield Finding("FS115", folder, params={"count": counts[folder], "files": len(places)},
                      related=[Place(rel, path=path) for rel, path in sorted(places.items())])

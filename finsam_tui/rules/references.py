"""Every reference resolves: typed ids (person, org, organ) and free references."""

from __future__ import annotations

from ..findings import Finding
from ..refs import TARGET_NAMES, resolve
from ..schemacheck import suggestion

_TABLES = {"person": "persons", "org": "orgs", "organ": "organs", "insats": "insatser"}


def check_references(archive):
    for use in archive.refs:
        rec = use.record
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

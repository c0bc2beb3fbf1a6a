"""Settings present; ids unique inside a record (organs, versions, categories, members)."""

from __future__ import annotations

from ..findings import Finding, Place
from ..schema import FORBUND_FILE


def check_settings(archive):
    if archive.forbund is None:
        yield Finding("FS109", FORBUND_FILE)


def _dupes(record, array_key: str, id_key: str, base: tuple = ()):
    seen: dict[str, tuple] = {}
    for i, entry in enumerate(record.data.get(array_key, []) if not base else _get(record.data, base)):
        value = entry.get(id_key)
        if not isinstance(value, str):
            continue
        path = base + (i, id_key) if base else (array_key, i, id_key)
        if value in seen:
            yield Finding("FS106", record.rel, path=path, params={"id": value},
                          related=[_place(record, seen[value])])
        else:
            seen[value] = path


def _get(data, path):
    for p in path:
        data = data[p]
    return data


def _place(record, path) -> Place:
    pos = record.locator.find(path) or (None, None)
    return Place(record.rel, pos[0], pos[1])


def check_duplicate_ids(archive):
    if archive.forbund:
        yield from _dupes(archive.forbund, "organs", "id")
    for b in archive.budgets.values():
        yield from _dupes(b, "versions", "id")
        yield from _dupes(b, "categories", "id")
        yield from _dupes(b, "income", "member")
        yield from _dupes(b, "other_income", "id")

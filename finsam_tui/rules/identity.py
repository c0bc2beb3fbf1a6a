"""Settings present; ids unique inside a record (organs, versions, categories, members)."""

from __future__ import annotations

from ..findings import Finding, Place
from ..schema import FORBUND_FILE


def check_settings(index):
    if not index.forbund_present:
        yield Finding("FS109", FORBUND_FILE)


def _dupes(record, array_key: str, id_key: str):
    seen: dict[str, tuple] = {}
    for i, entry in enumerate(record.data.get(array_key, [])):
        value = entry.get(id_key)
        if not isinstance(value, str):
            continue
        path = (array_key, i, id_key)
        if value in seen:
            yield Finding("FS106", record.rel, path=path, params={"id": value},
                          related=[Place(record.rel, path=seen[value])])
        else:
            seen[value] = path


def check_duplicate_organs(ctx, forbund):
    yield from _dupes(forbund, "organs", "id")


def check_duplicate_budget_ids(ctx, b):
    yield from _dupes(b, "versions", "id")
    yield from _dupes(b, "categories", "id")
    yield from _dupes(b, "income", "member")
    yield from _dupes(b, "other_income", "id")

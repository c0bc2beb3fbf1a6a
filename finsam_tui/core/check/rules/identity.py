"""Settings present; ids well-formed and unique inside a record (organs, versions, categories, members)."""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import cross, local
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.layout import FORBUND_FILE, ID_RE

_ID_ALLOWED = Phrase("allowed_id")


@cross
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


@local("forbund")
def check_duplicate_organs(ctx, forbund):
    yield from _dupes(forbund, "organs", "id")


@local("budget")
def check_duplicate_budget_ids(ctx, b):
    yield from _dupes(b, "versions", "id")
    yield from _dupes(b, "categories", "id")
    yield from _dupes(b, "income", "member")
    yield from _dupes(b, "other_income", "id")


def _malformed_ids(record, entries):
    """FS105 for an id that is not lowercase a–z, digits and hyphens: ids are used in
    references, folder names and export paths ("../x", "/etc", control characters never are)."""
    for path, value in entries:
        if isinstance(value, str) and not ID_RE.match(value):
            label = "".join(f"[{p}]" if isinstance(p, int) else ("." if i else "") + p for i, p in enumerate(path))
            yield Finding("FS105", record.rel, path=path, params={"key": label, "value": repr(value),
                                                                   "allowed": _ID_ALLOWED})


def _ids(data, array_key: str, id_key: str = "id", base: tuple = ()):
    entries = data.get(array_key, [])
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict):
            yield base + (array_key, i, id_key), entry.get(id_key)


@local("forbund")
def check_organ_ids(ctx, forbund):
    yield from _malformed_ids(forbund, _ids(forbund.data, "organs"))


@local("budget")
def check_budget_ids(ctx, b):
    entries = [*_ids(b.data, "versions"), *_ids(b.data, "categories"), *_ids(b.data, "other_income")]
    for i, cat in enumerate(b.data.get("categories", [])):
        if isinstance(cat, dict):
            entries.extend(_ids(cat, "lines", base=("categories", i)))
    yield from _malformed_ids(b, entries)

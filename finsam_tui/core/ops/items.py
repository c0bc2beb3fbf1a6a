"""The §§ of a meeting and their sub-items: numbering and moving.

A new § gets the number after the one before it, a new sub-item the next letter; after an
entry is added, moved or removed the §§ are renumbered (and the sub-items relettered) when
they were in sequence before. A § or sub-item moves to another place ("Flytta till…"): a
sub-item under another § or out as a § of its own, a § in under another § (one level only,
never losing a field a sub-item cannot hold).
"""

from __future__ import annotations

import copy

from finsam_tui.core.i18n.editor import key_label, t
from finsam_tui.core.ops.choices import Choice, entry_summary, one_line
from finsam_tui.core.records.keypaths import value_at
from finsam_tui.core.records.schema import ITEM, SUBITEM

# -- numbers and letters -----------------------------------------------------------------------


def consecutive(values: list) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values) and all(
        b == a + 1 for a, b in zip(values, values[1:]))


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def letters_in_order(values: list) -> bool:
    return all(isinstance(v, str) for v in values) and list(values) == list(LETTERS[:len(values)])


def new_entry(name: str, entries: list[dict], index: int) -> dict:
    """A new entry for an array of tables, to be inserted at index (§ number or letter filled in)."""
    if name == "items":
        numbers = [e.get("number") for e in entries]
        if index > 0 and isinstance(numbers[index - 1], int):
            n = numbers[index - 1] + 1
        else:
            n = max((x for x in numbers if isinstance(x, int)), default=0) + 1
        return {"number": n}
    if name == "sub":
        return {"letter": LETTERS[min(index, len(LETTERS) - 1)]}
    return {}


def renumber(name: str, before: list, entries: list[dict], first=None) -> bool:
    """After an entry was added, moved or removed: keep §§ consecutive (and sub-items a, b, c…)
    when they were so before. Returns True when something was renumbered."""
    changed = False
    if name == "items" and before and consecutive(before):
        start = first if first is not None else before[0]
        for i, e in enumerate(entries):
            if e.get("number") != start + i:
                e["number"] = start + i
                changed = True
    elif name == "sub" and letters_in_order(before):
        for i, e in enumerate(entries):
            letter = LETTERS[min(i, len(LETTERS) - 1)]
            if e.get("letter") != letter:
                e["letter"] = letter
                changed = True
    return changed


# -- moving a § or a sub-item to another place ------------------------------------------------

OWN = "own"  # the destination "as a § of its own" (after the sub-item's §)


class MoveRefused(ValueError):
    """A § or sub-item that cannot go where it was asked to (the message says why)."""


def _under(index: int) -> str:
    return f"under:{index}"


def _paragraph_label(item) -> str:
    item = item if isinstance(item, dict) else {}
    return f"§{one_line(item.get('number')) or '?'}"


def _fields_only_in_items(entry: dict) -> list[str]:
    """Keys of a § that a sub-item cannot hold (schema.ITEM's fields that schema.SUBITEM has not),
    besides its number (which becomes a letter) and its sub-items (one level only)."""
    sub_names = {f.name for f in SUBITEM}
    only = {f.name for f in ITEM} - sub_names - {"number", "sub"}
    return [k for k in entry if k in only]


def move_refusal(items: list, path: tuple, lang: str = "sv") -> str | None:
    """Why the § or sub-item at path cannot be moved anywhere, or None. A § with sub-items
    cannot become a sub-item (nesting is one level), nor one with fields a sub-item has not."""
    entry = value_at({"items": items}, path)
    if not isinstance(entry, dict):
        return t("move_to.nothing", lang)
    if len(path) == 2:  # a §: it can only become a sub-item
        label = _paragraph_label(entry)
        subs = entry.get("sub")
        if isinstance(subs, list) and subs:
            letters = ", ".join(f"{one_line(e.get('letter')) or '?'})" for e in subs if isinstance(e, dict))
            return t("move_to.has_sub", lang, entry=label, letters=letters)
        extra = _fields_only_in_items(entry)
        if extra:
            return t("move_to.fields", lang, entry=label,
                     fields=", ".join(key_label(k, "items", lang) for k in extra))
        if len([e for e in items if isinstance(e, dict)]) < 2:
            return t("move_to.nowhere", lang)
    return None


def move_choices(items: list, path: tuple, lang: str = "sv") -> list[Choice]:
    """Where the § ("items", i) or sub-item ("items", i, "sub", j) can go: as a § of its own
    (a sub-item: after its §), or under each other § (as its last sub-item). Raises
    MoveRefused when it cannot go anywhere."""
    problem = move_refusal(items, path, lang)
    if problem:
        raise MoveRefused(problem)
    here = path[1]
    out = []
    if len(path) == 4:
        out.append(Choice.of(OWN, t("move_to.own", lang, after=_paragraph_label(items[here]))))
    for k, item in enumerate(items):
        if k != here and isinstance(item, dict):
            out.append(Choice.of(_under(k), t("move_to.under", lang, entry=entry_summary("items", item, None))))
    return out


def _next_letter(subs: list) -> str:
    letters = [e.get("letter") for e in subs if isinstance(e, dict)]
    want = LETTERS[min(len(subs), len(LETTERS) - 1)]
    if want not in letters:
        return want
    return next((c for c in LETTERS if c not in letters), want)


def _append_sub(item: dict, entry: dict) -> int:
    """Add entry (a § or sub-item's fields) as the last sub-item of item; its index."""
    subs = [dict(e) if isinstance(e, dict) else e for e in item.get("sub") or []]
    before = [e.get("letter") for e in subs if isinstance(e, dict)]
    rest = {k: v for k, v in entry.items() if k not in ("number", "letter", "sub")}
    subs.append({"letter": _next_letter(subs), **rest})
    renumber("sub", before, subs)
    item["sub"] = subs
    return len(subs) - 1


def move_to(items: list, path: tuple, dest: str, lang: str = "sv") -> tuple[list, tuple]:
    """The §§ after moving the § or sub-item at path to dest (a value of move_choices), and
    the moved entry's new path. §§ and the letters of the sub-items left and joined are
    renumbered when they were in sequence (as adding or removing one does). Raises
    MoveRefused for a move that would lose or nest something."""
    problem = move_refusal(items, path, lang)
    if problem:
        raise MoveRefused(problem)
    items = copy.deepcopy(list(items))
    numbers = [e.get("number") for e in items if isinstance(e, dict)]
    if len(path) == 4:  # a sub-item
        p, j = path[1], path[3]
        parent = items[p]
        subs = list(parent["sub"])
        letters = [e.get("letter") for e in subs if isinstance(e, dict)]
        entry = subs.pop(j)
        renumber("sub", letters, subs)
        if subs:
            parent["sub"] = subs
        else:
            del parent["sub"]
        if dest == OWN:
            rest = {k: v for k, v in entry.items() if k != "letter"}
            items.insert(p + 1, {"number": new_entry("items", items, p + 1)["number"], **rest})
            renumber("items", numbers, items)
            return items, ("items", p + 1)
        q = _target(dest, items, p)
        return items, ("items", q, "sub", _append_sub(items[q], entry))
    i = path[1]  # a §
    if dest == OWN:
        raise MoveRefused(t("move_to.nowhere", lang))
    q = _target(dest, items, i)
    entry = items.pop(i)
    renumber("items", numbers, items)
    q = q - 1 if q > i else q
    return items, ("items", q, "sub", _append_sub(items[q], entry))


def _target(dest: str, items: list, here: int) -> int:
    try:
        q = int(dest.removeprefix("under:"))
    except (AttributeError, ValueError):
        raise MoveRefused(dest) from None
    if not (0 <= q < len(items)) or q == here or not isinstance(items[q], dict):
        raise MoveRefused(dest)
    return q


def place_label(items: list, path: tuple) -> str:
    """A § or sub-item's place in words: "§44" or "§44 b)"."""
    label = _paragraph_label(value_at({"items": items}, path[:2]))
    if len(path) == 4:
        sub = value_at({"items": items}, path, {})
        label += f" {one_line(sub.get('letter') if isinstance(sub, dict) else None) or '?'})"
    return label

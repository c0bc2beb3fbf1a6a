"""What a meeting record holds, read the one way: its organ and its §§.

:func:`organ_of` answers "which organ met"; :func:`items` walks a meeting's §§ and their
sub-items (the one walk: the archive, the index, the rules, the search and the exports all
use it). Works on schema-cleaned data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from finsam_tui.core.io.load import Record


class Item(NamedTuple):
    """A § or a sub-item of a meeting, where it lies and what it is numbered."""

    path: tuple  # ("items", i) for a §, ("items", i, "sub", j) for a sub-item
    number: Any  # the § number as written (a sub-item's: its §'s); None when missing
    letter: Any  # None for a §; a sub-item's letter as written (None when missing)
    item: dict  # the § or sub-item itself


def organ_of(m: Record) -> str:
    """The organ a meeting record belongs to: its ``organ`` field, else the first part of its id."""
    organ = m.data.get("organ")
    return organ if isinstance(organ, str) else m.id.split("/")[0]


def items(data: dict, referable: bool = False) -> Iterator[Item]:
    """Every § of a meeting's data and, after each, its sub-items, in the order written.

    referable=True: only what a reference can name, i.e. §§ with a whole number and their
    sub-items that have a letter (a § without a number is left out with its sub-items)."""
    for i, item in enumerate(data.get("items", [])):
        number = item.get("number")
        if referable and not isinstance(number, int):
            continue
        yield Item(("items", i), number, None, item)
        for j, sub in enumerate(item.get("sub", [])):
            letter = sub.get("letter")
            if referable and not isinstance(letter, str):
                continue
            yield Item(("items", i, "sub", j), number, letter, sub)


def paragraph_label(number: int | None, letter: str | None) -> str:
    """How a finding names a § of the meeting: "27", "31a", "?" for one without a number."""
    return f"{'?' if number is None else number}{letter or ''}"


def parent_of(data: dict, sub: dict) -> dict | None:
    """The § of a meeting's data that sub-item sub (the very dict) belongs to, or None."""
    parent = None
    for entry in items(data):
        if len(entry.path) == 2:  # a §: ("items", i)
            parent = entry.item
        elif entry.item is sub:
            return parent
    return None

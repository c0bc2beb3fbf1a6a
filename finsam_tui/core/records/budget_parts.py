"""A budget's versions and lines as the rules, the export and the TUI all read them.

Two things in a budget are more than "one figure per line and version":

* **Two sources of one version.** A version with ``same_as = "rev1"`` is another source of
  ``rev1`` (the same budget printed twice, e.g. ``source = "Bilaga 4"``): a line that gives
  no figure of its own for it has the figure of ``rev1``. :func:`sources` says which versions
  are such sources, :func:`effective` fills their figures in.
* **A line split between categories.** A cost line with
  ``split = [{ category = "individinsatser", share = 0.4 }, { category = "administration",
  share = 0.6 }]`` counts in those categories by its shares, each part in whole kronor
  (the last part takes what rounding leaves, so the parts sum to the line).
  :func:`category_rows` gives every category its rows: its own lines and the parts of split
  lines (from anywhere in the budget) that fall to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

# Shares of a split that differ from 1 by at most this much sum to 1.
SHARE_TOLERANCE = Fraction(1, 1000)


def is_amount(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def versions_by_id(data: dict) -> dict[str, dict]:
    return {v["id"]: v for v in data.get("versions", []) if isinstance(v, dict) and isinstance(v.get("id"), str)}


def source_problem(version: dict, versions: dict[str, dict]) -> str | None:
    """Why version's same_as cannot be used (a Phrase key of the findings), or None when it can."""
    target = version.get("same_as")
    if not isinstance(target, str):
        return None
    main = versions.get(target)
    if main is None or target == version.get("id"):
        return "same_as_unknown"
    if isinstance(main.get("same_as"), str):
        return "same_as_chain"
    if main.get("kind") != version.get("kind"):
        return "same_as_kind"
    return None


def sources(data: dict) -> dict[str, str]:
    """Version id -> the id of the version it is another source of (only usable same_as)."""
    versions = versions_by_id(data)
    return {vid: v["same_as"] for vid, v in versions.items()
            if isinstance(v.get("same_as"), str) and source_problem(v, versions) is None}


def effective(amounts, alt: dict[str, str]) -> dict:
    """The line's figures, a source's missing figure taken from the version it is a source of."""
    out = dict(amounts) if isinstance(amounts, dict) else {}
    for vid, main in alt.items():
        if vid not in out and main in out:
            out[vid] = out[main]
    return out


def source_name(version: dict) -> str:
    """How a source is named: its source, else its label, else its id."""
    return str(version.get("source") or version.get("label") or version.get("id", ""))


def share_of(value) -> Fraction | None:
    """A share as an exact fraction (0.4 is 2/5, not the nearest binary number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)
    except (ValueError, OverflowError):
        return None


def split_of(line: dict) -> list[tuple[str, Fraction]]:
    """The usable (category, share) pairs of a line's split, in their order; [] for an unsplit line."""
    out = []
    split = line.get("split")
    if not isinstance(split, list):
        return out
    for part in split:
        if isinstance(part, dict) and isinstance(part.get("category"), str):
            share = share_of(part.get("share"))
            if share is not None:
                out.append((part["category"], share))
    return out


def whole(shares: list[Fraction]) -> bool:
    return abs(sum(shares, Fraction(0)) - 1) <= SHARE_TOLERANCE


def parts(amount: int, shares: list[Fraction]) -> list[int]:
    """amount divided by shares in whole kronor; when the shares sum to 1 the parts sum to amount."""
    out = [round(amount * s) for s in shares]
    if out and whole(shares):
        out[-1] = amount - sum(out[:-1])
    return out


@dataclass
class Row:
    """One row of a category: a line of its own, or the part of a split line that falls to it."""

    line: dict
    path: tuple  # the line's key path in the budget ("categories", i, "lines", j)
    amounts: dict  # the figures of this row (a part's when share is set)
    share: Fraction | None = None  # set for the part of a split line


def category_rows(data: dict, alt: dict[str, str] | None = None) -> list[list[Row]]:
    """For each category (in order), its rows: its own unsplit lines and every part of a split
    line that falls to it. Figures are effective (sources filled in)."""
    alt = sources(data) if alt is None else alt
    categories = [c if isinstance(c, dict) else {} for c in data.get("categories", [])]
    index = {c.get("id"): i for i, c in enumerate(categories) if isinstance(c.get("id"), str)}
    rows: list[list[Row]] = [[] for _ in categories]
    for i, cat in enumerate(categories):
        for j, line in enumerate(cat.get("lines", [])):
            if not isinstance(line, dict):
                continue
            amounts = effective(line.get("amounts"), alt)
            path = ("categories", i, "lines", j)
            split = split_of(line)
            if not split:
                rows[i].append(Row(line, path, amounts))
                continue
            shares = [s for _, s in split]
            by_version = {v: parts(a, shares) for v, a in amounts.items() if is_amount(a)}
            for k, (category, share) in enumerate(split):
                if category in index:
                    rows[index[category]].append(Row(line, path, {v: p[k] for v, p in by_version.items()}, share))
    for i, own in enumerate(rows):  # a category's own lines first, then parts of other categories' lines
        own.sort(key=lambda r: (r.path[1] != i, r.path))
    return rows

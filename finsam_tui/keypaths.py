"""Values at key paths of parsed records: ``("items", 3, "refs", 0)`` is the first reference
of the fourth § (the paths that findings, references and the editor's fields use)."""

from __future__ import annotations


def value_at(data, path: tuple, default=None):
    """data[path[0]][path[1]]…, or default where the path leads nowhere."""
    cur = data
    for part in path:
        try:
            cur = cur[part]
        except (KeyError, IndexError, TypeError):
            return default
    return cur

"""Values at key paths of parsed records, read, set and removed: ``("items", 3, "refs", 0)``
is the first reference of the fourth § (the paths that findings, references and the editor's
fields use)."""

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


def set_at(data: dict, path: tuple, value) -> None:
    """Set data[path] = value, creating the tables on the way."""
    cur = data
    for part in path[:-1]:
        if isinstance(cur, dict):
            if not isinstance(cur.get(part), (dict, list)):
                cur[part] = {}
            cur = cur[part]
        else:
            cur = cur[part]
    cur[path[-1]] = value


def del_at(data: dict, path: tuple) -> None:
    """Remove data[path] (nothing happens where the path leads nowhere)."""
    parent = value_at(data, path[:-1])
    if isinstance(parent, dict):
        parent.pop(path[-1], None)

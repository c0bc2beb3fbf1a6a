"""Editing records without losing what people wrote: comments, key order, layout.

The editors work on plain Python data (what tomllib gives). ``update_text`` writes such
data back into the original TOML text by changing only what differs, through tomlkit,
so an unchanged record stays byte-identical and comments survive an edit. Saving goes
through ``saving.py`` (atomic, refuses to overwrite a file changed on disk). A byte order
mark at the start of a file is not TOML: ``parse_text`` leaves it out, ``update_text`` keeps it.
"""

from __future__ import annotations

import tomllib
from difflib import SequenceMatcher
from itertools import pairwise

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Array, Comment, InlineTable, Null, String, StringType, Table, Trivia, Whitespace

# -- writing data back into a document ---------------------------------------------------------


class Rows(list):
    """A list of flat tables (short rows of plain values, such as the names a locked protocol
    printed) written as an array of inline tables, one row a line, where a new one is added;
    as data it is a plain list."""


def _rows(rows: Rows):
    """The rows as a TOML array item: one inline table a line, ``{ key = value, … }``."""
    lines = ["    { " + ", ".join(f"{tomlkit.key(k).as_string()} = {tomlkit.item(_value(v)).as_string()}"
                                 for k, v in row.items()) + " },\n" for row in rows]
    return tomlkit.parse("x = [\n" + "".join(lines) + "]\n")["x"]


def _has_rows(value: dict) -> bool:
    return any(isinstance(v, Rows) or (isinstance(v, dict) and _has_rows(v)) for v in value.values())


def _new_rows_table(value: dict) -> Table:
    t = tomlkit.table()
    for k, v in value.items():
        t[k] = _rows(v) if isinstance(v, Rows) else (_new_rows_table(v) if isinstance(v, dict) else _value(v))
    return t


def _plain(item):
    return item.unwrap() if hasattr(item, "unwrap") else item


def _value(value):
    """A value to write into a table: text with line breaks as a \"\"\" string that starts on
    the next line (as people and ``finsam fmt`` write it), anything else as tomlkit makes it."""
    if isinstance(value, str) and "\n" in value:
        inner = tomlkit.string(value, multiline=True).as_string()[3:-3]
        ml = String(StringType.MLB, value, inner if inner.startswith("\n") else "\n" + inner, Trivia())
        try:
            if tomllib.loads("x = " + ml.as_string())["x"] == value:
                return ml
        except tomllib.TOMLDecodeError:
            pass
    return value


def _new_table(value: dict, blank_line: bool = True) -> Table:
    t = tomlkit.table()
    for k, v in value.items():
        if _is_aot(v):  # (reservations, tasks … of a new §): tables made the same way
            aot = tomlkit.aot()
            for entry in v:
                aot.append(_new_table(entry))
            t[k] = aot
        else:
            t[k] = _value(v)
    if blank_line:
        t.trivia.indent = "\n"
    return t


def _body(node) -> list | None:
    if isinstance(node, Table):
        return node.value.body
    if isinstance(node, Container):
        return node.body
    return None


def _last_table(node):
    """The table whose body ends node's text: node itself, or the last table of its last
    array of tables or sub-table (recursively); None for an empty array."""
    while True:
        if isinstance(node, AoT):
            if not node.body:
                return None
            node = node.body[-1]
            continue
        body = _body(node)
        if body and isinstance(body[-1][1], (Table, AoT)):
            node = body[-1][1]
            continue
        return node


def _take_tail(node) -> list:
    """Remove and return the blank lines and comment lines that end node's text: they lead in
    to the header that follows (a comment belongs to what follows it, as in ``finsam fmt``)."""
    last = _last_table(node)
    body = _body(last) if last is not None else None
    tail: list = []
    while body and body[-1][0] is None and isinstance(body[-1][1], (Whitespace, Comment, Null)):
        item = body.pop()[1]
        if not isinstance(item, Null):  # (what tomlkit leaves where a key was removed)
            tail.insert(0, item)
    return tail


def _last_item(body: list):
    """The last item of a body but the Nulls that tomlkit leaves where keys were removed."""
    return next((item for _key, item in reversed(body) if not isinstance(item, Null)), None)


def _give_tail(node, tail: list) -> None:
    """Put tail at the end of node's text, without two blank lines in a row."""
    last = _last_table(node)
    if last is None:
        return
    body = _body(last)
    for item in tail:
        if isinstance(item, Whitespace) and isinstance(_last_item(body), Whitespace):
            continue
        (last.value if isinstance(last, Table) else last).append(None, item)  # as it was: no indent added


def _add_tables(container, key: str, value: list[dict]) -> None:
    """container[key] = an array of tables made from value, at the end of container: what ended
    container (a blank line, the comments before the next header) moves after the new tables."""
    tail = _take_tail(container)
    aot = tomlkit.aot()
    for v in value:
        aot.append(_new_table(v))
    container[key] = aot
    _give_tail(aot, tail)


def _remove(container, key: str) -> None:
    """del container[key]; a table or array of tables at the end of container leaves what ended
    it (the lead-in of the next header, comments and all) to container."""
    item = container[key]
    body = _body(container)
    keyed = [k for k, _ in body or [] if k is not None]
    last = isinstance(item, (Table, AoT)) and bool(keyed) and keyed[-1] == key
    tail = _take_tail(item) if last else []
    del container[key]
    if last:  # the blank line before its header goes with it; what followed it stays
        body = _body(container)
        while body and body[-1][0] is None and isinstance(body[-1][1], (Whitespace, Null)):
            body.pop()
        _give_tail(container, tail)


def _update_table(container, new: dict) -> None:
    for key in [k for k in container.keys() if k not in new]:
        _remove(container, key)
    for key, value in new.items():
        if key not in container:
            if isinstance(value, dict) and _has_rows(value):  # a new table with rows: before what ended container
                tail = _take_tail(container)
                container[key] = _new_rows_table(value)
                _give_tail(container[key], tail)
            elif isinstance(value, Rows):
                container[key] = _rows(value)
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                _add_tables(container, key, value)
            else:
                container[key] = _value(value)
            continue
        current = container[key]
        if _plain(current) == value:
            continue
        if isinstance(value, dict) and isinstance(current, (Table, InlineTable)):
            _update_table(current, value)
        elif isinstance(value, list) and isinstance(current, AoT) and all(isinstance(v, dict) for v in value):
            _update_aot(current, value)
        elif isinstance(value, list) and isinstance(current, Array):
            _update_array(current, value)
        else:
            container[key] = _value(value)


# What the editor renumbers (§ numbers, sub-item letters): an entry of an array of tables whose
# only change is one of these is still the same entry, with its comments and layout.
_RENUMBERED = ("number", "letter")


def _same(entry) -> str:
    """What identifies an entry of an array of tables among its neighbours: its own values but
    its number or letter, and not its arrays of tables (sub-items added or removed are
    changes inside the same entry)."""
    if not isinstance(entry, dict):
        return repr(entry)
    own = [(k, v) for k, v in entry.items() if k not in _RENUMBERED and not _is_aot(v)]
    return repr(sorted(own, key=lambda kv: kv[0]))


def _update_aot(aot: AoT, new: list[dict]) -> None:
    """Make the array of tables hold new. Each entry that stays (found by its values, not its
    number or letter) keeps its table: its comments and layout, and the comments before its
    header travel with it when it moves. Removed entries' tables go, the comments before them
    stay (before what followed); new entries get new tables, a blank line before each."""
    old = [_plain(t) for t in aot]
    if old == new:
        return
    tables = list(aot.body)
    if not new or not tables:  # emptied, or filled from nothing: one by one, as tomlkit does it
        while len(aot):
            del aot[len(aot) - 1]
        for value in new:
            aot.append(_new_table(value))
        return
    match = _match(old, new)
    # the blank lines and comments before each header are the end of the table before it
    # (the first one's are before the array, and stay there: it gets a blank line should it move)
    leads = [[Whitespace("\n")]] + [_take_tail(t) for t in tables[:-1]]
    after = _take_tail(tables[-1])
    kept = set(match) - {None}
    carry: list = []  # the comments before removed tables: before what followed them
    for i in range(len(tables)):
        if i in kept:
            leads[i], carry = carry + leads[i], []
        else:
            carry += leads[i]
    ends = not after  # nothing followed the array (the end of the file): nor will a blank line
    after = carry + after
    while ends and after and isinstance(after[-1], Whitespace):
        after.pop()
    order = []
    for j, i in enumerate(match):
        if i is None:
            order.append((_new_table(new[j], blank_line=False), [Whitespace("\n")]))
            continue
        if old[i] != new[j]:
            _update_table(tables[i], new[j])
        order.append((tables[i], leads[i]))
    while len(aot):
        del aot[len(aot) - 1]
    for table, _lead in order:
        aot.append(table)
    first, lead = order[0]
    if lead and first is not tables[0]:  # nothing before it in the array: its comments go before its header
        first.trivia.indent = "".join(item.as_string() for item in _strip_blank(lead)) + first.trivia.indent
    for (table, _), (_, lead) in pairwise(order):
        _give_tail(table, lead)
    _give_tail(order[-1][0], after)


def _match(old: list, new: list) -> list:
    """For each new entry the index of the old entry it is (None: a new entry): the same values
    in the same order first, then the same values elsewhere (moved), then, among the entries
    changed in one place, by position when one kept a value of the other (edited)."""
    fo, fn = [_same(o) for o in old], [_same(n) for n in new]
    ops = SequenceMatcher(None, fo, fn, autojunk=False).get_opcodes()
    match: list = [None] * len(new)
    for tag, i1, i2, j1, _j2 in ops:
        if tag == "equal":
            for k in range(i2 - i1):
                match[j1 + k] = i1 + k
    free: dict[str, list[int]] = {}
    used = set(match) - {None}
    for i, f in enumerate(fo):
        if i not in used:
            free.setdefault(f, []).append(i)
    for j, f in enumerate(fn):
        if match[j] is None and free.get(f):
            match[j] = free[f].pop(0)
    used = set(match) - {None}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "replace":
            olds = [i for i in range(i1, i2) if i not in used]
            news = [j for j in range(j1, j2) if match[j] is None]
            for i, j in zip(olds, news):
                if _akin(old[i], new[j]):
                    match[j] = i
                    used.add(i)
    return match


def _akin(a, b) -> bool:
    """Has entry b kept any value of a (but its number or letter): a edited, not replaced?"""
    if not (isinstance(a, dict) and isinstance(b, dict)):
        return False
    return any(k not in _RENUMBERED and k in b and b[k] == v for k, v in a.items())


def _strip_blank(items: list) -> list:
    """items without the blank lines at their start."""
    items = list(items)
    while items and isinstance(items[0], Whitespace):
        items.pop(0)
    return items


def _update_array(arr: Array, new: list) -> None:
    old = _plain(arr)
    if len(old) == len(new):
        for i, value in enumerate(new):
            if old[i] != value:
                if isinstance(value, dict) and isinstance(arr[i], InlineTable):
                    _update_table(arr[i], value)
                else:
                    arr[i] = value
        return
    if new[: len(old)] == old:
        for value in new[len(old):]:
            arr.append(value)
        return
    if old[: len(new)] == new:
        while len(arr) > len(new):
            arr.pop()
        return
    for i in [i for i, v in enumerate(old) if v not in new][::-1]:  # removals keep the others' comments
        del arr[i]
    old = _plain(arr)
    if old == new:
        return
    while len(arr):
        arr.pop()
    for value in new:
        arr.append(value)


BOM = "\ufeff"


def parse_text(text: str) -> dict:
    """A record's TOML text parsed (a byte order mark at its start, as some editors write, is
    not part of the TOML)."""
    return tomllib.loads(text.removeprefix(BOM))


def update_text(text: str, new: dict) -> str:
    """The TOML text changed as little as possible so that it parses to ``new`` (a byte order
    mark at its start stays)."""
    bom = BOM if text.startswith(BOM) else ""
    doc = tomlkit.parse(text.removeprefix(BOM))
    if doc.unwrap() != new:
        _update_table(doc, new)
    return bom + doc.as_string()


def new_text(data: dict, header: str | None = None) -> str:
    """TOML text for a new record: scalars first, then tables, then arrays of tables."""
    doc = tomlkit.document()
    if header:
        for line in header.splitlines():
            doc.add(tomlkit.comment(line))
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict) and not _is_aot(v)}
    for k, v in scalars.items():
        doc[k] = _value(v)
    for k, v in data.items():
        if isinstance(v, dict):
            doc[k] = _new_table(v)
    for k, v in data.items():
        if _is_aot(v):
            aot = tomlkit.aot()
            for item in v:
                aot.append(_new_table(item))
            doc[k] = aot
    return doc.as_string()


def _is_aot(v) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)

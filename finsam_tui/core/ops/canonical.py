"""Canonical formatting of record files (``finsam fmt``).

The canonical form of a record, written out from the tomlkit document so that every
comment is kept:

* keys in the order of the record definition (``schema.py``), plain ``key = value``
  lines before the ``[tables]`` and ``[[arrays of tables]]`` of the same table, as TOML
  requires; keys the definition does not know keep their order, after the known ones;
* a comment moves with what follows it (a key, a table, a § ``[[items]]``), and a
  comment at the end of a line stays at the end of that line; the comments at the top
  of a file (its header) stay at the top;
* one blank line before every table header, none between keys except where a comment
  block was set off by one, no indentation, ``key = value`` with one space either side;
* strings as basic strings ``"…"``, text with line breaks as ``\"\"\"`` strings that start
  on the next line (``toml_strings.py``); numbers, dates and booleans exactly as written;
* arrays as written on one line ``[a, b]`` or one item a line with a trailing comma
  (fmt keeps the author's choice between the two); inline tables ``{ a = 1, b = 2 }``;
* LF line ends, no byte order mark, exactly one newline at the end.

Whether a value is written inline (``x = { … }``, ``x = [{ … }]``) or as a table
(``[x]``, ``[[x]]``) is kept as written, as are keys' quotes. The data never changes:
:func:`format_text` parses its own output and refuses (:class:`FormatError`) if the data
would differ. A file with a syntax error is refused with its line and column.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field

import tomlkit
from tomlkit import items as ti
from tomlkit.exceptions import ParseError

from finsam_tui.core.io.load import MAX_DEPTH, too_deep_at
from finsam_tui.core.io.positions import LineIndex
from finsam_tui.core.ops.toml_strings import toml_string
from finsam_tui.core.records.schema import KINDS, Field

INDENT = "    "
# an inline guest in attendance.others: { name = "…", role = "…" }
GUEST_FIELDS = (Field("name", "str"), Field("role", "str"))


class FormatError(Exception):
    """A file fmt does not touch: a syntax error (with line and column) or a layout it cannot keep."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def format_text(text: str, kind: str | None = None) -> str:
    """The canonical text of a record of the given kind (None: layout only, keys in their order).

    Raises FormatError for a syntax error, a layout fmt cannot keep (dotted keys) or, as a
    safety net, a result whose data would differ from the original's.
    """
    body = text.removeprefix("\ufeff")
    deep = too_deep_at(body)
    if deep is not None:  # before parsing: the parsers recurse once per level
        line, col = LineIndex(body).line_col(deep)
        raise FormatError(f"nested deeper than {MAX_DEPTH} levels", line, col)
    try:
        before = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        line, col = _position(exc)
        raise FormatError(_reason(exc), line, col) from None
    try:
        doc = tomlkit.parse(body)
    except ParseError as exc:  # pragma: no cover - tomllib accepted it
        raise FormatError(str(exc), getattr(exc, "line", None), getattr(exc, "col", None)) from None
    out = _Writer().document(doc, KINDS.get(kind) if kind else None)
    try:
        after = tomllib.loads(out)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - a bug in this module
        raise FormatError(f"internal error: the formatted text does not parse ({exc}); file left as it is") from None
    if not same_data(before, after):  # pragma: no cover - a bug in this module
        raise FormatError("internal error: formatting would change the data; file left as it is")
    return out


def same_data(a, b) -> bool:
    """Equal TOML data, types included (1 is not 1.0 nor true), NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return set(a) == set(b) and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def _position(exc: tomllib.TOMLDecodeError) -> tuple[int | None, int | None]:
    import re

    m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def _reason(exc: tomllib.TOMLDecodeError) -> str:
    import re

    return re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc)).strip()


# ---------------------------------------------------------------------------------------
# the document as a tree in file order, each entry with the comment lines before it
# ---------------------------------------------------------------------------------------
@dataclass
class _KV:
    key: object  # tomlkit Key
    item: object
    lead: list[str]
    pos: int


@dataclass
class _Node:
    kvs: list[_KV] = field(default_factory=list)
    subs: list[_Sub] = field(default_factory=list)


@dataclass
class _Elem:
    lead: list[str]
    node: _Node
    trivia: object


@dataclass
class _Sub:
    key: object
    item: object  # tomlkit Table or AoT
    lead: list[str]
    pos: int
    node: _Node | None = None  # a table's content
    elems: list[_Elem] | None = None  # an array of tables' elements
    super: bool = False


def _name(key) -> str:
    return key.key


def _key_text(key) -> str:
    if key.is_dotted():
        raise FormatError(f"dotted keys ({key.as_string().strip()} = …) are not supported by finsam fmt; "
                          "write the table out as [table] or { … }")
    return key.as_string().strip()


def _gap(item, pending: list[str]) -> None:
    if isinstance(item, ti.Comment):
        pending.append(item.trivia.comment.strip())
    elif isinstance(item, ti.Whitespace) and "\n" in item.s:
        pending.append("")


class _Writer:
    # -- reading -------------------------------------------------------------------------
    def tree(self, body, carry: list[str]) -> tuple[_Node, list[str]]:
        node = _Node()
        pending = list(carry)
        for pos, (key, item) in enumerate(body):
            if key is None:
                _gap(item, pending)
                continue
            _key_text(key)  # refuses dotted keys
            if isinstance(item, ti.AoT):
                elems = []
                for t in item.body:
                    sub, trail = self.tree(t.value.body, [])
                    elems.append(_Elem(pending, sub, t.trivia))
                    pending = trail
                node.subs.append(_Sub(key, item, [], pos, elems=elems))
            elif isinstance(item, ti.Table):
                is_super = item.is_super_table() and not item.trivia.comment
                if is_super:  # no header line: what came before it goes to its first child
                    sub, trail = self.tree(item.value.body, pending)
                    node.subs.append(_Sub(key, item, [], pos, node=sub, super=True))
                else:
                    sub, trail = self.tree(item.value.body, [])
                    node.subs.append(_Sub(key, item, pending, pos, node=sub))
                pending = trail
            else:
                node.kvs.append(_KV(key, item, pending, pos))
                pending = []
        return node, pending

    # -- writing -------------------------------------------------------------------------
    def document(self, doc, fields) -> str:
        body = list(doc.body)
        header: list[str] = []
        start = 0
        while start < len(body) and body[start][0] is None:
            _gap(body[start][1], header)
            start += 1
        # The comments at the top are the file's header; a last block set off from it by a
        # blank line belongs to what follows it.
        carry: list[str] = []
        if "" in header and any(header[len(header) - header[::-1].index(""):]):
            cut = len(header) - header[::-1].index("")
            header, carry = header[:cut], header[cut:]
        node, trailing = self.tree(body[start:], carry)
        self.out: list[str] = []
        head = _collapse(header)
        while head and head[0] == "":
            head.pop(0)
        if any(head):
            self.out.extend(head)
        self.node(node, fields, (), first=True)
        tail = _collapse(trailing)
        while tail and tail[-1] == "":
            tail.pop()
        if any(tail):
            self.out.extend(tail)
        while self.out and self.out[-1] == "":
            self.out.pop()
        return "\n".join(self.out) + "\n" if self.out else ""

    def node(self, node: _Node, fields, path: tuple, first: bool) -> None:
        for kv in _ordered(node.kvs, fields):
            f = _field(fields, _name(kv.key))
            lead = _collapse(kv.lead)
            if not any(lead):
                lead = []
            if first or not self.out or self.out[-1] == "":
                while lead and lead[0] == "":
                    lead.pop(0)
            self.out.extend(lead)
            line = f"{_key_text(kv.key)} = {self.value(kv.item, f, '')}"
            self.out.append(line + _comment(kv.item.trivia))
            first = False
        for sub in _ordered(node.subs, fields):
            f = _field(fields, _name(sub.key))
            sub_path = path + (_key_text(sub.key),)
            if sub.elems is not None:
                child = f.fields if f is not None and f.type == "tables" else None
                for elem in sub.elems:
                    self.header(elem.lead, f"[[{'.'.join(sub_path)}]]", elem.trivia)
                    self.node(elem.node, child, sub_path, first=True)
            else:
                child = f.fields if f is not None and f.type == "table" else None
                if sub.super:
                    self.node(sub.node, child, sub_path, first=False)
                else:
                    self.header(sub.lead, f"[{'.'.join(sub_path)}]", sub.item.trivia)
                    self.node(sub.node, child, sub_path, first=True)

    def header(self, lead: list[str], text: str, trivia) -> None:
        lead = _collapse(lead)
        while lead and lead[0] == "":
            lead.pop(0)
        if not any(lead):
            lead = []
        if self.out and self.out[-1] != "":
            self.out.append("")
        self.out.extend(lead)
        self.out.append(text + _comment(trivia))

    # -- values --------------------------------------------------------------------------
    def value(self, item, f: Field | None, indent: str, inline: bool = False) -> str:
        if isinstance(item, ti.String):
            return toml_string(item, inline)
        if isinstance(item, ti.Array):
            return self.array(item, f, indent, inline)
        if isinstance(item, ti.InlineTable):
            return self.inline_table(item, f, indent)
        return item.as_string().replace("\r\n", "\n")

    def array(self, item, f: Field | None, indent: str, inline: bool) -> str:
        item_field = None
        if f is not None and f.type == "list":
            item_field = f.item
        elif f is not None and f.type == "tables":
            item_field = Field("", "table", fields=f.fields)
        parts = _array_parts(item)
        if parts is None:  # an array layout tomlkit gives differently than expected: kept as written
            return item.as_string().replace("\r\n", "\n")
        elems, end = parts
        has_comments = bool(end) or any(lead or trail for lead, _v, trail in elems)
        if inline and has_comments:
            return item.as_string().replace("\r\n", "\n")
        if not elems and not end:
            return "[]"
        one_line = "[" + ", ".join(self.value(v, item_field, indent, inline) for _l, v, _t in elems) + "]"
        if inline or not (has_comments or "\n" in item.as_string() or "\n" in one_line):
            return one_line
        inner = indent + INDENT
        lines = ["["]
        for lead, v, trail in elems:
            lines.extend(inner + c for c in lead)
            lines.append(inner + self.value(v, item_field, inner) + "," + (f"  {trail}" if trail else ""))
        lines.extend(inner + c for c in end)
        lines.append(indent + "]")
        return "\n".join(lines)

    def inline_table(self, item, f: Field | None, indent: str) -> str:
        fields = None
        if f is not None and f.type == "table":
            fields = f.fields
        elif f is not None and f.type == "person_or_guest":
            fields = GUEST_FIELDS
        kvs = []
        for pos, (key, value) in enumerate(item.value.body):
            if key is not None:
                _key_text(key)
                kvs.append(_KV(key, value, [], pos))
        if not kvs:
            return "{}"
        return "{ " + ", ".join(
            f"{_key_text(kv.key)} = {self.value(kv.item, _field(fields, _name(kv.key)), indent, inline=True)}"
            for kv in _ordered(kvs, fields)) + " }"


def _field(fields, name: str) -> Field | None:
    for f in fields or ():
        if f.name == name:
            return f
    return None


def _ordered(entries: list, fields) -> list:
    """Known keys in the definition's order, then the unknown ones in their own order."""
    rank = {f.name: i for i, f in enumerate(fields or ())}
    return sorted(entries, key=lambda e: (0, rank[_name(e.key)], e.pos) if _name(e.key) in rank else (1, 0, e.pos))


def _collapse(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return out


def _comment(trivia) -> str:
    if not trivia.comment:
        return ""
    return (trivia.comment_ws.replace("\t", " ") or " ") + trivia.comment.strip()


def _array_parts(arr):
    """([(comments before, value, comment after), …], comments before the closing ]) or None."""
    groups = getattr(arr, "_value", None)
    if groups is None:
        return None
    elems = []
    lead: list[str] = []
    for g in groups:
        v = getattr(g, "value", None)
        c = getattr(g, "comment", None)
        if v is not None and not isinstance(v, (ti.Null, ti.Whitespace, ti.Comment)):
            elems.append((lead, v, c.trivia.comment.strip() if c is not None else None))
            lead = []
        elif c is not None:
            lead.append(c.trivia.comment.strip())
    if len(elems) != len(arr):
        return None
    return elems, lead

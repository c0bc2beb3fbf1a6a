"""TOML strings as canonical formatting (``canonical.py``) and new files write them.

A basic string ``"…"`` escapes quotes, backslashes and control characters; text with line
breaks becomes a ``\"\"\"`` string that starts on the next line, never with three quotes in
a row; a long line folded with line-ending backslashes is kept as folded.
"""

from __future__ import annotations

_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _control(ch: str) -> bool:
    return ord(ch) < 0x20 or ord(ch) == 0x7F


def _basic(value: str) -> str:
    out = []
    for ch in value:
        if ch in _SHORT:
            out.append(_SHORT[ch])
        elif _control(ch):
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def basic_string(value: str) -> str:
    """A TOML basic string ("…") for value, escaped as needed."""
    return _basic(value)


def _multiline(value: str) -> str:
    out = []
    quotes = 0
    for i, ch in enumerate(value):
        if ch == '"':
            if quotes == 2 or i == len(value) - 1:  # never three in a row, never one before the closing """
                out.append('\\"')
                quotes = 0
            else:
                out.append('"')
                quotes += 1
            continue
        quotes = 0
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\r":
            out.append("\\r")
        elif ch not in "\n\t" and _control(ch):
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"""\n' + "".join(out) + '"""'


def toml_string(item, inline: bool) -> str:
    """The canonical text of a tomlkit string item: basic, or multi-line when it holds a line
    break (always basic inside an inline table or array written on one line)."""
    value = str(item)
    if inline:
        return _basic(value)
    if "\n" in value:
        return _multiline(value)
    raw = item.as_string()
    if "\n" in raw:  # a long line folded with line-ending backslashes: kept as folded
        return raw.replace("\r\n", "\n")
    return _basic(value)

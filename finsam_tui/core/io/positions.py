"""Source positions for key paths in a TOML text.

tomllib is fast but keeps no positions. Findings need a line, so for the (few) files
that have findings we scan the text once and map every key path to the offset where
it is written: ``("items", 3, "decision", 1)`` -> the second clause of the fourth
``[[items]]``. Only files that tomllib already accepted are scanned, so the scanner
can assume valid TOML; on anything unexpected it stops and keeps what it found.
"""

from __future__ import annotations

import bisect
import json
import re

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_WS = " \t"


class _Stop(Exception):
    pass


class LineIndex:
    """Offsets to 1-based line/column, and the text of a line."""

    def __init__(self, text: str):
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def line_text(self, line: int, limit: int | None = None) -> str:
        """The text of a line; with ``limit``, at most that many characters of it (+1, so that
        a caller can tell a cut line), without scanning the rest of a very long line."""
        if line < 1 or line > len(self._line_starts):
            return ""
        start = self._line_starts[line - 1]
        if limit is not None:
            end = self.text.find("\n", start, start + limit + 1)
            if end < 0:
                return self.text[start:start + limit + 1].rstrip("\r")
            return self.text[start:end].rstrip("\r")
        end = self.text.find("\n", start)
        return (self.text[start:] if end < 0 else self.text[start:end]).rstrip("\r")


class Locator(LineIndex):
    def __init__(self, text: str):
        super().__init__(text)
        self.n = len(text)
        self.positions: dict[tuple, int] = {}
        self.value_positions: dict[tuple, int] = {}
        self._aot: dict[tuple, int] = {}
        try:
            self._scan()
        except (_Stop, IndexError, ValueError, RecursionError):  # RecursionError: text nested too deep
            pass

    # -- public -------------------------------------------------------------

    def find(self, path: tuple, value: bool = False) -> tuple[int, int] | None:
        """Line and column (1-based) of the key path, or of its nearest written parent.

        With value=True, point at the value written after ``key =`` where there is one."""
        path = tuple(path)
        if value and path in self.value_positions:
            return self.line_col(self.value_positions[path])
        while path:
            off = self.positions.get(path)
            if off is not None:
                return self.line_col(off)
            path = path[:-1]
        return None

    # -- scanner ------------------------------------------------------------
    def _skip_ws(self, i: int, newlines: bool) -> int:
        t = self.text
        while i < self.n:
            c = t[i]
            if c in _WS or (newlines and c in "\r\n"):
                i += 1
            elif c == "#":
                j = t.find("\n", i)
                i = self.n if j < 0 else j
            else:
                break
        return i

    def _key(self, i: int) -> tuple[list[str], int]:
        t = self.text
        parts: list[str] = []
        while True:
            i = self._skip_ws(i, False)
            c = t[i]
            if c == '"':
                j = i + 1
                buf = []
                while t[j] != '"':
                    if t[j] == "\\":
                        buf.append(t[j:j + 2])
                        j += 2
                    else:
                        buf.append(t[j])
                        j += 1
                raw = "".join(buf)
                try:
                    parts.append(json.loads('"' + raw + '"'))
                except ValueError:
                    parts.append(raw)
                i = j + 1
            elif c == "'":
                j = t.index("'", i + 1)
                parts.append(t[i + 1:j])
                i = j + 1
            else:
                m = _BARE.match(t, i)
                if not m:
                    raise _Stop
                parts.append(m.group())
                i = m.end()
            i = self._skip_ws(i, False)
            if i < self.n and t[i] == ".":
                i += 1
                continue
            return parts, i

    def _concrete(self, base: tuple, parts: list[str]) -> tuple:
        cur = base
        for p in parts:
            cur = cur + (p,)
            if cur in self._aot:
                cur = cur + (self._aot[cur] - 1,)
        return cur

    def _scan(self) -> None:
        t = self.text
        i = 0
        current: tuple = ()
        while True:
            i = self._skip_ws(i, True)
            if i >= self.n:
                return
            if t.startswith("[[", i):
                parts, j = self._key(i + 2)
                parent = self._concrete((), parts[:-1])
                arr = parent + (parts[-1],)
                idx = self._aot.get(arr, 0)
                self._aot[arr] = idx + 1
                self.positions.setdefault(arr, i)
                current = arr + (idx,)
                self.positions[current] = i
                i = t.index("]]", j) + 2
            elif t[i] == "[":
                parts, j = self._key(i + 1)
                current = self._concrete((), parts)
                self.positions.setdefault(current, i)
                i = t.index("]", j) + 1
            else:
                parts, j = self._key(i)
                if t[j] != "=":
                    raise _Stop
                path = current + tuple(parts)
                self.positions.setdefault(path, i)
                i = self._skip_ws(j + 1, False)
                self.value_positions.setdefault(path, i)
                i = self._value(i, path)

    def _value(self, i: int, path: tuple) -> int:
        t = self.text
        if t.startswith('"""', i):
            j = i + 3
            while True:
                k = t.index('"""', j)
                # count preceding backslashes
                b = 0
                while t[k - 1 - b] == "\\":
                    b += 1
                if b % 2 == 0:
                    j = k + 3
                    while j < self.n and t[j] == '"':
                        j += 1
                    return j
                j = k + 1
        if t.startswith("'''", i):
            j = t.index("'''", i + 3) + 3
            while j < self.n and t[j] == "'":
                j += 1
            return j
        c = t[i]
        if c == '"':
            j = i + 1
            while t[j] != '"':
                j += 2 if t[j] == "\\" else 1
            return j + 1
        if c == "'":
            return t.index("'", i + 1) + 1
        if c == "[":
            i += 1
            idx = 0
            while True:
                i = self._skip_ws(i, True)
                if t[i] == "]":
                    return i + 1
                self.positions.setdefault(path + (idx,), i)
                i = self._value(i, path + (idx,))
                i = self._skip_ws(i, True)
                if t[i] == ",":
                    idx += 1
                    i += 1
        if c == "{":
            i += 1
            while True:
                i = self._skip_ws(i, False)
                if t[i] == "}":
                    return i + 1
                parts, j = self._key(i)
                sub = path + tuple(parts)
                self.positions.setdefault(sub, i)
                i = self._skip_ws(j + 1, False)
                self.value_positions.setdefault(sub, i)
                i = self._value(i, sub)
                i = self._skip_ws(i, False)
                if t[i] == ",":
                    i += 1
        j = i
        while j < self.n and t[j] not in ",]}\n#\r":
            j += 1
        return j

"""Read and parse one record file of a records folder (``load_file``), never raising.

One broken file never stops the others: every problem becomes a finding and the
file is left out of the archive (or kept with what could be used). A file that cannot
be read as text (not UTF-8, over the size limit) is still scanned for identity numbers
in its raw bytes (``numbers_in_bytes``).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.personnummer_raw import CHUNK_BYTES, first_in_chunks
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.io.positions import LineIndex, Locator
from finsam_tui.core.io.scan import LINK_REASONS, link_problem
from finsam_tui.core.records.layout import FORBUND_FILE, classify

MAX_BYTES = 2 * 1024 * 1024
MAX_LABEL = "2 MiB"
# Tables and arrays nest at most this deep (a record needs fewer than 10 levels).
MAX_DEPTH = 64
_NEST_TOKEN = re.compile(r'"""|\'\'\'|["\'#\[\]{}]')
_BASIC_END = re.compile(r'(?:[^"\\\n]|\\.)*"?')
_LITERAL_END = re.compile(r"['\n]")
_ML_BASIC_END = re.compile(r'(?<!\\)(?:\\\\)*"""')

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass
class Record:
    kind: str
    id: str
    rel: str  # path relative to the records folder, "/"-separated
    path: Path
    _text: str | None = field(repr=False)  # None: read from disk when first needed (cached records)
    data: dict
    _locator: Locator | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            raw = self.path.read_bytes().decode("utf-8", "replace")
            self._text = raw[1:] if raw.startswith("\ufeff") else raw
        return self._text

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = Locator(self.text)
        return self._locator


def read_limited(path: Path) -> bytes | None:
    """The bytes of a regular file, or None when it holds more than MAX_BYTES.

    Never blocks on a named pipe or device (opened non-blocking, then refused as not a
    regular file) and never reads more than MAX_BYTES + 1 bytes, even if the file grows
    after it was listed. Raises OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        data = f.read(MAX_BYTES + 1)
    return None if len(data) > MAX_BYTES else data


def _chunks(path: Path):
    """The bytes of a regular file in chunks of CHUNK_BYTES, never more in memory; stops
    quietly at a read error (what was read is scanned)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return
    with os.fdopen(fd, "rb") as f:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return
            while chunk := f.read(CHUNK_BYTES):
                yield chunk
        except OSError:
            return


def numbers_in_bytes(path: Path, raw: bytes | None = None):
    """The identity numbers in a file that cannot be read as text (not UTF-8, or over the
    size limit), found in its raw bytes (``raw`` when read already, else streamed from the
    file, one chunk in memory at a time): ``personnummer_raw.first_in_chunks``'s (listed, total).
    The FS100 finding carries them as its ``numbers`` parameter, which ``stages.check_path``
    takes out and turns into FS701 findings."""
    return first_in_chunks([raw] if raw is not None else _chunks(path))


def read_text(path: Path) -> str | None:
    """The text of a file that is not a record, if it is small UTF-8; else None."""
    try:
        data = read_limited(path)
        return None if data is None else data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def too_deep_at(text: str) -> int | None:
    """The offset where text nests deeper than MAX_DEPTH (checked before any parser sees it:
    tomllib and tomlkit recurse once per level), or None."""
    return _nesting_offset(text, MAX_DEPTH)


def read_settings(root: Path | str) -> dict:
    """forbund.toml read on its own, before validation (a command's language, the förbund's
    name, its organs): the one reader every command uses, safe for any file. Anything that is
    not a small, UTF-8, not too deeply nested TOML table (a FIFO, 5,000 nested brackets,
    Latin-1) gives {}; validation then reports what is wrong with it, at its line."""
    text = read_text(Path(root) / FORBUND_FILE)
    if text is None or _nesting_offset(text, MAX_DEPTH) is not None:
        return {}
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return {}
    return data if isinstance(data, dict) and not _data_too_deep(data, MAX_DEPTH) else {}


def _nesting_offset(text: str, limit: int) -> int | None:
    """Where arrays and inline tables first nest deeper than ``limit`` (outside strings and
    comments), or None. Checked before parsing: tomllib recurses once per level and would
    hit Python's recursion limit on a file nested a few hundred levels deep."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    pos = 0
    n = len(text)
    while True:
        m = _NEST_TOKEN.search(text, pos)
        if m is None:
            return None
        tok, pos = m.group(), m.end()
        if tok in ("[", "{"):
            depth += 1
            if depth > limit:
                return m.start()
        elif tok in ("]", "}"):
            depth = max(0, depth - 1)
        elif tok == "#":
            end = text.find("\n", pos)
            pos = n if end < 0 else end
        elif tok == "'":
            end = _LITERAL_END.search(text, pos)
            pos = n if end is None else end.end()
        elif tok == '"':
            end = _BASIC_END.match(text, pos)
            pos = end.end()
        elif tok == "'''":
            end = text.find("'''", pos)
            pos = n if end < 0 else end + 3
        else:  # """
            end = _ML_BASIC_END.search(text, pos)
            pos = n if end is None else end.end()


def _data_too_deep(data: dict, limit: int) -> bool:
    """True if the parsed tables and arrays nest deeper than ``limit`` (dotted keys and
    table headers such as [a.b.c.…] nest without brackets)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        children = value.values() if isinstance(value, dict) else value
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return False


def _too_deep(rel: str, body: str, offset: int | None) -> Finding:
    """FS101 for a file nested deeper than MAX_DEPTH, at ``offset`` or at the first key path
    that is too deep."""
    index = LineIndex(body)
    if offset is None:
        loc = Locator(body)
        deep = [off for path, off in loc.positions.items() if len(path) >= MAX_DEPTH]
        offset = min(deep) if deep else 0
    line, col = index.line_col(offset)
    return Finding("FS101", rel, line=line, column=col, params={
        "reason": Phrase("too_deep", depth=MAX_DEPTH),
        "text": body})


def read_record(path: Path, rel: str, kind: str, rid: str) -> tuple[Record | None, Finding | None]:
    try:
        raw = read_limited(path)
        if raw is None:
            size = max(path.stat().st_size, MAX_BYTES + 1)
            return None, Finding("FS100", rel,
                                 params={"reason": Phrase("too_big", size=size, limit=MAX_LABEL),
                                         "limit": MAX_LABEL, "numbers": numbers_in_bytes(path)})
    except OSError as exc:
        return None, Finding("FS100", rel, params={"reason": exc.strerror or str(exc), "limit": MAX_LABEL})
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Finding("FS100", rel, line=line, column=col,
                             params={"reason": Phrase("bad_utf8", byte=raw[exc.start]), "limit": MAX_LABEL,
                                     "numbers": numbers_in_bytes(path, raw)})
    body = text[1:] if text.startswith("\ufeff") else text
    offset = _nesting_offset(body, MAX_DEPTH)
    if offset is not None:
        return None, _too_deep(rel, body, offset)
    try:
        data = tomllib.loads(body)
    except RecursionError:  # not expected after the nesting check; never let it escape
        return None, _too_deep(rel, body, 0)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        if m:
            line, col = int(m.group(1)), int(m.group(2))
        else:
            line = body.count("\n") + 1
            col = 1
        reason = _TOML_POS.sub("", msg).strip()
        return None, Finding("FS101", rel, line=line, column=col, params={"reason": reason, "text": body})
    if _data_too_deep(data, MAX_DEPTH):
        return None, _too_deep(rel, body, None)
    return Record(kind, rid, rel, path, body, data), None


def load_file(root_real: str, path: Path, rel: str) -> tuple[Record | None, Finding | None, str | None]:
    """One file: (record, problem, text of a file that is not loaded as a record)."""
    path = Path(path)
    link = link_problem(root_real, path, rel)
    if link is not None:  # a link out of the folder, a loop, a link in a linked folder: never read
        return None, Finding("FS110", rel, params={"reason": LINK_REASONS[link]}), None
    kind, rid, problem = classify(tuple(rel.split("/")))
    if problem:
        text = read_text(path)  # still scanned for identity numbers
        if text is None:  # not UTF-8 or too big: scanned in its bytes
            problem.params["numbers"] = numbers_in_bytes(path)
        return None, problem, text
    rec, problem = read_record(path, rel, kind, rid)
    text = problem.params.pop("text") if problem is not None and problem.code == "FS101" else None
    return rec, problem, text

"""Find identity numbers in the raw bytes of a file that cannot be read as text.

A record file that is not UTF-8 (Windows-1252, UTF-16, a stray byte) or is over the size
limit is not loaded (FS100), but the numbers in it must still be reported (FS701).
:func:`find_in_chunks` reads its bytes a chunk at a time (:func:`_decoded`: UTF-16 by its
byte order mark, else each line as UTF-8 if it is that and as Windows-1252 if not) and runs
``personnummer.find_identity_numbers`` over the text with some overlap, giving each number
with its line and column; memory stays bounded whatever the size of the file or of its
lines. :func:`first_in_chunks` keeps the first ``LISTED_MAX`` and counts the rest.
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from finsam_tui.core.check.personnummer import IdentityNumberMatch, find_identity_numbers

__all__ = ["CHUNK_BYTES", "LISTED_MAX", "LocatedMatch", "find_in_chunks", "first_in_chunks"]

# A file that cannot be read as text is scanned in chunks of this many bytes, each with this
# many characters of the text before it: more than the longest candidate and the hex digest
# or UUID around it, so that a number across a chunk boundary is found once, with its context.
CHUNK_BYTES = 1 << 20
_OVERLAP = 256
# At most this many characters of the line around a number are kept for the report's excerpt.
LINE_TEXT_MAX = 400
# At most this many numbers of one such file are listed one by one (the rest are counted), so
# that a file of gigabytes full of numbers costs bounded memory.
LISTED_MAX = 100


@dataclass(frozen=True)
class LocatedMatch:
    """A number found in raw bytes: where (line and column, 1-based, in characters of the
    decoded text) and the start of its line, as far as it was in memory (None: the line
    began more than a chunk before the number)."""

    match: IdentityNumberMatch  # start and end are offsets in the whole decoded text
    line: int
    column: int
    line_text: str | None


def _decoded(chunks: Iterable[bytes]) -> Iterator[str]:
    """The text of a file's bytes, piece by piece. UTF-16 when they start with its byte order
    mark (Windows' "Unicode"); else line by line, each line as UTF-8 if it is that and else as
    Windows-1252 (Latin-1 as Windows writes it: one byte, one character, so the columns are
    those an editor shows). A UTF-8 byte order mark is left out, as the loader does."""
    it = (chunk for chunk in chunks if chunk)
    first = next(it, b"")
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
        yield decoder.decode(first)
        for chunk in it:
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)
        return
    if first.startswith(codecs.BOM_UTF8):
        first = first[len(codecs.BOM_UTF8):]
    pending = b""  # the start of a line whose end has not come yet
    for chunk in itertools.chain((first,), it):
        data = pending + chunk
        cut = data.rfind(b"\n") + 1
        if not cut:
            if len(data) <= CHUNK_BYTES:
                pending = data
                continue
            cut = len(data)  # a line longer than a chunk: its first part now
        pending = data[cut:]
        yield _decode_lines(data[:cut])
    if pending:
        yield _decode_lines(pending)


# Every byte but the continuation bytes of UTF-8 (0x80-0xBF): a block without any of those
# holds no character of UTF-8 beyond ASCII, and a block that is not UTF-8 is then read as
# Windows-1252 at once; else line by line.
_NOT_CONTINUATION = bytes(b for b in range(256) if not 0x80 <= b <= 0xBF)


def _decode_lines(block: bytes) -> str:
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError:
        if not block.translate(None, _NOT_CONTINUATION):
            return block.decode("cp1252", "replace")
        return "\n".join(_decode_line(line) for line in block.split(b"\n"))


def _decode_line(line: bytes) -> str:
    if line.isascii():
        return line.decode("ascii")
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", "replace")


def find_in_chunks(chunks: Iterable[bytes], today: date | None = None) -> Iterator[LocatedMatch]:
    """The identity numbers in the bytes of a file given in chunks, in order, with their line
    and column (in characters of the text as :func:`_decoded` reads it). Memory stays bounded
    by about two chunks whatever the length of the file or of its lines."""
    buf = ""  # the decoded text in memory: up to 2 * _OVERLAP characters kept, then a piece
    base = 0  # offset in the whole text of buf[0]
    done = 0  # numbers starting before this offset were reported (or were none)
    lines_before = 0  # newlines in the text before buf
    line_start = 0  # offset in the whole text of the start of the line buf[0] is in
    for piece in _ending(_decoded(chunks)):
        final = piece is None
        buf += piece or ""
        if not final and len(buf) < 3 * _OVERLAP:
            continue
        # Numbers starting at end or later wait for the next piece, to be seen with what follows.
        end = len(buf) if final else len(buf) - _OVERLAP
        pos, nl_count, last_nl = 0, 0, -1  # newlines in buf[:pos], the last of them
        for m in find_identity_numbers(buf, today):
            if base + m.start < done or m.start >= end or (not final and m.end >= len(buf)):
                continue  # seen before; for later; or longer than any number, cut by the piece
            while True:
                i = buf.find("\n", pos, m.start)
                if i < 0:
                    break
                nl_count, last_nl, pos = nl_count + 1, i, i + 1
            pos = m.start
            if last_nl >= 0:
                column = m.start - last_nl
                first = last_nl + 1
            else:
                column = base + m.start - line_start + 1
                first = 0 if line_start == base else None  # the line began before buf
            line_text = None
            if first is not None:
                stop = buf.find("\n", m.end)
                line_text = buf[first:stop if stop >= 0 else len(buf)][:LINE_TEXT_MAX].rstrip("\r")
            yield LocatedMatch(IdentityNumberMatch(base + m.start, base + m.end, m.text, m.kind),
                               lines_before + nl_count + 1, column, line_text)
        if final:
            return
        keep = end - _OVERLAP  # buf[keep:end] is the context before the numbers that wait
        cut = buf.count("\n", 0, keep)
        if cut:
            lines_before += cut
            line_start = base + buf.rfind("\n", 0, keep) + 1
        done = base + end
        base += keep
        buf = buf[keep:]


def first_in_chunks(chunks: Iterable[bytes], limit: int = LISTED_MAX,
                    today: date | None = None) -> tuple[list[LocatedMatch], int]:
    """The first ``limit`` numbers of :func:`find_in_chunks` and how many there are in all."""
    listed: list[LocatedMatch] = []
    total = 0
    for located in find_in_chunks(chunks, today):
        total += 1
        if len(listed) < limit:
            listed.append(located)
    return listed, total


def _ending(pieces: Iterable[str]) -> Iterator[str | None]:
    """The non-empty pieces, then None."""
    for piece in pieces:
        if piece:
            yield piece
    yield None

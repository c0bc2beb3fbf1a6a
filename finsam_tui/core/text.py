"""Text as finsam writes it: Swedish amounts and shares, ISO dates, terminal-safe record text.

Amounts and shares: ``kr(10996000)`` is ``10 996 000 kr`` (no-break spaces; ``kr(…, plain=True)``
``10 996 000`` for a terminal column), ``share(1, 4)`` is ``25,0 %``, ``iso(date)`` is
``2023-04-14`` (and '' for None).

Control characters made visible:

A title, name or clause in a record may hold control characters: ``\\x1b[2J`` (clear the
screen), ``\\x1b]52;c;…`` (OSC 52, write the clipboard), ``\\r`` (overwrite the line) or a
Unicode bidi control that reorders what is shown ("Trojan Source"). None of them may reach
the terminal as they are. They are shown as escapes in one form everywhere:

* C0 controls except tab and newline, DEL and the C1 controls as ``\\xNN`` (``\\x1b``,
  ``\\x0d``, ``\\x7f``, ``\\x9b``), like Python's repr;
* the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
  directional marks (U+200E, U+200F, U+061C) as ``\\uNNNN`` (``\\u202e``).

Tab and newline are kept in multi-line text (:func:`visible_text`); one-line text
(:func:`visible`: a file name, a finding's message, a line of a lookup with a title or a
name in it) shows a newline as ``\\x0a``, so a record cannot add a line of its own.

Every command of the command line writes through :class:`EscapingStream` (installed by
``cli.main``), the one place where its output reaches the terminal; our own colour codes
pass it only through :func:`write_raw`. JSON output goes through it too, in ``json`` form:
every such character is escaped as ``\\uNNNN``, which keeps the JSON valid and lossless
(``json.dumps`` has already escaped the C0 controls; DEL, C1 and bidi controls it leaves as
they are). The Markdown export drops them (:func:`strip_controls`).
"""

from __future__ import annotations

import codecs
import contextlib
import re
import sys

# The characters that never reach the terminal as they are (tab and newline aside).
CONTROL_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL_TEXT = re.compile(f"[{CONTROL_CLASS}]")
_CONTROL_LINE = re.compile(f"[{CONTROL_CLASS}\n]")


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def _escape_json(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


def visible(text: str) -> str:
    """One line of text with every control character (newline too, not tab) escaped."""
    return _CONTROL_LINE.sub(_escape, text)


def visible_text(text: str) -> str:
    """Multi-line text with every control character except tab and newline escaped."""
    return _CONTROL_TEXT.sub(_escape, text)


def strip_controls(text: str) -> str:
    """text without the control characters (tab and newline kept): for documents."""
    return _CONTROL_TEXT.sub("", text)


class EscapingStream:
    """A text stream that escapes control characters in everything written to it.

    ``form`` is ``"text"`` (``\\x1b``, ``\\u202e``) or ``"json"`` (``\\u001b``: valid inside
    a JSON string). Every other attribute (``isatty``, ``fileno``, ``encoding`` …) is the
    wrapped stream's; ``buffer`` is a byte stream that escapes as well."""

    def __init__(self, stream, form: str = "text") -> None:
        self._stream = stream
        self._escape = _escape_json if form == "json" else _escape

    def write(self, text: str) -> int:
        self._stream.write(_CONTROL_TEXT.sub(self._escape, text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def write_raw(self, text: str) -> None:
        """Our own terminal codes (colours), never text from a record."""
        self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()

    @property
    def buffer(self):
        raw = getattr(self._stream, "buffer", None)
        return None if raw is None else _EscapingBuffer(self, raw)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


class _EscapingBuffer:
    """The byte side of an EscapingStream: UTF-8 in, escaped UTF-8 out."""

    def __init__(self, text: EscapingStream, raw) -> None:
        self._text = text
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def write(self, data) -> int:
        text = self._decoder.decode(bytes(data))
        self._raw.write(_CONTROL_TEXT.sub(self._text._escape, text).encode("utf-8"))
        return len(data)

    def flush(self) -> None:
        self._raw.flush()

    def __getattr__(self, name: str):
        return getattr(self._raw, name)


def write_raw(stream, text: str) -> None:
    """Write our own terminal codes past the escaping of stream, when it has any."""
    getattr(stream, "write_raw", stream.write)(text)


@contextlib.contextmanager
def escaped_output(form: str = "text"):
    """sys.stdout and sys.stderr escape control characters while the block runs."""
    out, err = sys.stdout, sys.stderr
    if out is not None:  # None: no console at all (pythonw)
        sys.stdout = EscapingStream(out, form)
    if err is not None:
        sys.stderr = EscapingStream(err, form)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                pass
        sys.stdout, sys.stderr = out, err


def kr(amount, plain: bool = False) -> str:
    """An amount in kronor the Swedish way: ``−1 200 kr`` (no-break spaces, a real minus).

    plain=True, for columns in a terminal: ordinary spaces and no unit (``−1 200``), and an
    en dash for anything that is not a whole amount (None, text, a boolean)."""
    if plain and (not isinstance(amount, int) or isinstance(amount, bool)):
        return "–"
    sign = "−" if amount < 0 else ""
    space = " " if plain else "\u00a0"
    return f"{sign}{abs(amount):,}".replace(",", space) + ("" if plain else "\u00a0kr")


def iso(value) -> str:
    """A date (or time) as ISO text (``2023-04-14``); '' for None; anything else as str()."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else str(value)


def share(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a percentage with a decimal comma; an en dash when whole is 0."""
    if not whole:
        return "–"
    return f"{part / whole * 100:.1f}".replace(".", ",") + "\u00a0%"


def percent(value) -> str:
    """A share (0.4, Fraction(3, 8)) as a percentage with a decimal comma: ``40 %``, ``37,5 %``."""
    text = f"{float(value) * 100:.1f}".removesuffix(".0").replace(".", ",")
    return f"{text}\u00a0%"

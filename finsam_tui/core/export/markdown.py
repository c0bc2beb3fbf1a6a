"""CommonMark building blocks, and the escaping of user text.

Every piece of text that comes from the records (titles, clauses, names, places,
background) goes through :func:`inline`, :func:`paragraphs` or :func:`cell` before it
is put into the document, so that Markdown or HTML in it is shown literally and can
neither break the layout nor inject markup when the file is rendered to HTML:

* ``&``, ``<`` and ``>`` become the entities ``&amp;``, ``&lt;``, ``&gt;`` (no HTML,
  no autolinks, no block quotes);
* the ASCII punctuation that opens inline markup anywhere in a line is backslash-escaped:
  ``\\ ` * _ [ ] { } | ~ ! # ^ $ =`` (emphasis, code, links and images, tables,
  strike-through, heading closers, footnotes, math, attributes);
* at the start of every line the characters that open a block are escaped too:
  ``-`` ``+`` (lists, thematic breaks, setext underlines) and the ``.`` or ``)`` after
  leading digits (ordered lists); leading white space is dropped (no indented code),
  and so is trailing white space (no hard breaks);
* control characters (C0, DEL, C1) and the bidi controls that reorder what is shown are
  removed (see ``finsam_tui/core/text.py``), tabs become spaces.

The builders (:func:`heading`, :func:`bullets`, :func:`table`, …) take Markdown that is
already safe and only add structure. A document is a list of blocks joined by blank
lines (:func:`document`), ending in exactly one newline.
"""

from __future__ import annotations

import re

from finsam_tui.core.text import strip_controls

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ALWAYS = set("\\`*_[]{}|~!#^$=")
_LIST_START = re.compile(r"^(\d{1,9})([.)])")


def _escape_line(line: str) -> str:
    line = line.replace("\t", " ").strip(" ")
    out = []
    for ch in line:
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _ALWAYS:
            out.append("\\" + ch)
        else:
            out.append(ch)
    text = "".join(out)
    if text[:1] in ("-", "+"):
        text = "\\" + text
    else:
        m = _LIST_START.match(text)
        if m:
            text = m.group(1) + "\\" + m.group(2) + text[m.end():]
    return text


def _clean(text: object) -> str:
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return strip_controls(s)


def inline(text: object) -> str:
    """User text for one line (a heading, a list item, a label's value): newlines become spaces."""
    words = _clean(text).replace("\n", " ").split()
    return _escape_line(" ".join(words))


def cell(text: object) -> str:
    """User text for a table cell: like :func:`inline` (``|`` is escaped, no newlines)."""
    return inline(text)


def paragraphs(text: object) -> list[str]:
    """Multi-line user text as paragraphs: blank lines separate them, every line is escaped."""
    blocks: list[str] = []
    current: list[str] = []
    for raw in _clean(text).split("\n"):
        line = _escape_line(raw)
        if line:
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def heading(level: int, md: str) -> str:
    return "#" * level + " " + md


def strong(md: str) -> str:
    return f"**{md}**"


def bullets(items: list[str]) -> str:
    """A bullet list of one-line Markdown items."""
    return "\n".join(f"- {item}" for item in items)


def definitions(pairs: list[tuple[str, str]]) -> str:
    """A definition-style list: ``- **Label:** value`` for every pair whose value is not empty."""
    return bullets([f"{strong(label + ':')} {value}" for label, value in pairs if value])


def blockquote(blocks: list[str]) -> str:
    lines: list[str] = []
    for i, block in enumerate(blocks):
        if i:
            lines.append(">")
        lines.extend(f"> {line}" for line in block.split("\n"))
    return "\n".join(lines)


def table(headers: list[str], rows: list[list[str]], right: set[int] | frozenset = frozenset()) -> str:
    """A GFM table; cells are Markdown already escaped with :func:`cell`; columns in right align right."""
    align = ["---:" if i in right else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    for row in rows:
        lines.append("| " + " | ".join(c if c else " " for c in row) + " |")
    return "\n".join(lines)


def link(text_md: str, target: str) -> str:
    """A link to a relative path built by the exporter (never from user text)."""
    assert re.fullmatch(r"[A-Za-z0-9._/-]+", target), target
    return f"[{text_md}]({target})"


def document(blocks: list[str]) -> str:
    """Blocks joined by blank lines, one trailing newline."""
    return "\n\n".join(b for b in blocks if b) + "\n"

"""CommonMark building blocks, and the escaping of user text.

Every piece of text that comes from the records (titles, clauses, names, places,
background) goes through :func:`inline`, :func:`paragraphs`, :func:`item_text` or
:func:`cell` before it is put into the document, so that Markdown or HTML in it is shown
literally and can neither break the layout nor inject markup when the file is rendered to HTML:

* ``&``, ``<`` and ``>`` become the entities ``&amp;``, ``&lt;``, ``&gt;`` (no HTML,
  no autolinks, no block quotes);
* the ASCII punctuation that opens inline markup anywhere in a line is backslash-escaped:
  ``\\ ` * _ [ ] { } | ~ ! # ^ $ =`` (emphasis, code, links and images, tables,
  strike-through, heading closers, footnotes, math, attributes);
* at the start of every line the characters that open a block are escaped too:
  ``-`` ``+`` (lists, thematic breaks, setext underlines) and the ``.`` or ``)`` after
  leading digits (ordered lists); leading white space is dropped (no indented code),
  and so is trailing white space (the text makes no hard breaks of its own);
* control characters (C0, DEL, C1) and the bidi controls that reorder what is shown are
  removed (see ``finsam_tui/core/text.py``), tabs become spaces.

Multi-line text (background, proposal, decision_text, notes, a task) keeps the structure
its author gave it, and only that (docs/format.md, "Text with paragraphs, line breaks and lists"):

* a blank line starts a new paragraph;
* a single line break is a hard line break: the line ends in a backslash (``\\``, the
  CommonMark hard break that no editor strips, unlike two trailing spaces);
* lines that start with ``- `` or ``* `` are a bullet list (written ``- ``), lines that
  start with a number and ``. `` or ``) `` (``1. ``, ``2) ``) a numbered list; an indented
  line right after a list line continues that item. What follows the marker is escaped
  like any other line, so a list item cannot open a heading, a quote or a nested block.

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


_BULLET = re.compile(r"^[-*][ \t]+(?=\S)")
_NUMBERED = re.compile(r"^(\d{1,9})([.)])[ \t]+(?=\S)")
BREAK = "\\\n"  # a hard line break: a backslash at the end of the line


def _structure(text: object) -> list[tuple[str, list]]:
    """User text as blocks: ("p", [line, …]) for a paragraph, ("ul", [[line, …], …]) or
    ("ol", [(number, delimiter, [line, …]), …]) for a list; the lines still unescaped."""
    blocks: list[tuple[str, list]] = []
    kind: str | None = None  # the kind of the block being filled, None after a blank line
    # a line break is LF (or CRLF); a lone CR (only an escape in TOML can make one) is a space
    lines = "" if text is None else str(text).replace("\r\n", "\n").replace("\r", " ")
    for raw in _clean(lines).split("\n"):
        line = raw.replace("\t", " ")
        body = line.strip(" ")
        if not body:
            kind = None
            continue
        bullet, numbered = _BULLET.match(body), _NUMBERED.match(body)
        if bullet:
            if kind != "ul":
                blocks.append(("ul", []))
                kind = "ul"
            blocks[-1][1].append([body[bullet.end():]])
        elif numbered:
            if kind != "ol":
                blocks.append(("ol", []))
                kind = "ol"
            blocks[-1][1].append((numbered.group(1), numbered.group(2), [body[numbered.end():]]))
        elif kind in ("ul", "ol") and line[:1] == " ":  # an indented line continues the item
            last = blocks[-1][1][-1]
            (last if kind == "ul" else last[2]).append(body)
        elif kind == "p":
            blocks[-1][1].append(body)
        else:
            blocks.append(("p", [body]))
            kind = "p"
    return blocks


def _lines(lines: list[str], indent: str = "") -> str:
    """Escaped lines joined by hard line breaks, every line after the first indented."""
    return BREAK.join((indent if i else "") + _escape_line(line) for i, line in enumerate(lines))


def _block(kind: str, content: list) -> str:
    if kind == "p":
        return _lines(content)
    if kind == "ul":
        return "\n".join("- " + _lines(lines, "  ") for lines in content)
    d = content[0][1]  # one delimiter for the whole list: a new one would start a new list
    return "\n".join(f"{n}{d} " + _lines(lines, " " * (len(n) + 2)) for n, _d, lines in content)


def paragraphs(text: object) -> list[str]:
    """Multi-line user text as Markdown blocks: paragraphs (a blank line between them) whose
    line breaks stay line breaks, and bullet or numbered lists; every line is escaped."""
    return [_block(kind, content) for kind, content in _structure(text)]


def item_text(text: object, tail: str = "") -> str:
    """Multi-line user text for inside a list item (a task): its lines joined by hard line
    breaks, a list in it nested under the item (after a blank line, indented to stay in
    it), and tail (Markdown) after the last line, or as a paragraph of its own after a list."""
    out = ""
    after_list = False
    for kind, content in _structure(text):
        if kind == "p":
            sep = "" if not out else ("\n\n  " if after_list else BREAK + "  ")
            out += sep + _lines(content, "  ")
        else:
            out += ("\n\n" if out else "\n") + "\n".join("  " + line for line in _block(kind, content).split("\n"))
        after_list = kind != "p"
    if tail:
        out += ("\n\n  " if after_list else " " if out else "") + tail
    return out


def heading(level: int, md: str) -> str:
    return "#" * level + " " + md


def strong(md: str) -> str:
    return f"**{md}**"


def bullets(items: list[str]) -> str:
    """A bullet list of Markdown items (one line each, or from :func:`item_text`)."""
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

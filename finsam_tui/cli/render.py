"""The lookup commands' text layout: 80-column tables, wrapped text and label/value pairs,
JSON, and the message for a reference that names nothing (``ref_error``). The words come from
``finsam_tui/core/i18n/lookups.py``.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap

from finsam_tui.core.i18n.lookups import Labels

WIDTH = 80


def clip(text: str, width: int) -> str:
    """text cut to width characters, with … when cut."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)].rstrip() + "…"


def table(rows: list[list[str]], indent: int = 0, width: int = WIDTH, gap: int = 2) -> list[str]:
    """Rows aligned in columns; the last column is cut to fit width (never below 20)."""
    rows = [[str(c) for c in r] for r in rows]
    if not rows:
        return []
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(n - 1)]
    lead = indent + sum(widths) + gap * (n - 1)
    room = max(width - lead, 20)
    out = []
    for r in rows:
        cells = [r[i].ljust(widths[i]) for i in range(n - 1)] + [clip(r[-1], room)]
        out.append((" " * indent + (" " * gap).join(cells)).rstrip())
    return out


# A list line in multi-line text ("- ", "* ", "1. ", "2) "): wrapped under its own text.
_LIST_LINE = re.compile(r"^(?:[-*]|\d{1,9}[.)]) (?=\S)")


def wrap(text: str, indent: int = 2, width: int = WIDTH, bullet: str = "") -> list[str]:
    """Text wrapped to width as its author wrote it: a blank line separates paragraphs, a line
    break stays a line break, and a list line ("- ", "1. ") wraps under its own text."""
    out: list[str] = []
    gap = False
    for raw in str(text).split("\n") if text else []:
        line = " ".join(raw.split())
        if not line:
            gap = bool(out)
            continue
        if gap:
            out.append("")
            gap = False
        first = " " * indent + (bullet if not out else " " * len(bullet))
        m = _LIST_LINE.match(line)
        rest = " " * (len(first) + (m.end() if m else 0))
        out.extend(textwrap.wrap(line, width=width, initial_indent=first, subsequent_indent=rest,
                                 break_on_hyphens=False))
    return out


def fields(pairs: list[tuple[str, str]], indent: int = 0, width: int = WIDTH, gap: int = 2) -> list[str]:
    """Label and value pairs, labels aligned, long values wrapped under their value column.
    Pairs with an empty value are left out."""
    pairs = [(k, str(v)) for k, v in pairs if v not in (None, "")]
    if not pairs:
        return []
    w = max(len(k) for k, _ in pairs)
    lead = indent + w + gap
    out = []
    for k, v in pairs:
        lines = textwrap.wrap(" ".join(v.split()), width=max(width - lead, 20), break_on_hyphens=False) or [""]
        out.append((" " * indent + k.ljust(w) + " " * gap + lines[0]).rstrip())
        out.extend(" " * lead + line for line in lines[1:])
    return out


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def ref_error(command: str, err, labels: Labels) -> int:
    """Report a RefError on stderr; the exit code (2 malformed/ambiguous, 1 unknown/unreadable)."""
    L = labels
    lines: list[str]
    if err.code == "malformed":
        lines = [L.fmt("msg_malformed", ref=err.text), L["msg_malformed_hint"]]
        code = 2
    elif err.code == "ambiguous":
        options = ", ".join(err.options[:6]) + (" …" if len(err.options) > 6 else "")
        lines = [L.fmt("msg_ambiguous", ref=err.text, count=len(err.options)),
                 L.fmt("msg_ambiguous_hint", options=options)]
        code = 2
    elif err.code == "unreadable":
        lines = [L.fmt("msg_unreadable", ref=err.text, file=err.rel), L["msg_unreadable_hint"]]
        code = 1
    else:
        lines = [L.fmt("msg_unknown", ref=err.text),
                 L.fmt("msg_nearest", nearest=err.nearest) if err.nearest else L["msg_nothing_near"]]
        code = 1
    print(f"finsam {command}: {lines[0]}", file=sys.stderr)
    for line in lines[1:]:
        print("\n".join(textwrap.wrap(line, WIDTH, break_on_hyphens=False)), file=sys.stderr)
    return code

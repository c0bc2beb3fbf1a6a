"""No personal identity numbers anywhere in any file (FS701, FS702).

The raw text of every file is scanned (:func:`scan_text`), so a number is found in every
field, comment and unknown key alike. Two places the raw text does not show a number as
written are covered too: a string whose escapes spell one (``"811218\\u002d9876"``, a
line-ending backslash between the parts) is scanned after parsing (:func:`scan_values`),
and a file name is scanned on its own (:func:`scan_name`, a finding without a line). A
file that cannot be read as text (not UTF-8, over the size limit) is scanned in its raw
bytes by the loader: :func:`located` makes the findings of what it found, the first
``LISTED_MAX`` one by one and the rest counted in one FS702.
"""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.personnummer import find_identity_numbers, mask
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.io.positions import LineIndex

KIND_NAMES = {kind: Phrase(kind) for kind in ("personnummer", "samordningsnummer")}


def scan_text(rel: str, text: str):
    matches = find_identity_numbers(text)
    if not matches:
        return
    index = LineIndex(text)
    for m in matches:
        line, col = index.line_col(m.start)
        yield Finding("FS701", rel, line=line, column=col, params={"kind": KIND_NAMES[m.kind], "masked": mask(m.text)})


def _finding(rel: str, m, at_key: bool = False, **place) -> Finding:
    params = {"kind": KIND_NAMES[m.kind], "masked": mask(m.text)}
    if at_key:
        params["at_key"] = True  # placed at the key, not at its value
    return Finding("FS701", rel, params=params, **place)


def scan_values(rel: str, data: dict, text: str):
    """Numbers in the parsed keys and strings that the raw text does not hold as written
    (spelled with escapes). Only files with a backslash can have such strings."""
    if "\\" not in text:
        return
    seen = {m.text for m in find_identity_numbers(text)}  # reported where they stand in the text
    stack: list[tuple[tuple, object]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for k, v in value.items():
                for m in find_identity_numbers(k):
                    if m.text not in seen:
                        yield _finding(rel, m, at_key=True, path=path + (k,))
                stack.append((path + (k,), v))
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in enumerate(value))
        elif isinstance(value, str):
            for m in find_identity_numbers(value):
                if m.text not in seen:
                    yield _finding(rel, m, path=path)


def scan_name(rel: str):
    """Numbers in the file's path (a person's file named by their personnummer); no line."""
    for m in find_identity_numbers(rel):
        yield _finding(rel, m)


def located(rel: str, listed, total: int):
    """FS701 for each number the loader found in the raw bytes of a file that cannot be read
    as text (``personnummer_raw.LocatedMatch``: its line and column), and one FS702 (no line) for
    the numbers beyond those listed."""
    for lm in listed:
        yield _finding(rel, lm.match, line=lm.line, column=lm.column)
    if total > len(listed):
        yield Finding("FS702", rel, params={"more": total - len(listed), "listed": len(listed)})

"""No personal identity numbers anywhere in any file (FS701)."""

from __future__ import annotations

from ..findings import Finding
from ..locate import LineIndex
from ..personnummer import find_identity_numbers


KIND_NAMES = {
    "personnummer": {"sv": "personnummer", "en": "personal identity number (personnummer)"},
    "samordningsnummer": {"sv": "samordningsnummer", "en": "coordination number (samordningsnummer)"},
}


def scan_text(rel: str, text: str):
    matches = find_identity_numbers(text)
    if not matches:
        return
    index = LineIndex(text)
    for m in matches:
        line, col = index.line_col(m.start)
        masked = m.text[:-4] + "****"
        yield Finding("FS701", rel, line=line, column=col, params={"kind": KIND_NAMES[m.kind], "masked": masked})


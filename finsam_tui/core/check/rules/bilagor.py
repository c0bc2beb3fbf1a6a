"""A meeting's bilagor (FS350–FS354): each number once and in order from 1, every "Bilaga N" a §
names among them, and each file in the records folder (absolute paths, ``..`` and links out
of it refused)."""

from __future__ import annotations

from finsam_tui.core.check.findings import Finding, Place
from finsam_tui.core.check.rules.registry import cross, local
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.records.bilagor import bilaga_number, bilagor_of, file_problem
from finsam_tui.core.records.meetings import items


def point_label(number, letter, item: dict) -> str:
    """"§20a" for a numbered point, its title in quotes for a point without a number."""
    if isinstance(number, int):
        return f"§{number}{letter or ''}"
    return f"\"{item.get('title', '')}\""


@local("meeting")
def check_bilaga_numbers(ctx, record):
    first: dict[int, int] = {}
    for i, a in enumerate(record.data.get("attachments", [])):
        n = a.get("number") if isinstance(a, dict) else None
        if not isinstance(n, int):
            continue
        if n in first:
            yield Finding("FS353", record.rel, path=("attachments", i, "number"), params={"number": n},
                          related=[Place(record.rel, path=("attachments", first[n], "number"))])
        else:
            first[n] = i


@local("meeting")
def check_bilaga_order(ctx, record):
    """Bilagor numbered 1, 2, 3 … (in any order in the file): a gap is worth a look (FS354)."""
    numbers = bilagor_of(record.data)
    previous = 0
    for n in sorted(numbers):
        if n != previous + 1:
            i = record.data["attachments"].index(numbers[n])
            yield Finding("FS354", record.rel, path=("attachments", i, "number"),
                          params={"previous": previous, "number": n})
        previous = n


@local("meeting")
def check_bilaga_references(ctx, record):
    numbers = sorted(bilagor_of(record.data))
    for e in items(record.data):
        for j, entry in enumerate(e.item.get("attachments", [])):
            n = bilaga_number(entry)
            if n is not None and n not in numbers:
                yield Finding("FS350", record.rel, path=e.path + ("attachments", j), params={
                    "point": point_label(e.number, e.letter, e.item), "bilaga": n,
                    "numbers": ", ".join(map(str, numbers)) or "–"})


@cross
def check_bilaga_files(index):
    if index.root is None:
        return
    for m in index.meeting_info.values():
        for i, file in m.bilagor:
            problem = file_problem(index.root, file)
            if problem == "missing":
                yield Finding("FS351", m.rel, path=("attachments", i, "file"), params={"file": file})
            elif problem is not None:
                yield Finding("FS352", m.rel, path=("attachments", i, "file"),
                              params={"file": file, "reason": Phrase(f"bilaga_{problem}")})

"""§ numbers unique and contiguous per the numbering policy (FS307, FS308)."""

from __future__ import annotations

from ..findings import Finding, Place


def check_paragraph_numbers(archive):
    per_year = archive.settings.get("paragraph_numbering") != "per_möte"
    scope = ({"sv": "per kalenderår och organ", "en": "per calendar year and organ"} if per_year
             else {"sv": "inom mötet", "en": "within the meeting"})
    for organ, meetings in archive.meetings_by_organ.items():
        expected = 1
        seen: dict[int, tuple] = {}
        year = None
        for m in meetings:
            m_year = m.id.split("/")[1][:4]
            if not per_year or m_year != year:
                expected, seen, year = 1, {}, m_year
            if per_year and any(k == "meeting" and i.startswith(f"{organ}/{m_year}-")
                                for k, i in archive.unloaded_ids):
                continue  # a meeting of this year could not be read; its §§ are unknown
            for i, item in enumerate(m.data.get("items", [])):
                n = item.get("number")
                if not isinstance(n, int):
                    continue
                path = ("items", i, "number")
                if n in seen:
                    other, other_path = seen[n]
                    pos = other.locator.find(other_path) or (None, None)
                    yield Finding("FS307", m.rel, path=path, params={
                        "number": n, "other": other.id, "scope": scope},
                        related=[Place(other.rel, pos[0], pos[1])])
                    expected = max(expected, n + 1)
                    continue
                if n != expected:
                    yield Finding("FS308", m.rel, path=path, params={
                        "expected": expected, "number": n, "scope": scope})
                seen[n] = (m, path)
                expected = max(expected, n + 1)

"""How an organ numbers its §§: the förbund's ``paragraph_numbering`` unless the organ has its
own (``[[organs]] paragraph_numbering``), and where a year's numbering starts in the archive
(``[[numbering_starts]]``). Read by the numbering rules, the exports and new meetings.

* ``per_år``: § numbers run on through the calendar year;
* ``per_möte``: every meeting starts again at § 1;
* ``ingen``: points without § (minnesanteckningar of a medlemssamråd): a point may have a
  number, shown as "1.", or none; nothing is checked and a reference needs a number.
"""

from __future__ import annotations

PER_YEAR, PER_MEETING, NONE = "per_år", "per_möte", "ingen"


def numbering_of(settings: dict, organ: str) -> str:
    """The numbering of organ: its own in forbund.toml's [[organs]], else the förbund's (per_år by default)."""
    for o in settings.get("organs", []) or []:
        if isinstance(o, dict) and o.get("id") == organ and o.get("paragraph_numbering") in (PER_YEAR, PER_MEETING,
                                                                                             NONE):
            return o["paragraph_numbering"]
    return PER_MEETING if settings.get("paragraph_numbering") == PER_MEETING else PER_YEAR


def numbered(settings: dict, organ: str) -> bool:
    """True when the organ's points are §§ (numbered and checked), False for "ingen"."""
    return numbering_of(settings, organ) != NONE


def stated_start(settings: dict, organ: str, year: int) -> int | None:
    """The first § number of organ in year as forbund.toml's [[numbering_starts]] states it, or None."""
    for s in settings.get("numbering_starts", []) or []:
        if isinstance(s, dict) and s.get("organ") == organ and s.get("year") == year and isinstance(s.get("first"), int):
            return s["first"]
    return None

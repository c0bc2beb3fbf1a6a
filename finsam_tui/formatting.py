"""Numbers and shares written the Swedish way: 10 996 000 kr."""

from __future__ import annotations


def kr(amount: int) -> str:
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", "\u00a0") + "\u00a0kr"


def share(part: int, whole: int) -> str:
    if not whole:
        return "–"
    return f"{part / whole * 100:.1f}".replace(".", ",") + "\u00a0%"

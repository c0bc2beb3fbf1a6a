"""Looking up words in a per-language catalogue: one mechanism for every label table.

A catalogue is ``{"sv": {key: text or {value: text}}, "en": {...}}``, one module per area
in ``finsam_tui/core/i18n/``; Swedish is the default, and both languages have every key
(tests/test_i18n.py). Code reads a table through a :class:`Catalogue`: ``L[key]``,
``L.fmt(key, **params)``, ``L.mapped(table, key)``. A template says the noun after a
count in the right number with ``{n} {n:fil|filer}`` (see :class:`Count`).
"""

from __future__ import annotations


class Count(int):
    """A count that can say its noun in the right number: a format spec with "|" is
    ``singular|plural`` and gives the word alone, anything else formats the int.

    >>> "{n} {n:varning|varningar}, {n:,}".format(n=Count(1))
    '1 varning, 1'
    >>> "{n} {n:file|files}".format(n=Count(0))
    '0 files'
    """

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            singular, plural = spec.split("|", 1)
            return singular if self == 1 else plural
        return int.__format__(self, spec)


def counted(params: dict) -> dict:
    """params with every int (not bool) wrapped in Count, for templates with plural specs."""
    return {k: Count(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in params.items()}


def merged(*catalogues: dict) -> dict[str, dict]:
    """One catalogue of several tables (an area split over modules); a key in two of them is a mistake."""
    out: dict[str, dict] = {}
    for catalogue in catalogues:
        for lang, table in catalogue.items():
            into = out.setdefault(lang, {})
            twice = set(into) & set(table)
            assert not twice, f"keys in two tables: {sorted(twice)}"
            into.update(table)
    return out


class Catalogue:
    """The words of one language: ``L[key]``, ``L.fmt(key, **params)`` and ``L.mapped(table, key)``."""

    CATALOGUE: dict[str, dict] = {}

    def __init__(self, lang: str = "sv") -> None:
        self.lang = lang if lang in self.CATALOGUE else "sv"
        self._table = self.CATALOGUE[self.lang]
        self._fallback = self.CATALOGUE["sv"]

    def __getitem__(self, key: str) -> str:
        value = self._table.get(key, self._fallback[key])
        assert isinstance(value, str), key
        return value

    def __contains__(self, key: str) -> bool:
        return key in self._fallback

    def fmt(self, key: str, **params) -> str:
        return self[key].format(**counted(params))

    def mapped(self, table: str, key: str) -> str:
        """key translated through a mapping table (roles, states, kinds …); the key itself if absent."""
        mapping = self._table.get(table) or {}
        fallback = self._fallback.get(table) or {}
        return mapping.get(key, fallback.get(key, key))

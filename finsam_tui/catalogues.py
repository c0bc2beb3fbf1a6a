"""Looking up words in a per-language catalogue: one mechanism for every label table.

A catalogue is ``{"sv": {key: text or {value: text}}, "en": {...}}``; Swedish is complete
and the fallback for missing English entries.
"""

from __future__ import annotations


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

    def fmt(self, key: str, **params) -> str:
        return self[key].format(**params)

    def mapped(self, table: str, key: str) -> str:
        """key translated through a mapping table (roles, states, kinds …); the key itself if absent."""
        mapping = self._table.get(table) or {}
        fallback = self._fallback.get(table) or {}
        return mapping.get(key, fallback.get(key, key))

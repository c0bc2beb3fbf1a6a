"""Findings are values, not exceptions: code, severity, place, message and hint."""

from __future__ import annotations

from dataclasses import dataclass, field

from finsam_tui.core.check.codes import RULES
from finsam_tui.core.i18n.catalogue import counted
from finsam_tui.core.i18n.findings import Phrase, said


@dataclass
class Place:
    """Another place a finding concerns ("see also"); path is resolved to line/column later."""

    file: str  # path relative to the records folder, with "/"
    line: int | None = None
    column: int | None = None
    path: tuple = ()


@dataclass
class Finding:
    code: str
    file: str
    path: tuple = ()  # key path inside the file, resolved to line/column lazily
    params: dict = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    related: list[Place] = field(default_factory=list)
    source_line: str | None = None

    @property
    def severity(self) -> str:
        return RULES[self.code].severity

    def _params(self, lang: str) -> "_Safe":
        """Params in the language: a value may be a Phrase (words of core/i18n/findings.py);
        counts say their noun ({n:fil|filer}, see core/i18n/catalogue.Count)."""
        return _Safe(counted({k: said(v, lang) for k, v in self.params.items()}))

    def message(self, lang: str = "sv") -> str:
        return RULES[self.code].text(lang, "message").format_map(self._params(lang))

    def hint(self, lang: str = "sv") -> str:
        text = RULES[self.code].text(lang, "hint").format_map(self._params(lang))
        close = self.params.get("suggest")
        if close:
            text = Phrase("did_you_mean", close=close).text(lang) + text
        return text

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.code)

    def to_json(self, lang: str = "sv") -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "related": [{"file": p.file, "line": p.line, "column": p.column} for p in self.related],
        }


class _Safe(dict):
    """Format parameters; a missing one shows as {name} instead of raising."""

    def __missing__(self, key: str) -> "_Missing":
        return _Missing("{" + key + "}")


class _Missing(str):
    """A missing param shows as {name}, whatever its format spec."""

    def __format__(self, spec: str) -> str:
        return str(self)


def errors_in(findings: list[Finding], files) -> list[Finding]:
    """The errors among findings that lie in one of files (a path, or a set of paths): what
    refuses an export, a lock or a lookup of a record that could not be read."""
    files = {files} if isinstance(files, str) else files
    return [f for f in findings if f.severity == "error" and f.file in files]


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many errors and warnings findings hold, and in how many files (the one count of them)."""
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    return {"errors": errors, "warnings": warnings, "files": len({f.file for f in findings})}

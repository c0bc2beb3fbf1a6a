"""Real protocols fit: realistic fictional records that must validate without false findings
and export with the element they exist to show.

Each ``tests/fixtures/real/<slug>/`` overlays a copy of ``tests/fixtures/base/`` the way the
rule fixtures do (same relative paths, full contents, optional ``_delete.txt``) and holds:

- ``expected.txt``: every finding the validator must report, ``CODE path:LINE`` per line
  (empty, or only comments, for a record that describes a lawful, ordinary meeting: 0 findings);
- ``exports.txt``: what the exports must contain, one check per line,
  ``<command> <argument> :: <text>``, where command is ``protocol``, ``agenda``, ``extract``
  (argument ``ref §N[,§M]``), ``budget`` (argument a year) or ``decisions`` (argument a year),
  and text must occur in the Swedish export. ``en:protocol …`` checks the English one. A
  line ``!protocol <ref> :: <text>`` asserts the text is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.export import agenda, budget, decisions, extract, protocol
from tests.test_rules import actual, assert_findings, build, parse_expected

REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def real_dirs() -> list[Path]:
    return sorted(p for p in REAL.iterdir() if p.is_dir()) if REAL.is_dir() else []


def export_checks(path: Path) -> list[tuple[bool, str, str, str, str]]:
    """(present?, lang, command, argument, text) for each line of exports.txt."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        spec, text = line.split(" :: ", 1)
        present = not spec.startswith("!")
        spec = spec.lstrip("!")
        lang = "sv"
        if spec.startswith("en:"):
            lang, spec = "en", spec[3:]
        command, argument = spec.split(maxsplit=1)
        out.append((present, lang, command, argument.strip(), text))
    return out


def render(archive, command: str, argument: str, lang: str) -> str:
    if command == "protocol":
        return protocol(archive, argument, lang)
    if command == "agenda":
        return agenda(archive, argument, lang)
    if command == "extract":
        ref, paragraphs = argument.split(maxsplit=1)
        return extract(archive, ref, [p.strip() for p in paragraphs.split(",")], lang)
    if command == "budget":
        return budget(archive, int(argument), lang)
    if command == "decisions":
        return decisions(archive, int(argument), None, lang)
    raise AssertionError(f"unknown export command in exports.txt: {command}")


@pytest.mark.parametrize("fixture", real_dirs(), ids=lambda p: p.name)
def test_real_protocol_fits(fixture: Path, tmp_path: Path):
    root = build(fixture, tmp_path / "records")
    assert_findings(fixture.name, actual(root), parse_expected(fixture / "expected.txt"))
    checks = export_checks(fixture / "exports.txt")
    assert checks, f"{fixture.name}: exports.txt checks nothing"
    archive = load_archive(root)
    rendered: dict[tuple[str, str, str], str] = {}
    for present, lang, command, argument, text in checks:
        key = (lang, command, argument)
        if key not in rendered:
            rendered[key] = render(archive, command, argument, lang)
        found = text in rendered[key]
        assert found == present, (
            f"{fixture.name}: {command} {argument} ({lang}) should {'' if present else 'not '}contain {text!r}:\n"
            f"{rendered[key]}")

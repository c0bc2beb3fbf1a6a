"""Existing archives keep validating: a folder written in the format of December 2026 (one
record of each kind, including a locked protocol) still loads with no finding, whatever the
format has gained since. ``tests/fixtures/format-2026/`` is frozen: never edit it to make
this test pass; make the code accept it (or give ``finsam fmt`` an upgrade that rewrites it,
and test that here).
"""

from __future__ import annotations

from pathlib import Path

from finsam_tui.core.check.pipeline import load_archive

FROZEN = Path(__file__).resolve().parent / "fixtures" / "format-2026"


def test_every_kind_is_present_in_the_frozen_folder():
    archive = load_archive(FROZEN)
    kinds = {r.kind for r in archive.records}
    assert kinds == {"forbund", "person", "organisation", "meeting", "budget", "insats"}
    locked = [r for r in archive.records if r.kind == "meeting" and "fingerprint" in r.data.get("justering", {})]
    assert locked, "the frozen folder must keep a locked protocol"


def test_a_folder_in_the_2026_format_still_validates_without_findings():
    findings = load_archive(FROZEN).findings
    assert [f"{f.code} {f.file}:{f.line}" for f in findings] == []

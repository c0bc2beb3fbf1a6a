"""Docs that are generated or quoted stay true."""

import re

from finsam_tui.core import docgen
from finsam_tui.core.check import codes as catalog
from finsam_tui.core.records.schema import KINDS

from .conftest import ROOT


def test_generated_docs_are_current():
    assert (ROOT / "docs/rules.md").read_text(encoding="utf-8") == catalog.markdown(), "run: python -m finsam_tui.core.docgen"
    assert (ROOT / "docs/fields.md").read_text(encoding="utf-8") == docgen.fields_markdown(), (
        "run: python -m finsam_tui.core.docgen")


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for marker in ("<!-- main-command -->", "<!-- test-command -->"):
        block = readme.split(marker, 1)[1].split("```", 2)[1]
        command = block.split("\n", 1)[1].strip()
        assert command.startswith("python3 -m venv .venv && ")
        assert "\n" not in command
    assert "<!-- test-command -->" in (ROOT / ".ci/run").read_text()


def test_fields_doc_lists_every_field():
    doc = docgen.fields_markdown()
    for kind, fields in KINDS.items():
        for f in fields:
            assert re.search(rf"`{re.escape(f.name)}`", doc), f"{kind}.{f.name} is not documented"

"""The preview's pieces: the Markdown widget gets a protocol a piece at a time, and the pieces
together must be the document, cut only between blocks and never right after a table."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.tui.screens.preview import chunks, document

from .conftest import ROOT


@pytest.fixture(scope="module")
def archive():
    return load_archive(ROOT / "records")


@pytest.mark.parametrize("kind", ["protocol", "agenda"])
def test_pieces_join_to_the_document_and_end_between_blocks(archive, kind):
    several = 0
    for ref in sorted(archive.meetings):
        text = document(archive, kind, ref, "sv")
        pieces = chunks(text, 10, 8)
        assert "".join(pieces) == text, ref
        several += len(pieces) > 1
        for piece in pieces[:-1]:
            blocks = [t for t in MarkdownIt("gfm-like").parse(piece) if t.level == 0 and t.nesting >= 0]
            assert blocks and blocks[-1].type != "table_open", (ref, piece[-200:])
            assert piece.endswith("\n")
    assert several >= len(archive.meetings) // 2  # long documents are really cut


def test_a_text_with_other_line_breaks_stays_whole():
    text = "# Rubrik\n\nett\u2028två\n\n" + "rad\n\n" * 40
    assert chunks(text, 2, 2) == [text]
    assert chunks("", 2) == []

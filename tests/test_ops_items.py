"""The §§ of a meeting and their sub-items, without screens (``core/ops/items``): renumbering
after a § or sub-item is added, moved or removed, and the moves that are refused (nesting,
fields a sub-item cannot hold). The editor's "Flytta till…" on screen: tests/test_tui_editor_move.py.
"""

from __future__ import annotations

import pytest

from finsam_tui.core.ops import items as items_module
from finsam_tui.core.ops.items import OWN, MoveRefused, move_choices, move_to, place_label
from finsam_tui.core.records.schema import ITEM, Field


def items_of(*specs) -> list[dict]:
    """§§ from (number, title, [sub-item letters]) triples."""
    out = []
    for number, title, letters in specs:
        item = {"number": number, "title": title}
        if letters:
            item["sub"] = [{"letter": c, "title": f"{title} {c}"} for c in letters]
        out.append(item)
    return out


def test_renumbering_follows_the_rules_of_adding_and_removing():
    items = items_of((10, "A", "ab"), (11, "B", ""), (12, "C", "a"))
    original = [dict(i) for i in items]
    moved, where = move_to(items, ("items", 0, "sub", 0), "under:2")
    assert items == original  # the input is not changed
    assert where == ("items", 2, "sub", 1) and place_label(moved, where) == "§12 b)"
    assert moved[0]["sub"] == [{"letter": "a", "title": "A b"}]
    assert moved[2]["sub"] == [{"letter": "a", "title": "C a"}, {"letter": "b", "title": "A a"}]
    # the last sub-item leaves: no empty list is left behind
    moved, where = move_to(items, ("items", 2, "sub", 0), OWN)
    assert "sub" not in moved[2] and where == ("items", 3)
    assert [(i["number"], i["title"]) for i in moved] == [(10, "A"), (11, "B"), (12, "C"), (13, "C a")]
    # a § in under an earlier one: the §§ after it close up
    moved, where = move_to(items, ("items", 1), "under:0")
    assert [i["number"] for i in moved] == [10, 11] and where == ("items", 0, "sub", 2)
    assert moved[0]["sub"][2] == {"letter": "c", "title": "B"}
    # … and under a later one (its index moves up by one)
    moved, where = move_to(items, ("items", 1), "under:2")
    assert where == ("items", 1, "sub", 1) and moved[1]["title"] == "C" and moved[1]["number"] == 11


def test_numbers_and_letters_out_of_sequence_are_kept():
    items = items_of((3, "A", "ac"), (7, "B", "a"), (9, "C", ""))
    moved, where = move_to(items, ("items", 0, "sub", 0), OWN)
    assert where == ("items", 1)
    assert [i["number"] for i in moved] == [3, 4, 7, 9]  # not in sequence before: not renumbered
    assert moved[0]["sub"] == [{"letter": "c", "title": "A c"}]  # nor relettered
    items = items_of((1, "A", "ac"), (2, "B", ""))
    moved, _ = move_to(items, ("items", 1), "under:0")
    assert [s["letter"] for s in moved[0]["sub"]] == ["a", "c", "b"]  # a letter not yet used


def test_moves_that_would_nest_or_lose_fields_are_refused(monkeypatch):
    items = items_of((1, "A", "ab"), (2, "B", ""), (3, "C", ""))
    with pytest.raises(MoveRefused, match=r"§1 har egna underpunkter \(a\), b\)\)"):
        move_choices(items, ("items", 0))
    with pytest.raises(MoveRefused, match=r"§1 has sub-items of its own"):
        move_to(items, ("items", 0), "under:1", "en")
    with pytest.raises(MoveRefused):
        move_to(items, ("items", 1), OWN)  # a § is a § already
    with pytest.raises(MoveRefused):
        move_to(items, ("items", 1), "under:1")  # not under itself
    with pytest.raises(MoveRefused, match="ingen annan §"):
        move_choices(items_of((1, "A", "")), ("items", 0))
    # a § whose empty list of sub-items is all it has besides: nothing is lost
    moved, _ = move_to([{"number": 1, "title": "A", "sub": []}, {"number": 2, "title": "B"}], ("items", 0),
                       "under:1")
    assert moved == [{"number": 1, "title": "B", "sub": [{"letter": "a", "title": "A"}]}]
    # a field a § may have and a sub-item may not: named, nothing dropped
    monkeypatch.setattr(items_module, "ITEM", ITEM + (Field("ballot", "str"),))  # a name no record kind uses
    items = [{"number": 1, "title": "A", "ballot": "x"}, {"number": 2, "title": "B"}]
    with pytest.raises(MoveRefused, match="en underpunkt kan inte ha ballot"):
        move_to(items, ("items", 0), "under:1")


def test_choices_in_english():
    items = items_of((43, "Information", "ab"), (44, "Other business", ""))
    labels = [c.label for c in move_choices(items, ("items", 0, "sub", 1), "en")]
    assert labels == ["As a § of its own (after §43)", "Under §44 Other business"]

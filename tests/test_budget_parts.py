"""How a budget is read by the rules, the export and the TUI alike (core/records/budget_parts.py):
a second source's figures, and a line split between categories in whole kronor."""

from __future__ import annotations

from fractions import Fraction

from finsam_tui.core.records.budget_parts import category_rows, parts, source_problem, sources, versions_by_id


def budget(split, amount=100001):
    return {
        "versions": [{"id": "budget", "kind": "budget"}, {"id": "rev1", "kind": "revidering"},
                     {"id": "rev1-b4", "kind": "revidering", "same_as": "rev1"}],
        "categories": [
            {"id": "individ", "lines": [{"id": "team", "amounts": {"budget": 10, "rev1": 20, "rev1-b4": 30}}]},
            {"id": "admin", "lines": [{"id": "chef", "amounts": {"budget": amount, "rev1": amount}, "split": split}]},
        ],
    }


def test_split_parts_are_whole_kronor_and_sum_to_the_line():
    assert parts(100001, [Fraction(2, 5), Fraction(3, 5)]) == [40000, 60001]
    assert parts(100, [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)]) == [33, 33, 34]
    # shares that do not sum to 1 (FS516): each part by its share, nothing invented
    assert parts(1000, [Fraction(2, 5), Fraction(1, 2)]) == [400, 500]


def test_category_rows_place_each_part_and_fill_a_second_source():
    rows = category_rows(budget([{"category": "individ", "share": 0.4}, {"category": "admin", "share": 0.6}]))
    individ, admin = rows
    assert [(r.line["id"], r.share, r.amounts) for r in individ] == [
        ("team", None, {"budget": 10, "rev1": 20, "rev1-b4": 30}),
        ("chef", Fraction(2, 5), {"budget": 40000, "rev1": 40000, "rev1-b4": 40000})]
    assert [(r.line["id"], r.amounts) for r in admin] == [("chef", {"budget": 60001, "rev1": 60001, "rev1-b4": 60001})]


def test_same_as_must_name_another_main_version_of_the_same_kind():
    data = {"versions": [{"id": "rev1", "kind": "revidering"}, {"id": "a", "kind": "revidering", "same_as": "rev1"},
                         {"id": "b", "kind": "revidering", "same_as": "a"}, {"id": "c", "kind": "utfall",
                                                                             "same_as": "rev1"},
                         {"id": "d", "kind": "revidering", "same_as": "d"}]}
    versions = versions_by_id(data)
    assert [source_problem(versions[v], versions) for v in "abcd"] == [
        None, "same_as_chain", "same_as_kind", "same_as_unknown"]
    assert sources(data) == {"a": "rev1"}

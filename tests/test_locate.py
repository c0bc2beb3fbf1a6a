"""Key paths map to the line and column where they are written."""

from finsam_tui.core.io.positions import Locator

TEXT = '''# header comment
name = "x"
"quoted key" = 1
dotted.key = 2
[attendance]
voting = [
  "a", # first
  "b",
]
serving = [{ person = "p", replaces = "q" }]
[[items]]
number = 1
background = """
[[items]]
fake = "not a key"
"""
literal = \'\'\'
number = 99
\'\'\'
[[items.sub]]
letter = "a"
[[items]]
number = 2
decision = ["att x", "att \\"y\\""]
[items.extra]
k = 1
'''


def find(path):
    return Locator(TEXT).find(path)


def test_simple_quoted_and_dotted_keys():
    assert find(("name",)) == (2, 1)
    assert find(("quoted key",)) == (3, 1)
    assert find(("dotted", "key")) == (4, 1)


def test_array_elements_on_their_own_lines_and_inline_tables():
    assert find(("attendance", "voting", 1)) == (8, 3)
    assert find(("attendance", "serving", 0, "replaces")) == (10, 28)


def test_arrays_of_tables_count_past_multiline_strings():
    assert find(("items", 0, "number")) == (12, 1)
    assert find(("items", 0, "sub", 0, "letter")) == (21, 1)
    assert find(("items", 1, "number")) == (23, 1)
    assert find(("items", 1, "decision", 1)) == (24, 22)
    assert find(("items", 1, "extra", "k")) == (26, 1)


def test_missing_path_falls_back_to_nearest_parent():
    assert find(("items", 1, "tasks", 0, "due")) == (22, 1)
    assert find(("nothing",)) is None

"""Editing writes back only what changed: comments, order and layout survive."""

import copy
import datetime as dt
import os
import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.io.tomledit import new_text, parse_text, update_text
from finsam_tui.core.ops.new_meeting import new_meeting, next_meeting_date, next_paragraph_number

from .conftest import RECORDS

BUNDLED = sorted(p for p in RECORDS.rglob("*.toml") if ".finsam-cache" not in p.parts)


def test_unchanged_data_gives_identical_text():
    for path in BUNDLED:
        text = path.read_text(encoding="utf-8")
        assert update_text(text, tomllib.loads(text)) == text, path


def test_an_edit_keeps_comments_and_order():
    text = (RECORDS / "moten/styrelse/2023/2023-04-14.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    data["adjusters"].append("helena-stromgren")
    data["items"][2]["decision"].append("att notera informationen")
    data["items"].append({"number": 23, "title": "Mötets avslutande", "kind": "information"})
    out = update_text(text, data)
    assert tomllib.loads(out) == data
    assert out.startswith("# Styrelsemöte 2023-04-14, §12–§22.\n# Oskar Hedin tjänstgör för Kjell Ivarsson.")
    assert 'adjusters = ["reza-karimi", "helena-stromgren"]' in out
    assert out.endswith('\n[[items]]\nnumber = 23\ntitle = "Mötets avslutande"\nkind = "information"\n')
    before, after = text.splitlines(), out.splitlines()
    assert [line for line in before if line.startswith("#")] == [line for line in after if line.startswith("#")]


def test_removing_an_item_and_a_key():
    text = '# c\nname = "A"\ntitle = "t" # keep?\n\n[[memberships]]\norgan = "x"\n\n[[memberships]]\norgan = "y"\n'
    data = tomllib.loads(text)
    del data["title"]
    del data["memberships"][0]
    out = update_text(text, data)
    assert tomllib.loads(out) == data
    assert out.startswith('# c\nname = "A"\n')


SCALARS = st.one_of(st.text(max_size=10), st.integers(-5, 10**7), st.booleans(), st.dates())


@settings(max_examples=int(os.environ.get("FINSAM_EDIT_EXAMPLES", "150")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(BUNDLED), data=st.data())
def test_random_edits_round_trip(path, data):
    text = path.read_text(encoding="utf-8")
    doc = tomllib.loads(text)
    new = copy.deepcopy(doc)
    for _ in range(data.draw(st.integers(1, 5))):
        target, keys = new, []
        while isinstance(target, (dict, list)) and target and data.draw(st.booleans()):
            key = data.draw(st.sampled_from(list(target) if isinstance(target, dict) else range(len(target))))
            if not isinstance(target[key], (dict, list)):
                break
            target, keys = target[key], keys + [key]
        action = data.draw(st.sampled_from(["set", "delete", "append"]))
        if isinstance(target, dict):
            if action == "delete" and target:
                del target[data.draw(st.sampled_from(sorted(target)))]
            else:
                target[data.draw(st.sampled_from(sorted(target) + ["new_key"]))] = data.draw(SCALARS)
        elif isinstance(target, list):
            if action == "delete" and target:
                del target[data.draw(st.integers(0, len(target) - 1))]
            elif target and isinstance(target[0], dict):
                target.append({"k": data.draw(SCALARS)})
            elif all(not isinstance(x, (dict, list)) for x in target):
                target.append(data.draw(SCALARS))
    out = update_text(text, new)
    assert tomllib.loads(out) == new


def test_next_meeting_date_is_the_latest_meetings_next_meeting_if_not_held(records_copy):
    archive = load_archive(records_copy)
    assert next_meeting_date(archive, "styrelse") == dt.date(2024, 2, 16)
    assert next_meeting_date(archive, "beredningsgrupp") == dt.date(2023, 9, 15)
    assert next_meeting_date(archive, "no-such-organ") is None
    latest = records_copy / "moten/styrelse/2023/2023-11-17.toml"
    text = latest.read_text(encoding="utf-8")
    latest.write_text(text.replace("next_meeting = 2024-02-16", "next_meeting = 2023-11-17"), encoding="utf-8")
    assert next_meeting_date(load_archive(records_copy), "styrelse") is None  # not after the meeting
    latest.write_text(text.replace("next_meeting = 2024-02-16\n", ""), encoding="utf-8")
    assert next_meeting_date(load_archive(records_copy), "styrelse") is None  # none set


def test_new_meeting_from_the_previous_one():
    archive = load_archive(RECORDS)
    date = dt.date(2023, 12, 8)
    data = new_meeting(archive, "styrelse", date)
    prev = archive.meetings["styrelse/2023-11-17"].data
    assert data["state"] == "planerad" and data["date"] == date
    assert data["chair"] == prev["chair"] and data["place"] == prev["place"]
    last = max(i["number"] for i in prev["items"])
    assert next_paragraph_number(archive, "styrelse", date) == last + 1
    assert [(i["number"], i["title"]) for i in data["items"]] == [
        (last + 1, "Mötets öppnande"), (last + 2, "Val av justerare"), (last + 3, "Godkännande av dagordning")]
    called = set(data["attendance"]["voting"])
    assert set(prev["attendance"]["voting"]) <= called
    text = new_text(data)
    assert tomllib.loads(text) == data
    assert next_paragraph_number(archive, "styrelse", dt.date(2024, 2, 1)) == 1  # per_år restarts


# -- §§ and sub-items added, removed and moved: each table keeps its comments and layout ----------

AGENDA = '''organ = "x"

# about §1
[[items]]
number = 1
title = "A"
background = """
two
lines"""

# about §2
[[items]]
number = 2
title = "B"
kind = "beslut"  # decided

# about §2 a)
[[items.sub]]
letter = "a"
title = "Ba"

# about §2 b)
[[items.sub]]
letter = "b"
title = "Bb"

# about §3
[[items]]
number = 3
title = "C"
'''


def _renumbered(items: list[dict]) -> list[dict]:
    for n, item in enumerate(items, 1):
        item["number"] = n
        for k, sub in enumerate(item.get("sub", [])):
            sub["letter"] = "abcdefghij"[k]
    return items


def _line_after(text: str, comment: str) -> str:
    """The line after a comment line: what it is about."""
    lines = text.splitlines()
    return lines[lines.index(comment) + 1]


def _written(change) -> tuple[dict, str]:
    """AGENDA's data changed by change(data), §§ and letters renumbered; and the text written."""
    data = tomllib.loads(AGENDA)
    change(data)
    _renumbered(data["items"])
    out = update_text(AGENDA, data)
    assert tomllib.loads(out) == data
    return data, out


def test_a_removed_paragraph_takes_no_other_comment_along():
    _, out = _written(lambda data: data["items"].pop(0))
    assert [line for line in out.splitlines() if line.startswith("#")] == [
        line for line in AGENDA.splitlines() if line.startswith("#")]  # none lost (§1's stays, above §2's)
    assert out.count('number = 1\ntitle = "B"\nkind = "beslut"  # decided\n') == 1  # §2 as it was, renumbered
    assert _line_after(out, "# about §3") == "[[items]]" and out.endswith('number = 2\ntitle = "C"\n')
    assert "\n\n\n" not in out


def test_a_paragraph_inserted_in_the_middle_goes_before_the_comments_of_the_next():
    _, out = _written(lambda data: data["items"].insert(1, {"number": 0, "title": "New"}))
    assert '"""\ntwo\nlines"""\n\n[[items]]\nnumber = 2\ntitle = "New"\n\n# about §2\n[[items]]\nnumber = 3\n' in out
    assert "\n\n\n" not in out


def test_a_sub_item_moved_to_another_paragraph():
    def change(data):
        data["items"][2]["sub"] = [data["items"][1]["sub"].pop(0)]
        data["items"][0]["sub"] = [{"letter": "a", "title": "Line one\nline two"}]

    data, out = _written(change)
    # text with line breaks as a """ string starting on the next line; one blank line between tables
    assert 'lines"""\n\n[[items.sub]]\nletter = "a"\ntitle = """\nLine one\nline two"""\n\n# about §2\n' in out
    assert '# about §2 b)\n[[items.sub]]\nletter = "a"\ntitle = "Bb"\n\n# about §3\n' in out
    assert out.endswith('title = "C"\n\n[[items.sub]]\nletter = "a"\ntitle = "Ba"\n')
    assert "\n\n\n" not in out
    # and the last one out of §2 too: §2 ends where its sub-items did. (The comments of what
    # was moved stay where it was: the editor moves data, not the comments about it.)
    del data["items"][1]["sub"]
    again = update_text(out, data)
    assert tomllib.loads(again) == data
    assert 'kind = "beslut"  # decided\n\n# about §2 a)\n# about §2 b)\n\n# about §3\n[[items]]' in again
    assert "\n\n\n" not in again


def test_a_changed_text_with_line_breaks_stays_a_multi_line_string():
    def change(data):
        data["items"][0]["background"] = 'three\n"quoted"\nlines'
        data["items"][2]["decision_text"] = 'ends with a quote"'
        data["items"][2]["proposal"] = "\nstarts with a line break"

    _, out = _written(change)
    assert 'background = """\nthree\n"quoted"\nlines"""\n' in out
    assert 'decision_text = "ends with a quote\\""' in out


MEETINGS = [p for p in BUNDLED if "moten" in p.parts]
ONE_LINE = st.text(st.characters(exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=12)


@settings(max_examples=int(os.environ.get("FINSAM_EDIT_EXAMPLES", "150")), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(source=st.sampled_from([None] + MEETINGS), data=st.data())
def test_random_paragraphs_added_and_removed_keep_comments_and_layout(source, data):
    text = AGENDA if source is None else source.read_text(encoding="utf-8")
    new = tomllib.loads(text)
    items = new["items"]
    for _ in range(data.draw(st.integers(1, 4))):
        parent = data.draw(st.sampled_from([None] + [i for i, item in enumerate(items) if item.get("sub")]))
        entries = items if parent is None else items[parent]["sub"]
        leaves = [k for k, e in enumerate(entries) if not e.get("sub")]  # (a removed § takes its sub-items' comments)
        if data.draw(st.booleans()) and len(entries) > 1 and leaves:
            del entries[data.draw(st.sampled_from(leaves))]
        else:
            entries.insert(data.draw(st.integers(0, len(entries))), {"number" if parent is None else "letter": 0,
                                                                      "title": data.draw(ONE_LINE)})
    _renumbered(items)
    out = update_text(text, new)
    assert tomllib.loads(out) == new
    assert sorted(line for line in out.splitlines() if line.startswith("#")) == sorted(
        line for line in text.splitlines() if line.startswith("#"))  # no comment lost
    assert "\n\n\n" not in out and out.endswith("\n") and not out.endswith("\n\n")


def test_a_byte_order_mark_is_not_toml_and_stays_where_it_was():
    text = "\ufeff# Styrelsen\ntitle = \"Gammal\"\n"
    assert parse_text(text) == {"title": "Gammal"}
    assert update_text(text, {"title": "Ny"}) == "\ufeff# Styrelsen\ntitle = \"Ny\"\n"

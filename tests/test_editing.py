"""Editing writes back only what changed: comments, order and layout survive."""

import copy
import datetime as dt
import os
import tomllib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsam_tui.editing import new_meeting, new_text, next_paragraph_number, update_text
from finsam_tui.validate import load_archive

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

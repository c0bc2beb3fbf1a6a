"""The board's composition on a date (core/records/board.py) and the vacancy intervals
(rules/vacancies.py): what a board meeting's quorum and the seat warnings rest on."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.check.rules.seating import board_quorum
from finsam_tui.core.check.rules.vacancies import _deviations

from .test_rules import BASE

D = dt.date
PERIODS = """
[[board_periods]]
start = 2023-03-01
quorum = "alla_medlemmar"

[[board_periods.seats]]
name = "Staten"
orgs = ["forsakringskassan", "arbetsformedlingen"]
members = 2
substitutes = 2

[[board_periods.seats]]
orgs = ["region-x"]

[[board_periods.seats]]
orgs = ["ekby"]
"""


def folder(tmp_path: Path, extra: str = PERIODS) -> Path:
    root = shutil.copytree(BASE, tmp_path / "records")
    text = (root / "forbund.toml").read_text(encoding="utf-8")
    (root / "forbund.toml").write_text(text.replace("[deadlines]", extra.lstrip() + "\n[deadlines]"),
                                       encoding="utf-8")
    return root


def test_the_composition_in_force_on_the_date(tmp_path):
    archive = load_archive(folder(tmp_path))
    ctx = archive.ctx
    before = ctx.board(D(2023, 2, 10))  # before the period: [seats], every member its own seat
    assert before.period is None and before.total == 4 and before.quorum == "mer_än_hälften"
    during = ctx.board(D(2023, 4, 14))
    assert during.period is not None and during.total == 4 and during.quorum == "alla_medlemmar"
    assert during.seat_of("arbetsformedlingen") is during.seat_of("forsakringskassan")
    assert ctx.seat_of("cia-berg", "styrelse", D(2023, 4, 14), "ledamot").name == "Staten"
    assert ctx.seat_of("dan-holm", "styrelse", D(2023, 4, 14), "ersättare").name == "Staten"


def test_quorum_counts_seats_and_caps_each_at_its_members(tmp_path):
    archive = load_archive(folder(tmp_path))
    ctx, date = archive.ctx, D(2023, 4, 14)
    full = {"attendance": {"voting": ["anna-ek", "cia-berg", "eva-strand", "gun-sjo"]}}
    assert board_quorum(ctx, full, "styrelse", date) == ("alla_medlemmar", 4, 4)
    # Ekby's ersättare serving on his own seat fills it; serving for the region's member fills hers
    served = {"attendance": {"voting": ["anna-ek", "cia-berg"], "serving": [
        {"person": "hans-vik"}, {"person": "fredrik-al", "replaces": "eva-strand"}]}}
    assert board_quorum(ctx, served, "styrelse", date) == ("alla_medlemmar", 4, 4)
    # the state seat has two places: a third person on it adds nothing
    crowded = {"attendance": {"voting": ["anna-ek", "cia-berg"], "serving": [{"person": "bo-lind"}]}}
    assert board_quorum(ctx, crowded, "styrelse", date) == ("alla_medlemmar", 4, 2)


def test_the_base_meetings_stay_clean_under_the_period(tmp_path):
    archive = load_archive(folder(tmp_path))
    # only the 10 § warning for the shared state seat, at the period in forbund.toml
    assert {(f.code, f.file) for f in archive.findings} == {("FS406", "forbund.toml")}


def test_vacant_and_surplus_intervals():
    lo, hi = D(2023, 1, 1), D.max
    spans = [(D(2023, 1, 1), D(2023, 3, 15)), (D(2023, 5, 2), None)]
    assert _deviations(lo, hi, spans, 1) == [(D(2023, 3, 16), D(2023, 5, 1), "FS401", 0)]
    assert _deviations(lo, hi, [(D(2023, 1, 1), None)], 1) == []
    assert _deviations(lo, hi, [], 1) == [(lo, hi, "FS401", 0)]
    overlap = [(D(2023, 1, 1), None), (D(2023, 3, 1), D(2023, 3, 31)), (D(2023, 3, 10), D(2023, 4, 30))]
    assert _deviations(lo, hi, overlap, 1) == [(D(2023, 3, 1), D(2023, 4, 30), "FS405", 3)]
    # a period's end closes the interval
    assert _deviations(lo, D(2023, 12, 31), [(D(2023, 6, 1), None)], 1) == [
        (lo, D(2023, 5, 31), "FS401", 0)]


def test_a_seat_of_an_unknown_organisation_is_one_reference_error_not_a_vacancy(tmp_path):
    root = folder(tmp_path, PERIODS.replace('orgs = ["region-x"]', 'orgs = ["region-y"]'))
    got = {(f.code, f.file) for f in load_archive(root).findings}
    assert ("FS201", "forbund.toml") in got
    assert "FS401" not in {code for code, _file in got}

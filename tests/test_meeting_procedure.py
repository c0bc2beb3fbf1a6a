"""What happened at the meeting (#13): the procedure fields in the canonical format, in
`finsam show`, and the per-§ presence the rules follow (arrive, leave, come back).

The fixtures under tests/fixtures/real/ and tests/fixtures/rules/FS33x–FS34x show each element
validating and exported; here: what those cannot say on their own."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.ops.canonical import format_text
from tests.test_real_protocols import REAL
from tests.test_rules import BASE, RULE_FIXTURES, actual, build

MEETING = "moten/styrelse/2023/2023-06-09.toml"
PROCEDURE_FIXTURES = sorted(
    [p / MEETING for p in REAL.iterdir() if (p / MEETING).is_file()]
    + [p / MEETING for p in RULE_FIXTURES.iterdir() if p.name[:4] in ("FS33", "FS34") and (p / MEETING).is_file()])


@pytest.mark.parametrize("path", PROCEDURE_FIXTURES, ids=lambda p: p.parent.parent.parent.parent.name)
def test_the_procedure_fixtures_are_in_canonical_form(path: Path):
    text = path.read_text(encoding="utf-8")
    assert format_text(text, "meeting") == text


def test_fmt_puts_the_procedure_fields_in_their_place_and_keeps_comments():
    text = textwrap.dedent('''\
        organ = "styrelse"
        date = 2023-06-09
        state = "genomförd"

        [[items]]
        immediately_adjusted = true
        number = 8
        # the vote was asked for by Eva Strand
        [items.vote]
        against = ["eva-strand"]
        for = ["anna-ek"]

        [[items.motions]]
        text = "Avslag."
        by = "eva-strand"
        [[items]]
        outcome = "bordlagt"
        added = true
        title = "Lokalfrågan"
        number = 9
        kind = "beslut"
        ''')
    assert format_text(text, "meeting") == textwrap.dedent('''\
        organ = "styrelse"
        date = 2023-06-09
        state = "genomförd"

        [[items]]
        number = 8
        immediately_adjusted = true

        [[items.motions]]
        by = "eva-strand"
        text = "Avslag."

        # the vote was asked for by Eva Strand
        [items.vote]
        for = ["anna-ek"]
        against = ["eva-strand"]

        [[items]]
        number = 9
        title = "Lokalfrågan"
        kind = "beslut"
        added = true
        outcome = "bordlagt"
        ''')


def _meeting(tmp_path: Path, changes: str, item: str) -> Path:
    root = build(BASE, tmp_path / "records")
    (root / MEETING).write_text(textwrap.dedent('''\
        organ = "styrelse"
        date = 2023-06-09
        state = "genomförd"
        chair = "anna-ek"
        secretary = "ida-nord"

        [attendance]
        voting = ["anna-ek", "cia-berg", "eva-strand", "gun-sjo"]
        others = ["ida-nord"]
        ''') + textwrap.dedent(changes) + textwrap.dedent('''
        [[items]]
        number = 7
        title = "Information"

        [[items]]
        number = 8
        title = "Ansökan"
        kind = "beslut"
        decision = ["att bevilja ansökan"]

        [[items]]
        number = 9
        title = "Avtal"
        kind = "beslut"
        decision = ["att teckna avtalet"]
        ''') + textwrap.dedent(item), encoding="utf-8")
    return root


LEAVES_AND_RETURNS = '''
    [[attendance.changes]]
    person = "gun-sjo"
    left = 8

    [[attendance.changes]]
    person = "gun-sjo"
    arrived = 9
    '''


def test_someone_who_left_and_came_back_votes_again(tmp_path):
    root = _meeting(tmp_path, LEAVES_AND_RETURNS, '''
        [items.vote]
        for = ["anna-ek", "cia-berg", "gun-sjo"]
        against = ["eva-strand"]
        ''')
    assert actual(root) == set()


def test_someone_who_left_cannot_reserve_before_coming_back(tmp_path):
    root = _meeting(tmp_path, LEAVES_AND_RETURNS, "")
    text = (root / MEETING).read_text(encoding="utf-8").replace(
        'decision = ["att bevilja ansökan"]\n',
        'decision = ["att bevilja ansökan"]\n\n[[items.reservations]]\nperson = "gun-sjo"\n', 1)  # in §8
    (root / MEETING).write_text(text, encoding="utf-8")
    line = text.splitlines().index("[[items.reservations]]") + 2
    assert actual(root) == {("FS334", MEETING, line)}


def test_counts_without_names_are_checked_against_those_deciding_in_the_paragraph(tmp_path):
    # Gun Sjö has not arrived in §8: three decide there, so four votes are one too many
    root = _meeting(tmp_path, '''
        [[attendance.changes]]
        person = "gun-sjo"
        arrived = 9
        ''', '')
    text = (root / MEETING).read_text(encoding="utf-8").replace(
        'decision = ["att bevilja ansökan"]\n', 'decision = ["att bevilja ansökan"]\n\n[items.vote]\nfor_count = 3\n'
        'against_count = 1\n', 1)
    (root / MEETING).write_text(text, encoding="utf-8")
    line = text.splitlines().index("[items.vote]") + 1
    assert actual(root) == {("FS339", MEETING, line)}


def _real(name: str, tmp_path: Path) -> Path:
    return build(REAL / name, tmp_path / "records")


def test_show_a_meeting_tells_arrivals_departures_and_the_vote(tmp_path, capsys):
    root = _real("arrival-mid-meeting", tmp_path)
    assert main(["show", "styrelse/2023-06-09", "--records", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Ändrad närvaro\n  - Eva Strand kommer kl. 09:25, deltar från och med §8\n" \
           "  - Gun Sjö går kl. 11:05, deltar inte från och med §10\n" in out
    assert "§8   Ansökan om förlängning: Samordningsteamet [beslut, votering]" in out


def test_show_a_paragraph_tells_the_vote_and_the_serving_substitute(tmp_path, capsys):
    root = _real("per-paragraph-serving", tmp_path)
    assert main(["show", "styrelse/2023-06-09/§8", "--records", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Tjänstgör i paragrafen\n  - Hans Vik (för Gun Sjö)\n" in out
    assert "Votering\n  Ja   Anna Ek, Cia Berg, Eva Strand (3)\n  Nej  Hans Vik (1)\n" in out
    assert "Yrkanden\n  - Hans Vik: Att avtalet tecknas för 2023 med möjlighet till förlängning.\n" in out


def test_show_outcome_per_capsulam_and_signatures(tmp_path, capsys):
    root = _real("bordlaggning-and-aterremiss", tmp_path)
    assert main(["show", "styrelse/2023-06-09/§9", "--records", str(root), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Outcome          referred back" in out
    root = _real("signers-e-signing", tmp_path / "2")
    assert main(["show", "styrelse/2023-06-09", "--records", str(root)]) == 0
    out = capsys.readouterr().out
    assert "Anslaget undertecknat av  Ida Nord" in out
    assert "  justerare    Eva Strand  2023-06-14  Digital signatur (BankID)  SIG-7731-03" in out


def test_show_json_has_the_procedure_fields(tmp_path, capsys):
    root = _real("votering-counts-only", tmp_path)
    assert main(["show", "styrelse/2023-06-09/§8", "--records", str(root), "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)["record"]
    assert record["vote"]["for"] == {"people": [], "count": 2}
    assert record["vote"]["abstained"]["count"] == 1
    assert record["motions"][0]["person"]["name"] == "Eva Strand"


def test_the_bundled_example_shows_an_arrival_a_note_and_an_omedelbar_justering():
    from finsam_tui.core.check.pipeline import load_archive
    from finsam_tui.core.export import protocol

    from .conftest import bundled_copy

    text = protocol(load_archive(bundled_copy()), "styrelse/2023-06-09")
    assert "- Sara Wikner kommer till sammanträdet kl. 13:20 och deltar från och med § 25." in text
    assert "Sara Wikner lämnar följande protokollsanteckning:" in text
    assert "Paragrafen förklaras omedelbart justerad." in text
    assert "Omedelbart justerade vid sammanträdet: § 27." in text


def test_finsam_decisions_lists_tabled_and_referred_back_items_and_per_capsulam(tmp_path, capsys):
    root = _real("bordlaggning-and-aterremiss", tmp_path)
    assert main(["decisions", "--year", "2023", "--records", str(root)]) == 0
    out = capsys.readouterr().out
    assert "styrelse/2023-06-09/§8  2023-06-09  Revidering av delegationsordningen\n  Ärendet: bordlagt\n" in out
    assert "  Ärendet: återremitterat\n" in out
    root = _real("per-capsulam", tmp_path / "2")
    assert main(["decisions", "--year", "2023", "--records", str(root), "--lang", "en"]) == 0
    assert "  Decided per capsulam on 2023-05-22\n" in capsys.readouterr().out


def test_a_locked_protocol_prints_the_frozen_names_in_the_procedure_too(tmp_path):
    from finsam_tui.core.check.pipeline import load_archive
    from finsam_tui.core.export import protocol

    root = _real("per-paragraph-serving", tmp_path)
    person = root / "personer" / "hans-vik.toml"
    person.write_text(person.read_text(encoding="utf-8").replace('name = "Hans Vik"', 'name = "Hans Viksten"'),
                      encoding="utf-8")
    archive = load_archive(root)
    assert {f.code for f in archive.findings} == {"FS328"}
    text = protocol(archive, "styrelse/2023-06-09")
    assert "Hans Vik tjänstgör för Gun Sjö under paragrafen." in text
    assert "- **Nej:** Hans Vik (1)" in text
    assert "- Hans Vik: Att avtalet tecknas för 2023" in text
    assert "Viksten" not in text


def test_an_outcome_note_that_goes_on_from_the_sentence_joins_it():
    from finsam_tui.core.check.pipeline import load_archive
    from finsam_tui.core.export.common import Context as ExportContext
    from finsam_tui.core.export.procedure import outcome
    from finsam_tui.core.i18n.export import Labels

    archive = load_archive(BASE)
    ctx = ExportContext(archive, Labels("sv"))
    item = {"outcome": "återremitterat", "outcome_note": "till förbundschefen för en kostnadsberäkning"}
    assert outcome(ctx, item) == ["Ärendet återremitteras till förbundschefen för en kostnadsberäkning."]
    item["outcome_note"] = "Ärendet tas upp igen i februari."
    assert outcome(ctx, item) == ["Ärendet återremitteras.", "Ärendet tas upp igen i februari."]
    assert outcome(ExportContext(archive, Labels("en")), {"outcome": "bordlagt", "outcome_note": "until March"}) \
        == ["The item is tabled until March."]

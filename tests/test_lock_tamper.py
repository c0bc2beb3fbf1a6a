"""A locked protocol, tampered with in the file itself (#14, section 1): what the file's own evidence
shows without git. The state cannot unlock it, a fingerprint removed from a protocol that was locked
is an error, and the rättelser are append-only and complete (what, why, a date from the meeting's
to today). What only the history shows is tests/test_lock_witness.py's."""

from __future__ import annotations

import datetime as dt
import re
import tomllib

from finsam_tui.cli.main import main
from finsam_tui.core.check import protocol_lock
from finsam_tui.core.check.cache import run
from finsam_tui.core.check.protocol_lock import is_locked

from .conftest import beyond_the_example

MEETING = "moten/styrelse/2023/2023-04-14.toml"  # anslagen and locked; state on line 9
STATE_LINE, JUSTERING_LINE, FINGERPRINT_LINE = 9, 23, 26
REF = "styrelse/2023-04-14"


def findings(root) -> list:
    """What finsam validate finds (through the cache: only what a test changed is read again)."""
    return run(root).findings


def found(root) -> list[tuple[str, str, int | None]]:
    return sorted((f.code, f.file, f.line) for f in beyond_the_example(findings(root)))


def line_of(path, prefix: str, start: int = 1) -> int:
    """The number of the first line at or after start that begins with prefix."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if i >= start and line.startswith(prefix))


def without_fingerprint_line(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not line.startswith("fingerprint = "))


def correct(root, what: str, why: str = "Skrivfel", date: str = "2 maj 2023") -> int:
    return main(["correct", REF, "--records", str(root), "--by", "johanna-lilja", "--what", what, "--why", why,
                 "--date", date])


def corrected_twice(root):
    """The meeting with two rättelser made by finsam correct (the place, then §12's title); its path."""
    path = root / MEETING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('place = "Kommunhuset', 'place = "Stadshuset'), encoding="utf-8")
    assert correct(root, "Platsen rättad") == 0
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Mötets öppnande"', 'title = "Mötets öppnande och upprop"'),
                    encoding="utf-8")
    assert correct(root, "§12: rubriken kompletterad", date="3 maj 2023") == 0
    assert found(root) == []
    return path


# -- 1. the state does not unlock a locked protocol ------------------------------------------------

def test_a_decision_changed_with_the_state_set_back_is_still_a_change(shared_records_copy):
    root = shared_records_copy
    path = root / MEETING
    text = path.read_text(encoding="utf-8")
    for state in ("genomförd", "planerad"):
        path.write_text(text.replace('state = "anslagen"', f'state = "{state}"')
                        .replace('"att godkänna dagordningen"', '"att godkänna dagordningen med ett tillägg"'),
                        encoding="utf-8")
        assert found(root) == [("FS326", MEETING, FINGERPRINT_LINE), ("FS356", MEETING, STATE_LINE)], state
    # the state alone set back: the content is as locked, the state is the finding
    path.write_text(text.replace('state = "anslagen"', 'state = "genomförd"'), encoding="utf-8")
    assert found(root) == [("FS356", MEETING, STATE_LINE)]
    [f] = [f for f in findings(root) if f.code == "FS356"]
    assert f.severity == "error"
    assert f.message("sv") == "Protokollet är låst (det har ett fingeravtryck) men status är genomförd"
    assert f.message("en") == "The minutes are locked (they have a fingerprint) but the state is genomförd"


def test_the_lock_predicate_follows_the_evidence_not_the_state():
    assert is_locked({"state": "anslagen"})
    assert is_locked({"state": "genomförd", "justering": {"fingerprint": "sha256:00"}})
    assert is_locked({"state": "planerad", "corrections": [{"what": "x"}]})
    assert is_locked({"state": "genomförd", "justering": {"printed": {"organ": "Styrelsen"}}})
    assert not is_locked({"state": "genomförd", "justering": {"date": dt.date(2023, 4, 20)}})


# -- 2. a fingerprint removed from a protocol that was locked --------------------------------------

def test_a_fingerprint_removed_where_the_names_are_frozen_is_an_error(shared_records_copy, capsys):
    root = shared_records_copy
    path = root / MEETING
    assert main(["lock", REF, "--freeze-names", "--records", str(root)]) == 0  # [justering.printed]
    path.write_text(without_fingerprint_line(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert found(root) == [("FS355", MEETING, JUSTERING_LINE)]
    [f] = [f for f in findings(root) if f.code == "FS355"]
    assert f.severity == "error"
    assert f.message("sv") == ("Protokollet har låsts (namnen är frysta i [justering.printed]) men fingeravtrycket "
                               "i [justering] saknas")
    # finsam lock does not lock the changed text again in its place
    capsys.readouterr()
    before = path.read_bytes()
    assert main(["lock", REF, "--records", str(root)]) == 1
    assert capsys.readouterr().err.startswith(f"finsam lock: {REF} har låsts förut men dess fingeravtryck saknas")
    assert main(["lock", "--all", "--records", str(root)]) == 0
    assert "Inga justerade möten att låsa." in capsys.readouterr().out
    assert path.read_bytes() == before


def test_a_fingerprint_removed_where_there_are_corrections_is_an_error(shared_records_copy):
    root = shared_records_copy
    path = corrected_twice(root)
    text = path.read_text(encoding="utf-8")
    lock_line = next(line for line in text.split("\n") if line.startswith("fingerprint = "))  # in [justering]
    path.write_text(text.replace(lock_line + "\n", "", 1), encoding="utf-8")
    assert found(root) == [("FS355", MEETING, JUSTERING_LINE)]
    [f] = [f for f in findings(root) if f.code == "FS355"]
    assert f.message("en") == "The minutes were locked (they have corrections) but the fingerprint in [justering] is missing"


def test_a_justerad_meeting_never_locked_stays_a_warning(shared_records_copy):
    root = shared_records_copy
    path = root / MEETING
    path.write_text(without_fingerprint_line(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert found(root) == [("FS327", MEETING, STATE_LINE)]
    [f] = [f for f in findings(root) if f.code == "FS327"]
    assert f.severity == "warning"


# -- 4. the rättelser: append-only, and complete ---------------------------------------------------

def test_an_earlier_correction_removed_is_an_error(shared_records_copy):
    root = shared_records_copy
    path = corrected_twice(root)
    text = path.read_text(encoding="utf-8")
    first = text.index("[[corrections]]")
    second = text.index("[[corrections]]", first + 1)
    path.write_text(text[:first] + text[second:], encoding="utf-8")
    assert found(root) == [("FS358", MEETING, line_of(path, "[[corrections]]"))]
    [f] = [f for f in findings(root) if f.code == "FS358"]
    assert f.message("en") == ("Correction 1 does not match the corrections before it: an earlier correction "
                               "was removed or rewritten")


def test_an_earlier_correction_rewritten_is_an_error(shared_records_copy):
    root = shared_records_copy
    path = corrected_twice(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('why = "Skrivfel"', 'why = "Beslut av ordföranden"', 1), encoding="utf-8")
    assert found(root) == [("FS358", MEETING, line_of(path, "[[corrections]]"))]
    # the last one rewritten: its own chain shows it
    last = text.rindex('what = "')
    path.write_text(text[:last] + text[last:].replace('what = "§12: rubriken kompletterad"', 'what = "§12"'),
                    encoding="utf-8")
    second = line_of(path, "[[corrections]]", line_of(path, "[[corrections]]") + 1)
    assert found(root) == [("FS358", MEETING, second)]


def test_corrections_written_before_the_chain_stay_valid(shared_records_copy):
    root = shared_records_copy
    path = corrected_twice(root)
    legacy = "\n".join(line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith("chain = "))
    path.write_text(legacy, encoding="utf-8")
    assert found(root) == []
    # but once the rättelser are chained, one without a chain after them is not finsam's
    assert correct(root, "§12: rubriken", date="4 maj 2023") == 1  # nothing changed: refused
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('place = "Stadshuset', 'place = "Rådhuset'), encoding="utf-8")
    assert correct(root, "Platsen igen", date="4 maj 2023") == 0
    assert found(root) == []
    text = path.read_text(encoding="utf-8")
    assert text.count("chain = ") == 1
    data = tomllib.loads(text)
    assert data["corrections"][2]["chain"] == protocol_lock.chain(data["corrections"])


def test_a_correction_needs_what_why_and_a_date_from_the_meeting_to_today(shared_records_copy, monkeypatch):
    root = shared_records_copy
    path = corrected_twice(root)
    text = path.read_text(encoding="utf-8")
    start = text.rindex("[[corrections]]")
    last = text[start:]
    cases = {
        'what = ""': (last.replace('what = "§12: rubriken kompletterad"', 'what = ""'), "what = "),
        'why = "  "': (last.replace('why = "Skrivfel"', 'why = "  "'), "why = "),
        "before the meeting": (last.replace("date = 2023-05-03", "date = 2023-04-13"), "date = "),
        "in the future": (last.replace("date = 2023-05-03", "date = 2099-01-01"), "date = "),
    }
    for name, (entry, key) in cases.items():
        path.write_text(text[:start] + entry, encoding="utf-8")
        at = line_of(path, key, line_of(path, "[[corrections]]", text[:start].count("\n") + 1))
        # (the chain of the entry covers what was changed: FS358 there too, unless only the date moved)
        got = found(root)
        assert ("FS357", MEETING, at) in got, (name, got)
        assert {c for c, _, _ in got} <= {"FS357", "FS358"}, (name, got)
    archive_en = {f.code: f.message("en") for f in findings(root) if f.file == MEETING}
    assert archive_en["FS357"] == "Correction 2: dated 2099-01-01, after today ({})".format(dt.date.today())
    # "today" is protocol_lock.today(): a day later, the same entry is in the past
    monkeypatch.setattr(protocol_lock, "today", lambda: dt.date(2099, 1, 2))
    monkeypatch.setenv("FINSAM_NO_CACHE", "1")
    assert [c for c, _, _ in found(root) if c == "FS357"] == []
    # the person: a known one (FS201, the reference check of every person field)
    monkeypatch.undo()
    path.write_text(text[:start] + last.replace('by = "johanna-lilja"', 'by = "nobody-here"'), encoding="utf-8")
    assert ("FS201", MEETING, line_of(path, "by = ", text[:start].count("\n") + 1)) in found(root)


def test_finsam_correct_refuses_an_incomplete_or_misdated_correction(shared_records_copy, capsys):
    root = shared_records_copy
    path = root / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace('place = "Kommunhuset', 'place = "Stadshuset'),
                    encoding="utf-8")
    before = path.read_bytes()
    capsys.readouterr()
    assert correct(root, "Platsen", date="13 april 2023") == 2
    assert capsys.readouterr().err == ("finsam correct: rättelsens datum 2023-04-13 ligger före mötet 2023-04-14; "
                                       "ange ett datum från mötesdagen till i dag.\n")
    assert correct(root, "Platsen", date="+3d") == 2
    assert "ligger efter i dag" in capsys.readouterr().err
    assert correct(root, "  ") == 2
    assert capsys.readouterr().err == "finsam correct: ange vad som ändrades (--what).\n"
    assert correct(root, "Platsen", why="") == 2
    assert capsys.readouterr().err == "finsam correct: ange varför (--why).\n"
    assert path.read_bytes() == before

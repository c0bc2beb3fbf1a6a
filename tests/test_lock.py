"""Locked after justering: a content fingerprint; later changes only as corrections (rättelser)."""

import tomllib

from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.check.protocol_lock import chain, fingerprint, matches

from .conftest import beyond_the_example

MEETING = "moten/styrelse/2023/2023-04-14.toml"


def codes(root):
    return [(f.code, f.file) for f in beyond_the_example(load_archive(root).findings)]


def without_printed(text: str) -> str:
    """text without its [justering.printed] table (the names finsam lock freezes)."""
    start = text.index("\n[justering.printed]\n")
    return text[:start] + text[text.index("\n[", start + 2):]


def as_locked(text: str, after: str) -> str:
    """What finsam lock writes for the meeting text as it was locked before (its fingerprint then
    in the legacy formula): the same text, the fingerprint in its place in the current formula,
    and the frozen names (asserted to be covered by it)."""
    fp = fingerprint(tomllib.loads(after))
    old = next(line for line in text.split("\n") if line.startswith("fingerprint = "))
    return text.replace(old, f'fingerprint = "{fp}"')


def test_bundled_meetings_are_locked_and_match():
    from .conftest import RECORDS

    for path in (RECORDS / "moten").rglob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert matches(data, data["justering"]["fingerprint"]), path  # (in the current or the legacy formula)


def test_a_change_after_justering_is_an_error_until_recorded_as_a_correction(records_copy, capsys):
    path = records_copy / MEETING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Mötets öppnande"', 'title = "Mötets öppnande och upprop"'), encoding="utf-8")
    assert codes(records_copy) == [("FS326", MEETING)]
    assert main(["correct", "styrelse/2023-04-14", "--records", str(records_copy), "--by", "johanna-lilja",
                 "--what", "§12: rubriken kompletterad", "--why", "Ofullständig rubrik", "--date", "2 maj 2023"]) == 0
    assert codes(records_copy) == []
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text.split("\n", 1)[0])  # comments kept
    assert after.endswith('[[corrections]]\ndate = 2023-05-02\nby = "johanna-lilja"\n'
                          'what = "§12: rubriken kompletterad"\nwhy = "Ofullständig rubrik"\n'
                          f'fingerprint = "{fingerprint(tomllib.loads(after))}"\n'
                          f'chain = "{chain(tomllib.loads(after)["corrections"])}"\n')
    capsys.readouterr()
    assert main(["export", "protocol", "styrelse/2023-04-14", "--records", str(records_copy)]) == 0
    out = capsys.readouterr().out
    assert "## Rättelser efter justering" in out
    assert "| 2023-05-02 | Johanna Lilja | §12: rubriken kompletterad | Ofullständig rubrik |" in out
    # a correction with nothing changed since is refused
    assert main(["correct", "styrelse/2023-04-14", "--records", str(records_copy), "--by", "johanna-lilja",
                 "--what", "x", "--why", "y"]) == 1
    # a further change without a correction is caught again
    path.write_text(after.replace('place = "Kommunhuset', 'place = "Stadshuset'), encoding="utf-8")
    assert codes(records_copy) == [("FS326", MEETING)]


def test_the_anslag_and_state_may_change_after_justering(records_copy):
    path = records_copy / MEETING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('removed = 2023-05-15', 'removed = 2023-05-16'), encoding="utf-8")
    assert codes(records_copy) == []


def test_lock_command(records_copy, capsys):
    path = records_copy / MEETING
    text = path.read_text(encoding="utf-8")
    unlocked = "\n".join(line for line in text.split("\n") if not line.startswith("fingerprint = "))
    path.write_text(unlocked, encoding="utf-8")
    assert codes(records_copy) == [("FS327", MEETING)]
    assert main(["lock", "styrelse/2023-04-14", "--records", str(records_copy)]) == 0
    assert capsys.readouterr().out == "Låst: styrelse/2023-04-14\n"
    after = path.read_text(encoding="utf-8")
    assert without_printed(after) == as_locked(text, after)  # the same line, in the same place
    assert '[justering.printed]\nforbund = "Samordningsförbundet Norra Mellanland"\norgan = "Styrelsen"\n' in after
    text = after
    assert main(["lock", "styrelse/2023-04-14", "--records", str(records_copy)]) == 0  # already locked
    assert main(["lock", "--all", "--records", str(records_copy)]) == 0
    assert "Inga justerade möten att låsa." in capsys.readouterr().out
    path.write_text(text.replace('place = "Kommunhuset', 'place = "Stadshuset'), encoding="utf-8")
    assert main(["lock", "styrelse/2023-04-14", "--records", str(records_copy)]) == 1  # changed since the lock
    assert main(["lock", "styrelse/2099-01-01", "--records", str(records_copy)]) == 2


# -- a file saved with a byte order mark, the nearest meeting, the words ----------------------------

BOM = "\ufeff"


def test_lock_and_correct_a_meeting_saved_with_a_byte_order_mark(records_copy, capsys):
    path = records_copy / MEETING
    text = path.read_text(encoding="utf-8")
    unlocked = "\n".join(line for line in text.split("\n") if not line.startswith("fingerprint = "))
    path.write_text(BOM + unlocked, encoding="utf-8")
    assert codes(records_copy) == [("FS327", MEETING)]
    capsys.readouterr()
    assert main(["lock", "styrelse/2023-04-14", "--records", str(records_copy)]) == 0
    assert capsys.readouterr() == ("Låst: styrelse/2023-04-14\n", "")
    after = path.read_text(encoding="utf-8")
    assert after.startswith(BOM) and after.count(BOM) == 1  # the mark kept, the fingerprint in its place
    assert without_printed(after.removeprefix(BOM)) == as_locked(text, after.removeprefix(BOM))
    text = after.removeprefix(BOM)
    assert codes(records_copy) == []
    path.write_text(BOM + text.replace('title = "Mötets öppnande"', 'title = "Mötets öppnande och upprop"'),
                    encoding="utf-8")
    assert codes(records_copy) == [("FS326", MEETING)]
    assert main(["correct", "styrelse/2023-04-14", "--records", str(records_copy), "--by", "johanna-lilja",
                 "--what", "§12: rubriken kompletterad", "--why", "Ofullständig rubrik", "--date", "2 maj 2023"]) == 0
    assert capsys.readouterr() == ("Rättelse införd: styrelse/2023-04-14\n", "")
    raw = path.read_bytes().decode("utf-8")
    assert raw.startswith(BOM + text.split("\n", 1)[0]) and raw.count(BOM) == 1
    after = raw.removeprefix(BOM)
    assert after.endswith('[[corrections]]\ndate = 2023-05-02\nby = "johanna-lilja"\n'
                          'what = "§12: rubriken kompletterad"\nwhy = "Ofullständig rubrik"\n'
                          f'fingerprint = "{fingerprint(tomllib.loads(after))}"\n'
                          f'chain = "{chain(tomllib.loads(after)["corrections"])}"\n')
    assert codes(records_copy) == []
    assert main(["lock", "styrelse/2023-04-14", "--records", str(records_copy)]) == 0  # already locked
    assert capsys.readouterr().out == "Redan låst: styrelse/2023-04-14\n"


def test_an_unknown_meeting_is_named_with_the_nearest_one(records_copy, capsys):
    before = (records_copy / MEETING).read_bytes()
    assert main(["lock", "styrelse/2023-04-15", "--records", str(records_copy)]) == 2
    assert capsys.readouterr().err == ("finsam lock: mötet styrelse/2023-04-15 finns inte.\n"
                                       "Närmaste möte: styrelse/2023-04-14\n")
    assert main(["correct", "styrelse/2023-04-15", "--records", str(records_copy), "--by", "johanna-lilja",
                 "--what", "x", "--why", "y", "--lang", "en"]) == 2
    assert capsys.readouterr().err == ("finsam correct: there is no meeting styrelse/2023-04-15.\n"
                                       "Nearest meeting: styrelse/2023-04-14\n")
    assert main(["lock", "styrelse/2023-04-14/§12", "--records", str(records_copy)]) == 2
    assert capsys.readouterr().err == ("finsam lock: styrelse/2023-04-14/§12 är ingen mötesreferens; "
                                       "skriv t.ex. styrelse/2023-04-14.\n")
    assert (records_copy / MEETING).read_bytes() == before
    (records_copy / MEETING).write_bytes(before.replace(b'state = "anslagen"', b'state = "anslagen'))
    assert main(["lock", "styrelse/2023-04-14", "--records", str(records_copy)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"finsam lock: styrelse/2023-04-14 kan inte läsas:\n  {MEETING}:9: FS")  # why


def test_the_messages_of_lock_and_correct_in_swedish_and_english(records_copy, capsys):
    records = ["--records", str(records_copy)]
    assert main(["lock", *records]) == 2
    assert capsys.readouterr().err == "finsam lock: ange ett möte (REF) eller --all, inte båda.\n"
    assert main(["lock", "styrelse/2023-04-14", "--all", *records, "--lang", "en"]) == 2
    assert capsys.readouterr().err == "finsam lock: name a meeting (REF) or --all, not both.\n"
    correct = ["correct", "styrelse/2023-04-14", *records, "--by", "johanna-lilja", "--what", "x", "--why", "y"]
    assert main([*correct, "--date", "30 feb"]) == 2
    assert capsys.readouterr().err == ("finsam correct: '30 feb' är inget datum: skriv t.ex. 2022-06-17, "
                                       "17 juni 2022, idag eller +3v\n")
    assert main([*correct, "--date", "30 feb", "--lang", "en"]) == 2
    assert capsys.readouterr().err == ("finsam correct: '30 feb' is not a date: write e.g. 2022-06-17, "
                                       "17 june 2022, today or +3w\n")
    assert main([*correct, "--by", "nobody", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "finsam correct: Unknown person 'nobody'.\n"
    assert main([*correct, "--lang", "en"]) == 1
    assert capsys.readouterr().err == ("finsam correct: styrelse/2023-04-14 has not changed since it was locked: "
                                       "there is nothing to correct.\n")
    path = records_copy / MEETING
    path.write_text(path.read_text(encoding="utf-8").replace('place = "Kommunhuset', 'place = "Stadshuset'),
                    encoding="utf-8")
    assert main(["lock", "styrelse/2023-04-14", *records]) == 1
    assert capsys.readouterr().err.startswith("finsam lock: styrelse/2023-04-14 har ändrats sedan det låstes")

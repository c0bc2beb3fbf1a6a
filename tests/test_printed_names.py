"""A locked protocol's printed names are frozen (``[justering.printed]``, issue #13).

Locking writes the names, roles and organisations the protocol prints, and the organ's and the
förbund's names; the exports of the locked protocol print those, whatever the files say later,
and a drift is a warning (FS328, FS329). A protocol locked without a snapshot exports from the
files as before, with no finding; ``finsam lock --freeze-names`` adds one (today's names). A
rättelse keeps the snapshot and adds the persons it names anew. Every test asserts the file on
disk, the exact findings or the exported text.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.check.protocol_lock import fingerprint
from finsam_tui.core.export import extract, protocol
from finsam_tui.core.ops.correct import Correction, correct_file
from finsam_tui.core.ops.lock import lock_file, locked
from finsam_tui.core.ops.places import place_of_rel
from finsam_tui.core.ops.save import Saved, read_record, save

from .test_rules import BASE

MEETING = "moten/styrelse/2023/2023-04-14.toml"
REF = "styrelse/2023-04-14"
EVA = "personer/eva-strand.toml"


def findings(root) -> list[tuple[str, str]]:
    return [(f.code, f.file) for f in load_archive(root).findings]


def base_copy(tmp_path, name: str = "records") -> Path:
    root = tmp_path / name
    shutil.copytree(BASE, root)
    return root


def unlocked(root: Path) -> Path:
    """The base meeting justerad but not locked (its fingerprint line removed)."""
    path = root / MEETING
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.split("\n") if not line.startswith("fingerprint = ")),
                    encoding="utf-8")
    return path


def rename_eva(root: Path, name: str = "Eva Strand Lövgren") -> None:
    path = root / EVA
    path.write_text(path.read_text(encoding="utf-8").replace('name = "Eva Strand"', f'name = "{name}"'),
                    encoding="utf-8")


def test_finsam_lock_freezes_the_names_the_protocol_prints(tmp_path, capsys):
    root = base_copy(tmp_path)
    path = unlocked(root)
    assert main(["lock", REF, "--records", str(root)]) == 0
    capsys.readouterr()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["justering"]["printed"] == {
        "forbund": "Samordningsförbundet Testdalen",
        "organ": "Styrelsen",
        "members": ["Ekby kommun", "Region X", "Försäkringskassan", "Arbetsförmedlingen"],
        "persons": [
            {"person": "anna-ek", "name": "Anna Ek", "role": "ordförande", "org": "Försäkringskassan"},
            {"person": "cia-berg", "name": "Cia Berg", "role": "vice ordförande", "org": "Arbetsförmedlingen"},
            {"person": "eva-strand", "name": "Eva Strand", "role": "ledamot", "org": "Region X"},
            {"person": "gun-sjo", "name": "Gun Sjö", "role": "ledamot", "org": "Ekby kommun"},
            {"person": "ida-nord", "name": "Ida Nord", "role": "förbundschef"},
        ]}
    assert data["justering"]["fingerprint"] == fingerprint(data)  # the names are covered by it
    assert ('persons = [\n    { person = "anna-ek", name = "Anna Ek", role = "ordförande", org = "Försäkringskassan" },\n'
            in path.read_text(encoding="utf-8"))  # one line a person
    assert findings(root) == []
    assert main(["fmt", "--check", str(path), "--records", str(root)]) == 0  # written in canonical form
    # the names printed are the protocol's: a later rename is reported, not printed
    rename_eva(root)
    assert findings(root) == [("FS328", MEETING)]
    archive = load_archive(root)
    warning = next(f for f in archive.findings if f.code == "FS328")
    assert warning.message() == ("Protokollet visar Eva Strand, ledamot, Region X som vid låsningen; "
                                 "personfilen säger nu Eva Strand Lövgren, ledamot, Region X")
    out = protocol(archive, REF, "sv")
    assert "- Eva Strand, ledamot, Region X\n" in out and "Lövgren" not in out
    assert "- Eva Strand, member, Region X\n" in protocol(archive, REF, "en")  # the role said in the language
    assert "att utse Eva Strand" in extract(archive, REF, ["§4"], "sv") and "Lövgren" not in extract(
        archive, REF, ["§4"], "sv")


def test_an_organ_and_a_forbund_renamed_after_the_lock(tmp_path, capsys):
    root = base_copy(tmp_path)
    unlocked(root)
    assert main(["lock", REF, "--records", str(root)]) == 0
    settings = root / "forbund.toml"
    settings.write_text(settings.read_text(encoding="utf-8")
                        .replace('name = "Samordningsförbundet Testdalen"', 'name = "Samordningsförbundet Nya Testdalen"')
                        .replace('name = "Styrelsen"', 'name = "Förbundsstyrelsen"'), encoding="utf-8")
    assert findings(root) == [("FS329", MEETING), ("FS329", MEETING)]
    out = protocol(load_archive(root), REF, "sv")
    assert out.startswith("# Protokoll — Styrelsen 2023-04-14\n\n**Samordningsförbundet Testdalen**\\\n")  # letterhead
    assert "**Styrelsens beslut**" in out and "Förbundsstyrelsen" not in out


def test_the_letterhead_keeps_the_members_as_locked(tmp_path, capsys):
    root = base_copy(tmp_path)
    unlocked(root)
    assert main(["lock", REF, "--records", str(root)]) == 0
    capsys.readouterr()
    org = root / "organisationer" / "ekby.toml"
    org.write_text(org.read_text(encoding="utf-8").replace('name = "Ekby kommun"', 'name = "Ekby-Åsa kommun"'),
                   encoding="utf-8")
    archive = load_archive(root)
    assert [(f.code, f.file) for f in archive.findings if f.code == "FS329"] == [("FS329", MEETING)]
    warning = next(f for f in archive.findings if f.code == "FS329")
    assert warning.message() == (
        "Protokollet visar namnet Ekby kommun, Region X, Försäkringskassan, Arbetsförmedlingen som vid låsningen; "
        "nu heter det Ekby-Åsa kommun, Region X, Försäkringskassan, Arbetsförmedlingen")
    out = protocol(archive, REF, "sv")
    assert "Medlemmar: Ekby kommun, Region X, Försäkringskassan, Arbetsförmedlingen" in out
    assert "Ekby-Åsa" not in out


def test_a_locked_protocol_without_names_prints_the_files_as_before(tmp_path):
    root = base_copy(tmp_path)  # base's meetings were locked before names were frozen
    rename_eva(root)
    assert findings(root) == []  # nothing to compare with: no finding
    assert "- Eva Strand Lövgren, ledamot, Region X\n" in protocol(load_archive(root), REF, "sv")


def test_freeze_names_adds_todays_names_to_a_meeting_locked_without_them(tmp_path, capsys):
    root = base_copy(tmp_path)
    path = root / MEETING
    before = path.read_text(encoding="utf-8")
    assert main(["lock", REF, "--freeze-names", "--records", str(root)]) == 0
    assert capsys.readouterr().out == "Namnen frysta: styrelse/2023-04-14\n"
    after = path.read_text(encoding="utf-8")
    data = tomllib.loads(after)
    assert data["justering"]["fingerprint"] == fingerprint(data)
    assert [e["person"] for e in data["justering"]["printed"]["persons"]] == [
        "anna-ek", "cia-berg", "eva-strand", "gun-sjo", "ida-nord"]
    head, tail = before.split("\n[anslag]\n")
    assert after.startswith(head.split("fingerprint = ")[0]) and after.endswith("\n[anslag]\n" + tail)
    assert findings(root) == []
    assert main(["lock", REF, "--freeze-names", "--records", str(root)]) == 0
    assert capsys.readouterr().out == "Namnen är redan frysta: styrelse/2023-04-14\n"
    path.write_text(after.replace('place = "Förbundets kansli', 'place = "Stadshuset'), encoding="utf-8")
    assert main(["lock", REF, "--freeze-names", "--records", str(root)]) == 1  # changed since: refused
    assert main(["lock", REF, "--freeze-names", "--upgrade", "--records", str(root)]) == 2


def test_the_editors_save_and_lock_freezes_the_same_names_as_finsam_lock(tmp_path):
    root, other = base_copy(tmp_path, "a"), base_copy(tmp_path, "b")
    path = unlocked(root)
    unlocked(other)
    archive = load_archive(root)
    snap, data = read_record(path)
    result = save(root, place_of_rel(root, MEETING), snap, locked(data, [], archive.ctx, REF))
    assert isinstance(result, Saved)
    lock_file(other / MEETING, [], load_archive(other).ctx, REF)
    assert path.read_bytes() == (other / MEETING).read_bytes()
    assert "[justering.printed]" in path.read_text(encoding="utf-8")


def test_a_correction_keeps_the_frozen_names_and_adds_the_persons_named_anew(tmp_path, capsys):
    root = base_copy(tmp_path)
    path = unlocked(root)
    assert main(["lock", REF, "--records", str(root)]) == 0
    rename_eva(root)
    path.write_text(path.read_text(encoding="utf-8").replace('others = ["ida-nord"]', 'others = ["ida-nord", "bo-lind"]'),
                    encoding="utf-8")
    assert sorted(findings(root)) == [("FS326", MEETING), ("FS328", MEETING)]
    archive = load_archive(root)
    correct_file(path, Correction(dt.date(2023, 5, 2), "hans-vik", "Bo Lind tillagd bland övriga närvarande",
                                  "Utelämnad i det justerade protokollet"), archive.persons, archive.ctx, REF)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    persons = {e["person"]: e for e in data["justering"]["printed"]["persons"]}
    assert persons["eva-strand"]["name"] == "Eva Strand"  # kept as printed
    assert persons["bo-lind"] == {"person": "bo-lind", "name": "Bo Lind", "role": "ersättare",
                                  "org": "Försäkringskassan"}  # named anew
    assert persons["hans-vik"]["name"] == "Hans Vik"  # who made the rättelse
    assert data["corrections"][-1]["fingerprint"] == fingerprint(data)
    assert findings(root) == [("FS328", MEETING)]
    out = protocol(load_archive(root), REF, "sv")
    assert "- Bo Lind, ersättare, Försäkringskassan\n" in out and "| 2023-05-02 | Hans Vik |" in out and "Lövgren" not in out


def test_the_editor_shows_the_frozen_names_read_only(tmp_path):
    from .test_tui_editor import Harness, focus, run

    root = base_copy(tmp_path)
    real = Path(__file__).resolve().parent / "fixtures" / "real" / "frozen-names"
    rel = "moten/styrelse/2023/2023-06-09.toml"
    shutil.copy(real / rel, root / rel)
    before = (root / rel).read_bytes()
    app = Harness(root, "edit", rel=rel)

    async def scenario(pilot):
        screen = pilot.app.screen
        assert screen.session.read_only
        persons = await focus(pilot, "#f-justering-printed-persons EntryList")
        shown = [str(o.prompt).strip() for o in persons.options]
        assert shown[:2] == ["Anna Ek, ordförande, Försäkringskassan", "Bo Lind, ersättare, Försäkringskassan"]
        assert screen.query_one("#f-justering-printed-persons Button.add").disabled
        assert screen.query_one("#f-justering-printed-organ Input").disabled
        assert screen.query_one("#f-justering-printed-organ Input").value == "Styrelsen"

    run(app, scenario)
    assert (root / rel).read_bytes() == before

"""The bundled example validates with only its deliberate warnings and round-trips byte for byte."""

import tomlkit

from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.io.saving import edit_record, read_snapshot

from .conftest import RECORDS, bundled_copy


def bundled_files():
    return sorted(p for p in RECORDS.rglob("*.toml") if not p.name.startswith("."))


# The findings the example shows on purpose (each a true one a real office would want to see),
# as (code, file, line). Nothing else may be reported.
EXPECTED_FINDINGS: set[tuple[str, str, int | None]] = {
    # the revised budget 2023 printed twice (Bilaga 1 and the slides) with another figure for one line
    ("FS512", "budgetar/2023.toml", 118),
    # the kommuner shared one seat under the förbundsordning of 2016 (lag 2003:1210 10 §)
    ("FS406", "forbund.toml", 20),
    # Sjöholms kommun's seat vacant 2023-11-01–2023-12-10, with the board meeting of 2023-11-17 in the gap
    ("FS401", "forbund.toml", 59),
}


def test_bundled_example_has_only_its_deliberate_findings():
    archive = load_archive(RECORDS)
    assert {(f.code, f.file, f.line) for f in archive.findings} == EXPECTED_FINDINGS
    assert not [f for f in archive.findings if f.severity == "error"], "the example must export: no errors"
    assert archive.files_checked == len(bundled_files())


def test_bundled_example_is_big_enough():
    archive = load_archive(RECORDS)
    assert len(archive.orgs) >= 5
    assert len(archive.persons) >= 14
    assert len(archive.meetings) >= 10
    organs = {m.split("/")[0] for m in archive.meetings}
    assert {"styrelse", "medlemssamrad", "beredningsgrupp"} <= organs
    years = {m.split("/")[1][:4] for m in archive.meetings}
    assert len(years) >= 2
    assert len(archive.budgets) >= 2
    assert any(v.get("kind") == "revidering" for b in archive.budgets.values() for v in b.data["versions"])
    assert len(archive.insatser) >= 3
    assert all(i.data.get("statistics") for i in archive.insatser.values())
    items = [it for m in archive.meetings.values() for it in m.data.get("items", [])]
    assert any(it.get("kind") == "delegationsbeslut" for it in items)
    assert any(it.get("jav") for it in items)
    assert any(t.get("reported") for it in items for t in it.get("tasks", []))


def test_validate_cli_on_bundled_example(capsys):
    assert main(["validate", str(bundled_copy())]) == 0  # (a copy: validate writes its cache into the folder)
    out = capsys.readouterr().out
    if not EXPECTED_FINDINGS:
        assert out.startswith("Inga fel eller varningar (")
    for code, _file, _line in EXPECTED_FINDINGS:
        assert code in out


def test_every_bundled_file_round_trips_byte_identical():
    files = bundled_files()
    assert files
    for path in files:
        raw = path.read_bytes()
        assert tomlkit.parse(raw.decode("utf-8")).as_string().encode("utf-8") == raw, path


def test_noop_edit_of_every_bundled_file_writes_nothing(records_copy):
    for path in sorted(records_copy.rglob("*.toml")):
        before = path.read_bytes()
        mtime = path.stat().st_mtime_ns
        snap = read_snapshot(path)
        assert edit_record(snap, lambda doc: None) is snap
        assert path.read_bytes() == before
        assert path.stat().st_mtime_ns == mtime


def test_edit_keeps_comments_and_order(records_copy):
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    before = path.read_text(encoding="utf-8")
    snap = read_snapshot(path)

    def change_place(doc):
        doc["place"] = "Stadshuset, Sjöholm"

    edit_record(snap, change_place)
    after = path.read_text(encoding="utf-8")
    assert after == before.replace('place = "Kommunhuset, Storgatan 12, Sjöholm"', 'place = "Stadshuset, Sjöholm"')
    assert after.startswith("# Styrelsemöte 2023-04-14")


def test_bundled_example_shows_bilagor_next_meeting_and_text_structure():
    """A meeting with numbered bilagor (one with its file under bilagor/), §§ naming them, the
    next meeting with time and place, and a text with a list, all in the exported protocol."""
    from finsam_tui.core.export import protocol

    archive = load_archive(RECORDS)
    m = archive.meetings["styrelse/2023-11-17"]
    assert [a["number"] for a in m.data["attachments"]] == [1, 2]
    assert (RECORDS / m.data["attachments"][0]["file"]).is_file()
    text = protocol(archive, "styrelse/2023-11-17")
    assert "- **Nästa sammanträde:** fredag 16 februari 2024 kl. 09.00–12.00, Förbundets kansli" in text
    assert "- Bilaga 1 Delårsrapport januari–augusti 2023" in text
    assert "- 16 februari, med årsredovisning 2023\n- 19 april\n" in text
    assert "Medlemmar: Björkviks kommun, Granås kommun, Sjöholms kommun, Region Mellanland" in text


def test_the_examples_prose_has_no_accidental_line_breaks():
    """The exports keep a single line break as a line break (docs/format.md), so the example's
    wrapped prose is folded with TOML's line-ending backslash; a break stays only before a list
    item or between paragraphs."""
    import re
    import tomllib

    from finsam_tui.core.records.keypaths import value_at

    from .test_fuzz import _paths

    wrapped = []
    for path in bundled_files():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for where in _paths(data):
            text = value_at(data, where)
            if not isinstance(text, str):
                continue
            lines = text.strip("\n").split("\n")
            for a, b in zip(lines, lines[1:]):
                if a.strip() and b.strip() and not re.match(r"\s*([-*]|\d+[.)])\s", b):
                    wrapped.append(f"{path.relative_to(RECORDS)} {'.'.join(map(str, where))}: {a[-30:]!r} / {b[:30]!r}")
    assert wrapped == []

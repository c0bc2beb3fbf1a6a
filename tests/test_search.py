"""finsam search: Swedish-aware full text with word prefixes, filters, JSON and exit codes."""

import json
from pathlib import Path

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.check import freshness
from finsam_tui.core.query.search import search

from .test_cache import age, same_size_edit


def refs(hits):
    return [h.ref for h in hits]


def test_prefix_and_case_insensitive_with_swedish_letters(records_copy):
    upper = refs(search(records_copy, "ÅRSREDOVISNING"))
    assert "styrelse/2023-02-17/§6" in upper and "styrelse/2022-02-18/§6" in upper
    assert refs(search(records_copy, "årsredov")) == upper  # a word prefix
    assert refs(search(records_copy, "arsredovisning")) == []  # å is not a


def test_every_word_must_match_and_filters(records_copy):
    hits = search(records_copy, "extern utvärd", year=2023)
    assert "styrelse/2023-04-14/§17" in refs(hits)
    assert all(h.date.startswith("2023") or h.ref.startswith("budget/2023") for h in hits)
    only_board = search(records_copy, "utvärdering", organ="styrelse")
    assert only_board and all(h.organ == "styrelse" for h in only_board)
    decisions = search(records_copy, "budget", kind="beslut")
    assert decisions and all(h.kind == "beslut" for h in decisions)


def test_names_insatser_and_budget_lines_are_found(records_copy):
    assert "person/annika-berglof" in refs(search(records_copy, "berglöf"))
    assert "insats/samordningsteamet" in refs(search(records_copy, "samordningsteamet"))
    assert "budget/2023/samordningsteamet" in refs(search(records_copy, "samordningsteamet"))


def test_an_edit_is_found_at_once(records_copy):
    assert search(records_copy, "kvarnhjulet") == []
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Mötets öppnande"', 'title = "Mötets öppnande vid Kvarnhjulet"', 1),
                    encoding="utf-8")
    assert refs(search(records_copy, "kvarnhjul")) == ["styrelse/2023-04-14/§12"]
    path.write_text(text, encoding="utf-8")
    assert search(records_copy, "kvarnhjul") == []


@pytest.mark.parametrize("settled", [False, True], ids=["at-once", "after-the-racy-window"])
def test_a_same_length_title_edit_with_the_mtime_put_back_is_found(records_copy, monkeypatch, settled):
    """The index was refreshed by size and mtime only: a title changed to a word of the same
    length, the mtime put back, kept the old word and missed the new one (#14, section 4)."""
    if settled:  # the files were last changed long before the run
        monkeypatch.setattr(freshness, "RACY_NS", 0)
    age(records_copy)
    assert "styrelse/2023-04-14/§12" in refs(search(records_copy, "öppnande"))
    assert search(records_copy, "kvarnhjul") == []
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    same_size_edit(path, 'title = "Mötets öppnande"', 'title = "Mötets kvarnhjul"')
    assert refs(search(records_copy, "kvarnhjul")) == ["styrelse/2023-04-14/§12"]
    assert "styrelse/2023-04-14/§12" not in refs(search(records_copy, "öppnande"))


def test_works_without_a_cache(records_copy, monkeypatch):
    def refuse(self, *a, **k):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert "styrelse/2023-04-14/§17" in refs(search(records_copy, "extern utvärdering"))


def test_cli_text_json_and_exit_codes(records_copy, capsys):
    assert main(["search", "extern utvärdering", "--records", str(records_copy), "--year", "2023"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "styrelse/2023-04-14/§17  2023-04-14  Extern utvärdering av Samordningsteamet" in out
    assert any("[extern]" in line.lower() for line in out)
    assert main(["search", "samordningsteamet", "--records", str(records_copy), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "samordningsteamet"
    assert {"ref", "kind", "organ", "date", "title", "snippet"} <= set(data["hits"][0])
    assert main(["search", "zzyzx", "--records", str(records_copy)]) == 1
    assert "Inga träffar" in capsys.readouterr().err
    assert main(["search", "--records", str(records_copy), "--", "---"]) == 2  # no words
    assert main(["search", "--records", str(records_copy), "--year", "soon", "x"]) == 2  # usage error
    assert main(["search", "x", "--records", str(records_copy / "personer")]) == 2


def test_a_record_cannot_fake_a_highlight(records_copy):
    """The snippet markers (\\x02, \\x03) in a record's own text are taken out when indexed."""
    path = records_copy / "moten/styrelse/2023/2023-04-14.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "Mötets öppnande"',
                                 'title = "Mötets öppnande \\u0002falsk\\u0003 kvarnhjulet"', 1), encoding="utf-8")
    (hit,) = search(records_copy, "kvarnhjulet")
    assert hit.title == "Mötets öppnande falsk kvarnhjulet"
    assert hit.snippet.count("\x02") == hit.snippet.count("\x03") == 1
    assert "\x02kvarnhjulet\x03" in hit.snippet


def test_limit_must_be_a_whole_number_from_1_to_10000(records_copy, capsys, monkeypatch):
    """A huge --limit gave a traceback (sqlite's integer overflow) and a negative one returned
    every hit; both are usage errors now, with the range in the message."""
    monkeypatch.delenv("FINSAM_LANG", raising=False)
    for bad in ("99999999999999999999", "-5", "0", "tio"):
        assert main(["search", "budget", "--limit", bad, "--records", str(records_copy)]) == 2
        assert f"argument --limit: ogiltigt antal '{bad}': ange ett heltal 1–10 000" in capsys.readouterr().err
    assert main(["search", "budget", "--limit", "1", "--format", "json", "--records", str(records_copy)]) == 0
    assert len(json.loads(capsys.readouterr().out)["hits"]) == 1

"""finsam fmt: canonical formatting that keeps comments and never changes the data."""

from __future__ import annotations

import os
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from finsam_tui.cli.fmt import kind_of
from finsam_tui.cli.main import main
from finsam_tui.core.check.pipeline import load_archive
from finsam_tui.core.ops.canonical import FormatError, format_text, same_data

from .conftest import RECORDS, beyond_the_example

BUNDLED = sorted(p for p in RECORDS.rglob("*.toml") if not any(part.startswith(".") for part in p.relative_to(RECORDS).parts))


def fmt(text: str, kind: str | None = "meeting") -> str:
    out = format_text(text, kind)
    assert format_text(out, kind) == out, "not idempotent"
    return out


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(RECORDS).as_posix())
def test_every_bundled_record_keeps_its_data_and_formats_idempotently(path):
    text = path.read_text(encoding="utf-8")
    out = fmt(text, kind_of(path))
    assert same_data(tomllib.loads(text), tomllib.loads(out))
    assert out == text, "the bundled example is kept formatted: run finsam fmt records"


def test_fmt_check_passes_on_the_bundled_example(capsys):
    assert main(["fmt", "--check", "--records", str(RECORDS)]) == 0
    assert capsys.readouterr().out == ""


def _scramble(text: str) -> str:
    """The same data in a poor layout: keys reversed, odd spacing, literal strings."""
    import tomlkit

    doc = tomlkit.parse(text)
    items = [(k, v) for k, v in doc.body if k is not None and not isinstance(v, (tomlkit.items.Table, tomlkit.items.AoT))]
    for k, _v in items:
        doc.remove(k)
    scalars = {k.key: v for k, v in items}
    rest = tomlkit.dumps(doc)
    head = "".join(f"{k}   =   {tomlkit.dumps({k: v}).split('=', 1)[1].strip()}\n" for k, v in reversed(scalars.items()))
    return head + "\n\n\n" + rest.lstrip("\n")


def _content_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_fmt_keeps_locked_meetings_valid(records_copy, capsys):
    meetings = sorted((records_copy / "moten").rglob("*.toml"))
    for p in meetings:
        scrambled = _scramble(p.read_text(encoding="utf-8"))
        assert same_data(tomllib.loads(scrambled), tomllib.loads(p.read_text(encoding="utf-8")))
        p.write_text(scrambled, encoding="utf-8")
    assert main(["fmt", "--check", "--records", str(records_copy)]) == 1
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == len(meetings)
    assert main(["fmt", "--records", str(records_copy)]) == 0
    assert main(["fmt", "--check", "--records", str(records_copy)]) == 0
    for p in meetings:  # the same data, and the same lines apart from where the header comment went
        original = (RECORDS / p.relative_to(records_copy)).read_text(encoding="utf-8")
        formatted = p.read_text(encoding="utf-8")
        assert same_data(tomllib.loads(formatted), tomllib.loads(original))
        assert _content_lines(formatted) == _content_lines(original)
    capsys.readouterr()
    assert main(["validate", str(records_copy)]) == 0
    assert beyond_the_example(load_archive(records_copy).findings) == []


def test_key_order_follows_the_record_definition_and_unknown_keys_come_last():
    text = 'title = "T"\nzeta = 1\nkind = "region"\nalpha = 2\nname = "N"\n'
    assert fmt(text, "organisation") == 'name = "N"\nkind = "region"\ntitle = "T"\nzeta = 1\nalpha = 2\n'


def test_tables_follow_the_definition_after_the_plain_keys():
    text = ('organ = "styrelse"\n\n[justering]\nplace = "x"\ndate = 2023-01-02\n\n[attendance]\nvoting = ["a"]\n\n'
            '[[items]]\ntitle = "T"\nnumber = 1\n')
    assert fmt(text) == ('organ = "styrelse"\n\n[attendance]\nvoting = ["a"]\n\n[justering]\ndate = 2023-01-02\n'
                         'place = "x"\n\n[[items]]\nnumber = 1\ntitle = "T"\n')


def test_comments_move_with_their_key_and_stay_on_their_line():
    text = (
        "# the file's header\n"
        "# (two lines)\n"
        "state = \"kallad\"   # end-of-line comment\n"
        "# about the date\n"
        "# on two lines\n"
        "date = 2023-01-02\n"
        "organ = \"styrelse\"\n"
    )
    assert fmt(text) == (
        "# the file's header\n"
        "# (two lines)\n"
        "organ = \"styrelse\"\n"
        "# about the date\n"
        "# on two lines\n"
        "date = 2023-01-02\n"
        "state = \"kallad\"   # end-of-line comment\n"
    )


def test_comments_move_with_their_table_and_paragraph():
    text = (
        "organ = \"styrelse\"\n\n"
        "# about the anslag\n"
        "[anslag]  # header comment\n"
        "posted = 2023-01-03\n\n"
        "# about the justering\n\n"
        "[justering]\n"
        "date = 2023-01-02\n\n"
        "[[items]]\n"
        "# the title\n"
        "title = \"Första\"\n"
        "number = 1\n"
        "# a comment at the end\n"
    )
    assert fmt(text) == (
        "organ = \"styrelse\"\n\n"
        "# about the justering\n\n"
        "[justering]\n"
        "date = 2023-01-02\n\n"
        "# about the anslag\n"
        "[anslag]  # header comment\n"
        "posted = 2023-01-03\n\n"
        "[[items]]\n"
        "number = 1\n"
        "# the title\n"
        "title = \"Första\"\n"
        "# a comment at the end\n"
    )


def test_a_comment_block_set_off_from_the_header_belongs_to_the_key_below():
    text = "# header\n\n# about state\nstate = \"kallad\"\norgan = \"styrelse\"\n"
    assert fmt(text) == "# header\n\norgan = \"styrelse\"\n# about state\nstate = \"kallad\"\n"


def test_arrays_keep_one_line_or_one_item_a_line_and_their_comments():
    text = (
        "adjusters = [ 'a' ,\"b\"]\n"
        "others = [ \"x\",\n"
        "  \"y\" ,  # why y\n"
        "  # before z\n"
        "  \"z\"]\n"
        "[attendance]\n"
        "voting = [  ]\n"
        "serving = [{replaces = \"b\",person = \"a\"}]\n"
    )
    assert fmt(text) == (
        "adjusters = [\"a\", \"b\"]\n"
        "others = [\n"
        "    \"x\",\n"
        "    \"y\",  # why y\n"
        "    # before z\n"
        "    \"z\",\n"
        "]\n\n"
        "[attendance]\n"
        "voting = []\n"
        "serving = [{ person = \"a\", replaces = \"b\" }]\n"
    )


def test_strings_are_basic_strings_and_text_with_line_breaks_is_multiline():
    text = (
        "place = 'Kansliet'\n"
        "notes = \"rad ett\\nrad två med \\\"citat\\\" och \\\\ \\t\"\n"
        "diarienummer = '''2023/1'''\n"
        "[[items]]\n"
        "number = 1\n"
        "title = \"\"\"Rubrik \\\n"
        "    fortsatt\"\"\"\n"
        "background = '''\n"
        "Första raden\n"
        "C:\\sökväg \"\"\" slut\"'''\n"
    )
    out = fmt(text)
    assert 'place = "Kansliet"\n' in out
    assert 'diarienummer = "2023/1"\n' in out
    assert 'notes = """\nrad ett\nrad två med "citat" och \\\\ \t"""\n' in out
    assert 'title = """Rubrik \\\n    fortsatt"""\n' in out  # a folded line stays folded
    assert same_data(tomllib.loads(text), tomllib.loads(out))


def test_numbers_dates_and_key_quotes_are_kept_as_written():
    text = 'year = 2_023\nequity_start = 1_000_000\n\n[[income]]\nmember = "x"\namounts = {"utfall-06" = 0x10, budget = 1e3}\n'
    out = fmt(text, "budget")
    assert out == ('year = 2_023\nequity_start = 1_000_000\n\n[[income]]\nmember = "x"\n'
                   'amounts = { "utfall-06" = 0x10, budget = 1e3 }\n')


def test_line_ends_bom_blank_lines_and_the_final_newline():
    text = "\ufeffname = \"N\"\r\n\r\n\r\n\r\nkind = \"kommun\"\r\n\r\n\r\n"
    assert fmt(text, "organisation") == 'name = "N"\nkind = "kommun"\n'
    assert fmt("", "organisation") == ""


def test_a_syntax_error_is_refused_with_its_position():
    with pytest.raises(FormatError) as exc:
        format_text('name = "N"\nkind = \n', "organisation")
    assert exc.value.line == 2


def test_dotted_keys_are_refused_not_mangled():
    with pytest.raises(FormatError, match="dotted"):
        format_text('name = "N"\nseats.members = 1\n', "forbund")


def test_files_with_syntax_errors_are_reported_and_the_others_formatted(records_copy, capsys, monkeypatch):
    monkeypatch.chdir(records_copy.parent)
    broken = records_copy / "personer" / "ulf-nordmark.toml"
    broken_text = broken.read_text(encoding="utf-8") + "\ntitle = \n"
    broken.write_text(broken_text, encoding="utf-8")
    messy = records_copy / "organisationer" / "granas.toml"
    messy.write_text("kind='kommun'\nname='Granås kommun'\n", encoding="utf-8")
    assert main(["fmt", "--records", "records"]) == 1
    captured = capsys.readouterr()
    assert "records/personer/ulf-nordmark.toml:" in captured.err
    line = broken_text.count("\n")
    assert f"records/personer/ulf-nordmark.toml:{line}:" in captured.err
    assert "reformatted: records/organisationer/granas.toml" in captured.out or \
        "formaterad: records/organisationer/granas.toml" in captured.out
    assert broken.read_text(encoding="utf-8") == broken_text
    assert messy.read_text(encoding="utf-8") == 'name = "Granås kommun"\nkind = "kommun"\n'


def test_check_lists_the_files_that_would_change_and_touches_nothing(records_copy, capsys, monkeypatch):
    monkeypatch.chdir(records_copy)
    target = records_copy / "organisationer" / "granas.toml"
    target.write_text("kind = 'kommun'\nname = 'Granås kommun'\n", encoding="utf-8")
    before = target.stat().st_mtime_ns
    assert main(["fmt", "--check", "--diff", "--records", "."]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("organisationer/granas.toml")
    assert "+name = \"Granås kommun\"" in out
    assert target.stat().st_mtime_ns == before
    assert main(["fmt", "organisationer/granas.toml"]) == 0
    assert main(["fmt", "--check", "organisationer"]) == 0


def test_fmt_usage_errors(tmp_path, capsys):
    assert main(["fmt", "--records", str(tmp_path)]) == 2
    assert main(["fmt", str(tmp_path / "missing.toml")]) == 2


# --- properties: any data, written any way, keeps its data and formats idempotently ----------
_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_key = st.text("abcdefghij-_ åä\"'.", min_size=1, max_size=6)
_scalar = st.one_of(_text, st.integers(-10**12, 10**12), st.booleans(), st.dates(),
                    st.floats(allow_nan=False, allow_infinity=False))
_value = st.recursive(_scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(_key, inner, max_size=3)), max_leaves=8)
_doc = st.dictionaries(_key, st.one_of(_value, st.lists(st.dictionaries(_key, _scalar, max_size=3), min_size=1,
                                                                       max_size=2)), max_size=6)


@settings(max_examples=int(os.environ.get("FINSAM_FUZZ_EXAMPLES", "60")), deadline=None)
@given(_doc, st.sampled_from([None, "meeting", "budget", "person"]))
def test_any_document_keeps_its_data(data, kind):
    import tomlkit

    text = tomlkit.dumps(data)
    out = format_text(text, kind)
    assert same_data(tomllib.loads(text), tomllib.loads(out))
    assert format_text(out, kind) == out

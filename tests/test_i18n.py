"""One catalogue for every user-facing word (finsam_tui/core/i18n): every table says the same
keys in Swedish and English, with the same parameters, and the CLI and the TUI hold no words
for a person outside it."""

from __future__ import annotations

import ast
import re
import string

import pytest

from finsam_tui.core import i18n
from finsam_tui.core.i18n.catalogue import merged

from .conftest import ROOT

PACKAGE = ROOT / "finsam_tui"
TABLES = i18n.tables()


# --- (a) every table complete in both languages ------------------------------------------------

def _fields(text: str) -> set[str]:
    """The names a template fills in ({count}, {count:fil|filer} and {ref!r} all name count / ref)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def test_there_are_tables_for_every_area():
    modules = {name.split(".")[0] for name in TABLES}
    assert {"lookups", "domain", "export", "findings", "history", "dates", "saving", "tui", "tui_screens", "editor_ui",
            "editor_workflow", "editor_fields", "cli", "cli_help", "cli_help_lookups",
            "cli_help_documents"} <= modules


def table_problems(sv: dict, en: dict) -> list[str]:
    """What is wrong with a table: a key in one language only, an empty text, a template whose
    parameters differ between the languages, a mapping (roles, domain values) with other keys."""
    problems = [f"{k}: only in Swedish" for k in sorted(set(sv) - set(en))]
    problems += [f"{k}: only in English" for k in sorted(set(en) - set(sv))]
    for key in sorted(set(sv) & set(en)):
        a, b = sv[key], en[key]
        if isinstance(a, dict) and isinstance(b, dict):
            if set(a) != set(b) or not all([*a.values(), *b.values()]):
                problems.append(f"{key}: the mappings differ or have an empty word")
        elif not (isinstance(a, str) and isinstance(b, str)):
            problems.append(f"{key}: not text in both languages")
        elif not (a.strip() and b.strip()):
            problems.append(f"{key}: empty")
        elif _fields(a) != _fields(b):
            problems.append(f"{key}: parameters {sorted(_fields(a))} in Swedish, {sorted(_fields(b))} in English")
    return problems


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_has_the_same_keys_and_parameters_in_swedish_and_english(name):
    assert table_problems(TABLES[name]["sv"], TABLES[name]["en"]) == []


def test_a_word_in_one_language_only_or_other_parameters_fail():
    sv = {"a": "ett {n}", "b": "två", "c": {"x": "y"}, "d": " "}
    en = {"a": "one {count}", "c": {"z": "y"}, "d": "four", "e": "five"}
    assert table_problems(sv, en) == [
        "b: only in Swedish", "e: only in English", "a: parameters ['n'] in Swedish, ['count'] in English",
        "c: the mappings differ or have an empty word", "d: empty"]
    with pytest.raises(AssertionError):  # one key in two tables of an area
        merged({"sv": {"a": "x"}, "en": {"a": "x"}}, {"sv": {"a": "y"}, "en": {"a": "y"}})


# --- (b) no words for a person outside the catalogue in cli/ and tui/ ------------------------------

# The few literals that look like words but are not ours to translate, each with its reason.
ALLOWED = {
    ("tui/screens/history.py", "new file"): "git's diff header, matched to colour the line",
    ("tui/screens/history.py", "deleted file"): "git's diff header, matched to colour the line",
    ("tui/screens/history.py", "old mode"): "git's diff header, matched to colour the line",
    ("tui/screens/history.py", "new mode"): "git's diff header, matched to colour the line",
    ("tui/keys.py", "PgUp PgDn Home End"): "key names as printed on keyboards",
    ("tui/keys.py", "Tab  Shift+Tab"): "key names as printed on keyboards",
}

# Rich and Textual style words: "bold red" is a style, not words.
STYLE_WORDS = {"bold", "italic", "underline", "reverse", "dim", "strike", "blink", "not", "on", "red", "yellow",
               "green", "blue", "cyan", "magenta", "white", "black", "default", "bright_red", "bright_black"}
# Attributes, keywords and calls whose strings are never shown to a person as words.
CSS_NAMES = {"DEFAULT_CSS", "CSS", "COMPONENT_CLASSES"}
STYLE_KEYWORDS = {"style", "classes", "id", "variant", "name", "key_display", "action", "group"}
MATCHING_CALLS = {"startswith", "endswith", "split", "rsplit", "partition", "rpartition", "replace", "strip",
                  "lstrip", "rstrip", "removeprefix", "removesuffix", "compile", "match", "fullmatch", "search",
                  "sub", "findall", "finditer", "query_one", "query", "set_class", "add_class", "remove_class",
                  "has_class", "toggle_class"}
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical", "log"}

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_PROGRAM = re.compile(r"\bfinsam(?: [a-z]+)?\b")  # the program and its commands are names
_WORD = re.compile(r"[\"'(“”]*([A-Za-zÅÄÖåäöÉé]+)[\"')“”.,:;!?…]*")


def looks_like_words(text: str) -> bool:
    """Text for a person: a word with å, ä or ö, or a space and a plain word (two letters or more,
    letters only: not an identifier, path, option or key), not counting placeholders, the
    program's name and Rich styles."""
    plain = _PROGRAM.sub(" ", _PLACEHOLDER.sub(" ", text))
    words = [m.group(1) for token in plain.split() if (m := _WORD.fullmatch(token)) and len(m.group(1)) > 1]
    if any(set(w) & set("åäöÅÄÖ") for w in words):
        return True
    if all(w.lower() in STYLE_WORDS for w in words):
        return False
    return bool(re.search(r"\s", text))


def _quiet_ids(tree: ast.AST) -> set[int]:
    """ids of the string constants the test does not judge: docstrings, CSS, styles and ids,
    strings matched against input, log messages and the text of exceptions raised."""
    quiet: set[int] = set()

    def all_constants(node) -> None:
        quiet.update(id(n) for n in ast.walk(node) if isinstance(n, ast.Constant))

    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                quiet.add(id(first.value))
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in CSS_NAMES for t in targets) and node.value is not None:
                all_constants(node.value)
        if isinstance(node, ast.Raise) and node.exc is not None:
            all_constants(node.exc)
        if isinstance(node, ast.keyword) and node.arg in STYLE_KEYWORDS:
            all_constants(node.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            logging = isinstance(node.func.value, ast.Name) and node.func.value.id in ("log", "logger", "logging")
            if node.func.attr in MATCHING_CALLS or (node.func.attr in LOG_CALLS and logging):
                for arg in node.args:
                    all_constants(arg)
        if isinstance(node, ast.Subscript):  # L["key"], d["key"]: keys
            all_constants(node.slice)
        if isinstance(node, ast.Compare):  # x == "…", x in ("…", …): matching
            for part in (node.left, *node.comparators):
                all_constants(part)
        if isinstance(node, ast.Tuple) and len(node.elts) == 2 and isinstance(node.elts[1], ast.Constant):
            second = node.elts[1].value
            if isinstance(second, str) and all(w in STYLE_WORDS for w in second.split()):  # (text, "bold red")
                quiet.add(id(node.elts[1]))
    return quiet


def words_outside_the_catalogue() -> list[str]:
    found = []
    for folder in ("cli", "tui"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            rel = path.relative_to(PACKAGE).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"))
            quiet = _quiet_ids(tree)
            for node in ast.walk(tree):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in quiet
                        and looks_like_words(node.value) and (rel, node.value) not in ALLOWED):
                    found.append(f"{rel}:{node.lineno}: {node.value[:70]!r}")
    return found


def test_the_cli_and_the_tui_hold_no_words_outside_the_catalogue():
    assert words_outside_the_catalogue() == []


def test_the_exemptions_are_still_needed():
    for (rel, text), reason in ALLOWED.items():
        assert reason and text in (PACKAGE / rel).read_text(encoding="utf-8"), (rel, text)


@pytest.mark.parametrize("text, words", [
    ("Inga träffar för {query!r}.", True), ("the records folder (default: ./records)", True),
    ("Öppna", True), ("Upp", False), ("bold red", False), ("finsam export: ", False), ("{ref}: {count}", False),
    ("wrote ", True), ("Avsnitt {n}", True), ("  ", False), ("{a} {b}", False), ("Ctrl+P", False),
    ("key_help", False), ("moten/<organ>/<år>/", False), ("--format", False), ("%Y-%m-%d", False),
])
def test_what_looks_like_words(text, words):
    assert looks_like_words(text) is words


def test_a_word_in_the_cli_is_found():
    bad = "def run(args):\n    print('Inga träffar')\n    print(f'{args.x} could not be read')\n"
    tree = ast.parse(bad)
    quiet = _quiet_ids(tree)
    hits = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in quiet and looks_like_words(n.value)]
    assert hits == ["Inga träffar", " could not be read"]


def test_binding_descriptions_come_from_the_catalogue():
    """A Binding's description (the footer's and the help screen's words) is a catalogue key."""
    found = []
    for path in sorted((PACKAGE / "tui").rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding" and len(node.args) > 2:
                if isinstance(node.args[2], (ast.Constant, ast.JoinedStr)):
                    found.append(f"{rel}:{node.lineno}")
    assert found == []

"""finsam init DIR: a new records folder for a new förbund (finsam_tui/core/ops/scaffold.py writes it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from finsam_tui.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from finsam_tui.core.i18n.catalogue import counted

NAME = "init"
HELP = "create a new records folder for a new förbund (settings, folders, git)"
DESCRIPTION = ("Create a records folder: forbund.toml with the förbund's settings and its three organs "
               "(styrelse, medlemssamråd, beredningsgrupp), the record folders, a .gitignore for the cache, "
               "the editor schemas with a .taplo.toml and, if you like, example member organisations. "
               "Settings not given as options are asked for (Enter keeps the default shown). DIR is put in "
               "a new git repository unless it already lies in one, and the first commit is made if you "
               "agree. --yes agrees to everything and takes the defaults: with --name NAME --yes nothing "
               "is asked. The new folder validates without a finding.")
EXAMPLES = """examples:
  finsam init norra-dalen                       asks for name, org number, numbering, language, examples
  finsam init norra-dalen --name "Samordningsförbundet Norra Dalen" --yes
                                                no questions: defaults, git init and first commit
  finsam init arkiv --name "Samordningsförbundet Väst" --org-number 222000-1234 \\
              --numbering per_möte --lang sv --examples --yes

exit status: 0 created, 1 refused (DIR already has a forbund.toml) or the first commit failed,
2 usage error (an invalid option value, DIR is a file)
"""

# Every text of init once, as (Swedish, English): the questions, their answers and the report.
TEXTS = {
    "q_name": ("Förbundets namn", "Name of the förbund"),
    "q_org": ("Organisationsnummer (NNNNNN-NNNN; tomt: platshållaren)",
              "Organisation number (NNNNNN-NNNN; empty: the placeholder)"),
    "placeholder": ("Obs: organisationsnumret är en platshållare ({number}): skriv det riktiga i {file}.",
                    "Note: the organisation number is a placeholder ({number}): write the real one in {file}."),
    "q_numbering": ("§-numrering: per_år (löpande över året) eller per_möte",
                    "§ numbering: per_år (continuing through the year) or per_möte"),
    "q_lang": ("Språk (sv eller en)", "Language (sv or en)"),
    "q_examples": ("Lägga till exempel på medlemsorganisationer (FK, AF, region, kommun)?",
                   "Add example member organisations (FK, AF, a region, a kommun)?"),
    "q_git": ("{dir} ligger inte i ett git-förråd. Skapa ett (git init)?",
              "{dir} is not in a git repository. Create one (git init)?"),
    "q_commit": ("Göra en första incheckning (git commit)?", "Make a first commit (git commit)?"),
    "yes": ("j", "y"),
    "no": ("n", "n"),
    "yn_default_yes": ("[J/n]", "[Y/n]"),
    "yn_default_no": ("[j/N]", "[y/N]"),
    "bad_org": ("Organisationsnumret ska skrivas NNNNNN-NNNN, t.ex. 222000-1234.",
                "Write the organisation number as NNNNNN-NNNN, e.g. 222000-1234."),
    "bad_choice": ("Svara med ett av: {choices}.", "Answer with one of: {choices}."),
    "bad_name": ("Ange ett namn.", "Give a name."),
    "exists": ("{dir} har redan en forbund.toml; finsam init skapar bara nya arkivmappar.",
               "{dir} already has a forbund.toml; finsam init only creates new records folders."),
    "is_file": ("{dir} är en fil, inte en mapp.", "{dir} is a file, not a folder."),
    "created": ("Skapade arkivmappen {dir} för {name}:", "Created the records folder {dir} for {name}:"),
    "kept": ("Fanns redan, orörda: {files}", "Already there, left alone: {files}"),
    "examples": ("  organisationer/: {count} exempel att ändra eller ta bort",
                 "  organisationer/: {count} {count:example|examples} to change or delete"),
    "git_init": ("git: nytt förråd i {dir}", "git: new repository in {dir}"),
    "git_in": ("git: mappen ligger i förrådet {top}", "git: the folder lies in the repository {top}"),
    "git_none": ("git: inget förråd (finsam history behöver ett)", "git: no repository (finsam history needs one)"),
    "committed": ("git: första incheckningen {commit}", "git: first commit {commit}"),
    "commit_failed": ("git: incheckningen misslyckades: {error}", "git: the commit failed: {error}"),
    "commit_hint": ("Ställ in namn och e-post (git config --global user.name …, user.email …) "
                    "och checka in själv.",
                    "Set your name and e-mail (git config --global user.name …, user.email …) "
                    "and commit yourself."),
    "no_git_tool": ("git finns inte på datorn; mappen skapades utan förråd.",
                    "git is not installed; the folder was created without a repository."),
    "valid": ("finsam validate: inga fel eller varningar", "finsam validate: no errors or warnings"),
    "invalid": ("finsam validate hittade {count} fynd; kör finsam validate {dir}",
                "finsam validate found {count} {count:finding|findings}; run finsam validate {dir}"),
    "next": ("Nästa steg: lägg in personer och möten, och kontrollera med: finsam validate {dir}",
             "Next: add persons and meetings, and check with: finsam validate {dir}"),
    "message": ("Ny arkivmapp för {name} (finsam init)", "New records folder for {name} (finsam init)"),
}
LANGUAGES = ("sv", "en")
WORDS = {lang: {key: pair[n] for key, pair in TEXTS.items()} for n, lang in enumerate(LANGUAGES)}


def register(parser) -> None:
    parser.add_argument("dir", metavar="DIR", help="the new records folder (created if missing)")
    parser.add_argument("--name", help="the förbund's name, e.g. \"Samordningsförbundet Norra Dalen\"")
    parser.add_argument("--org-number", metavar="NNNNNN-NNNN", help="the förbund's organisation number")
    parser.add_argument("--numbering", choices=("per_år", "per_möte"),
                        help="§ numbering: per_år (continuing through the year, default) or per_möte")
    parser.add_argument("--lang", choices=("sv", "en"), help="the förbund's language (default sv); also of the questions")
    ex = parser.add_mutually_exclusive_group()
    ex.add_argument("--examples", dest="examples", action="store_true", default=None,
                    help="add example member organisations (FK, AF, a region, a kommun)")
    ex.add_argument("--no-examples", dest="examples", action="store_false", help="no example organisations")
    parser.add_argument("--no-git", action="store_true", help="neither git init nor commit")
    parser.add_argument("-y", "--yes", action="store_true",
                        help="agree to everything and take the defaults: ask nothing")


class _Asker:
    def __init__(self, w: dict, yes: bool):
        self.w = w
        self.yes = yes

    def _input(self, prompt: str) -> str | None:
        try:
            return input(prompt)
        except EOFError:
            return None

    def text(self, question: str, default: str, check=None, error: str = "") -> str:
        if self.yes:
            return default
        while True:
            answer = self._input(f"{question} [{default}]: " if default else f"{question}: ")
            if answer is None:  # no more input: the default
                return default
            answer = answer.strip() or default
            if answer and (check is None or check(answer)):
                return answer
            print(error or self.w["bad_name"], file=sys.stderr)

    def choice(self, question: str, choices: tuple[str, ...], default: str) -> str:
        return self.text(question, default, lambda a: a in choices,
                         self.w["bad_choice"].format(choices=", ".join(choices)))

    def confirm(self, question: str, default: bool) -> bool:
        if self.yes:
            return True
        w = self.w
        while True:
            answer = self._input(f"{question} {w['yn_default_yes'] if default else w['yn_default_no']} ")
            if answer is None:
                return default
            a = answer.strip().lower()
            if not a:
                return default
            if a[0] in (w["yes"], "y", "j"):
                return True
            if a[0] == "n":
                return False
            print(w["bad_choice"].format(choices=f"{w['yes']}, {w['no']}"), file=sys.stderr)


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env={**os.environ, "GIT_TERMINAL_PROMPT": "0"}, check=False)


def run(args) -> int:
    from finsam_tui.core.ops.scaffold import (
        DEFAULT_ORG_NUMBER,
        ORG_NUMBER_RE,
        AlreadyRecords,
        Settings,
        create,
        default_name,
    )
    from finsam_tui.core.query.history import git_toplevel
    from finsam_tui.core.records.layout import FORBUND_FILE

    folder = Path(args.dir)
    lang = args.lang or os.environ.get("FINSAM_LANG") or "sv"
    lang = lang if lang in WORDS else "sv"
    w = WORDS[lang]
    if folder.exists() and not folder.is_dir():
        print(f"finsam init: {w['is_file'].format(dir=folder)}", file=sys.stderr)
        return EXIT_USAGE
    if (folder / FORBUND_FILE).exists():
        print(f"finsam init: {w['exists'].format(dir=folder)}", file=sys.stderr)
        return EXIT_FINDINGS
    if args.org_number is not None and not ORG_NUMBER_RE.match(args.org_number):
        print(f"finsam init: {w['bad_org']}", file=sys.stderr)
        return EXIT_USAGE
    if args.name is not None and not args.name.strip():
        print(f"finsam init: {w['bad_name']}", file=sys.stderr)
        return EXIT_USAGE

    ask = _Asker(w, args.yes)
    name = args.name.strip() if args.name else ask.text(w["q_name"], default_name(folder))
    org = args.org_number or ask.text(w["q_org"], Settings(name).org_number,
                                      lambda a: bool(ORG_NUMBER_RE.match(a)), w["bad_org"])
    numbering = args.numbering or ask.choice(w["q_numbering"], ("per_år", "per_möte"), "per_år")
    language = args.lang or ask.choice(w["q_lang"], ("sv", "en"), "sv")
    examples = args.examples if args.examples is not None else (False if args.yes else ask.confirm(w["q_examples"], False))

    settings = Settings(name, org, numbering, language)
    try:
        written, kept = create(folder, settings, examples)
    except AlreadyRecords:  # pragma: no cover - checked above; a race
        print(f"finsam init: {w['exists'].format(dir=folder)}", file=sys.stderr)
        return EXIT_FINDINGS

    print(w["created"].format(dir=folder, name=name))
    tops = sorted({rel.split("/", 1)[0] + ("/" if "/" in rel else "") for rel in written})
    print("  " + ", ".join(tops))
    if examples:
        orgs = sum(1 for r in written if r.startswith("organisationer/") and r.endswith(".toml"))
        print(w["examples"].format(**counted({"count": orgs})))
    if kept:
        print(w["kept"].format(files=", ".join(kept)))

    status = EXIT_OK
    if not args.no_git:
        status = _git_steps(folder, settings, ask, w, git_toplevel, written)

    from finsam_tui.core.check.pipeline import load_archive

    findings = load_archive(folder).findings
    print(w["valid"] if not findings else w["invalid"].format(**counted({"count": len(findings), "dir": folder})))
    if org == DEFAULT_ORG_NUMBER:
        print(w["placeholder"].format(number=org, file=folder / FORBUND_FILE))
    print(w["next"].format(dir=folder))
    return status


def _git_steps(folder: Path, settings, ask: _Asker, w: dict, git_toplevel, written: list[str]) -> int:
    try:
        _git(folder, "--version")
    except OSError:
        print(w["no_git_tool"])
        return EXIT_OK
    top = git_toplevel(folder)
    if top is None:
        if not ask.confirm(w["q_git"].format(dir=folder), True):
            print(w["git_none"])
            return EXIT_OK
        out = _git(folder, "init", "-q")
        if out.returncode != 0:
            print(w["commit_failed"].format(error=out.stderr.strip()), file=sys.stderr)
            return EXIT_FINDINGS
        print(w["git_init"].format(dir=folder))
    else:
        print(w["git_in"].format(top=top))
    if not ask.confirm(w["q_commit"], True):
        return EXIT_OK
    if not written:
        return EXIT_OK
    add = _git(folder, "add", "--", *written)  # only what init wrote, nothing else in the folder
    commit = add if add.returncode != 0 else _git(
        folder, "commit", "-q", "-m", w["message"].format(name=settings.name), "--", *written)
    if commit.returncode != 0:
        error = (commit.stderr or commit.stdout).strip().splitlines()
        print(w["commit_failed"].format(error=error[0] if error else commit.returncode), file=sys.stderr)
        print(w["commit_hint"], file=sys.stderr)
        return EXIT_FINDINGS
    head = _git(folder, "rev-parse", "--short", "HEAD")
    print(w["committed"].format(commit=head.stdout.strip()))
    return EXIT_OK

"""finsam init DIR: a new records folder for a new förbund (finsam_tui/core/ops/scaffold.py writes it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from finsam_tui.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from finsam_tui.cli.parser import words
from finsam_tui.core.i18n.cli import Labels

NAME = "init"
NUMBERINGS = ("per_år", "per_möte")  # the values of forbund.toml's paragraph_numbering (the first is the default)


def register(parser) -> None:
    H = words(parser)
    parser.add_argument("dir", metavar="DIR", help=H["init:DIR"])
    parser.add_argument("--name", help=H["init:--name"])
    parser.add_argument("--org-number", metavar="NNNNNN-NNNN", help=H["init:--org-number"])
    parser.add_argument("--numbering", choices=NUMBERINGS, help=H["init:--numbering"])
    parser.add_argument("--lang", choices=("sv", "en"), help=H["init:--lang"])
    ex = parser.add_mutually_exclusive_group()
    ex.add_argument("--examples", dest="examples", action="store_true", default=None, help=H["init:--examples"])
    ex.add_argument("--no-examples", dest="examples", action="store_false", help=H["init:--no-examples"])
    parser.add_argument("--no-git", action="store_true", help=H["init:--no-git"])
    parser.add_argument("-y", "--yes", action="store_true", help=H["init:--yes"])


class _Asker:
    def __init__(self, L: Labels, yes: bool):
        self.L = L
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
            print(error or self.L["init.bad_name"], file=sys.stderr)

    def choice(self, question: str, choices: tuple[str, ...], default: str) -> str:
        return self.text(question, default, lambda a: a in choices,
                         self.L.fmt("init.bad_choice", choices=", ".join(choices)))

    def confirm(self, question: str, default: bool) -> bool:
        if self.yes:
            return True
        L = self.L
        while True:
            answer = self._input(f"{question} {L['init.yn_default_yes'] if default else L['init.yn_default_no']} ")
            if answer is None:
                return default
            a = answer.strip().lower()
            if not a:
                return default
            if a[0] in (L["init.yes"], "y", "j"):
                return True
            if a[0] == "n":
                return False
            print(L.fmt("init.bad_choice", choices=f"{L['init.yes']}, {L['init.no']}"), file=sys.stderr)


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env={**os.environ, "GIT_TERMINAL_PROMPT": "0"}, check=False)


def run(args) -> int:
    from finsam_tui.core.io.inside import OutsideFolder
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
    L = Labels(lang if lang in ("sv", "en") else "sv")
    if folder.exists() and not folder.is_dir():
        print(f"finsam init: {L.fmt('init.is_file', dir=folder)}", file=sys.stderr)
        return EXIT_USAGE
    if (folder / FORBUND_FILE).exists():
        print(f"finsam init: {L.fmt('init.exists', dir=folder)}", file=sys.stderr)
        return EXIT_FINDINGS
    if args.org_number is not None and not ORG_NUMBER_RE.match(args.org_number):
        print(f"finsam init: {L['init.bad_org']}", file=sys.stderr)
        return EXIT_USAGE
    if args.name is not None and not args.name.strip():
        print(f"finsam init: {L['init.bad_name']}", file=sys.stderr)
        return EXIT_USAGE

    ask = _Asker(L, args.yes)
    name = args.name.strip() if args.name else ask.text(L["init.q_name"], default_name(folder))
    org = args.org_number or ask.text(L["init.q_org"], Settings(name).org_number,
                                      lambda a: bool(ORG_NUMBER_RE.match(a)), L["init.bad_org"])
    numbering = args.numbering or ask.choice(L["init.q_numbering"], NUMBERINGS, NUMBERINGS[0])
    language = args.lang or ask.choice(L["init.q_lang"], ("sv", "en"), "sv")
    examples = (args.examples if args.examples is not None
                else (False if args.yes else ask.confirm(L["init.q_examples"], False)))

    settings = Settings(name, org, numbering, language)
    try:
        written, kept = create(folder, settings, examples)
    except AlreadyRecords:  # pragma: no cover - checked above; a race
        print(f"finsam init: {L.fmt('init.exists', dir=folder)}", file=sys.stderr)
        return EXIT_FINDINGS
    except OutsideFolder as exc:
        print(f"finsam init: {L.fmt('common.outside_folder', path=exc.rel, dir=exc.root)}", file=sys.stderr)
        return EXIT_USAGE

    print(L.fmt("init.created", dir=folder, name=name))
    tops = sorted({rel.split("/", 1)[0] + ("/" if "/" in rel else "") for rel in written})
    print("  " + ", ".join(tops))
    if examples:
        orgs = sum(1 for r in written if r.startswith("organisationer/") and r.endswith(".toml"))
        print(L.fmt("init.examples", count=orgs))
    if kept:
        print(L.fmt("init.kept", files=", ".join(kept)))

    status = EXIT_OK
    if not args.no_git:
        status = _git_steps(folder, settings, ask, L, git_toplevel, written)

    from finsam_tui.core.check.pipeline import load_archive

    findings = load_archive(folder).findings
    print(L["init.valid"] if not findings else L.fmt("init.invalid", count=len(findings), dir=folder))
    if org == DEFAULT_ORG_NUMBER:
        print(L.fmt("init.placeholder", number=org, file=folder / FORBUND_FILE))
    print(L.fmt("init.next", dir=folder))
    return status


def _git_steps(folder: Path, settings, ask: _Asker, L: Labels, git_toplevel, written: list[str]) -> int:
    try:
        _git(folder, "--version")
    except OSError:
        print(L["init.no_git_tool"])
        return EXIT_OK
    top = git_toplevel(folder)
    if top is None:
        if not ask.confirm(L.fmt("init.q_git", dir=folder), True):
            print(L["init.git_none"])
            return EXIT_OK
        out = _git(folder, "init", "-q")
        if out.returncode != 0:
            print(L.fmt("init.commit_failed", error=out.stderr.strip()), file=sys.stderr)
            return EXIT_FINDINGS
        print(L.fmt("init.git_init", dir=folder))
    else:
        print(L.fmt("init.git_in", top=top))
    if not ask.confirm(L["init.q_commit"], True):
        return EXIT_OK
    if not written:
        return EXIT_OK
    add = _git(folder, "add", "--", *written)  # only what init wrote, nothing else in the folder
    commit = add if add.returncode != 0 else _git(
        folder, "commit", "-q", "-m", L.fmt("init.message", name=settings.name), "--", *written)
    if commit.returncode != 0:
        error = (commit.stderr or commit.stdout).strip().splitlines()
        print(L.fmt("init.commit_failed", error=error[0] if error else commit.returncode), file=sys.stderr)
        print(L["init.commit_hint"], file=sys.stderr)
        return EXIT_FINDINGS
    head = _git(folder, "rev-parse", "--short", "HEAD")
    print(L.fmt("init.committed", commit=head.stdout.strip()))
    return EXIT_OK

"""finsam verify: every locked protocol checked, in its file and against the git history
(``core/check/verify``), compiler-style or as JSON; quick enough for a pre-commit hook."""

from __future__ import annotations

import json
import os
import sys

from finsam_tui.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_format_arg,
    add_lang_arg,
    add_records_arg,
    language,
    not_a_records_folder,
)

NAME = "verify"


def register(parser) -> None:
    add_records_arg(parser, positional=True)
    add_format_arg(parser)
    add_lang_arg(parser)


def run(args) -> int:
    from pathlib import Path

    from finsam_tui.cli.validate import write_text
    from finsam_tui.core.check.findings import counts
    from finsam_tui.core.check.verify import verify
    from finsam_tui.core.i18n.cli import Labels
    from finsam_tui.core.io.load import read_settings
    from finsam_tui.core.io.scan import NotARecordsFolder

    root = Path(args.dir)
    try:
        result = verify(root)
    except NotARecordsFolder:
        not_a_records_folder(root, language(args))
        return EXIT_USAGE
    lang = language(args, read_settings(root))
    c = counts(result.findings)
    c["meetings"] = result.meetings
    w = result.witness
    if args.format == "json":
        report = {"findings": [finding_json(f, lang) for f in result.findings], "counts": c, "git": git_json(w)}
        print(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        L = Labels(lang)
        out = sys.stdout
        write_text(result.findings, lang, out, out.isatty() and not os.environ.get("NO_COLOR"))
        if result.findings:
            print(file=out)
        for note in notes(w, L, lang):
            print(note, file=out)
        print(L.fmt("verify.summary" if result.findings else "verify.clean", **c), file=out)
    return EXIT_FINDINGS if c["errors"] else EXIT_OK


def notes(w, L, lang: str) -> list[str]:
    """What the git witness could do: its reach, a shallow clone, the locked protocols removed."""
    from finsam_tui.core.text import visible

    if not w.repository:
        return [L.fmt(f"verify.{w.reason or 'not_git'}", detail=visible(w.detail.splitlines()[0] if w.detail else ""))]
    if w.oldest is None:
        return [L["verify.witness_empty"]]
    oldest = w.oldest.phrase().text(lang)
    lines = [visible(L.fmt("verify.witness", files=w.files, compared=w.compared, commits=w.commits, oldest=oldest))]
    if w.shallow:
        lines.append(visible(L.fmt("verify.shallow", oldest=oldest)))
    for r in w.removed:
        removed = (L.fmt("verify.removed_in", commit=r.commit.phrase().text(lang)) if r.commit is not None
                   else L["verify.removed_uncommitted"])
        lines.append(visible(L.fmt("verify.removed", file=r.rel, locked=r.locked.phrase().text(lang), removed=removed)))
    return lines


def finding_json(f, lang: str) -> dict:
    """A finding as the JSON reports give it; the git witness's with the commits it names."""
    out = f.to_json(lang)
    if f.code == "FS359":
        changed = f.params.get("changed_in")
        out["commits"] = {"locked": f.params["lock_commit"].to_json(),
                          "changed": changed.to_json() if changed is not None else None}
    return out


def git_json(w) -> dict:
    """What the git witness could do, for the JSON reports."""
    return {"repository": w.repository, "reason": w.reason or None, "shallow": w.shallow,
            "oldest": w.oldest.to_json() if w.oldest else None, "commits": w.commits, "files": w.files,
            "compared": w.compared,
            "removed": [{"file": r.rel, "locked": r.locked.to_json(),
                         "removed": r.commit.to_json() if r.commit else None} for r in w.removed]}

"""Who changed a record and when: its git history, following renames.

    history(root, "styrelse/2023-04-14")   -> [Change(commit, author, date, message, path), …]
    change_diff(root, change.commit, [change.path, older.path])   -> the commit's diff of the file

``root`` is the records folder; the reference is one of docs/format.md's (a § gives its
meeting's file, a budget line its budget's), a bare id of a person, member organisation
or insats, ``forbund`` (or an organ's id) for forbund.toml, or a path to a record file.
The newest change comes first. ``path`` is the file's path at that commit, relative to
the records folder, so a rename shows as the old name on the older changes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.io.load import read_settings
from finsam_tui.core.query.lookup import RefError, homes, lookup, read
from finsam_tui.core.records.layout import FORBUND_FILE, rel_of

_RS, _US = "\x1e", "\x1f"


@dataclass(frozen=True)
class Change:
    commit: str
    author: str
    date: dt.datetime
    message: str
    path: str

    @property
    def subject(self) -> str:
        return self.message.split("\n", 1)[0]

    def to_json(self) -> dict:
        return {"commit": self.commit, "author": self.author, "date": self.date.isoformat(),
                "message": self.message, "path": self.path}


class HistoryError(Exception):
    """reason: "malformed" (not a reference), "unknown" (no such record and never was),
    "not_git" (the folder is not in a git repository, or git is missing), "no_history"
    (the file has no commits yet)."""

    def __init__(self, reason: str, ref: str, path: str | None = None, detail: str = ""):
        super().__init__(f"{reason}: {ref}")
        self.reason = reason
        self.ref = ref
        self.path = path
        self.detail = detail


def record_path(root: Path, ref: str) -> Path:
    """The record file a reference (or path) names, relative to the records folder.

    Year-§ references (``styrelse/2023/§17``) need the archive to find their meeting;
    everything else is worked out from the reference alone, so the history of a deleted
    record can be asked for too. Raises HistoryError("malformed"/"unknown").
    """
    root = Path(root)
    text = ref.strip()
    if text.endswith(".toml"):
        p = Path(text)
        for base in (Path.cwd(), root):
            candidate = (base / p) if not p.is_absolute() else p
            try:
                return candidate.resolve().relative_to(root.resolve())
            except ValueError:
                continue
        raise HistoryError("unknown", ref)
    if text in ("forbund", "forbund.toml"):
        return Path(FORBUND_FILE)
    typed = read(text)  # read as lookup reads it: organ/<id>, a bare id or a reference
    if typed is None:
        raise HistoryError("malformed", ref)
    if typed.form == "organ":
        return Path(FORBUND_FILE)
    if typed.form == "ref" and typed.ref.by_year:
        return _year_paragraph_file(root, text)
    candidates = homes(typed)  # one for a reference; for a bare id: person, organisation, organ, insats
    if typed.form == "ref":
        _kind, record_kind, rid = candidates[0]
        return Path(rel_of(record_kind, rid))
    for _kind, record_kind, rid in candidates:  # the record there now
        if record_kind == "forbund" and _is_organ(root, text):
            return Path(FORBUND_FILE)
        if record_kind != "forbund" and (root / rel_of(record_kind, rid)).exists():
            return Path(rel_of(record_kind, rid))
    for _kind, record_kind, rid in candidates:  # a record that was deleted
        if record_kind != "forbund" and _ever_existed(root, Path(rel_of(record_kind, rid))):
            return Path(rel_of(record_kind, rid))
    raise HistoryError("unknown", ref)


def _is_organ(root: Path, text: str) -> bool:
    organs = read_settings(root).get("organs", [])
    return isinstance(organs, list) and any(isinstance(o, dict) and o.get("id") == text for o in organs)


def _year_paragraph_file(root: Path, text: str) -> Path:
    from finsam_tui.core.check.cache import run

    result = run(root, need_archive=True)
    try:
        q = lookup(result.archive, text)
    except RefError as err:
        raise HistoryError("malformed" if err.code == "malformed" else "unknown", text) from None
    rec = result.archive.meetings.get(q.id)
    if rec is None:  # pragma: no cover - lookup found it
        raise HistoryError("unknown", text)
    return Path(rec.rel)


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # core.quotepath=off: paths with non-ASCII letters (a records folder named "Förbund") come
    # back as they are, not as quoted octal escapes
    return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace",
                          env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}, check=False)


def have_git() -> bool:
    """True when there is a git program to run."""
    return shutil.which("git") is not None


def git_toplevel(folder: Path) -> Path | None:
    """The top of the git work tree that folder lies in, or None (no repository, or no git)."""
    try:
        out = _git(Path(folder), "rev-parse", "--show-toplevel")
    except (OSError, ValueError):
        return None
    if out.returncode != 0 or not out.stdout.strip():
        return None
    return Path(out.stdout.strip())


def _ever_existed(root: Path, rel: Path) -> bool:
    if git_toplevel(root) is None:
        return False
    out = _git(Path(root), "log", "-1", "--format=%H", "--", rel.as_posix())
    return out.returncode == 0 and bool(out.stdout.strip())


def history(root, ref_or_path: str) -> list[Change]:
    """The commits that changed the record, newest first, following renames (git log --follow)."""
    root = Path(root)
    rel = record_path(root, ref_or_path)
    top = git_toplevel(root)
    if top is None:
        raise HistoryError("not_git", ref_or_path, rel.as_posix())
    real_root = root.resolve()
    target = (real_root / rel).relative_to(top.resolve()).as_posix()
    out = _git(top, "log", "--follow", "--name-only", f"--format={_RS}%H{_US}%an{_US}%aI{_US}%B{_US}",
               "--", target)
    if out.returncode != 0:
        if "does not have any commits" in out.stderr:
            raise HistoryError("no_history", ref_or_path, rel.as_posix())
        raise HistoryError("not_git", ref_or_path, rel.as_posix(), out.stderr.strip())
    changes = []
    current = target
    for block in out.stdout.split(_RS)[1:]:
        commit, author, date, message, names = block.split(_US)
        files = [n for n in names.strip().splitlines() if n.strip()]
        if files:
            current = files[-1]
        changes.append(Change(commit, author, dt.datetime.fromisoformat(date.strip()), message.strip(),
                              _relative(top, real_root, current)))
    if not changes:
        raise HistoryError("no_history", ref_or_path, rel.as_posix())
    return changes


def _relative(top: Path, root: Path, repo_path: str) -> str:
    """A path from the top of the repository as a path from the records folder."""
    full = top.resolve() / repo_path
    return Path(os.path.relpath(full, root)).as_posix()


def uncommitted(root, rel: str) -> bool:
    """True when the record's file has changes not committed yet (or is not committed at all)."""
    root = Path(root)
    if git_toplevel(root) is None:
        return False
    out = _git(root, "status", "--porcelain", "--", rel)
    return out.returncode == 0 and bool(out.stdout.strip())


_COMMIT = re.compile(r"[0-9a-fA-F]{4,64}")


def change_diff(root, commit: str, paths: Iterable[str]) -> str:
    """What one commit changed in a record's file, as git shows it (header, message, diff).

    paths are relative to the records folder (Change.path); give the file's name at that
    commit and at the change before it, and a rename shows as one. Raises
    HistoryError("not_git") outside a repository, ("malformed") for something that is
    not a commit id, ("unknown") when git does not know the commit.
    """
    root = Path(root)
    if not _COMMIT.fullmatch(commit):
        raise HistoryError("malformed", commit)
    top = git_toplevel(root)
    if top is None:
        raise HistoryError("not_git", commit)
    real_root, real_top = root.resolve(), top.resolve()
    targets = []
    for p in paths:
        target = Path(os.path.relpath(os.path.normpath(real_root / p), real_top)).as_posix()
        if target not in targets:
            targets.append(target)
    out = _git(top, "show", "--no-color", "--no-ext-diff", "--find-renames", "--date=iso", "--format=medium",
               commit, "--", *targets)
    if out.returncode != 0:
        raise HistoryError("unknown", commit, detail=out.stderr.strip())
    return out.stdout

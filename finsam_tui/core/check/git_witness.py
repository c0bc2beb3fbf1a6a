"""The git witness of locked protocols: what the history says each one was when it was locked.

A fingerprint has no secret: whoever changes a locked protocol can compute the new one with
finsam's own function, and a file can lose its lock altogether. Where the records folder lies
in a git repository, the history is the witness. :func:`witness` asks git three times at most
(``core/check/git_history``: where the folder lies; one ``log --raw`` over its ``moten/``; one
``cat-file --batch`` for the versions it has not read before, ``git_witness_memo``) and follows
each meeting file from the first commit in which it had a fingerprint (or a rättelse) to the
working tree, which is "today" (uncommitted changes count). A file unchanged since it was
committed needs no reading at all: git's id of its content says so. A later version is accepted when its data is the last
accepted one's but for what may change after justering (the state, forward; the anslag; the
tasks' follow-up; a fingerprint rewritten in the current formula; names frozen later), or when
it appends rättelser to it. What stands between the last accepted version and today is a
finding, FS359, at its line, naming the commit that locked the protocol and the one the change
came in (:mod:`git_witness_diff`): the content changed without a rättelse (a recomputed
fingerprint too), the fingerprint removed, the state set back, an earlier rättelse removed or
rewritten. Data is compared, never text: spacing, comments and key order are free.

A meeting that moved (a rättelse of its date) is followed: in commits by git's rename detection
or the same lock fingerprint; in the working tree, a file gone and a new one with the same lock
fingerprint or mostly the same lines (as git pairs renames). A locked protocol removed is listed
(:attr:`Witness.removed`), not a finding. Merges are read through their first parent, so a
change made on a branch is named by its merge. A shallow clone is witnessed from its oldest
commit (:attr:`Witness.shallow`). Outside git, or without git, the Witness says why and finds
nothing. Files are read as the loader reads them: links out of the folder are not followed,
and a version that is too big, not UTF-8, nested too deep or not TOML is not compared.
"""

from __future__ import annotations

import difflib
import functools
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from finsam_tui.core.check.git_history import Commit, GitError, Repository, blob_id, changes, contents, locate
from finsam_tui.core.check.git_witness_diff import Summary, differences, findings, parse_version, summarize
from finsam_tui.core.check.git_witness_memo import Memo
from finsam_tui.core.io.load import read_limited
from finsam_tui.core.io.scan import link_problem, scan_files
from finsam_tui.core.records.layout import classify

SIMILAR = 0.5  # the share of lines a file moved in the working tree keeps (git's default for renames)

__all__ = ["Commit", "Removal", "Witness", "witness"]


@dataclass
class Version:
    commit: Commit | None  # None: the working tree
    rel: str  # the file's path from the records folder
    blob: str  # git's id of the content
    raw: bytes | None = None  # the working tree's bytes; a commit's when read
    summary: Summary | None = None  # None: not read, or not readable
    data: dict | None = None


@dataclass
class Lineage:
    """One meeting file through the history: its versions, oldest first, and today's."""

    versions: list[Version]
    today: Version | None = None
    removed_in: Commit | None = None  # the commit that removed it (None: still there, or removed today)
    alive: bool = True


@dataclass
class Removal:
    rel: str
    locked: Commit  # the commit that locked it
    commit: Commit | None  # the commit that removed it (None: not committed yet)


@dataclass
class Witness:
    repository: bool = False
    reason: str = ""  # why there is no witness: "not_git", "no_git" (no git program), "git_error"
    detail: str = ""
    shallow: bool = False
    oldest: Commit | None = None
    commits: int = 0  # commits that changed meeting files
    files: int = 0  # meeting files followed from their first commit to today
    compared: int = 0  # of them, locked in a commit and changed since: compared version by version
    findings: list = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    git_runs: int = 0


def witness(root, files: dict | None = None) -> Witness:
    """The git witness's findings on the locked protocols of the records folder root (files:
    its ``scan_files``, if the caller has it)."""
    root = Path(root)
    out = Witness()
    repo = None
    try:
        repo = locate(root)
        if repo is None:
            out.reason, out.git_runs = "not_git", 1
            return out
        out.repository, out.shallow = True, repo.shallow
        steps = [(commit, [(old, new, nb) for _s, old, new, _ob, nb in found])
                 for commit, found in changes(repo, "moten")]
        out.commits = len(steps)
        out.oldest = steps[0][0] if steps else None
        _follow(root, repo, steps, out, scan_files(root) if files is None else files)
    except FileNotFoundError:
        out.reason = "no_git"
    except (GitError, OSError, subprocess.TimeoutExpired, ValueError, UnicodeError) as exc:
        out.repository, out.findings, out.removed = False, [], []
        out.reason, out.detail = "git_error", getattr(exc, "detail", None) or str(exc)
    out.git_runs = repo.runs if repo is not None else out.git_runs
    return out


def _follow(root: Path, repo: Repository, steps: list, out: Witness, files: dict) -> None:
    lineages: list[Lineage] = []
    live: dict[str, Lineage] = {}
    pairs: list[tuple[list[Lineage], list[Lineage]]] = []  # removed and added in one commit
    for commit, found in steps:
        found = [(_meeting(old), _meeting(new), blob) for old, new, blob in found]
        taken = {old: live.pop(old) for old, _new, _blob in found if old is not None and old in live}
        gone, added = [], []
        for old, new, blob in found:
            lineage = taken.pop(old, None) if old is not None else None
            if new is None:
                if lineage is not None:
                    lineage.alive, lineage.removed_in = False, commit
                    gone.append(lineage)
                continue
            if lineage is None:
                lineage = Lineage([])
                lineages.append(lineage)
                added.append(lineage)
            lineage.versions.append(Version(commit, new, blob))
            live[new] = lineage
        if gone and added:
            pairs.append((gone, added))
    disk = _today(root, files, repo.hash_name)
    vanished = []
    for rel, lineage in live.items():
        lineage.today = disk.pop(rel, None)
        if lineage.today is None:
            lineage.alive = False
            vanished.append(lineage)
    paired = {id(lineage) for gone, added in pairs for lineage in gone + added}
    needed = [v for lineage in lineages if len(_distinct(lineage)) > 1 or not lineage.alive or id(lineage) in paired
              for v in lineage.versions + ([lineage.today] if lineage.today else [])]
    memo = Memo(root)
    try:
        _summarize(repo, needed + (list(disk.values()) if vanished else []), [lg.versions[-1] for lg in vanished],
                   memo)
    finally:
        memo.close()
    for gone, added in pairs:
        _pair_in_commit(gone, added)
    _pair_today(vanished, disk)
    due = []
    for lineage in lineages:
        if not lineage.versions:
            continue
        if lineage.alive:
            out.files += 1
            walked = _walk(lineage)
            if walked is not None:
                out.compared += 1
                if walked[0] is not None:
                    due.append((lineage, *walked))
        elif any(v.summary is not None and v.summary.locked for v in lineage.versions):
            out.removed.append(Removal(lineage.versions[-1].rel, _lock_commit(lineage), lineage.removed_in))
    goods = [good for _lineage, good, _lock, _since in due]
    read = contents(repo, {v.blob for v in goods if v.raw is None})
    for lineage, good, lock, since in due:
        good.raw = good.raw if good.raw is not None else read.get(good.blob)
        good.data = parse_version(good.raw) if good.raw is not None else None
        lineage.today.data = parse_version(lineage.today.raw)
        if good.data is not None and lineage.today.data is not None:
            out.findings.extend(findings(lineage.today, good, lock, since, repo.prefix))


@functools.lru_cache(maxsize=65536)
def _meeting(rel: str | None) -> str | None:
    return rel if rel is not None and classify(tuple(rel.split("/")))[0] == "meeting" else None


def _summarize(repo: Repository, versions: list[Version], raw_wanted: list[Version], memo: Memo) -> None:
    """Give each version its summary: kept in the memo, else read (a commit's content: one git
    cat-file for all) and kept. raw_wanted: versions whose content is wanted as well (the old
    side of a move in the working tree, for its lines)."""
    known = memo.recall({v.blob for v in versions})
    fetch = {v.blob for v in versions if v.raw is None and v.blob not in known}
    blobs = contents(repo, fetch | {v.blob for v in raw_wanted if v.raw is None})
    made = {}
    for v in versions + raw_wanted:
        if v.raw is None:
            v.raw = blobs.get(v.blob)
        if v.blob in known or v.blob in made:
            v.summary = known.get(v.blob) or made[v.blob]
        elif v.raw is not None:
            data = parse_version(v.raw)
            if data is not None:
                v.summary = made[v.blob] = summarize(data)
    memo.keep(made)


def _today(root: Path, files: dict, hash_name: str) -> dict[str, Version]:
    """The meeting files of the working tree, with git's id of their content."""
    root_real = os.path.realpath(root)
    out = {}
    for rel, (path, *_stat) in files.items():
        if _meeting(rel) is None or link_problem(root_real, path, rel) is not None:
            continue
        try:
            raw = read_limited(Path(path))
        except OSError:
            continue
        if raw is not None:
            out[rel] = Version(None, rel, blob_id(raw, hash_name), raw)
    return out


def _distinct(lineage: Lineage) -> list[str]:
    ids: list[str] = []
    for v in lineage.versions + ([lineage.today] if lineage.today else []):
        if not ids or ids[-1] != v.blob:
            ids.append(v.blob)
    return ids


def _pair_in_commit(gone: list[Lineage], added: list[Lineage]) -> None:
    """A meeting removed and one added in the same commit, git seeing no rename: one protocol
    moved when they have the same lock fingerprint."""
    for old in gone:
        fp = _lock_of(old.versions[-1])
        match = next((new for new in added if fp is not None and _lock_of(new.versions[0]) == fp), None)
        if match is not None:
            match.versions[0:0] = old.versions
            old.versions = []
            added.remove(match)


def _pair_today(vanished: list[Lineage], disk: dict[str, Version]) -> None:
    """A meeting file gone from the working tree and one new there: one protocol moved when they
    have the same lock fingerprint, else when the new one keeps most of the lines (git's measure)."""
    for old in vanished:
        last = old.versions[-1]
        fp = _lock_of(last)
        best, score = None, SIMILAR
        for rel, new in disk.items():
            if fp is not None and _lock_of(new) == fp:
                best = rel
                break
            if last.raw is not None and new.raw is not None:
                matcher = difflib.SequenceMatcher(None, last.raw.splitlines(), new.raw.splitlines(), autojunk=False)
                if matcher.quick_ratio() >= score and matcher.ratio() >= score:
                    best, score = rel, matcher.ratio()
        if best is not None:
            old.today, old.alive = disk.pop(best), True


def _lock_of(v: Version) -> str | None:
    return v.summary.lock if v.summary is not None else None


def _lock_commit(lineage: Lineage) -> Commit:
    return next(v.commit for v in lineage.versions if v.summary is not None and v.summary.locked)


def _walk(lineage: Lineage):
    """None when the protocol was never locked in a commit or has not changed since; else
    (the last accepted version, the commit that locked it, the first version that departed from
    it since) — (None, lock, None) when today's version is accepted."""
    seq: list[Version] = []
    for v in lineage.versions + [lineage.today]:
        if not seq or seq[-1].blob != v.blob:
            seq.append(v)
    start = next((i for i, v in enumerate(seq) if v.commit is not None and v.summary is not None
                  and v.summary.locked), None)
    if start is None or len(seq) - start < 2:
        return None
    lock = seq[start].commit
    good, since = seq[start], None
    for v in seq[start + 1:]:
        if v.summary is None:
            continue  # not readable: validation says why; compared with the next one
        if not differences(good.summary, v.summary):
            good, since = v, None
        elif since is None:
            since = v
    if good is seq[-1] or lineage.today.summary is None:
        return None, lock, None
    return good, lock, since

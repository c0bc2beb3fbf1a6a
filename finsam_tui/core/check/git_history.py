"""A git history read with few processes, for the git witness (``core/check/git_witness``).

:func:`locate` (one ``git rev-parse``) says where a folder lies in a repository, whether the
clone is shallow and which hash it names objects by; :func:`changes` (one ``git log --raw``
over a path, first parent, renames followed, oldest first) lists the commits and, for each, the
files that changed with git's ids of their contents before and after; :func:`contents` (one
``git cat-file --batch``) gives the contents of any number of those ids; :func:`blob_id` is git's
id of a file's content, so a working tree file is compared with a commit's without asking git.
The repository's configuration is not asked to run anything (no status, no filters, no diff
drivers), and every process has a time limit.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass

from finsam_tui.core.i18n.findings import Phrase

TIMEOUT = 120  # seconds one git process may take
_RS = b"\x1e"


@dataclass(frozen=True)
class Commit:
    hash: str
    author: str
    date: str  # the author date, YYYY-MM-DD

    @property
    def short(self) -> str:
        return self.hash[:7]

    def phrase(self, key: str = "witness_commit") -> Phrase:
        return Phrase(key, short=self.short, date=self.date, author=self.author)

    def to_json(self) -> dict:
        return {"commit": self.hash, "short": self.short, "date": self.date, "author": self.author}


@dataclass
class Repository:
    top: str  # the real path of the work tree's top
    prefix: str  # the folder's path from the top, "" or ending in "/"
    shallow: bool
    hash_name: str  # "sha1" or "sha256"
    runs: int = 1  # git processes run so far


class GitError(Exception):
    """git could not answer: ``detail`` says why."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def run_git(cwd, args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Raises FileNotFoundError (no git), OSError, subprocess.TimeoutExpired."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0",
           "GIT_LITERAL_PATHSPECS": "1"}  # (a folder named "[x]*" is that folder, not a pattern)
    return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=TIMEOUT, env=env, check=False)


def locate(folder) -> Repository | None:
    """The repository folder lies in, or None (no repository, or the folder is outside its work
    tree). Raises FileNotFoundError (no git), OSError, subprocess.TimeoutExpired."""
    out = run_git(folder, ["rev-parse", "--show-toplevel", "--is-shallow-repository", "--show-object-format"])
    lines = out.stdout.decode("utf-8", "surrogateescape").splitlines()
    if out.returncode != 0 or len(lines) < 3:
        return None
    top = os.path.realpath(lines[0])
    inside = os.path.relpath(os.path.realpath(folder), top)
    if inside == ".." or inside.startswith(".." + os.sep):
        return None
    prefix = "" if inside == "." else inside.replace(os.sep, "/") + "/"
    return Repository(top, prefix, lines[1] == "true", lines[2])


def changes(repo: Repository, path: str) -> list[tuple[Commit, list[tuple[str, str | None, str | None, str, str]]]]:
    """The commits of the first-parent line that changed anything below path (from the folder),
    oldest first, each with its changes (status, old path, new path, old id, new id): paths from
    the folder, None on the side a file was added or removed; R a rename. [] when there are no
    commits yet. Raises GitError, OSError, subprocess.TimeoutExpired."""
    log = run_git(repo.top, ["log", "--first-parent", "--diff-merges=first-parent", "--reverse", "-M", "--raw",
                             "--no-abbrev", "-z", "--no-color", "--no-ext-diff",
                             "--format=%x1e%H%x1f%an%x1f%aI", "--", repo.prefix + path])
    repo.runs += 1
    if log.returncode != 0:
        if b"does not have any commits" in log.stderr:
            return []
        raise GitError(log.stderr.decode("utf-8", "replace").strip())
    steps = []
    for chunk in log.stdout.split(_RS)[1:]:
        head, _, rest = chunk.partition(b"\0")
        parts = head.decode("utf-8", "replace").split("\x1f")
        if len(parts) < 3:
            continue
        full, author, date = parts[0], "\x1f".join(parts[1:-1]), parts[-1]
        tokens = [t.lstrip(b"\n") for t in rest.split(b"\0")]
        found, i = [], 0
        while i < len(tokens):
            fields = tokens[i][1:].split() if tokens[i].startswith(b":") else []
            if len(fields) < 5:
                i += 1
                continue
            status = fields[4][:1].decode()
            two = status in ("R", "C")
            paths = [_from_folder(p, repo.prefix) for p in tokens[i + 1:i + (3 if two else 2)]]
            i += 1 + len(paths)
            old, new = (paths[0], paths[-1]) if two else (paths[0], paths[0])
            found.append((status, None if status in ("A", "C") else old, None if status == "D" else new,
                          fields[2].decode(), fields[3].decode()))
        steps.append((Commit(full, author, date[:10]), found))
    return steps


def _from_folder(path: bytes, prefix: str) -> str | None:
    text = path.decode("utf-8", "surrogateescape")
    return text[len(prefix):] if text.startswith(prefix) else None


def contents(repo: Repository, ids: set[str]) -> dict[str, bytes]:
    """The contents of the blobs, by id; ids the repository lacks (a shallow or partial clone)
    are left out. Raises OSError, subprocess.TimeoutExpired."""
    if not ids:
        return {}
    result = run_git(repo.top, ["cat-file", "--batch"], stdin=("\n".join(sorted(ids)) + "\n").encode())
    repo.runs += 1
    data, blobs, i = result.stdout, {}, 0
    while i < len(data):
        end = data.find(b"\n", i)
        if end < 0:
            break
        header = data[i:end].split()
        i = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            blobs[header[0].decode()] = data[i:i + size]
            i += size + 1
    return blobs


def blob_id(raw: bytes, hash_name: str) -> str:
    """git's id of a file whose content is raw."""
    h = hashlib.new("sha256" if hash_name == "sha256" else "sha1")
    h.update(b"blob %d\0" % len(raw))
    h.update(raw)
    return h.hexdigest()

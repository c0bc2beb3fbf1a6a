"""git for the tests: an isolated identity and configuration, no user settings involved."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

HAVE_GIT = shutil.which("git") is not None
needs_git = pytest.mark.skipif(not HAVE_GIT, reason="git is not installed")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Anna Test", "GIT_AUTHOR_EMAIL": "anna@example.invalid",
    "GIT_COMMITTER_NAME": "Anna Test", "GIT_COMMITTER_EMAIL": "anna@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_TERMINAL_PROMPT": "0",
}


@pytest.fixture
def git_env(monkeypatch):
    """The test's git runs with a fixed identity and without the user's or system's configuration."""
    for k, v in GIT_ENV.items():
        monkeypatch.setenv(k, v)
    return dict(os.environ)


def git(cwd: Path, *args: str, env: dict | None = None, **kw) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                         env={**os.environ, **GIT_ENV, **(env or {})}, **kw)
    return out.stdout


def commit_all(cwd: Path, message: str, author: str | None = None) -> str:
    git(cwd, "add", "-A")
    env = {"GIT_AUTHOR_NAME": author} if author else None
    git(cwd, "commit", "-q", "-m", message, env=env)
    return git(cwd, "rev-parse", "HEAD").strip()

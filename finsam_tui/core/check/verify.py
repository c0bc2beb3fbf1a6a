"""What ``finsam verify`` checks: every meeting's lock, in the file and against git.

:func:`verify` takes the lock findings of the meeting files from validation (through the cache:
a warm run reads nothing again) — changed since the lock or the last rättelse (FS326), justerad
but not locked (FS327), a fingerprint removed (FS355), a state set back (FS356), a rättelse
incomplete (FS357) or not appended (FS358), anything else wrong in a rättelse or a fingerprint
(by no known person, FS201; a key missing, FS104; …), a meeting file that cannot be read (FS100,
FS101, FS110) — and, where the folder lies in a git repository, the git witness's (FS359,
``core/check/git_witness``). Quick enough for a pre-commit hook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.git_witness import Witness, witness
from finsam_tui.core.io.scan import scan_files
from finsam_tui.core.records.layout import classify

LOCK_CODES = {"FS326", "FS327", "FS355", "FS356", "FS357", "FS358"}
UNREADABLE = {"FS100", "FS101", "FS110"}


@dataclass
class Verified:
    findings: list[Finding] = field(default_factory=list)
    meetings: int = 0  # meeting files in the folder
    witness: Witness = field(default_factory=Witness)


def is_about_the_lock(f: Finding) -> bool:
    """Is the finding (on a meeting file) one ``finsam verify`` reports?"""
    return (f.code in LOCK_CODES or f.code in UNREADABLE or f.path[:1] == ("corrections",)
            or f.path[:2] == ("justering", "fingerprint"))


def verify(root, git: bool = True) -> Verified:
    """The lock findings of the records folder root (git: also the git witness's), sorted.
    Raises NotARecordsFolder."""
    from finsam_tui.core.check.cache import run

    root = Path(root)
    validated = run(root)
    files = scan_files(root)
    meetings = {rel for rel in files if classify(tuple(rel.split("/")))[0] == "meeting"}
    out = Verified(meetings=len(meetings))
    out.findings = [f for f in validated.findings if f.file in meetings and is_about_the_lock(f)]
    if git:
        out.witness = witness(root, files)
        out.findings.extend(out.witness.findings)
    out.findings.sort(key=Finding.sort_key)
    return out

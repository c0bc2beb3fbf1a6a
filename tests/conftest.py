import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "records"


@pytest.fixture
def records_copy(tmp_path) -> Path:
    """A private copy of the bundled example to break."""
    dest = tmp_path / "records"
    shutil.copytree(RECORDS, dest, ignore=shutil.ignore_patterns(".finsam-cache"))
    return dest


# The figures the safety tests print (kills survived, interleavings, inputs tried, …), by
# test, repeated at the end of the run: see report_figure.
FIGURES: dict[str, str] = {}


def report_figure(key: str, line: str) -> None:
    """Print a test's figure and keep it for the summary at the end of the run."""
    print(line)
    FIGURES[key] = line


def pytest_terminal_summary(terminalreporter):
    from . import test_fuzz

    if test_fuzz.TRIED:
        parts = ", ".join(f"{k} {v}" for k, v in sorted(test_fuzz.TRIED.items()))
        terminalreporter.write_line(f"hypothesis inputs tried: {parts} (FINSAM_FUZZ_EXAMPLES={test_fuzz.EXAMPLES})")
    for line in FIGURES.values():
        terminalreporter.write_line(line)


def relock(path: Path) -> None:
    """Re-fingerprint a locked meeting after a test edited it (as `finsam lock` does for an
    unlocked one), so that the test sees the finding it is about and not also FS326."""
    import tomllib

    from finsam_tui.core.check.protocol_lock import is_locked, lock
    from finsam_tui.core.io.tomledit import update_text

    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if is_locked(data):
        path.write_text(update_text(text, lock(data)), encoding="utf-8")

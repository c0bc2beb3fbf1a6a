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


def pytest_terminal_summary(terminalreporter):
    from . import test_fuzz

    if test_fuzz.TRIED:
        parts = ", ".join(f"{k} {v}" for k, v in sorted(test_fuzz.TRIED.items()))
        terminalreporter.write_line(f"hypothesis inputs tried: {parts} (FINSAM_FUZZ_EXAMPLES={test_fuzz.EXAMPLES})")

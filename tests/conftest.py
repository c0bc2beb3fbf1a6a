import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "records"  # the bundled example: read it; commands that write run on bundled_copy()
_BUNDLED: dict[str, Path] = {}


@pytest.fixture(scope="session", autouse=True)
def _bundled_copy_home(tmp_path_factory):
    """Where bundled_copy() makes its copy: this test process's temporary folder."""
    _BUNDLED["home"] = tmp_path_factory.getbasetemp()


def bundled_copy() -> Path:
    """This test process's own copy of the bundled example, for commands that only read it
    but write their cache into the folder (``.finsam-cache``): the bundled records/ are shared
    by every worker of a parallel run (and by whoever runs finsam on them meanwhile). Made
    once a process; never change it (use the records_copy fixture for that)."""
    if "copy" not in _BUNDLED:
        dest = _BUNDLED["home"] / "bundled" / "records"
        _BUNDLED["copy"] = shutil.copytree(RECORDS, dest, ignore=shutil.ignore_patterns(".finsam-cache"))
    return _BUNDLED["copy"]


@pytest.fixture
def records_copy(tmp_path) -> Path:
    """A private copy of the bundled example to break."""
    dest = tmp_path / "records"
    shutil.copytree(RECORDS, dest, ignore=shutil.ignore_patterns(".finsam-cache"))
    return dest


@pytest.fixture(scope="module")
def _module_records(tmp_path_factory) -> tuple[Path, dict[Path, bytes]]:
    dest = tmp_path_factory.mktemp("shared") / "records"
    shutil.copytree(RECORDS, dest, ignore=shutil.ignore_patterns(".finsam-cache"))
    return dest, {p: p.read_bytes() for p in dest.rglob("*.toml")}


@pytest.fixture
def shared_records_copy(_module_records) -> Path:
    """A copy of the bundled example shared by the tests of a module, each of which changes
    records in place (never adds or removes a file): put back byte for byte after each test.
    Cheaper than records_copy, and the folder's cache stays warm (it reads again only what
    a test changed)."""
    root, originals = _module_records
    yield root
    for path, data in originals.items():
        if path.read_bytes() != data:
            path.write_bytes(data)
    assert set(root.rglob("*.toml")) == set(originals), "a test of shared_records_copy added or removed a file"


# The figures the safety tests print (kills survived, interleavings, inputs tried, …), by
# test, repeated at the end of the run: see report_figure.
FIGURES: dict[str, str] = {}


def report_figure(key: str, line: str) -> None:
    """Print a test's figure and keep it for the summary at the end of the run."""
    print(line)
    FIGURES[key] = line


def _fuzz_tried() -> dict[str, int]:
    """What the hypothesis tests of test_fuzz tried in this process (none when not loaded)."""
    module = sys.modules.get(f"{__package__}.test_fuzz")
    return module.TRIED if module is not None else {}


def pytest_sessionfinish(session):
    """In a worker of a parallel run (pytest-xdist): hand the figures to the controller."""
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["finsam_figures"] = dict(FIGURES)
        session.config.workeroutput["finsam_fuzz_tried"] = dict(_fuzz_tried())


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """In the controller of a parallel run: gather each worker's figures for the summary."""
    output = getattr(node, "workeroutput", {})
    FIGURES.update(output.get("finsam_figures", {}))
    for k, v in output.get("finsam_fuzz_tried", {}).items():
        WORKERS_FUZZ_TRIED[k] = WORKERS_FUZZ_TRIED.get(k, 0) + v


WORKERS_FUZZ_TRIED: dict[str, int] = {}


def pytest_terminal_summary(terminalreporter):
    tried = WORKERS_FUZZ_TRIED or _fuzz_tried()
    if tried:
        from . import test_fuzz

        parts = ", ".join(f"{k} {v}" for k, v in sorted(tried.items()))
        terminalreporter.write_line(f"hypothesis inputs tried: {parts} (FINSAM_FUZZ_EXAMPLES={test_fuzz.EXAMPLES})")
    for line in FIGURES.values():
        terminalreporter.write_line(line)


def relock(path: Path) -> None:
    """Re-fingerprint a locked meeting after a test edited it (as `finsam lock` does for an
    unlocked one), so that the test sees the finding it is about and not also FS326."""
    import tomllib

    from finsam_tui.core.check.protocol_lock import is_locked
    from finsam_tui.core.io.tomledit import update_text
    from finsam_tui.core.ops.lock import lock

    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if is_locked(data):
        path.write_text(update_text(text, lock(data)), encoding="utf-8")


def beyond_the_example(findings, lines: bool = True) -> list:
    """findings (Finding objects, dicts of the JSON output or (code, file, line) tuples) on a copy
    of the bundled example, without the example's deliberate ones (EXPECTED_FINDINGS in
    test_bundled_example.py): what a test that changes the copy must find is what its change
    caused, whatever the example shows on purpose. lines=False: for a test that moves the lines
    of a file (a deliberate finding is then known by its code and file)."""
    from .test_bundled_example import EXPECTED_FINDINGS

    def key(f) -> tuple:
        if hasattr(f, "code"):
            found = (f.code, f.file, f.line)
        elif isinstance(f, dict):
            found = (f["code"], f["file"], f["line"])
        else:
            found = tuple(f)
        return found if lines else found[:2]

    deliberate = EXPECTED_FINDINGS if lines else {f[:2] for f in EXPECTED_FINDINGS}
    return [f for f in findings if key(f) not in deliberate]


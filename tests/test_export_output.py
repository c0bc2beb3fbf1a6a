"""``finsam export … -o FILE`` writes atomically and never through a symlink (#14, section 2).

The document goes to a temp file next to FILE, is fsynced and then renamed onto FILE
(core/io/atomic.write_file): a disk that fills up while it is written leaves the previous FILE
whole (before, FILE was truncated first and left half-written). A FILE that is a symbolic link
(planted in a folder that came by git pull, say) is refused, and what it points to is never
written.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from finsam_tui.cli.main import main

from .conftest import ROOT, bundled_copy

REF = "styrelse/2023-04-14"

# A child process whose disk "fills up" (RLIMIT_FSIZE: a write beyond the limit fails with EFBIG,
# as ENOSPC would) the moment the export starts writing its output.
DISK_FULL = textwrap.dedent("""
    import resource, signal, sys
    sys.path.insert(0, {root!r})
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    from finsam_tui.cli import export
    from finsam_tui.cli.main import main
    real = export._output
    def full_disk(*a, **kw):
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
        return real(*a, **kw)
    export._output = full_disk
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE as a full disk")
def test_a_full_disk_leaves_the_previous_file_whole(tmp_path):
    out = tmp_path / "protokoll.md"
    previous = ("# Förra exporten\n" + "rad som ska finnas kvar\n" * 800).encode("utf-8")
    out.write_bytes(previous)
    records = bundled_copy()
    main(["validate", str(records)])  # (the cache is warm: the child only reads it)
    run = subprocess.run([sys.executable, "-c", DISK_FULL.format(root=str(ROOT)), "export", "protocol", REF,
                          "--records", str(records), "-o", str(out)], capture_output=True, text=True, timeout=120,
                         check=False)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith(f"finsam export: kunde inte skriva {out}: ")
    assert out.read_bytes() == previous  # whole, not truncated
    assert sorted(p.name for p in tmp_path.iterdir()) == ["protokoll.md"]  # no temp file left


def test_the_output_file_is_written_whole_and_replaces_the_previous_one(tmp_path, capsys):
    out = tmp_path / "protokoll.md"
    out.write_text("x" * 100_000, encoding="utf-8")  # longer than the document: nothing of it may stay
    out.chmod(0o640)
    assert main(["export", "protocol", REF, "--records", str(bundled_copy()), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["export", "protocol", REF, "--records", str(bundled_copy())]) == 0
    assert out.read_bytes() == capsys.readouterr().out.encode("utf-8")
    assert out.stat().st_mode & 0o777 == 0o640  # its permissions kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["protokoll.md"]


def test_an_output_file_that_is_a_symlink_is_refused_and_its_target_untouched(tmp_path, capsys):
    target = tmp_path / "bashrc"
    target.write_text("# mine\n", encoding="utf-8")
    link = tmp_path / "export" / "protokoll.md"
    link.parent.mkdir()
    link.symlink_to(target)
    assert main(["export", "protocol", REF, "--records", str(bundled_copy()), "-o", str(link)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"finsam export: {link} leder ut ur {link.parent} eller går via en symbolisk länk")
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert link.is_symlink()

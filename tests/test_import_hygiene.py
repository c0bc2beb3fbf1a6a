"""The core never imports Textual; the CLI lookups don't either."""

import subprocess
import sys

CORE = [
    "finsam_tui", "finsam_tui.schema", "finsam_tui.loader", "finsam_tui.schemacheck", "finsam_tui.archive",
    "finsam_tui.refs", "finsam_tui.rules", "finsam_tui.validate", "finsam_tui.saving", "finsam_tui.cli",
]


def test_core_and_cli_do_not_import_textual():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "from finsam_tui.validate import load_archive\n"
        + "load_archive('records')\n"
        + "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

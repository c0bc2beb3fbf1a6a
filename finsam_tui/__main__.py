"""`python -m finsam_tui`: the same as the `finsam` command."""

import sys

from finsam_tui.cli.main import main

sys.exit(main())

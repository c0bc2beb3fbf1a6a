"""The budget export's words for two sources of one version, split lines and income notes
(merged into the export catalogue, ``export.py``)."""

from __future__ import annotations

BUDGET: dict[str, dict[str, str]] = {
    "sv": {
        "label_source": "{label} ({source})",
        "version_same_as": "annan källa till {label}",
        "differs_mark": "≠",
        "differs_heading": "Olika belopp i källorna",
        "differs_intro": "Raderna markerade ≠ anges med olika belopp i källorna:",
        "differs_line": "{line}: {figures}",
        "differs_figure": "{source} {amount}",
        "split_row": "{name} ({share})",
        "split_note": "{name}: delas mellan {parts}",
        "split_part": "{category} {share}",
        "split_whole": "hela raden {amount} i {version}",
        "income_notes": "Kommentarer till intäkterna",
    },
    "en": {
        "label_source": "{label} ({source})",
        "version_same_as": "another source of {label}",
        "differs_mark": "≠",
        "differs_heading": "Figures that differ between the sources",
        "differs_intro": "The rows marked ≠ have different figures in the sources:",
        "differs_line": "{line}: {figures}",
        "differs_figure": "{source} {amount}",
        "split_row": "{name} ({share})",
        "split_note": "{name}: divided between {parts}",
        "split_part": "{category} {share}",
        "split_whole": "the whole line {amount} in {version}",
        "income_notes": "Notes on the income",
    },
}

"""finsam-tui: records of a Samordningsförbund as plain TOML files.

The core (record model, loading, validation, cross-references, export, saving) lives
in this package and imports nothing from Textual; the CLI and the TUI are thin front
ends on it.
"""

__version__ = "0.1.0"

"""The core: records, reading and writing them, checks, queries, edit operations, exports, words.

Imports neither Textual nor the front ends (``finsam_tui.cli``, ``finsam_tui.tui``); a test
(tests/test_import_hygiene.py) proves it. See docs/architecture.md.
"""

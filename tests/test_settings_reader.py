"""One safe reader of forbund.toml (core.io.load.read_settings) for every command (#14, section 3): `fmt`, `history`,
`serve` and the TUI read the förbund's language and organs before validation, and crashed on
a forbund.toml nested 5,000 levels deep or written in Latin-1 (the reader caught only OSError
and TOMLDecodeError), or hung on a FIFO. Now each gives {} there, and validation reports the
file at its line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from finsam_tui.cli.main import main
from finsam_tui.core.io.load import read_settings

BASE = Path(__file__).resolve().parent / "fixtures" / "base"

HOSTILE = {
    "nested": ("name = " + "[" * 5000 + "]" * 5000 + "\n").encode(),
    "latin-1": 'name = "Samordningsförbundet Åby"\n'.encode("latin-1"),
    "not-a-table-at-depth": ("a = " + "{b = " * 70 + "1" + "}" * 70 + "\n").encode(),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_forbund_toml_gives_no_settings_and_no_crash(tmp_path, kind, capsys):
    root = tmp_path / "records"
    shutil.copytree(BASE, root)
    (root / "forbund.toml").write_bytes(HOSTILE[kind])
    assert read_settings(root) == {}
    assert main(["fmt", "--check", "--records", str(root)]) in (0, 1)
    if kind == "nested":  # fmt refuses it at its line instead of a RecursionError
        assert "forbund.toml:1:" in capsys.readouterr().err
    assert main(["history", "styrelse/2023-04-14", "--records", str(root)]) in (0, 1, 2)
    assert main(["validate", str(root)]) == 1
    assert "forbund.toml:1" in capsys.readouterr().out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_named_forbund_toml_never_blocks(tmp_path):
    root = tmp_path / "records"
    root.mkdir()
    os.mkfifo(root / "forbund.toml")
    assert read_settings(root) == {}


def test_the_settings_of_a_sound_folder_are_read():
    assert read_settings(BASE)["name"] == "Samordningsförbundet Testdalen"

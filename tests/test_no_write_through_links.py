"""`finsam schema --out` and `finsam init` never write outside their folder through a planted
symlink (#14, section 6): a folder that arrives by `git pull` may hold
``.finsam-schema -> ~/.config`` or ``moten -> /somewhere``; the README tells users to run
`finsam schema --out records/.finsam-schema` in it. `finsam export all --out` has the same guard."""

from __future__ import annotations

import os
from pathlib import Path

from finsam_tui.cli.main import main


def _outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "meeting.json").write_text("do not touch", encoding="utf-8")
    return outside


def test_schema_out_refuses_a_folder_that_is_a_symlink(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FINSAM_LANG", raising=False)
    outside = _outside(tmp_path)
    link = tmp_path / ".finsam-schema"
    os.symlink(outside, link)
    assert main(["schema", "--out", str(link)]) == 2
    err = capsys.readouterr().err
    assert "går via en symbolisk länk; inget skrevs där" in err
    assert sorted(p.name for p in outside.iterdir()) == ["meeting.json"]
    assert (outside / "meeting.json").read_text(encoding="utf-8") == "do not touch"


def test_schema_out_replaces_a_planted_file_link_instead_of_writing_through_it(tmp_path, capsys):
    outside = _outside(tmp_path)
    out = tmp_path / ".finsam-schema"
    out.mkdir()
    os.symlink(outside / "meeting.json", out / "meeting.json")
    assert main(["schema", "--out", str(out)]) == 2  # refused, nothing written through the link
    assert (outside / "meeting.json").read_text(encoding="utf-8") == "do not touch"
    (out / "meeting.json").unlink()
    assert main(["schema", "--out", str(out)]) == 0
    assert (out / "meeting.json").read_text(encoding="utf-8").startswith("{")
    assert not (out / "meeting.json").is_symlink()


def test_init_refuses_a_folder_with_a_planted_link(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FINSAM_LANG", raising=False)
    outside = _outside(tmp_path)
    folder = tmp_path / "nytt"
    folder.mkdir()
    os.symlink(outside, folder / "moten")
    code = main(["init", str(folder), "--name", "Samordningsförbundet Länkby", "--no-git", "--yes"])
    assert code == 2, capsys.readouterr()
    assert "leder ut ur" in capsys.readouterr().err
    assert sorted(p.name for p in outside.iterdir()) == ["meeting.json"]
    assert sorted(p.name for p in folder.iterdir()) == ["moten"]  # checked before anything was written
    # a .gitignore planted as a link to a file outside is not appended to either
    (folder / "moten").unlink()
    os.symlink(outside / "meeting.json", folder / ".gitignore")
    assert main(["init", str(folder), "--name", "Samordningsförbundet Länkby", "--no-git", "--yes"]) == 2
    assert (outside / "meeting.json").read_text(encoding="utf-8") == "do not touch"

"""Commands work from anywhere inside a records folder, as git does inside a repository:
with no folder named, finsam uses $FINSAM_RECORDS, else the working directory or the nearest
folder above it that holds forbund.toml, else ./records."""

from __future__ import annotations

import shutil
from pathlib import Path

from finsam_tui.cli.main import main
from finsam_tui.core.io.scan import default_folder

BASE = Path(__file__).resolve().parent / "fixtures" / "base"


def test_the_folder_you_stand_in_and_its_subfolders(tmp_path):
    root = tmp_path / "forbundet"
    shutil.copytree(BASE, root)
    assert default_folder({}, str(root)) == str(root)
    assert default_folder({}, str(root / "moten" / "styrelse")) == str(root)
    assert default_folder({}, str(tmp_path)) == "records"
    assert default_folder({"FINSAM_RECORDS": "annan"}, str(root)) == "annan"


def test_validate_and_show_from_inside_a_meeting_folder(tmp_path, monkeypatch, capsys):
    root = tmp_path / "forbundet"
    shutil.copytree(BASE, root)
    monkeypatch.delenv("FINSAM_RECORDS", raising=False)
    monkeypatch.chdir(root / "moten" / "styrelse" / "2023")
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("Inga fel eller varningar (")
    assert main(["show", "styrelse/2023-04-14"]) == 0
    assert "Val av justerare" in capsys.readouterr().out


def test_outside_any_records_folder_the_message_names_records(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("FINSAM_RECORDS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    assert "records är ingen arkivmapp" in capsys.readouterr().err

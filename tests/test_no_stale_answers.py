"""No stale answers (#14, section 4): a record replaced by the tools people restore files
with — `cp -p`, `touch -r`, `tar x`, `rsync -a` — keeps its size and mtime, and still
`finsam validate`, `finsam show` and `finsam search` answer from the new text at once. Before,
the cache (keyed by size and mtime) gave the old findings, the old record and the old words.
The real tools are run; the test prints how many replacements were tried and how many of
the answers were stale.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import time

from finsam_tui.cli.main import main

from .conftest import RECORDS, report_figure
from .test_cache import age

MEETING = "moten/styrelse/2023/2023-04-14.toml"
# same byte length: an end before the start (FS322) and a new word in the title of §12
OLD = ('start = "09:00"', 'title = "Mötets öppnande"')
NEW = ('start = "12:00"', 'title = "Mötets kvarnhjul"')


def _cp_p(edited, target, _tmp):
    subprocess.run(["cp", "-p", str(edited), str(target)], check=True)


def _touch_r(edited, target, tmp):
    reference = tmp / "reference"
    shutil.copy2(target, reference)  # the original's times
    target.write_bytes(edited.read_bytes())
    subprocess.run(["touch", "-r", str(reference), str(target)], check=True)


def _tar_x(edited, target, tmp):
    archive = tmp / "backup.tar"
    with tarfile.open(archive, "w") as tar:
        tar.add(edited, arcname=target.name)
    subprocess.run(["tar", "-xf", str(archive), "-C", str(target.parent)], check=True)


def _rename_over(edited, target, _tmp):
    """What `rsync -a` does (not installed everywhere): a temp file with the times set, renamed over."""
    temp = target.parent / f".{target.name}.rsync-temp"
    shutil.copy2(edited, temp)
    os.replace(temp, target)


TOOLS = {"cp -p": _cp_p, "touch -r": _touch_r, "tar x": _tar_x, "rename over (rsync -a)": _rename_over}


def _answers(root, capsys) -> tuple[str, str, list[str]]:
    main(["validate", str(root)])
    validate = capsys.readouterr().out
    main(["show", "styrelse/2023-04-14", "--records", str(root), "--format", "json"])
    show = json.loads(capsys.readouterr().out)["record"]
    main(["search", "kvarnhjul", "--records", str(root), "--format", "json"])
    hits = [h["ref"] for h in json.loads(capsys.readouterr().out)["hits"]]
    return validate, json.dumps(show, ensure_ascii=False), hits


def _replaced(tool: str, root, tmp, capsys) -> list[bool]:
    """Warm the cache and the index, replace the meeting with the tool, ask again: for
    validate, show and search, whether the answer is the new text's."""
    age(root)
    target = root / MEETING
    whole = int(target.stat().st_mtime)  # a whole second, as a tar archive keeps it
    os.utime(target, (whole, whole))
    validate, show, hits = _answers(root, capsys)  # the cache and the search index warm
    assert "FS322" not in validate and '"12:00"' not in show and hits == []
    # the edited copy: same size, the original's mtime (as a backup or another checkout has it)
    edited = tmp / "edited" / target.name
    edited.parent.mkdir()
    text = target.read_text(encoding="utf-8")
    for old, new in zip(OLD, NEW):
        assert len(old.encode()) == len(new.encode()) and old in text
        text = text.replace(old, new, 1)
    edited.write_text(text, encoding="utf-8")
    before = target.stat()
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    TOOLS[tool](edited, target, tmp)
    after = target.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns), tool
    assert target.read_text(encoding="utf-8") == text
    validate, show, hits = _answers(root, capsys)
    return ["FS322" in validate and MEETING in validate, '"12:00"' in show, hits == ["styrelse/2023-04-14/§12"]]


def test_records_restored_with_their_old_mtime_give_fresh_answers(tmp_path, capsys):
    fresh = {}
    for i, tool in enumerate(TOOLS):
        tmp = tmp_path / str(i)
        root = shutil.copytree(RECORDS, tmp / "records", ignore=shutil.ignore_patterns(".finsam-cache"))
        fresh[tool] = _replaced(tool, root, tmp, capsys)
    stale = sum(answers.count(False) for answers in fresh.values())
    report_figure("stale_answers", f"records replaced keeping size and mtime ({', '.join(TOOLS)}): "
                  f"{len(fresh)}, stale answers from validate, show and search: {stale} of {3 * len(fresh)}")
    assert fresh == {tool: [True, True, True] for tool in TOOLS}


def test_the_tui_notices_a_record_restored_with_its_old_mtime(records_copy):
    """The TUI polls the folder's stat fingerprint to reload what changed outside: a `cp -p`
    over a record changes it too (ctime), as a change of size or mtime always did."""
    from finsam_tui.core.io.scan import scan_files
    from finsam_tui.tui.view_data import fingerprint

    target = records_copy / MEETING
    time.sleep(0.05)  # a timestamp tick after the copy was made (the poll has no racy check: it polls again)
    before = fingerprint(scan_files(records_copy))
    edited = records_copy.parent / "edited.toml"
    edited.write_text(target.read_text(encoding="utf-8").replace(OLD[0], NEW[0], 1), encoding="utf-8")
    st = target.stat()
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns))
    _cp_p(edited, target, records_copy.parent)
    assert (target.stat().st_size, target.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    assert fingerprint(scan_files(records_copy)) != before

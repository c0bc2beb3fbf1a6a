"""Find, read and parse the record files of a records folder.

One broken file never stops the others: every problem becomes a finding and the
file is left out of the archive (or kept with what could be used).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding
from .locate import Locator
from .files import NotARecordsFolder, is_records_folder, scan_files  # noqa: F401 (re-exported)
from .schema import FOLDERS, FORBUND_FILE

MAX_BYTES = 2 * 1024 * 1024
MAX_LABEL = "2 MiB"

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MEETING_STEM_RE = re.compile(r"^((?:19|20|21)\d\d)-(\d{2})-(\d{2})(?:-[a-z0-9][a-z0-9-]*)?$")
YEAR_RE = re.compile(r"^(19|20|21)\d\d$")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_KIND_BY_FOLDER = {v: k for k, v in FOLDERS.items()}


@dataclass
class Record:
    kind: str
    id: str
    rel: str  # path relative to the records folder, "/"-separated
    path: Path
    _text: str | None = field(repr=False)  # None: read from disk when first needed (cached records)
    data: dict
    _locator: Locator | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            raw = self.path.read_bytes().decode("utf-8", "replace")
            self._text = raw[1:] if raw.startswith("\ufeff") else raw
        return self._text

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = Locator(self.text)
        return self._locator


@dataclass
class Loaded:
    root: Path
    records: list[Record]
    findings: list[Finding]
    unloaded: dict[str, str]  # rel -> text of files not loaded as records (syntax errors, misplaced)
    files_seen: int = 0


def classify(rel_parts: tuple[str, ...]) -> tuple[str | None, str | None, Finding | None]:
    """(kind, id, problem) for a file's path relative to the records folder."""
    rel = "/".join(rel_parts)
    stem = rel_parts[-1][: -len(".toml")]
    if rel_parts == (FORBUND_FILE,):
        return "forbund", "forbund", None
    top = rel_parts[0]
    kind = _KIND_BY_FOLDER.get(top)
    expected = {"sv": "organisationer/, personer/, insatser/, budgetar/ eller moten/<organ>/<år>/",
                "en": "organisationer/, personer/, insatser/, budgetar/ or moten/<organ>/<year>/"}
    if kind is None:
        return None, None, Finding("FS108", rel, params={"expected": expected})
    if kind == "meeting":
        if len(rel_parts) != 4:
            return None, None, Finding("FS108", rel, params={"expected": "moten/<organ>/<år>/<datum>.toml"})
        organ, year = rel_parts[1], rel_parts[2]
        m = MEETING_STEM_RE.match(stem)
        if not ID_RE.match(organ) or not m:
            return None, None, Finding("FS107", rel, params={"id": f"{organ}/{stem}", "example": "styrelse/2022-06-17"})
        if m.group(1) != year:
            return None, None, Finding(
                "FS108", rel, params={"expected": f"moten/{organ}/{m.group(1)}/{stem}.toml"})
        return kind, f"{organ}/{stem}", None
    if len(rel_parts) != 2:
        return None, None, Finding("FS108", rel, params={"expected": f"{top}/<id>.toml"})
    if kind == "budget":
        if not YEAR_RE.match(stem):
            return None, None, Finding("FS107", rel, params={"id": stem, "example": "2023"})
        return kind, stem, None
    if not ID_RE.match(stem):
        return None, None, Finding("FS107", rel, params={"id": stem, "example": _example_id(stem)})
    return kind, stem, None


def _example_id(stem: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-", "_": "-"})
    cleaned = re.sub(r"[^a-z0-9-]", "", stem.lower().translate(table)).strip("-")
    return cleaned or "anna-lindqvist"


def read_text(path: Path) -> str | None:
    """The text of a file that is not a record, if it is small UTF-8; else None."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def read_record(path: Path, rel: str, kind: str, rid: str) -> tuple[Record | None, Finding | None]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, Finding("FS100", rel,
                                 params={"reason": {"sv": f"{size} byte, mer än gränsen {MAX_LABEL}",
                                                        "en": f"{size} bytes, more than the limit {MAX_LABEL}"},
                                             "limit": MAX_LABEL})
        raw = path.read_bytes()
    except OSError as exc:
        return None, Finding("FS100", rel, params={"reason": exc.strerror or str(exc), "limit": MAX_LABEL})
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Finding("FS100", rel, line=line, column=col,
                             params={"reason": {"sv": f"ogiltig UTF-8 (byte 0x{raw[exc.start]:02x})",
                                                        "en": f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})"},
                                             "limit": MAX_LABEL})
    body = text[1:] if text.startswith("\ufeff") else text
    try:
        data = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS.search(msg)
        if m:
            line, col = int(m.group(1)), int(m.group(2))
        else:
            line = body.count("\n") + 1
            col = 1
        reason = _TOML_POS.sub("", msg).strip()
        return None, Finding("FS101", rel, line=line, column=col, params={"reason": reason, "text": body})
    return Record(kind, rid, rel, path, body, data), None


def load_files(root: Path) -> Loaded:
    root = Path(root)
    if not is_records_folder(root):
        raise NotARecordsFolder(str(root))
    records: list[Record] = []
    findings: list[Finding] = []
    unloaded: dict[str, str] = {}
    root_real = os.path.realpath(root)
    files = scan_files(root)
    for rel, (path, _size, _mtime) in files.items():
        rec, problem, text = load_file(root_real, path, rel)
        if problem:
            findings.append(problem)
        if text is not None:
            unloaded[rel] = text
        if rec is not None:
            records.append(rec)
    return Loaded(root, records, findings, unloaded, len(files))


def load_file(root_real: str, path: Path, rel: str) -> tuple[Record | None, Finding | None, str | None]:
    """One file: (record, problem, text of a file that is not loaded as a record)."""
    path = Path(path)
    if path.is_symlink() and not os.path.realpath(path).startswith(root_real + os.sep):
        return None, Finding("FS108", rel, params={"expected": {
            "sv": "en fil inne i arkivmappen (inte en länk ut)",
            "en": "a file inside the records folder (not a link out)"}}), None
    kind, rid, problem = classify(tuple(rel.split("/")))
    if problem:
        return None, problem, read_text(path)  # still scanned for identity numbers
    rec, problem = read_record(path, rel, kind, rid)
    text = problem.params.pop("text") if problem is not None and problem.code == "FS101" else None
    return rec, problem, text

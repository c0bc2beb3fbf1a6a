"""The data of a record being edited, as plain Python.

Cleaned of the empty tables and lists the editor leaves behind, rendered back into the
record's text (only what changed; comments and order kept, ``core/io/tomledit``), validated as
the core validates a file (schema, identity numbers, the record's local rules), and compared
with the data as read: what changed, in words (what a rättelse lists).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.pipeline import check_file, local_findings
from finsam_tui.core.i18n.editor import key_label
from finsam_tui.core.io.load import Record
from finsam_tui.core.io.tomledit import new_text, update_text
from finsam_tui.core.records.keypaths import value_at

MISSING = object()  # no value at a key path (None is a value)


def clean(data, baseline=MISSING):
    """A copy of data without the empty tables and lists the editor left behind, unless the
    baseline (the data as read) had them at the same place."""
    if isinstance(data, dict):
        out = {}
        for k, v in data.items():
            base = baseline.get(k, MISSING) if isinstance(baseline, dict) else MISSING
            cv = clean(v, base)
            if isinstance(cv, (dict, list)) and not cv and base is MISSING:
                continue
            out[k] = cv
        return out
    if isinstance(data, list):
        out_list = []
        for i, v in enumerate(data):
            base = baseline[i] if isinstance(baseline, list) and i < len(baseline) else MISSING
            out_list.append(clean(v, base) if isinstance(v, dict) else copy.deepcopy(v))
        return out_list
    return data


def render_text(original: str | None, data: dict) -> str:
    """The text to save: the original with only the differences changed, or a new file."""
    return new_text(data) if original is None else update_text(original, data)


# -- validation ----------------------------------------------------------------------------------


def validate(kind: str, rid: str, rel: str, path: Path, data: dict, ctx, text: str | None) -> list[Finding]:
    """The findings the core gives for this data as one file: schema, identity numbers in the
    text and the record's local rules (with the archive's context)."""
    if text is None:
        try:
            text = new_text(data)
        except Exception:  # noqa: BLE001 - the text is only used to place findings
            text = ""
    rec = Record(kind, rid, rel, Path(path), text, copy.deepcopy(data))
    findings = list(check_file(rec).findings)
    if ctx is not None:
        try:
            findings.extend(local_findings(ctx, rec))
        except Exception:  # noqa: BLE001 - a rule must never break the editor
            pass
    return findings


def target_path(f: Finding) -> tuple:
    """The key path a finding is about: for a missing field, the field itself."""
    if f.code == "FS104":
        key = str(f.params.get("key", ""))
        name = re.sub(r"\[\d+\]$", "", key.rsplit(".", 1)[-1])
        return tuple(f.path) + (name,)
    return tuple(f.path)


# -- what changed (for a rättelse) ------------------------------------------------------------------


def changed_paths(old, new, path: tuple = ()) -> list[tuple]:
    """The key paths where new differs from old (an entry of a list of tables by index when
    the list kept its length, else the whole list)."""
    if old == new and type(old) is type(new):
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[tuple] = []
        for k in list(old) + [k for k in new if k not in old]:
            out += changed_paths(old.get(k, MISSING), new.get(k, MISSING), path + (k,))
        return out
    if (isinstance(old, list) and isinstance(new, list) and len(old) == len(new)
            and all(isinstance(x, dict) for x in old + new)):
        out = []
        for i, (a, b) in enumerate(zip(old, new)):
            out += changed_paths(a, b, path + (i,))
        return out
    return [path]


def describe_path(path: tuple, data: dict, kind: str = "meeting", lang: str = "sv") -> str:
    """A key path in words: ("items", 3, "title") -> "§37 › Rubrik"."""
    parts: list[str] = []
    parent = kind
    for k, part in enumerate(path):
        if isinstance(part, int):
            entry = value_at(data, path[:k + 1], {})
            entry = entry if isinstance(entry, dict) else {}
            if parent == "items":
                label = f"§{entry.get('number', part + 1)}"
            elif parent == "sub":
                label = f"{entry.get('letter', part + 1)})"
            else:
                label = f"#{part + 1}"
            if parent in ("items", "sub") and parts:
                parts[-1] = label
            else:
                parts.append(label)
            continue
        parts.append(key_label(str(part), parent, lang))
        parent = str(part)
    return " › ".join(parts)


def describe_changes(old: dict, new: dict, kind: str = "meeting", lang: str = "sv", skip: tuple = ()) -> list[str]:
    """The changes from old to new in words, one per changed field (keys in skip left out)."""
    out: list[str] = []
    for path in changed_paths(old, new):
        if path[:1] and path[0] in skip:
            continue
        text = describe_path(path, new if value_at(new, path, MISSING) is not MISSING else old, kind, lang)
        if text not in out:
            out.append(text)
    return out

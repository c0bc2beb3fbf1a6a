"""What the git witness compares (``core/check/git_witness``): two versions of a locked
protocol, as data, and the FS359 findings for what differs.

A version is compared through its :class:`Summary` (kept by git's id of the content, so each
version is read once: ``git_witness_memo``). :func:`differences` says what stands between an
accepted version and a later one: an earlier rättelse removed or rewritten (the entries are
compared without their fingerprint and chain, which ``finsam lock --upgrade`` may rewrite), the
fingerprint removed, the state set back from justerad/anslagen, and, unless rättelser were
appended, the content the fingerprint covers (``protocol_lock.locked_content``; names frozen
after the lock are no change). :func:`findings` makes them findings at today's lines, the
content at the first key path that differs. :func:`parse_version` reads a version as the
loader reads a file: nothing too big, not UTF-8, nested too deep or not TOML is compared.
"""

from __future__ import annotations

import tomllib
from dataclasses import astuple, dataclass

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.check.protocol_lock import digest, is_adjusted, lock_evidence, locked_content
from finsam_tui.core.i18n.findings import Phrase
from finsam_tui.core.io.load import MAX_BYTES, too_deep_at
from finsam_tui.core.io.positions import Locator
from finsam_tui.core.records.meetings import paragraph_label

# What of a rättelse the witness compares: all but what finsam rewrites (lock --upgrade).
_REWRITTEN = ("fingerprint", "chain")


@dataclass(frozen=True)
class Summary:
    """What the witness needs of one version of a meeting file."""

    evidence: tuple[str, ...]  # protocol_lock.lock_evidence
    adjusted: bool
    state: str
    lock: str | None  # the fingerprint in [justering] (a moved file is known by it)
    entries: tuple[str, ...]  # a digest of each rättelse, but what finsam rewrites
    content: str  # a digest of what the fingerprint covers
    bare: str  # the same without the names frozen in [justering.printed]
    printed: bool

    @property
    def locked(self) -> bool:
        return bool({"fingerprint", "corrections"} & set(self.evidence))

    def to_row(self) -> list:
        return list(astuple(self))

    @classmethod
    def from_row(cls, row: list) -> Summary:
        evidence, adjusted, state, lock, entries, content, bare, printed = row
        return cls(tuple(evidence), adjusted, state, lock, tuple(entries), content, bare, printed)


def parse_version(raw: bytes) -> dict | None:
    """A version's data, or None when the loader would not read it."""
    if len(raw) > MAX_BYTES:
        return None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    if too_deep_at(text) is not None:
        return None
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None


def summarize(data: dict) -> Summary:
    justering = data.get("justering") if isinstance(data.get("justering"), dict) else {}
    lock = justering.get("fingerprint")
    content = locked_content(data)
    return Summary(lock_evidence(data), is_adjusted(data), str(data.get("state", "–")),
                   lock if isinstance(lock, str) else None,
                   tuple(digest({"entry": _entry(e)}) for e in _entries(data)),
                   digest(content), digest(_without_printed(content)), _has_printed(content))


def _entries(data: dict) -> list:
    entries = data.get("corrections")
    return entries if isinstance(entries, list) else []


def _entry(e):
    return {k: v for k, v in e.items() if k not in _REWRITTEN} if isinstance(e, dict) else e


def _has_printed(content: dict) -> bool:
    return isinstance(content.get("justering"), dict) and "printed" in content["justering"]


def _without_printed(content: dict) -> dict:
    if not _has_printed(content):
        return content
    return dict(content, justering={k: v for k, v in content["justering"].items() if k != "printed"})


def differences(good: Summary, now: Summary) -> list[tuple[str, dict]]:
    """(what, its params) for each way now departs from good; [] when now may follow good."""
    out = []
    appended = False
    for k, entry in enumerate(good.entries):
        if k >= len(now.entries):
            out.append(("witness_correction_removed", {"n": k + 1}))
            break
        if now.entries[k] != entry:
            out.append(("witness_correction_changed", {"n": k + 1}))
            break
    else:
        appended = len(now.entries) > len(good.entries)
    if "fingerprint" in good.evidence and "fingerprint" not in now.evidence:
        out.append(("witness_fingerprint_removed", {}))
    if good.adjusted and not now.adjusted:
        out.append(("witness_state", {"state": now.state}))
    if not appended and (now.bare if not good.printed and now.printed else now.content) != good.content:
        out.append(("witness_content", {}))
    return out


def first_difference(a, b, path: tuple = ()) -> tuple | None:
    """The first key path (in b) where b differs from a, or None when they are equal."""
    if type(a) is not type(b):
        return path
    if isinstance(b, dict):
        for k in b:
            if k not in a:
                return path + (k,)
            found = first_difference(a[k], b[k], path + (k,))
            if found is not None:
                return found
        return path if any(k not in b for k in a) else None
    if isinstance(b, list):
        for i in range(min(len(a), len(b))):
            found = first_difference(a[i], b[i], path + (i,))
            if found is not None:
                return found
        if len(b) > len(a):
            return path + (len(a),)
        return path if len(a) > len(b) else None
    return None if a == b else path


def where(path: tuple, data: dict) -> str:
    """A key path in words: "§14 decision[0]", "place", "justering.printed.persons[2].name"."""
    head, rest = "", list(path)
    items = data.get("items")
    if len(path) >= 2 and path[0] == "items" and isinstance(items, list) and path[1] < len(items) \
            and isinstance(items[path[1]], dict):
        item = items[path[1]]
        number = item.get("number") if isinstance(item.get("number"), int) else None
        letter = item.get("letter") if isinstance(item.get("letter"), str) else None
        head, rest = "§" + paragraph_label(number, letter), list(path[2:])
    text = ""
    for part in rest:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return " ".join(p for p in (head, text) if p) or "–"


def _path(what: str, params: dict, good: dict, now: dict) -> tuple[tuple, dict]:
    """Where in now a difference is (its key path), and its params with the place in words."""
    if what == "witness_correction_removed":
        return (("corrections",) if _entries(now) else ("justering",)), params
    if what == "witness_correction_changed":
        return ("corrections", params["n"] - 1), params
    if what == "witness_fingerprint_removed":
        return (("justering",) if isinstance(now.get("justering"), dict) else ("state",)), params
    if what == "witness_state":
        return ("state",), params
    then, content = locked_content(good), locked_content(now)
    if not _has_printed(then):
        content = _without_printed(content)
    path = first_difference(then, content) or ()
    return path, dict(params, where=where(path, now))


def findings(today, good, lock, since, prefix: str) -> list[Finding]:
    """FS359 for each difference between good (the last accepted version) and today, at today's
    lines. lock: the commit that locked the protocol; since: the first version after good that
    departed from it (a commit, or today's uncommitted file)."""
    change = since.commit.phrase("witness_changed_in") if since is not None and since.commit is not None \
        else Phrase("witness_uncommitted")
    common = {"lock": lock.phrase(), "change": change, "good": good.commit.phrase(),
              "good_commit": good.commit.short, "path": prefix + good.rel,
              "lock_commit": lock, "changed_in": since.commit if since is not None else None}
    out = []
    for what, params in differences(good.summary, today.summary):
        path, params = _path(what, params, good.data, today.data)
        out.append(Finding("FS359", today.rel, path=path, params=dict(common, what=Phrase(what, **params))))
    from finsam_tui.core.check.stages import place  # (the validation stages: only when there are findings)

    locator = Locator(today.raw.decode("utf-8", "replace").removeprefix("\ufeff"))
    place(out, lambda _rel: locator)
    return out

"""What the export kinds share: errors, the context (archive, labels, draft), names and dates.

Names come from the person, organisation and förbund files, except in the document of a
locked meeting with a snapshot of the names it printed (``[justering.printed]``,
``core/records/printed``): there they come from the snapshot (:meth:`Context.freeze`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from finsam_tui.core.check.findings import Finding
from finsam_tui.core.export import markdown as md
from finsam_tui.core.i18n.export import Labels
from finsam_tui.core.io.load import Record
from finsam_tui.core.records import printed as pr
from finsam_tui.core.records.archive import Archive


class ExportError(Exception):
    """An export that cannot be made: a label key and its params; exit code 2 (usage) by default."""

    exit_code = 2

    def __init__(self, key: str, hint: str | None = None, **params) -> None:
        super().__init__(key)
        self.key = key
        self.hint_key = hint
        self.params = params

    def message(self, labels: Labels) -> str:
        return labels.fmt(self.key, **self.params)

    def hint(self, labels: Labels) -> str | None:
        return labels.fmt(self.hint_key, **self.params) if self.hint_key else None


class RecordsHaveErrors(ExportError):
    """The records behind a document have errors: refused unless it is exported as a draft."""

    exit_code = 1

    def __init__(self, what: str, findings: list[Finding]) -> None:
        super().__init__("msg_refused", what=what, count=len(findings))
        self.findings = findings


@dataclass
class Context:
    archive: Archive
    labels: Labels
    draft: bool = False
    errors: list[Finding] = field(default_factory=list)  # errors behind a draft, counted in its note
    printed: dict | None = None  # a locked meeting's snapshot of printed names (see freeze)
    printed_organ: str | None = None  # ... and its organ's id

    @property
    def L(self) -> Labels:  # noqa: N802 - short on purpose: L["protocol"]
        return self.labels

    # -- names ------------------------------------------------------------------------
    def freeze(self, snapshot: dict, organ: str) -> None:
        """Print the names of the snapshot (of a locked meeting of organ) where it has them."""
        self.printed = dict(snapshot, persons=pr.frozen_persons(snapshot))
        self.printed_organ = organ

    def forbund_name(self) -> str:
        if self.printed and isinstance(self.printed.get("forbund"), str):
            return self.printed["forbund"]
        return str(self.archive.settings.get("name", ""))

    def organ_name(self, organ: str) -> str:
        if self.printed and organ == self.printed_organ and isinstance(self.printed.get("organ"), str):
            return self.printed["organ"]
        return str(self.archive.organ_name(organ))

    def person_name(self, pid: object) -> str:
        if not isinstance(pid, str):
            return ""
        frozen = self.printed["persons"].get(pid) if self.printed else None
        return str(frozen["name"]) if frozen and frozen.get("name") else str(self.archive.person_name(pid))

    def org_name(self, oid: object) -> str:
        rec = self.archive.orgs.get(oid) if isinstance(oid, str) else None
        return str(rec.data.get("name", oid)) if rec else (str(oid) if oid else "")

    def decision_label(self, organ: str) -> str:
        """"Styrelsens beslut": the organ's name in the genitive (no extra s after an s)."""
        name = self.organ_name(organ)
        key = "decision_of_s" if name.endswith(("s", "S")) else "decision_of"
        return self.L.fmt(key, organ=md.inline(name))

    def membership(self, pid: str, organ: str, date: dt.date | None) -> dict | None:
        if date is None:
            return None
        found = self.archive.memberships_on(pid, organ, date)
        return found[0] if found else None

    def describe(self, pid: str, organ: str, date: dt.date | None, skip_roles: tuple[str, ...] = ()) -> str:
        """"Name, role, organisation" (Markdown): the role and organisation from the person's membership
        in the organ on the date, else the person's own title and organisation (``printed.entry``),
        or as the snapshot of a locked meeting has them."""
        e = self.printed["persons"].get(pid) if self.printed and organ == self.printed_organ else None
        e = e or pr.entry(self.archive.ctx, pid, organ, date) or {"name": pid}
        return md.inline(", ".join(pr.parts(e, skip_roles, self.L.role)))

    def guest(self, guest: dict) -> str:
        return md.inline(", ".join(str(guest[k]) for k in ("name", "role") if guest.get(k)))

    # -- draft marking ------------------------------------------------------------------
    def title(self, text_md: str) -> str:
        if self.draft:
            text_md = f"{self.L['draft']} — {text_md}"
        return md.heading(1, text_md)

    def draft_note(self) -> list[str]:
        if not self.draft:
            return []
        text = self.L["draft_note"]
        if self.errors:
            text += " " + self.L.fmt("draft_errors", count=len(self.errors))
        return [f"{md.strong(self.L['draft'] + ':')} {text}"]


def meeting_key(archive: Archive, m: Record) -> tuple:
    return (archive.meeting_date(m) or dt.date.min, m.id)


def number_label(number: int, letter: str | None = None) -> str:
    return f"§{number}{letter or ''}"

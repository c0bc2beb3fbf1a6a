"""Medlemmar: the member organisations and the persons with their memberships."""

from __future__ import annotations

from rich.text import Text

from finsam_tui.tui import details
from finsam_tui.tui.lazylist import Row, heading
from finsam_tui.tui.sections.base import ListDetailSection, Selection

_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def sort_key(name: str) -> str:
    """Swedish alphabetical order: å, ä, ö after z."""
    return name.casefold().translate(_SWEDISH)


class MembersSection(ListDetailSection):
    SECTION_ID = "members"
    LABEL = "section_members"
    NEW_KIND = "person"

    def rows(self, archive) -> list[Row]:
        L = self.L
        rows: list[Row] = []
        orgs = sorted(archive.orgs.values(), key=lambda r: sort_key(str(r.data.get("name", r.id))))
        rows.append(heading(f"{L['organisations']} ({len(orgs)})"))
        for rec in orgs:
            rows.append(Row(f"org/{rec.id}", lambda rec=rec: self._org_text(rec), ("org", rec.id, rec.rel)))
        persons = sorted(archive.persons.values(), key=lambda r: sort_key(archive.person_name(r.id)))
        rows.append(heading(f"{L['persons']} ({len(persons)})"))
        for rec in persons:
            rows.append(Row(f"person/{rec.id}", lambda rec=rec: self._person_text(rec), ("person", rec.id, rec.rel)))
        return rows

    def _org_text(self, rec) -> Text:
        text = Text(str(rec.data.get("name", rec.id)))
        short = rec.data.get("short")
        if isinstance(short, str) and short:
            text.append(f" {short}", style="dim")
        return text

    def _person_text(self, rec) -> Text:
        archive, L = self.model.archive, self.L
        text = Text(archive.person_name(rec.id))
        roles = [m for m in rec.data.get("memberships", []) if isinstance(m, dict) and m.get("end") is None]
        if roles:
            text.append("  " + ", ".join(f"{L.domain(str(m.get('role', '')))} {m.get('organ', '')}"
                                         for m in roles), style="dim")
        return text

    def show_row(self, row: Row) -> None:
        kind, rid, _rel = row.data
        pane = self.detail
        if kind == "org":
            pane.show(details.org_detail(self.model, rid, self.L))
        else:  # a person's report reads every meeting: made in a worker thread
            model, L = self.model, self.L
            pane.show_later((id(model), L.lang, rid), lambda: details.person_detail(model, rid, L),
                            details.title(model.archive.person_name(rid), f"person/{rid}")[0])

    def new_kind(self) -> str | None:
        sel = self.selection()
        return "organisation" if sel is not None and sel.kind == "org" else "person"

    def selection(self) -> Selection | None:
        row = self.list.highlighted_row
        if row is None or row.data is None:
            return None
        kind, rid, rel = row.data
        return Selection(kind, row.key, rel, "organisation" if kind == "org" else "person")

"""The command palette (ctrl+p): "Sök: …", the sections, theme, language, reload, help,
and going to a person, organisation, insats, organ or budget by name.

Titles read "category: action" (posting's commands.py is the model). User text goes in
as plain Content, never as markup.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from finsam_tui.tui.sections import SECTIONS


class FinsamCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        L = app.L
        out: list[tuple[str, object, str]] = [(L["cmd_search_open"], app.action_search_dialog, L["cmd_search_help"])]
        for n, section in enumerate(SECTIONS):
            name = L[section.LABEL]
            out.append((L.fmt("cmd_goto", section=name), partial(app.show_section, n, True),
                        L.fmt("cmd_goto_help", section=name)))
        out += [
            (L["cmd_theme"], app.action_toggle_theme, L["cmd_theme_help"]),
            (L["cmd_language"], app.action_toggle_language, L["cmd_language_help"]),
            (L["cmd_reload"], app.action_reload, L["cmd_reload_help"]),
            (L["cmd_help"], app.action_help, L["cmd_help_help"]),
        ]
        return out

    def _records(self) -> list[tuple[str, object, str]]:
        """Go-to entries for the named records (not meetings: there may be thousands)."""
        app = self.app
        archive = app.archive
        if archive is None:
            return []
        L = app.L
        out = []

        def entry(kind_key: str, name: str, ref: str) -> None:
            out.append((L.fmt("cmd_open", kind=L[kind_key], name=name), partial(app.open_ref, ref),
                        L.fmt("cmd_open_help", ref=ref)))

        for pid in archive.persons:
            entry("kind_person", archive.person_name(pid), f"person/{pid}")
        for oid, rec in archive.orgs.items():
            entry("kind_org", str(rec.data.get("name", oid)), f"org/{oid}")
        for iid, rec in archive.insatser.items():
            entry("kind_insats", str(rec.data.get("name", iid)), f"insats/{iid}")
        for organ in archive.organs:
            entry("kind_organ", archive.organ_name(organ), organ)
        for year in sorted(archive.budgets):
            entry("kind_budget", str(year), f"budget/{year}")
        return out

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        app = self.app
        L = app.L
        text = query.strip()
        if text:
            title = L.fmt("cmd_search", query=text)
            yield Hit(1.0, Content(title), partial(app.action_search_dialog, text), text=title,
                      help=L["cmd_search_help"])
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands() + self._records():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score * 0.99, _highlight(matcher, title), callback, text=title, help=help_text)


def _highlight(matcher, title: str) -> Content:
    """The title with the matched letters styled; the title itself is never read as markup."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content

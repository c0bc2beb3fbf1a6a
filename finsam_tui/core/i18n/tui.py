"""Every word the terminal interface shows, one catalogue per language: the archive's
sections, keys, help, status and detail panes here, the other screens' words in
``tui_screens.py`` and the history's in ``history.py``, merged into one catalogue.

Swedish (``sv``) is the default and the fallback for a missing English entry. The code
asks for a label by key (``L["section_meetings"]``) or a filled-in template
(``L.fmt("count_errors", errors=2)``). Domain values written in the records (roles,
states, kinds) and the roles of cross-references are translated by
:mod:`finsam_tui.core.i18n.lookups` (``L.domain(value)``, ``L.role(key)``), so the CLI and the
TUI say the same thing. Key descriptions of the bindings live here too, under
``key_<binding id>``: :class:`finsam_tui.tui.keys.LocalizedKeys` puts them into the footer.
"""

from __future__ import annotations

import os

from finsam_tui.core.i18n.catalogue import Catalogue, merged
from finsam_tui.core.i18n.history import CATALOGUE as HISTORY
from finsam_tui.core.i18n.lookups import Labels as LookupLabels
from finsam_tui.core.i18n.tui_screens import CATALOGUE as SCREENS

SV: dict[str, object] = {
    # --- sections ---------------------------------------------------------------------
    "section_meetings": "Möten",
    "section_members": "Medlemmar",
    "section_budget": "Budget",
    "section_insatser": "Insatser",
    "section_decisions": "Beslut",
    "section_uppdrag": "Uppdrag",
    "section_problems": "Problem",
    # --- keys (footer and help) ------------------------------------------------------------
    "key_help": "Hjälp",
    "key_quit": "Avsluta",
    "key_search": "Sök",
    "key_refs": "Hänvisningar",
    "key_copy": "Kopiera ref",
    "key_preview": "Förhandsvisa",
    "key_export": "Exportera",
    "key_edit": "Redigera",
    "key_new": "Ny",
    "key_new_meeting": "Nytt möte",
    "key_delete": "Ta bort",
    "key_theme": "Tema",
    "key_reload": "Läs om",
    "key_maximize": "Helskärm",
    "key_back": "Tillbaka",
    "key_close": "Stäng",
    "key_open": "Öppna",
    "key_open_record": "Öppna posten",
    "key_all_open": "Öppna/alla",
    "key_agenda": "Kallelse",
    "key_protocol": "Protokoll",
    "key_sections": "Gå till avsnitt 1–7",
    "key_palette": "Kommandon",
    "key_language": "Språk",
    "key_focus_next": "Nästa ruta",
    "key_focus_list": "Till listan",
    "key_history": "Historik",
    "key_section": "Avsnitt {n}",
    "key_up": "Upp",
    "key_down": "Ned",
    "key_page_up": "Sida upp",
    "key_page_down": "Sida ned",
    "key_first": "Första",
    "key_last": "Sista",
    "key_expand": "Fäll ut",
    "key_collapse": "Fäll ihop",
    "key_yes": "Ja",
    "key_no": "Nej",
    # --- help ---------------------------------------------------------------------------------
    "help_title": "Tangenter",
    "help_everywhere": "Överallt",
    "help_main": "I arkivet",
    "help_lists": "I listor och träd",
    "help_dialogs": "I dialoger",
    "help_move": "Flytta markeringen",
    "help_page": "Sida upp/ned, första/sista",
    "help_enter": "Öppna / fäll ut",
    "help_escape": "Tillbaka, stäng",
    "help_tab": "Nästa ruta",
    "help_footer": "Mus behövs inte. Kopiering använder terminalens urklipp (OSC 52).",
    # --- status and messages --------------------------------------------------------------
    "loading": "Läser in arkivet…",
    "loading_short": "läser in…",
    "status": "{errors} fel · {warnings} {warnings:varning|varningar} · {files} {files:fil|filer}",
    "reloaded": "Arkivet är inläst igen: {errors} fel, {warnings} {warnings:varning|varningar}",
    "changed_on_disk": "Filer har ändrats på disk – läser om",
    "load_failed": "Arkivet kunde inte läsas: {reason}",
    "copied": "Kopierade {ref}",
    "nothing_selected": "Inget är markerat",
    "not_here": "Det går inte för det markerade",
    "no_refs": "Inga hänvisningar till {ref}",
    "refs_title": "Hänvisningar till {ref}",
    "refs_count": "{count} st",
    "unknown_ref": "{ref} finns inte i arkivet",
    "not_loaded": "Arkivet är inte inläst än",
    "theme_dark": "Mörkt tema",
    "theme_light": "Ljust tema",
    "language_set": "Språk: svenska",
    "no_meeting": "Markera ett möte först",
    # --- detail panes ---------------------------------------------------------------------
    "unreadable": "Filen kan inte läsas som post; se Problem.",
    "problems_in_file": "{errors} fel, {warnings} {warnings:varning|varningar} i filen",
    "organ_meetings": "{count} {count:möte|möten}",
    "year_meetings": "{count} {count:möte|möten} {year}",
    "jav_line": "{name} (ordförande under §: {chair})",
    "organisations": "Organisationer",
    "persons": "Personer",
    "insatser_owned": "Insatser som huvudman",
    "stat_year": "År",
    "stat_women": "Kvinnor",
    "stat_men": "Män",
    "stat_new": "Nya",
    "stat_ended": "Avslut",
    "ended_reasons": "Avslutsorsaker {year}",
    "chair_duties": "Ordförande vid",
    "adjuster_duties": "Justerare vid",
    "secretary_duties": "Sekreterare vid",
    "more": "… och {count} till",
    "now": "nu",
    "since": "sedan {date}",
    # --- budget -----------------------------------------------------------------------------
    "budget_years": "År",
    "budget_row": "Post",
    "deviation": "Avvikelse",
    "deviation_note": "Avvikelse (positiv = gynnsam): kostnader {base} − {compare}, intäkter och resultat {compare} − {base}",
    "other_income": "Övriga intäkter",
    "sum_income": "Summa intäkter",
    "sum_costs": "Summa kostnader",
    "no_budget": "Ingen budget för {year}",
    # --- registers --------------------------------------------------------------------------
    "filter": "Filtrera (titel, beslut)…",
    "decisions_count": "{count} beslut",
    "filter_all_years": "Alla år",
    "filter_all_organs": "Alla organ",
    "uppdrag_open_count": "{count} {count:öppet|öppna} uppdrag",
    "uppdrag_all_count": "{count} uppdrag",
    "due": "Klart senast",
    "responsible": "Ansvarig",
    "status_col": "Status",
    "reported": "Återrapporterat i",
    "given_at": "Givet i",
    "problems_summary": "{errors} fel och {warnings} {warnings:varning|varningar} i {files} {files:fil|filer}",
    "problems_none": "Inga fel eller varningar",
    "hint": "Tips",
    "related": "Se även",
    "severity_error": "fel",
    "severity_warning": "varning",
}

EN: dict[str, object] = {
    "section_meetings": "Meetings",
    "section_members": "Members",
    "section_budget": "Budget",
    "section_insatser": "Insatser",
    "section_decisions": "Decisions",
    "section_uppdrag": "Tasks",
    "section_problems": "Problems",
    "key_help": "Help",
    "key_quit": "Quit",
    "key_search": "Search",
    "key_refs": "References",
    "key_copy": "Copy ref",
    "key_preview": "Preview",
    "key_export": "Export",
    "key_edit": "Edit",
    "key_new": "New",
    "key_new_meeting": "New meeting",
    "key_delete": "Delete",
    "key_theme": "Theme",
    "key_reload": "Reload",
    "key_maximize": "Full screen",
    "key_back": "Back",
    "key_close": "Close",
    "key_open": "Open",
    "key_open_record": "Open record",
    "key_all_open": "Open/all",
    "key_agenda": "Agenda",
    "key_protocol": "Minutes",
    "key_sections": "Go to section 1–7",
    "key_palette": "Commands",
    "key_language": "Language",
    "key_focus_next": "Next pane",
    "key_focus_list": "To the list",
    "key_history": "History",
    "key_section": "Section {n}",
    "key_up": "Up",
    "key_down": "Down",
    "key_page_up": "Page up",
    "key_page_down": "Page down",
    "key_first": "First",
    "key_last": "Last",
    "key_expand": "Expand",
    "key_collapse": "Collapse",
    "key_yes": "Yes",
    "key_no": "No",
    "help_title": "Keys",
    "help_everywhere": "Everywhere",
    "help_main": "In the archive",
    "help_lists": "In lists and trees",
    "help_dialogs": "In dialogs",
    "help_move": "Move the highlight",
    "help_page": "Page up/down, first/last",
    "help_enter": "Open / expand",
    "help_escape": "Back, close",
    "help_tab": "Next pane",
    "help_footer": "No mouse needed. Copying uses the terminal's clipboard (OSC 52).",
    "loading": "Loading the records…",
    "loading_short": "loading…",
    "status": "{errors} {errors:error|errors} · {warnings} {warnings:warning|warnings} · {files} {files:file|files}",
    "reloaded": "Records reloaded: {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}",
    "changed_on_disk": "Files changed on disk – reloading",
    "load_failed": "The records could not be read: {reason}",
    "copied": "Copied {ref}",
    "nothing_selected": "Nothing is selected",
    "not_here": "Not possible for the selection",
    "no_refs": "Nothing refers to {ref}",
    "refs_title": "References to {ref}",
    "refs_count": "{count}",
    "unknown_ref": "{ref} is not in the records",
    "not_loaded": "The records are not loaded yet",
    "theme_dark": "Dark theme",
    "theme_light": "Light theme",
    "language_set": "Language: English",
    "no_meeting": "Select a meeting first",
    "unreadable": "The file cannot be read as a record; see Problems.",
    "problems_in_file": "{errors} {errors:error|errors}, {warnings} {warnings:warning|warnings} in the file",
    "organ_meetings": "{count} {count:meeting|meetings}",
    "year_meetings": "{count} {count:meeting|meetings} in {year}",
    "jav_line": "{name} (chair during the §: {chair})",
    "organisations": "Organisations",
    "persons": "Persons",
    "insatser_owned": "Insatser as owner",
    "stat_year": "Year",
    "stat_women": "Women",
    "stat_men": "Men",
    "stat_new": "New",
    "stat_ended": "Ended",
    "ended_reasons": "Reasons for ending {year}",
    "chair_duties": "Chair at",
    "adjuster_duties": "Adjuster at",
    "secretary_duties": "Secretary at",
    "more": "… and {count} more",
    "now": "now",
    "since": "since {date}",
    "budget_years": "Year",
    "budget_row": "Item",
    "deviation": "Deviation",
    "deviation_note": "Deviation (positive = favourable): costs {base} − {compare}, income and result {compare} − {base}",
    "other_income": "Other income",
    "sum_income": "Total income",
    "sum_costs": "Total costs",
    "no_budget": "No budget for {year}",
    "filter": "Filter (title, decision)…",
    "decisions_count": "{count} {count:decision|decisions}",
    "filter_all_years": "All years",
    "filter_all_organs": "All bodies",
    "uppdrag_open_count": "{count} open {count:task|tasks}",
    "uppdrag_all_count": "{count} {count:task|tasks}",
    "due": "Due",
    "responsible": "Responsible",
    "status_col": "Status",
    "reported": "Reported back at",
    "given_at": "Given at",
    "problems_summary": ("{errors} {errors:error|errors} and {warnings} {warnings:warning|warnings} in {files} "
                         "{files:file|files}"),
    "problems_none": "No errors or warnings",
    "hint": "Hint",
    "related": "See also",
    "severity_error": "error",
    "severity_warning": "warning",
}


# The words for records (dates, attendance, § parts, …) are the lookup commands' own:
# one catalogue for them, shared here.
SHARED_WITH_LOOKUPS = (
    "file",
    "meeting_kind",
    "date",
    "time",
    "place",
    "state",
    "diarienummer",
    "chair",
    "secretary",
    "adjusters",
    "justering",
    "anslag",
    "next_meeting",
    "notes",
    "attendance",
    "att_voting",
    "att_participants",
    "att_serving",
    "att_substitutes",
    "att_absent",
    "att_coopted",
    "att_others",
    "replaces",
    "paragraphs",
    "decision_mark",
    "tasks_mark",
    "item_kind",
    "background",
    "proposal",
    "decision",
    "attachments",
    "reservations",
    "jav",
    "tasks",
    "refs",
    "sub",
    "unresolved",
    "title",
    "organisation",
    "email",
    "memberships",
    "org_kind",
    "short",
    "org_number",
    "contribution_key",
    "representatives",
    "description",
    "period",
    "owner",
    "budget_lines",
    "steering_group",
    "decided_by",
    "statistics",
    "attendance_summary",
    "steering_groups",
    "none",
    "income",
    "sum",
    "result",
)
SV.update({k: LookupLabels.CATALOGUE["sv"][k] for k in SHARED_WITH_LOOKUPS})
EN.update({k: LookupLabels.CATALOGUE["en"][k] for k in SHARED_WITH_LOOKUPS})

# The screens' words (tui_screens.py) and the history's, shared with `finsam history` (history.py).
CATALOGUE: dict[str, dict[str, object]] = merged({"sv": SV, "en": EN}, SCREENS, HISTORY)


class Labels(Catalogue):
    """The TUI's words in one language, plus the domain words of the lookups."""

    CATALOGUE = CATALOGUE

    def __init__(self, lang: str = "sv") -> None:
        super().__init__(lang)
        self._lookup = LookupLabels(self.lang)

    def domain(self, value: str) -> str:
        """A Swedish domain value written in the records (role, state, kind) in the language."""
        return self._lookup.value(value) if value else value

    def role(self, key: str) -> str:
        """The role of a cross-reference (backlinks.Backlink.role) in the language."""
        return self._lookup.role(key)

    def kind(self, key: str) -> str:
        return self._lookup.kind(key)

    def severity(self, severity: str) -> str:
        return self["severity_error"] if severity == "error" else self["severity_warning"]


def choose_language(explicit: str | None, settings: dict | None = None) -> str:
    """--lang, then FINSAM_LANG, then the förbund's language, then Swedish."""
    for lang in (explicit, os.environ.get("FINSAM_LANG"), (settings or {}).get("language")):
        if lang in ("sv", "en"):
            return lang
    return "sv"

"""Every word the exports and `finsam export` show, one catalogue per language.

Nothing else in ``finsam_tui/export/`` or ``commands/export.py`` holds user-facing
words: the code asks for a label by key (``L["protocol"]``), a filled-in template
(``L.fmt("jav_left", name=…)``) or a domain value in the language (``L.role("ledamot")``).
Swedish (``sv``) is the default and the fallback for a missing English entry.
"""

from __future__ import annotations

SV: dict[str, object] = {
    # --- document titles -------------------------------------------------------------
    "protocol": "Protokoll",
    "agenda": "Kallelse och föredragningslista",
    "extract": "Protokollsutdrag",
    "budget_title": "Budget {year}",
    "decisions_title": "Beslutsregister",
    "index_title": "Export",
    "draft": "UTKAST",
    "draft_note": "Detta är ett utkast. Det är inte ett justerat protokoll eller en fastställd handling.",
    "draft_errors": "Underlaget innehåller {count} fel som ska rättas innan handlingen fastställs.",
    # --- meeting header ----------------------------------------------------------------
    "organ": "Organ",
    "meeting_kind": "Typ av sammanträde",
    "date": "Datum",
    "time": "Tid",
    "place": "Plats",
    "diarienummer": "Diarienummer",
    "paragraphs": "Paragrafer",
    "state": "Status",
    "next_meeting": "Nästa sammanträde",
    "notes": "Övrigt om sammanträdet",
    "justered_on": "Protokollet justerat",
    # --- attendance ----------------------------------------------------------------------
    "attendance": "Närvarande",
    "voting": "Beslutande",
    "voting_no_decisions": "Ledamöter",  # an organ that takes no decisions (medlemssamråd, beredningsgrupp)
    "serving": "Tjänstgörande ersättare",
    "substitutes": "Ersättare",
    "absent": "Anmält förhinder",
    "coopted": "Adjungerade",
    "others": "Övriga närvarande",
    "replaces": "för {name}",
    "nobody": "Ingen.",
    # --- paragraphs ----------------------------------------------------------------------
    "paragraph_heading": "§ {number} {title}",
    "sub_heading": "{letter}) {title}",
    "item_diarienummer": "Diarienummer",
    "background": "Beskrivning av ärendet",
    "proposal": "Förslag till beslut",
    "decision_of": "{organ}s beslut",
    "decision_of_s": "{organ} beslut",  # the organ's name already ends in s
    "reservation": "Reservation",
    "reserves": "{name} reserverar sig mot beslutet.",
    "jav": "Jäv",
    "jav_left": "{name} anmäler jäv och deltar inte i handläggningen.",
    "jav_chair": "{name} leder mötet under paragrafen.",
    "attachments": "Bilagor",
    "tasks": "Uppdrag",
    "task_line": "Uppdrag till {name}: {task}",
    "due": "klart senast {date}",
    "status": "status: {status}",
    "reported": "återrapporterat i {ref}",
    # --- tasks table -------------------------------------------------------------------
    "tasks_given": "Uppdrag från sammanträdet",
    "tasks_open": "Uppdrag att följa upp",
    "tasks_open_intro": ("Uppdrag från tidigare sammanträden som ännu inte var återrapporterade "
                         "vid detta sammanträde."),
    "col_paragraph": "§",
    "col_task": "Uppdrag",
    "col_responsible": "Ansvarig",
    "col_due": "Klart senast",
    "col_status": "Status",
    "col_status_now": "Aktuell status",
    "col_given": "Givet vid",
    "col_reported": "Återrapporterat i",
    "given_at": "{organ} {date}, § {number}",
    # --- justering, signatures, anslag -------------------------------------------------
    "justering": "Justering och underskrifter",
    "justering_done": "Protokollet är justerat {date}.",
    "justering_done_place": "Protokollet är justerat {date}, {place}.",
    "justering_pending": "Protokollet är ännu inte justerat.",
    "signing": "Signeringsreferens",
    "chair": "Ordförande",
    "adjusters": "Justerare",
    "secretary": "Sekreterare",
    "chair_during": "Ordförande under § {numbers}",
    "anslag": "Anslag/bevis",
    "anslag_text": "Justeringen av protokollet har tillkännagivits genom anslag.",
    "anslag_pending": "Protokollet är ännu inte anslaget.",
    "meeting_date": "Sammanträdesdatum",
    "posted": "Anslaget uppsatt",
    "removed": "Anslaget nedtaget",
    "storage": "Förvaringsplats för protokollet",
    # --- agenda ------------------------------------------------------------------------
    "agenda_intro": "{organ} kallas till sammanträde.",
    "called": "Kallade",
    "called_members": "Ledamöter",
    "called_substitutes": "Ersättare",
    "called_coopted": "Adjungerade",
    "called_others": "Övriga",
    "agenda_items": "Föredragningslista",
    # --- extract -----------------------------------------------------------------------
    "certify": "Rätt utdraget intygar",
    "certify_unknown": "Sekreterare saknas i protokollet.",
    # --- budget ------------------------------------------------------------------------
    "versions": "Versioner",
    "version_line": "{label}: {kind}",
    "version_date": "per {date}",
    "version_date_outcome": "till och med {date}",
    "version_decided": "beslut {ref}",
    "deviation": "Avvikelse",
    "deviation_note": "Avvikelse = {base} − {compare}.",
    "deviation_rev": "Den senaste revideringen används som budget.",
    "deviation_outcome": "Prognos saknas; det senaste utfallet används som jämförelse.",
    "deviation_none": "Ingen avvikelse beräknas: budget, eller både prognos och utfall, saknas.",
    "share_note": "Andel = medlemmens andel av medlemsbidragen enligt {base}.",
    "income": "Intäkter",
    "member_income": "Medlemsbidrag",
    "other_income": "Övriga intäkter",
    "costs": "Kostnader",
    "col_member": "Medlem",
    "col_line": "Rad",
    "col_item": "Post",
    "col_share": "Andel",
    "sum_members": "Summa medlemsbidrag",
    "sum_other": "Summa övriga intäkter",
    "sum_income": "Summa intäkter",
    "sum_category": "Summa {name}",
    "sum_costs": "Summa kostnader",
    "result": "Resultat",
    "equity": "Eget kapital",
    "equity_start": "Eget kapital vid årets början",
    "equity_end": "Eget kapital vid årets slut (beräknat)",
    "line_notes": "Kommentarer",
    "no_amount": "–",
    # --- decisions register ------------------------------------------------------------
    "filter": "Urval",
    "filter_year": "år {year}",
    "filter_organ": "organ {organ}",
    "filter_all": "alla beslut",
    "meeting_heading": "{organ} {date}",
    "meeting_ref": "Möte",
    "no_decisions": "Inga beslut.",
    # --- index of `all` ----------------------------------------------------------------
    "index_protocols": "Protokoll",
    "index_agendas": "Kallelser och föredragningslistor",
    "index_budgets": "Budgetar",
    "index_decisions": "Beslutsregister",
    "index_none": "Inga.",
    # --- command messages --------------------------------------------------------------
    "msg_unknown_meeting": "mötet {ref} finns inte.",
    "msg_nearest": "Närmaste möte: {nearest}",
    "msg_no_meetings": "Arkivet har inga möten.",
    "msg_bad_ref": "{ref} är ingen mötesreferens; skriv t.ex. styrelse/2023-04-14.",
    "msg_missing_paragraph": "{para} finns inte i {ref} (paragrafer: {range}).",
    "msg_bad_paragraph": "{para} är ingen paragraf; skriv t.ex. §17 eller §20a.",
    "msg_unknown_budget": "det finns ingen budget för {year} (budgetar: {years}).",
    "msg_unknown_organ": "organet {organ} finns inte (organ: {organs}).",
    "msg_refused": "{what} kan inte exporteras: underlaget har {count} fel.",
    "msg_refused_hint": "Rätta felen (finsam validate) eller exportera ett utkast med --draft.",
    "msg_unsafe_path": "vägrar skriva {path}: sökvägen hamnar utanför {dir}.",
    "msg_not_dir": "{dir} är ingen mapp.",
    "msg_wrote": "Skrev {count} filer i {dir}",
    "msg_write_failed": "kunde inte skriva {path}: {reason}",
    # --- domain values -----------------------------------------------------------------
    "roles": {},
    "task_states": {},
    "version_kinds": {"budget": "antagen budget", "revidering": "revidering", "utfall": "utfall",
                      "prognos": "prognos"},
    "meeting_kinds": {},
    "meeting_states": {},
}

EN: dict[str, object] = {
    "protocol": "Minutes",
    "agenda": "Notice of meeting and agenda",
    "extract": "Extract from the minutes",
    "budget_title": "Budget {year}",
    "decisions_title": "Register of decisions",
    "index_title": "Export",
    "draft": "DRAFT",
    "draft_note": "This is a draft. It is not adjusted minutes or an adopted document.",
    "draft_errors": "The records have {count} errors to correct before the document is adopted.",
    "organ": "Body",
    "meeting_kind": "Kind of meeting",
    "date": "Date",
    "time": "Time",
    "place": "Place",
    "diarienummer": "Registry number",
    "paragraphs": "Paragraphs",
    "state": "State",
    "next_meeting": "Next meeting",
    "notes": "Notes",
    "justered_on": "Minutes adjusted",
    "attendance": "Present",
    "voting": "Voting members",
    "voting_no_decisions": "Members",
    "serving": "Serving substitutes",
    "substitutes": "Substitutes",
    "absent": "Absent with notice",
    "coopted": "Co-opted",
    "others": "Others present",
    "replaces": "for {name}",
    "nobody": "None.",
    "paragraph_heading": "§ {number} {title}",
    "sub_heading": "{letter}) {title}",
    "item_diarienummer": "Registry number",
    "background": "Background",
    "proposal": "Proposed decision",
    "decision_of": "Decision of {organ}",
    "decision_of_s": "Decision of {organ}",
    "reservation": "Reservation",
    "reserves": "{name} enters a reservation against the decision.",
    "jav": "Conflict of interest",
    "jav_left": "{name} declares a conflict of interest and takes no part in the matter.",
    "jav_chair": "{name} chairs the meeting during this paragraph.",
    "attachments": "Attachments",
    "tasks": "Tasks",
    "task_line": "Task for {name}: {task}",
    "due": "due {date}",
    "status": "status: {status}",
    "reported": "reported back at {ref}",
    "tasks_given": "Tasks given at the meeting",
    "tasks_open": "Tasks to follow up",
    "tasks_open_intro": "Tasks from earlier meetings that had not been reported back by this meeting.",
    "col_paragraph": "§",
    "col_task": "Task",
    "col_responsible": "Responsible",
    "col_due": "Due",
    "col_status": "Status",
    "col_status_now": "Current status",
    "col_given": "Given at",
    "col_reported": "Reported back at",
    "given_at": "{organ} {date}, § {number}",
    "justering": "Adjustment and signatures",
    "justering_done": "The minutes were adjusted on {date}.",
    "justering_done_place": "The minutes were adjusted on {date}, {place}.",
    "justering_pending": "The minutes have not been adjusted yet.",
    "signing": "Signature reference",
    "chair": "Chair",
    "adjusters": "Adjusters",
    "secretary": "Secretary",
    "chair_during": "Chair during § {numbers}",
    "anslag": "Notice of adjustment",
    "anslag_text": "The adjustment of the minutes has been announced on the notice board.",
    "anslag_pending": "The minutes have not been posted yet.",
    "meeting_date": "Date of meeting",
    "posted": "Posted",
    "removed": "Taken down",
    "storage": "Where the minutes are kept",
    "agenda_intro": "{organ} is called to a meeting.",
    "called": "Called",
    "called_members": "Members",
    "called_substitutes": "Substitutes",
    "called_coopted": "Co-opted",
    "called_others": "Others",
    "agenda_items": "Agenda",
    "certify": "Certified true extract",
    "certify_unknown": "The minutes name no secretary.",
    "versions": "Versions",
    "version_line": "{label}: {kind}",
    "version_date": "as of {date}",
    "version_date_outcome": "up to {date}",
    "version_decided": "decided {ref}",
    "deviation": "Deviation",
    "deviation_note": "Deviation = {base} − {compare}.",
    "deviation_rev": "The latest revision is used as the budget.",
    "deviation_outcome": "There is no forecast; the latest outcome is used for comparison.",
    "deviation_none": "No deviation is computed: there is no budget, or neither a forecast nor an outcome.",
    "share_note": "Share = the member's share of the member contributions in {base}.",
    "income": "Income",
    "member_income": "Member contributions",
    "other_income": "Other income",
    "costs": "Costs",
    "col_member": "Member",
    "col_line": "Line",
    "col_item": "Item",
    "col_share": "Share",
    "sum_members": "Total member contributions",
    "sum_other": "Total other income",
    "sum_income": "Total income",
    "sum_category": "Total {name}",
    "sum_costs": "Total costs",
    "result": "Result",
    "equity": "Equity",
    "equity_start": "Equity at the start of the year",
    "equity_end": "Equity at the end of the year (computed)",
    "line_notes": "Notes",
    "no_amount": "–",
    "filter": "Selection",
    "filter_year": "year {year}",
    "filter_organ": "body {organ}",
    "filter_all": "all decisions",
    "meeting_heading": "{organ} {date}",
    "meeting_ref": "Meeting",
    "no_decisions": "No decisions.",
    "index_protocols": "Minutes",
    "index_agendas": "Notices and agendas",
    "index_budgets": "Budgets",
    "index_decisions": "Register of decisions",
    "index_none": "None.",
    "msg_unknown_meeting": "there is no meeting {ref}.",
    "msg_nearest": "Nearest meeting: {nearest}",
    "msg_no_meetings": "The records hold no meetings.",
    "msg_bad_ref": "{ref} is not a meeting reference; write e.g. styrelse/2023-04-14.",
    "msg_missing_paragraph": "{para} is not in {ref} (paragraphs: {range}).",
    "msg_bad_paragraph": "{para} is not a paragraph; write e.g. §17 or §20a.",
    "msg_unknown_budget": "there is no budget for {year} (budgets: {years}).",
    "msg_unknown_organ": "there is no body {organ} (bodies: {organs}).",
    "msg_refused": "{what} cannot be exported: the records have {count} errors.",
    "msg_refused_hint": "Correct the errors (finsam validate) or export a draft with --draft.",
    "msg_unsafe_path": "refusing to write {path}: the path leads outside {dir}.",
    "msg_not_dir": "{dir} is not a folder.",
    "msg_wrote": "Wrote {count} files in {dir}",
    "msg_write_failed": "could not write {path}: {reason}",
    "roles": {
        "ordförande": "chair", "vice ordförande": "vice chair", "ledamot": "member", "ersättare": "substitute",
        "förbundschef": "director", "sekreterare": "secretary", "administratör": "administrator",
        "ekonom": "finance officer", "adjungerad": "co-opted", "revisor": "auditor", "tjänsteperson": "official",
    },
    "task_states": {"ny": "new", "pågående": "in progress", "klar": "done", "avbruten": "cancelled"},
    "version_kinds": {"budget": "adopted budget", "revidering": "revision", "utfall": "outcome",
                      "prognos": "forecast"},
    "meeting_kinds": {"ordinarie": "ordinary", "extra": "extraordinary", "konstituerande": "constituent",
                      "arbetsmöte": "working meeting"},
    "meeting_states": {"planerad": "planned", "kallad": "called", "genomförd": "held", "justerad": "adjusted",
                       "anslagen": "posted"},
}

CATALOGUE: dict[str, dict[str, object]] = {"sv": SV, "en": EN}


class Labels:
    """The labels of one language: ``L[key]``, ``L.fmt(key, **params)`` and domain values."""

    def __init__(self, lang: str = "sv") -> None:
        self.lang = lang if lang in CATALOGUE else "sv"
        self._table = CATALOGUE[self.lang]

    def __getitem__(self, key: str) -> str:
        value = self._table.get(key, SV[key])
        assert isinstance(value, str), key
        return value

    def fmt(self, key: str, **params) -> str:
        return self[key].format(**params)

    def _value(self, table: str, value: str) -> str:
        mapping = self._table.get(table) or {}
        assert isinstance(mapping, dict)
        return mapping.get(value, value)

    def role(self, role: str) -> str:
        return self._value("roles", role)

    def task_state(self, state: str) -> str:
        return self._value("task_states", state)

    def version_kind(self, kind: str) -> str:
        return self._value("version_kinds", kind)

    def meeting_kind(self, kind: str) -> str:
        return self._value("meeting_kinds", kind)

    def meeting_state(self, state: str) -> str:
        return self._value("meeting_states", state)


def labels(lang: str = "sv") -> Labels:
    return Labels(lang)

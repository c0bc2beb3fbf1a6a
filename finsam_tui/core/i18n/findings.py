"""The words inside the validation findings' messages: the parameters a rule fills in
(``FS108``'s expected place, ``FS305``'s reason, …) and "Did you mean …?".

A rule does not pick a language: it passes a :class:`Phrase` (a key of this catalogue and
its own parameters) as a finding's parameter, and :meth:`Finding.message` says it in the
language it is asked for. The rule messages themselves (one per code) are the rule table,
``finsam_tui/core/check/codes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from finsam_tui.core.i18n.catalogue import Catalogue, merged
from finsam_tui.core.i18n.findings_board import BOARD
from finsam_tui.core.i18n.findings_lock import LOCK

SV: dict[str, object] = {
    "did_you_mean": 'Menade du "{close}"? ',
    # --- where files go (FS108), links not followed (FS110), files not read (FS100, FS101) -------
    "expected_place": "organisationer/, personer/, insatser/, budgetar/ eller moten/<organ>/<år>/",
    "link_out": "den leder ut ur arkivmappen",
    "link_loop": "den leder till en mapp som den själv ligger i (en slinga)",
    "link_cycle": "den pekar runt i en slinga av länkar och leder ingenstans",
    "link_nested": "den ligger i en länkad mapp, och länkar följs bara ett steg",
    "folder_changed": "den gick inte att läsa när arkivmappen gicks igenom; kör igen",
    "bilaga_absolute": "sökvägen är absolut",
    "bilaga_parent": "sökvägen går uppåt med ..",
    "bilaga_link_out": "en länk leder ut ur arkivmappen",
    "too_big": "{size} byte, mer än gränsen {limit}",
    "bad_utf8": "ogiltig UTF-8 (byte 0x{byte:02x})",
    "too_deep": "tabeller och listor är nästlade i mer än {depth} nivåer",
    # --- types (FS103, FS105) ---------------------------------------------------------------------
    "type_text": "text",
    "type_int": "ett heltal",
    "type_amount": "ett belopp i hela kronor",
    "type_number": "ett tal",
    "type_bool": "true eller false",
    "type_date": "ett datum",
    "type_time": 'en tid "HH:MM"',
    "type_month_day": 'en dag "MM-DD"',
    "type_id": "ett id",
    "type_list": "en lista",
    "type_table": "en tabell",
    "type_tables": "en lista av tabeller",
    "type_amounts": "en tabell version = belopp",
    "type_counts": "en tabell orsak = antal",
    "type_person_or_guest": 'ett person-id eller {{ name = "…", role = "…" }}',
    "value_bool": "true/false",
    "value_float": "ett decimaltal",
    "value_datetime": "datum och tid",
    "value_time": "en tid",
    "allowed_time": 'HH:MM, t.ex. "09:00"',
    "allowed_month_day": 'MM-DD, t.ex. "11-30"',
    "allowed_id": "små bokstäver a–z, siffror och bindestreck, t.ex. styrelse eller rev1",
    # --- what a reference names (FS201) ---------------------------------------------------------------
    "target_person": "person",
    "target_org": "medlemsorganisation",
    "target_organ": "organ",
    "target_insats": "insats",
    "target_budget": "budget",
    "target_budgetline": "budgetrad",
    "target_meeting": "möte",
    "target_paragraph": "paragraf",
    # --- meetings: attendance groups, replacements, dates, jäv, quorum ------------------------------
    "group_voting": "beslutande",
    "group_serving": "tjänstgörande ersättare",
    "group_substitutes": "ersättare",
    "group_absent": "anmält förhinder",
    "group_coopted": "adjungerad",
    "group_others": "övrig närvarande",
    "replaced_not_absent": "den ersatta står inte under anmält förhinder (absent)",
    "replaced_not_member": "den ersatta är inte ordinarie ledamot i {organ} den {date}",
    "replaced_other_member": "de företräder olika medlemsorganisationer",
    "adjusted_before_meeting": "justering {adjusted} före mötet {date}",
    "adjusted_before_meeting_hint": "justering sker på eller efter mötesdagen",
    "posted_before_adjustment": "anslaget {posted} före justeringen {after}",
    "posted_before_meeting": "anslaget {posted} före mötet {after}",
    "posted_before_hint": "protokollet anslås först när det är justerat",
    "removed_before_posted": "nedtaget {removed} före uppsatt {posted}",
    "removed_before_posted_hint": "nedtaget kommer efter uppsatt",
    "jav_not_present": "var inte närvarande vid mötet",
    "jav_not_present_fix": "Den som anmäler jäv måste ha varit på mötet; kontrollera närvaron.",
    "jav_chair_not_voting": "var inte beslutande vid mötet",
    "jav_chair_not_voting_fix": "Den som leder mötet under ärendet ska vara beslutande vid mötet.",
    "jav_chairs": "leder ärendet som ordförande",
    "jav_chairs_fix": "chair i jav-posten",
    "jav_dissents": "har reserverat sig mot beslutet",
    "jav_dissents_fix": "reservationerna",
    "quorum_mer_än_hälften": "mer än hälften",
    "quorum_minst_hälften": "minst hälften",
    "quorum_alla_medlemmar": "alla medlemmar",
    "scope_year": "per kalenderår och organ",
    "scope_meeting": "inom mötet",
    # --- meeting procedure (FS330–FS349) -------------------------------------------------------
    "change_neither": "anger varken arrived eller left",
    "change_both": "anger både arrived och left i samma post",
    "event_arrived": "kommer till mötet",
    "event_left": "lämnar mötet",
    "state_present": "deltog redan",
    "state_gone": "hade redan lämnat",
    "why_left": "lämnade mötet före §{number}",
    "why_not_arrived": "kom till mötet först vid §{number}",
    "what_reserves": "reserverar sig",
    "what_votes": "röstar",
    "what_chairs": "leder ärendet under jäv",
    "what_moves": "yrkar",
    "what_notes": "har en protokollsanteckning",
    "what_serves": "tjänstgör som ersättare",
    "serving_not_present": "ersättaren står inte bland de närvarande",
    "serving_already_deciding": "ersättaren är redan beslutande vid mötet",
    "serving_not_substitute": "personen är inte ersättare i {organ} den {date}",
    "serving_replaced_takes_part": "ledamoten deltar i paragrafen (är varken jävig eller frånvarande där)",
    "vote_not_deciding": "är inte beslutande (ledamot eller tjänstgörande ersättare)",
    "vote_jav": "är jävig i ärendet",
    "signed_before_meeting": "före mötet {meeting}",
    "signed_after_justering": "efter justeringsdatumet {justering}",
    "signer_chair": "ordförande",
    "signer_adjuster": "justerare",
    "signer_secretary": "sekreterare",
    "signer_jav_chair": "ordförande under jäv",
    # --- budgets and insatser ---------------------------------------------------------------------------
    "total_income": "intäkter",
    "total_costs": "kostnader",
    "share_state": "staten (FK, inkl. AF)",
    "share_region": "regionen",
    "share_municipalities": "kommunerna",
    "same_as_unknown": "som inte är en annan version i [[versions]]",
    "same_as_chain": "som själv är en annan källa (same_as); ange huvudversionen",
    "same_as_kind": "som är av en annan typ",
    "keys_missing": "Nyckel saknas för {names}.",
    "ended_over_total": "avslutade {ended} > deltagare {total}",
    "new_over_total": "nya {new} > deltagare {total}",
    "reasons_not_ended": "avslutsorsaker {reasons} ≠ avslutade {ended}",
    # --- personal data (FS701) ---------------------------------------------------------------------------
    "personnummer": "personnummer",
    "samordningsnummer": "samordningsnummer",
}

EN: dict[str, object] = {
    "did_you_mean": 'Did you mean "{close}"? ',
    "expected_place": "organisationer/, personer/, insatser/, budgetar/ or moten/<organ>/<year>/",
    "link_out": "it leads out of the records folder",
    "link_loop": "it leads to a folder it lies in itself (a loop)",
    "link_cycle": "it points round a loop of links and leads nowhere",
    "link_nested": "it lies in a linked folder, and links are followed one step only",
    "folder_changed": "it could not be read when the records folder was walked; run again",
    "bilaga_absolute": "the path is absolute",
    "bilaga_parent": "the path goes up with ..",
    "bilaga_link_out": "a link leads out of the records folder",
    "too_big": "{size} bytes, more than the limit {limit}",
    "bad_utf8": "invalid UTF-8 (byte 0x{byte:02x})",
    "too_deep": "tables and arrays are nested more than {depth} levels deep",
    "type_text": "text",
    "type_int": "a whole number",
    "type_amount": "an amount in whole kronor",
    "type_number": "a number",
    "type_bool": "true or false",
    "type_date": "a date",
    "type_time": 'a time "HH:MM"',
    "type_month_day": 'a day "MM-DD"',
    "type_id": "an id",
    "type_list": "a list",
    "type_table": "a table",
    "type_tables": "an array of tables",
    "type_amounts": "a table version = amount",
    "type_counts": "a table reason = count",
    "type_person_or_guest": 'a person id or {{ name = "…", role = "…" }}',
    "value_bool": "true/false",
    "value_float": "a decimal number",
    "value_datetime": "a date and time",
    "value_time": "a time",
    "allowed_time": 'HH:MM, e.g. "09:00"',
    "allowed_month_day": 'MM-DD, e.g. "11-30"',
    "allowed_id": "lowercase a–z, digits and hyphens, e.g. styrelse or rev1",
    "target_person": "person",
    "target_org": "member organisation",
    "target_organ": "organ",
    "target_insats": "insats",
    "target_budget": "budget",
    "target_budgetline": "budget line",
    "target_meeting": "meeting",
    "target_paragraph": "paragraph",
    "group_voting": "voting member",
    "group_serving": "serving substitute",
    "group_substitutes": "substitute",
    "group_absent": "absent with notice",
    "group_coopted": "co-opted",
    "group_others": "other attendee",
    "replaced_not_absent": "the replaced member is not listed as absent",
    "replaced_not_member": "the replaced person is not an ordinary member of {organ} on {date}",
    "replaced_other_member": "they represent different member organisations",
    "adjusted_before_meeting": "adjusted {adjusted}, before the meeting {date}",
    "adjusted_before_meeting_hint": "adjustment happens on or after the meeting day",
    "posted_before_adjustment": "posted {posted}, before the adjustment {after}",
    "posted_before_meeting": "posted {posted}, before the meeting {after}",
    "posted_before_hint": "the minutes are posted only once adjusted",
    "removed_before_posted": "taken down {removed}, before posted {posted}",
    "removed_before_posted_hint": "taken down comes after posted",
    "jav_not_present": "was not present at the meeting",
    "jav_not_present_fix": "Whoever declares a conflict must have attended; check the attendance.",
    "jav_chair_not_voting": "was not a voting member at the meeting",
    "jav_chair_not_voting_fix": "Whoever chairs during the item must be a voting member at the meeting.",
    "jav_chairs": "chairs the item",
    "jav_chairs_fix": "chair in the jav entry",
    "jav_dissents": "registered dissent",
    "jav_dissents_fix": "the reservations",
    "quorum_mer_än_hälften": "more than half",
    "quorum_minst_hälften": "at least half",
    "quorum_alla_medlemmar": "all members",
    "scope_year": "per calendar year and organ",
    "scope_meeting": "within the meeting",
    "change_neither": "gives neither arrived nor left",
    "change_both": "gives both arrived and left in one entry",
    "event_arrived": "arrives",
    "event_left": "leaves",
    "state_present": "was already present",
    "state_gone": "had already left",
    "why_left": "left the meeting before §{number}",
    "why_not_arrived": "arrived only at §{number}",
    "what_reserves": "registers dissent",
    "what_votes": "votes",
    "what_chairs": "chairs the item during a conflict",
    "what_moves": "moves",
    "what_notes": "has a note entered",
    "what_serves": "serves as a substitute",
    "serving_not_present": "the substitute is not among those present",
    "serving_already_deciding": "the substitute already votes at the meeting",
    "serving_not_substitute": "the person is not a substitute in {organ} on {date}",
    "serving_replaced_takes_part": "the member takes part in the paragraph (has no conflict and is present)",
    "vote_not_deciding": "is not a voting member (member or serving substitute)",
    "vote_jav": "has a conflict of interest in the item",
    "signed_before_meeting": "before the meeting {meeting}",
    "signed_after_justering": "after the date of adjustment {justering}",
    "signer_chair": "chair",
    "signer_adjuster": "adjuster",
    "signer_secretary": "secretary",
    "signer_jav_chair": "chair during a conflict",
    "total_income": "income",
    "total_costs": "costs",
    "share_state": "the state (FK, incl. AF)",
    "share_region": "the region",
    "share_municipalities": "the municipalities",
    "same_as_unknown": "which is not another version in [[versions]]",
    "same_as_chain": "which is itself another source (same_as); name the main version",
    "same_as_kind": "which is of another kind",
    "keys_missing": "No key for {names}.",
    "ended_over_total": "ended {ended} > participants {total}",
    "new_over_total": "new {new} > participants {total}",
    "reasons_not_ended": "reasons for ending {reasons} ≠ ended {ended}",
    "personnummer": "personal identity number (personnummer)",
    "samordningsnummer": "coordination number (samordningsnummer)",
}

CATALOGUE: dict[str, dict[str, object]] = merged({"sv": SV, "en": EN}, BOARD, LOCK)


class Labels(Catalogue):
    """The words of the findings' parameters in one language."""

    CATALOGUE = CATALOGUE


_LABELS = {lang: Labels(lang) for lang in CATALOGUE}


@dataclass(frozen=True)
class Phrase:
    """A finding's parameter in words: the key of this catalogue and the values it names,
    said in the language of the message (``Phrase("replaced_not_member", organ=…, date=…)``)."""

    key: str
    params: dict = field(default_factory=dict)

    def __init__(self, key: str, **params) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", params)

    def text(self, lang: str) -> str:
        return _LABELS.get(lang, _LABELS["sv"]).fmt(self.key, **self.params)


@dataclass(frozen=True)
class FieldHelp:
    """A field's help as the record definitions (``core/records/schema.py``) write it, in
    the language of the message."""

    sv: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


def said(value, lang: str):
    """A finding's parameter in the language: a Phrase or FieldHelp in words, anything else as it is."""
    return value.text(lang) if isinstance(value, (Phrase, FieldHelp)) else value

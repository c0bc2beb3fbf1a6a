"""Domain values as the records write them, and their English: roles in the organs, task
states, meeting kinds and states, item kinds, budget version kinds, organisation kinds.

The records hold these values in Swedish (``role = "ordförande"``); Swedish shows them as
written, English translates them. The lookups (``L.value``), the TUI (``L.domain``) and the
exports (``L.role``, ``L.task_state`` …) read this one table as ``"domain"`` of their own
catalogue; a value not in it is shown as written.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # roles of memberships
    "ordförande": "chair", "vice ordförande": "vice chair", "ledamot": "member", "ersättare": "substitute",
    "förbundschef": "director", "sekreterare": "secretary", "administratör": "administrator",
    "ekonom": "finance officer", "adjungerad": "co-opted", "revisor": "auditor", "tjänsteperson": "official",
    # task states
    "ny": "new", "pågående": "in progress", "klar": "done", "avbruten": "cancelled",
    # meeting kinds and states
    "ordinarie": "ordinary", "extra": "extraordinary", "konstituerande": "constituent",
    "arbetsmöte": "working meeting", "planerad": "planned", "kallad": "called", "genomförd": "held",
    "justerad": "adjusted", "anslagen": "posted",
    # item kinds
    "information": "information", "diskussion": "discussion", "beslut": "decision",
    "delegationsbeslut": "delegated decision", "val": "election", "övrigt": "other",
    # budget version kinds
    "budget": "adopted budget", "revidering": "revision", "utfall": "outcome", "prognos": "forecast",
    # organisation kinds
    "kommun": "municipality", "region": "region", "försäkringskassan": "Social Insurance Agency",
    "arbetsförmedlingen": "Public Employment Service",
    # outcomes of an item and the roles a signature is made in
    "bordlagt": "tabled", "återremitterat": "referred back", "justerare": "adjuster",
    "ordförande under jäv": "chair during a conflict",
}

# Swedish: every value as the records write it.
SV: dict[str, str] = {value: value for value in EN}

DOMAIN: dict[str, dict[str, str]] = {"sv": SV, "en": EN}

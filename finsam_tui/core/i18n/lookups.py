"""Every word the lookup commands (show, refs, person, decisions, uppdrag) show, one
catalogue per language, and the few layout helpers they share (80-column tables,
wrapped text, JSON, error messages).

The data comes from ``finsam_tui/core/query/`` with keys (roles, groups, kinds); this module
turns them into Swedish (the default and the fallback) or English. Domain values written
in the records (roles, states, kinds) are shown as written in Swedish and translated in
English. Nothing here imports Textual.
"""

from __future__ import annotations

import json
import sys
import textwrap

from finsam_tui.core.i18n.catalogue import Catalogue

WIDTH = 80

SV: dict[str, object] = {
    # --- roles of a link (backlinks.Backlink.role) -----------------------------------------
    "roles": {
        "chair": "ordförande", "secretary": "sekreterare", "adjuster": "justerare", "organ": "möte i organet",
        "voting": "beslutande", "serving": "tjänstgörande ersättare", "replaced": "ersatt av ersättare",
        "substitute": "ersättare", "absent": "anmält förhinder", "coopted": "adjungerad",
        "other": "övrig närvarande", "ref": "hänvisning", "reservation": "reservation", "jav": "jäv",
        "jav_chair": "ordförande under jäv", "task_responsible": "uppdrag (ansvarig)",
        "task_reported": "återrapport", "membership": "medlemskap", "on_behalf_of": "för organisation",
        "version_decided": "beslutad i", "income": "medlemsbidrag", "owner": "huvudman",
        "budget_line": "budgetrad", "steering_group": "styrgrupp", "insats_decided": "beslutad i",
    },
    # --- attendance groups (person report) ----------------------------------------------
    "groups": {"voting": "beslutande", "serving": "tjänstgörande", "substitute": "ersättare",
               "coopted": "adjungerad", "other": "övrig", "absent": "anmält förhinder"},
    # --- kinds of things ------------------------------------------------------------------
    "kinds": {"person": "person", "org": "medlemsorganisation", "organ": "organ", "insats": "insats",
              "meeting": "möte", "paragraph": "paragraf", "budget": "budget", "budgetline": "budgetrad"},
    # --- headings and field names -----------------------------------------------------------
    "backlinks_head": "Hänvisningar till {ref} ({title}): {count}",
    "backlinks_head_plain": "Hänvisningar till {ref}: {count}",
    "meeting": "Möte",
    "file": "Fil",
    "organ": "Organ",
    "date": "Datum",
    "time": "Tid",
    "place": "Plats",
    "state": "Status",
    "meeting_kind": "Typ",
    "item_kind": "Typ",
    "diarienummer": "Diarienummer",
    "chair": "Ordförande",
    "secretary": "Sekreterare",
    "adjusters": "Justerare",
    "justering": "Justerat",
    "anslag": "Anslaget",
    "next_meeting": "Nästa möte",
    "notes": "Övrigt",
    "attendance": "Närvaro",
    "att_voting": "Beslutande",
    "att_serving": "Tjänstgörande ersättare",
    "att_substitutes": "Ersättare",
    "att_absent": "Anmält förhinder",
    "att_coopted": "Adjungerade",
    "att_others": "Övriga",
    "replaces": "för {name}",
    "paragraphs": "Paragrafer",
    "decision_mark": "beslut",
    "tasks_mark": "{count} uppdrag",
    "background": "Beskrivning av ärendet",
    "proposal": "Förslag till beslut",
    "decision": "Beslut",
    "attachments": "Bilagor",
    "reservations": "Reservationer",
    "jav": "Jäv",
    "jav_line": "{name} anmälde jäv",
    "jav_chair": "{name} ordförande under paragrafen",
    "tasks": "Uppdrag",
    "refs": "Hänvisningar",
    "sub": "Underpunkter",
    "parent": "Del av",
    "backlinks_count": "Hänvisningar hit: {count} (finsam refs {ref})",
    "problems": "Filen har {errors} fel och {warnings} {warnings:varning|varningar} (finsam validate)",
    "unresolved": "(finns inte)",
    "title": "Titel",
    "organisation": "Organisation",
    "email": "E-post",
    "memberships": "Roller i organen",
    "present_since": "sedan {start}",
    "org_kind": "Typ",
    "short": "Kortnamn",
    "org_number": "Organisationsnummer",
    "contribution_key": "Kommunandel",
    "member_since": "Medlem sedan",
    "representatives": "Företrädare",
    "insatser": "Insatser som huvudman",
    "description": "Beskrivning",
    "period": "Period",
    "owner": "Huvudman",
    "budget_lines": "Budgetrader",
    "steering_group": "Styrgrupp",
    "decided_by": "Beslutad i",
    "statistics": "Statistik",
    "stat_line": "{year}: kvinnor {women}, män {men}, nya {new}, avslutade {ended}",
    "versions": "Versioner",
    "income": "Intäkter",
    "categories": "Kostnader",
    "sum": "Summa",
    "totals": "Summor (beräknade)",
    "total_income": "Intäkter",
    "total_costs": "Kostnader",
    "result": "Resultat",
    "equity_start": "Eget kapital vid årets början",
    "note": "Kommentar",
    "category": "Kategori",
    "budget": "Budget",
    "amounts": "Belopp",
    "decides": "Fattar beslut",
    "yes": "ja",
    "no": "nej",
    "members": "Ledamöter och andra uppdrag",
    "meetings": "Möten",
    # --- person report --------------------------------------------------------------------
    "report_head": "{name} ({ref})",
    "roles_over_time": "Roller över tid",
    "present": "Närvarande",
    "absent": "Anmält förhinder",
    "attendance_summary": "Närvarande vid {present} {present:möte|möten}, anmält förhinder vid {absent}",
    "chair_duties": "Ordförande",
    "chair_during": "i stället för {name} (jäv)",
    "adjuster_duties": "Justerare",
    "secretary_duties": "Sekreterare",
    "person_reservations": "Reservationer",
    "person_jav": "Jäv",
    "person_uppdrag": "Uppdrag",
    "steering_groups": "Styrgrupper",
    "none": "–",
    # --- registers ------------------------------------------------------------------------
    "decisions_head": "Beslut{filters}: {count}",
    "uppdrag_head": "Uppdrag{filters}: {count}",
    "uppdrag_open_head": "Öppna uppdrag{filters}: {count}",
    "filter_year": "år {year}",
    "filter_organ": "{organ}",
    "filter_person": "{name}",
    "filter_query": "”{query}”",
    "due": "klart senast {date}",
    "reported": "återrapporterat i {ref}",
    "responsible": "ansvarig {name}",
    # --- messages -------------------------------------------------------------------------
    "msg_malformed": "{ref} är ingen giltig referens.",
    "msg_malformed_hint": ("Skriv t.ex. person/<id>, org/<id>, insats/<id>, styrelse/2023-04-14, "
                           "styrelse/2023/§17, budget/2023 eller budget/2023/<rad>."),
    "msg_unknown": "{ref} finns inte.",
    "msg_nearest": "Närmaste: {nearest}",
    "msg_nothing_near": "Arkivet har inget av det slaget.",
    "msg_ambiguous": "{ref} är tvetydig ({count} {count:träff|träffar}).",
    "msg_ambiguous_hint": "Använd mötesformen: {options}",
    "msg_unreadable": "{ref} finns men filen {file} kan inte läsas.",
    "msg_unreadable_hint": "Rätta filen; finsam validate visar felet.",
    "msg_not_person": "{ref} är ingen person.",
    "msg_not_person_hint": "Ange ett person-id, t.ex. finsam person {example}",
    "msg_no_backlinks": "Inga hänvisningar till {ref}.",
    "msg_no_decisions": "Inga beslut{filters}.",
    "msg_no_uppdrag": "Inga uppdrag{filters}.",
    "msg_unknown_organ": "organet {organ} finns inte (organ: {organs}).",
    # --- domain values ----------------------------------------------------------------------
    "domain": {},
}

EN: dict[str, object] = {
    "roles": {
        "chair": "chair", "secretary": "secretary", "adjuster": "adjuster", "organ": "meeting of the body",
        "voting": "voting member", "serving": "serving substitute", "replaced": "replaced by substitute",
        "substitute": "substitute", "absent": "absent with notice", "coopted": "co-opted",
        "other": "other present", "ref": "reference", "reservation": "reservation", "jav": "conflict of interest",
        "jav_chair": "chair during conflict", "task_responsible": "task (responsible)",
        "task_reported": "reported back", "membership": "membership", "on_behalf_of": "on behalf of",
        "version_decided": "decided at", "income": "member contribution", "owner": "owner",
        "budget_line": "budget line", "steering_group": "steering group", "insats_decided": "decided at",
    },
    "groups": {"voting": "voting", "serving": "serving", "substitute": "substitute", "coopted": "co-opted",
               "other": "other", "absent": "absent with notice"},
    "kinds": {"person": "person", "org": "member organisation", "organ": "body", "insats": "insats",
              "meeting": "meeting", "paragraph": "paragraph", "budget": "budget", "budgetline": "budget line"},
    "backlinks_head": "References to {ref} ({title}): {count}",
    "backlinks_head_plain": "References to {ref}: {count}",
    "meeting": "Meeting",
    "file": "File",
    "organ": "Body",
    "date": "Date",
    "time": "Time",
    "place": "Place",
    "state": "State",
    "meeting_kind": "Kind",
    "item_kind": "Kind",
    "diarienummer": "Registry number",
    "chair": "Chair",
    "secretary": "Secretary",
    "adjusters": "Adjusters",
    "justering": "Adjusted",
    "anslag": "Posted",
    "next_meeting": "Next meeting",
    "notes": "Notes",
    "attendance": "Attendance",
    "att_voting": "Voting members",
    "att_serving": "Serving substitutes",
    "att_substitutes": "Substitutes",
    "att_absent": "Absent with notice",
    "att_coopted": "Co-opted",
    "att_others": "Others",
    "replaces": "for {name}",
    "paragraphs": "Paragraphs",
    "decision_mark": "decision",
    "tasks_mark": "{count} {count:task|tasks}",
    "background": "Background",
    "proposal": "Proposed decision",
    "decision": "Decision",
    "attachments": "Attachments",
    "reservations": "Reservations",
    "jav": "Conflicts of interest",
    "jav_line": "{name} declared a conflict of interest",
    "jav_chair": "{name} chaired during the paragraph",
    "tasks": "Tasks",
    "refs": "References",
    "sub": "Sub-items",
    "parent": "Part of",
    "backlinks_count": "References to it: {count} (finsam refs {ref})",
    "problems": ("The file has {errors} {errors:error|errors} and {warnings} {warnings:warning|warnings} "
                 "(finsam validate)"),
    "unresolved": "(does not exist)",
    "title": "Title",
    "organisation": "Organisation",
    "email": "E-mail",
    "memberships": "Roles in the bodies",
    "present_since": "since {start}",
    "org_kind": "Kind",
    "short": "Short name",
    "org_number": "Organisation number",
    "contribution_key": "Municipal share",
    "member_since": "Member since",
    "representatives": "Representatives",
    "insatser": "Insatser as owner",
    "description": "Description",
    "period": "Period",
    "owner": "Owner",
    "budget_lines": "Budget lines",
    "steering_group": "Steering group",
    "decided_by": "Decided at",
    "statistics": "Statistics",
    "stat_line": "{year}: women {women}, men {men}, new {new}, ended {ended}",
    "versions": "Versions",
    "income": "Income",
    "categories": "Costs",
    "sum": "Total",
    "totals": "Totals (computed)",
    "total_income": "Income",
    "total_costs": "Costs",
    "result": "Result",
    "equity_start": "Equity at the start of the year",
    "note": "Note",
    "category": "Category",
    "budget": "Budget",
    "amounts": "Amounts",
    "decides": "Takes decisions",
    "yes": "yes",
    "no": "no",
    "members": "Members and other roles",
    "meetings": "Meetings",
    "report_head": "{name} ({ref})",
    "roles_over_time": "Roles over time",
    "present": "Present",
    "absent": "Absent with notice",
    "attendance_summary": "Present at {present} {present:meeting|meetings}, absent with notice at {absent}",
    "chair_duties": "Chair",
    "chair_during": "for {name} (conflict of interest)",
    "adjuster_duties": "Adjuster",
    "secretary_duties": "Secretary",
    "person_reservations": "Reservations",
    "person_jav": "Conflicts of interest",
    "person_uppdrag": "Tasks",
    "steering_groups": "Steering groups",
    "none": "–",
    "decisions_head": "Decisions{filters}: {count}",
    "uppdrag_head": "Tasks{filters}: {count}",
    "uppdrag_open_head": "Open tasks{filters}: {count}",
    "filter_year": "year {year}",
    "filter_organ": "{organ}",
    "filter_person": "{name}",
    "filter_query": "“{query}”",
    "due": "due {date}",
    "reported": "reported back at {ref}",
    "responsible": "responsible {name}",
    "msg_malformed": "{ref} is not a valid reference.",
    "msg_malformed_hint": ("Write e.g. person/<id>, org/<id>, insats/<id>, styrelse/2023-04-14, "
                           "styrelse/2023/§17, budget/2023 or budget/2023/<line>."),
    "msg_unknown": "there is no {ref}.",
    "msg_nearest": "Nearest: {nearest}",
    "msg_nothing_near": "The records hold nothing of that kind.",
    "msg_ambiguous": "{ref} is ambiguous ({count} {count:match|matches}).",
    "msg_ambiguous_hint": "Use the meeting form: {options}",
    "msg_unreadable": "{ref} exists but its file {file} cannot be read.",
    "msg_unreadable_hint": "Correct the file; finsam validate shows the error.",
    "msg_not_person": "{ref} is not a person.",
    "msg_not_person_hint": "Give a person id, e.g. finsam person {example}",
    "msg_no_backlinks": "Nothing refers to {ref}.",
    "msg_no_decisions": "No decisions{filters}.",
    "msg_no_uppdrag": "No tasks{filters}.",
    "msg_unknown_organ": "there is no body {organ} (bodies: {organs}).",
    "domain": {
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
    },
}

CATALOGUE: dict[str, dict[str, object]] = {"sv": SV, "en": EN}


class Labels(Catalogue):
    """The words of one language: ``L[key]``, ``L.fmt(key, **params)``, ``L.role(key)``,
    ``L.group(key)``, ``L.kind(key)`` and ``L.value(domain value)``."""

    CATALOGUE = CATALOGUE

    def _map(self, table: str, key: str) -> str:
        return self.mapped(table, key)

    def role(self, key: str) -> str:
        return self._map("roles", key)

    def group(self, key: str) -> str:
        return self._map("groups", key)

    def kind(self, key: str) -> str:
        return self._map("kinds", key)

    def value(self, value: str) -> str:
        """A Swedish domain value (role, state, kind) in the language."""
        return self._map("domain", value) if value else value


# =====================================================================================
# layout
# =====================================================================================
def clip(text: str, width: int) -> str:
    """text cut to width characters, with … when cut."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    return text[: max(width - 1, 0)].rstrip() + "…"


def table(rows: list[list[str]], indent: int = 0, width: int = WIDTH, gap: int = 2) -> list[str]:
    """Rows aligned in columns; the last column is cut to fit width (never below 20)."""
    rows = [[str(c) for c in r] for r in rows]
    if not rows:
        return []
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    widths = [max(len(r[i]) for r in rows) for i in range(n - 1)]
    lead = indent + sum(widths) + gap * (n - 1)
    room = max(width - lead, 20)
    out = []
    for r in rows:
        cells = [r[i].ljust(widths[i]) for i in range(n - 1)] + [clip(r[-1], room)]
        out.append((" " * indent + (" " * gap).join(cells)).rstrip())
    return out


def wrap(text: str, indent: int = 2, width: int = WIDTH, bullet: str = "") -> list[str]:
    """Text wrapped to width; blank lines in it separate paragraphs."""
    out: list[str] = []
    paragraphs = [p for p in str(text).split("\n\n")] if text else []
    for i, para in enumerate(paragraphs):
        words = " ".join(para.split())
        if not words:
            continue
        if out:
            out.append("")
        first = " " * indent + (bullet if i == 0 else " " * len(bullet))
        rest = " " * (indent + len(bullet))
        out.extend(textwrap.wrap(words, width=width, initial_indent=first, subsequent_indent=rest,
                                 break_on_hyphens=False))
    return out


def fields(pairs: list[tuple[str, str]], indent: int = 0, width: int = WIDTH, gap: int = 2) -> list[str]:
    """Label and value pairs, labels aligned, long values wrapped under their value column.
    Pairs with an empty value are left out."""
    pairs = [(k, str(v)) for k, v in pairs if v not in (None, "")]
    if not pairs:
        return []
    w = max(len(k) for k, _ in pairs)
    lead = indent + w + gap
    out = []
    for k, v in pairs:
        lines = textwrap.wrap(" ".join(v.split()), width=max(width - lead, 20), break_on_hyphens=False) or [""]
        out.append((" " * indent + k.ljust(w) + " " * gap + lines[0]).rstrip())
        out.extend(" " * lead + line for line in lines[1:])
    return out


def dump_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def print_lines(lines: list[str], out=None) -> None:
    out = out or sys.stdout
    out.write("\n".join(lines) + ("\n" if lines else ""))


def ref_error(command: str, err, labels: Labels) -> int:
    """Report a RefError on stderr; the exit code (2 malformed/ambiguous, 1 unknown/unreadable)."""
    L = labels
    lines: list[str]
    if err.code == "malformed":
        lines = [L.fmt("msg_malformed", ref=err.text), L["msg_malformed_hint"]]
        code = 2
    elif err.code == "ambiguous":
        options = ", ".join(err.options[:6]) + (" …" if len(err.options) > 6 else "")
        lines = [L.fmt("msg_ambiguous", ref=err.text, count=len(err.options)),
                 L.fmt("msg_ambiguous_hint", options=options)]
        code = 2
    elif err.code == "unreadable":
        lines = [L.fmt("msg_unreadable", ref=err.text, file=err.rel), L["msg_unreadable_hint"]]
        code = 1
    else:
        lines = [L.fmt("msg_unknown", ref=err.text),
                 L.fmt("msg_nearest", nearest=err.nearest) if err.nearest else L["msg_nothing_near"]]
        code = 1
    print(f"finsam {command}: {lines[0]}", file=sys.stderr)
    for line in lines[1:]:
        print("\n".join(textwrap.wrap(line, WIDTH, break_on_hyphens=False)), file=sys.stderr)
    return code

"""The one definition of every record kind's fields.

The validator (type, required, unknown-key and enum checks), the TUI forms and the
JSON Schema are all driven from the tables in this module. Nothing else lists fields.
A record kind is a tuple of :class:`~finsam_tui.core.records.fields.Field` (the field
types are described in ``fields.py``).
"""

from __future__ import annotations

from finsam_tui.core.records.fields import PERSON, TEXT_ITEM, TS, F, Field, L, T  # noqa: F401 (re-exported)
from finsam_tui.core.records.schema_board import BOARD_PERIODS, QUORUM_RULES

# --- enumerations (values are Swedish domain terms, written as users write them) ---

ORGAN_KINDS = ("styrelse", "medlemssamråd", "beredningsgrupp", "utvecklingsgrupp", "styrgrupp", "presidium", "annat")
ORG_KINDS = ("kommun", "region", "försäkringskassan", "arbetsförmedlingen")
ROLES = ("ordförande", "vice ordförande", "ledamot", "ersättare", "förbundschef", "sekreterare", "administratör",
         "ekonom", "adjungerad", "revisor", "tjänsteperson")
# Roles that hold a member organisation's ordinary seat (and vote).
SEAT_ROLES = ("ordförande", "vice ordförande", "ledamot")
SUBSTITUTE_ROLES = ("ersättare",)
MEETING_KINDS = ("ordinarie", "extra", "konstituerande", "arbetsmöte")
MEETING_STATES = ("planerad", "kallad", "genomförd", "justerad", "anslagen")
ITEM_KINDS = ("information", "diskussion", "beslut", "delegationsbeslut", "val", "övrigt")
TASK_STATES = ("ny", "pågående", "klar", "avbruten")
ITEM_OUTCOMES = ("bordlagt", "återremitterat")
SIGNER_ROLES = ("ordförande", "justerare", "sekreterare", "ordförande under jäv")
NUMBERING = ("per_år", "per_möte")
# An organ's own numbering may also be "ingen": points without § (minnesanteckningar).
ORGAN_NUMBERING = NUMBERING + ("ingen",)
VERSION_KINDS = ("budget", "revidering", "utfall", "prognos")
CATEGORY_KINDS = ("individinsatser", "strukturella insatser", "administrativa kostnader", "övrigt")
LANGUAGES = ("sv", "en")


# ---------------------------------------------------------------------------
# förbund settings: forbund.toml
# ---------------------------------------------------------------------------
FORBUND = (
    F("name", "str", "Förbundets namn", "Name of the association", required=True),
    F("org_number", "str", "Organisationsnummer (NNNNNN-NNNN)", "Organisation number", required=True),
    F("language", "enum", "Standardspråk för rapporter", "Default language", choices=LANGUAGES, default="sv"),
    F("paragraph_numbering", "enum", "§-numrering: per_år (löpande över året) eller per_möte",
      "§ numbering: per calendar year or per meeting", choices=NUMBERING, required=True),
    F("quorum", "enum", "Beslutförhet: mer_än_hälften, minst_hälften eller alla_medlemmar av ledamöterna",
      "Quorum rule", choices=QUORUM_RULES, default="mer_än_hälften"),
    F("adjusters_must_vote", "bool", "Justerare ska vara beslutande ledamot eller tjänstgörande ersättare",
      "Adjusters must be voting members", default=False),
    T("seats", (
        F("members", "int", "Ordinarie ledamöter per medlem", "Members per member organisation", minimum=0, default=1),
        F("substitutes", "int", "Ersättare per medlem", "Substitutes per member organisation", minimum=0,
          default=1),
    ), "Platser per medlem i styrelsen, där ingen board_periods gäller", "Board seats per member, outside board_periods"),
    BOARD_PERIODS,
    T("deadlines", (
        F("justering_days", "int", "Justering senast N dagar efter mötet", "Adjust within N days", minimum=0, default=14),
        F("anslag_within_days", "int", "Anslag senast N dagar efter justering", "Post within N days of adjustment",
          minimum=0, default=2),
        F("anslag_min_days", "int", "Anslaget uppsatt minst N dagar", "Posted for at least N days", minimum=0,
          default=21),
        F("budget_month_day", "month_day", "Budgeten för år Y antas senast detta datum år Y-1 (MM-DD)",
          "Budget for year Y adopted by this day of Y-1 (MM-DD)", default="11-30"),
    ), "Frister som förbundet följer", "Deadlines the association follows"),
    TS("organs", (
        F("id", "str", "Id som används i mötesmappar och referenser", "Id used in meeting folders and references",
          required=True),
        F("name", "str", "Namn, t.ex. Styrelsen", "Display name", required=True),
        F("kind", "enum", "Typ av organ", "Kind of organ", choices=ORGAN_KINDS, required=True),
        F("decides", "bool", "Organet fattar beslut (beslutförhet kontrolleras)", "The organ takes decisions",
          default=True),
        F("paragraph_numbering", "enum",
          "Organets egen numrering (annars förbundets): per_år, per_möte eller ingen (punkter utan §)",
          "The organ's own numbering (else the förbund's): per_år, per_möte or ingen (points without §)",
          choices=ORGAN_NUMBERING),
    ), "Förbundets organ", "The association's organs", required=True),
    F("address", "str", "Postadress för kansliet", "Office address"),
    F("storage", "str", "Förvaringsplats för protokoll (standard för anslag)", "Where minutes are kept"),
    TS("numbering_starts", (
        F("organ", "ref", "Organ (id från organs)", "Organ id", ref="organ", required=True),
        F("year", "int", "År", "Year", required=True),
        F("first", "int", "Första §-numret som arkivet har det året", "The first § number the archive holds that year",
          required=True, minimum=1),
    ), "Var §-numreringen börjar ett år (arkiv som börjar mitt i ett år)",
       "Where the § numbering starts in a year (an archive that starts mid-year)"),
)

# ---------------------------------------------------------------------------
# member organisations: organisationer/<id>.toml
# ---------------------------------------------------------------------------
ORGANISATION = (
    F("name", "str", "Namn", "Name", required=True),
    F("kind", "enum", "Typ av medlem", "Kind of member", choices=ORG_KINDS, required=True),
    F("org_number", "str", "Organisationsnummer", "Organisation number"),
    F("short", "str", "Kortnamn, t.ex. FK", "Short name"),
    F("contribution_key", "number", "Andel av kommunernas fjärdedel (0–1), t.ex. 0.35",
      "Share of the municipalities' quarter (0-1)"),
    F("member_since", "date", "Medlem sedan", "Member since"),
)

# ---------------------------------------------------------------------------
# persons and memberships: personer/<id>.toml
# ---------------------------------------------------------------------------
MEMBERSHIP = (
    F("organ", "ref", "Organ (id från forbund.toml)", "Organ id", ref="organ", required=True),
    F("role", "enum", "Roll", "Role", choices=ROLES, required=True),
    F("on_behalf_of", "ref", "För vilken medlemsorganisation", "On behalf of which member", ref="org"),
    F("voting", "bool", "Rösträtt (standard: ja för ledamot/ordförande)", "Voting right"),
    F("start", "date", "Från och med", "Start date", required=True),
    F("end", "date", "Till och med", "End date"),
    F("call_order", "int", "Inkallelseordning för ersättare", "Call order for substitutes", minimum=1),
)
PERSON_KIND = (
    F("name", "str", "Namn", "Name", required=True),
    F("title", "str", "Titel eller befattning", "Title or position"),
    F("organisation", "str", "Arbetsgivare eller tillhörighet (fritext)", "Employer or affiliation"),
    F("email", "str", "E-post (arbete)", "Work e-mail"),
    TS("memberships", MEMBERSHIP, "Uppdrag i förbundets organ över tid", "Roles in the organs over time"),
)

# ---------------------------------------------------------------------------
# meetings: moten/<organ>/<year>/<date>[-suffix].toml
# ---------------------------------------------------------------------------
TASK = (
    F("task", "text", "Uppdraget", "The task", required=True),
    F("responsible", "ref", "Ansvarig person", "Responsible person", ref="person", required=True),
    F("due", "date", "Ska vara klart", "Due date"),
    F("status", "enum", "Status", "Status", choices=TASK_STATES, default="ny"),
    F("reported", "ref", "Återrapporterat i (mötes- eller §-referens)", "Reported back at (meeting or § reference)",
      ref="paragraph_or_meeting"),
)
_ITEM_COMMON = (
    F("title", "str", "Rubrik", "Title", required=True),
    F("kind", "enum", "Typ av ärende", "Kind of matter", choices=ITEM_KINDS, default="information"),
    F("added", "bool", "Tillkommande ärende: lades till på mötet, stod inte i kallelsen",
      "Added at the meeting: not on the agenda sent out"),
    F("per_capsulam", "date", "Beslutet fattades per capsulam (per e-post) detta datum och protokollförs här",
      "Decided per capsulam (by mail) on this date, recorded here"),
    F("diarienummer", "str", "Diarienummer", "Registry number"),
    F("background", "text", "Beskrivning av ärendet", "Background"),
    F("proposal", "text", "Förslag till beslut", "Proposed decision"),
    TS("motions", (
        F("by", "ref", "Vem som yrkar", "Who moves", ref="person", required=True),
        F("text", "text", "Yrkandet", "The motion", required=True),
    ), "Yrkanden", "Motions"),
    F("proposition_order", "text", "Propositionsordning (och voteringsordning): hur ordföranden ställde förslagen",
      "Order in which the chair put the motions (and the voting order)"),
    T("vote", (
        L("for", PERSON, "Röstade ja (person-id)", "Voted yes (person ids)"),
        L("against", PERSON, "Röstade nej (person-id)", "Voted no (person ids)"),
        L("abstained", PERSON, "Avstod (person-id)", "Abstained (person ids)"),
        F("for_count", "int", "Antal ja-röster (när protokollet inte namnger dem)",
          "Number of yes votes (when the minutes do not name them)", minimum=0),
        F("against_count", "int", "Antal nej-röster", "Number of no votes", minimum=0),
        F("abstained_count", "int", "Antal som avstod", "Number who abstained", minimum=0),
        F("result", "text", "Voteringens utfall, t.ex. \"Styrelsen har beslutat enligt ordförandens förslag\"",
          "Result of the vote"),
    ), "Votering", "Vote"),
    L("decision", F("", "str"), "Beslut som att-satser", "Decision clauses, each starting with \"att\""),
    F("decision_text", "text", "Beslut i löptext (när beslutet inte skrivs som att-satser)",
      "Decision as running text"),
    F("outcome", "enum", "Ärendet bordlades eller återremitterades (då behövs inga beslutssatser)",
      "The item was tabled or referred back (then no decision clauses are needed)", choices=ITEM_OUTCOMES),
    F("outcome_note", "text", "Till vem och varför ärendet återremitterades eller bordlades",
      "To whom and why the item was referred back or tabled"),
    TS("reservations", (
        F("person", "ref", "Vem som reserverar sig", "Who dissents", ref="person", required=True),
        F("text", "text", "Reservationens lydelse", "Text of the reservation"),
    ), "Reservationer", "Recorded dissent"),
    TS("notes_for_record", (
        F("person", "ref", "Vem som lämnar protokollsanteckningen", "Who has the note entered", ref="person",
          required=True),
        F("text", "text", "Anteckningens lydelse", "Text of the note", required=True),
    ), "Protokollsanteckningar", "Notes entered in the minutes"),
    TS("jav", (
        F("person", "ref", "Vem som anmält jäv och lämnat ärendet", "Who declared a conflict and left", ref="person",
          required=True),
        F("chair", "ref", "Ordförande under ärendet (om ordföranden var jävig)",
          "Who chaired meanwhile (if the chair left)", ref="person"),
    ), "Jäv", "Conflicts of interest"),
    TS("serving", (
        F("person", "ref", "Ersättare som tjänstgör i just detta ärende", "Substitute serving in this item only",
          ref="person", required=True),
        F("replaces", "ref", "Ersätter (ledamot som är jävig eller inte deltar i ärendet)",
          "Replaces (member with a conflict or not taking part in the item)", ref="person", required=True),
    ), "Tjänstgörande ersättare i detta ärende", "Substitutes serving in this item"),
    F("immediately_adjusted", "bool", "Paragrafen justerades omedelbart vid mötet",
      "The paragraph was adjusted at the meeting itself"),
    L("attachments", F("", "str"), "Bilagor: fritext, eller \"Bilaga 2\" för mötets bilaga nr 2",
      "Attachments: free text, or \"Bilaga 2\" for the meeting's attachment no. 2"),
    L("refs", F("", "ref", ref="any"), "Hänvisningar: budgetrad, insats, tidigare möte eller §",
      "References: budget line, insats, earlier meeting or §"),
    TS("tasks", TASK, "Uppdrag som ges i ärendet", "Tasks given under this item"),
)
SUBITEM = (F("letter", "str", "Bokstav: a, b, c …", "Letter", required=True),) + _ITEM_COMMON
ITEM = (
    F("number", "int", "Paragrafnummer (krävs utom i organ med numreringen ingen)",
      "Paragraph number (required except in an organ numbered ingen)", minimum=1),
) + _ITEM_COMMON + (
    TS("sub", SUBITEM, "Underpunkter a), b) …", "Sub-items a), b) …"),
)
GUEST = F("", "person_or_guest", ref="person")
MEETING = (
    F("organ", "ref", "Organ", "Organ", ref="organ", required=True),
    F("kind", "enum", "Typ av möte", "Kind of meeting", choices=MEETING_KINDS, default="ordinarie"),
    F("date", "date", "Datum", "Date", required=True),
    F("start", "time", "Starttid HH:MM", "Start time HH:MM"),
    F("end", "time", "Sluttid HH:MM", "End time HH:MM"),
    F("place", "str", "Plats", "Place"),
    F("state", "enum", "Status", "State", choices=MEETING_STATES, required=True),
    F("diarienummer", "str", "Diarienummer", "Registry number"),
    F("chair", "ref", "Ordförande vid mötet", "Chair of the meeting", ref="person"),
    F("secretary", "ref", "Sekreterare", "Secretary", ref="person"),
    F("second_secretary", "ref", "Andra sekreterare (när två förde protokollet)",
      "Second secretary (when two kept the minutes)", ref="person"),
    L("adjusters", PERSON, "Justerare", "Adjusters"),
    T("attendance", (
        L("voting", PERSON, "Beslutande", "Voting members present"),
        TS("serving", (
            F("person", "ref", "Tjänstgörande ersättare", "Serving substitute", ref="person", required=True),
            F("replaces", "ref", "Ersätter (frånvarande ledamot); tomt: tjänstgör på egen, vakant plats",
              "Replaces (absent member); empty: serves on its own vacant seat", ref="person"),
        ), "Tjänstgörande ersättare", "Serving substitutes"),
        L("substitutes", PERSON, "Ersättare (ej tjänstgörande)", "Substitutes present, not serving"),
        L("absent", PERSON, "Anmält förhinder", "Absent with notice"),
        L("coopted", PERSON, "Adjungerade", "Co-opted"),
        L("others", GUEST, "Övriga närvarande: person-id eller {name, role}",
          "Others present: person id or {name, role}"),
        L("remote", PERSON, "Deltar via länk (person-id bland de närvarande)",
          "Taking part at a distance (ids of people present)"),
        TS("changes", (
            F("person", "ref", "Vem som kom eller gick under mötet", "Who arrived or left", ref="person",
              required=True),
            F("arrived", "int", "Kom till mötet: deltar från och med denna §", "Arrived: takes part from this §",
              minimum=1),
            F("left", "int", "Lämnade mötet: deltar inte från och med denna §", "Left: takes no part from this §",
              minimum=1),
            F("time", "time", "Klockslag HH:MM", "Time HH:MM"),
        ), "Ändrad närvaro under mötet", "Arrivals and departures during the meeting"),
    ), "Närvaro", "Attendance"),
    T("justering", (
        F("date", "date", "Justeringsdatum", "Date of adjustment"),
        F("date_unknown", "bool", "Protokollet är justerat men anger inget justeringsdatum",
          "The minutes are adjusted but state no date of adjustment"),
        F("place", "str", "Plats för justering", "Place of adjustment"),
        F("signing", "str", "Signeringsreferens (t.ex. digital signatur)", "Signature reference"),
        TS("signers", (
            F("person", "ref", "Vem som undertecknade", "Who signed", ref="person", required=True),
            F("role", "enum", "I egenskap av", "Signed as", choices=SIGNER_ROLES, required=True),
            F("date", "date", "Datum för underskriften", "Date of the signature"),
            F("method", "str", "Hur: t.ex. digital signatur (BankID), på papper", "How: e.g. e-signature, on paper"),
            F("reference", "str", "Signeringsreferens för just denna underskrift", "Reference of this signature"),
        ), "Underskrifter, var och en med datum och sätt", "Signatures, each with its date and method"),
        F("fingerprint", "str", "Innehållets fingeravtryck vid justeringen (skrivs av finsam lock)",
          "Content fingerprint at adjustment (written by finsam lock)"),
        T("printed", (
            F("forbund", "str", "Förbundets namn som protokollet visar det", "The förbund's name as the minutes show it"),
            F("organ", "str", "Organets namn som protokollet visar det", "The organ's name as the minutes show it"),
            L("members", TEXT_ITEM, "Medlemmarna som brevhuvudet visar dem", "The members the letterhead shows"),
            TS("persons", (
                F("person", "ref", "Person", "Person", ref="person", required=True),
                F("name", "str", "Namnet som protokollet visar det", "The name as the minutes show it",
                  required=True),
                F("role", "enum", "Rollen i organet vid mötet", "The role in the organ at the meeting", choices=ROLES),
                F("title", "str", "Titel (för den som inte har någon roll i organet)",
                  "Title (of someone without a role in the organ)"),
                F("org", "str", "Medlemsorganisation eller tillhörighet som protokollet visar den",
                  "Member organisation or affiliation as the minutes show it"),
            ), "Personerna som protokollet nämner", "The persons the minutes name"),
        ), "Namn och roller som protokollet visade vid låsningen (skrivs av finsam lock)",
           "Names and roles as the minutes showed them when locked (written by finsam lock)"),
    ), "Justering", "Adjustment of the minutes"),
    T("anslag", (
        F("posted", "date", "Anslaget uppsatt", "Posted on the notice board"),
        F("removed", "date", "Anslaget nedtaget", "Taken down"),
        F("storage", "str", "Förvaringsplats för protokollet", "Where the minutes are kept"),
        F("signed_by", "ref", "Vem som undertecknade anslaget/beviset", "Who signed the notice", ref="person"),
    ), "Anslag/bevis", "Posting of the minutes"),
    F("next_meeting", "date", "Nästa möte", "Next meeting"),
    F("next_meeting_start", "time", "Nästa mötes starttid HH:MM", "Next meeting's start time HH:MM"),
    F("next_meeting_end", "time", "Nästa mötes sluttid HH:MM", "Next meeting's end time HH:MM"),
    F("next_meeting_place", "str", "Nästa mötes plats", "Next meeting's place"),
    F("notes", "text", "Övrigt om mötet", "Notes about the meeting"),
    TS("attachments", (
        F("number", "int", "Bilagans nummer: 1, 2, 3 …", "The attachment's number", required=True, minimum=1),
        F("title", "str", "Bilagans rubrik", "Title of the attachment", required=True),
        F("file", "str", "Fil i arkivmappen, t.ex. bilagor/2023-05-05-budget.pdf",
          "File in the records folder, e.g. bilagor/2023-05-05-budget.pdf"),
    ), "Mötets bilagor, numrerade; en § hänvisar med \"Bilaga 2\" i sina attachments",
       "The meeting's numbered attachments; a § refers to one with \"Bilaga 2\" in its attachments"),
    TS("items", ITEM, "Paragrafer", "Paragraphs (§)"),
    TS("corrections", (
        F("date", "date", "Datum för rättelsen", "Date of the correction", required=True),
        F("by", "ref", "Vem som gjorde rättelsen", "Who made the correction", ref="person", required=True),
        F("what", "text", "Vad som ändrades", "What was changed", required=True),
        F("why", "text", "Varför", "Why", required=True),
        F("fingerprint", "str", "Innehållets fingeravtryck efter rättelsen (skrivs av finsam)",
          "Content fingerprint after the correction (written by finsam)", required=True),
        F("chain", "str", "Kedjan av rättelserna till och med denna (skrivs av finsam)",
          "The chain of the corrections up to this one (written by finsam)"),
    ), "Rättelser efter justering", "Corrections after adjustment"),
)

# ---------------------------------------------------------------------------
# budgets: budgetar/<year>.toml
# ---------------------------------------------------------------------------
BUDGET = (
    F("year", "int", "Budgetår", "Budget year", required=True),
    F("equity_start", "amount", "Eget kapital vid årets början", "Equity at the start of the year"),
    F("note", "text", "Kommentar", "Note"),
    TS("versions", (
        F("id", "str", "Kort id som används i amounts, t.ex. budget, rev1, utfall-06, prognos", "Version id",
          required=True),
        F("kind", "enum", "Typ av version", "Kind of version", choices=VERSION_KINDS, required=True),
        F("label", "str", "Rubrik i tabeller", "Column label"),
        F("date", "date", "Datum (för utfall: till och med)", "Date (for outcome: up to)"),
        F("decided_by", "ref", "Beslutande § (t.ex. styrelse/2021/§58)", "Deciding § reference", ref="paragraph"),
        F("source", "str", "Källa, t.ex. Bilaga 4 (när samma version finns i flera handlingar)",
          "Source, e.g. Bilaga 4 (when one version is printed in several documents)"),
        F("same_as", "str", "Id för versionen som detta är en annan källa till; rader utan eget belopp "
          "har versionens belopp", "Id of the version this is another source of; lines without their own "
          "figure have that version's figure"),
    ), "Versioner: antagen budget, revideringar, utfall, prognos", "Versions", required=True),
    TS("income", (
        F("member", "ref", "Medlemsorganisation", "Member organisation", ref="org", required=True),
        F("label", "str", "Radens rubrik, t.ex. Staten (FK, inkl. AF); annars medlemmens namn",
          "Row label, e.g. Staten (FK, inkl. AF); otherwise the member's name"),
        F("amounts", "amounts", "Belopp per version", "Amount per version", required=True),
        F("note", "str", "Kommentar", "Note"),
    ), "Medlemsbidrag per medlem", "Contributions per member"),
    TS("other_income", (
        F("id", "str", "Id", "Id", required=True),
        F("name", "str", "Benämning", "Name", required=True),
        F("amounts", "amounts", "Belopp per version", "Amount per version", required=True),
        F("note", "str", "Kommentar", "Note"),
    ), "Övriga intäkter (räntor, ESF m.m.)", "Other income"),
    TS("categories", (
        F("id", "str", "Id", "Id", required=True),
        F("name", "str", "Benämning", "Name", required=True),
        F("kind", "enum", "Kostnadsslag", "Cost category", choices=CATEGORY_KINDS, required=True),
        F("total", "amounts", "Angiven summa per version (kontrolleras)", "Stated total per version (checked)"),
        TS("lines", (
            F("id", "str", "Radens id (unikt i budgeten)", "Line id (unique in the budget)", required=True),
            F("name", "str", "Benämning", "Name", required=True),
            F("amounts", "amounts", "Belopp per version", "Amount per version", required=True),
            F("note", "str", "Kommentar", "Note"),
            TS("split", (
                F("category", "str", "Kategorins id i budgeten", "Id of a category of the budget", required=True),
                F("share", "number", "Andel av radens belopp (0–1), t.ex. 0.4", "Share of the line (0-1), e.g. 0.4",
                  required=True),
            ), "Fördelning av raden på kategorier (andelarna summerar till 1)",
               "The line divided between categories (the shares sum to 1)"),
        ), "Kostnadsrader", "Cost lines", required=True),
    ), "Kostnadskategorier med rader", "Cost categories with lines", required=True),
    T("totals", (
        F("income", "amounts", "Summa intäkter per version", "Total income per version"),
        F("costs", "amounts", "Summa kostnader per version", "Total costs per version"),
        F("result", "amounts", "Resultat per version", "Result per version"),
    ), "Angivna summor (kontrolleras mot raderna)", "Stated totals (checked against the lines)"),
)

# ---------------------------------------------------------------------------
# insatser: insatser/<id>.toml
# ---------------------------------------------------------------------------
INSATS = (
    F("name", "str", "Namn", "Name", required=True),
    F("description", "text", "Beskrivning", "Description"),
    F("start", "date", "Startdatum", "Start date", required=True),
    F("end", "date", "Slutdatum", "End date"),
    F("owner", "ref", "Huvudman (medlemsorganisation)", "Owner (member organisation)", ref="org", required=True),
    L("budget_lines", F("", "ref", ref="budgetline"), "Budgetrader, t.ex. budget/2022/samordningsteamet",
      "Budget lines"),
    L("steering_group", PERSON, "Styrgrupp (person-id)", "Steering group"),
    F("decided_by", "ref", "Beslut om insatsen (§-referens)", "Deciding §", ref="paragraph"),
    TS("statistics", (
        F("year", "int", "År", "Year", required=True),
        F("women", "int", "Kvinnor (deltagare under året)", "Women", required=True),
        F("men", "int", "Män (deltagare under året)", "Men", required=True),
        F("new", "int", "Nya under året", "New during the year"),
        F("ended", "int", "Avslutade under året", "Ended during the year"),
        F("ended_reasons", "counts", "Avslutsorsaker: arbete, studier, …", "Reasons for ending"),
    ), "Aggregerad deltagarstatistik per år (aldrig personuppgifter)", "Aggregated statistics per year"),
)

KINDS: dict[str, tuple[Field, ...]] = {
    "forbund": FORBUND,
    "organisation": ORGANISATION,
    "person": PERSON_KIND,
    "meeting": MEETING,
    "budget": BUDGET,
    "insats": INSATS,
}

"""Every validation rule: stable code, severity, message and hint in Swedish and English.

The rule functions live in ``finsam_tui/core/check/rules/``; this catalogue is what users see and
what ``docs/rules.md`` is generated from (``python -m finsam_tui.core.docgen``).
Messages are ``str.format`` templates filled from a finding's params.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    sv: tuple[str, str]  # (message, hint)
    en: tuple[str, str]

    def text(self, lang: str, which: str) -> str:
        pair = self.en if lang == "en" else self.sv
        return pair[0] if which == "message" else pair[1]


_R = [
    # --- files, syntax and schema -----------------------------------------------------
    Rule("FS100", ERROR,
         ("Filen kan inte läsas: {reason}", "Spara filen som UTF-8-text under {limit} och försök igen."),
         ("The file cannot be read: {reason}", "Save the file as UTF-8 text under {limit} and try again.")),
    Rule("FS101", ERROR,
         ("Syntaxfel i TOML: {reason}", "Rätta raden som markeras; jämför med exemplen i docs/format.md."),
         ("TOML syntax error: {reason}", "Fix the marked line; compare with the examples in docs/format.md.")),
    Rule("FS102", ERROR,
         ("Okänd nyckel \"{key}\"", "Giltiga nycklar här: {valid}."),
         ("Unknown key \"{key}\"", "Valid keys here: {valid}.")),
    Rule("FS103", ERROR,
         ("\"{key}\" ska vara {expected}, inte {actual}", "Skriv värdet som {expected}, t.ex. {example}."),
         ("\"{key}\" must be {expected}, not {actual}", "Write the value as {expected}, e.g. {example}.")),
    Rule("FS104", ERROR,
         ("Obligatoriskt fält saknas: \"{key}\"", "Lägg till {key} = … ({help})."),
         ("Required field missing: \"{key}\"", "Add {key} = … ({help}).")),
    Rule("FS105", ERROR,
         ("Ogiltigt värde för \"{key}\": {value}", "Tillåtet: {allowed}."),
         ("Invalid value for \"{key}\": {value}", "Allowed: {allowed}.")),
    Rule("FS106", ERROR,
         ("Id:t \"{id}\" finns mer än en gång", "Ge varje post ett eget id; den andra förekomsten anges under related."),
         ("The id \"{id}\" occurs more than once", "Give each record its own id; the other occurrence is listed under related.")),
    Rule("FS107", ERROR,
         ("Ogiltigt filnamn/id \"{id}\"", "Använd små bokstäver a–z, siffror och bindestreck, t.ex. {example}."),
         ("Invalid file name/id \"{id}\"", "Use lowercase a–z, digits and hyphens, e.g. {example}.")),
    Rule("FS108", WARNING,
         ("Filen ligger inte där en post av något slag förväntas och läses inte", "Flytta den till {expected} eller ta bort den."),
         ("The file is not where any record kind is expected and is not read", "Move it to {expected} or remove it.")),
    Rule("FS109", ERROR,
         ("Förbundets inställningar (forbund.toml) saknas eller kan inte användas", "Rätta forbund.toml; kontrollerna som behöver inställningarna hoppas över."),
         ("The förbund settings (forbund.toml) are missing or unusable", "Fix forbund.toml; checks that need the settings are skipped.")),
    Rule("FS110", WARNING,
         ("Länken följs inte: {reason}", "Flytta in innehållet i arkivmappen eller ta bort länken."),
         ("The link is not followed: {reason}", "Move the contents into the records folder or remove the link.")),
    # --- references -------------------------------------------------------------------
    Rule("FS201", ERROR,
         ("Referensen \"{ref}\" pekar inte på någon {target}", "Kontrollera stavningen eller skapa posten."),
         ("The reference \"{ref}\" does not point to any {target}", "Check the spelling or create the record.")),
    Rule("FS202", ERROR,
         ("Referensen \"{ref}\" följer inte referenssyntaxen", "Skriv t.ex. styrelse/2022/§7, styrelse/2022-06-17/§7, budget/2022/rad, insats/id eller person/id."),
         ("The reference \"{ref}\" does not follow the reference syntax", "Write e.g. styrelse/2022/§7, styrelse/2022-06-17/§7, budget/2022/line, insats/id or person/id.")),
    Rule("FS203", ERROR,
         ("Referensen \"{ref}\" är tvetydig: {count} {count:träff|träffar}", "Ange mötet: {organ}/ÅÅÅÅ-MM-DD/§N."),
         ("The reference \"{ref}\" is ambiguous: {count} {count:match|matches}", "Name the meeting: {organ}/YYYY-MM-DD/§N.")),
    # --- meetings ---------------------------------------------------------------------
    Rule("FS301", ERROR,
         ("Ordföranden {person} finns inte bland de närvarande", "Lägg till {person} bland beslutande (eller tjänstgörande) eller ange rätt ordförande."),
         ("The chair {person} is not among those present", "Add {person} to the voting members (or serving substitutes) or name the right chair.")),
    Rule("FS302", ERROR,
         ("Justeraren {person} finns inte bland de närvarande", "En justerare måste ha varit på mötet; välj någon som var närvarande."),
         ("The adjuster {person} is not among those present", "An adjuster must have attended; choose someone who was present.")),
    Rule("FS303", WARNING,
         ("Justeraren {person} är inte beslutande, men förbundsordningen kräver det", "Välj en beslutande ledamot eller tjänstgörande ersättare, eller ändra adjusters_must_vote i forbund.toml."),
         ("The adjuster {person} does not vote, but the charter requires it", "Choose a voting member or serving substitute, or change adjusters_must_vote in forbund.toml.")),
    Rule("FS304", ERROR,
         ("{person} står både som {first} och {second}", "En person hör till en enda närvarogrupp per möte; ta bort den ena."),
         ("{person} is listed both as {first} and {second}", "A person belongs to one attendance group per meeting; remove one.")),
    Rule("FS305", ERROR,
         ("Den tjänstgörande ersättaren {person} kan inte ersätta {replaces}: {reason}", "En ersättare tjänstgör för en frånvarande ledamot från samma medlemsorganisation; ange rätt person eller för in ledamoten under absent."),
         ("The serving substitute {person} cannot replace {replaces}: {reason}", "A substitute serves for an absent member of the same member organisation; name the right person or list the member as absent.")),
    Rule("FS306", ERROR,
         ("{organ} är inte beslutför: {present} av {seats} {seats:plats|platser} besatta, {needed} krävs ({rule})", "Kontrollera närvaron; saknas ledamöter är mötets beslut inte giltiga."),
         ("{organ} has no quorum: {present} of {seats} {seats:seat|seats} present, {needed} needed ({rule})", "Check the attendance; without quorum the decisions are not valid.")),
    Rule("FS307", ERROR,
         ("§{number} finns redan i {other}", "Varje § har ett eget nummer {scope}; numrera om."),
         ("§{number} already exists in {other}", "Each § has its own number {scope}; renumber.")),
    Rule("FS308", ERROR,
         ("§-numreringen hoppar: väntade §{expected}, fann §{number}", "Paragraferna numreras i följd {scope}; rätta numret eller lägg till den saknade paragrafen."),
         ("The § numbering jumps: expected §{expected}, found §{number}", "Paragraphs are numbered consecutively {scope}; fix the number or add the missing paragraph.")),
    Rule("FS309", ERROR,
         ("Datumen är i fel ordning: {what}", "Rätta datumen; {hint_detail}."),
         ("The dates are out of order: {what}", "Fix the dates; {hint_detail}.")),
    Rule("FS310", WARNING,
         ("Justeringen skedde {days} {days:dag|dagar} efter mötet, mer än förbundets {limit}", "Protokollet ska justeras senast {limit} {limit:dag|dagar} efter mötet (deadlines.justering_days)."),
         ("Adjusted {days} {days:day|days} after the meeting, more than the {limit} allowed", "Minutes are to be adjusted within {limit} {limit:day|days} (deadlines.justering_days).")),
    Rule("FS311", WARNING,
         ("Anslaget sattes upp {days} {days:dag|dagar} efter justeringen, mer än {limit}", "Enligt kommunallagen anslås protokollet senast {limit} {limit:dag|dagar} efter justering."),
         ("Posted {days} {days:day|days} after adjustment, more than {limit}", "By law the minutes are posted within {limit} {limit:day|days} of adjustment.")),
    Rule("FS312", WARNING,
         ("Anslaget satt uppe bara {days} {days:dag|dagar}, minst {limit} krävs", "Anslaget ska sitta uppe minst tre veckor (deadlines.anslag_min_days)."),
         ("Posted for only {days} {days:day|days}, at least {limit} required", "The notice stays posted for at least three weeks (deadlines.anslag_min_days).")),
    Rule("FS313", ERROR,
         ("Ett möte med status {state} saknar {missing}", "Fyll i {missing} eller ändra status."),
         ("A meeting in state {state} lacks {missing}", "Fill in {missing} or change the state.")),
    Rule("FS314", WARNING,
         ("Ett {organ_kind} fattar inga beslut, men §{number} har beslut", "Skriv ställningstagandet som information/diskussion, eller för ärendet till styrelsen."),
         ("A {organ_kind} takes no decisions, but §{number} has a decision", "Record it as information/discussion, or take the matter to the board.")),
    Rule("FS315", ERROR,
         ("{person} har anmält jäv i §{number} men {how}", "Den som är jävig lämnar ärendet: ta bort personen från {how_fix}."),
         ("{person} declared a conflict of interest in §{number} but {how}", "A person with a conflict leaves the matter: remove them from {how_fix}.")),
    Rule("FS316", ERROR,
         ("{person} i §{number} {what}", "{fix}"),
         ("{person} in §{number} {what}", "{fix}")),
    Rule("FS317", ERROR,
         ("Ordföranden {person} är jävig i §{number} men ingen annan ordförande anges", "Ange chair = \"…\" i jav-posten: den som ledde mötet under ärendet."),
         ("The chair {person} has a conflict in §{number} but no other chair is named", "Add chair = \"…\" to the jav entry: who chaired during the item.")),
    Rule("FS318", WARNING,
         ("Beslutssatsen börjar inte med \"att\": {clause}", "Skriv beslut som att-satser: \"att godkänna …\"; löptext kan stå i decision_text."),
         ("The decision clause does not start with \"att\": {clause}", "Write decisions as \"att\" clauses; running text can go in decision_text.")),
    Rule("FS319", WARNING,
         ("§{number} är ett beslutsärende utan beslut", "Lägg till beslutet som att-satser i decision eller ändra ärendets kind."),
         ("§{number} is a decision item without a decision", "Add the decision clauses to decision or change the item kind.")),
    Rule("FS320", ERROR,
         ("Mötets {key} {value} stämmer inte med filens plats {file}", "Filen heter moten/<organ>/<år>/<datum>.toml; flytta filen eller rätta {key}."),
         ("The meeting's {key} {value} does not match the file's place {file}", "The file is named moten/<organ>/<year>/<date>.toml; move the file or fix {key}.")),
    Rule("FS321", ERROR,
         ("{person} står som {group} men har inget sådant uppdrag i {organ} den {date}", "Kontrollera personens memberships (organ, roll och datum) eller flytta personen till rätt grupp."),
         ("{person} is listed as {group} but holds no such role in {organ} on {date}", "Check the person's memberships (organ, role and dates) or move them to the right group.")),
    Rule("FS322", ERROR,
         ("Sluttiden {end} ligger före starttiden {start}", "Rätta tiderna (HH:MM)."),
         ("The end time {end} is before the start time {start}", "Fix the times (HH:MM).")),
    Rule("FS323", WARNING,
         ("Uppdraget ska vara klart {due}, före mötet då det gavs ({date})", "Kontrollera förfallodatumet."),
         ("The task is due {due}, before the meeting that gave it ({date})", "Check the due date.")),
    Rule("FS324", ERROR,
         ("{person} har reserverat sig i §{number} men var inte beslutande", "Bara den som deltar i beslutet kan reservera sig; kontrollera närvaron."),
         ("{person} registered dissent in §{number} but did not vote", "Only those who take part in the decision can dissent; check the attendance.")),
    Rule("FS325", ERROR,
         ("Underpunkten {letter}) finns redan i §{number}", "Ge underpunkterna bokstäverna a, b, c … i ordning."),
         ("Sub-item {letter}) already exists in §{number}", "Letter sub-items a, b, c … in order.")),
    Rule("FS326", ERROR,
         ("Protokollet har ändrats efter justeringen utan rättelse", "Ett justerat protokoll ändras bara genom en rättelse: återställ ändringen, eller skriv den som rättelse med finsam correct (datum, vem, vad och varför)."),
         ("The minutes were changed after adjustment without a correction", "Adjusted minutes change only through a correction: undo the change, or record it with finsam correct (date, who, what and why).")),
    Rule("FS327", WARNING,
         ("Det justerade protokollet är inte låst med ett fingeravtryck", "Kör finsam lock {ref} så att senare ändringar upptäcks."),
         ("The adjusted minutes are not locked with a fingerprint", "Run finsam lock {ref} so that later changes are detected.")),
    Rule("FS328", WARNING,
         ("Protokollet visar {printed} som vid låsningen; personfilen säger nu {now}", "Protokollet ändras inte: det visar namnen som de var. Stämmer inte det som låstes, för in det som en rättelse."),
         ("The minutes show {printed} as when they were locked; the person file now says {now}", "The minutes do not change: they show the names as they were. If what was locked is wrong, record a correction.")),
    Rule("FS329", WARNING,
         ("Protokollet visar namnet {printed} som vid låsningen; nu heter det {now}", "Protokollet ändras inte: det visar namnet som det var. Stämmer inte det som låstes, för in det som en rättelse."),
         ("The minutes show the name {printed} as when they were locked; it is now {now}", "The minutes do not change: they show the name as it was. If what was locked is wrong, record a correction.")),
    # --- memberships ------------------------------------------------------------------
    Rule("FS401", ERROR,
         ("{org} har ingen {role} i {organ} den {date}", "Varje medlemsorganisation har {seats} {role} i {organ}; lägg till ett membership för rätt person och period."),
         ("{org} has no {role} in {organ} on {date}", "Each member organisation has {seats} {role} in {organ}; add a membership for the right person and period.")),
    Rule("FS402", ERROR,
         ("Rollerna i {organ} överlappar i tid: {first} och {second}", "En person har en roll i taget per organ; avsluta den första (end) innan den andra börjar."),
         ("The roles in {organ} overlap in time: {first} and {second}", "A person holds one role at a time per organ; end the first before the second starts.")),
    Rule("FS403", ERROR,
         ("Uppdraget slutar ({end}) före det börjar ({start})", "Rätta start och end."),
         ("The membership ends ({end}) before it starts ({start})", "Fix start and end.")),
    Rule("FS404", ERROR,
         ("Rollen {role} kräver on_behalf_of (vilken medlemsorganisation)", "Lägg till on_behalf_of = \"<organisations-id>\"."),
         ("The role {role} requires on_behalf_of (which member organisation)", "Add on_behalf_of = \"<organisation id>\".")),
    Rule("FS405", WARNING,
         ("{org} har {count} {role} i {organ} den {date}, fler än förbundsordningens {seats}", "Kontrollera att tidigare uppdrag har ett slutdatum."),
         ("{org} has {count} {role} in {organ} on {date}, more than the {seats} in the charter", "Check that earlier memberships have an end date.")),
    # --- budgets ----------------------------------------------------------------------
    Rule("FS501", ERROR,
         ("Kategorin {category} summerar till {sum} i {version}, men total anger {stated}", "Rätta raderna eller summan (skillnad {diff})."),
         ("The category {category} sums to {sum} in {version}, but total says {stated}", "Fix the lines or the total (difference {diff}).")),
    Rule("FS502", ERROR,
         ("Summa {what} i {version} är {sum}, men totals anger {stated}", "Rätta raderna eller [totals] (skillnad {diff})."),
         ("Total {what} in {version} is {sum}, but totals says {stated}", "Fix the lines or [totals] (difference {diff}).")),
    Rule("FS503", ERROR,
         ("Medlemsbidragen i {version} följer inte fördelningen ½–¼–¼: {group} betalar {amount} ({share}), ska vara {expected}", "Staten (FK+AF) betalar hälften, regionen en fjärdedel och kommunerna en fjärdedel."),
         ("Contributions in {version} do not follow the ½–¼–¼ split: {group} pays {amount} ({share}), should be {expected}", "The state (FK+AF) pays half, the region a quarter and the municipalities a quarter.")),
    Rule("FS504", ERROR,
         ("Resultatet i {version} anges till {stated}, men intäkter − kostnader = {computed}", "Resultat = intäkter − kostnader; rätta [totals].result."),
         ("The result in {version} is stated as {stated}, but income − costs = {computed}", "Result = income − costs; fix [totals].result.")),
    Rule("FS505", WARNING,
         ("Budgeten för {year} antogs {date}, efter {deadline}", "Styrelsen ska anta budgeten senast {deadline} året före."),
         ("The budget for {year} was adopted on {date}, after {deadline}", "The board adopts the budget by {deadline} of the year before.")),
    Rule("FS506", ERROR,
         ("Versionen {version} ({kind}) anger inte vilken § som beslutade den", "Lägg till decided_by = \"styrelse/ÅÅÅÅ/§N\"."),
         ("The version {version} ({kind}) does not name its deciding §", "Add decided_by = \"styrelse/YYYY/§N\".")),
    Rule("FS507", ERROR,
         ("Raden {line} har två olika belopp i {version}: {first} och {second}", "Samma rad får bara ett belopp per version; den andra platsen anges under related."),
         ("The line {line} has two different figures in {version}: {first} and {second}", "A line has one figure per version; the other place is listed under related.")),
    Rule("FS508", ERROR,
         ("Versionen \"{version}\" finns inte i [[versions]]", "Deklarera versionen eller rätta namnet."),
         ("The version \"{version}\" is not declared in [[versions]]", "Declare the version or fix the name.")),
    Rule("FS509", ERROR,
         ("Budgetåret {year} stämmer inte med filen {file}", "Filen heter budgetar/<år>.toml."),
         ("The budget year {year} does not match the file {file}", "The file is named budgetar/<year>.toml.")),
    Rule("FS510", WARNING,
         ("Raden {line} förekommer två gånger med samma belopp", "Ta bort dubbletten."),
         ("The line {line} occurs twice with the same figures", "Remove the duplicate.")),
    Rule("FS511", ERROR,
         ("Beslutande § {ref} ligger inte före versionens datum {date}", "Kontrollera decided_by och datumet."),
         ("The deciding § {ref} is not on or before the version date {date}", "Check decided_by and the date.")),
    # --- insatser ---------------------------------------------------------------------
    Rule("FS601", ERROR,
         ("Statistiken för {year} har ett negativt tal: {key} = {value}", "Antal kan inte vara negativa."),
         ("The statistics for {year} have a negative count: {key} = {value}", "Counts cannot be negative.")),
    Rule("FS602", ERROR,
         ("Statistiken för {year} går inte ihop: {what}", "Avslutade och nya kan inte vara fler än deltagarna (kvinnor + män), och avslutsorsakerna summerar till antalet avslutade."),
         ("The statistics for {year} do not add up: {what}", "Ended and new cannot exceed the participants (women + men), and the reasons sum to the number ended.")),
    Rule("FS603", WARNING,
         ("Statistik för {year} ligger utanför insatsens period {start}–{end}", "Kontrollera årtalet eller insatsens period."),
         ("Statistics for {year} lie outside the period {start}–{end}", "Check the year or the period.")),
    Rule("FS604", ERROR,
         ("Statistiken för {year} finns två gånger", "Slå ihop posterna till en per år."),
         ("The statistics for {year} occur twice", "Merge them into one entry per year.")),
    # --- personal data ----------------------------------------------------------------
    Rule("FS701", ERROR,
         ("Ett {kind} står i texten ({masked})", "Personnummer hör inte hemma i förbundets handlingar: ta bort det (och ur git-historiken)."),
         ("A {kind} appears in the text ({masked})", "Identity numbers do not belong in these records: remove it (and from the git history).")),
]

RULES: dict[str, Rule] = {r.code: r for r in _R}


def markdown(lang: str = "en") -> str:
    """The rules list for docs/rules.md."""
    head = {
        "en": ("# Validation rules", "Every finding has a stable code. Errors make `finsam validate` exit 1; "
               "warnings are reported but allowed. Generated from `finsam_tui/core/check/codes.py` by "
               "`python -m finsam_tui.core.docgen`; a test keeps it current."),
    }[lang]
    lines = [head[0], "", head[1], "", "| code | severity | message (en) | meddelande (sv) | hint |", "|---|---|---|---|---|"]
    for r in _R:
        cells = [r.code, r.severity, r.en[0], r.sv[0], r.en[1]]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"

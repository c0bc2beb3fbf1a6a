"""Generate a synthetic, valid records folder for benchmarks.

    python benchmarks/generate.py OUT_DIR --meetings N [--seed S]

The archive is one fictional förbund with N meetings of realistic Swedish content:
member organisations (FK, AF, a region, kommuner), persons with memberships over
consecutive four-year terms, meetings of the styrelse, its presidium, the
beredningsgrupp and the medlemssamråd, budgets with versions for every year, and
insatser with statistics. ``finsam validate OUT_DIR`` reports no findings.

The output depends only on N and the seed (``random.Random(seed)``), so two runs give
identical bytes. OUT_DIR must be empty or missing, or hold an archive written by this
script (its forbund.toml carries the marker below); that one is wiped and rewritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import shutil
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the finsam_tui package of this checkout

from finsam_tui.core.check.protocol_lock import fingerprint

MARKER = "# Genererad av benchmarks/generate.py"
LAST_YEAR = 2024  # the archive runs up to (part of) this year
TERM_ANCHOR = 2019  # mandate periods 2019–2022, 2023–2026, … (and backwards)

# ---------------------------------------------------------------------------
# word pools
# ---------------------------------------------------------------------------
WOMEN = (
    "Anna Maria Karin Eva Kristina Lena Sara Emma Ingrid Birgitta Margareta Helena Johanna Linnea Åsa Märta "
    "Görel Sofia Elin Ida Malin Annika Cecilia Hanna Ulrika Camilla Jenny Frida Agneta Gunilla Yasmin Leila "
    "Amira Mirja Päivi Ebba Tove Therese Louise Susanne Britt Solveig Marianne Inger Katarina Matilda"
).split()
MEN = (
    "Lars Anders Johan Erik Per Karl Mikael Peter Jan Björn Fredrik Mats Ulf Kjell Bengt Göran Örjan Jörgen "
    "Tomas Patrik Jonas Oskar Nils Gustav Håkan Stefan Magnus Henrik Reza Omar Ali Mehmet Juha Pekka Sven "
    "Leif Rasmus Viktor Axel Sören Torbjörn Roger Lennart Ola Kent Dragan"
).split()
SURNAMES = (
    "Lindqvist Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson Lindström "
    "Lindgren Axelsson Berg Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson Sandberg "
    "Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Lundin Håkansson Björk Bergman Gunnarsson "
    "Holm Wikström Samuelsson Isaksson Fransson Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg "
    "Blomqvist Claesson Nordström Mårtensson Lundström Viklund Björklund Eliasson Pålsson Berggren Sandström "
    "Nordin Ström Åberg Hermansson Ekström Holmgren Sundberg Hedlund Dahlberg Hellström Sjögren Abrahamsson "
    "Falk Öberg Mäkinen Karimi Haddad Yilmaz Nguyen Ahmed Hussein Rosén Ekholm Strömgren Törnqvist Wahlgren "
    "Näslund Hällström Åkesson Nordmark Sandell Moberg Frisk Hedin Vidén Granlund Aronsson Berglöf"
).split()
TOWN_PREFIX = ("Björk", "Sjö", "Gran", "Ek", "Lind", "Al", "Rön", "Ås", "Fur", "Häll", "Sand", "Berg", "Dal",
               "Strand", "Öster", "Väster", "Norr", "Mål", "Hag", "Kvarn", "Bro", "Ljung", "Tall", "Ulv")
TOWN_SUFFIX = ("vik", "holm", "ås", "by", "dal", "sund", "näs", "köping", "sta", "fors", "hammar", "torp",
               "berga", "stad", "mo", "lunda")
REGIONS = ("Mellanland", "Västerdalen", "Norrmark", "Sydslätten", "Österkust", "Inlandet", "Sjöbygden")
STREETS = ("Kvarngatan", "Storgatan", "Järnvägsgatan", "Skolgatan", "Kyrkogatan", "Torggatan", "Åvägen",
           "Parkgatan", "Bruksgatan", "Hamngatan")

POLITICIAN_TITLES = {
    "kommun": ("kommunalråd", "ordförande i socialnämnden", "ledamot i kommunstyrelsen",
               "ordförande i arbetsmarknadsnämnden", "vice ordförande i socialnämnden", "oppositionsråd"),
    "region": ("regionråd", "ledamot i regionstyrelsen", "ordförande i hälso- och sjukvårdsnämnden",
               "regionpolitiker", "vice ordförande i regionstyrelsen"),
    "försäkringskassan": ("enhetschef", "verksamhetsområdeschef", "områdeschef", "verksamhetsutvecklare"),
    "arbetsförmedlingen": ("sektionschef", "enhetschef", "verksamhetschef", "samverkansansvarig"),
}
OFFICIAL_TITLES = {
    "kommun": ("socialchef", "arbetsmarknadschef", "chef för individ- och familjeomsorgen",
               "enhetschef, försörjningsstöd"),
    "region": ("verksamhetschef, psykiatriska öppenvården", "vårdcentralschef", "chef för rehabiliteringsenheten"),
    "försäkringskassan": ("enhetschef", "samverkansansvarig", "teamledare"),
    "arbetsförmedlingen": ("enhetschef", "samverkansansvarig", "sektionschef"),
}
MS_TITLES = {
    "kommun": ("kommunstyrelsens ordförande", "kommunstyrelsens vice ordförande"),
    "region": ("regionstyrelsens ordförande", "regionråd"),
    "försäkringskassan": ("områdeschef", "verksamhetsområdeschef"),
    "arbetsförmedlingen": ("områdeschef", "marknadsområdeschef"),
}

INSATS_NAMES = (
    ("Samordningsteamet", "individ"), ("Ung Framtid", "individ"), ("Kompetenslyftet", "struktur"),
    ("Steget vidare", "individ"), ("Vägen in", "individ"), ("Hälsokraft", "individ"), ("Jobbstegen", "individ"),
    ("Resursteamet", "individ"), ("Nya vägar", "individ"), ("Arbetsträning i samverkan", "individ"),
    ("Framtidsverkstaden", "individ"), ("Språkstegen", "individ"), ("Kraftsamling unga", "individ"),
    ("Förstärkt samordning", "struktur"), ("Brobyggarna", "individ"), ("Balans", "individ"),
    ("Motivationslyftet", "individ"), ("IPS i samverkan", "individ"), ("Lots för unga vuxna", "individ"),
    ("Samverkansakademin", "struktur"), ("Kartläggning och vägledning", "individ"), ("Tidiga insatser", "individ"),
    ("Gemensam kartläggning", "struktur"), ("Aktivitetshuset", "individ"), ("Friskvägen", "individ"),
)
TARGET_GROUPS = (
    "unga vuxna som varken arbetar eller studerar",
    "personer med långvarigt försörjningsstöd",
    "sjukskrivna med behov av samordnad rehabilitering",
    "personer med psykisk ohälsa som står långt från arbetsmarknaden",
    "nyanlända med behov av språkstöd och arbetsträning",
    "personer med aktivitetsersättning",
    "unga med neuropsykiatriska funktionsnedsättningar",
    "personer som uppbär sjukpenning och saknar arbetsgivare",
)
METHODS = (
    "individuellt stöd av en arbetsmarknadskonsulent",
    "arbetsträning hos arbetsgivare i närområdet",
    "samordnade planeringsmöten med handläggare från flera myndigheter",
    "motiverande samtal och gruppaktiviteter",
    "kartläggning av arbetsförmåga och hälsa",
    "stöd enligt metoden Individual Placement and Support",
    "studiebesök, praktik och stöd vid kontakter med arbetsgivare",
    "gemensam utbildning för personal hos parterna",
)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
THEMES = ("unga vuxnas psykiska hälsa", "arbetsgivarsamverkan", "tidiga och samordnade insatser",
          "digitala möten med deltagare", "jämställd rehabilitering", "brukarinflytande",
          "övergångar mellan insatser och ordinarie verksamhet", "språk och arbete",
          "långtidssjukskrivning och återgång i arbete", "barnperspektivet i vuxeninsatser")
GUEST_ROLES = ("processledare", "utvärderare", "projektledare", "verksamhetsutvecklare", "ekonom",
               "koordinator", "arbetsmarknadskonsulent", "revisor")

# Sentences for background texts. Slots are filled from the meeting's context.
SENTENCES = (
    "Förbundschefen redovisar läget i {insats}.",
    "Hittills under året har {n1} deltagare skrivits in i {insats}, varav {n2} kvinnor.",
    "Kostnaderna ligger i nivå med budget, med en mindre avvikelse för {line}.",
    "Prognosen för helåret visar ett överskott om {belopp}.",
    "Prognosen för helåret visar ett underskott om {belopp}, som täcks av det egna kapitalet.",
    "Samverkan med {org} har utvecklats under perioden.",
    "Arbetsförmedlingens förändrade arbetssätt påverkar flödet av remisser till {insats}.",
    "Försäkringskassan lyfter behovet av tidiga samordningsinsatser för sjukskrivna.",
    "Regionens psykiatriska öppenvård deltar i de gemensamma planeringsmötena.",
    "Deltagarna får stöd att stärka sin arbetsförmåga genom arbetsträning och studiebesök.",
    "Den externa utvärderingen visar att deltagarnas upplevda hälsa har förbättrats.",
    "Det egna kapitalet bedöms ligga under riktvärdet om högst {procent} procent av medlemsbidragen.",
    "En referensgrupp med brukarrepresentanter har bildats och träffas varje kvartal.",
    "Kompetensutveckling för handläggare hos parterna planeras under {month}.",
    "Ett nätverk för arbetsmarknadsenheterna i {kommun} och {kommun2} har startat.",
    "Medlemmarna har lämnat synpunkter på förslaget till ändrad förbundsordning.",
    "Nationella rådet för finansiell samordning har publicerat ny vägledning om uppföljning.",
    "Insatsen vänder sig till {grupp}.",
    "Målgruppen är {grupp}.",
    "Indikatorerna för samverkan mäts genom en enkät till styrgruppen och beredningsgruppen.",
    "Lokalfrågan för {insats} är löst genom en överenskommelse med {kommun}.",
    "Två medarbetare har slutat och rekryteringen av en ny arbetsmarknadskonsulent pågår.",
    "Diskussionen handlar om hur resultaten ska spridas till medlemmarnas nämnder.",
    "En ansökan om medel från Europeiska socialfonden bereds tillsammans med {org}.",
    "Samverkansdagen om {tema} samlade {n1} deltagare från parterna.",
    "Frågan om digital signering av protokoll har utretts av kansliet.",
    "Revisorerna har granskat räkenskaperna utan anmärkning.",
    "Utbetalningarna till {insats} sker kvartalsvis mot ekonomisk redovisning.",
    "Uppföljningen i SUS visar att {n1} deltagare avslutade insatsen under förra kvartalet.",
    "Av de avslutade deltagarna gick {n2} till arbete eller studier.",
    "Handläggare från Försäkringskassan och Arbetsförmedlingen medverkar vid de gemensamma kartläggningarna.",
    "Styrgruppen för {insats} har sammanträtt och följt upp verksamhetsplanen.",
    "Förbundschefen har deltagit i det regionala nätverket för samordningsförbund.",
    "Insatsen har haft svårt att nå målet för antalet deltagare, främst i {kommun}.",
    "Väntetiden till {insats} har minskat sedan ytterligare en handledare anställdes.",
    "Parterna är överens om att fortsätta arbetet med gemensamma rutiner för remittering.",
    "Budgeten för {line} föreslås justeras med {belopp}.",
    "Underlaget har beretts av beredningsgruppen.",
    "Temat för årets seminarium är {tema}.",
    "Kansliet föreslår att uppföljningen samordnas med medlemmarnas egna verksamhetsuppföljningar.",
    "Arbetsförmedlingen informerar om att myndighetens kontor i {kommun} flyttar till nya lokaler.",
    "Regionen ser ett ökat behov av stöd för personer med långvarig smärta och psykisk ohälsa.",
    "Socialtjänsten i {kommun} noterar färre hushåll med långvarigt försörjningsstöd.",
    "En slutrapport från {insats} väntas under {month}.",
    "Deltagarnas erfarenheter har samlats in genom intervjuer och en enkät.",
    "Kostnaden för lokaler och administration har ökat något jämfört med föregående år.",
    "Medlemsbidragen betalas ut enligt fördelningen hälften från staten, en fjärdedel från regionen och en "
    "fjärdedel från kommunerna.",
    "Ränteintäkterna beräknas bli högre än budgeterat.",
    "Jämställdhetsanalysen visar att kvinnor och män tar del av insatserna i ungefär lika hög grad.",
    "Det finns intresse från {org} att bredda målgruppen för {insats}.",
    "Kansliet har tagit fram en ny mall för {dokument}.",
    "{yrke} i {insats} beskriver hur deltagarna har tagit del av {aktivitet}.",
    "Flera deltagare har fått en anställning med lönebidrag eller nystartsjobb.",
    "Rehabiliteringskoordinatorerna på vårdcentralerna efterfrågar tydligare vägar in i insatserna.",
    "Samarbetet med folkhögskolan i {kommun} ger deltagare möjlighet att läsa in gymnasiebehörighet.",
    "Försäkringskassans nya riktlinjer för bedömning av arbetsförmåga påverkar deltagarnas ersättning.",
    "Antalet remisser från primärvården har ökat under {month}.",
    "En arbetsgrupp med representanter från {org} och {org2} ser över rutinerna för informationsöverföring.",
    "Deltagarnas samtycke inhämtas innan uppgifter lämnas mellan myndigheterna.",
    "Uppföljningen visar skillnader mellan kommunerna när det gäller {aktivitet}.",
    "Förbundet har deltagit i en nationell mätning av samverkansindikatorer.",
    "Ett informationsmaterial på lätt svenska har tagits fram tillsammans med {org}.",
    "Det finansiella målet om ett eget kapital i balans bedöms uppnås under {year}.",
    "Lärdomar från {insats} tas tillvara när nya insatser planeras.",
    "Ett studiebesök hos ett grannförbund har gett idéer om {aktivitet}.",
    "Socialsekreterarna i {kommun} har fått handledning i motiverande samtal.",
    "Arbetsgivarnätverket i {kommun2} har tagit emot {n2} praktikanter.",
    "Det är fortsatt svårt att rekrytera {yrke} till insatsen.",
    "Budgetutrymmet för {year} medger ingen utökning av antalet platser.",
    "Medlemmarna har fått en skriftlig redovisning av hur medlen har använts.",
    "{org} har utsett en ny kontaktperson för samverkan med förbundet.",
    "Frågan om gemensamma lokaler för {insats} och kommunens arbetsmarknadsenhet utreds.",
    "Styrgruppen föreslår att {insats} förlängs med ett år under förutsättning att budgeten medger det.",
    "Den digitala uppföljningen av deltagarnas mående har fungerat väl.",
    "Kansliet har besvarat en enkät från Inspektionen för socialförsäkringen om finansiell samordning.",
    "Ett seminarium om {tema} genomförs i samarbete med regionens folkhälsoenhet.",
    "Dokumentationen av insatserna har förbättrats sedan rutinen för SUS-registrering reviderades.",
)
YRKEN = ("Arbetsterapeuten", "Arbetsmarknadskonsulenten", "Socialsekreteraren", "Handledaren", "Studie- och "
         "yrkesvägledaren", "Fysioterapeuten", "Kuratorn", "Jobbcoachen")
AKTIVITETER = ("arbetsträning", "friskvårdsaktiviteter", "studiebesök på arbetsplatser", "gruppträffar om hälsa",
               "digital kompetens", "språkträning", "praktik inom vård och omsorg", "körkortsteori",
               "kartläggning av arbetsförmåga", "ekonomisk rådgivning")
DOKUMENT = ("ansökningar om medel", "lägesrapporter från insatserna", "delegationsordningen",
            "verksamhetsberättelsen", "avtal med huvudmännen", "riskanalysen i internkontrollen")

PLACES = ("Förbundets kansli, {street} {num}, {town}", "Kommunhuset, Torget 1, {town}",
          "Regionens hus, {street} {num}, {town}", "Digitalt möte via Teams",
          "Arbetsförmedlingen, {street} {num}, {town}", "Medborgarhuset, {town}")

# organ id -> (name, kind, decides)
ORGANS = (
    ("styrelse", "Styrelsen", "styrelse", True),
    ("presidium", "Presidiet", "presidium", True),
    ("beredningsgrupp", "Beredningsgruppen", "beredningsgrupp", False),
    ("medlemssamrad", "Medlemssamrådet", "medlemssamråd", False),
)
ORGAN_ORDER = {o[0]: i for i, o in enumerate(ORGANS)}
DECIDES = {o[0]: o[3] for o in ORGANS}


# ---------------------------------------------------------------------------
# TOML writing helpers
# ---------------------------------------------------------------------------
_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def key(k: str) -> str:
    return k if _BARE.match(k) else q(k)


def text_value(s: str) -> str:
    """A one-line string, or a wrapped multi-line string for long texts."""
    if len(s) <= 80 and "\n" not in s:
        return q(s)
    body = "\n".join(textwrap.wrap(s, 86, break_long_words=False, break_on_hyphens=False))
    body = body.replace("\\", "\\\\").replace('"', '\\"')
    return '"""\n' + body + '"""'


def value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return q(v)
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        return "{ " + ", ".join(f"{key(k)} = {value(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


def kv(lines: list[str], k: str, v, text: bool = False) -> None:
    if v is None:
        return
    lines.append(f"{key(k)} = {text_value(v) if text else value(v)}")


# ---------------------------------------------------------------------------
# model
# ---------------------------------------------------------------------------
@dataclass
class Org:
    id: str
    name: str
    kind: str
    short: str
    org_number: str
    key: float | None = None
    town: str = ""


@dataclass
class Person:
    id: str
    name: str
    title: str
    organisation: str
    note: str
    memberships: list = field(default_factory=list)


@dataclass
class Insats:
    id: str
    name: str
    category: str  # individ | struktur
    start: dt.date
    end: dt.date
    owner: str
    description: str
    steering: list = field(default_factory=list)
    decided_by: str | None = None
    lines: list = field(default_factory=list)  # years with a budget line


@dataclass
class Task:
    """An uppdrag. Kept as an object until the meeting is rendered, so that a later
    återrapport can still set its status and where it was reported."""

    title: str
    text: str
    responsible: str
    due: dt.date
    given: dt.date
    status: str = "pågående"
    reported: str | None = None


def fold(s: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", " ": "-", "–": "-"})
    return re.sub(r"[^a-z0-9-]", "", s.lower().translate(table)).strip("-")


def kr(n: int) -> str:
    """1250000 -> '1 250 000 kronor' (grouped, so no long digit runs)."""
    return f"{n:,}".replace(",", " ") + " kronor"


def weekday_on_or_after(d: dt.date) -> dt.date:
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def weekday_on_or_before(d: dt.date) -> dt.date:
    while d.weekday() >= 5:
        d -= dt.timedelta(days=1)
    return d


# ---------------------------------------------------------------------------
# the generator
# ---------------------------------------------------------------------------
class Generator:
    def __init__(self, meetings: int, seed: int):
        self.n = meetings
        self.rng = random.Random(seed)
        self.person_ids: set[str] = set()
        self.persons: list[Person] = []
        self.person_by_id: dict[str, Person] = {}

    # -- persons --------------------------------------------------------------------
    def new_person(self, title: str, organisation: str, note: str) -> Person:
        rng = self.rng
        while True:
            first = rng.choice(WOMEN if rng.random() < 0.5 else MEN)
            name = f"{first} {rng.choice(SURNAMES)}"
            pid = fold(name)
            if pid not in self.person_ids:
                break
        self.person_ids.add(pid)
        p = Person(pid, name, title, organisation, note)
        self.persons.append(p)
        self.person_by_id[pid] = p
        return p

    # -- schedule -------------------------------------------------------------------
    def plan_years(self) -> None:
        rng = self.rng
        # Whole years backwards from LAST_YEAR until there are enough meetings; the first
        # N in date order are kept, so only the last year(s) can be cut short.
        schedule: list[tuple[dt.date, str]] = []
        year = LAST_YEAR
        while len(schedule) < self.n:
            plan = {
                "styrelse": rng.randint(8, 11),
                "presidium": rng.randint(5, 8),
                "beredningsgrupp": rng.randint(18, 22),
                "medlemssamrad": rng.randint(1, 2),
            }
            schedule.extend(self.year_dates(year, plan))
            year -= 1
        self.first_year = year + 1
        schedule.sort(key=lambda t: (t[0], ORGAN_ORDER[t[1]]))
        self.schedule = schedule[: self.n]
        self.last_date = self.schedule[-1][0] if self.schedule else dt.date(self.first_year, 1, 1)
        self.last_year = self.last_date.year
        self.years = list(range(self.first_year, self.last_year + 1))

    def year_dates(self, year: int, plan: dict) -> list[tuple[dt.date, str]]:
        rng = self.rng
        out = []
        mandatory = [2, 6, 10, 11]
        optional = [1, 3, 4, 5, 8, 9, 12]
        months = sorted(mandatory + rng.sample(optional, plan["styrelse"] - len(mandatory)))
        styr = []
        for m in months:
            day = rng.randint(4, 22) if m != 12 else rng.randint(2, 15)
            d = weekday_on_or_after(dt.date(year, m, day))
            styr.append(d)
            out.append((d, "styrelse"))
        pres: set[dt.date] = set()
        for d in sorted(rng.sample(styr, plan["presidium"])):
            p = weekday_on_or_before(d - dt.timedelta(days=rng.randint(6, 10)))
            if p.year == year and p not in pres:
                pres.add(p)
                out.append((p, "presidium"))
        seen: set[dt.date] = set()
        k = plan["beredningsgrupp"]
        for i in range(k):
            doy = 10 + (330 * i) // k + rng.randint(0, 8)
            d = dt.date(year, 1, 1) + dt.timedelta(days=doy)
            if d.month == 7:
                d = dt.date(year, 8, rng.randint(8, 20))
            d = weekday_on_or_after(d)
            while d in seen:
                d = weekday_on_or_after(d + dt.timedelta(days=1))
            if d.year != year:
                continue
            seen.add(d)
            out.append((d, "beredningsgrupp"))
        ms_months = [3] if plan["medlemssamrad"] == 1 else [3, 10]
        for m in ms_months:
            out.append((weekday_on_or_after(dt.date(year, m, rng.randint(5, 25))), "medlemssamrad"))
        return out

    # -- organisations ----------------------------------------------------------------
    def make_orgs(self) -> None:
        rng = self.rng
        region_core = rng.choice(REGIONS)
        prefix = rng.choice(("Norra ", "Södra ", "Västra ", "Östra ", ""))
        self.forbund_name = f"Samordningsförbundet {prefix}{region_core}"
        n_kommuner = rng.randint(3, 7)
        towns: list[str] = []
        while len(towns) < n_kommuner:
            t = rng.choice(TOWN_PREFIX) + rng.choice(TOWN_SUFFIX)
            t = t[0] + t[1:].lower()
            if t not in towns:
                towns.append(t)
        self.towns = towns
        since = dt.date(min(self.first_year - 2, 2008), 1, 1)
        self.member_since = since
        orgs = [
            Org("forsakringskassan", "Försäkringskassan", "försäkringskassan", "FK", "202100-5521", town=towns[0]),
            Org("arbetsformedlingen", "Arbetsförmedlingen", "arbetsförmedlingen", "AF", "202100-2114", town=towns[0]),
            Org(f"region-{fold(region_core)}", f"Region {region_core}", "region",
                "R" + region_core[0], f"232100-{rng.randint(1000, 9999)}", town=towns[0]),
        ]
        weights = [rng.randint(5, 30) for _ in towns]
        total = sum(weights)
        shares = [round(100 * w / total) for w in weights]
        shares[0] += 100 - sum(shares)
        if shares[0] <= 0:  # pragma: no cover - the weights keep this positive
            shares = [100 // len(towns)] * len(towns)
            shares[0] += 100 - sum(shares)
        for town, share in zip(towns, shares):
            orgs.append(Org(fold(town), f"{town}s kommun" if not town.endswith("s") else f"{town} kommun", "kommun",
                            town, f"2120{rng.randint(10, 99)}-{rng.randint(1000, 9999)}", key=share / 100, town=town))
        self.orgs = orgs
        self.org_by_id = {o.id: o for o in orgs}
        self.region = orgs[2]
        self.kommuner = orgs[3:]
        self.office_town = towns[0]
        self.office = f"Förbundets kansli, {rng.choice(STREETS)} {rng.randint(1, 30)}, {towns[0]}"

    # -- memberships ------------------------------------------------------------------
    def term_starts(self) -> list[int]:
        t = TERM_ANCHOR - 4 * math.ceil((TERM_ANCHOR - self.first_year) / 4) if self.first_year < TERM_ANCHOR \
            else TERM_ANCHOR + 4 * ((self.first_year - TERM_ANCHOR) // 4)
        out = []
        while t <= self.last_year:
            out.append(t)
            t += 4
        return out

    def make_people(self) -> None:
        rng = self.rng
        starts = self.term_starts()
        self.terms: dict[int, dict] = {}  # term start -> who holds what
        prev = None
        for ti, ts in enumerate(starts):
            last_term = ti == len(starts) - 1
            start = dt.date(ts, 1, 1)
            end = None if last_term else dt.date(ts + 3, 12, 31)
            term = {"seat": {}, "sub": {}, "bg": {}, "ms": {}}
            # ordförande from a kommun or the region, vice ordförande from another one
            political = [self.region] + self.kommuner
            if prev and rng.random() < 0.6:
                chair_org = prev["chair_org"]
            else:
                chair_org = rng.choice(political).id
            vice_org = rng.choice([o.id for o in political if o.id != chair_org])
            term["chair_org"], term["vice_org"] = chair_org, vice_org
            for org in self.orgs:
                seat = sub = None
                if prev:
                    r = rng.random()
                    if r < 0.55:
                        seat = prev["seat"][org.id]
                    elif r < 0.75:
                        seat = prev["sub"][org.id]
                    if rng.random() < 0.5 and prev["sub"][org.id] != seat:
                        sub = prev["sub"][org.id]
                if seat is None:
                    seat = self.new_person(rng.choice(POLITICIAN_TITLES[org.kind]), org.name,
                                           f"{org.name}s representant i styrelsen.").id
                if sub is None:
                    sub = self.new_person(rng.choice(POLITICIAN_TITLES[org.kind]), org.name,
                                          f"{org.name}s ersättare i styrelsen.").id
                role = "ordförande" if org.id == chair_org else "vice ordförande" if org.id == vice_org else "ledamot"
                self.add_membership(seat, "styrelse", role, org.id, start, end)
                self.add_membership(sub, "styrelse", "ersättare", org.id, start, end, call_order=1)
                if role != "ledamot":
                    self.add_membership(seat, "presidium", role, org.id, start, end)
                term["seat"][org.id], term["sub"][org.id] = seat, sub
                # beredningsgrupp: officials, often the same person for several terms
                bg = prev["bg"][org.id] if prev and rng.random() < 0.6 else self.new_person(
                    rng.choice(OFFICIAL_TITLES[org.kind]), org.name,
                    f"Tjänsteperson: {org.name}s representant i beredningsgruppen.").id
                self.add_membership(bg, "beredningsgrupp", "ledamot", org.id, start, end)
                term["bg"][org.id] = bg
                ms = prev["ms"][org.id] if prev and rng.random() < 0.4 else self.new_person(
                    rng.choice(MS_TITLES[org.kind]), org.name, f"{org.name}s representant i medlemssamrådet.").id
                self.add_membership(ms, "medlemssamrad", "ledamot", org.id, start, end)
                term["ms"][org.id] = ms
            term["chair"] = term["seat"][chair_org]
            term["vice"] = term["seat"][vice_org]
            self.terms[ts] = term
            prev = term
        self.make_staff()

    def add_membership(self, pid, organ, role, org, start, end, call_order=None):
        m = {"organ": organ, "role": role}
        if org:
            m["on_behalf_of"] = org
        m["start"] = start
        if end:
            m["end"] = end
        if call_order:
            m["call_order"] = call_order
        self.person_by_id[pid].memberships.append(m)

    def make_staff(self) -> None:
        """Förbundschef, sekreterare and ekonom over the whole span, in tenures of several years."""
        rng = self.rng
        self.staff: dict[str, list[tuple[dt.date, dt.date | None, str]]] = {}
        organs = {"förbundschef": ("styrelse", "presidium"), "sekreterare": tuple(o[0] for o in ORGANS),
                  "ekonom": ("styrelse",)}
        titles = {"förbundschef": "förbundschef", "sekreterare": "administratör", "ekonom": "ekonom"}
        for role, role_organs in organs.items():
            tenures = []
            start = dt.date(self.first_year - rng.randint(0, 3), rng.choice((1, 3, 8)), 1)
            while True:
                years = rng.randint(6, 14)
                end_year = start.year + years
                if end_year > self.last_year:
                    end = None
                else:
                    end = dt.date(end_year, rng.choice((2, 5, 8)), rng.choice((14, 28)))
                p = self.new_person(titles[role], self.forbund_name,
                                    f"{titles[role].capitalize()}, anställd av förbundet.")
                for organ in role_organs:
                    self.add_membership(p.id, organ, role, None, start, end)
                tenures.append((start, end, p.id))
                if end is None:
                    break
                start = end + dt.timedelta(days=1)
            self.staff[role] = tenures

    def staff_on(self, role: str, d: dt.date) -> str:
        for start, end, pid in self.staff[role]:
            if start <= d and (end is None or d <= end):
                return pid
        return self.staff[role][-1][2]  # pragma: no cover - tenures cover the span

    def term_of(self, d: dt.date) -> dict:
        ts = max(t for t in self.terms if t <= d.year)
        return self.terms[ts]

    def name(self, pid: str) -> str:
        return self.person_by_id[pid].name

    # -- insatser ---------------------------------------------------------------------
    def make_insatser(self) -> None:
        rng = self.rng
        n = min(15, max(5, 5 + len(self.years) // 4 + rng.randint(-1, 2)))
        chosen = rng.sample(INSATS_NAMES, n)
        lo, hi = self.first_year - 2, self.last_year
        self.insatser: list[Insats] = []
        for i, (name, cat) in enumerate(chosen):
            # spread the start years over the span
            y0 = lo + ((hi - lo) * i) // max(1, n - 1) + rng.randint(-1, 1)
            y0 = max(lo, min(hi, y0))
            start = dt.date(y0, rng.choice((1, 1, 3, 8, 9)), 1)
            end = dt.date(y0 + rng.randint(3, 8) - 1, 12, 31)
            owner = rng.choice(self.kommuner + [self.region]).id
            grupp, metod = rng.choice(TARGET_GROUPS), rng.choice(METHODS)
            if cat == "individ":
                desc = (f"{name} ger {metod} till {grupp}. Deltagarna remitteras från Försäkringskassan, "
                        f"Arbetsförmedlingen, regionens vårdcentraler och kommunernas försörjningsstöd.")
            else:
                desc = (f"{name} är en strukturell insats som stärker samverkan mellan parterna genom {metod}. "
                        f"Insatsen riktar sig till medarbetare som möter {grupp}.")
            self.insatser.append(Insats(fold(name), name, cat, start, end, owner, desc))
        self.insatser.sort(key=lambda x: (x.start, x.id))

    def active_insatser(self, year: int) -> list[Insats]:
        return [i for i in self.insatser if i.start.year <= year <= i.end.year]

    # -- budget plan (lines known before the meetings are written) --------------------
    def plan_budgets(self) -> None:
        rng = self.rng
        self.budget_years = list(self.years)
        if any(d.year == self.last_year and d.month == 11 and o == "styrelse" for d, o in self.schedule):
            self.budget_years.append(self.last_year + 1)
        base = rng.randint(1400, 2000) * 4000
        self.budgets: dict[int, dict] = {}
        for y in self.budget_years:
            total = int(base * 1.022 ** (y - LAST_YEAR)) // 4000 * 4000
            lines = {"individinsatser": [], "strukturella": [], "administration": []}
            for ins in self.active_insatser(y):
                amount = rng.randint(40, 300) * 10000 if ins.category == "individ" else rng.randint(20, 80) * 10000
                lines["individinsatser" if ins.category == "individ" else "strukturella"].append(
                    [ins.id, ins.name, amount])
                ins.lines.append(y)
            lines["individinsatser"].append(["nya-insatser", "Utrymme för nya insatser", rng.randint(10, 40) * 10000])
            lines["strukturella"].append(["samverkansdagar", "Samverkansdagar och gemensamma utbildningar",
                                          rng.randint(10, 25) * 10000])
            lines["strukturella"].append(["utvardering", "Uppföljning och utvärdering", rng.randint(10, 30) * 10000])
            admin = total * rng.uniform(0.22, 0.30)
            for lid, lname, share in (("kansli-personal", "Personal, kansliet", 0.72),
                                      ("lokaler", "Lokaler", 0.08),
                                      ("ekonomi-revision", "Ekonomitjänst och revision", 0.11),
                                      ("it-ovrigt", "IT, försäkringar och övrigt", 0.09)):
                lines["administration"].append([lid, lname, int(admin * share) // 1000 * 1000])
            # scale the non-administrative lines so that costs ≈ income
            target = total * rng.uniform(0.95, 1.07) - sum(x[2] for x in lines["administration"])
            other = [x for c in ("individinsatser", "strukturella") for x in lines[c]]
            factor = target / max(1, sum(x[2] for x in other))
            for x in other:
                x[2] = max(10000, int(x[2] * factor) // 1000 * 1000)
            self.budgets[y] = {"total": total, "lines": lines, "interest": rng.randint(5, 40) * 1000,
                               "revise": rng.random() < 0.45, "decided_by": None, "rev": None}

    def line_ids(self, year: int) -> list[tuple[str, str]]:
        b = self.budgets.get(year)
        if not b:
            return []
        return [(x[0], x[1]) for c in b["lines"].values() for x in c]

    # -- meetings ---------------------------------------------------------------------
    def make_meetings(self) -> None:
        rng = self.rng
        self.meetings: list[dict] = []
        self.numbers: dict[tuple[str, int], int] = {}
        self.diarie: dict[int, int] = {}
        self.pending: list[Task] = []
        self.unreported: list[Task] = []
        self.prev_by_organ: dict[str, dict] = {}
        self.last_bg: dict | None = None
        next_by_index: dict[int, dt.date] = {}
        last_seen: dict[str, int] = {}
        for i, (d, organ) in enumerate(self.schedule):
            if organ in last_seen:
                next_by_index[last_seen[organ]] = d
            last_seen[organ] = i
        # which styrelse meeting decides which insats (a meeting in the year before it starts)
        self.insats_decisions: dict[dt.date, list[Insats]] = {}
        styr_dates = [d for d, o in self.schedule if o == "styrelse"]
        for ins in self.insatser:
            cands = [d for d in styr_dates if d.year == ins.start.year - 1 and d.month >= 4 and d < ins.start]
            if cands:
                self.insats_decisions.setdefault(rng.choice(cands), []).append(ins)
        self.annual_reports: set[int] = set()
        for i, (d, organ) in enumerate(self.schedule):
            m = self.meeting(d, organ, next_by_index.get(i))
            self.meetings.append(m)
            self.prev_by_organ[organ] = m
            if organ == "beredningsgrupp":
                self.last_bg = m
        for t in self.pending + self.unreported:
            t.status = "ny" if t.due > self.last_date and t.given > self.last_date - dt.timedelta(days=60) \
                else rng.choice(("pågående", "pågående", "pågående", "avbruten"))

    def fill(self, s: str, ctx: dict) -> str:
        rng = self.rng
        ins = rng.choice(ctx["insatser"]) if ctx["insatser"] else None
        kommuner = rng.sample(self.kommuner, 2)
        line = rng.choice(ctx["lines"])[1] if ctx["lines"] else "administrationen"
        n1 = rng.randint(12, 90)
        orgs = rng.sample(self.orgs, 2)
        return s.format(
            insats=ins.name if ins else "insatserna", n1=n1, n2=rng.randint(3, n1 // 2 + 3),
            line=line, belopp=kr(rng.randint(3, 60) * 10000), org=orgs[0].name, org2=orgs[1].name,
            yrke=rng.choice(YRKEN), aktivitet=rng.choice(AKTIVITETER), dokument=rng.choice(DOKUMENT),
            year=ctx["date"].year,
            procent=rng.choice((15, 20, 25)), month=rng.choice(MONTHS), kommun=kommuner[0].name,
            kommun2=kommuner[1].name, grupp=rng.choice(TARGET_GROUPS), tema=rng.choice(THEMES))

    def background(self, ctx: dict, lead: str | None = None, lo: int = 1, hi: int = 5) -> str:
        k = self.rng.randint(lo, hi)
        parts = [lead] if lead else []
        parts += [self.fill(s, ctx) for s in self.rng.sample(SENTENCES, k - (1 if lead else 0))]
        return " ".join(p for p in parts if p)

    def next_number(self, organ: str, year: int) -> int:
        n = self.numbers.get((organ, year), 0) + 1
        self.numbers[(organ, year)] = n
        return n

    def diarienummer(self, year: int) -> str:
        n = self.diarie.get(year, 0) + 1
        self.diarie[year] = n
        return f"{year}/{n:02d}"

    def place(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            return self.office
        return rng.choice(PLACES).format(street=rng.choice(STREETS), num=rng.randint(1, 40),
                                         town=rng.choice(self.towns))

    def attendance(self, d: dt.date, organ: str, term: dict):
        """(attendance dict, chair, present voting list)."""
        rng = self.rng
        if organ == "styrelse":
            voting, serving, subs, absent = [], [], [], []
            chair_absent = rng.random() < 0.05
            rows = []
            for org in self.orgs:
                seat, sub = term["seat"][org.id], term["sub"][org.id]
                if seat == term["chair"]:
                    seat_away = chair_absent
                elif seat == term["vice"]:
                    seat_away = False if chair_absent else rng.random() < 0.1
                else:
                    seat_away = rng.random() < 0.15
                sub_present = rng.random() < (0.85 if seat_away else 0.4)
                rows.append([org, seat, sub, seat_away, sub_present])
            need = len(self.orgs) // 2 + 1
            represented = sum(1 for r in rows if not r[3] or r[4])
            for r in rows:
                if represented >= need:
                    break
                if r[3] and not r[4]:
                    r[4] = True
                    represented += 1
            for org, seat, sub, away, sub_present in rows:
                if not away:
                    voting.append(seat)
                    if sub_present:
                        subs.append(sub)
                    elif rng.random() < 0.5:
                        absent.append(sub)
                else:
                    absent.append(seat)
                    if sub_present:
                        serving.append({"person": sub, "replaces": seat})
                    elif rng.random() < 0.7:
                        absent.append(sub)
            chair = term["vice"] if chair_absent else term["chair"]
            others = [self.staff_on("förbundschef", d), self.staff_on("sekreterare", d)]
            if rng.random() < 0.5:
                others.append(self.staff_on("ekonom", d))
            if rng.random() < 0.3:
                others.append({"name": f"{rng.choice(WOMEN + MEN)} {rng.choice(SURNAMES)}",
                               "role": f"{rng.choice(GUEST_ROLES)}, {rng.choice(self.orgs).name}"})
            att = {"voting": voting, "serving": serving, "substitutes": subs, "absent": absent, "others": others}
            deciding = voting + [s["person"] for s in serving]
            return att, chair, deciding
        if organ == "presidium":
            voting = [term["chair"], term["vice"]]
            att = {"voting": voting,
                   "others": [self.staff_on("förbundschef", d), self.staff_on("sekreterare", d)]}
            return att, term["chair"], voting
        group = "bg" if organ == "beredningsgrupp" else "ms"
        members = [term[group][o.id] for o in self.orgs]
        if organ == "beredningsgrupp":
            chair = term["bg"][self.region.id]
        else:  # the medlemssamråd is called by the kommuner in turn
            chair = term["ms"][self.kommuner[d.year % len(self.kommuner)].id]
        voting, absent = [], []
        for pid in members:
            if pid != chair and rng.random() < 0.15 and len(absent) < len(members) - 3:
                absent.append(pid)
            else:
                voting.append(pid)
        others = [self.staff_on("förbundschef", d), self.staff_on("sekreterare", d)]
        if organ == "medlemssamrad":
            others[1:1] = [term["chair"], term["vice"]]
        att = {"voting": voting, "absent": absent, "others": others}
        return att, chair, voting

    def meeting(self, d: dt.date, organ: str, next_meeting: dt.date | None) -> dict:
        rng = self.rng
        term = self.term_of(d)
        att, chair, deciding = self.attendance(d, organ, term)
        candidates = [p for p in deciding if p != chair]
        n_adj = 1 if organ in ("styrelse", "presidium") or rng.random() < 0.5 else 2
        adjusters = rng.sample(candidates, min(n_adj, len(candidates)))
        secretary = self.staff_on("sekreterare", d)
        j = d + dt.timedelta(days=rng.randint(2, 12))
        posted = j + dt.timedelta(days=rng.randint(0, 2))
        removed = posted + dt.timedelta(days=rng.randint(21, 28))
        ctx = {"insatser": self.active_insatser(d.year), "lines": self.line_ids(d.year), "date": d,
               "organ": organ, "deciding": deciding, "chair": chair, "term": term, "adjusters": adjusters}
        decides = DECIDES[organ]
        kind = "ordinarie"
        first_styr_of_term = (organ == "styrelse" and d.year in self.terms
                              and self.numbers.get((organ, d.year), 0) == 0)
        if first_styr_of_term:
            kind = "konstituerande"
        elif organ == "styrelse" and rng.random() < 0.03:
            kind = "extra"
        items: list[dict] = []
        num = lambda: self.next_number(organ, d.year)  # noqa: E731
        adj_names = " och ".join(self.name(a) for a in adjusters)
        items.append({"number": num(), "title": "Mötets öppnande", "kind": "information",
                      "background": f"Ordföranden {self.name(chair)} hälsar välkommen och öppnar mötet."})
        if decides:
            items.append({"number": num(), "title": "Val av justerare", "kind": "val",
                          "decision": [f"att utse {adj_names} att jämte ordföranden justera dagens protokoll"]})
            items.append({"number": num(), "title": "Godkännande av dagordning", "kind": "beslut",
                          "decision": ["att godkänna dagordningen"]})
        else:
            items.append({"number": num(), "title": "Val av justerare", "kind": "information",
                          "background": f"{adj_names} utses att jämte ordföranden justera minnesanteckningarna."})
            items.append({"number": num(), "title": "Godkännande av dagordning", "kind": "information",
                          "background": "Dagordningen godkänns utan tillägg."})
        prev = self.prev_by_organ.get(organ)
        if prev is not None:
            item = {"number": num(), "title": "Föregående protokoll", "kind": "beslut" if decides else "information",
                    "refs": [prev["id"]]}
            if decides:
                item["decision"] = [f"att lägga protokollet från {prev['date'].isoformat()} till handlingarna"]
            else:
                item["background"] = "Minnesanteckningarna från föregående möte gås igenom."
            items.append(item)
        target_total = rng.randint(6, 14)
        room = max(1, target_total - len(items) - 2)
        body = self.body(d, organ, ctx, room, first_styr_of_term)
        for it in body:
            it["number"] = num()
            tasks = it.pop("_tasks", None)
            items.append(it)
            hook = it.pop("_hook", None)
            if hook:
                hook(f"{organ}/{d.year}/§{it['number']}")
            if tasks:
                it["tasks"] = tasks
        items.append({"number": num(), "title": "Övriga frågor", "kind": "övrigt",
                      "background": self.background(ctx, None, 1, 2) if rng.random() < 0.6
                      else "Inga övriga frågor anmäls."})
        items.append({"number": num(), "title": "Mötets avslutande", "kind": "information",
                      "background": rng.choice(("Ordföranden tackar för visat intresse och avslutar mötet.",
                                                "Ordföranden avslutar mötet.",
                                                "Ordföranden tackar deltagarna och avslutar mötet."))})
        # sort keys in item order for writing
        ordered = []
        for it in items:
            ordered.append({k: it[k] for k in ("number", "title", "kind", "diarienummer", "background", "proposal",
                                               "decision", "attachments", "refs", "reservations", "jav",
                                               "tasks", "sub") if k in it})
        stem = d.isoformat()
        return {
            "id": f"{organ}/{stem}", "organ": organ, "kind": kind, "date": d,
            "start": rng.choice(("09:00", "13:00")) if organ in ("styrelse", "medlemssamrad")
            else rng.choice(("08:30", "10:00", "13:30")),
            "duration": rng.choice((2, 3)) if organ != "presidium" else 1,
            "place": self.place() if organ != "presidium" else self.office,
            "diarienummer": self.diarienummer(d.year), "chair": chair, "secretary": secretary,
            "adjusters": adjusters, "next_meeting": next_meeting, "attendance": att,
            "justering": {"date": j, "place": rng.choice(("Digital signering", self.office))},
            "anslag": {"posted": posted, "removed": removed, "storage": self.office},
            "items": ordered,
        }

    # -- agenda bodies ----------------------------------------------------------------
    def body(self, d, organ, ctx, room, constituting) -> list[dict]:
        if organ == "styrelse":
            return self.styrelse_body(d, ctx, room, constituting)
        if organ == "presidium":
            return self.presidium_body(d, ctx, room)
        if organ == "beredningsgrupp":
            return self.bg_body(d, ctx, room)
        return self.ms_body(d, ctx, room)

    def new_task(self, d: dt.date, title: str, text: str) -> Task:
        rng = self.rng
        who = rng.choice(("förbundschef", "förbundschef", "ekonom"))
        t = Task(title, text, self.staff_on(who, d), d + dt.timedelta(days=rng.randint(30, 150)), d)
        if rng.random() < 0.8:
            self.pending.append(t)  # reported back in a later styrelse meeting
        else:
            self.unreported.append(t)
        return t

    @staticmethod
    def task_table(t: Task) -> dict:
        out = {"task": t.text, "responsible": t.responsible, "due": t.due, "status": t.status}
        if t.reported:
            out["reported"] = t.reported
        return out

    def styrelse_body(self, d: dt.date, ctx: dict, room: int, constituting: bool) -> list[dict]:
        rng = self.rng
        y = d.year
        out: list[dict] = []
        term = ctx["term"]
        if constituting:
            out.append({"title": "Val av ordförande och vice ordförande", "kind": "val",
                        "background": f"Mandatperioden {y}–{y + 3} inleds. Medlemmarna har utsett sina ledamöter "
                                      f"och ersättare i styrelsen.",
                        "decision": [f"att välja {self.name(term['chair'])} till ordförande för perioden",
                                     f"att välja {self.name(term['vice'])} till vice ordförande för perioden"]})
        month = d.month
        if month in (2, 3) and y not in self.annual_reports:
            self.annual_reports.add(y)
            refs = [f"budget/{y - 1}"] if y - 1 in self.budgets else []
            out.append({"title": f"Årsredovisning {y - 1}", "kind": "beslut", "diarienummer": self.diarienummer(y),
                        "background": self.background(ctx, f"Förbundschefen och ekonomen redovisar årsredovisningen "
                                                           f"för {y - 1}.", 2, 4),
                        "proposal": "Styrelsen föreslås godkänna årsredovisningen.",
                        "decision": [f"att godkänna årsredovisningen för {y - 1}",
                                     "att överlämna årsredovisningen till medlemmarna och revisorerna"],
                        "attachments": [f"Bilaga 1 Årsredovisning {y - 1}"], "refs": refs})
        budget = self.budgets.get(y)
        if month == 6 and budget and budget["revise"] and budget["rev"] is None:
            lines = rng.sample(self.line_ids(y), 2)

            def hook(ref, budget=budget, d=d):
                budget["rev"] = (ref, d)
            out.append({"title": f"Reviderad budget {y}", "kind": "beslut", "diarienummer": self.diarienummer(y),
                        "background": self.background(
                            ctx, "Förbundschefen redovisar förslaget till reviderad budget, som beretts av "
                                 "beredningsgruppen.", 2, 4),
                        "proposal": "Förbundschefen föreslår att styrelsen godkänner den reviderade budgeten.",
                        "decision": [f"att godkänna reviderad budget för {y} enligt bilaga 1"],
                        "attachments": [f"Bilaga 1 Reviderad budget {y}"],
                        "refs": [f"budget/{y}"] + [f"budget/{y}/{lid}" for lid, _ in lines], "_hook": hook})
        if month == 10:
            out.append({"title": f"Delårsrapport januari–augusti {y}", "kind": "beslut",
                        "background": self.background(
                            ctx, "Ekonomen redovisar delårsrapporten med prognos för helåret.", 2, 4),
                        "decision": ["att godkänna delårsrapporten och överlämna den till medlemmarna"],
                        "refs": [f"budget/{y}"]})
        if month == 11 and (y + 1) in self.budgets:
            nb = self.budgets[y + 1]

            def hook(ref, nb=nb):
                nb["decided_by"] = ref
            out.append({"title": f"Verksamhetsplan och budget {y + 1}", "kind": "beslut",
                        "diarienummer": self.diarienummer(y),
                        "background": self.background(ctx, f"Förbundschefen presenterar förslaget till "
                                                           f"verksamhetsplan och budget för {y + 1} med plan för "
                                                           f"{y + 2}–{y + 3}.", 2, 5),
                        "proposal": "Styrelsen föreslås fastställa verksamhetsplan och budget.",
                        "decision": [f"att fastställa verksamhetsplan och budget för {y + 1}",
                                     f"att godkänna planeringsramarna för {y + 2}–{y + 3}"],
                        "attachments": [f"Bilaga 1 Verksamhetsplan och budget {y + 1}"],
                        "refs": [f"budget/{y + 1}"], "_hook": hook})
        for ins in self.insats_decisions.get(d, []):
            item = {"title": f"Beslut om finansiering av {ins.name}", "kind": "beslut",
                    "diarienummer": self.diarienummer(y),
                    "background": (f"{ins.description} Insatsen föreslås pågå {ins.start.isoformat()} till "
                                   f"{ins.end.isoformat()} med {self.org_by_id[ins.owner].name} som huvudman."),
                    "proposal": f"Beredningsgruppen föreslår att styrelsen beviljar medel till {ins.name}.",
                    "decision": [f"att bevilja finansiering av {ins.name} under perioden "
                                 f"{ins.start.year}–{ins.end.year}",
                                 "att insatsen ska följas upp i SUS och redovisas för styrelsen "
                                 "två gånger per år"],
                    "refs": [f"insats/{ins.id}"]}
            owner_seat = term["seat"][ins.owner]
            if owner_seat in ctx["deciding"] and owner_seat != ctx["chair"] and rng.random() < 0.4:
                item["jav"] = [{"person": owner_seat}]

            def hook(ref, ins=ins):
                ins.decided_by = ref
            item["_hook"] = hook
            out.append(item)
        # återrapporter of earlier tasks
        n_back = 0
        while self.pending and n_back < 2 and len(out) < room:
            t = self.pending[0]
            if t.due > d + dt.timedelta(days=45) and rng.random() < 0.8:
                break
            self.pending.pop(0)
            n_back += 1

            def hook(ref, t=t):
                t.reported = ref
                t.status = "klar"
            out.append({"title": f"Återrapport: {t.title}",
                        "kind": "information",
                        "background": self.background(ctx, f"{self.name(t.responsible)} återrapporterar uppdraget "
                                                           f"som gavs den {t.given.isoformat()}.", 1, 3),
                        "decision": ["att lägga återrapporten till handlingarna"], "_hook": hook})
        pool = self.styrelse_pool(d, ctx)
        while len(out) < room and pool:
            out.append(pool.pop(0)())
        return out

    def styrelse_pool(self, d: dt.date, ctx: dict) -> list:
        rng = self.rng
        y = d.year
        ins_list = ctx["insatser"]

        def ekonomi():
            return {"title": f"Ekonomisk uppföljning till och med {MONTHS[(d.month - 2) % 12]}", "kind": "information",
                    "background": self.background(ctx, "Ekonomen redovisar utfallet mot budget.", 2, 4),
                    "decision": ["att lägga den ekonomiska uppföljningen till handlingarna"],
                    "refs": [f"budget/{y}"]}

        def lagesrapport():
            ins = rng.choice(ins_list)
            refs = [f"insats/{ins.id}"]
            if y in ins.lines:
                refs.append(f"budget/{y}/{ins.id}")
            return {"title": f"{ins.name} – lägesrapport", "kind": "information",
                    "background": self.background(ctx, f"Processledaren för {ins.name} redovisar läget.", 1, 5),
                    "refs": refs}

        def bg_rapport():
            item = {"title": "Rapport från beredningsgruppen", "kind": "information",
                    "background": self.background(ctx, "Förbundschefen rapporterar från beredningsgruppens senaste "
                                                       "möte.", 1, 3)}
            if self.last_bg is not None:
                item["refs"] = [self.last_bg["id"]]
            return item

        def information():
            subs = []
            for k in range(rng.randint(2, 4)):
                sub = {"letter": "abcd"[k], "title": rng.choice((
                    "Samverkansdag", "Nationella nätverket för samordningsförbund", "Kansliets bemanning",
                    "Rapport från SUS", "Brukarrådet", "Revisionens granskning", "Omvärldsbevakning",
                    "Arbetsförmedlingens reformering", "Försäkringskassans uppdrag om samverkan", "Webbplatsen",
                    "Regionens primärvårdsreform", "Kommunernas arbetsmarknadsenheter")) + f" {y}",
                       "background": self.background(ctx, None, 1, 3)}
                if "Samverkansdag" in sub["title"] and ctx["lines"]:
                    sub["refs"] = [f"budget/{y}/samverkansdagar"]
                subs.append(sub)
            return {"title": "Informationsärenden", "kind": "information",
                    "decision": ["att lägga informationen till handlingarna"], "sub": subs}

        def ansokan():
            name = rng.choice(("Arbetsträning för unga", "Hälsoinriktad rehabilitering", "Förstudie om IPS",
                               "Kartläggningsteam", "Språkstöd i arbetsträning", "Familjecentrerat stöd",
                               "Digital vägledning", "Gemensam utbildningsdag"))
            beviljas = rng.random() < 0.7
            belopp = kr(rng.randint(5, 60) * 10000)
            item = {"title": f"Ansökan om medel: {name}", "kind": "beslut", "diarienummer": self.diarienummer(y),
                    "background": self.background(ctx, f"{rng.choice(self.orgs).name} ansöker om {belopp} för "
                                                       f"{name.lower()}.", 2, 5),
                    "proposal": "Beredningsgruppen tillstyrker ansökan." if beviljas
                    else "Beredningsgruppen avstyrker ansökan.",
                    "decision": [f"att bevilja {belopp} till {name.lower()} för {y}" if beviljas
                                 else "att avslå ansökan"],
                    "refs": [f"budget/{y}/nya-insatser"]}
            if beviljas:
                item["_tasks"] = [self.new_task(d, f"uppföljning av {name.lower()}",
                                                f"Följa upp {name.lower()} och redovisa resultatet för styrelsen.")]
            voters = [p for p in ctx["deciding"] if p != ctx["chair"]]
            if voters and rng.random() < 0.1:
                item["reservations"] = [{"person": rng.choice(voters),
                                         "text": "Till förmån för eget yrkande om avslag."}]
            return item

        def uppdrag():
            topic = rng.choice(("en gemensam rutin för remittering", "behovet av insatser för unga vuxna",
                                "en plan för utvärdering av insatserna", "formerna för brukarinflytande",
                                "en kommunikationsplan", "möjligheten att söka medel från Europeiska socialfonden",
                                "en ny förbundsordning", "samverkan med arbetsgivare"))
            t = self.new_task(d, f"utredning om {topic}", f"Utreda {topic} och återkomma till styrelsen.")
            return {"title": f"Uppdrag: {topic}", "kind": "beslut",
                    "background": self.background(ctx, None, 1, 3),
                    "decision": [f"att uppdra åt förbundschefen att utreda {topic}"],
                    "_tasks": [t]}

        def delegation():
            return {"title": "Redovisning av delegationsbeslut", "kind": "delegationsbeslut",
                    "background": "Förbundschefen redovisar beslut fattade på delegation sedan föregående möte.",
                    "decision": ["att lägga redovisningen av delegationsbeslut till handlingarna"]}

        def diskussion():
            tema = rng.choice(THEMES)
            return {"title": f"Strategisk diskussion: {tema}", "kind": "diskussion",
                    "background": self.background(ctx, None, 2, 5)}

        def internkontroll():
            return {"title": f"Internkontrollplan {y}", "kind": "beslut",
                    "background": self.background(
                        ctx, "Kansliet har tagit fram förslag till internkontrollplan.", 1, 2),
                    "decision": [f"att anta internkontrollplanen för {y}"]}

        def yttrande():
            what = rng.choice(("regionens förslag till folkhälsoprogram", "kommunernas arbetsmarknadsstrategi",
                               "förslag till ändrad förbundsordning",
                               "nationell utredning om samordnad rehabilitering"))
            return {"title": f"Yttrande över {what}", "kind": "beslut",
                    "background": self.background(ctx, None, 1, 3),
                    "decision": ["att avge yttrande enligt kansliets förslag"]}

        makers = [ekonomi, information, bg_rapport, delegation, diskussion, uppdrag, ansokan, yttrande]
        if ins_list:
            makers += [lagesrapport, lagesrapport]
        if d.month <= 3:
            makers.append(internkontroll)
        rng.shuffle(makers)
        return makers

    def draw(self, pool: list, out: list[dict], room: int) -> list[dict]:
        """out with items made by the pool's makers, in a random order, until room is filled."""
        self.rng.shuffle(pool)
        while len(out) < room and pool:
            out.append(pool.pop()())
        return out

    def presidium_body(self, d: dt.date, ctx: dict, room: int) -> list[dict]:
        out = []
        nxt = next((f"styrelse/{dd.isoformat()}" for dd, o in self.schedule if o == "styrelse" and dd > d), None)
        item = {"title": "Beredning av styrelsens dagordning", "kind": "information",
                "background": self.background(ctx, "Förbundschefen går igenom förslaget till dagordning för "
                                                   "styrelsens nästa möte.", 1, 3)}
        if nxt:
            item["refs"] = [nxt]
        out.append(item)
        pool = [
            lambda: {"title": "Förbundschefens rapport", "kind": "information",
                     "background": self.background(ctx, None, 2, 5)},
            lambda: {"title": "Arbetsgivarfrågor", "kind": "information",
                     "background": "Presidiet går igenom kansliets bemanning och förbundschefens arbetsmiljö."},
            lambda: {"title": "Brådskande ärende: deltagande i konferens", "kind": "beslut",
                     "decision": ["att förbundschefen och ordföranden deltar i den nationella konferensen "
                                  "för samordningsförbund"]},
            lambda: {"title": "Ekonomiskt läge", "kind": "information", "refs": [f"budget/{d.year}"],
                     "background": self.background(ctx, None, 1, 3)},
            lambda: {"title": "Inför medlemssamrådet", "kind": "diskussion",
                     "background": self.background(ctx, None, 1, 3)},
        ]
        return self.draw(pool, out, room)

    def bg_body(self, d: dt.date, ctx: dict, room: int) -> list[dict]:
        rng = self.rng
        y = d.year
        out = []
        pool = [
            lambda: {"title": "Runda bland parterna", "kind": "information",
                     "background": self.background(ctx, "Varje part berättar om aktuella frågor i sin organisation.",
                                                   2, 5)},
            lambda: {"title": "Omvärldsbevakning", "kind": "diskussion",
                     "background": self.background(ctx, None, 1, 4)},
            lambda: {"title": f"Planering av samverkansdag {y}", "kind": "diskussion",
                     "background": self.background(ctx, None, 1, 3), "refs": [f"budget/{y}/samverkansdagar"]},
            lambda: {"title": "Uppföljning av insatserna i SUS", "kind": "information",
                     "background": self.background(ctx, None, 2, 4)},
            lambda: {"title": "Beredning av ärenden till styrelsen", "kind": "diskussion",
                     "background": self.background(
                         ctx, "Gruppen bereder ärendena till styrelsens nästa möte.", 1, 4)},
            lambda: {"title": "Ekonomisk uppföljning", "kind": "information", "refs": [f"budget/{y}"],
                     "background": self.background(ctx, "Förbundschefen redovisar utfallet mot budget.", 1, 3)},
            lambda: {"title": f"Samverkan kring {rng.choice(TARGET_GROUPS)}", "kind": "diskussion",
                     "background": self.background(ctx, None, 2, 5)},
        ]
        for ins in rng.sample(ctx["insatser"], min(2, len(ctx["insatser"]))):
            pool.append(lambda ins=ins: {"title": f"{ins.name} – rapport från styrgruppen", "kind": "information",
                                         "background": self.background(ctx, None, 1, 4),
                                         "refs": [f"insats/{ins.id}"]})
        return self.draw(pool, out, room)

    def ms_body(self, d: dt.date, ctx: dict, room: int) -> list[dict]:
        rng = self.rng
        y = d.year
        out = []
        refs = [f"budget/{y - 1}"] if (y - 1) in self.budgets else [f"budget/{y}"]
        pool = [
            lambda: {"title": f"Förbundets verksamhet och resultat {y - 1}", "kind": "information",
                     "background": self.background(ctx, "Förbundets ordförande och förbundschefen redovisar "
                                                        "verksamheten.", 2, 5),
                     "refs": refs + [f"insats/{i.id}" for i in ctx["insatser"][:3]]},
            lambda: {"title": "Medlemsbidrag och eget kapital", "kind": "diskussion",
                     "background": self.background(ctx, None, 2, 5), "refs": [f"budget/{y}"]},
            lambda: {"title": f"Medlemmarnas förväntningar på förbundet inför {y + 1}", "kind": "diskussion",
                     "background": self.background(ctx, None, 2, 5)},
            lambda: {"title": "Förbundsordningen", "kind": "diskussion",
                     "background": self.background(ctx, None, 1, 3)},
            lambda: {"title": f"Tema: {rng.choice(THEMES)}", "kind": "information",
                     "background": self.background(ctx, None, 2, 5)},
        ]
        return self.draw(pool, out, room)

    # -- budgets (final) ----------------------------------------------------------------
    def budget_record(self, y: int, equity: int) -> tuple[str, int]:
        rng = self.rng
        b = self.budgets[y]
        complete = y < self.last_year
        versions = [{"id": "budget", "kind": "budget", "label": f"Budget {y}"}]
        if b["decided_by"]:
            versions[0]["decided_by"] = b["decided_by"]
        vids = ["budget"]
        if b["rev"]:
            ref, date = b["rev"]
            versions.append({"id": "rev1", "kind": "revidering", "label": f"Reviderad budget {y}", "date": date,
                             "decided_by": ref})
            vids.append("rev1")
        if complete:
            versions.append({"id": "utfall", "kind": "utfall", "label": f"Utfall {y}", "date": dt.date(y, 12, 31)})
            vids.append("utfall")
        # line amounts per version
        cats = []
        for cid, cname, ckind in (("individinsatser", "Individinsatser", "individinsatser"),
                                  ("strukturella", "Strukturella insatser", "strukturella insatser"),
                                  ("administration", "Administrativa kostnader", "administrativa kostnader")):
            lines = []
            for lid, lname, amount in b["lines"][cid]:
                amounts = {"budget": amount}
                if "rev1" in vids:
                    amounts["rev1"] = amount + (rng.choice((-1, 1)) * rng.randint(1, 15) * 10000
                                                if rng.random() < 0.3 and amount > 200000 else 0)
                if "utfall" in vids:
                    base = amounts.get("rev1", amount)
                    amounts["utfall"] = int(base * rng.uniform(0.82, 1.04)) // 100 * 100
                lines.append((lid, lname, amounts))
            cats.append((cid, cname, ckind, lines))
        total = b["total"]
        kommun_part = total // 4
        income = []
        for org in self.orgs:
            if org.kind == "kommun":
                continue
            income.append((org.id, total // 4))
        acc = 0
        for k, org in enumerate(self.kommuner):
            amount = kommun_part - acc if k == len(self.kommuner) - 1 else int(kommun_part * org.key) // 1000 * 1000
            acc += amount
            income.append((org.id, amount))
        interest = {"budget": b["interest"]}
        if "rev1" in vids:
            interest["rev1"] = b["interest"] + rng.randint(0, 10) * 1000
        if "utfall" in vids:
            interest["utfall"] = b["interest"] + rng.randint(-4, 12) * 1000
        sums = {"income": {}, "costs": {}, "result": {}}
        for v in vids:
            inc = sum(a for _, a in income) + interest[v]
            cost = sum(am[v] for _, _, _, lines in cats for _, _, am in lines)
            sums["income"][v], sums["costs"][v], sums["result"][v] = inc, cost, inc - cost
        lines_out = [f"# Budget {y}" + (" med revidering" if b["rev"] else "") + (" och utfall." if complete else "."),
                     "# Syntetiska belopp; medlemsbidragen följer fördelningen ½–¼–¼.", ""]
        kv(lines_out, "year", y)
        kv(lines_out, "equity_start", equity)
        for v in versions:
            lines_out += ["", "[[versions]]"]
            for k in ("id", "kind", "label", "date", "decided_by"):
                kv(lines_out, k, v.get(k))
        lines_out += ["", "# --- Intäkter: medlemsbidrag (staten 1/2, regionen 1/4, kommunerna 1/4) ---"]
        for member, amount in income:
            lines_out += ["", "[[income]]"]
            kv(lines_out, "member", member)
            kv(lines_out, "amounts", {v: amount for v in vids})
        lines_out += ["", "[[other_income]]"]
        kv(lines_out, "id", "ranteintakter")
        kv(lines_out, "name", "Ränteintäkter")
        kv(lines_out, "amounts", interest)
        lines_out += ["", "# --- Kostnader ---"]
        for cid, cname, ckind, lines in cats:
            lines_out += ["", "[[categories]]"]
            kv(lines_out, "id", cid)
            kv(lines_out, "name", cname)
            kv(lines_out, "kind", ckind)
            kv(lines_out, "total", {v: sum(am[v] for _, _, am in lines) for v in vids})
            for lid, lname, am in lines:
                lines_out += ["", "[[categories.lines]]"]
                kv(lines_out, "id", lid)
                kv(lines_out, "name", lname)
                kv(lines_out, "amounts", am)
        lines_out += ["", "[totals]"]
        for k in ("income", "costs", "result"):
            kv(lines_out, k, sums[k])
        final = sums["result"]["utfall" if complete else vids[-1]]
        return "\n".join(lines_out) + "\n", equity + final

    # -- writing --------------------------------------------------------------------------
    def render_meeting(self, m: dict) -> str:
        organ = m["organ"]
        items = m["items"]
        organ_name = {o[0]: o[1] for o in ORGANS}[organ]
        out = [f"# {organ_name}, möte {m['date'].isoformat()}, §{items[0]['number']}–§{items[-1]['number']}."]
        if not DECIDES[organ]:
            out.append("# Organet fattar inga beslut; protokollet är minnesanteckningar som justeras och anslås.")
        kv(out, "organ", organ)
        kv(out, "kind", m["kind"])
        kv(out, "date", m["date"])
        kv(out, "start", m["start"])
        h, mi = (int(x) for x in m["start"].split(":"))
        kv(out, "end", f"{h + m['duration']:02d}:{mi:02d}")
        kv(out, "place", m["place"])
        kv(out, "state", "anslagen")
        kv(out, "diarienummer", m["diarienummer"])
        kv(out, "chair", m["chair"])
        kv(out, "secretary", m["secretary"])
        kv(out, "adjusters", m["adjusters"])
        kv(out, "next_meeting", m["next_meeting"])
        out += ["", "[attendance]"]
        for k in ("voting", "serving", "substitutes", "absent", "others"):
            if m["attendance"].get(k):
                kv(out, k, m["attendance"][k])
        out += ["", "[justering]"]
        kv(out, "date", m["justering"]["date"])
        kv(out, "place", m["justering"]["place"])
        out += ["", "[anslag]"]
        for k in ("posted", "removed", "storage"):
            kv(out, k, m["anslag"][k])
        for it in items:
            out += ["", "[[items]]"]
            self.render_item(out, it, "items")
        return "\n".join(out) + "\n"

    def render_item(self, out: list[str], it: dict, prefix: str) -> None:
        for k, v in it.items():
            if k in ("tasks", "sub"):
                continue
            kv(out, k, v, text=k in ("background", "proposal"))
        for t in it.get("tasks", []):
            out += ["", f"[[{prefix}.tasks]]"]
            for k in ("task", "responsible", "due", "status", "reported"):
                kv(out, k, t.get(k))
        for s in it.get("sub", []):
            out += ["", f"[[{prefix}.sub]]"]
            self.render_item(out, s, prefix + ".sub")

    def render_person(self, p: Person) -> str:
        out = [f"# {p.note}"]
        kv(out, "name", p.name)
        kv(out, "title", p.title)
        kv(out, "organisation", p.organisation)
        for m in p.memberships:
            out += ["", "[[memberships]]"]
            for k in ("organ", "role", "on_behalf_of", "start", "end", "call_order"):
                kv(out, k, m.get(k))
        return "\n".join(out) + "\n"

    def render_insats(self, ins: Insats) -> str:
        rng = self.rng
        out = [f"# Insats med {self.org_by_id[ins.owner].name} som huvudman."]
        kv(out, "name", ins.name)
        kv(out, "description", ins.description, text=True)
        kv(out, "start", ins.start)
        kv(out, "end", ins.end)
        kv(out, "owner", ins.owner)
        kv(out, "budget_lines", [f"budget/{y}/{ins.id}" for y in ins.lines])
        kv(out, "steering_group", ins.steering)
        kv(out, "decided_by", ins.decided_by)
        for y in range(ins.start.year, min(ins.end.year, self.last_year) + 1):
            women, men = rng.randint(3, 60), rng.randint(3, 55)
            total = women + men
            new = rng.randint(0, total)
            ended = rng.randint(0, total)
            reasons = {}
            left = ended
            for r in ("arbete", "studier", "annan insats"):
                x = rng.randint(0, left)
                reasons[r] = x
                left -= x
            reasons["annat"] = left
            out += ["", "[[statistics]]"]
            for k, v in (("year", y), ("women", women), ("men", men), ("new", new), ("ended", ended),
                         ("ended_reasons", reasons)):
                kv(out, k, v)
        return "\n".join(out) + "\n"

    def render_org(self, o: Org) -> str:
        out = [f"# Förbundsmedlem: {o.name}."]
        kv(out, "name", o.name)
        kv(out, "kind", o.kind)
        kv(out, "short", o.short)
        kv(out, "org_number", o.org_number)
        if o.key is not None:
            kv(out, "contribution_key", o.key)
        kv(out, "member_since", self.member_since)
        return "\n".join(out) + "\n"

    def render_forbund(self) -> str:
        out = [MARKER + " (syntetiskt arkiv för prestandamätning; påhittade personer).",
               f"# {self.n} möten {self.first_year}–{self.last_year}."]
        kv(out, "name", self.forbund_name)
        kv(out, "org_number", f"2220{self.rng.randint(10, 99)}-{self.rng.randint(1000, 9999)}")
        kv(out, "language", "sv")
        kv(out, "paragraph_numbering", "per_år")
        kv(out, "quorum", "mer_än_hälften")
        kv(out, "adjusters_must_vote", False)
        kv(out, "address", self.office.split(", ", 1)[1])
        kv(out, "storage", self.office)
        out += ["", "[seats]", "members = 1", "substitutes = 1", "", "[deadlines]", "justering_days = 14",
                "anslag_within_days = 2", "anslag_min_days = 21", 'budget_month_day = "11-30"']
        for oid, name, kind, decides in ORGANS:
            out += ["", "[[organs]]"]
            kv(out, "id", oid)
            kv(out, "name", name)
            kv(out, "kind", kind)
            kv(out, "decides", decides)
        return "\n".join(out) + "\n"

    def run(self) -> dict[str, str]:
        """Build everything; return rel path -> file text."""
        self.plan_years()
        self.make_orgs()
        self.make_people()
        self.make_insatser()
        self.plan_budgets()
        self.make_meetings()
        for ins in self.insatser:
            y = max(self.first_year, min(self.last_year, ins.start.year))
            term = self.term_of(dt.date(y, 6, 1))
            ins.steering = self.rng.sample([term["bg"][o.id] for o in self.orgs], self.rng.randint(2, 4))
        files: dict[str, str] = {"forbund.toml": self.render_forbund()}
        for o in self.orgs:
            files[f"organisationer/{o.id}.toml"] = self.render_org(o)
        for p in self.persons:
            files[f"personer/{p.id}.toml"] = self.render_person(p)
        for ins in self.insatser:
            files[f"insatser/{ins.id}.toml"] = self.render_insats(ins)
        equity = self.rng.randint(150, 400) * 10000
        for y in self.budget_years:
            files[f"budgetar/{y}.toml"], equity = self.budget_record(y, equity)
        for m in self.meetings:
            for it in m["items"]:
                if "tasks" in it:
                    it["tasks"] = [self.task_table(t) if isinstance(t, Task) else t for t in it["tasks"]]
            files[f"moten/{m['organ']}/{m['date'].year}/{m['date'].isoformat()}.toml"] = locked(self.render_meeting(m))
        return files


def locked(text: str) -> str:
    """The meeting text with its justering fingerprint (what `finsam lock` writes)."""
    import tomllib

    start = text.index("\n[justering]\n")
    end = text.index("\n\n", start + 1)
    line = f'\nfingerprint = "{fingerprint(tomllib.loads(text))}"'
    return text[:end] + line + text[end:]


def _is_generated(out_dir: Path) -> bool:
    f = out_dir / "forbund.toml"
    try:
        return f.is_file() and f.read_text(encoding="utf-8").startswith(MARKER)
    except (OSError, UnicodeDecodeError):
        return False


def generate(out_dir: Path, meetings: int, seed: int = 1) -> dict:
    """Write a synthetic records folder with `meetings` meetings to out_dir; return stats."""
    out_dir = Path(out_dir)
    if meetings < 1:
        raise ValueError("meetings must be at least 1")
    t0 = time.perf_counter()
    if out_dir.exists():
        if not out_dir.is_dir():
            raise FileExistsError(f"{out_dir} is not a directory")
        if any(out_dir.iterdir()):
            if not _is_generated(out_dir):
                raise FileExistsError(f"{out_dir} is not empty and does not hold a generated archive")
            for child in out_dir.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
    gen = Generator(meetings, seed)
    files = gen.run()
    total = 0
    made: set[Path] = set()
    for rel, text in files.items():
        path = out_dir / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return {
        "files": len(files), "bytes": total, "meetings": len(gen.meetings), "persons": len(gen.persons),
        "years": f"{gen.first_year}–{gen.last_year}", "seconds": round(time.perf_counter() - t0, 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a synthetic, valid records folder for benchmarks.")
    ap.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    ap.add_argument("--meetings", type=int, required=True, metavar="N")
    ap.add_argument("--seed", type=int, default=1, metavar="S")
    args = ap.parse_args(argv)
    if args.meetings < 1:
        ap.error("--meetings must be at least 1")
    try:
        stats = generate(args.out_dir, args.meetings, args.seed)
    except FileExistsError as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    print(f"{stats['files']} files, {stats['bytes']} bytes, {stats['meetings']} meetings, "
          f"{stats['persons']} persons, years {stats['years']}, {stats['seconds']} s -> {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

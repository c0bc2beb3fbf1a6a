"""The words of ``finsam COMMAND --help`` for the lookup commands (search, show, refs, person,
decisions, uppdrag, history), Swedish (default) and English. Keys as in ``cli_help.py``.
"""

from __future__ import annotations

SV: dict[str, str] = {
    # --- search -----------------------------------------------------------------------------------
    "search:help": "fritextsökning i §§, beslut, uppdrag, namn, insatser och budgetrader",
    "search:description": ("Sök i rubriker, bakgrundstexter, att-satser, uppdrag och namn. Skiftlägesokänsligt "
                           "(också å, ä och ö); varje ord matchar som början på ett ord och alla ord måste "
                           "matcha."),
    "search:examples": """exempel:
  finsam search samordningsteamet              varje § som nämner det
  finsam search "extern utvärd" --year 2023    båda orden (som ordbörjan), under 2023
  finsam search budget --organ styrelse --kind beslut
  finsam search lindqvist --format json

--kind är en typ av ärende (information, diskussion, beslut, delegationsbeslut, val, övrigt)
eller person, organisation, insats, budgetrad.
slutstatus: 0 träffar, 1 inga träffar, 2 användningsfel eller ingen arkivmapp
""",
    "search:QUERY": "ord att hitta (vart och ett som början på ett ord)",
    "search:--year": "bara det här året",
    "search:--organ": "bara det här organet (dess id, t.ex. styrelse)",
    "search:--kind": "bara den här typen av ärende eller post",
    "search:--limit": "högst så här många träffar (standard 50)",
    # --- show ---------------------------------------------------------------------------------------
    "show:help": "visa en post eller § i läsbar form, med hänvisningarna utskrivna som namn",
    "show:description": ("Visa en post eller paragraf: en § med sitt möte, bakgrund, förslag, beslut, "
                         "reservationer, jäv, uppdrag och hänvisningar; ett möte med närvaro och sina §§; en "
                         "person, medlemsorganisation, insats, budget, budgetrad eller ett organ."),
    "show:examples": """exempel:
  finsam show styrelse/2023-06-09/§27        en § i ett möte
  finsam show styrelse/2023/§17              en § per år (numrering per_år)
  finsam show styrelse/2023-04-14            ett möte: närvaro och dess §§
  finsam show person/margareta-ekholm        en person (eller bara: finsam show margareta-ekholm)
  finsam show budget/2023                    en budget: versioner, kategorier, radsummor
  finsam show budget/2023/utvardering        en budgetrad
  finsam show insats/samordningsteamet --format json

slutstatus: 0 visad, 1 ingen sådan post (den närmaste nämns), 2 felaktig referens eller
ingen arkivmapp
""",
    "show:REF": "vad som ska visas, t.ex. styrelse/2023-06-09/§27 eller person/<id>",
    # --- refs ---------------------------------------------------------------------------------------
    "refs:help": "lista allt som hänvisar till en person, organisation, ett möte, en §, budgetrad eller insats",
    "refs:description": ("Hänvisningar hit: varje ställe i handlingarna som hänvisar till REF, med sin roll "
                         "(ordförande, justerare, anmält förhinder, reservation, uppdrag, hänvisning, beslutad i "
                         "…), datum, rubrik och fil:rad. Ett möte tar med hänvisningarna till sina §§, en § de "
                         "till sina underpunkter, en budget de till sina rader."),
    "refs:examples": """exempel:
  finsam refs person/kjell-ivarsson          där en person var justerare, närvarande, frånvarande, reserverade sig …
  finsam refs kjell-ivarsson                 detsamma: bara en persons id
  finsam refs org/bjorkvik                   företrädare, medlemsbidrag, insatser som huvudman
  finsam refs styrelse/2023/§17              vem som hänvisar till en § (återrapport, hänvisning …)
  finsam refs styrelse/2023-04-14            hänvisningar till ett möte eller någon av dess §§
  finsam refs budget/2023/utvardering        vilka §§ som rörde en budgetrad
  finsam refs insats/samordningsteamet --format json
  finsam refs styrelse                       ett organs medlemskap och möten

slutstatus: 0 hittade, 1 inget hänvisar till REF eller REF finns inte (den närmaste
nämns), 2 felaktig referens eller ingen arkivmapp
""",
    "refs:REF": "vad hänvisningarna ska gå till, t.ex. person/<id> eller styrelse/2023/§17",
    # --- person -------------------------------------------------------------------------------------
    "person:help": "en persons roller över tid, möten närvarande/frånvarande, justeringar, reservationer, uppdrag",
    "person:description": ("Allt handlingarna säger om en person: roller i organen över tid, mötena personen "
                           "var närvarande vid (beslutande, tjänstgörande, ersättare, adjungerad, övrig) eller "
                           "frånvarande från (anmält förhinder), mötena personen var ordförande vid, justerade "
                           "eller förde protokoll vid, reservationer och jäv, uppdragen personen fick och "
                           "styrgrupperna personen sitter i."),
    "person:examples": """exempel:
  finsam person kjell-ivarsson               justeringar, reservationer, närvaro
  finsam person person/annika-berglof        prefixet person/ går också bra
  finsam person annika-berglof --format json
  finsam person margareta-ekholm --lang en

slutstatus: 0 hittad, 1 ingen sådan person (den närmaste nämns), 2 ID är något annat än
en person, eller ingen arkivmapp
""",
    "person:ID": "personens id, t.ex. kjell-ivarsson (eller person/kjell-ivarsson)",
    # --- decisions ----------------------------------------------------------------------------------
    "decisions:help": "beslutsregistret, per år och organ",
    "decisions:description": ("Varje § med att-satser eller en beslutstext, i datumordning: referens, datum, "
                              "rubrik och beslutet. Filtrera med --year och --organ. (finsam export decisions "
                              "skriver samma register som Markdown.)"),
    "decisions:examples": """exempel:
  finsam decisions                           alla beslut
  finsam decisions --year 2023               besluten 2023
  finsam decisions --year 2022 --organ styrelse
  finsam decisions --format json --lang en

slutstatus: 0 hittade, 1 inga beslut matchar, 2 okänt organ eller ingen arkivmapp
""",
    "decisions:--year": "bara beslut från det här året",
    "decisions:--organ": "bara beslut av det här organet (dess id, t.ex. styrelse)",
    # --- uppdrag ------------------------------------------------------------------------------------
    "uppdrag:help": "uppdragsregistret: öppna eller alla, per person, organ och år",
    "uppdrag:description": ("Varje uppdrag som getts under en §, i datumordning: §, datum, status, ansvarig, "
                            "klart senast, uppgiften och var den återrapporterades. --open behåller de som "
                            "fortfarande är ny eller pågående."),
    "uppdrag:examples": """exempel:
  finsam uppdrag --open                      det som återstår att göra
  finsam uppdrag --person annika-berglof     en persons uppdrag
  finsam uppdrag --organ styrelse --year 2023
  finsam uppdrag --format json

slutstatus: 0 hittade, 1 inga uppdrag matchar (eller --person är ingen person; den närmaste
nämns), 2 okänt organ eller ingen arkivmapp
""",
    "uppdrag:--open": "bara uppdrag med status ny eller pågående",
    "uppdrag:--person": "bara den här personens uppdrag (ansvarig)",
    "uppdrag:--organ": "bara uppdrag givna av det här organet (dess id, t.ex. styrelse)",
    "uppdrag:--year": "bara uppdrag givna vid möten det här året",
    # --- history ------------------------------------------------------------------------------------
    "history:help": "visa vem som ändrade en post och när, med incheckningsmeddelandena (git log, följer namnbyten)",
    "history:description": ("Lista incheckningarna som ändrade en posts fil, nyast först: datum, författare, "
                            "incheckning och meddelande, och följ filen genom namnbyten. REF är en referens som "
                            "i docs/format.md (en § visar sitt mötes historik, en budgetrad sin budgets), ett "
                            "id, forbund eller sökvägen till en postfil."),
    "history:examples": """exempel:
  finsam history styrelse/2023-04-14           ett möte
  finsam history person/margareta-ekholm       en person (eller bara: finsam history margareta-ekholm)
  finsam history budget/2023                   en budget
  finsam history forbund                       förbundets inställningar
  finsam history insats/ung-framtid --format json

slutstatus: 0 visad, 1 arkivmappen ligger inte i git eller posten har ingen historik,
2 felaktig referens
""",
    "history:REF": "posten, t.ex. styrelse/2023-04-14, person/<id>, budget/2023",
}

EN: dict[str, str] = {
    "search:help": "full-text search over §§, decisions, uppdrag, names, insatser and budget lines",
    "search:description": ("Search titles, background texts, decision clauses, uppdrag and names. Case-insensitive "
                           "(å, ä and ö too); every word matches as a word prefix and all words must match."),
    "search:examples": """examples:
  finsam search samordningsteamet              every § that mentions it
  finsam search "extern utvärd" --year 2023    both words (as prefixes), in 2023
  finsam search budget --organ styrelse --kind beslut
  finsam search lindqvist --format json

--kind is an item kind (information, diskussion, beslut, delegationsbeslut, val, övrigt)
or person, organisation, insats, budgetrad.
exit status: 0 hits, 1 no hits, 2 usage error or not a records folder
""",
    "search:QUERY": "words to find (each as a word prefix)",
    "search:--year": "only this year",
    "search:--organ": "only this organ (its id, e.g. styrelse)",
    "search:--kind": "only this kind of item or record",
    "search:--limit": "at most this many hits (default 50)",
    "show:help": "show a record or § in readable form, with its references resolved to names",
    "show:description": ("Show one record or paragraph: a § with its meeting, background, proposal, decision, "
                         "reservations, jäv, uppdrag and references; a meeting with attendance and its §§; a person, "
                         "member organisation, insats, budget, budget line or organ."),
    "show:examples": """examples:
  finsam show styrelse/2023-06-09/§27        a § of a meeting
  finsam show styrelse/2023/§17              a § by year (per_år numbering)
  finsam show styrelse/2023-04-14            a meeting: attendance and its §§
  finsam show person/margareta-ekholm        a person (or just: finsam show margareta-ekholm)
  finsam show budget/2023                    a budget: versions, categories, line totals
  finsam show budget/2023/utvardering        one budget line
  finsam show insats/samordningsteamet --format json

exit status: 0 shown, 1 no such record (the nearest is named), 2 malformed reference or
not a records folder
""",
    "show:REF": "what to show, e.g. styrelse/2023-06-09/§27 or person/<id>",
    "refs:help": "list everything that refers to a person, organisation, meeting, §, budget line or insats",
    "refs:description": ("Backlinks: every place in the records that refers to REF, with its role (ordförande, "
                         "justerare, anmält förhinder, reservation, uppdrag, hänvisning, beslutad i …), date, title "
                         "and file:line. A meeting includes the references to its §§, a § those to its sub-items, a "
                         "budget those to its lines."),
    "refs:examples": """examples:
  finsam refs person/kjell-ivarsson          where a person was adjuster, present, absent, reserved …
  finsam refs kjell-ivarsson                 the same: a bare id of a person
  finsam refs org/bjorkvik                   representatives, contributions, insatser owned
  finsam refs styrelse/2023/§17              who refers to a § (reported back, hänvisning …)
  finsam refs styrelse/2023-04-14            references to a meeting or any of its §§
  finsam refs budget/2023/utvardering        which §§ touched a budget line
  finsam refs insats/samordningsteamet --format json
  finsam refs styrelse                       memberships and meetings of an organ

exit status: 0 found, 1 nothing refers to REF or REF does not exist (the nearest is
named), 2 malformed reference or not a records folder
""",
    "refs:REF": "what to find references to, e.g. person/<id> or styrelse/2023/§17",
    "person:help": "a person's roles over time, meetings present/absent, adjuster duties, reservations, uppdrag",
    "person:description": ("Everything the records say about one person: roles in the organs over time, the meetings "
                           "they were present at (beslutande, tjänstgörande, ersättare, adjungerad, övrig) or absent "
                           "from (anmält förhinder), the meetings they chaired, adjusted or kept the minutes of, their "
                           "reservations and jäv, the uppdrag they were given and the steering groups they sit in."),
    "person:examples": """examples:
  finsam person kjell-ivarsson               adjuster duties, reservations, attendance
  finsam person person/annika-berglof        the person/ prefix is accepted too
  finsam person annika-berglof --format json
  finsam person margareta-ekholm --lang en

exit status: 0 found, 1 no such person (the nearest is named), 2 ID names something that
is not a person, or not a records folder
""",
    "person:ID": "the person's id, e.g. kjell-ivarsson (or person/kjell-ivarsson)",
    "decisions:help": "the register of decisions, by year and organ",
    "decisions:description": ("Every § with decision clauses or a decision text, in date order: reference, date, "
                              "title and the decision. Filter with --year and --organ. (finsam export decisions "
                              "writes the same register as Markdown.)"),
    "decisions:examples": """examples:
  finsam decisions                           every decision
  finsam decisions --year 2023               the decisions of 2023
  finsam decisions --year 2022 --organ styrelse
  finsam decisions --format json --lang en

exit status: 0 found, 1 no decisions match, 2 unknown organ or not a records folder
""",
    "decisions:--year": "only decisions of this year",
    "decisions:--organ": "only decisions of this organ (its id, e.g. styrelse)",
    "uppdrag:help": "the register of uppdrag (tasks): open or all, by person, organ and year",
    "uppdrag:description": ("Every uppdrag given under a §, in date order: the §, date, status, responsible, due "
                            "date, the task and where it was reported back. --open keeps those still ny or "
                            "pågående."),
    "uppdrag:examples": """examples:
  finsam uppdrag --open                      what is still to be done
  finsam uppdrag --person annika-berglof     one person's uppdrag
  finsam uppdrag --organ styrelse --year 2023
  finsam uppdrag --format json

exit status: 0 found, 1 no uppdrag match (or --person names no person; the nearest is
named), 2 unknown organ or not a records folder
""",
    "uppdrag:--open": "only uppdrag with status ny or pågående",
    "uppdrag:--person": "only uppdrag of this person (responsible)",
    "uppdrag:--organ": "only uppdrag given by this organ (its id, e.g. styrelse)",
    "uppdrag:--year": "only uppdrag given at meetings of this year",
    "history:help": "show who changed a record and when, with the commit messages (git log, following renames)",
    "history:description": ("List the commits that changed a record's file, newest first: date, author, commit and "
                            "message, following the file through renames. REF is a reference as in docs/format.md (a "
                            "§ shows its meeting's history, a budget line its budget's), a bare id, forbund, or a "
                            "path to a record file."),
    "history:examples": """examples:
  finsam history styrelse/2023-04-14           a meeting
  finsam history person/margareta-ekholm       a person (or just: finsam history margareta-ekholm)
  finsam history budget/2023                   a budget
  finsam history forbund                       the förbund's settings
  finsam history insats/ung-framtid --format json

exit status: 0 shown, 1 the records folder is not in git or the record has no history,
2 malformed reference
""",
    "history:REF": "the record, e.g. styrelse/2023-04-14, person/<id>, budget/2023",
}

CATALOGUE: dict[str, dict[str, str]] = {"sv": SV, "en": EN}

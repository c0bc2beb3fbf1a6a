"""The words of ``finsam COMMAND --help`` for the documents: export (protocols, agendas,
extracts, budgets, the decision register) and the adjusted protocol (lock, correct),
Swedish (default) and English. Keys as in ``cli_help.py``; ``export:KIND`` is the help of
``finsam export KIND``.
"""

from __future__ import annotations

SV: dict[str, str] = {
    # --- export -------------------------------------------------------------------------------------
    "export:help": "skriv protokoll, kallelser, utdrag, budgetar och beslutsregistret som Markdown",
    "export:description": ("Exportera handlingar som Markdown (CommonMark med tabeller): de dokument ett kansli "
                           "sätter upp på anslagstavlan och lägger i arkivet. Utdata går till stdout om inte "
                           "-o FILE anges."),
    "export:examples": """exempel:
  finsam export protocol styrelse/2023-04-14             protokollet från ett möte
  finsam export agenda styrelse/2023-04-14 -o kallelse.md   kallelse och föredragningslista, till en fil
  finsam export extract styrelse/2023-04-14 §17 §20a     protokollsutdrag av två paragrafer
  finsam export budget 2023 --lang en                    budgetens alla versioner sida vid sida
  finsam export decisions --year 2023 --organ styrelse   beslutsregistret
  finsam export all --out export                         allt, med en index.md

Ett möte vars underlag har fel vägras (slutstatus 1) om inte --draft anges, som märker
handlingen UTKAST.

slutstatus: 0 skrivet, 1 underlaget för handlingen har fel, 2 användningsfel
(okänt möte, §, år eller organ; en sökväg utanför --out; ingen arkivmapp)
""",
    "export:--draft": "exportera även om underlaget har fel, märkt UTKAST",
    "export:--output": "skriv till FILE i stället för stdout",
    "export:protocol": "protokollet från ett möte",
    "export:agenda": "kallelse och föredragningslista till ett möte, med öppna uppdrag att följa upp",
    "export:extract": "protokollsutdrag: valda paragrafer ur ett möte",
    "export:budget": "ett års budget: versionerna sida vid sida, avvikelse, medlemmarnas andelar",
    "export:decisions": "beslutsregistret",
    "export:all": "varje handling, och en index.md som länkar till dem",
    "export:REF": "mötet, t.ex. styrelse/2023-04-14",
    "export:§N": "paragrafer, t.ex. §17 §20a",
    "export:YEAR": "budgetåret, t.ex. 2023",
    "export:--year": "bara beslut från det här året",
    "export:--organ": "bara beslut av det här organet (dess id, t.ex. styrelse)",
    "export:--out": "mappen att skriva till (skapas om den saknas)",
    # --- lock ---------------------------------------------------------------------------------------
    "lock:help": "lås innehållet i justerade möten med ett fingeravtryck",
    "lock:description": ("Skriv fingeravtrycket av ett justerat eller anslaget mötes innehåll i [justering], och "
                         "namnen och rollerna som protokollet visar i [justering.printed]. Därefter rapporterar "
                         "`finsam validate` varje ändring som inte är förd som en rättelse (finsam correct); "
                         "uppdragens status och återrapportering får ändras utan rättelse."),
    "lock:examples": """exempel:
  finsam lock styrelse/2023-04-14        lås ett möte
  finsam lock --all                      lås varje justerat möte som inte är låst än
  finsam lock --all --upgrade            skriv om äldre fingeravtryck (som omfattade uppdragens status)
  finsam lock styrelse/2023-04-14 --freeze-names
                                         frys namnen i ett möte som låstes utan dem (namnen som de
                                         står i filerna i dag, inte nödvändigtvis vid justeringen)

slutstatus: 0 låst (eller redan låst), 1 mötet har fel eller har ändrats sedan det låstes,
2 användningsfel (okänt möte, inte justerat, ingen arkivmapp)
""",
    "lock:REF": "mötet, t.ex. styrelse/2023-04-14",
    "lock:--all": "varje justerat möte som inte är låst än (med --upgrade/--freeze-names: varje låst möte)",
    "lock:--upgrade": "skriv om ett fingeravtryck i den äldre formeln (som omfattade uppdragens status) i den nya",
    "lock:--freeze-names": ("frys namnen och rollerna i ett möte som låstes utan dem, som filerna anger dem i dag "
                            "(inte nödvändigtvis som de var vid justeringen)"),
    # --- correct --------------------------------------------------------------------------------------
    "correct:help": "för in en ändring i ett justerat protokoll som en rättelse",
    "correct:description": ("När ett låst möte har redigerats: för in ändringen som en rättelse, med datum, "
                            "vem, vad och varför. Protokollsexporten skriver ut rättelserna."),
    "correct:examples": """exempel:
  finsam correct styrelse/2023-04-14 --by johanna-lilja \\
      --what "§17: stavning av utvärderarens namn" --why "skrivfel i justerat protokoll"

slutstatus: 0 införd, 1 inget har ändrats sedan låsningen, 2 användningsfel
""",
    "correct:REF": "mötet, t.ex. styrelse/2023-04-14",
    "correct:--by": "vem som gör rättelsen (ett person-id)",
    "correct:--what": "vad som ändrades",
    "correct:--why": "varför",
    "correct:--date": "rättelsens datum (standard: idag)",
}

EN: dict[str, str] = {
    "export:help": "write protocols, agendas, extracts, budgets and the decision register as Markdown",
    "export:description": ("Export records as Markdown (CommonMark with tables): the documents an office puts on the "
                           "notice board and in the archive. Output goes to stdout unless -o FILE is given."),
    "export:examples": """examples:
  finsam export protocol styrelse/2023-04-14             the minutes of a meeting
  finsam export agenda styrelse/2023-04-14 -o kallelse.md   notice and agenda, to a file
  finsam export extract styrelse/2023-04-14 §17 §20a     protokollsutdrag of two paragraphs
  finsam export budget 2023 --lang en                    every budget version side by side
  finsam export decisions --year 2023 --organ styrelse   the register of decisions
  finsam export all --out export                         everything, with an index.md

A meeting whose records have errors is refused (exit 1) unless --draft, which marks the
document UTKAST.

exit status: 0 written, 1 the records behind the document have errors, 2 usage error
(unknown meeting, §, year or organ; a path outside --out; not a records folder)
""",
    "export:--draft": "export even if the records have errors, marked UTKAST (draft)",
    "export:--output": "write to FILE instead of stdout",
    "export:protocol": "the protocol (minutes) of a meeting",
    "export:agenda": "kallelse and föredragningslista of a meeting, with open uppdrag to follow up",
    "export:extract": "protokollsutdrag: chosen paragraphs of a meeting",
    "export:budget": "a year's budget: versions side by side, deviation, member shares",
    "export:decisions": "the register of decisions",
    "export:all": "every document, plus an index.md linking them",
    "export:REF": "the meeting, e.g. styrelse/2023-04-14",
    "export:§N": "paragraphs, e.g. §17 §20a",
    "export:YEAR": "the budget year, e.g. 2023",
    "export:--year": "only decisions of this year",
    "export:--organ": "only decisions of this organ (its id, e.g. styrelse)",
    "export:--out": "the folder to write (created if missing)",
    "lock:help": "fix the content of adjusted (justerade) meetings with a fingerprint",
    "lock:description": ("Write the content fingerprint of a justerad or anslagen meeting into [justering], and the "
                         "names and roles the minutes show into [justering.printed]. From then on `finsam validate` "
                         "reports any change that is not recorded as a correction (finsam correct); the tasks' "
                         "status and report-back may change without one."),
    "lock:examples": """examples:
  finsam lock styrelse/2023-04-14        lock one meeting
  finsam lock --all                      lock every adjusted meeting that is not locked yet
  finsam lock --all --upgrade            rewrite older fingerprints (which covered the tasks' status)
  finsam lock styrelse/2023-04-14 --freeze-names
                                         freeze the names of a meeting locked without them (the names
                                         as the files say them today, not necessarily at adjustment)

exit status: 0 locked (or already), 1 the meeting has errors or changed since it was locked,
2 usage error (unknown meeting, not adjusted, not a records folder)
""",
    "lock:REF": "the meeting, e.g. styrelse/2023-04-14",
    "lock:--all": "every adjusted meeting that is not locked yet (with --upgrade/--freeze-names: every locked one)",
    "lock:--upgrade": "rewrite a fingerprint in the older formula (which covered the tasks' status) in the new one",
    "lock:--freeze-names": ("freeze the names and roles of a meeting locked without them, as the files say them "
                            "today (not necessarily as they were at adjustment)"),
    "correct:help": "record a change to adjusted minutes as a correction (rättelse)",
    "correct:description": ("After editing a locked meeting, record the change as a correction: date, by whom, what "
                            "and why. The protocol export prints the corrections."),
    "correct:examples": """examples:
  finsam correct styrelse/2023-04-14 --by johanna-lilja \\
      --what "§17: stavning av utvärderarens namn" --why "skrivfel i justerat protokoll"

exit status: 0 recorded, 1 nothing changed since the lock, 2 usage error
""",
    "correct:REF": "the meeting, e.g. styrelse/2023-04-14",
    "correct:--by": "who makes the correction (a person id)",
    "correct:--what": "what was changed",
    "correct:--why": "why",
    "correct:--date": "date of the correction (default: today)",
}

CATALOGUE: dict[str, dict[str, str]] = {"sv": SV, "en": EN}

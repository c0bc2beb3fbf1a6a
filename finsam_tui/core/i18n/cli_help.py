"""The words of ``finsam --help`` and ``finsam COMMAND --help``, Swedish (default) and English,
part 1: argparse's own words, the options every command shares, ``finsam`` itself, and the
commands for the records folder and the interface (validate, fmt, schema, init, tui, serve).

Keys: ``COMMAND:help`` (the line in the list of commands), ``COMMAND:description``,
``COMMAND:examples`` (the epilog) and ``COMMAND:ARG`` (an argument's help, by its name as
written on the command line). The lookup commands are in ``cli_help_lookups.py``, export,
lock and correct in ``cli_help_documents.py``; ``cli.py`` merges them into one catalogue.
"""

from __future__ import annotations

SV: dict[str, str] = {
    # --- argparse's own words ---------------------------------------------------------------
    "argparse:usage": "användning: ",
    "argparse:positional arguments": "argument",
    "argparse:options": "flaggor",
    "option:-h": "visa den här hjälpen och avsluta",
    "option:--version": "visa programmets version och avsluta",
    # --- options of many commands --------------------------------------------------------------
    "option:dir": "arkivmappen (standard: $FINSAM_RECORDS, annars arkivmappen du står i, annars ./records)",
    "option:--records": "arkivmappen (standard: $FINSAM_RECORDS, annars arkivmappen du står i, annars ./records)",
    "option:--lang": "språk (standard: förbundets, annars sv)",
    "option:--format": "utdataformat (standard: text)",
    # --- finsam -----------------------------------------------------------------------------------
    "finsam:description": "Ett samordningsförbunds handlingar som vanliga TOML-filer.",
    "finsam:--records": ("utan kommando: öppna terminalgränssnittet på DIR (standard: $FINSAM_RECORDS, "
                         "annars arkivmappen du står i, annars ./records)"),
    "finsam:--lang": "utan kommando: terminalgränssnittets språk",
    "finsam:examples": """exempel:
  finsam                             öppna terminalgränssnittet på ./records (eller $FINSAM_RECORDS)
  finsam validate                    kontrollera varje post i ./records
  finsam validate records --lang en  detsamma, med meddelanden på engelska
  finsam validate --format json      maskinläsbara fynd för CI
  finsam validate --git              pröva också låsta protokoll mot git-historiken (som finsam verify)
  finsam export protocol styrelse/2023-04-14 -o protokoll.md
  finsam export all --out export     alla protokoll, kallelser, budgetar och beslutsregistret

varje kommando har en egen hjälp med exempel: finsam COMMAND --help
hjälpen är på svenska; på engelska med --lang en (eller FINSAM_LANG=en)
""",
    # --- validate -----------------------------------------------------------------------------------
    "validate:help": "kontrollera varje post och rapportera fynd som en kompilator",
    "validate:description": "Kontrollera syntax, schema, hänvisningar och domänens regler för varje post i DIR.",
    "validate:examples": """exempel:
  finsam validate                    kontrollera ./records
  finsam validate records --lang en  meddelanden på engelska
  finsam validate --format json      maskinläsbara fynd för CI
  finsam validate --git              pröva också låsta protokoll mot git-historiken (som finsam verify)

slutstatus: 0 inga fel (varningar tillåtna), 1 fel, 2 användningsfel eller DIR är ingen arkivmapp
""",
    # --- fmt -------------------------------------------------------------------------------------------
    "fmt:help": ("formatera postfilerna på det kanoniska sättet (nyckelordning, listor, strängar); --check bara "
                 "rapporterar"),
    "fmt:description": ("Skriv om postfilerna i kanonisk form: nycklarna i postdefinitionens ordning (okända "
                        "nycklar efter de kända), enhetliga listor och strängar, en radbrytning sist. "
                        "Kommentarer behålls och följer nyckeln eller tabellen de står ovanför; datan ändras "
                        "aldrig, så låsta möten förblir låsta. En fil med syntaxfel lämnas orörd och "
                        "rapporteras. PATH är en postfil eller en mapp (standard: arkivmappen)."),
    "fmt:examples": """exempel:
  finsam fmt                                   formatera varje post i ./records
  finsam fmt --check                           lista filerna som skulle ändras (för CI och pre-commit)
  finsam fmt --check --diff                    ... och visa hur de skulle ändras
  finsam fmt records/personer/anna-lindqvist.toml

slutstatus: 0 formaterat (eller inget att ändra), 1 --check hittade filer att ändra eller en fil kunde
inte formateras (syntaxfel), 2 användningsfel (ingen sådan fil, ingen arkivmapp)
""",
    "fmt:PATH": "postfiler eller mappar (standard: arkivmappen)",
    "fmt:--check": "ändra ingenting; lista filerna som skulle ändras, slutstatus 1 om några",
    "fmt:--diff": "med --check: visa ändringarna som en unified diff",
    # --- schema ----------------------------------------------------------------------------------------
    "schema:help": "skriv posttypernas JSON-scheman för editorer (taplo, Even Better TOML)",
    "schema:description": ("Skriv ut JSON-schemat för en posttyp, eller skriv alla till en mapp. De genereras ur "
                           "postdefinitionerna, så editorer kontrollerar typer, obligatoriska nycklar och "
                           "tillåtna värden och fyller i nycklar medan du skriver. Med --taplo skrivs också en "
                           ".taplo.toml som kopplar varje postfil till sitt schema (finsam init skriver båda)."),
    "schema:examples": """exempel:
  finsam schema meeting                          skriv ut schemat för en mötesfil
  finsam schema --out records/.finsam-schema     skriv varje typs schema (förnya efter en uppgradering)
  finsam schema --out records/.finsam-schema --taplo records/.taplo.toml
                                                 ... och .taplo.toml som använder dem

typer: forbund, organisation, person, meeting, budget, insats
slutstatus: 0 skrivet, 2 användningsfel
""",
    "schema:KIND": "skriv ut den här typens schema: {kinds}",
    "schema:--out": "skriv varje typs schema till DIR som KIND.json",
    "schema:--taplo": ("skriv en .taplo.toml som kopplar posterna till schemana (i --out, standard "
                       ".finsam-schema bredvid FILE)"),
    # --- init ------------------------------------------------------------------------------------------
    "init:help": "skapa en ny arkivmapp för ett nytt förbund (inställningar, mappar, git)",
    "init:description": ("Skapa en arkivmapp: forbund.toml med förbundets inställningar och dess tre organ "
                         "(styrelse, medlemssamråd, beredningsgrupp), postmapparna, en .gitignore för cachen, "
                         "editorschemana med en .taplo.toml och, om du vill, exempel på medlemsorganisationer. "
                         "Inställningar som inte anges som flaggor frågas efter (Enter behåller standardvärdet "
                         "som visas). DIR läggs i ett nytt git-förråd om den inte redan ligger i ett, och den "
                         "första incheckningen görs om du vill. --yes svarar ja på allt och tar standardvärdena: "
                         "med --name NAME --yes frågas ingenting. Den nya mappen valideras utan fynd."),
    "init:examples": """exempel:
  finsam init norra-dalen                       frågar efter namn, org.nummer, numrering, språk, exempel
  finsam init norra-dalen --name "Samordningsförbundet Norra Dalen" --yes
                                                inga frågor: standardvärden, git init och första incheckning
  finsam init arkiv --name "Samordningsförbundet Väst" --org-number 222000-1234 \\
              --numbering per_möte --lang sv --examples --yes

slutstatus: 0 skapad, 1 vägrat (DIR har redan en forbund.toml) eller första incheckningen misslyckades,
2 användningsfel (ett ogiltigt flaggvärde, DIR är en fil)
""",
    "init:DIR": "den nya arkivmappen (skapas om den saknas)",
    "init:--name": "förbundets namn, t.ex. \"Samordningsförbundet Norra Dalen\"",
    "init:--org-number": "förbundets organisationsnummer",
    "init:--numbering": "§-numrering: per_år (löpande över året, standard) eller per_möte",
    "init:--lang": "förbundets språk (standard sv); också frågornas",
    "init:--examples": "lägg till exempel på medlemsorganisationer (FK, AF, en region, en kommun)",
    "init:--no-examples": "inga exempelorganisationer",
    "init:--no-git": "varken git init eller incheckning",
    "init:--yes": "svara ja på allt och ta standardvärdena: fråga ingenting",
    # --- tui ---------------------------------------------------------------------------------------------
    "tui:help": "bläddra i handlingarna i terminalgränssnittet (också: finsam utan kommando)",
    "tui:description": ("Öppna terminalgränssnittet: möten per organ och år, medlemmar, budgetar, insatser, "
                        "registren över beslut och uppdrag, och valideringens fynd medan du arbetar. Filer som "
                        "ändras på disk (i en editor, git pull) läses in igen medan det körs. Fungerar med bara "
                        "tangentbordet, över SSH; tryck ? för tangenterna."),
    "tui:examples": """exempel:
  finsam tui                         mappen i $FINSAM_RECORDS, annars ./records
  finsam tui records --lang en       med engelska etiketter
  finsam                             detsamma som finsam tui (också: finsam --records DIR)

slutstatus: 0 avslutat normalt, 2 DIR är ingen arkivmapp eller det finns ingen terminal
""",
    # --- serve ---------------------------------------------------------------------------------------------
    "serve:help": "visa terminalgränssnittet i en webbläsare (på 127.0.0.1; nå det genom en SSH-tunnel)",
    "serve:description": ("Visa terminalgränssnittet som en webbsida (textual-serve): varje flik i webbläsaren "
                          "kör sin egen finsam tui på arkivmappen. Servern lyssnar bara på 127.0.0.1 och har "
                          "ingen inloggning, så från en annan dator når du den genom en SSH-tunnel, t.ex. "
                          "ssh -L 8000:127.0.0.1:8000 SERVER, och öppnar sedan http://127.0.0.1:8000. Ctrl+C "
                          "avslutar."),
    "serve:examples": """exempel:
  finsam serve                                  ./records (eller $FINSAM_RECORDS) på http://127.0.0.1:8000
  finsam serve --records records --port 8080    en annan mapp och port
  finsam serve --lang en                        med engelska etiketter
  ssh -L 8000:127.0.0.1:8000 SERVER             på din egen dator, öppna sedan http://127.0.0.1:8000
  finsam serve --port 8000 --public-url http://127.0.0.1:9000
                                                tunnelns lokala ände är port 9000 (ssh -L 9000:127.0.0.1:8000)

slutstatus: 0 avslutad normalt (Ctrl+C), 2 DIR är ingen arkivmapp eller porten kan inte användas
""",
    "serve:--port": "porten att lyssna på (standard: {port})",
    "serve:--host": ("adressen att lyssna på (standard: {host}; allt annat visar posterna utan "
                     "inloggning)"),
    "serve:--public-url": ("adressen webbläsaren använder, när den inte är http://HOST:PORT (t.ex. den "
                           "lokala änden av en SSH-tunnel på en annan port)"),
}

EN: dict[str, str] = {
    "argparse:usage": "usage: ",
    "argparse:positional arguments": "positional arguments",
    "argparse:options": "options",
    "option:-h": "show this help message and exit",
    "option:--version": "show program's version number and exit",
    "option:dir": "the records folder (default: $FINSAM_RECORDS, else the records folder you are in, else ./records)",
    "option:--records": "the records folder (default: $FINSAM_RECORDS, else the records folder you are in, else ./records)",
    "option:--lang": "language (default: the förbund's, else sv)",
    "option:--format": "output format (default: text)",
    "finsam:description": "Records of a Samordningsförbund as plain TOML files.",
    "finsam:--records": ("with no command: open the terminal interface on DIR (default: $FINSAM_RECORDS, else the records "
                        "folder you are in, else ./records)"),
    "finsam:--lang": "with no command: the language of the terminal interface",
    "finsam:examples": """examples:
  finsam                             open the terminal interface on ./records (or $FINSAM_RECORDS)
  finsam validate                    check every record in ./records
  finsam validate records --lang en  the same, with English messages
  finsam validate --format json      machine-readable findings for CI
  finsam validate --git              also check locked minutes against the git history (as finsam verify)
  finsam export protocol styrelse/2023-04-14 -o protokoll.md
  finsam export all --out export     every protocol, agenda, budget and the decision register

every command has its own help with examples: finsam COMMAND --help
the help is in English with --lang en (or FINSAM_LANG=en), else in Swedish
""",
    "validate:help": "check every record and report findings like a compiler",
    "validate:description": "Check syntax, schema, references and the rules of the domain for every record in DIR.",
    "validate:examples": """examples:
  finsam validate                    check ./records
  finsam validate records --lang en  English messages
  finsam validate --format json      machine-readable findings for CI
  finsam validate --git              also check locked minutes against the git history (as finsam verify)

exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error or DIR is not a records folder
""",
    "fmt:help": "format record files the canonical way (key order, arrays, strings); --check only reports",
    "fmt:description": ("Rewrite record files in their canonical form: keys in the order of the record definition "
                        "(unknown keys after the known ones), consistent arrays and strings, one newline at the end. "
                        "Comments are kept and move with the key or table they stand above; the data never changes, "
                        "so locked meetings stay locked. A file with a syntax error is left alone and reported. "
                        "PATH is a record file or a folder (default: the records folder)."),
    "fmt:examples": """examples:
  finsam fmt                                   format every record in ./records
  finsam fmt --check                           list the files that would change (for CI and pre-commit)
  finsam fmt --check --diff                    ... and show how they would change
  finsam fmt records/personer/anna-lindqvist.toml

exit status: 0 formatted (or nothing to change), 1 --check found files to change or a file could not
be formatted (syntax error), 2 usage error (no such file, not a records folder)
""",
    "fmt:PATH": "record files or folders (default: the records folder)",
    "fmt:--check": "change nothing; list the files that would change, exit 1 if any",
    "fmt:--diff": "with --check: show the changes as a unified diff",
    "schema:help": "write the JSON Schemas of the record kinds for editors (taplo, Even Better TOML)",
    "schema:description": ("Print the JSON Schema of one record kind, or write all of them into a folder. They are "
                           "generated from the record definitions, so editors check types, required keys and allowed "
                           "values and complete keys while you type. With --taplo also write a .taplo.toml that "
                           "associates every record file with its schema (finsam init writes both)."),
    "schema:examples": """examples:
  finsam schema meeting                          print the schema of a meeting file
  finsam schema --out records/.finsam-schema     write every kind's schema (refresh after an upgrade)
  finsam schema --out records/.finsam-schema --taplo records/.taplo.toml
                                                 ... and the .taplo.toml that uses them

kinds: forbund, organisation, person, meeting, budget, insats
exit status: 0 written, 2 usage error
""",
    "schema:KIND": "print this kind's schema: {kinds}",
    "schema:--out": "write every kind's schema into DIR as KIND.json",
    "schema:--taplo": ("write a .taplo.toml associating the records with the schemas (in --out, default "
                       ".finsam-schema beside FILE)"),
    "init:help": "create a new records folder for a new förbund (settings, folders, git)",
    "init:description": ("Create a records folder: forbund.toml with the förbund's settings and its three organs "
                         "(styrelse, medlemssamråd, beredningsgrupp), the record folders, a .gitignore for the cache, "
                         "the editor schemas with a .taplo.toml and, if you like, example member organisations. "
                         "Settings not given as options are asked for (Enter keeps the default shown). DIR is put in "
                         "a new git repository unless it already lies in one, and the first commit is made if you "
                         "agree. --yes agrees to everything and takes the defaults: with --name NAME --yes nothing "
                         "is asked. The new folder validates without a finding."),
    "init:examples": """examples:
  finsam init norra-dalen                       asks for name, org number, numbering, language, examples
  finsam init norra-dalen --name "Samordningsförbundet Norra Dalen" --yes
                                                no questions: defaults, git init and first commit
  finsam init arkiv --name "Samordningsförbundet Väst" --org-number 222000-1234 \\
              --numbering per_möte --lang sv --examples --yes

exit status: 0 created, 1 refused (DIR already has a forbund.toml) or the first commit failed,
2 usage error (an invalid option value, DIR is a file)
""",
    "init:DIR": "the new records folder (created if missing)",
    "init:--name": "the förbund's name, e.g. \"Samordningsförbundet Norra Dalen\"",
    "init:--org-number": "the förbund's organisation number",
    "init:--numbering": "§ numbering: per_år (continuing through the year, default) or per_möte",
    "init:--lang": "the förbund's language (default sv); also of the questions",
    "init:--examples": "add example member organisations (FK, AF, a region, a kommun)",
    "init:--no-examples": "no example organisations",
    "init:--no-git": "neither git init nor commit",
    "init:--yes": "agree to everything and take the defaults: ask nothing",
    "tui:help": "browse the records in the terminal interface (also: finsam with no command)",
    "tui:description": ("Open the terminal interface: meetings by organ and year, members, budgets, insatser, the "
                        "registers of decisions and uppdrag, and the live validation findings. Files changed on disk "
                        "(an editor, git pull) are read again while it runs. Works keyboard-only, over SSH; press ? "
                        "for the keys."),
    "tui:examples": """examples:
  finsam tui                         the folder in $FINSAM_RECORDS, else ./records
  finsam tui records --lang en       with English labels
  finsam                             the same as finsam tui (also: finsam --records DIR)

exit status: 0 closed normally, 2 DIR is not a records folder or there is no terminal
""",
    "serve:help": "serve the terminal interface in a web browser (on 127.0.0.1; reach it through an SSH tunnel)",
    "serve:description": ("Serve the terminal interface as a web page (textual-serve): every browser tab runs its own "
                          "finsam tui on the records folder. The server listens on 127.0.0.1 only and has no login, so "
                          "from another machine reach it through an SSH tunnel, e.g. ssh -L 8000:127.0.0.1:8000 "
                          "SERVER, then open http://127.0.0.1:8000. Ctrl+C stops it."),
    "serve:examples": """examples:
  finsam serve                                  ./records (or $FINSAM_RECORDS) on http://127.0.0.1:8000
  finsam serve --records records --port 8080    another folder and port
  finsam serve --lang en                        with English labels
  ssh -L 8000:127.0.0.1:8000 SERVER             on your own machine, then open http://127.0.0.1:8000
  finsam serve --port 8000 --public-url http://127.0.0.1:9000
                                                the tunnel's local end is port 9000 (ssh -L 9000:127.0.0.1:8000)

exit status: 0 stopped normally (Ctrl+C), 2 DIR is not a records folder or the port cannot be used
""",
    "serve:--port": "the port to listen on (default: {port})",
    "serve:--host": "the address to listen on (default: {host}; anything else exposes the records without a login)",
    "serve:--public-url": ("the address the browser uses, when it is not http://HOST:PORT (e.g. the local end of an "
                           "SSH tunnel on another port)"),
}

CATALOGUE: dict[str, dict[str, str]] = {"sv": SV, "en": EN}

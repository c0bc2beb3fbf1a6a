"""Every word the commands print, one catalogue for the commands: their messages here
(``COMMAND.KEY``), their ``--help`` in ``cli_help*.py`` (``COMMAND:KEY``), merged into
:data:`CATALOGUE` and read through :class:`Labels`. Swedish is the default.

The lookup commands' own words are ``lookups.py``, export's ``export.py`` and history's
``history.py``; the records-folder message below is every command's.
"""

from __future__ import annotations

from finsam_tui.core.i18n.catalogue import Catalogue, merged
from finsam_tui.core.i18n.cli_help import CATALOGUE as HELP
from finsam_tui.core.i18n.cli_help_documents import CATALOGUE as HELP_DOCUMENTS
from finsam_tui.core.i18n.cli_help_lookups import CATALOGUE as HELP_LOOKUPS
from finsam_tui.core.i18n.cli_verify import CATALOGUE as VERIFY

SV: dict[str, str] = {
    # --- every command ----------------------------------------------------------------------------
    "common.not_folder": "{dir} är ingen arkivmapp för finsam (forbund.toml saknas).",
    "common.not_folder_hint": "Ange mappen med forbund.toml, t.ex. finsam validate records",
    # --- validate -----------------------------------------------------------------------------------
    "validate.error": "fel",
    "validate.warning": "varning",
    "validate.hint": "tips",
    "validate.related": "se även",
    "validate.summary": ("{errors} fel, {warnings} {warnings:varning|varningar} i {files} {files:fil|filer} "
                         "({checked} {checked:fil kontrollerad|filer kontrollerade})"),
    "validate.clean": "Inga fel eller varningar ({checked} {checked:fil kontrollerad|filer kontrollerade})",
    # --- search -------------------------------------------------------------------------------------
    "search.none": "Inga träffar för {query!r}.",
    "search.empty": "Sökfrågan innehåller inga ord.",
    # --- fmt ----------------------------------------------------------------------------------------
    "fmt.would": "skulle formateras: {path}",
    "fmt.done": "formaterad: {path}",
    "fmt.summary_check": "{changed} av {total} {total:fil|filer} skulle formateras",
    "fmt.summary": "{changed} av {total} {total:fil|filer} {changed:formaterad|formaterade}",
    "fmt.clean": "Alla {total} {total:fil|filer} är redan formaterade",
    "fmt.clean_one": "Filen är redan formaterad",
    "fmt.syntax": "{where}: fel: {reason}; filen formateras inte",
    "fmt.conflict": "{path}: ändrades under tiden; filen formateras inte",
    "fmt.gone": "{path}: togs bort eller flyttades under tiden; filen formateras inte",
    "fmt.copied": ("{path}: formaterad, men ett annat program ändrade filen i samma ögonblick; den versionen "
                   "ligger kvar som {copy}: jämför och för in det som ska vara kvar, ta sedan bort kopian"),
    "fmt.missing": "{path} finns inte",
    "fmt.unreadable": "{path}: kan inte läsas ({reason}); filen formateras inte",
    "fmt.failed": "{n} {n:fil|filer} kunde inte formateras",
    # --- schema -------------------------------------------------------------------------------------
    "schema.need_kind": "ange KIND, --out DIR eller --taplo FILE (se finsam schema --help)",
    "schema.wrote": "skrev {path}",
    "common.outside_folder": ("{path} leder ut ur {dir} eller går via en symbolisk länk; inget skrevs där. "
                              "Ta bort länken eller ange en annan mapp."),
    # --- tui ----------------------------------------------------------------------------------------
    "tui.not_folder_hint": "Ange mappen med forbund.toml, t.ex. finsam tui records",
    "tui.no_terminal": ("finsam: terminalgränssnittet behöver en terminal, men in- eller utdata går till en fil "
                        "eller ett annat program.\nI skript och rörledningar används kommandona, t.ex. finsam "
                        "validate eller finsam show REF (finsam --help listar dem)."),
    # --- serve --------------------------------------------------------------------------------------
    "serve.not_folder_hint": "Ange mappen med forbund.toml, t.ex. finsam serve --records records",
    "serve.serving": "finsam serve: {name} ({dir}) på {url}",
    "serve.local_only": ("Bara den här datorn når adressen. Från din egen dator: ssh -L {port}:127.0.0.1:{port} "
                         "SERVER, öppna sedan {url}"),
    "serve.stop": "Ctrl+C avslutar.",
    "serve.exposed": ("finsam serve: VARNING: {host} är ingen loopback-adress. Alla som når den här datorn över "
                      "nätverket kan då läsa och ändra posterna — det finns ingen inloggning. Lyssna hellre på "
                      "127.0.0.1 och nå servern genom en SSH-tunnel."),
    "serve.public_url": ("finsam serve: en webbläsare öppnar sidan på {url}; ange --public-url med adressen den "
                         "använder om den är en annan."),
    "serve.cannot_listen": "finsam serve: kan inte lyssna på {host}:{port}: {reason}",
    "serve.bad_port": "ogiltig port {value!r}: ange ett tal 1–65535",
    "search.bad_limit": "ogiltigt antal {value!r}: ange ett heltal 1–{max}",
    "serve.bad_host": ("finsam serve: främmande värdnamn {host!r}; öppna adressen som skrevs när servern startade "
                       "(eller starta den med --public-url)."),
    "serve.bad_origin": "finsam serve: en sida från {origin!r} får inte styra programmet.",
    # --- lock and correct (and the meeting they name) ----------------------------------------------
    "meeting.unknown": "mötet {ref} finns inte.",
    "meeting.nearest": "Närmaste möte: {nearest}",
    "meeting.no_meetings": "Arkivet har inga möten.",
    "meeting.not_a_meeting": "{ref} är ingen mötesreferens; skriv t.ex. styrelse/2023-04-14.",
    "meeting.unreadable": "{ref} kan inte läsas:",
    "meeting.not_written": "{ref} skrevs inte: {reason}",
    "lock.locked": "Låst: {ref}",
    "lock.already": "Redan låst: {ref}",
    "lock.none": "Inga justerade möten att låsa.",
    "lock.need_ref": "ange ett möte (REF) eller --all, inte båda.",
    "lock.not_adjusted": "{ref} är inte justerat (status {state}).",
    "lock.upgraded": "Fingeravtrycket omskrivet: {ref}",
    "lock.current": "Fingeravtrycket är redan i den nya formeln: {ref}",
    "lock.frozen": "Namnen frysta: {ref}",
    "lock.already_frozen": "Namnen är redan frysta: {ref}",
    "lock.not_locked": "{ref} är inte låst: kör finsam lock {ref} först.",
    "lock.one_mode": "ange högst en av --upgrade och --freeze-names.",
    "lock.errors": "{ref} har fel och låses inte:",
    "lock.changed": ("{ref} har ändrats sedan det låstes; skriv ändringen som rättelse med "
                     "finsam correct {ref} --by ID --what … --why …"),
    "correct.done": "Rättelse införd: {ref}",
    "correct.unchanged": "{ref} har inte ändrats sedan låsningen: det finns inget att rätta.",
    "correct.not_locked": "{ref} är inte låst: kör finsam lock {ref} först.",
    "correct.bad_person": "Okänd person {person!r}.",
    "correct.empty_what": "ange vad som ändrades (--what).",
    "correct.empty_why": "ange varför (--why).",
    "correct.before_meeting": ("rättelsens datum {date} ligger före mötet {meeting}; ange ett datum från mötesdagen "
                               "till i dag."),
    "correct.in_future": "rättelsens datum {date} ligger efter i dag ({today}); ange ett datum från mötesdagen till i dag.",
    "lock.lost": ("{ref} har låsts förut men dess fingeravtryck saknas; återställ det (git-historiken har det, "
                  "finsam verify visar committen) i stället för att låsa den ändrade texten."),
    # --- init: the questions, their answers and the report -----------------------------------------
    "init.q_name": "Förbundets namn",
    "init.q_org": "Organisationsnummer (NNNNNN-NNNN; tomt: platshållaren)",
    "init.placeholder": "Obs: organisationsnumret är en platshållare ({number}): skriv det riktiga i {file}.",
    "init.q_numbering": "§-numrering: per_år (löpande över året) eller per_möte",
    "init.q_lang": "Språk (sv eller en)",
    "init.q_examples": "Lägga till exempel på medlemsorganisationer (FK, AF, region, kommun)?",
    "init.q_git": "{dir} ligger inte i ett git-förråd. Skapa ett (git init)?",
    "init.q_commit": "Göra en första incheckning (git commit)?",
    "init.yes": "j",
    "init.no": "n",
    "init.yn_default_yes": "[J/n]",
    "init.yn_default_no": "[j/N]",
    "init.bad_org": "Organisationsnumret ska skrivas NNNNNN-NNNN, t.ex. 222000-1234.",
    "init.bad_choice": "Svara med ett av: {choices}.",
    "init.bad_name": "Ange ett namn.",
    "init.exists": "{dir} har redan en forbund.toml; finsam init skapar bara nya arkivmappar.",
    "init.is_file": "{dir} är en fil, inte en mapp.",
    "init.created": "Skapade arkivmappen {dir} för {name}:",
    "init.kept": "Fanns redan, orörda: {files}",
    "init.examples": "  organisationer/: {count} exempel att ändra eller ta bort",
    "init.git_init": "git: nytt förråd i {dir}",
    "init.git_in": "git: mappen ligger i förrådet {top}",
    "init.git_none": "git: inget förråd (finsam history behöver ett)",
    "init.committed": "git: första incheckningen {commit}",
    "init.commit_failed": "git: incheckningen misslyckades: {error}",
    "init.commit_hint": ("Ställ in namn och e-post (git config --global user.name …, user.email …) och checka in "
                         "själv."),
    "init.no_git_tool": "git finns inte på datorn; mappen skapades utan förråd.",
    "init.valid": "finsam validate: inga fel eller varningar",
    "init.invalid": "finsam validate hittade {count} fynd; kör finsam validate {dir}",
    "init.next": "Nästa steg: lägg in personer och möten, och kontrollera med: finsam validate {dir}",
    "init.message": "Ny arkivmapp för {name} (finsam init)",
}

EN: dict[str, str] = {
    "common.not_folder": "{dir} is not a finsam records folder (forbund.toml is missing).",
    "common.not_folder_hint": "Name the folder that holds forbund.toml, e.g. finsam validate records",
    "validate.error": "error",
    "validate.warning": "warning",
    "validate.hint": "hint",
    "validate.related": "see also",
    "validate.summary": ("{errors} {errors:error|errors}, {warnings} {warnings:warning|warnings} in {files} "
                         "{files:file|files} ({checked} {checked:file|files} checked)"),
    "validate.clean": "No errors or warnings ({checked} {checked:file|files} checked)",
    "search.none": "No hits for {query!r}.",
    "search.empty": "The query has no words.",
    "fmt.would": "would reformat: {path}",
    "fmt.done": "reformatted: {path}",
    "fmt.summary_check": "{changed} of {total} {total:file|files} would be reformatted",
    "fmt.summary": "{changed} of {total} {total:file|files} reformatted",
    "fmt.clean": "All {total} {total:file|files} are already formatted",
    "fmt.clean_one": "The file is already formatted",
    "fmt.syntax": "{where}: error: {reason}; not formatted",
    "fmt.conflict": "{path}: changed meanwhile; not formatted",
    "fmt.gone": "{path}: deleted or moved meanwhile; not formatted",
    "fmt.copied": ("{path}: reformatted, but another program changed the file at the same moment; that version "
                   "is kept as {copy}: compare and merge what should stay, then delete the copy"),
    "fmt.missing": "{path} does not exist",
    "fmt.unreadable": "{path}: cannot be read ({reason}); not formatted",
    "fmt.failed": "{n} {n:file|files} could not be formatted",
    "schema.need_kind": "give KIND, --out DIR or --taplo FILE (see finsam schema --help)",
    "schema.wrote": "wrote {path}",
    "common.outside_folder": ("{path} leads out of {dir} or through a symbolic link; nothing was written there. "
                              "Remove the link or name another folder."),
    "tui.not_folder_hint": "Name the folder that holds forbund.toml, e.g. finsam tui records",
    "tui.no_terminal": ("finsam: the terminal interface needs a terminal, but input or output goes to a file or "
                        "another program.\nIn scripts and pipes use the commands, e.g. finsam validate or finsam "
                        "show REF (finsam --help lists them)."),
    "serve.not_folder_hint": "Name the folder that holds forbund.toml, e.g. finsam serve --records records",
    "serve.serving": "finsam serve: {name} ({dir}) on {url}",
    "serve.local_only": ("Only this machine reaches that address. From your own machine: "
                         "ssh -L {port}:127.0.0.1:{port} SERVER, then open {url}"),
    "serve.stop": "Ctrl+C stops it.",
    "serve.exposed": ("finsam serve: WARNING: {host} is not a loopback address. Anyone who reaches this machine over "
                      "the network can then read and change the records — there is no login. Prefer 127.0.0.1 "
                      "and an SSH tunnel."),
    "serve.public_url": ("finsam serve: a browser opens the page at {url}; pass --public-url with the address it "
                         "uses if that differs."),
    "serve.cannot_listen": "finsam serve: cannot listen on {host}:{port}: {reason}",
    "serve.bad_port": "invalid port {value!r}: give a number 1–65535",
    "search.bad_limit": "invalid number {value!r}: give a whole number 1–{max}",
    "serve.bad_host": ("finsam serve: unexpected host name {host!r}; open the address printed when the server "
                       "started (or start it with --public-url)."),
    "serve.bad_origin": "finsam serve: a page from {origin!r} may not drive the program.",
    "meeting.unknown": "there is no meeting {ref}.",
    "meeting.nearest": "Nearest meeting: {nearest}",
    "meeting.no_meetings": "The records hold no meetings.",
    "meeting.not_a_meeting": "{ref} is not a meeting reference; write e.g. styrelse/2023-04-14.",
    "meeting.unreadable": "{ref} cannot be read:",
    "meeting.not_written": "{ref} was not written: {reason}",
    "lock.locked": "Locked: {ref}",
    "lock.already": "Already locked: {ref}",
    "lock.none": "No adjusted meetings to lock.",
    "lock.need_ref": "name a meeting (REF) or --all, not both.",
    "lock.not_adjusted": "{ref} is not adjusted (state {state}).",
    "lock.upgraded": "Fingerprint rewritten: {ref}",
    "lock.current": "The fingerprint is already in the new formula: {ref}",
    "lock.frozen": "Names frozen: {ref}",
    "lock.already_frozen": "The names are already frozen: {ref}",
    "lock.not_locked": "{ref} is not locked: run finsam lock {ref} first.",
    "lock.one_mode": "give at most one of --upgrade and --freeze-names.",
    "lock.errors": "{ref} has errors and is not locked:",
    "lock.changed": ("{ref} changed since it was locked; record the change as a correction with "
                     "finsam correct {ref} --by ID --what … --why …"),
    "correct.done": "Correction recorded: {ref}",
    "correct.unchanged": "{ref} has not changed since it was locked: there is nothing to correct.",
    "correct.not_locked": "{ref} is not locked: run finsam lock {ref} first.",
    "correct.bad_person": "Unknown person {person!r}.",
    "correct.empty_what": "say what was changed (--what).",
    "correct.empty_why": "say why (--why).",
    "correct.before_meeting": ("the correction's date {date} is before the meeting on {meeting}; give a date from the "
                               "day of the meeting to today."),
    "correct.in_future": ("the correction's date {date} is after today ({today}); give a date from the day of the "
                          "meeting to today."),
    "lock.lost": ("{ref} was locked before but its fingerprint is missing; restore it (the git history has it, "
                  "finsam verify shows the commit) instead of locking the changed text."),
    "init.q_name": "Name of the förbund",
    "init.q_org": "Organisation number (NNNNNN-NNNN; empty: the placeholder)",
    "init.placeholder": "Note: the organisation number is a placeholder ({number}): write the real one in {file}.",
    "init.q_numbering": "§ numbering: per_år (continuing through the year) or per_möte",
    "init.q_lang": "Language (sv or en)",
    "init.q_examples": "Add example member organisations (FK, AF, a region, a kommun)?",
    "init.q_git": "{dir} is not in a git repository. Create one (git init)?",
    "init.q_commit": "Make a first commit (git commit)?",
    "init.yes": "y",
    "init.no": "n",
    "init.yn_default_yes": "[Y/n]",
    "init.yn_default_no": "[y/N]",
    "init.bad_org": "Write the organisation number as NNNNNN-NNNN, e.g. 222000-1234.",
    "init.bad_choice": "Answer with one of: {choices}.",
    "init.bad_name": "Give a name.",
    "init.exists": "{dir} already has a forbund.toml; finsam init only creates new records folders.",
    "init.is_file": "{dir} is a file, not a folder.",
    "init.created": "Created the records folder {dir} for {name}:",
    "init.kept": "Already there, left alone: {files}",
    "init.examples": "  organisationer/: {count} {count:example|examples} to change or delete",
    "init.git_init": "git: new repository in {dir}",
    "init.git_in": "git: the folder lies in the repository {top}",
    "init.git_none": "git: no repository (finsam history needs one)",
    "init.committed": "git: first commit {commit}",
    "init.commit_failed": "git: the commit failed: {error}",
    "init.commit_hint": "Set your name and e-mail (git config --global user.name …, user.email …) and commit yourself.",
    "init.no_git_tool": "git is not installed; the folder was created without a repository.",
    "init.valid": "finsam validate: no errors or warnings",
    "init.invalid": "finsam validate found {count} {count:finding|findings}; run finsam validate {dir}",
    "init.next": "Next: add persons and meetings, and check with: finsam validate {dir}",
    "init.message": "New records folder for {name} (finsam init)",
}

MESSAGES: dict[str, dict[str, str]] = {"sv": SV, "en": EN}
CATALOGUE: dict[str, dict[str, str]] = merged(MESSAGES, HELP, HELP_LOOKUPS, HELP_DOCUMENTS, VERIFY)


class Labels(Catalogue):
    """The commands' words (messages and --help) in one language."""

    CATALOGUE = CATALOGUE

"""The words of ``finsam verify``: its ``--help`` (``verify:KEY``) and its messages
(``verify.KEY``), Swedish (default) and English. Part of the commands' catalogue (``cli.py``
merges it)."""

from __future__ import annotations

SV: dict[str, str] = {
    "verify:help": "pröva att låsta protokoll inte har ändrats: i filerna och mot git-historiken",
    "verify:description": (
        "Kontrollera varje mötes låsning: ändrat efter justeringen utan rättelse, fingeravtryck borttaget, status "
        "satt tillbaka, rättelser ofullständiga eller ändrade i efterhand. Ligger arkivmappen i ett git-förråd är "
        "historiken vittnet: för varje protokoll hittas committen som låste det, och varje skillnad mellan det som "
        "låstes (med sina rättelser) och filen i dag rapporteras med commit och rad – också ett fingeravtryck som "
        "räknats om. Utan git kontrolleras bara filernas egna spår. Snabb nog för en pre-commit-krok."),
    "verify:examples": """exempel:
  finsam verify                      pröva ./records (och dess git-historik)
  finsam verify records --lang en    meddelanden på engelska
  finsam verify --format json        maskinläsbart, med committerna

slutstatus: 0 inga fel, 1 fel (ett låst protokoll har ändrats), 2 användningsfel eller DIR är ingen arkivmapp
""",
    "validate:--git": ("pröva också låsta protokoll mot git-historiken (som finsam verify): ett omräknat "
                       "fingeravtryck, ett borttaget lås, rättelser ändrade i efterhand"),
    "verify.summary": ("{errors} fel, {warnings} {warnings:varning|varningar} i {files} {files:fil|filer} "
                       "({meetings} {meetings:möte|möten} kontrollerade)"),
    "verify.clean": "Inga fel eller varningar ({meetings} {meetings:möte|möten} kontrollerade)",
    "verify.witness": ("Git-vittnet: {files} {files:mötesfil följd|mötesfiler följda} genom {commits} "
                       "{commits:commit|commits} sedan {oldest}; låsta protokoll med senare versioner, prövade mot "
                       "det som låstes: {compared}"),
    "verify.witness_empty": "Git-vittnet: inga möten incheckade än; det som låses nu prövas från nästa commit",
    "verify.not_git": ("Arkivmappen ligger inte i ett git-förråd: bara filernas egna spår av låsningen "
                       "kontrollerades (ett omräknat fingeravtryck syns bara i historiken)"),
    "verify.no_git": ("git finns inte på datorn: bara filernas egna spår av låsningen kontrollerades (ett "
                      "omräknat fingeravtryck syns bara i historiken)"),
    "verify.git_error": "git kunde inte läsa historiken: {detail}; bara filernas egna spår kontrollerades",
    "verify.shallow": ("Grund klon: historiken börjar vid {oldest}; ett protokoll som låstes före den prövas "
                       "mot sin äldsta version här"),
    "verify.removed": "Låst protokoll borttaget: {file} (låst i {locked}; {removed})",
    "verify.removed_uncommitted": "borttagningen är inte incheckad än",
    "verify.removed_in": "borttaget i {commit}",
}

EN: dict[str, str] = {
    "verify:help": "check that locked minutes have not changed: in the files and against the git history",
    "verify:description": (
        "Check every meeting's lock: changed after adjustment without a correction, fingerprint removed, state "
        "set back, corrections incomplete or changed afterwards. Where the records folder lies in a git "
        "repository, the history is the witness: for each protocol the commit that locked it is found, and every "
        "difference between what was locked (with its corrections) and the file today is reported with the "
        "commit and the line – a recomputed fingerprint too. Without git only the files' own evidence is checked. "
        "Quick enough for a pre-commit hook."),
    "verify:examples": """examples:
  finsam verify                      check ./records (and its git history)
  finsam verify records --lang en    messages in English
  finsam verify --format json        machine-readable, with the commits

exit status: 0 no errors, 1 errors (locked minutes changed), 2 usage error or DIR is not a records folder
""",
    "validate:--git": ("also check locked minutes against the git history (as finsam verify): a recomputed "
                       "fingerprint, a lock removed, corrections changed afterwards"),
    "verify.summary": ("{errors} {errors:error|errors}, {warnings} {warnings:warning|warnings} in {files} "
                       "{files:file|files} ({meetings} {meetings:meeting|meetings} checked)"),
    "verify.clean": "No errors or warnings ({meetings} {meetings:meeting|meetings} checked)",
    "verify.witness": ("Git witness: {files} meeting {files:file|files} followed through {commits} "
                       "{commits:commit|commits} since {oldest}; locked protocols with later versions, checked "
                       "against what was locked: {compared}"),
    "verify.witness_empty": "Git witness: no meetings committed yet; what is locked now is witnessed from the next commit",
    "verify.not_git": ("The records folder is not in a git repository: only the files' own evidence of their "
                       "locks was checked (a recomputed fingerprint shows only in the history)"),
    "verify.no_git": ("git is not installed: only the files' own evidence of their locks was checked (a "
                      "recomputed fingerprint shows only in the history)"),
    "verify.git_error": "git could not read the history: {detail}; only the files' own evidence was checked",
    "verify.shallow": ("Shallow clone: the history starts at {oldest}; minutes locked before it are checked "
                       "against their oldest version here"),
    "verify.removed": "Locked minutes removed: {file} (locked in {locked}; {removed})",
    "verify.removed_uncommitted": "the removal is not committed yet",
    "verify.removed_in": "removed in {commit}",
}

CATALOGUE: dict[str, dict[str, str]] = {"sv": SV, "en": EN}

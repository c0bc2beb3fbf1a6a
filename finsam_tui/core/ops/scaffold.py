"""A new records folder for a new förbund (``finsam init``): the files, without questions or git.

:func:`create` writes forbund.toml (with the three usual organs: styrelse,
medlemssamråd, beredningsgrupp), the record folders, a ``.gitignore`` for the cache and the
temp files of killed saves (not for conflict copies: git status shows them), a
short README, the editor schemas in ``.finsam-schema/`` with a ``.taplo.toml``, and
optionally four example member organisations (Försäkringskassan, Arbetsförmedlingen, a
region and a kommun). Every file is written in ``finsam fmt``'s canonical form and the
folder validates without a finding. Existing files are never overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from finsam_tui.core.io.inside import replace_file, target
from finsam_tui.core.ops.toml_strings import basic_string
from finsam_tui.core.records.json_schema import SCHEMA_DIR, schema_text, taplo_config
from finsam_tui.core.records.layout import FOLDERS, FORBUND_FILE
from finsam_tui.core.records.schema import KINDS

ORG_NUMBER_RE = re.compile(r"^\d{6}-\d{4}$")
DEFAULT_ORG_NUMBER = "222000-0000"
CACHE_IGNORE = ".finsam-cache/"
TEMP_IGNORE = ".*.toml.*.tmp"  # the temp file a save killed before its rename leaves (core/io/atomic.write_temp)
GITIGNORE = f"""# finsam: its cache, and the temp file a killed save may leave (the next save removes it).
{CACHE_IGNORE}
{TEMP_IGNORE}
# Conflict copies (<name>.konflikt-<date>-<time>.toml) are not ignored, on purpose: git status
# shows them until they are merged into their record and deleted (finsam validate: FS111).
"""


@dataclass
class Settings:
    name: str
    org_number: str = DEFAULT_ORG_NUMBER
    numbering: str = "per_år"
    language: str = "sv"


class AlreadyRecords(Exception):
    """The folder already holds a forbund.toml."""


def default_name(folder: Path) -> str:
    words = re.sub(r"[-_.]+", " ", Path(folder).resolve().name).strip()
    return "Samordningsförbundet " + (" ".join(w[:1].upper() + w[1:] for w in words.split()) or "Exempel")


_T = {
    "sv": {
        "head": ["# Förbundets inställningar. Filen markerar att mappen är en arkivmapp för finsam.",
                 "# Fler inställningar (t.ex. address och storage) och alla fält: docs/fields.md i finsam."],
        "language": "# sv | en: språket i rapporter och meddelanden",
        "placeholder": "# platshållare: skriv förbundets organisationsnummer",
        "numbering": "# per_år: § löper vidare genom året; per_möte: börjar om på 1",
        "quorum": "# mer_än_hälften | minst_hälften | alla_medlemmar",
        "adjusters": "# true: en justerare ska vara beslutande ledamot",
        "seats": "# platser per medlemsorganisation i styrelsen",
        "justering": "# justering senast 14 dagar efter mötet",
        "anslag_within": "# anslag senast 2 dagar efter justeringen",
        "anslag_min": "# anslaget uppsatt minst tre veckor",
        "budget_day": "# budgeten för år Y antas senast 30 november år Y-1",
        "example": "# Exempel från finsam init: ändra till förbundets verkliga medlem eller ta bort filen.",
        "kommun_key": "# den enda kommunen bär hela kommunernas fjärdedel",
    },
    "en": {
        "head": ["# The förbund's settings. This file marks the folder as a finsam records folder.",
                 "# More settings (e.g. address and storage) and every field: docs/fields.md in finsam."],
        "language": "# sv | en: the language of reports and messages",
        "placeholder": "# placeholder: write the förbund's organisation number",
        "numbering": "# per_år: § continue through the year; per_möte: restart at 1",
        "quorum": "# mer_än_hälften | minst_hälften | alla_medlemmar",
        "adjusters": "# true: an adjuster must be a voting member",
        "seats": "# board seats per member organisation",
        "justering": "# minutes adjusted within 14 days of the meeting",
        "anslag_within": "# posted within 2 days of the adjustment",
        "anslag_min": "# posted for at least three weeks",
        "budget_day": "# the budget for year Y is adopted by 30 November of Y-1",
        "example": "# Example from finsam init: change it to the förbund's real member or delete the file.",
        "kommun_key": "# the only kommun carries the whole municipalities' quarter",
    },
}

ORGANS = (("styrelse", "Styrelsen", "styrelse", True),
          ("medlemssamrad", "Medlemssamrådet", "medlemssamråd", False),
          ("beredningsgrupp", "Beredningsgruppen", "beredningsgrupp", False))

# id, name, kind, short, org number (the state agencies' real ones), contribution key
EXAMPLE_ORGS = (
    ("forsakringskassan", "Försäkringskassan", "försäkringskassan", "FK", "202100-5521", None),
    ("arbetsformedlingen", "Arbetsförmedlingen", "arbetsförmedlingen", "AF", "202100-2114", None),
    ("region-exempel", "Region Exempel", "region", "Regionen", None, None),
    ("exempelstad", "Exempelstads kommun", "kommun", "Exempelstad", None, "1.0"),
)


def _kv(key: str, value: str, comment: str = "", width: int = 37) -> str:
    line = f"{key} = {value}"
    return f"{line.ljust(width - 1)} {comment}" if comment else line


def forbund_text(s: Settings) -> str:
    t = _T.get(s.language, _T["sv"])
    lines = [*t["head"], "",
             _kv("name", basic_string(s.name)),
             _kv("org_number", basic_string(s.org_number),
                 t["placeholder"] if s.org_number == DEFAULT_ORG_NUMBER else ""),
             _kv("language", basic_string(s.language), t["language"]),
             _kv("paragraph_numbering", basic_string(s.numbering), t["numbering"]),
             _kv("quorum", '"mer_än_hälften"', t["quorum"]),
             _kv("adjusters_must_vote", "false", t["adjusters"]),
             "",
             "[seats]".ljust(36) + " " + t["seats"],
             "members = 1",
             "substitutes = 1",
             "",
             "[deadlines]",
             _kv("justering_days", "14", t["justering"]),
             _kv("anslag_within_days", "2", t["anslag_within"]),
             _kv("anslag_min_days", "21", t["anslag_min"]),
             _kv("budget_month_day", '"11-30"', t["budget_day"])]
    for oid, name, kind, decides in ORGANS:
        lines += ["", "[[organs]]", f"id = {basic_string(oid)}", f"name = {basic_string(name)}",
                  f"kind = {basic_string(kind)}", f"decides = {'true' if decides else 'false'}"]
    return "\n".join(lines) + "\n"


def example_texts(language: str = "sv") -> dict[str, str]:
    """rel path -> text of the example member organisations."""
    t = _T.get(language, _T["sv"])
    out = {}
    for oid, name, kind, short, number, key in EXAMPLE_ORGS:
        lines = [t["example"], f"name = {basic_string(name)}", f"kind = {basic_string(kind)}"]
        if number:
            lines.append(f"org_number = {basic_string(number)}")
        lines.append(f"short = {basic_string(short)}")
        if key:
            lines.append(f"contribution_key = {key}  {t['kommun_key']}")
        out[f"{FOLDERS['organisation']}/{oid}.toml"] = "\n".join(lines) + "\n"
    return out


README = {
    "sv": """# {name}

Arkivmapp för finsam: förbundets möten, medlemmar, personer, budgetar och insatser som
TOML-filer, en post per fil.

    forbund.toml                       förbundets inställningar
    organisationer/<id>.toml           medlemsorganisationer
    personer/<id>.toml                 personer och deras uppdrag
    moten/<organ>/<år>/<datum>.toml    möten (protokoll)
    budgetar/<år>.toml                 budget per år
    insatser/<id>.toml                 insatser

    finsam validate .                  kontrollera alla poster
    finsam fmt .                       formatera posterna enhetligt
    finsam history <referens>          vem ändrade en post och när

`.finsam-schema/` och `.taplo.toml` låter redigerare (taplo, Even Better TOML) kontrollera
och komplettera posterna medan du skriver; `.finsam-cache/` är en cache som aldrig checkas in.
En fil `<namn>.konflikt-<datum>-<tid>.toml` bredvid en post är en konfliktkopia: ett annat program
ändrade posten medan finsam sparade den. Jämför, för in det som ska vara kvar och ta bort kopian.
""",
    "en": """# {name}

A finsam records folder: the förbund's meetings, members, persons, budgets and insatser
as TOML files, one record a file.

    forbund.toml                       the förbund's settings
    organisationer/<id>.toml           member organisations
    personer/<id>.toml                 persons and their roles
    moten/<organ>/<year>/<date>.toml   meetings (protocols)
    budgetar/<year>.toml               budget per year
    insatser/<id>.toml                 insatser

    finsam validate .                  check every record
    finsam fmt .                       format the records the canonical way
    finsam history <reference>         who changed a record and when

`.finsam-schema/` and `.taplo.toml` let editors (taplo, Even Better TOML) check and
complete the records while you type; `.finsam-cache/` is a cache that is never committed.
A file `<name>.konflikt-<date>-<time>.toml` next to a record is a conflict copy: another program
changed the record while finsam saved it. Compare, merge what should stay, and delete the copy.
""",
}


def planned(settings: Settings, examples: bool) -> dict[str, str]:
    """rel path -> text of every file a new records folder gets."""
    files = {FORBUND_FILE: forbund_text(settings)}
    if examples:
        files.update(example_texts(settings.language))
    for kind in ("organisation", "person", "meeting", "budget", "insats"):
        folder = FOLDERS[kind]
        if not any(rel.startswith(folder + "/") for rel in files):
            files[f"{folder}/.gitkeep"] = ""
    files[".gitignore"] = GITIGNORE
    files[".taplo.toml"] = taplo_config(SCHEMA_DIR)
    for kind in KINDS:
        files[f"{SCHEMA_DIR}/{kind}.json"] = schema_text(kind)
    files["README.md"] = README.get(settings.language, README["sv"]).format(name=settings.name)
    return files


def create(folder: Path, settings: Settings, examples: bool = False) -> tuple[list[str], list[str]]:
    """Write a new records folder; (rel paths written, rel paths kept because they existed).

    Raises AlreadyRecords when the folder already has a forbund.toml, NotADirectoryError
    when it is a file, OutsideFolder when a path would be written through a symlink in it. A .gitignore that exists gets the cache and temp-file lines added if it lacks them.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(str(folder))
    if (folder / FORBUND_FILE).exists():
        raise AlreadyRecords(str(folder))
    written, kept = [], []
    folder.mkdir(parents=True, exist_ok=True)
    files = planned(settings, examples)
    for rel in files:  # every path checked before anything is written: never through a planted symlink
        target(folder, rel)
    for rel, text in files.items():
        path = target(folder, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path = target(folder, rel)
        if rel == ".gitignore" and path.exists():
            current = path.read_text(encoding="utf-8")
            lines = [line.strip() for line in current.splitlines()]
            missing = [] if any(line.rstrip("/") in (".finsam-cache", "/.finsam-cache") for line in lines) else [
                CACHE_IGNORE]
            missing += [] if TEMP_IGNORE in lines else [TEMP_IGNORE]
            if missing:
                replace_file(path, (current + ("" if current.endswith("\n") or not current else "\n")
                                    + "".join(line + "\n" for line in missing)).encode("utf-8"))
                written.append(rel)
            else:
                kept.append(rel)
            continue
        try:
            with open(path, "x", encoding="utf-8", newline="\n") as f:
                f.write(text)
        except FileExistsError:
            kept.append(rel)
            continue
        written.append(rel)
    return written, kept

"""Every text the editor shows, in Swedish (default) and English: one catalogue.

``t(key, lang, **params)`` gives a UI string; ``field_label`` the label of a schema field
(with a few overrides where one key means different things in different places);
``help_text`` the schema's own help (shown as tooltip and hint).
"""

from __future__ import annotations

from finsam_tui.core.i18n.catalogue import counted
from finsam_tui.core.i18n.lookups import EN as LOOKUP_EN
from finsam_tui.core.i18n.lookups import SV as LOOKUP_SV
from finsam_tui.core.records.schema import Field

# -- user interface strings ------------------------------------------------------------------

UI: dict[str, tuple[str, str]] = {
    # keys (footer)
    "key.save": ("Spara", "Save"),
    "key.back": ("Tillbaka", "Back"),
    "key.done": ("Klar", "Done"),
    "key.cancel": ("Avbryt", "Cancel"),
    "key.choose": ("Välj", "Choose"),
    "key.toggle": ("Välj/avmarkera", "Toggle"),
    "key.clear": ("Töm", "Clear"),
    "key.add": ("Lägg till", "Add"),
    "key.open": ("Öppna", "Open"),
    "key.remove": ("Ta bort", "Remove"),
    "key.up": ("Upp", "Up"),
    "key.down": ("Ner", "Down"),
    "key.create": ("Skapa", "Create"),
    "key.move_to": ("Flytta till…", "Move to…"),
    # the help screen (? in the app): the editor's keys (keys.py)
    "help.editor": ("I redigeraren", "In the editor"),
    "help.save": ("Spara (även från en posts skärm)", "Save (also from an entry's screen)"),
    "help.back": ("Tillbaka; osparat: Spara / Kasta / Avbryt", "Back; unsaved: Save / Discard / Cancel"),
    "help.correct": ("Lägg till rättelse (justerat protokoll)", "Add correction (adjusted minutes)"),
    "help.fields": ("Nästa / föregående fält", "Next / previous field"),
    "help.entries": ("Listor av poster: §§, underpunkter, uppdrag …", "Lists of entries: §§, sub-items, tasks …"),
    "help.add": ("Lägg till efter den markerade", "Add after the highlighted one"),
    "help.remove": ("Ta bort (frågar först)", "Remove (asks first)"),
    "help.up": ("Flytta upp (§§ och bokstäver numreras om)", "Move up (§§ and letters renumbered)"),
    "help.down": ("Flytta ner", "Move down"),
    "help.move_to": ("Flytta till… under en annan § eller till egen §",
                     "Move to… under another § or out as its own §"),
    "help.pickers": ("Fält med val (personer, organ, §§ …) och listan", "Choice fields (persons, organs, §§ …)"),
    "help.pick": ("Öppna listan", "Open the list"),
    "help.clear": ("Töm fältet", "Clear the field"),
    "help.pick_typing": ("Skriv i fältet: listan öppnas filtrerad", "Type in the field: the list opens filtered"),
    "help.picker_filter": ("I listan: skriv för att filtrera", "In the list: type to filter"),
    "help.picker_move": ("I listan: flytta markeringen", "In the list: move the highlight"),
    "help.picker_enter": ("Välj (flerval: välj/avmarkera)", "Choose (several: toggle)"),
    "help.picker_cancel": ("Avbryt (flerval: klar)", "Cancel (several: done)"),
    "help.dialogs": ("Frågor och dialoger", "Questions and dialogs"),
    "help.dialog_buttons": ("Mellan knapparna", "Between the buttons"),
    "help.dialog_press": ("Tryck på knappen", "Press the button"),
    "help.dialog_cancel": ("Avbryt", "Cancel"),
    "help.create": ("Skapa (ny post)", "Create (new record)"),
    # kinds
    "kind.forbund": ("förbundets inställningar", "association settings"),
    "kind.organisation": ("medlemsorganisation", "member organisation"),
    "kind.person": ("person", "person"),
    "kind.meeting": ("möte", "meeting"),
    "kind.budget": ("budget", "budget"),
    "kind.insats": ("insats", "insats"),
    # edit screen
    "edit.title": ("Redigera {kind}", "Edit {kind}"),
    "new.title": ("Ny {kind}", "New {kind}"),
    "edit.modified": ("● ändrad", "● modified"),
    "edit.saved": ("Sparat: {rel}", "Saved: {rel}"),
    "edit.saved_with": ("Sparat: {rel} ({summary})", "Saved: {rel} ({summary})"),
    "edit.unchanged": ("Inga ändringar att spara", "No changes to save"),
    "edit.no_findings": ("Inga fel", "No problems"),
    "edit.counts": ("{errors} fel · {warnings} {warnings:varning|varningar}",
                    "{errors} {errors:error|errors} · {warnings} {warnings:warning|warnings}"),
    "edit.local_errors": ("Kan inte spara: rätta först de fält som inte kan tolkas ({fields})",
                          "Cannot save: first fix the fields that cannot be read ({fields})"),
    "edit.cannot_read": ("Kan inte öppna {rel}: {reason}", "Cannot open {rel}: {reason}"),
    "edit.syntax": ("Filen har ett syntaxfel och kan inte redigeras i formuläret: {reason}",
                    "The file has a syntax error and cannot be edited in the form: {reason}"),
    "edit.reloaded": ("Inläst från disken igen", "Reloaded from disk"),
    "edit.gone": ("Filen finns inte längre på disken", "The file no longer exists on disk"),
    "edit.entry": ("{parent} › {entry}", "{parent} › {entry}"),
    "edit.other_findings": ("Övrigt i filen", "Other problems in the file"),
    "edit.required": ("obligatoriskt", "required"),
    # leaving with unsaved changes
    "leave.title": ("Osparade ändringar", "Unsaved changes"),
    "leave.body": ("{what} har ändringar som inte är sparade.", "{what} has changes that are not saved."),
    "leave.save": ("Spara", "Save"),
    "leave.discard": ("Kasta ändringarna", "Discard changes"),
    "leave.cancel": ("Avbryt", "Cancel"),
    # conflict
    "conflict.title": ("Filen har ändrats på disken", "The file has changed on disk"),
    "conflict.reload": ("Ladda om", "Reload"),
    "conflict.keep": ("Behåll mina", "Keep mine"),
    "conflict.cancel": ("Avbryt", "Cancel"),
    "conflict.reload_help": ("Ladda om: kasta dina ändringar och läs in versionen på disken.",
                             "Reload: discard your changes and read the version on disk."),
    "conflict.keep_help": ("Behåll mina: skriv din version över den på disken (du får bekräfta).",
                           "Keep mine: write your version over the one on disk (you will confirm)."),
    "overwrite.title": ("Skriv över filen på disken?", "Overwrite the file on disk?"),
    "overwrite.body": (("Versionen på disken ersätts av din. Ändringar som gjorts där sedan du öppnade filen "
                        "går förlorade (kommentarer i den behålls)."),
                       ("The version on disk is replaced by yours. Changes made there since you opened the file "
                        "are lost (its comments are kept).")),
    "overwrite.yes": ("Skriv över", "Overwrite"),
    # delete
    "delete.title": ("Ta bort {rel}?", "Delete {rel}?"),
    "delete.body": ("{what} tas bort från arkivet. Det går bara att ångra med git.",
                    "{what} is removed from the archive. Only git can undo this."),
    "delete.refs": ("{count} {count:hänvisning|hänvisningar} pekar hit och blir {count:ogiltig|ogiltiga}.",
                    "{count} {count:reference|references} {count:points|point} here and will become dangling."),
    "delete.yes": ("Ta bort", "Delete"),
    "delete.done": ("Borttagen: {rel}", "Deleted: {rel}"),
    # entries (arrays of tables)
    "entry.remove_title": ("Ta bort {entry}?", "Remove {entry}?"),
    "entry.remove_body": ("Posten tas bort ur formuläret (filen ändras först när du sparar).",
                          "The entry is removed from the form (the file changes only when you save)."),
    "entry.empty": ("(inga)", "(none)"),
    "entry.new": ("(ny)", "(new)"),
    "entry.renumbered": ("§§ numrerade om", "§§ renumbered"),
    "entry.problems": ("{count} problem", "{count} {count:problem|problems}"),
    # moving a § or sub-item to another § (or a sub-item out as a § of its own)
    "move_to.title": ("Flytta {entry} till…", "Move {entry} to…"),
    "move_to.own": ("Som egen § (efter {after})", "As a § of its own (after {after})"),
    "move_to.under": ("Under {entry}", "Under {entry}"),
    "move_to.done": ("Flyttad: {entry} → {to}", "Moved: {entry} → {to}"),
    "move_to.has_sub": (("{entry} har egna underpunkter ({letters}) och kan inte bli en underpunkt "
                         "(underpunkter har inga underpunkter). Flytta eller ta bort dem först."),
                        ("{entry} has sub-items of its own ({letters}) and cannot become a sub-item "
                         "(sub-items have no sub-items). Move or remove them first.")),
    "move_to.fields": (("{entry} kan inte bli en underpunkt: en underpunkt kan inte ha {fields}. "
                        "Ta bort det först."),
                       ("{entry} cannot become a sub-item: a sub-item cannot have {fields}. "
                        "Remove that first.")),
    "move_to.nowhere": ("Det finns ingen annan § att flytta till", "There is no other § to move to"),
    "move_to.nothing": ("Ingen § eller underpunkt vald", "No § or sub-item chosen"),
    "move_to.local_errors": ("Rätta först de fält som inte kan tolkas ({fields})",
                             "First fix the fields that cannot be read ({fields})"),
    # pickers
    "picker.filter": ("Skriv för att filtrera…", "Type to filter…"),
    "picker.none": ("— välj —", "— choose —"),
    "picker.count": ("{shown} av {total}", "{shown} of {total}"),
    "picker.more": ("{shown} av {total} visas – skriv mer för att begränsa",
                    "{shown} of {total} shown – type more to narrow"),
    "picker.selected": ("Valda: {names}", "Chosen: {names}"),
    "picker.help_single": ("↑↓ flytta · enter välj · esc avbryt", "↑↓ move · enter choose · esc cancel"),
    "picker.help_multi": ("↑↓ flytta · enter/mellanslag välj/avmarkera · esc klar",
                          "↑↓ move · enter/space toggle · esc done"),
    "picker.present_only": ("Endast närvarande visas", "Only those present are shown"),
    "picker.guests": ("Gäster, en per rad: Namn; roll", "Guests, one per line: Name; role"),
    # fields
    "date.parsed": ("= {iso} ({weekday})", "= {iso} ({weekday})"),
    "date.bad": ("Inget datum: skriv t.ex. 2022-06-17, 17 juni 2022, idag eller +3v",
                 "Not a date: write e.g. 2022-06-17, 17 june 2022, today or +3w"),
    "int.bad": ("Skriv ett heltal, t.ex. 3", "Write a whole number, e.g. 3"),
    "amount.bad": ("Skriv ett belopp i hela kronor, t.ex. 1 500 000", "Write an amount in whole kronor, e.g. 1500000"),
    "number.bad": ("Skriv ett tal, t.ex. 0,35", "Write a number, e.g. 0.35"),
    "counts.bad": ("Rad {line}: skriv orsak = antal, t.ex. arbete = 3",
                   "Line {line}: write reason = count, e.g. work = 3"),
    "guest.bad": ("Rad {line}: skriv Namn; roll", "Line {line}: write Name; role"),
    "lines.help": ("En per rad", "One per line"),
    "bool.yes": ("ja", "yes"),
    "bool.no": ("nej", "no"),
    "default": ("standard: {value}", "default: {value}"),
    "line": ("rad {n}", "line {n}"),
    # new record
    "newrec.title": ("Ny post", "New record"),
    "newrec.kind": ("Slag", "Kind"),
    "newrec.name": ("Namn", "Name"),
    "newrec.year": ("År", "Year"),
    "newrec.organ": ("Organ", "Organ"),
    "newrec.date": ("Datum", "Date"),
    "newrec.suffix": ("Tillägg", "Suffix"),
    "newrec.suffix_help": ("bara om två möten samma dag, t.ex. extra", "only if two meetings on one day, e.g. extra"),
    "newrec.from_previous": ("Utgå från föregående möte", "Start from the previous meeting"),
    "newrec.previous": ("Utgår från {meeting}", "Based on {meeting}"),
    "newrec.no_previous": ("Inget tidigare möte för organet: ett tomt möte skapas",
                           "No earlier meeting of the organ: an empty meeting is created"),
    "newrec.file": ("Fil: {rel}", "File: {rel}"),
    "newrec.exists": ("Finns redan: {rel}", "Already exists: {rel}"),
    "newrec.need_name": ("Skriv ett namn", "Write a name"),
    "newrec.bad_id": ("Namnet ger inget giltigt id", "The name gives no valid id"),
    "newrec.need_year": ("Skriv ett år, t.ex. 2025", "Write a year, e.g. 2025"),
    "newrec.need_organ": ("Välj ett organ", "Choose an organ"),
    "newrec.need_date": ("Skriv mötets datum", "Write the meeting's date"),
    "newrec.bad_suffix": ("Tillägget får bara ha a–z, 0–9 och -", "The suffix may only contain a–z, 0–9 and -"),
    "newrec.no_forbund": ("Förbundets inställningar finns redan (forbund.toml)",
                          "The association settings already exist (forbund.toml)"),
    # a locked (justerat) protocol and its corrections (rättelser)
    "key.correct": ("Lägg till rättelse", "Add correction"),
    "locked.banner": (("Justerat protokoll – skrivskyddat. Ändringar görs som rättelse (ctrl+k). "
                       "Status och anslag kan ändras."),
                      ("Adjusted minutes – read-only. Changes are made as a correction (ctrl+k). "
                       "The state and the posting can be changed.")),
    "locked.correcting": (("Rättelse: gör ändringarna och spara (ctrl+s) – du anger sedan datum, vem, vad "
                           "och varför."),
                          ("Correction: make the changes and save (ctrl+s) – then give the date, by whom, "
                           "what and why.")),
    "locked.started": ("Rättelse påbörjad: fälten kan ändras", "Correction started: the fields can be changed"),
    "locked.refused": ("Justerat protokoll: ändringar görs som rättelse (ctrl+k)",
                       "Adjusted minutes: changes are made as a correction (ctrl+k)"),
    "locked.no_change": ("Inget i protokollet har ändrats: ingen rättelse behövs",
                         "Nothing in the minutes has changed: no correction is needed"),
    "correct.title": ("Rättelse av justerat protokoll {ref}", "Correction of the adjusted minutes {ref}"),
    "correct.changes": ("Ändrat: {changes}", "Changed: {changes}"),
    "correct.date": ("Datum", "Date"),
    "correct.by": ("Rättad av", "Corrected by"),
    "correct.what": ("Vad ändrades", "What changed"),
    "correct.why": ("Varför", "Why"),
    "correct.what_hint": ("t.ex. §17: stavning av utvärderarens namn",
                          "e.g. §17: spelling of the evaluator's name"),
    "correct.why_hint": ("t.ex. skrivfel i justerat protokoll", "e.g. a typo in the adjusted minutes"),
    "correct.need_by": ("Välj vem som gör rättelsen", "Choose who makes the correction"),
    "correct.need_what": ("Skriv vad som ändrades", "Write what was changed"),
    "correct.need_why": ("Skriv varför protokollet rättas", "Write why the minutes are corrected"),
    "correct.save": ("Spara rättelse", "Save correction"),
    "correct.saved": ("Rättelse sparad: {rel}", "Correction saved: {rel}"),
    # locking a meeting saved as justerad (as finsam lock does)
    "lock.title": ("Låsa det justerade protokollet?", "Lock the adjusted minutes?"),
    "lock.body": (("Mötet sparas som {state}. Ett låst protokoll får ett fingeravtryck, så att varje senare "
                   "ändring syns: den görs då som en rättelse (ctrl+k)."),
                  ("The meeting is saved as {state}. Locked minutes get a fingerprint, so that every later "
                   "change shows: it is then made as a correction (ctrl+k).")),
    "lock.has_errors": ("Protokollet har {count} fel och kan inte låsas förrän de är rättade.",
                        "The minutes have {count} {count:error|errors} and cannot be locked until they are fixed."),
    "lock.yes": ("Spara och lås", "Save and lock"),
    "lock.no": ("Spara utan att låsa", "Save without locking"),
    # moving a meeting whose date or organ changed
    "move.title": ("Flytta filen?", "Move the file?"),
    "move.body": ("Mötets datum eller organ har ändrats. Flytta filen till {rel}?",
                  "The meeting's date or organ has changed. Move the file to {rel}?"),
    "move.refs_rewrite": ("Hänvisningar till mötet och dess paragrafer som skrivs om till {new}: {count} i {files} "
                          "{files:fil|filer} ({rels}).",
                          "References to the meeting and its paragraphs rewritten to {new}: {count} in {files} "
                          "{files:file|files} ({rels})."),
    "move.refs_locked": ("Justerade protokoll som hänvisar hit ändras inte (rätta dem med en rättelse): {rels}.",
                         "Justerade minutes that refer to it are not changed (correct them with a rättelse): {rels}."),
    "move.refs_by_year": ("Hänvisningar till paragrafer per år (organ/år/§) ändras inte: {rels}.",
                          "References to paragraphs by year (organ/year/§) are not changed: {rels}."),
    "move.refs_unreadable": ("Kunde inte läsas och ändras inte: {rels}.", "Could not be read and are not changed: {rels}."),
    "move.refs_unknown": ("Hänvisningarna till {ref} kunde inte sökas fram: kontrollera dem efteråt (finsam validate).",
                          "The references to {ref} could not be looked up: check them afterwards (finsam validate)."),
    "move.no_refs": ("Inga andra poster hänvisar till {ref}.", "No other records refer to {ref}."),
    "move.exists": ("Det finns redan en fil {rel}: filen kan inte flyttas dit (inget skrivs över).",
                    "A file {rel} already exists: the file cannot be moved there (nothing is overwritten)."),
    "move.stay_help": ("Spara utan att flytta: filen ligger kvar och stämmer inte med sin plats (FS320).",
                       "Save without moving: the file stays where it is and does not match its place (FS320)."),
    "move.yes": ("Flytta", "Move"),
    "move.stay": ("Spara utan att flytta", "Save without moving"),
    "move.done": ("Flyttad: {old} → {rel}", "Moved: {old} → {rel}"),
    "move.done_refs": ("; hänvisningar uppdaterade: {count} i {files} {files:fil|filer}",
                      "; references updated: {count} in {files} {files:file|files}"),
    "move.done_refused": ("; ändrades inte, filen ändrad på disk sedan den lästes: {rels}",
                          "; not changed, the file changed on disk since it was read: {rels}"),
    "move.done_left": ("; hänvisningar kvar att rätta i: {rels}", "; references left to fix in: {rels}"),
    "open.unknown": ("Okänd åtgärd {action}", "Unknown action {action}"),
    "open.need_rel": ("Ingen post angiven", "No record given"),
}

WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def t(key: str, lang: str = "sv", **params) -> str:
    sv, en = UI[key]
    text = en if lang == "en" else sv
    return text.format(**counted(params)) if params else text


# -- field labels ------------------------------------------------------------------------------
# The form's labels where they differ from the record words of the lookups (lookup_labels),
# which are used for every other key: a form may say more ("Beslut (att-satser)") than a view.

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("Namn", "Name"),
    "org_number": ("Organisationsnummer", "Org. number"),
    "language": ("Språk", "Language"),
    "paragraph_numbering": ("§-numrering", "§ numbering"),
    "quorum": ("Beslutförhet", "Quorum"),
    "adjusters_must_vote": ("Justerare ska rösta", "Adjusters must vote"),
    "seats": ("Platser per medlem", "Seats per member"),
    "members": ("Ledamöter", "Members"),
    "substitutes": ("Ersättare", "Substitutes"),
    "deadlines": ("Frister", "Deadlines"),
    "justering_days": ("Justering inom (dagar)", "Adjust within (days)"),
    "anslag_within_days": ("Anslag inom (dagar)", "Post within (days)"),
    "anslag_min_days": ("Anslag minst (dagar)", "Posted at least (days)"),
    "budget_month_day": ("Budget senast (MM-DD)", "Budget by (MM-DD)"),
    "organs": ("Organ", "Organs"),
    "id": ("Id", "Id"),
    "kind": ("Typ", "Kind"),
    "address": ("Adress", "Address"),
    "storage": ("Förvaring", "Storage"),
    "contribution_key": ("Kommunandel (0–1)", "Municipal share (0–1)"),  # (fits the label column)
    "memberships": ("Uppdrag i organen", "Memberships"),
    "organ": ("Organ", "Organ"),
    "role": ("Roll", "Role"),
    "on_behalf_of": ("För medlem", "On behalf of"),
    "voting": ("Rösträtt", "Voting"),
    "start": ("Från och med", "Start"),
    "end": ("Till och med", "End"),
    "call_order": ("Inkallelseordning", "Call order"),
    "diarienummer": ("Diarienummer", "Registry no."),
    "serving": ("Tjänstgörande ersättare", "Serving substitutes"),
    "coopted": ("Adjungerade", "Co-opted"),
    "others": ("Övriga närvarande", "Others present"),
    "justering": ("Justering", "Adjustment"),
    "signing": ("Signering", "Signature"),
    "anslag": ("Anslag/bevis", "Posting"),
    "posted": ("Uppsatt", "Posted"),
    "removed": ("Nedtaget", "Taken down"),
    "notes": ("Anteckningar", "Notes"),
    "items": ("Paragrafer (§§)", "Paragraphs (§)"),
    "number": ("§-nummer", "§ number"),
    "background": ("Bakgrund", "Background"),
    "proposal": ("Förslag till beslut", "Proposal"),
    "decision": ("Beslut (att-satser)", "Decision clauses"),
    "decision_text": ("Beslut i löptext", "Decision as text"),
    "letter": ("Bokstav", "Letter"),
    "task": ("Uppdrag", "Task"),
    "responsible": ("Ansvarig", "Responsible"),
    "due": ("Klart senast", "Due"),
    "status": ("Status", "Status"),
    "reported": ("Återrapporterat i", "Reported at"),
    "person": ("Person", "Person"),
    "text": ("Text", "Text"),
    "replaces": ("Ersätter", "Replaces"),
    "year": ("År", "Year"),
    "equity_start": ("Eget kapital (start)", "Equity at start"),
    "label": ("Rubrik", "Label"),
    "decided_by": ("Beslutad i", "Decided by"),
    "income": ("Medlemsbidrag", "Contributions"),
    "member": ("Medlem", "Member"),
    "other_income": ("Övriga intäkter", "Other income"),
    "categories": ("Kostnadskategorier", "Cost categories"),
    "total": ("Angiven summa", "Stated total"),
    "lines": ("Kostnadsrader", "Cost lines"),
    "totals": ("Angivna summor", "Stated totals"),
    "costs": ("Kostnader", "Costs"),
    "women": ("Kvinnor", "Women"),
    "men": ("Män", "Men"),
    "new": ("Nya", "New"),
    "ended": ("Avslutade", "Ended"),
    "ended_reasons": ("Avslutsorsaker", "Reasons for ending"),
    "fingerprint": ("Fingeravtryck", "Fingerprint"),
    "corrections": ("Rättelser", "Corrections"),
    "by": ("Rättad av", "Corrected by"),
    "what": ("Vad som ändrades", "What changed"),
    "why": ("Varför", "Why"),
}

# (parent field name or kind, field name) -> label, where one key means different things
LABEL_OVERRIDES: dict[tuple[str, str], tuple[str, str]] = {
    ("items", "title"): ("Rubrik", "Title"),
    ("sub", "title"): ("Rubrik", "Title"),
    ("items", "kind"): ("Typ av ärende", "Kind of matter"),
    ("sub", "kind"): ("Typ av ärende", "Kind of matter"),
    ("meeting", "kind"): ("Typ av möte", "Kind of meeting"),
    ("meeting", "start"): ("Starttid", "Start time"),
    ("meeting", "end"): ("Sluttid", "End time"),
    ("insats", "start"): ("Startdatum", "Start date"),
    ("insats", "end"): ("Slutdatum", "End date"),
    ("attendance", "voting"): ("Beslutande", "Voting members"),
    ("attendance", "substitutes"): ("Ersättare (ej tjg.)", "Substitutes (not serving)"),
    ("seats", "members"): ("Ledamöter", "Members"),
    ("totals", "income"): ("Intäkter", "Income"),
    ("organisation", "kind"): ("Typ av medlem", "Kind of member"),
    ("organs", "kind"): ("Typ av organ", "Kind of organ"),
    ("versions", "kind"): ("Typ av version", "Kind of version"),
    ("categories", "kind"): ("Kostnadsslag", "Cost category"),
    ("reservations", "person"): ("Reserverar sig", "Dissenting"),
    ("reservations", "text"): ("Lydelse", "Text"),
    ("jav", "person"): ("Jävig", "Conflicted"),
    ("jav", "chair"): ("Ordförande under ärendet", "Chair meanwhile"),
    ("serving", "person"): ("Ersättare", "Substitute"),
}


def _pair(name: str, parent: str) -> tuple[str, str] | None:
    """The form's own label of a key, else the record word of the lookups (``finsam show``,
    the TUI's details) when that is a plain label."""
    pair = LABEL_OVERRIDES.get((parent, name)) or FIELD_LABELS.get(name)
    if pair:
        return pair
    sv, en = LOOKUP_SV.get(name), LOOKUP_EN.get(name)
    if isinstance(sv, str) and isinstance(en, str) and "{" not in sv + en:
        return sv, en
    return None


def field_label(f: Field, parent: str, lang: str = "sv") -> str:
    """The label of field f inside parent (a table field's name or the record kind)."""
    pair = _pair(f.name, parent)
    if pair:
        return pair[1] if lang == "en" else pair[0]
    help_ = help_text(f, lang)
    return help_.split(":")[0][:30] if help_ else f.name


def key_label(name: str, parent: str, lang: str = "sv") -> str:
    """The label of a key of the data inside parent (a table field's name or the record kind)."""
    pair = _pair(name, parent)
    return (pair[1] if lang == "en" else pair[0]) if pair else name


def help_text(f: Field, lang: str = "sv") -> str:
    return (f.help_en or f.help_sv) if lang == "en" else (f.help_sv or f.help_en)


def kind_label(kind: str, lang: str = "sv") -> str:
    return t(f"kind.{kind}", lang)

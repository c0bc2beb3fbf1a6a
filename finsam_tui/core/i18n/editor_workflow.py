"""The editor's words for the edit workflows, Swedish (default) and English: a locked
(justerat) protocol and its corrections (rättelser), locking a meeting saved as justerad,
moving a meeting whose date or organ changed, opening a record by action, and the opening §§
of a new meeting.

Read through :func:`finsam_tui.core.i18n.editor.t`, like ``editor_ui.py``.
"""

from __future__ import annotations

WORKFLOW_SV: dict[str, str] = {
    # a locked (justerat) protocol and its corrections (rättelser)
    "key.correct": "Lägg till rättelse",
    "locked.banner": ("Justerat protokoll – skrivskyddat. Ändringar görs som rättelse (ctrl+k). Status och anslag "
                      "kan ändras."),
    "locked.correcting": "Rättelse: gör ändringarna och spara (ctrl+s) – du anger sedan datum, vem, vad och varför.",
    "locked.started": "Rättelse påbörjad: fälten kan ändras",
    "locked.refused": "Justerat protokoll: ändringar görs som rättelse (ctrl+k)",
    "locked.no_change": "Inget i protokollet har ändrats: ingen rättelse behövs",
    "correct.title": "Rättelse av justerat protokoll {ref}",
    "correct.changes": "Ändrat: {changes}",
    "correct.date": "Datum",
    "correct.date_placeholder": "2024-02-16, 16 feb 2024, idag",
    "correct.by": "Rättad av",
    "correct.what": "Vad ändrades",
    "correct.why": "Varför",
    "correct.what_hint": "t.ex. §17: stavning av utvärderarens namn",
    "correct.why_hint": "t.ex. skrivfel i justerat protokoll",
    "correct.need_by": "Välj vem som gör rättelsen",
    "correct.need_what": "Skriv vad som ändrades",
    "correct.need_why": "Skriv varför protokollet rättas",
    "correct.before_meeting": "Rättelsen kan inte vara daterad före mötet ({meeting})",
    "correct.in_future": "Rättelsen kan inte vara daterad efter i dag ({today})",
    "correct.save": "Spara rättelse",
    "correct.saved": "Rättelse sparad: {rel}",
    # locking a meeting saved as justerad (as finsam lock does)
    "lock.title": "Låsa det justerade protokollet?",
    "lock.body": ("Mötet sparas som {state}. Ett låst protokoll får ett fingeravtryck, så att varje senare "
                  "ändring syns: den görs då som en rättelse (ctrl+k)."),
    "lock.has_errors": "Protokollet har {count} fel och kan inte låsas förrän de är rättade.",
    "lock.yes": "Spara och lås",
    "lock.no": "Spara utan att låsa",
    # moving a meeting whose date or organ changed
    "move.title": "Flytta filen?",
    "move.body": "Mötets datum eller organ har ändrats. Flytta filen till {rel}?",
    "move.refs_rewrite": ("Hänvisningar till mötet och dess paragrafer som skrivs om till {new}: {count} i "
                          "{files} {files:fil|filer} ({rels})."),
    "move.refs_locked": "Justerade protokoll som hänvisar hit ändras inte (rätta dem med en rättelse): {rels}.",
    "move.refs_by_year": "Hänvisningar till paragrafer per år (organ/år/§) ändras inte: {rels}.",
    "move.refs_unreadable": "Kunde inte läsas och ändras inte: {rels}.",
    "move.refs_unknown": "Hänvisningarna till {ref} kunde inte sökas fram: kontrollera dem efteråt (finsam validate).",
    "move.no_refs": "Inga andra poster hänvisar till {ref}.",
    "move.exists": "Det finns redan en fil {rel}: filen kan inte flyttas dit (inget skrivs över).",
    "move.stay_help": "Spara utan att flytta: filen ligger kvar och stämmer inte med sin plats (FS320).",
    "move.yes": "Flytta",
    "move.stay": "Spara utan att flytta",
    "move.done": "Flyttad: {old} → {rel}",
    "move.done_refs": "; hänvisningar uppdaterade: {count} i {files} {files:fil|filer}",
    "move.done_refused": "; ändrades inte, filen ändrad på disk sedan den lästes: {rels}",
    "move.done_left": "; hänvisningar kvar att rätta i: {rels}",
    "move.done_copies": "; ett annat program ändrade samtidigt, dess version ligger kvar som: {copies}",
    "open.unknown": "Okänd åtgärd {action}",
    "open.need_rel": "Ingen post angiven",
    # the opening §§ of a new meeting (written into the record)
    "new_meeting.opening": "Mötets öppnande",
    "new_meeting.adjusters": "Val av justerare",
    "new_meeting.agenda": "Godkännande av dagordning",
}

WORKFLOW_EN: dict[str, str] = {
    "key.correct": "Add correction",
    "locked.banner": ("Adjusted minutes – read-only. Changes are made as a correction (ctrl+k). The state and the "
                      "posting can be changed."),
    "locked.correcting": "Correction: make the changes and save (ctrl+s) – then give the date, by whom, what and why.",
    "locked.started": "Correction started: the fields can be changed",
    "locked.refused": "Adjusted minutes: changes are made as a correction (ctrl+k)",
    "locked.no_change": "Nothing in the minutes has changed: no correction is needed",
    "correct.title": "Correction of the adjusted minutes {ref}",
    "correct.changes": "Changed: {changes}",
    "correct.date": "Date",
    "correct.date_placeholder": "2024-02-16, 16 feb 2024, today",
    "correct.by": "Corrected by",
    "correct.what": "What changed",
    "correct.why": "Why",
    "correct.what_hint": "e.g. §17: spelling of the evaluator's name",
    "correct.why_hint": "e.g. a typo in the adjusted minutes",
    "correct.need_by": "Choose who makes the correction",
    "correct.need_what": "Write what was changed",
    "correct.need_why": "Write why the minutes are corrected",
    "correct.before_meeting": "The correction cannot be dated before the meeting ({meeting})",
    "correct.in_future": "The correction cannot be dated after today ({today})",
    "correct.save": "Save correction",
    "correct.saved": "Correction saved: {rel}",
    "lock.title": "Lock the adjusted minutes?",
    "lock.body": ("The meeting is saved as {state}. Locked minutes get a fingerprint, so that every later change "
                  "shows: it is then made as a correction (ctrl+k)."),
    "lock.has_errors": "The minutes have {count} {count:error|errors} and cannot be locked until they are fixed.",
    "lock.yes": "Save and lock",
    "lock.no": "Save without locking",
    "move.title": "Move the file?",
    "move.body": "The meeting's date or organ has changed. Move the file to {rel}?",
    "move.refs_rewrite": ("References to the meeting and its paragraphs rewritten to {new}: {count} in {files} "
                          "{files:file|files} ({rels})."),
    "move.refs_locked": "Justerade minutes that refer to it are not changed (correct them with a rättelse): {rels}.",
    "move.refs_by_year": "References to paragraphs by year (organ/year/§) are not changed: {rels}.",
    "move.refs_unreadable": "Could not be read and are not changed: {rels}.",
    "move.refs_unknown": "The references to {ref} could not be looked up: check them afterwards (finsam validate).",
    "move.no_refs": "No other records refer to {ref}.",
    "move.exists": "A file {rel} already exists: the file cannot be moved there (nothing is overwritten).",
    "move.stay_help": "Save without moving: the file stays where it is and does not match its place (FS320).",
    "move.yes": "Move",
    "move.stay": "Save without moving",
    "move.done": "Moved: {old} → {rel}",
    "move.done_refs": "; references updated: {count} in {files} {files:file|files}",
    "move.done_refused": "; not changed, the file changed on disk since it was read: {rels}",
    "move.done_left": "; references left to fix in: {rels}",
    "move.done_copies": "; another program changed them at the same time, its version is kept as: {copies}",
    "open.unknown": "Unknown action {action}",
    "open.need_rel": "No record given",
    "new_meeting.opening": "Opening of the meeting",
    "new_meeting.adjusters": "Election of adjusters",
    "new_meeting.agenda": "Approval of the agenda",
}

WORKFLOW: dict[str, dict[str, str]] = {"sv": WORKFLOW_SV, "en": WORKFLOW_EN}

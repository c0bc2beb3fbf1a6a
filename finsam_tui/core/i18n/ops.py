"""The words of the edit operations on the command line: ``finsam lock`` and ``finsam correct``.

One catalogue per language (Swedish the default and the fallback, English complete), read
through :class:`Words` (``W[key]``, ``W.fmt(key, **params)``). The words of the same
operations in the editor are ``core/i18n/editor.py``'s.
"""

from __future__ import annotations

from finsam_tui.core.i18n.catalogue import Catalogue

SV: dict[str, object] = {
    "locked": "Låst: {ref}",
    "already": "Redan låst: {ref}",
    "none": "Inga justerade möten att låsa.",
    "need_ref": "ange ett möte (REF) eller --all, inte båda.",
    "unknown": "mötet {ref} finns inte.",
    "nearest": "Närmaste möte: {nearest}",
    "no_meetings": "Arkivet har inga möten.",
    "not_a_meeting": "{ref} är ingen mötesreferens; skriv t.ex. styrelse/2023-04-14.",
    "unreadable": "{ref} kan inte läsas:",
    "not_adjusted": "{ref} är inte justerat (status {state}).",
    "errors": "{ref} har fel och låses inte:",
    "changed": ("{ref} har ändrats sedan det låstes; skriv ändringen som rättelse med "
                "finsam correct {ref} --by ID --what … --why …"),
    "unchanged": "{ref} har inte ändrats sedan låsningen: det finns inget att rätta.",
    "not_locked": "{ref} är inte låst: kör finsam lock {ref} först.",
    "corrected": "Rättelse införd: {ref}",
    "bad_date": "{text!r} är inget datum: skriv t.ex. 2022-06-17, 17 juni 2022, idag eller +3v.",
    "bad_person": "Okänd person {person!r}.",
    "not_written": "{ref} skrevs inte: {reason}",
}

EN: dict[str, object] = {
    "locked": "Locked: {ref}",
    "already": "Already locked: {ref}",
    "none": "No adjusted meetings to lock.",
    "need_ref": "name a meeting (REF) or --all, not both.",
    "unknown": "there is no meeting {ref}.",
    "nearest": "Nearest meeting: {nearest}",
    "no_meetings": "The records hold no meetings.",
    "not_a_meeting": "{ref} is not a meeting reference; write e.g. styrelse/2023-04-14.",
    "unreadable": "{ref} cannot be read:",
    "not_adjusted": "{ref} is not adjusted (state {state}).",
    "errors": "{ref} has errors and is not locked:",
    "changed": ("{ref} changed since it was locked; record the change as a correction with "
                "finsam correct {ref} --by ID --what … --why …"),
    "unchanged": "{ref} has not changed since it was locked: there is nothing to correct.",
    "not_locked": "{ref} is not locked: run finsam lock {ref} first.",
    "corrected": "Correction recorded: {ref}",
    "bad_date": "{text!r} is not a date: write e.g. 2022-06-17, 17 june 2022, today or +3w.",
    "bad_person": "Unknown person {person!r}.",
    "not_written": "{ref} was not written: {reason}",
}

CATALOGUE: dict[str, dict[str, object]] = {"sv": SV, "en": EN}


class Words(Catalogue):
    """The words of ``finsam lock`` and ``finsam correct`` in one language."""

    CATALOGUE = CATALOGUE

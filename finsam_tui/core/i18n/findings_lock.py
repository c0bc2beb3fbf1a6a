"""The words inside the findings about locked protocols (FS355–FS359): what in a file says it
was locked, what is wrong with a rättelse, and what the git witness found and where. Part of
the findings area (``findings.py`` merges it)."""

from __future__ import annotations

LOCK: dict[str, dict[str, object]] = {
    "sv": {
        "lock_evidence_fingerprint": "det har ett fingeravtryck",
        "lock_evidence_corrections": "det har rättelser",
        "lock_evidence_printed": "namnen är frysta i [justering.printed]",
        "lock_evidence_corrections_printed": "det har rättelser och namnen är frysta i [justering.printed]",
        "correction_empty_what": "vad som ändrades (what) är tomt",
        "correction_empty_why": "varför (why) är tomt",
        "correction_before_meeting": "daterad {date}, före mötet {meeting}",
        "correction_in_future": "daterad {date}, efter i dag ({today})",
        "witness_commit": "commit {short} ({date}, {author})",
        "witness_content": "innehållet har ändrats utan rättelse, vid {where}",
        "witness_fingerprint_removed": "fingeravtrycket har tagits bort",
        "witness_state": "status är {state}",
        "witness_correction_removed": "rättelse {n} har tagits bort",
        "witness_correction_changed": "rättelse {n} har skrivits om",
        "witness_changed_in": "ändrat i commit {short} ({date}, {author})",
        "witness_uncommitted": "ändringen är inte incheckad än",
    },
    "en": {
        "lock_evidence_fingerprint": "they have a fingerprint",
        "lock_evidence_corrections": "they have corrections",
        "lock_evidence_printed": "their names are frozen in [justering.printed]",
        "lock_evidence_corrections_printed": "they have corrections and their names are frozen in [justering.printed]",
        "correction_empty_what": "what was changed (what) is empty",
        "correction_empty_why": "the reason (why) is empty",
        "correction_before_meeting": "dated {date}, before the meeting on {meeting}",
        "correction_in_future": "dated {date}, after today ({today})",
        "witness_commit": "commit {short} ({date}, {author})",
        "witness_content": "the content was changed without a correction, at {where}",
        "witness_fingerprint_removed": "the fingerprint was removed",
        "witness_state": "the state is {state}",
        "witness_correction_removed": "correction {n} was removed",
        "witness_correction_changed": "correction {n} was rewritten",
        "witness_changed_in": "changed in commit {short} ({date}, {author})",
        "witness_uncommitted": "the change is not committed yet",
    },
}

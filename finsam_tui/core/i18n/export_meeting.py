"""The exports' words for a meeting's letterhead, its bilagor, the next meeting and points
without § (merged into the export catalogue, ``export.py``)."""

from __future__ import annotations

from finsam_tui.core.i18n.editor_ui import FORM_EN, FORM_SV


def _weekdays(form: dict[str, str]) -> dict[str, str]:
    """The weekday names (Monday "0" … Sunday "6") of the editor's table, the one place they are written."""
    return {str(i): form[f"weekday.{i}"] for i in range(7)}


_SV: dict[str, object] = {
    "letterhead_members": "Medlemmar: {members}",
    "meeting_bilagor": "Bilagor",
    "bilaga_entry": "Bilaga {number} {title}",
    "point_heading_number": "{number}. {title}",
    "point_heading": "{title}",
    "next_meeting_at": "{date} kl. {time}",
    "long_date": "{weekday} {day} {month} {year}",
    "weekdays": _weekdays(FORM_SV),
    "months": {"1": "januari", "2": "februari", "3": "mars", "4": "april", "5": "maj", "6": "juni", "7": "juli",
               "8": "augusti", "9": "september", "10": "oktober", "11": "november", "12": "december"},
    "time_separator": ".",
}

_EN: dict[str, object] = {
    "letterhead_members": "Members: {members}",
    "meeting_bilagor": "Attachments",
    "bilaga_entry": "Attachment {number} {title}",
    "point_heading_number": "{number}. {title}",
    "point_heading": "{title}",
    "next_meeting_at": "{date} at {time}",
    "long_date": "{weekday} {day} {month} {year}",
    "weekdays": _weekdays(FORM_EN),
    "months": {"1": "January", "2": "February", "3": "March", "4": "April", "5": "May", "6": "June", "7": "July",
               "8": "August", "9": "September", "10": "October", "11": "November", "12": "December"},
    "time_separator": ":",
}

EXPORT_MEETING: dict[str, dict[str, object]] = {"sv": _SV, "en": _EN}

"""The words inside the board findings' messages (FS305 on a substitute's own seat, FS401,
FS405–FS409): roles on a seat, intervals, board periods. Part of the findings area
(``findings.py`` merges it)."""

from __future__ import annotations

BOARD: dict[str, dict[str, object]] = {
    "sv": {
        "seat_role_ledamot": "ledamot",
        "seat_role_ersättare": "ersättare",
        "seat_roles_ledamot": "ledamöter",
        "seat_roles_ersättare": "ersättare",
        "interval": "{start}–{end}",
        "interval_from": "från och med {start}",
        "interval_until": "till och med {end}",
        "interval_always": "under hela tiden",
        "period_overlaps": "överlappar perioden {other}",
        "period_ends_before_start": "slutar före den börjar",
        "shared_seats": " (delad plats: {seats})",
        "own_seat": "ledamoten på sin egen plats ({seat})",
        "seat_taken": "platsens ledamot {holders} är beslutande; ange replaces om ersättaren tjänstgör för någon annan",
        "seat_taken_by_substitutes": "platsens {seats} {seats:plats|platser} är redan besatta av andra tjänstgörande",
    },
    "en": {
        "seat_role_ledamot": "member",
        "seat_role_ersättare": "substitute",
        "seat_roles_ledamot": "members",
        "seat_roles_ersättare": "substitutes",
        "interval": "{start}–{end}",
        "interval_from": "from {start}",
        "interval_until": "until {end}",
        "interval_always": "throughout",
        "period_overlaps": "overlaps the period {other}",
        "period_ends_before_start": "ends before it starts",
        "shared_seats": " (shared seat: {seats})",
        "own_seat": "the member on their own seat ({seat})",
        "seat_taken": "the seat's member {holders} is voting; give replaces if the substitute serves for someone else",
        "seat_taken_by_substitutes": "the seat's {seats} {seats:place is|places are} already taken by other serving substitutes",
    },
}

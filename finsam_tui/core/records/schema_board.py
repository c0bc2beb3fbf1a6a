"""The board's compositions in forbund.toml (``[[board_periods]]``): one förbundsordning each,
with its dates and its seats. Part of the förbund settings of ``schema.py`` (FORBUND); the
rules and the quorum read them through ``board.py``."""

from __future__ import annotations

from finsam_tui.core.records.fields import TS, F, L

QUORUM_RULES = ("mer_än_hälften", "minst_hälften", "alla_medlemmar")  # schema.py takes it from here

BOARD_PERIODS = TS("board_periods", (
    F("start", "date", "Förbundsordningen gäller från och med", "In force from", required=True),
    F("end", "date", "Gäller till och med (tomt: tills vidare)", "In force until (empty: still in force)"),
    F("source", "str", "Källa, t.ex. Förbundsordning antagen 2016, § 6", "Source, e.g. the charter and its §"),
    F("quorum", "enum", "Beslutförhet under perioden (annars förbundets quorum)",
      "Quorum rule in the period (else the association's)", choices=QUORUM_RULES),
    TS("seats", (
        F("name", "str", "Platsens namn, t.ex. Kommunerna gemensamt", "Name of the seat, e.g. the municipalities"),
        L("orgs", F("", "ref", ref="org"), "Medlemsorganisationer som delar platsen (id)",
          "Member organisations that share the seat (ids)", required=True),
        F("members", "int", "Ordinarie ledamöter på platsen", "Members on the seat", minimum=0, default=1),
        F("substitutes", "int", "Ersättare på platsen", "Substitutes on the seat", minimum=0, default=1),
    ), "Styrelsens platser enligt förbundsordningen", "The board's seats under the charter", required=True),
), "Styrelsens sammansättning per förbundsordning (period med platser)",
   "The board's composition per charter (periods with seats)")

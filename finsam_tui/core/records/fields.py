"""The field definitions the record kinds of ``schema.py`` are made of.

A record kind is a tuple of :class:`Field`. Field types:

``str``     one-line text          ``text``   multi-line text
``int``     whole number           ``amount`` whole kronor (int)
``number``  int or float, 0..1
``bool``    true/false             ``date``   TOML local date (2022-06-17)
``time``    "HH:MM" string         ``enum``   one of ``choices``
``month_day`` "MM-DD" string (a day that exists every year)
``ref``     an id or reference string, resolved by the cross-reference rules;
            ``ref`` names the target kind (person, org, organ, insats, meeting,
            paragraph, budgetline, any)
``list``    array whose items are described by ``item``
``table``   inline or standard table with ``fields``
``tables``  array of tables (``[[x]]``) each with ``fields``
``amounts`` table of version-id -> amount
``counts``  table of free key -> non-negative int (reasons for ending)
``person_or_guest``  a person id, or an inline table {name, role}
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    help_sv: str = ""
    help_en: str = ""
    choices: tuple[str, ...] = ()
    ref: str | None = None
    item: Field | None = None
    fields: tuple[Field, ...] = ()
    minimum: int | None = None
    default: object = None

    def child(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


def F(name: str, type: str, sv: str = "", en: str = "", **kw) -> Field:
    return Field(name, type, help_sv=sv, help_en=en, **kw)


def L(name: str, item: Field, sv: str = "", en: str = "", **kw) -> Field:
    return Field(name, "list", help_sv=sv, help_en=en, item=item, **kw)


def T(name: str, fields: tuple[Field, ...], sv: str = "", en: str = "", **kw) -> Field:
    return Field(name, "table", help_sv=sv, help_en=en, fields=fields, **kw)


def TS(name: str, fields: tuple[Field, ...], sv: str = "", en: str = "", **kw) -> Field:
    return Field(name, "tables", help_sv=sv, help_en=en, fields=fields, **kw)


PERSON = F("", "ref", ref="person")
TEXT_ITEM = F("", "str")

"""The names a protocol prints, and their snapshot frozen when it is locked.

A protocol prints every person it names as "Name, role, organisation": the role and member
organisation of their membership in the organ on the meeting's date, else their own title and
organisation (:func:`entry`), and it prints the organ's and the förbund's names and, in the
letterhead, the member organisations (:func:`member_names`). These come
from other files (personer/, organisationer/, forbund.toml) that change later: a person
renamed, a role ended, a kommun renamed. So that a locked protocol does not change with them,
locking it writes what it printed into ``[justering.printed]`` (:func:`snapshot`)::

    [justering.printed]
    forbund = "Samordningsförbundet Testdalen"
    organ = "Styrelsen"
    members = ["Ekby kommun", "Region X", "Försäkringskassan", "Arbetsförmedlingen"]
    persons = [
        { person = "anna-ek", name = "Anna Ek", role = "ordförande", org = "Försäkringskassan" },
        { person = "ida-nord", name = "Ida Nord", role = "förbundschef" },
    ]

The snapshot is content, covered by the fingerprint. The exports of a locked protocol print
from it (:func:`frozen`); the validator reports where the files now say something else (FS328,
FS329: information, not an error). Which persons a meeting names is read from the schema:
every person reference in the meeting's fields (:func:`named_persons`).
"""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.io.tomledit import Rows
from finsam_tui.core.records.context import Context
from finsam_tui.core.records.schema import MEETING, ORG_KINDS, Field

# The keys of a person's entry that the protocol prints, in the order it prints them.
ENTRY_KEYS = ("name", "role", "title", "org")


def entry(ctx: Context, pid: str, organ: str, date: dt.date | None) -> dict | None:
    """What a protocol of organ on date prints about person pid (None: no such person file):
    name, and role and org (the member organisation's name) from the membership in the organ
    then, else title and org from the person's own title and organisation."""
    person = ctx.person_data.get(pid)
    if person is None:
        return None
    out: dict = {"person": pid, "name": str(person.get("name", pid))}
    memberships = ctx.memberships_on(pid, organ, date) if isinstance(date, dt.date) else []
    if memberships:
        m = memberships[0]
        if isinstance(m.get("role"), str):
            out["role"] = m["role"]
        oid = m.get("on_behalf_of")
        if isinstance(oid, str) and oid:
            org = ctx.org_data.get(oid)
            out["org"] = str(org.get("name", oid)) if org else oid
    else:
        for key, as_key in (("title", "title"), ("organisation", "org")):
            value = person.get(key)
            if isinstance(value, str) and value.strip():
                out[as_key] = value
    return out


def member_names(orgs: dict[str, dict], date: dt.date | None) -> list[str]:
    """The names of the member organisations on the date (member_since not after it) as the
    letterhead lists them: kommuner first, then the regions, Försäkringskassan and
    Arbetsförmedlingen, each group by name."""
    out = []
    for oid, org in orgs.items():
        since = org.get("member_since")
        if isinstance(since, dt.date) and isinstance(date, dt.date) and since > date:
            continue
        kind = org.get("kind")
        rank = ORG_KINDS.index(kind) if kind in ORG_KINDS else len(ORG_KINDS)
        name = str(org.get("name", oid))
        out.append((rank, name.casefold(), name))
    return [name for _rank, _key, name in sorted(out)]


def parts(e: dict, skip_roles: tuple[str, ...] = (), role_word=str) -> list[str]:
    """The printed parts of an entry: name, role (role_word of it, unless skipped), title, org."""
    name = e.get("name")
    out = [name if isinstance(name, str) else ""]
    role = e.get("role")
    if isinstance(role, str) and role and role not in skip_roles:
        out.append(role_word(role))
    out += [e[k] for k in ("title", "org") if isinstance(e.get(k), str) and e[k]]
    return [p for p in out if p]


def named_persons(data: dict, fields: tuple[Field, ...] = MEETING) -> list[str]:
    """Every person the meeting's fields name, in order, once each (the snapshot itself aside)."""
    seen: dict[str, None] = {}

    def walk(fields: tuple[Field, ...], value: dict) -> None:
        for f in fields:
            v = value.get(f.name)
            if f.name == "printed" or v is None:
                continue
            if f.type in ("ref", "person_or_guest") and f.ref == "person" and isinstance(v, str):
                seen.setdefault(v)
            elif f.type == "list" and f.item is not None and f.item.ref == "person" and isinstance(v, list):
                for x in v:
                    if isinstance(x, str):
                        seen.setdefault(x)
            elif f.type == "table" and isinstance(v, dict):
                walk(f.fields, v)
            elif f.type == "tables" and isinstance(v, list):
                for x in v:
                    if isinstance(x, dict):
                        walk(f.fields, x)

    walk(fields, data)
    return list(seen)


def snapshot(ctx: Context, data: dict, organ: str, keep: dict | None = None, extra: tuple[str, ...] = ()) -> dict:
    """The ``[justering.printed]`` table of the meeting as the files say now. keep: an earlier
    snapshot whose entries (and organ and förbund names) stay as they are for the persons still
    named (a rättelse); extra: persons to add (the one who makes the rättelse)."""
    keep = keep or {}
    kept = frozen_persons(keep)
    date = data.get("date")
    rows = []
    for pid in sorted(set(named_persons(data)) | set(extra)):
        e = kept.get(pid) or entry(ctx, pid, organ, date)
        if e is not None:
            rows.append(dict(e))
    out = {"forbund": keep.get("forbund", str(ctx.settings.get("name", ""))),
           "organ": keep.get("organ", str(ctx.organ_name(organ)))}
    members = keep.get("members") if keep else member_names(ctx.org_data, date)
    if isinstance(members, list) and members:
        out["members"] = members
    if rows:
        out["persons"] = Rows(rows)
    return out


def frozen(data: dict) -> dict | None:
    """The snapshot of a meeting's data, if it has one."""
    justering = data.get("justering")
    printed = justering.get("printed") if isinstance(justering, dict) else None
    return printed if isinstance(printed, dict) else None


def frozen_rows(printed: dict) -> list[tuple[int, dict]]:
    """(index, entry) of a snapshot's persons that are entries with a person id."""
    rows = printed.get("persons")
    return [(i, e) for i, e in enumerate(rows) if isinstance(e, dict) and isinstance(e.get("person"), str)] \
        if isinstance(rows, list) else []


def frozen_persons(printed: dict) -> dict[str, dict]:
    """person id -> entry of a snapshot."""
    return {e["person"]: e for _i, e in frozen_rows(printed)}


def same(a: dict, b: dict) -> bool:
    """Do two entries print the same?"""
    return all(a.get(k) == b.get(k) for k in ENTRY_KEYS)

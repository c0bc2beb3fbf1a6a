"""JSON Schemas of the record kinds, for editors (taplo, Even Better TOML), from ``schema.py``.

Every schema is generated from the record definitions; nothing here lists a field. The
schemas use only keywords that mean the same from draft 4 to draft 2020-12 (type,
properties, required, additionalProperties, items, enum, pattern, minimum, maximum,
anyOf, format, default, description), so every validator an editor may embed reads
them alike; they declare draft 2020-12.

Editors see a TOML file as JSON: taplo turns a TOML date into a string
``"2023-06-09"``, so a date field is ``{"type": "string", "format": "date"}`` with a
pattern for its shape. The one schema-level rule a JSON Schema therefore cannot see is a
date written as a quoted string (``member_since = "2012-01-01"``, FS103): it looks the
same as a real date once turned into JSON. ``finsam validate`` reports it.

A copy of the generated schemas ships in ``finsam_tui/schemas/`` (a test keeps it
current). ``finsam schema --out DIR`` writes them, ``finsam init`` puts them into a new
records folder as ``.finsam-schema/`` with a ``.taplo.toml`` that associates every
record file with its schema.

    python -m finsam_tui.core.records.json_schema      # rewrites finsam_tui/schemas/ and the example's copy
"""

from __future__ import annotations

import json
from pathlib import Path

from finsam_tui.core.io.inside import OutsideFolder, replace_file, target
from finsam_tui.core.records.layout import FOLDERS, FORBUND_FILE
from finsam_tui.core.records.schema import KINDS, Field

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = ".finsam-schema"  # inside a records folder; the leading dot keeps it out of the records
PACKAGED = Path(__file__).resolve().parent / "schemas"

# File name of each kind's schema and the files (globs relative to the records folder) it is for.
FILE_NAMES = {kind: f"{kind}.json" for kind in KINDS}
GLOBS = {
    "forbund": [FORBUND_FILE],
    "organisation": [f"{FOLDERS['organisation']}/*.toml"],
    "person": [f"{FOLDERS['person']}/*.toml"],
    "meeting": [f"{FOLDERS['meeting']}/**/*.toml"],
    "budget": [f"{FOLDERS['budget']}/*.toml"],
    "insats": [f"{FOLDERS['insats']}/*.toml"],
}
TITLES = {
    "forbund": ("förbundets inställningar", "förbund settings"),
    "organisation": ("medlemsorganisation", "member organisation"),
    "person": ("person", "person"),
    "meeting": ("möte", "meeting"),
    "budget": ("budget", "budget"),
    "insats": ("insats", "insats"),
}

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"
# MM-DD of a day that exists every year (no 02-29)
MONTH_DAY_PATTERN = (r"^(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
                     r"|(?:0[13578]|1[02])-31)$")
NOT_BLANK = r"\S"


def _describe(f: Field, out: dict) -> dict:
    text = "\n\n".join(t for t in (f.help_sv, f.help_en) if t)
    if text:
        out["description"] = text
    if f.default is not None:
        out["default"] = f.default
    return out


def _object(fields: tuple[Field, ...]) -> dict:
    out: dict = {"type": "object", "properties": {f.name: field_schema(f) for f in fields},
                 "additionalProperties": False}
    required = [f.name for f in fields if f.required]
    if required:  # draft 4 wants a non-empty list
        out["required"] = required
    return out


def _value(f: Field) -> dict:
    t = f.type
    if t in ("str", "text"):
        return {"type": "string"}
    if t in ("int", "amount"):
        out: dict = {"type": "integer"}
        if f.minimum is not None:
            out["minimum"] = f.minimum
        return out
    if t == "number":
        return {"type": "number", "minimum": 0, "maximum": 1}
    if t == "bool":
        return {"type": "boolean"}
    if t == "date":
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    if t == "time":
        return {"type": "string", "pattern": TIME_PATTERN}
    if t == "month_day":
        return {"type": "string", "pattern": MONTH_DAY_PATTERN}
    if t == "enum":
        return {"type": "string", "enum": list(f.choices)}
    if t == "ref":
        return {"type": "string", "pattern": NOT_BLANK}
    if t == "list":
        return {"type": "array", "items": field_schema(f.item) if f.item else {}}
    if t == "table":
        return _object(f.fields)
    if t == "tables":
        return {"type": "array", "items": _object(f.fields)}
    if t == "amounts":
        return {"type": "object", "additionalProperties": {"type": "integer"}}
    if t == "counts":
        return {"type": "object", "additionalProperties": {"type": "integer"}}
    if t == "person_or_guest":
        guest = _object((Field("name", "str", required=True, help_sv="Namn", help_en="Name"),
                         Field("role", "str", help_sv="Roll eller funktion", help_en="Role")))
        return {"anyOf": [{"type": "string"}, guest]}
    raise ValueError(f"no JSON Schema for field type {t!r}")  # pragma: no cover - a new type in schema.py


def field_schema(f: Field) -> dict:
    return _describe(f, _value(f))


def json_schema(kind: str) -> dict:
    """The JSON Schema of one record kind."""
    sv, en = TITLES[kind]
    out = {"$schema": DIALECT, "title": f"finsam: {sv} ({en})",
           "description": f"En fil {', '.join(GLOBS[kind])} i en arkivmapp för finsam. "
                          f"Genererat från finsam_tui/core/records/schema.py.\n\n"
                          f"A file {', '.join(GLOBS[kind])} in a finsam records folder. "
                          f"Generated from finsam_tui/core/records/schema.py."}
    out.update(_object(KINDS[kind]))
    return out


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every kind's schema into out_dir (created); the paths written. Never through a
    symlink: out_dir, when it is one, or a schema file that is one raises OutsideFolder (a
    folder that arrives by git pull may hold a planted link, e.g. .finsam-schema -> ~/.config)."""
    out_dir = Path(out_dir)
    if out_dir.is_symlink():
        raise OutsideFolder(str(out_dir), out_dir.parent)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = target(out_dir, FILE_NAMES[kind])
        text = schema_text(kind)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            replace_file(path, text.encode("utf-8"))
        written.append(path)
    return written


def taplo_config(schema_dir: str = SCHEMA_DIR) -> str:
    """A .taplo.toml for a records folder: every record file associated with its schema.

    taplo resolves the globs and schema paths relative to the folder of the .taplo.toml.
    """
    lines = [
        "# taplo / Even Better TOML: check and complete the records against their schemas.",
        "# Written by finsam; the schemas in " + schema_dir + "/ are generated from the record",
        f"# definitions: refresh them with finsam schema --out {schema_dir}",
        'include = ["**/*.toml"]',
        'exclude = [".finsam-cache/**"]',
    ]
    for kind in KINDS:
        lines += ["", "[[rule]]", "include = [" + ", ".join(f'"{g}"' for g in GLOBS[kind]) + "]",
                  "", "[rule.schema]", f'path = "{schema_dir}/{FILE_NAMES[kind]}"']
    return "\n".join(lines) + "\n"


def write_taplo_config(path: Path, schema_dir: str = SCHEMA_DIR) -> Path:
    """Write the .taplo.toml (replacing a symlink there rather than writing through it)."""
    path = Path(path)
    replace_file(path, taplo_config(schema_dir).encode("utf-8"))
    return path


def main() -> None:  # pragma: no cover - a maintenance script
    write_schemas(PACKAGED)
    records = Path(__file__).resolve().parents[3] / "records"
    if records.is_dir():
        write_schemas(records / SCHEMA_DIR)
        write_taplo_config(records / ".taplo.toml")


if __name__ == "__main__":  # pragma: no cover
    main()

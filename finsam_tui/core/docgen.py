"""Generate docs/fields.md (from schema.py) and docs/rules.md (from catalog.py).

    python -m finsam_tui.core.docgen        # rewrites both files
A test fails when either is out of date.
"""

from __future__ import annotations

from pathlib import Path

from finsam_tui.core.check import codes as catalog
from finsam_tui.core.records.layout import FOLDERS, FORBUND_FILE
from finsam_tui.core.records.schema import KINDS, Field

TITLES = {
    "forbund": f"förbund settings — `{FORBUND_FILE}`",
    "organisation": f"member organisation — `{FOLDERS['organisation']}/<id>.toml`",
    "person": f"person — `{FOLDERS['person']}/<id>.toml`",
    "meeting": f"meeting — `{FOLDERS['meeting']}/<organ>/<year>/<date>.toml`",
    "budget": f"budget — `{FOLDERS['budget']}/<year>.toml`",
    "insats": f"insats — `{FOLDERS['insats']}/<id>.toml`",
}


def _type(f: Field) -> str:
    if f.type == "enum":
        return "one of " + ", ".join(f"`{c}`" for c in f.choices)
    if f.type == "ref":
        return f"reference ({f.ref})"
    if f.type == "list" and f.item is not None:
        return f"list of {_type(f.item)}"
    if f.type == "tables":
        return "array of tables"
    return f.type


def _rows(fields: tuple[Field, ...], prefix: str, out: list[str]) -> None:
    for f in fields:
        name = prefix + f.name
        req = "yes" if f.required else ""
        default = "" if f.default is None else f"`{str(f.default).lower() if isinstance(f.default, bool) else f.default}`"
        cells = [f"`{name}`", _type(f), req, default, f.help_en, f.help_sv]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        if f.type in ("table", "tables"):
            _rows(f.fields, name + ("[]." if f.type == "tables" else "."), out)


def fields_markdown() -> str:
    out = ["# Fields of every record kind", "",
           "Generated from `finsam_tui/core/records/schema.py` by `python -m finsam_tui.core.docgen`; see "
           "[format.md](format.md) for examples. `name[].x` is a field of each table in the array `name`.", ""]
    for kind, fields in KINDS.items():
        out += [f"## {TITLES[kind]}", "", "| field | type | required | default | meaning | betydelse |",
                "|---|---|---|---|---|---|"]
        _rows(fields, "", out)
        out.append("")
    return "\n".join(out)


def write(docs: Path) -> None:
    (docs / "fields.md").write_text(fields_markdown(), encoding="utf-8")
    (docs / "rules.md").write_text(catalog.markdown(), encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    write(Path(__file__).resolve().parents[2] / "docs")

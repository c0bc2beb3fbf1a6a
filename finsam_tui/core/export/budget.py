"""A year's budget: every version side by side, the deviation, member shares and totals.

Two sources of one version are two columns, each headed with its source, and the rows whose
figures differ between them are marked and listed; a line split between categories is a
row in each of them with its share (``core/records/budget_parts.py``)."""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.export import markdown as md
from finsam_tui.core.export.common import Context, ExportError
from finsam_tui.core.i18n.export import Labels
from finsam_tui.core.records.budget_parts import category_rows, effective, is_amount, share_of, source_name, sources
from finsam_tui.core.records.meetings import organ_of
from finsam_tui.core.records.refs import resolve
from finsam_tui.core.text import iso, kr, percent, share


def budget(archive, year: int, lang: str = "sv", draft: bool = False) -> str:
    """The budget for year as Markdown; ExportError when there is none."""
    ctx = Context(archive, Labels(lang), draft)
    rec = archive.budgets.get(int(year))
    if rec is None:
        raise ExportError("msg_unknown_budget", year=year,
                          years=", ".join(str(y) for y in sorted(archive.budgets)) or "–")
    return md.document(Budget(ctx, rec.data).blocks())


def _amount(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _latest(versions: list[dict], kind: str) -> dict | None:
    """The version of kind with the latest date (the last one listed among equal dates)."""
    found = [(v.get("date") if isinstance(v.get("date"), dt.date) else dt.date.min, i, v)
             for i, v in enumerate(versions) if v.get("kind") == kind]
    return max(found, key=lambda x: (x[0], x[1]))[2] if found else None


class Budget:
    def __init__(self, ctx: Context, data: dict) -> None:
        self.ctx, self.L, self.data = ctx, ctx.L, data
        self.versions = [v for v in data.get("versions", []) if isinstance(v.get("id"), str)]
        self.ids = [v["id"] for v in self.versions]
        self.alt = sources(data)  # a second source's id -> the version it is a source of
        self.by_id = {v["id"]: v for v in self.versions}
        own = [v for v in self.versions if v["id"] not in self.alt]
        budget = _latest(own, "budget")
        revision = _latest(own, "revidering")
        self.plan = revision or budget  # the budget that shares are computed on and deviations from
        self.based_on_revision = revision is not None
        forecast = _latest(own, "prognos")
        self.compare = forecast or _latest(own, "utfall")
        self.compare_is_outcome = forecast is None and self.compare is not None
        self.base = self.plan if self.compare is not None else None  # None: no deviation column

    def label(self, v: dict) -> str:
        label = str(v.get("label") or v["id"])
        return self.L.fmt("label_source", label=label, source=v["source"]) if v.get("source") else label

    def differs(self, entry: dict) -> list[tuple[str, str]]:
        """(version, other source) pairs whose own figures for this line differ."""
        raw = entry.get("amounts") if isinstance(entry.get("amounts"), dict) else {}
        return [(main, vid) for vid, main in self.alt.items()
                if is_amount(raw.get(vid)) and is_amount(raw.get(main)) and raw[vid] != raw[main]]

    def name(self, text, entry: dict) -> str:
        """A row's name cell, marked when its figures differ between the sources."""
        return md.cell(text) + (f" {self.L['differs_mark']}" if self.differs(entry) else "")

    def differences(self, named: list[tuple[str, dict]]) -> list[str]:
        """The figures of the rows that differ between the sources, as a marked list."""
        L, items = self.L, []
        for text, entry in named:
            raw = entry.get("amounts", {})
            for main, vid in self.differs(entry):
                figures = ", ".join(L.fmt("differs_figure", source=md.inline(source_name(self.by_id[v])),
                                          amount=kr(raw[v])) for v in (main, vid))
                items.append(L.fmt("differs_line", line=md.inline(text), figures=figures))
        return [md.strong(L["differs_heading"]), L["differs_intro"], md.bullets(items)] if items else []

    # -- rows -------------------------------------------------------------------------------
    def row(self, name_md: str, amounts: dict[str, int | None], extra: list[str] | None = None,
            gain: bool = False) -> list[str]:
        """A table row; gain: income, result or equity (more is favourable), else a cost."""
        cells = [name_md] + [self.money(amounts.get(i)) for i in self.ids]
        if self.base is not None:
            cells.append(self.money(self.deviation(amounts, gain)))
        return cells + (extra or [])

    def money(self, amount: int | None) -> str:
        return kr(amount) if amount is not None else self.L["no_amount"]

    def deviation(self, amounts: dict[str, int | None], gain: bool = False) -> int | None:
        """Positive is favourable: budget − outcome for a cost, outcome − budget for a gain."""
        b, c = amounts.get(self.base["id"]), amounts.get(self.compare["id"])
        if b is None or c is None:
            return None
        return c - b if gain else b - c

    def headers(self, first: str, extra: list[str] | None = None) -> tuple[list[str], set[int]]:
        heads = [first] + [md.cell(self.label(v)) for v in self.versions]
        if self.base is not None:
            heads.append(self.L["deviation"])
        heads += extra or []
        return heads, set(range(1, len(heads)))

    def amounts_of(self, entry: dict) -> dict[str, int | None]:
        """A line's figures, a second source's missing figure taken from its version."""
        return {k: _amount(v) for k, v in effective(entry.get("amounts"), self.alt).items()}

    def income_name(self, entry: dict) -> str:
        return str(entry.get("label") or self.ctx.org_name(entry.get("member")))

    def total(self, rows: list[dict[str, int | None]]) -> dict[str, int | None]:
        out: dict[str, int | None] = {}
        for i in self.ids:
            values = [r[i] for r in rows if r.get(i) is not None]
            out[i] = sum(values) if values else None
        return out

    @staticmethod
    def minus(a: dict, b: dict) -> dict:
        return {k: (a[k] - b[k] if a.get(k) is not None and b.get(k) is not None else None) for k in a}

    def bold(self, text: str) -> str:
        return md.strong(text)

    # -- document ---------------------------------------------------------------------------
    def blocks(self) -> list[str]:
        ctx, L, d = self.ctx, self.L, self.data
        year = d.get("year", "")
        out = [ctx.title(L.fmt("budget_title", year=md.inline(year))), *ctx.draft_note(),
               md.strong(md.inline(ctx.forbund_name()))]
        out += [md.heading(2, L["versions"]), md.bullets([self.version_line(v) for v in self.versions])]
        if d.get("note"):
            out += md.paragraphs(d["note"])
        out += self.notes()
        income_rows, income_blocks = self.income()
        cost_rows, cost_blocks = self.costs()
        out += income_blocks + cost_blocks
        income_total, cost_total = self.total(income_rows), self.total(cost_rows)
        result = self.minus(income_total, cost_total)
        heads, right = self.headers(L["col_item"])
        out += [md.heading(2, L["result"]), md.table(heads, [
            self.row(L["sum_income"], income_total, gain=True),
            self.row(L["sum_costs"], cost_total),
            self.row(self.bold(L["result"]), result, gain=True),
        ], right)]
        out += self.equity(result)
        out += ctx.draft_note()
        return out

    def version_line(self, v: dict) -> str:
        L = self.L
        parts = [L.version_kind(str(v.get("kind", "")))]
        if isinstance(v.get("date"), dt.date):
            key = "version_date_outcome" if v.get("kind") == "utfall" else "version_date"
            parts.append(L.fmt(key, date=iso(v["date"])))
        if v.get("decided_by"):
            parts.append(L.fmt("version_decided", ref=self.decided(v["decided_by"])))
        if v["id"] in self.alt:  # (the source itself is in the label)
            parts.append(L.fmt("version_same_as", label=self.label(self.by_id[self.alt[v["id"]]])))
        return f"{md.strong(md.inline(self.label(v)))}: {md.inline(', '.join(parts))}"

    def decided(self, ref: str) -> str:
        res = resolve(self.ctx.archive.index, ref, want="paragraph")
        if len(res.targets) != 1:
            return ref
        p = res.targets[0]
        meeting = self.ctx.archive.meetings[p.id]
        number = f"{p.number}{p.letter or ''}"
        return self.L.fmt("given_at", organ=self.ctx.organ_name(organ_of(meeting)),
                          date=iso(meeting.data.get("date")), number=number)

    def notes(self) -> list[str]:
        L = self.L
        if self.base is None:
            lines = [L["deviation_none"]]
        else:
            lines = [L.fmt("deviation_note", base=md.inline(self.label(self.base)),
                           compare=md.inline(self.label(self.compare)))]
            if self.based_on_revision:
                lines.append(L["deviation_rev"])
            if self.compare_is_outcome:
                lines.append(L["deviation_outcome"])
        if self.plan is not None:
            lines.append(L.fmt("share_note", base=md.inline(self.label(self.plan))))
        return [" ".join(lines)]

    def income(self) -> tuple[list[dict], list[str]]:
        L, d = self.L, self.data
        blocks = [md.heading(2, L["income"])]
        entries = d.get("income", [])
        members = [(self.income_name(i), self.amounts_of(i)) for i in entries]
        member_total = self.total([a for _, a in members])
        rows = []
        for (name, amounts), entry in zip(members, entries):
            extra = None
            if self.plan is not None:
                part, whole = amounts.get(self.plan["id"]), member_total.get(self.plan["id"])
                extra = [share(part, whole) if part is not None else L["no_amount"]]
            rows.append(self.row(self.name(name, entry), amounts, extra, gain=True))
        all_rows = [a for _, a in members]
        if members:
            extra = None
            if self.plan is not None:
                whole = member_total.get(self.plan["id"])
                extra = [share(whole, whole) if whole else L["no_amount"]]
            rows.append(self.row(self.bold(L["sum_members"]), member_total, extra, gain=True))
            heads, right = self.headers(L["col_member"], [L["col_share"]] if self.plan is not None else None)
            blocks += [md.heading(3, L["member_income"]), md.table(heads, rows, right)]
        other_entries = d.get("other_income", [])
        others = [(o.get("name", o.get("id", "")), self.amounts_of(o)) for o in other_entries]
        if others:
            rows = [self.row(self.name(name, o), a, gain=True) for (name, a), o in zip(others, other_entries)]
            rows.append(self.row(self.bold(L["sum_other"]), self.total([a for _, a in others]), gain=True))
            heads, right = self.headers(L["col_item"])
            blocks += [md.heading(3, L["other_income"]), md.table(heads, rows, right)]
            all_rows += [a for _, a in others]
        named = [(self.income_name(i), i) for i in entries] + [(o.get("name", o.get("id", "")), o)
                                                               for o in other_entries]
        notes = [f"{md.inline(n)}: {md.inline(e['note'])}" for n, e in named if e.get("note")]
        if notes:
            blocks += [md.strong(L["income_notes"]), md.bullets(notes)]
        blocks += self.differences(named)
        return all_rows, blocks

    def costs(self) -> tuple[list[dict], list[str]]:
        L = self.L
        blocks = [md.heading(2, L["costs"])]
        all_rows: list[dict] = []
        categories = self.data.get("categories", [])
        names = {c.get("id"): c.get("name", c.get("id", "")) for c in categories}
        for c, (cat, rows) in enumerate(zip(categories, category_rows(self.data, self.alt))):
            amounts = [{k: _amount(v) for k, v in r.amounts.items()} for r in rows]
            all_rows += amounts
            name = cat.get("name", cat.get("id", ""))
            cells = [self.row(self.row_name(r), a) for r, a in zip(rows, amounts)]
            cells.append(self.row(self.bold(L.fmt("sum_category", name=md.cell(name))), self.total(amounts)))
            heads, right = self.headers(L["col_line"])
            blocks += [md.heading(3, md.inline(name)), md.table(heads, cells, right)]
            notes = [self.split_note(r, names) for r in rows if r.share is not None]
            notes += [f"{md.inline(self.line_name(r.line))}: {md.inline(r.line['note'])}"
                      for r in rows if r.line.get("note")]
            if notes:
                blocks += [md.strong(L["line_notes"]), md.bullets(notes)]
            blocks += self.differences([(self.line_name(r.line), r.line) for r in rows
                                        if r.path[1] == c])  # a split line's figures: where it stands
        return all_rows, blocks

    @staticmethod
    def line_name(line: dict) -> str:
        return str(line.get("name", line.get("id", "")))

    def row_name(self, r) -> str:
        """A cost row's name cell: a split line's part with its share, ≠ where the sources differ."""
        name = md.cell(self.line_name(r.line))
        if r.share is not None:
            name = self.L.fmt("split_row", name=name, share=percent(r.share))
        return name + (f" {self.L['differs_mark']}" if self.differs(r.line) else "")

    def split_note(self, r, names: dict) -> str:
        """How a split line is divided, and its whole figure in the plan (or first) version."""
        L = self.L
        parts = [L.fmt("split_part", category=md.inline(names.get(p.get("category"), p.get("category"))),
                       share=percent(share_of(p.get("share")) or 0))
                 for p in r.line.get("split", []) if isinstance(p, dict)]
        text = L.fmt("split_note", name=md.inline(self.line_name(r.line)), parts=", ".join(parts))
        full = self.amounts_of(r.line)
        version = self.plan or next((v for v in self.versions if full.get(v["id"]) is not None), None)
        if version is not None and full.get(version["id"]) is not None:
            text += "; " + L.fmt("split_whole", amount=kr(full[version["id"]]), version=md.inline(self.label(version)))
        return text

    def equity(self, result: dict[str, int | None]) -> list[str]:
        L = self.L
        start = _amount(self.data.get("equity_start"))
        if start is None:
            return []
        end: dict[str, int | None] = {}
        for v in self.versions:
            full_year = v.get("kind") != "utfall" or (isinstance(v.get("date"), dt.date)
                                                      and (v["date"].month, v["date"].day) == (12, 31))
            r = result.get(v["id"])
            end[v["id"]] = start + r if full_year and r is not None else None
        heads, right = self.headers(L["col_item"])
        return [md.heading(2, L["equity"]),
                md.definitions([(L["equity_start"], kr(start))]),
                md.table(heads, [self.row(L["equity_end"], end, gain=True)], right)]

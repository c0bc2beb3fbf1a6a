"""A year's budget: every version side by side, the deviation, member shares and totals."""

from __future__ import annotations

import datetime as dt

from finsam_tui.core.export import markdown as md
from finsam_tui.core.export.common import Context, ExportError
from finsam_tui.core.i18n.export import Labels
from finsam_tui.core.records.meetings import organ_of
from finsam_tui.core.records.refs import resolve
from finsam_tui.core.text import iso, kr, share


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
        budget = _latest(self.versions, "budget")
        revision = _latest(self.versions, "revidering")
        self.plan = revision or budget  # the budget that shares are computed on and deviations from
        self.based_on_revision = revision is not None
        forecast = _latest(self.versions, "prognos")
        self.compare = forecast or _latest(self.versions, "utfall")
        self.compare_is_outcome = forecast is None and self.compare is not None
        self.base = self.plan if self.compare is not None else None  # None: no deviation column

    def label(self, v: dict) -> str:
        return str(v.get("label") or v["id"])

    # -- rows -------------------------------------------------------------------------------
    def row(self, name_md: str, amounts: dict[str, int | None], extra: list[str] | None = None) -> list[str]:
        cells = [name_md] + [self.money(amounts.get(i)) for i in self.ids]
        if self.base is not None:
            cells.append(self.money(self.deviation(amounts)))
        return cells + (extra or [])

    def money(self, amount: int | None) -> str:
        return kr(amount) if amount is not None else self.L["no_amount"]

    def deviation(self, amounts: dict[str, int | None]) -> int | None:
        b, c = amounts.get(self.base["id"]), amounts.get(self.compare["id"])
        return b - c if b is not None and c is not None else None

    def headers(self, first: str, extra: list[str] | None = None) -> tuple[list[str], set[int]]:
        heads = [first] + [md.cell(self.label(v)) for v in self.versions]
        if self.base is not None:
            heads.append(self.L["deviation"])
        heads += extra or []
        return heads, set(range(1, len(heads)))

    @staticmethod
    def amounts_of(entry: dict) -> dict[str, int | None]:
        raw = entry.get("amounts", {})
        return {k: _amount(v) for k, v in raw.items()} if isinstance(raw, dict) else {}

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
            self.row(L["sum_income"], income_total),
            self.row(L["sum_costs"], cost_total),
            self.row(self.bold(L["result"]), result),
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
        L, ctx, d = self.L, self.ctx, self.data
        blocks = [md.heading(2, L["income"])]
        members = [(ctx.org_name(i.get("member")), self.amounts_of(i)) for i in d.get("income", [])]
        member_total = self.total([a for _, a in members])
        rows = []
        for name, amounts in members:
            extra = None
            if self.plan is not None:
                part, whole = amounts.get(self.plan["id"]), member_total.get(self.plan["id"])
                extra = [share(part, whole) if part is not None else L["no_amount"]]
            rows.append(self.row(md.cell(name), amounts, extra))
        all_rows = [a for _, a in members]
        if members:
            extra = None
            if self.plan is not None:
                whole = member_total.get(self.plan["id"])
                extra = [share(whole, whole) if whole else L["no_amount"]]
            rows.append(self.row(self.bold(L["sum_members"]), member_total, extra))
            heads, right = self.headers(L["col_member"], [L["col_share"]] if self.plan is not None else None)
            blocks += [md.heading(3, L["member_income"]), md.table(heads, rows, right)]
        others = [(o.get("name", o.get("id", "")), self.amounts_of(o)) for o in d.get("other_income", [])]
        if others:
            rows = [self.row(md.cell(name), a) for name, a in others]
            rows.append(self.row(self.bold(L["sum_other"]), self.total([a for _, a in others])))
            heads, right = self.headers(L["col_item"])
            blocks += [md.heading(3, L["other_income"]), md.table(heads, rows, right)]
            all_rows += [a for _, a in others]
        return all_rows, blocks

    def costs(self) -> tuple[list[dict], list[str]]:
        L = self.L
        blocks = [md.heading(2, L["costs"])]
        all_rows: list[dict] = []
        for cat in self.data.get("categories", []):
            lines = [(line.get("name", line.get("id", "")), self.amounts_of(line), line.get("note"))
                     for line in cat.get("lines", [])]
            amounts = [a for _, a, _ in lines]
            all_rows += amounts
            name = cat.get("name", cat.get("id", ""))
            rows = [self.row(md.cell(n), a) for n, a, _ in lines]
            rows.append(self.row(self.bold(L.fmt("sum_category", name=md.cell(name))), self.total(amounts)))
            heads, right = self.headers(L["col_line"])
            blocks += [md.heading(3, md.inline(name)), md.table(heads, rows, right)]
            notes = [f"{md.inline(n)}: {md.inline(note)}" for n, _, note in lines if note]
            if notes:
                blocks += [md.strong(L["line_notes"]), md.bullets(notes)]
        return all_rows, blocks

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
                md.table(heads, [self.row(L["equity_end"], end)], right)]

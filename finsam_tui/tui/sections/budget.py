"""Budget: per year, every version side by side with the deviation (a DataTable)."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from finsam_tui.core.text import kr, percent
from finsam_tui.tui.lazylist import Row
from finsam_tui.tui.sections.base import ListDetailSection, Selection

NAME_WIDTH = 24  # the first column; longer names are cut (the export has them in full)


class BudgetSection(ListDetailSection):
    SECTION_ID = "budget"
    LABEL = "section_budget"
    NEW_KIND = "budget"
    LIST_ID = "budget-years"

    DEFAULT_CSS = """
    BudgetSection > LazyList { width: 8; }
    BudgetSection > Vertical { width: 1fr; height: 1fr; }
    BudgetSection DataTable { height: 1fr; scrollbar-size-vertical: 1; scrollbar-size-horizontal: 1; }
    BudgetSection #budget-note { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._year: int | None = None

    def build_detail(self) -> Iterator[Widget]:
        table: DataTable = DataTable(id="budget-table", cursor_type="row", zebra_stripes=True)
        table.fixed_columns = 1
        yield Vertical(table, Static("", id="budget-note"))  # (built outside compose: no `with`)

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def rows(self, archive) -> list[Row]:
        return [Row(str(y), lambda y=y: Text(str(y)), y) for y in sorted(archive.budgets, reverse=True)]

    def populate(self) -> None:
        super().populate()
        if self.model.archive is not None and not self.list.rows:
            self._year = None
            self.table.clear(columns=True)
            self.query_one("#budget-note", Static).update("")

    def show_row(self, row: Row) -> None:
        self.show_year(row.data)

    def focus_detail(self) -> None:
        self.table.focus()

    def show_year(self, year: int) -> None:
        archive, L = self.model.archive, self.L
        keep_row = None
        table = self.table
        if self._year == year and table.row_count:
            try:
                keep_row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            except Exception:  # noqa: BLE001 - an empty or changed table: start at the top
                keep_row = None
        self._year = year
        table.clear(columns=True)
        rec = archive.budgets.get(year)
        note = self.query_one("#budget-note", Static)
        if rec is None:
            note.update(Text(L.fmt("no_budget", year=year)))
            return
        from finsam_tui.core.export.budget import Budget
        from finsam_tui.core.export.common import Context
        from finsam_tui.core.i18n.export import Labels as ExportLabels
        from finsam_tui.core.records.budget_parts import category_rows, is_amount

        b = Budget(Context(archive, ExportLabels(L.lang)), rec.data)
        table.add_column(Text(L["budget_row"]), key="name", width=NAME_WIDTH)
        for v in b.versions:
            label = b.label(v)
            table.add_column(Text(label, justify="right"), key=f"v:{v['id']}", width=min(max(len(label), 10), 14))
        if b.base is not None:
            table.add_column(Text(L["deviation"], justify="right"), key="deviation",
                             width=max(len(L["deviation"]), 10))

        def add(key: str, name: str, amounts: dict | None, style: str = "", gain: bool = False) -> None:
            """A row; amounts None: a heading without figures; gain: income or result (more is favourable)."""
            cells = [Text(name, style=style)]
            blank = amounts is None
            amounts = amounts or {}
            cells += [Text("" if blank else kr(amounts.get(i), plain=True) if amounts.get(i) is not None else "–",
                           justify="right", style=style) for i in b.ids]
            if b.base is not None:
                dev = None if blank else b.deviation(amounts, gain)
                cells.append(Text("" if blank else kr(dev, plain=True) if dev is not None else "–", justify="right",
                                  style=style))
            table.add_row(*cells, key=key)

        def mark(entry: dict) -> str:
            """The indent of a row, ≠ where the sources of a version give it different figures."""
            return f"{b.L['differs_mark']} " if b.differs(entry) else "  "

        income_rows = []
        add("h:income", L["income"], None, "bold")
        for i, entry in enumerate(rec.data.get("income", [])):
            amounts = b.amounts_of(entry)
            income_rows.append(amounts)
            add(f"income:{i}", f"{mark(entry)}{b.income_name(entry)}", amounts, gain=True)
        for i, entry in enumerate(rec.data.get("other_income", [])):
            amounts = b.amounts_of(entry)
            income_rows.append(amounts)
            add(f"other:{i}", f"{mark(entry)}{entry.get('name', entry.get('id', ''))}", amounts, gain=True)
        income_total = b.total(income_rows)
        add("sum:income", L["sum_income"], income_total, "bold", gain=True)
        cost_rows = []
        for c, (cat, cat_rows) in enumerate(zip(rec.data.get("categories", []), category_rows(rec.data, b.alt))):
            add(f"cat:{c}", str(cat.get("name", cat.get("id", ""))), None, "bold")
            lines = []
            for r in cat_rows:
                amounts = {k: v if is_amount(v) else None for k, v in r.amounts.items()}
                lines.append(amounts)
                key = f"budget/{year}/{r.line.get('id', '')}"
                name = b.line_name(r.line)
                if r.share is not None:
                    name = b.L.fmt("split_row", name=name, share=percent(r.share))
                    key = key if r.path[1] == c else f"part:{c}:{key}"  # a row key is unique in the table
                add(key, f"{mark(r.line)}{name}", amounts)
            cost_rows += lines
            add(f"catsum:{c}", f"  {L['sum']}", b.total(lines), "italic")
        cost_total = b.total(cost_rows)
        add("sum:costs", L["sum_costs"], cost_total, "bold")
        add("sum:result", L["result"], b.minus(income_total, cost_total), "bold", gain=True)
        if b.base is not None:
            note.update(Text(L.fmt("deviation_note", base=b.label(b.base), compare=b.label(b.compare))))
        else:
            note.update("")
        if keep_row is not None:
            try:
                table.move_cursor(row=table.get_row_index(keep_row))
            except Exception:  # noqa: BLE001 - the row is gone
                pass

    def selection(self) -> Selection | None:
        if self._year is None or self.model.archive is None:
            return None
        rec = self.model.archive.budgets.get(self._year)
        rel = rec.rel if rec else None
        table = self.table
        if table.has_focus and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key and key.startswith("budget/") and key.count("/") == 2:
                return Selection("budgetline", key, rel, "budget")
        return Selection("budget", f"budget/{self._year}", rel, "budget")

    def select_ref(self, ref: str) -> bool:
        parts = ref.split("/")
        if len(parts) < 2 or parts[0] != "budget" or not parts[1].isdigit():
            return False
        if not self.list.select_key(parts[1]):
            return False
        self.show_year(int(parts[1]))
        if len(parts) == 3:
            try:
                self.table.move_cursor(row=self.table.get_row_index(ref))
                self.table.focus()
            except Exception:  # noqa: BLE001 - no such line
                pass
        return True

"""Möten: a tree organ → year → meeting → §, filled lazily, and the detail pane.

The tree is built from the file list alone, so it is shown before validation has
finished; a year's meetings and a meeting's §§ become nodes only when expanded, so
2,000 meetings cost a few dozen nodes.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from finsam_tui.tui import details
from finsam_tui.tui.keys import bind
from finsam_tui.tui.sections.base import Section, Selection
from finsam_tui.tui.view_data import MeetingFile
from finsam_tui.tui.widgets import DetailPane


class MeetingTree(Tree):
    DEFAULT_CSS = """
    MeetingTree { width: 28; height: 1fr; scrollbar-size-vertical: 1; overflow-x: hidden; }
    """
    BINDINGS = [bind("right", "expand", "expand", show=False),
                bind("left", "collapse", "collapse", show=False)]

    filler = None  # set by the section: fills a node's children before it is expanded

    def action_expand(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand and not node.is_expanded:
            if self.filler is not None:
                self.filler(node)
            node.expand()

    def action_collapse(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)


def _key(data: tuple) -> tuple:
    return data[:3] if data[0] == "year" else data[:2]


class MeetingsSection(Section):
    SECTION_ID = "meetings"
    LABEL = "section_meetings"
    NEW_KIND = "meeting"
    BUILT_AT_START = True

    DEFAULT_CSS = """
    MeetingsSection { layout: horizontal; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._expanded: set[tuple] | None = None  # None: not built yet (use the defaults)
        self._tree_nodes: dict[tuple, TreeNode] = {}
        self._shown: tuple | None = None  # (model, language, node data) in the detail pane

    def build(self) -> ComposeResult:
        tree: MeetingTree = MeetingTree("", id="meetings-tree")
        tree.show_root = False
        tree.guide_depth = 2
        tree.filler = self._fill
        tree.auto_expand = False
        yield tree
        yield DetailPane(id="meetings-detail")

    @property
    def tree(self) -> MeetingTree:
        return self.query_one(MeetingTree)

    # -- building ------------------------------------------------------------------------------
    def populate(self) -> None:
        model = self.model
        tree = self.tree
        if not model.files and not model.loaded:
            return  # the folder has not been scanned yet
        cursor = tree.cursor_node
        keep = _key(cursor.data) if cursor is not None and cursor.data else None
        first = self._expanded is None
        expanded = set() if first else set(self._expanded)
        self._expanded = set()
        self._tree_nodes = {}
        tree.clear()
        target = None
        for n, organ in enumerate(model.organ_order()):
            years = model.meeting_files.get(organ, {})
            count = sum(len(v) for v in years.values())
            label = Text.assemble(model.organ_name(organ), (f" {count}", "dim"))
            onode = tree.root.add(label, data=("organ", organ), allow_expand=bool(years))
            self._tree_nodes[("organ", organ)] = onode
            for i, year in enumerate(sorted(years, reverse=True)):
                ynode = onode.add(Text.assemble(year, (f" {len(years[year])}", "dim")), data=("year", organ, year),
                                  allow_expand=True)
                self._tree_nodes[("year", organ, year)] = ynode
                if (first and i == 0) or ("year", organ, year) in expanded:
                    self._fill_year(ynode)
                    self._expand(ynode)
                    if first and n == 0 and years[year]:
                        target = ("meeting", years[year][-1].id)
            if first or ("organ", organ) in expanded:
                self._expand(onode)
        for key in sorted(k for k in expanded if k[0] == "meeting"):
            node = self._tree_nodes.get(key)
            if node is not None:
                self._fill_meeting(node)
                self._expand(node)
        node = self._tree_nodes.get(keep) if keep else None
        if node is None and keep and keep[0] == "para":
            node = self._tree_nodes.get(("meeting", keep[1].split("/§")[0]))
        if node is None and target is not None:
            node = self._tree_nodes.get(target)
        self._move_to(node if node is not None else (tree.root.children[0] if tree.root.children else None))

    def _expand(self, node: TreeNode) -> None:
        self._expanded.add(_key(node.data))
        node.expand()

    def _meeting_label(self, mf: MeetingFile) -> Text:
        model, L = self.model, self.L
        label = Text(mf.stem)
        archive = model.archive
        rec = archive.meetings.get(mf.id) if archive is not None else None
        if rec is not None:
            kind = rec.data.get("kind")
            if isinstance(kind, str) and kind != "ordinarie":
                label.append(f" {L.domain(kind)}", style="italic")
        errors, warnings = model.problems(mf.rel)
        if errors:
            label.append(" ✗", style="bold red")
        elif warnings:
            label.append(" !", style="bold yellow")
        return label

    def _fill_year(self, ynode: TreeNode) -> None:
        if ynode.children:
            return
        _, organ, year = ynode.data
        archive = self.model.archive
        for mf in self.model.meeting_files.get(organ, {}).get(year, []):
            rec = archive.meetings.get(mf.id) if archive is not None else None
            has_items = rec is not None and bool(rec.data.get("items"))
            data = ("meeting", mf.id, mf.rel)
            label = self._meeting_label(mf)
            node = ynode.add(label, data=data, allow_expand=True) if has_items else ynode.add_leaf(label, data=data)
            self._tree_nodes[("meeting", mf.id)] = node

    def _fill_meeting(self, mnode: TreeNode) -> None:
        if mnode.children or self.model.archive is None:
            return
        _, mid, rel = mnode.data
        archive = self.model.archive
        rec = archive.meetings.get(mid)
        if rec is None:
            return
        for p in archive.paragraphs_of(rec):
            item_title = p.item.get("title") if isinstance(p.item.get("title"), str) else ""
            label = Text.assemble((f"§{p.number}{p.letter or ''} ", "bold"), item_title)
            node = mnode.add_leaf(label, data=("para", p.ref, rel))
            self._tree_nodes[("para", p.ref)] = node

    def _move_to(self, node: TreeNode | None) -> None:
        tree = self.tree
        if node is None:
            self.query_one(DetailPane).show("")
            return
        tree.get_node_at_line(0)  # builds the tree's lines, so the node's line is known
        tree.move_cursor(node)
        tree.scroll_to_node(node, animate=False)
        self.show_detail(node.data)  # the cursor may not have moved (same line): show it anyway

    # -- events --------------------------------------------------------------------------------
    def _fill(self, node: TreeNode) -> None:
        if not node.data:
            return
        if node.data[0] == "year":
            self._fill_year(node)
        elif node.data[0] == "meeting":
            self._fill_meeting(node)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded) -> None:
        event.stop()
        node = event.node
        if not node.data:
            return
        if self._expanded is not None:
            self._expanded.add(_key(node.data))
        self._fill(node)

    def on_tree_node_collapsed(self, event: Tree.NodeCollapsed) -> None:
        event.stop()
        if event.node.data and self._expanded is not None:
            self._expanded.discard(_key(event.node.data))

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        event.stop()
        self.show_detail(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        """Enter: expand or collapse (a meeting shows its §§); on a § go to the detail pane."""
        event.stop()
        node = event.node
        if not node.data:
            return
        if node.data[0] == "para" or not node.allow_expand:
            self.query_one(DetailPane).focus()
            return
        self._fill(node)
        node.toggle()

    def show_detail(self, data: tuple | None) -> None:
        pane = self.query_one(DetailPane)
        model, L = self.model, self.L
        shown = (id(model), L.lang, data)
        if shown == self._shown:
            return
        self._shown = shown
        if not data:
            pane.show("")
            return
        kind = data[0]
        if kind == "organ":
            pane.show(details.organ_detail(model, data[1], L))
        elif kind == "year":
            pane.show(details.year_detail(model, data[1], data[2], L))
        elif kind == "meeting":
            pane.show(details.meeting_detail(model, data[1], data[2], L))
        else:
            pane.show(details.paragraph_detail(model, data[1], L))

    # -- selection -----------------------------------------------------------------------------
    def selection(self) -> Selection | None:
        node = self.tree.cursor_node
        if node is None or not node.data:
            return None
        data = node.data
        if data[0] == "organ":
            return Selection("organ", data[1], record_kind="meeting", organ=data[1], rel=self._latest_rel(data[1]))
        if data[0] == "year":
            files = self.model.meeting_files.get(data[1], {}).get(data[2], [])
            return Selection("year", None, rel=files[-1].rel if files else None, record_kind="meeting",
                             organ=data[1])
        organ = data[1].split("/", 1)[0]
        if data[0] == "meeting":
            return Selection("meeting", data[1], data[2], "meeting", meeting=data[1], organ=organ)
        return Selection("paragraph", data[1], data[2], "meeting", meeting=data[1].split("/§")[0], organ=organ)

    def _latest_rel(self, organ: str) -> str | None:
        years = self.model.meeting_files.get(organ, {})
        if not years:
            return None
        last = years[max(years)]
        return last[-1].rel if last else None

    def select_ref(self, ref: str) -> bool:
        mid = ref.split("/§")[0]
        if mid.count("/") != 1:
            return False
        organ, stem = mid.split("/", 1)
        ynode = self._tree_nodes.get(("year", organ, stem[:4]))
        if ynode is None:
            return False
        onode = self._tree_nodes.get(("organ", organ))
        if onode is not None and not onode.is_expanded:
            self._expand(onode)
        self._fill_year(ynode)
        if not ynode.is_expanded:
            self._expand(ynode)
        node = self._tree_nodes.get(("meeting", mid))
        if node is None:
            return False
        if "/§" in ref:
            self._fill_meeting(node)
            if not node.is_expanded:
                self._expand(node)
            node = self._tree_nodes.get(("para", ref), node)
        self._move_to(node)
        return True

    def focus_list(self) -> None:
        self.tree.focus()

"""No import cycle anywhere in finsam_tui: the graph of the modules' module-level imports
(read with ast, so nothing is imported) has no cycle; a failure names the cycle.

Imports inside functions and under ``if TYPE_CHECKING:`` are left out: they run after every
module has loaded. They are not a place to hide a cycle, though: a module that needs a
higher one breaks the cycle with a callback, a message or by moving the shared piece down.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "finsam_tui"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_in(tree: ast.Module, functions: bool = False):
    """The Import and ImportFrom nodes that run when the module is imported: at the top level
    and inside top-level if/try/with blocks and class bodies, never under ``if TYPE_CHECKING:``;
    with functions, those inside functions too."""
    stack: list[ast.AST] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and is_type_checking(node.test):
            stack.extend(node.orelse)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and not functions:
            continue
        else:
            stack.extend(ast.iter_child_nodes(node))


def imported(name: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The modules of finsam_tui that node (in module name) imports."""
    out: set[str] = set()
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        if node.level:
            package = name if MODULES[name].name == "__init__.py" else name.rpartition(".")[0]
            for _ in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{node.module}" if node.module else package
        else:
            base = node.module or ""
        # "from package import module" imports the module; "from module import name" the module
        targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
    for target in targets:
        while target and target not in MODULES:  # "import a.b.c" where c is a name: a.b
            target = target.rpartition(".")[0]
        if target and target != name:
            out.add(target)
    return out


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        graph[name] = set().union(*(imported(name, node) for node in imports_in(tree)))
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of graph as [a, b, …, a], or None (an iterative depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if state.get(start):
            continue
        path = [start]
        iters = [iter(sorted(graph[start]))]
        state[start] = 1
        while iters:
            nxt = next(iters[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iters.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                iters.append(iter(sorted(graph.get(nxt, ()))))
    return None


def test_the_graph_sees_the_imports():
    graph = import_graph()
    assert len(graph) > 100
    assert "finsam_tui.core.records.layout" in graph["finsam_tui.core.io.load"]
    assert "finsam_tui.tui.keys" in graph["finsam_tui.tui.app"]
    # "from package import module" is an edge to the module
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_finsam_tui_has_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_imports_inside_functions_hide_no_cycle_in_the_tui():
    """The TUI's imports inside functions (kept lazy to start fast) point down or sideways,
    never back up into a module that imports this one: with them added, still no cycle."""
    graph = import_graph()
    for name, path in MODULES.items():
        if name.startswith("finsam_tui.tui."):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in imports_in(tree, functions=True):
                graph[name] |= imported(name, node)
    cycle = find_cycle({k: v for k, v in graph.items() if k.startswith("finsam_tui.tui.")})
    assert cycle is None, "import cycle through an import inside a function: " + " -> ".join(cycle)

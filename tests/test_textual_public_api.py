"""The TUI uses Textual's public API only where it once reached inside: no module of finsam_tui
touches Textual's private binding maps (the editor bound its keys through ``widget._bindings``),
and nothing assigns an ``action_*`` at run time (the editor once replaced ``app.action_quit``;
the app's own quit now asks the screens with unsaved changes, ``tui/unsaved.py``)."""

from __future__ import annotations

import ast
from pathlib import Path

from .test_tui_editor import PERSON, Harness, focus, paste, run

PACKAGE = Path(__file__).resolve().parent.parent / "finsam_tui"
# Textual's private attributes of the bindings machinery
PRIVATE = {"_bindings", "_merged_bindings", "_bindings_ready", "_binding_chain", "_modal_binding_chain",
           "_check_bindings"}


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE.parent), ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_no_module_uses_textuals_private_binding_attributes():
    found = [f"{rel}:{node.lineno}: .{node.attr}" for rel, tree in modules() for node in ast.walk(tree)
             if isinstance(node, ast.Attribute) and node.attr in PRIVATE]
    found += [f"{rel}:{node.lineno}: getattr(…, {node.args[1].value!r})" for rel, tree in modules()
              for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")
              and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and node.args[1].value in PRIVATE]
    assert found == []


def test_nothing_assigns_an_action_at_run_time():
    """Actions are methods of their classes: no ``x.action_… = …``, no setattr(x, "action_…")."""
    found = []
    for rel, tree in modules():
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
                targets = [node.target]
            found += [f"{rel}:{node.lineno}: {ast.unparse(t)} = …" for t in targets
                      if isinstance(t, ast.Attribute) and t.attr.startswith("action_")]
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)
                    and str(node.args[1].value).startswith("action_")):
                found.append(f"{rel}:{node.lineno}: setattr(…, {node.args[1].value!r}, …)")
    assert found == []


def test_the_editor_patches_no_action_of_the_app(records_copy):
    """With a record being edited and changed, the app, its screens and their widgets have their
    classes' actions, none set on the instance (the quit question is tests/test_tui_editor.py's)."""
    app = Harness(records_copy, "edit", rel=PERSON)

    async def scenario(pilot):
        await focus(pilot, "#f-email Input")
        await paste(pilot, "kjell@granas.se")
        nodes = [pilot.app, *pilot.app.screen_stack]
        nodes += [w for screen in pilot.app.screen_stack for w in screen.walk_children()]
        patched = [f"{type(n).__name__}.{k}" for n in nodes for k in vars(n) if k.startswith("action_")]
        assert patched == []
        assert pilot.app.screen.has_unsaved_changes()

    run(app, scenario)

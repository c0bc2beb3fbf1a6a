"""Where the domain rules register themselves: ``@local("meeting")`` on a rule that looks at
one record (``rule(ctx, record) -> iterable of Finding``), ``@cross`` on a rule that looks
across files through the index (``rule(index) -> iterable of Finding``).

A new rule is one decorated function in a module of this package (and its code in
``core/check/codes.py``, its fixture in ``tests/fixtures/rules/``): nothing else lists it.
A rule that counts over all persons or organisations (seats, quorum, the split of
contributions) is also marked ``@whole_context``: it is skipped while a person or
organisation file exists but cannot be read, since it cannot know what that file says (the
broken file has its own finding; nothing is reported elsewhere because of it).
Rules run in the order they are registered, i.e. the order ``rules/__init__.py`` imports
their modules, then their order in the module.
"""

from __future__ import annotations

from collections.abc import Callable

from finsam_tui.core.records.schema import KINDS

LOCAL_RULES: dict[str, list[Callable]] = {kind: [] for kind in KINDS}
CROSS_RULES: list[Callable] = []


def local(*kinds: str) -> Callable[[Callable], Callable]:
    """Register a rule on one record of each of kinds."""
    for kind in kinds:
        if kind not in LOCAL_RULES:
            raise ValueError(f"unknown record kind {kind!r}")

    def register(rule: Callable) -> Callable:
        for kind in kinds:
            LOCAL_RULES[kind].append(rule)
        return rule

    return register


def cross(rule: Callable) -> Callable:
    """Register a rule across files (it reads the index)."""
    CROSS_RULES.append(rule)
    return rule


def whole_context(rule: Callable) -> Callable:
    """Mark a local rule that needs every person and organisation file: it is skipped while one
    of them cannot be read (``Context.complete`` is false)."""
    rule.whole_context = True
    return rule

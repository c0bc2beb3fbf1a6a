"""Domain rules, each a small function with its code(s) in ``finsam_tui/core/check/codes.py``.

Identity numbers are searched in the raw text of every file when it is read
(``personal_data.scan_text``). ``LOCAL[kind]`` rules look at one record and the context
(settings, persons, organisations): ``rule(ctx, record) -> iterable of Finding``. ``CROSS``
rules look across files through the index: ``rule(index) -> iterable of Finding``. Keeping the
two apart lets the cache re-run only the changed file's local rules.

Each rule registers itself with ``@local(kind)`` or ``@cross`` (``registry.py``); the imports
below load the rule modules in the order their rules run.
"""

from finsam_tui.core.check.rules import (  # noqa: F401, I001 (imported, in this order, to register their rules)
    identity,
    references,
    numbering,
    budgets,
    contributions,
    budget_sources,
    meetings,
    procedure,
    memberships,
    vacancies,
    insatser,
    printed_names,
    bilagor,
)
from finsam_tui.core.check.rules.registry import CROSS_RULES, LOCAL_RULES

LOCAL = {kind: tuple(rules) for kind, rules in LOCAL_RULES.items()}
CROSS = tuple(CROSS_RULES)

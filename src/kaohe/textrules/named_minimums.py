"""The minimum written in the item's name: 「全年研究不少于3次」 over 「…每少一次扣0.5分」.

A table's requirement column often names the item (「每季度至少召开1次例会」) while its criteria
column only says what each time short costs. When the criteria write no minimum of their own, the
one minimum the name writes in the same unit is the one counted against; several, or none, leave
the rule to a person as before.
"""

from __future__ import annotations

from typing import Any

from kaohe.textrules.patterns.shortfall import MINIMUM, counted_unit, minimum_rule


def minimum_in_name(name: str, text: str, rule: dict[str, Any]) -> dict[str, Any] | None:
    """The rule counted against the name's minimum, or None."""
    if not name or MINIMUM.search(text) is not None:
        return None
    found = [m for m in MINIMUM.finditer(name) if counted_unit(m) == rule["unit"]]
    if len(found) != 1 or len(list(MINIMUM.finditer(name))) != 1:
        return None
    read = minimum_rule(name, found[0], rule["amount"])
    if read["kind"] == "shortfall" and "每" in name:
        return None  # 「每学期至少两次」: a period the reader does not know, not a target
    if "cap" in rule:
        read["cap"] = rule["cap"]
    return read

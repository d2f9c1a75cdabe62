"""A deduction limit as large as the item or larger: 「(6分)发现一处错误扣2分，扣完30分为止」.

扣完N分为止 or 扣满N分为止 with N at or above the item's points cannot bound the item, which holds
only its points: N is all of them, or the total of the section the item belongs to, down to which
deductions over its items run. Each item still stops at nothing (扣完为止), and a cap at or above
the item's points changes nothing on it, so the rule keeps no cap and the item its floor of 0.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.reading import ReadRule

_DEDUCTED_TO = re.compile(rf"扣[完满]\s*(?P<limit>{NUMBER})\s*分\s*(?:为止|即止|止)?\s*$")


def limit_beyond_the_item(
    rules: tuple[ReadRule, ...], points: Decimal | None
) -> tuple[tuple[ReadRule, ...], bool]:
    """The rules, a limit at or above the item's points read as 扣完为止, and whether one was."""
    if not points:
        return rules, False
    fitted = tuple(_uncapped(rule, points) for rule in rules)
    return fitted, fitted != rules


def _uncapped(read: ReadRule, points: Decimal) -> ReadRule:
    cap = read.rule.get("cap")
    limit = _DEDUCTED_TO.search(read.source)
    if read.flagged or cap is None or cap < points or limit is None:
        return read
    if number(limit.group("limit")) != cap or cap == abs(read.rule.get("amount", 0)):
        return read  # a one-time amount keeps the cap that makes it once
    return replace(read, rule={key: value for key, value in read.rule.items() if key != "cap"})

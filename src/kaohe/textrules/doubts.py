"""Amounts that read cleanly but are likely damaged text: each goes to a person.

「减23分」 on a table copied out of a PDF is most often the range 2~3 whose separator was lost;
「超过…,下午扣0.5分」 has lost the morning's half of a pair (上午…,下午…). Read as written, either
would be a confident and wrong rule.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kaohe.textrules.clauses import clause_start
from kaohe.textrules.drafts import Draft

# Two ascending digits close together (12, 13, 23, 35): a range 1~2, 1~3, 2~3, 3~5 run together.
_RUN_TOGETHER = re.compile(r"(?<![\d.])([1-8])([2-9])\s*分")
_LARGEST_GAP = 3
_HALF_A_PAIR = re.compile(r"^\s*(?:上午|下午|中午|晚上)\s*的?\s*$")


def doubt_damaged_amounts(drafts: list[Draft], text: str, points: Decimal | None) -> list[Draft]:
    return [
        draft.doubted() if _lost_range(draft, text, points) or _half_a_pair(draft, text) else draft
        for draft in drafts
    ]


def _lost_range(draft: Draft, text: str, points: Decimal | None) -> bool:
    """An amount like 23 where the item is worth less than twice it (or its worth is unknown)."""
    amount = draft.rule.get("amount")
    if draft.rule.get("kind") != "per_occurrence" or not isinstance(amount, Decimal):
        return False
    for match in _RUN_TOGETHER.finditer(text, draft.start, draft.end):
        low, high = int(match.group(1)), int(match.group(2))
        run_together = 0 < high - low <= _LARGEST_GAP and abs(amount) == 10 * low + high
        if run_together and (not points or abs(amount) * 2 > points):
            return True
    return False


def _half_a_pair(draft: Draft, text: str) -> bool:
    """「…,下午扣0.5分」: a clause whose only condition is the time of day."""
    if draft.rule.get("kind") != "per_occurrence" or "cap" not in draft.rule:
        return False
    return _HALF_A_PAIR.match(text[clause_start(text, draft.start) : draft.start]) is not None

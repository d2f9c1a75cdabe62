"""「未造成影响的扣1分；有影响的视情扣2-5分」: one failing graded by what it caused.

An amount for a failing that caused nothing, followed by an amount for the same failing when it
did, are alternatives, not two deductions that add up; and a range among them is a grade no
tiered level holds. The pair goes to a person as one flag, both amounts offered as guesses.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kaohe.textrules.drafts import Draft

_NO_EFFECT = re.compile(r"(?:未|没有|无)(?:造成|产生)?[^,;。]{0,4}?(?:影响|后果|损失)")
_EFFECT = re.compile(r"(?<![未没无])(?:造成|产生|有)[^,;。]{0,6}?(?:影响|后果|损失)")


def join_graded_consequences(drafts: list[Draft], text: str) -> list[Draft]:
    """``text`` is the normalised text the drafts point into."""
    joined: list[Draft] = []
    for draft in drafts:
        previous = joined[-1] if joined else None
        if previous is not None and _graded_by_effect(previous, draft, text):
            start = _condition_start(text, previous, joined[-2].end if len(joined) > 1 else 0)
            guesses = [previous.rule, draft.rule]
            rule = {"kind": "discretionary", "guesses": guesses}
            joined[-1] = replace(previous, rule=rule, start=start, end=draft.end).doubted()
        else:
            joined.append(draft)
    return joined


def _graded_by_effect(first: Draft, then: Draft, text: str) -> bool:
    near = then.sentence - first.sentence <= 1 and "guesses" not in first.rule
    start = _condition_start(text, first, 0)
    caused_nothing = _NO_EFFECT.search(text, start, first.end) is not None
    caused = _EFFECT.search(text, first.end, then.end) is not None
    return near and caused_nothing and caused and _sign(first) == _sign(then)


def _condition_start(text: str, draft: Draft, floor: int) -> int:
    """Where the draft's sentence begins (past an earlier rule of the same sentence)."""
    return max(floor, *(text.rfind(mark, 0, draft.start) + 1 for mark in "。;\n"))


def _sign(draft: Draft) -> bool:
    amount = draft.rule.get("amount", Decimal(-1))
    return draft.rule.get("direction") == "add" or bool(amount > 0)

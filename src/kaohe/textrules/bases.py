"""A credit that is the base of the amounts written right after it, not an amount of its own.

「认真执行…的,得2分,每发现1例未执行的扣0.5分,扣完为止」: the 2 points are what the deductions
take from until none are left — a deduction capped at 2 (no cap when the 2 are the item's whole
points), not 2 earned and 0.5 taken. 「达到75%,得8分;每高(低)于1个百分点加(减)1分」: the 8 points
are where an adjustment the reader could not settle starts from, so the person who settles the
adjustment settles them too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kaohe.textrules.drafts import Draft
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD

_EARNED = re.compile(r"(?:得|计|记)\s*(?:基础分|基本分)?\s*\d")
_USED_UP = re.compile(r"^[^。;]*?扣完(?:本项分?)?(?:为止|即止)")
# 「每高(低)于」, 「每增(减)」, 「每低于」, 「较上一年…每增」: a rate relative to the standard.
_RELATIVE = re.compile(r"每\s*(?:高|低|增|减|超|少|多|降|提|上升|下降)")
# 「2、」, 「(2)」, 「二、」 between two amounts: they belong to different parts.
_ENUMERATOR = re.compile(
    r"(?:^|[;。,\s])\s*(?:\(\s*\d+\s*\)|\d+\s*[、.](?!\d)|[一二三四五六七八九十]+、)"
)
_COUNTED_KINDS = frozenset({"per_occurrence", "shortfall", "frequency"})


def settle_base_credits(drafts: list[Draft], text: str, points: Decimal | None) -> list[Draft]:
    """``text`` is the normalised text the drafts' offsets point into."""
    settled: list[Draft] = []
    index = 0
    while index < len(drafts):
        draft, after = drafts[index], drafts[index + 1 : index + 2]
        if after and _base(draft, after[0], text, points):
            settled.append(_from_base(draft, after[0], text))
            index += 2
            continue
        settled.append(draft)
        index += 1
    return settled


def _base(credit: Draft, after: Draft, text: str, points: Decimal | None) -> bool:
    """A base of part of the item's points used up by the deductions in its sentence, or one
    an adjustment starts from. (A base that is the item's whole points, or of points unknown,
    is left to the readings after: 「全部出齐得2分」 then goes to a person as written.)"""
    if not _is_credit(credit, text) or _ENUMERATOR.search(text, credit.end, after.start):
        return False
    if after.sentence == credit.sentence + 1:
        return _adjusted(after, text)
    part = points is not None and credit.rule["amount"] < points
    used_up = part and _used_up(after, text)
    return after.sentence == credit.sentence and (used_up or _adjusted(after, text))


def _from_base(credit: Draft, after: Draft, text: str) -> Draft:
    if _adjusted(after, text):
        guess = {"kind": "discretionary", "guesses": [credit.rule, *after.rule.get("guesses", [])]}
        return Draft(guess, credit.start, after.end, Decimal(0), after.sentence)
    # The deduction's source quotes the base it takes from.
    return replace(after, rule={**after.rule, "cap": credit.rule["amount"]}, start=credit.start)


def _is_credit(draft: Draft, text: str) -> bool:
    """「…的，得2分」: an amount earned once, with confidence."""
    rule = draft.rule
    once = rule.get("kind") == "per_occurrence" and set(rule) == {"kind", "amount", "cap"}
    earned = once and rule["amount"] > 0 and rule["cap"] == rule["amount"]
    sure = draft.confidence >= CONFIDENCE_THRESHOLD
    return earned and sure and _EARNED.search(text, draft.start, draft.end) is not None


def _used_up(draft: Draft, text: str) -> bool:
    """A confident deduction counted per thing with no limit, 「扣完为止」 right after it."""
    rule = draft.rule
    counted = rule.get("kind") in _COUNTED_KINDS and rule.get("amount", 0) < 0
    unlimited = "cap" not in rule
    sure = draft.confidence >= CONFIDENCE_THRESHOLD
    return counted and unlimited and sure and _USED_UP.search(text[draft.end :]) is not None


def _adjusted(draft: Draft, text: str) -> bool:
    """A doubted rate relative to the standard the credit was earned at."""
    doubted = draft.confidence < CONFIDENCE_THRESHOLD
    return doubted and _RELATIVE.search(text, draft.start, draft.end) is not None

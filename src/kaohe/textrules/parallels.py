"""Two amounts in one sentence for one event told apart by a word: levels or grades, not sums.

「主要领导出席的,每次得1分;其他领导出席的,每次得0.5分」 and 「主办单位每次加1分,协办单位加
0.5分」 name one event twice, once per party or grade: the amounts are levels of one rule (or
tiers, only the highest counting), and which the office meant a person says. Read as two rules
they would add up, confidently and wrongly. So are 「一般性错误…每次扣1分;重大错误,每次扣5分」
(severities) and 「…扣5分,如案件已破,扣3分」 (a proviso on the amount before it). Amounts whose
conditions name different failings (「未明确分管领导的扣2分;未明确办事机构的扣3分」) stand.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kaohe.textrules.drafts import Draft
from kaohe.textrules.patterns.severity import SEVERITIES
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD
from kaohe.textrules.vocabulary import COUNTER, LEVELS

_CLAUSES = re.compile(r"[,;:。]")
_NOISE = re.compile(
    r"(?:每\s*[\u4e00-\u9fff]?\s*)?(?:扣|加|得|减|计|记)\s*[\d.]+\s*分(?:\s*/\s*[\u4e00-\u9fff])?"
    rf"|(?:一|1)\s*{COUNTER}$|[\s\d.、()“”\"的]|每\s*[\u4e00-\u9fff]?$"
)
_SEVERITY = re.compile(SEVERITIES)
# 「国家级加3分、省级加2分、市级加1分」: one award graded by the level that gave it.
_LEVEL = re.compile("|".join(LEVELS))
# 「如案件已破」, 「若…」, 「但…」: a proviso on the amount before it.
_PROVISO = re.compile(r"^(?:如果?|若|但|其中)")
_AMOUNTED = frozenset({"per_occurrence", "tiered"})
_PARALLEL = "_parallel_last"
"""A joined stretch keeps its last amount, to compare a third grade with."""


def doubt_parallel_amounts(drafts: list[Draft], text: str) -> list[Draft]:
    """Two amounts of a sentence, of one sign, whose conditions are one event told apart by a
    word, become one flagged stretch for a person, both readings offered as guesses (``text``
    is the normalised text of the drafts)."""
    joined: list[Draft] = []
    for draft in drafts:
        earlier = joined[-1] if joined else None
        if earlier is not None and _parallel_pair(earlier, draft, text):
            joined[-1] = _together(earlier, draft)
        else:
            joined.append(draft)
    return joined


def _parallel_pair(earlier: Draft, later: Draft, text: str) -> bool:
    if earlier.rule.get("kind") == "discretionary" and earlier.rule.get(_PARALLEL):
        earlier = earlier.rule[_PARALLEL]  # a third grade after two already joined
    return _same_sentence_amounts(earlier, later) and _parallel(earlier, later, text)


def _together(earlier: Draft, later: Draft) -> Draft:
    guesses = earlier.rule.get("guesses", [earlier.rule])
    rule = {"kind": "discretionary", "guesses": [*guesses, later.rule], _PARALLEL: later}
    return replace(earlier, rule=rule, end=later.end, confidence=Decimal(0))


def _same_sentence_amounts(earlier: Draft, later: Draft) -> bool:
    """Two amounts read with confidence, next to each other, of one sign and not equal (equal
    amounts, 「公开政策1分,公开对象1分」, are parts, never grades)."""
    amounts = [_amount(earlier), _amount(later)]
    sure = min(earlier.confidence, later.confidence) >= CONFIDENCE_THRESHOLD
    near = later.sentence == earlier.sentence
    if not (near and sure) or amounts[0] is None or amounts[1] is None:
        return False
    return amounts[0] != amounts[1] and (amounts[0] > 0) == (amounts[1] > 0)


def _amount(draft: Draft) -> Decimal | None:
    rule = draft.rule
    amount = rule.get("amount")
    if amount is None and rule.get("levels"):
        amount = max(rule["levels"].values(), key=abs)
    return amount if rule.get("kind") in _AMOUNTED else None


def _parallel(earlier: Draft, later: Draft, text: str) -> bool:
    second = _condition(text, earlier.end, later.end)
    if _PROVISO.match(second):
        return True
    first = _condition(text, _start_before(text, earlier), earlier.end)
    if not first or not second:
        return False
    severities = {found.group(0) for found in _SEVERITY.finditer(first + "|" + second)}
    if _SEVERITY.search(first) and _SEVERITY.search(second) and len(severities) > 1:
        return True
    if _differ_by(_LEVEL, first, text[earlier.end : later.start]):
        return True
    return _told_apart_by_a_word(first, second) or _once_of_the_counted(
        earlier, later, first, second
    )


def _differ_by(words: re.Pattern[str], first: str, second: str) -> bool:
    """The second condition names one of the words, and not the one the first names last (the
    first may reach back over grades already joined: 「国家级加3分、省级加2分、市级…」)."""
    before = [found.group(0) for found in words.finditer(first)]
    after = {found.group(0) for found in words.finditer(second)}
    return bool(before) and len(after) == 1 and before[-1] not in after


_SAME_WORDS = 3


def _once_of_the_counted(earlier: Draft, later: Draft, first: str, second: str) -> bool:
    """「不录入电脑的,1件扣2分,当天不录入的扣1分」: a one-time amount after an amount per thing,
    its condition repeating the words of the first (不录入): the same things, graded."""
    counted = "unit" in earlier.rule and "cap" not in earlier.rule
    once = later.rule.get("cap") is not None and later.rule.get("cap") == abs(
        later.rule.get("amount", 0)
    )
    words = {first[at : at + _SAME_WORDS] for at in range(len(first) - _SAME_WORDS + 1)}
    return counted and once and any(word in second for word in words)


def _start_before(text: str, draft: Draft) -> int:
    """Where the earlier amount's condition may begin: its sentence's clause before it."""
    return max(text.rfind(mark, 0, draft.start) for mark in "。;\n") + 1


def _condition(text: str, start: int, end: int) -> str:
    """The last clause that says more than its amount, without the amount, numbers or 的."""
    clauses = [_NOISE.sub("", _NOISE.sub("", part)) for part in _CLAUSES.split(text[start:end])]
    return next((clause for clause in reversed(clauses) if len(clause) > 1), "")


def _told_apart_by_a_word(first: str, second: str) -> bool:
    """「党委政府主要领导作出批示」 and 「党委政府其他领导作出批示」, 「主办单位」 and 「协办单位」:
    what the two share around their difference outweighs the difference."""
    head = _shared_start(first, second)
    tail = _shared_start(first[head:][::-1], second[head:][::-1])
    cores = max(len(first), len(second)) - head - tail
    return head + tail >= 2 and 0 < cores <= head + tail


def _shared_start(one: str, other: str) -> int:
    shortest = min(len(one), len(other))
    return next((at for at in range(shortest) if one[at] != other[at]), shortest)

"""Words around an amount that change what it means, read by the rule of the wording.

「其他依次递减0.2分」 is a sequence down a ranking, not 0.2 taken once; 「每高(低)于1个百分点
加(减)1分」 and 「本项最多加减10分」 go both ways; 「该项考核得零分」 zeroes the item;
「不得分或酌情扣分」 leaves the whole item's points to the assessor, zero being only the end of
that range.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kaohe.textrules.clauses import clause_start
from kaohe.textrules.drafts import Draft
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD

# 「依次递减0.2分」, 「逐名递增」, 「依次减少」: an amount stepping along a ranking or a list.
_SEQUENCE = re.compile(r"依次\s*(?:递减|递增|减少|增加|减|加|扣|降低)|递减|递增|逐名")
# 「加(减)1分」, 「加减10分」, 「增(减)1亿元」: an amount either way.
_BOTH_WAYS = re.compile(
    r"(?:加|增|高)\s*\(\s*(?:减|降|低)\s*\)|(?:减|降|低)\s*\(\s*(?:加|增|高)\s*\)|加减"
)
# 「两次(含)以上扣5分」, 「3次及以上」: an amount for a number of times reached, beside which an
# amount 「一次」 grades the same thing rather than counting it.
_TIMES_REACHED = re.compile(
    r"[两二三四五六七八九十\d]+\s*[次起件例]\s*(?:\(\s*含\s*\)\s*)?(?:及|或)?以上"
)
# 「全年开展培训不少于的扣2分」: a minimum whose number the text lost.
_LOST_NUMBER = re.compile(r"(?:不少于|不低于|至少|不超过|达到)\s*(?=的|[,;。]|扣|加|得)")
# 「…得20分,未达到标准按合格率得分」: short of the standard, the value follows a rate.
_BY_RATE_OTHERWISE = re.compile(r"按[^,;。]{0,10}?率\s*(?:得分|计分|折算|赋分)")
# 「扣2分,直至扣完该项分值」, 「扣1分,扣完为止」: the amount is taken again and again.
_UNTIL_USED_UP = re.compile(
    r"\s*[,;]?\s*(?:直至|直到)?扣完(?:该项|本项)?(?:分值|分数)?(?:为止|即止)?"
)
# 「得零分」, 「计0分」, 「为0分」: the item scores nothing.
_ZERO = re.compile(r"(?:得|计|记|为)\s*(?:零|0)\s*分")
# 「不得分或酌情扣分」, 「酌情扣分或者不得分」: a choice up to the whole item.
_ZERO_OR_DISCRETION = re.compile(
    r"不得分\s*(?:或者|或)\s*(?:酌情|视情)|(?:酌情|视情)[^,;。]{0,4}?(?:或者|或)\s*不得分"
)


def read_by_wording(drafts: list[Draft], text: str) -> list[Draft]:
    """``text`` is the normalised text the drafts' offsets point into."""
    drafts = [_zero_as_event(draft, text) for draft in drafts]
    drafts = _none_earns_none(drafts, text)
    drafts = [
        draft.doubted() if _doubtful(draft, text) else _rated(draft, text) for draft in drafts
    ]
    drafts = _doubt_count_grades(drafts, text)
    return _zero_within_discretion(drafts, text)


def _clause(draft: Draft, text: str) -> str:
    return text[clause_start(text, draft.start) : draft.end]


def _doubtful(draft: Draft, text: str) -> bool:
    """A one-time or counted amount stepping along a sequence or going either way."""
    if draft.confidence < CONFIDENCE_THRESHOLD or draft.rule.get("kind") != "per_occurrence":
        return False
    clause = _clause(draft, text)
    either = _SEQUENCE.search(clause) or _BOTH_WAYS.search(clause)
    return either is not None or _LOST_NUMBER.search(clause) is not None or _again(draft, text)


def _again(draft: Draft, text: str) -> bool:
    """A one-time amount right before 「扣完为止」: used up only if taken more than once."""
    amount = draft.rule.get("amount", 0)
    once = amount < 0 and draft.rule.get("cap") == -amount and "unit" not in draft.rule
    return once and _UNTIL_USED_UP.match(text, draft.end) is not None


def _rated(draft: Draft, text: str) -> Draft:
    """A credit whose sentence goes on to say the value short of it follows a rate: the credit
    is the top of a proportion, not an amount earned once — for a person, with the rate."""
    amount = draft.rule.get("amount", 0)
    credit = draft.rule.get("kind") == "per_occurrence" and amount > 0
    if not credit or draft.rule.get("cap") != amount:
        return draft
    ends = [at for at in (text.find(mark, draft.end) for mark in "。;") if at >= 0]
    rate = _BY_RATE_OTHERWISE.search(text, draft.end, min(ends, default=len(text)))
    return draft if rate is None else replace(draft, end=rate.end()).doubted()


# 「没有不计分」, 「无新增不得分」, 「未新增的不得分」: nothing done, the condition of a zero.
_NONE = re.compile(r"^[,;\s]*(?:没有|无|未)[\u4e00-\u9fff]{0,3}?的?\s*$")


def _none_earns_none(drafts: list[Draft], text: str) -> list[Draft]:
    """「每个项目计2分,没有不计分」: after an amount earned per thing, that none earns nothing is
    what the count already says — no second rule; the count quotes it."""
    kept: list[Draft] = []
    for draft in drafts:
        if kept and _nothing_after_count(kept[-1], draft, text):
            kept[-1] = replace(kept[-1], end=draft.end)
        else:
            kept.append(draft)
    return kept


def _nothing_after_count(counted: Draft, zero: Draft, text: str) -> bool:
    rule = counted.rule
    earned = rule.get("kind") == "per_occurrence" and rule.get("amount", 0) > 0
    per_thing = earned and "unit" in rule and "cap" not in rule
    same = counted.sentence == zero.sentence and counted.confidence >= CONFIDENCE_THRESHOLD
    zeroes = zero.rule.get("kind") == "zero_on_event"
    return zeroes and per_thing and same and _NONE.match(text[counted.end : zero.start]) is not None


def _doubt_count_grades(drafts: list[Draft], text: str) -> list[Draft]:
    """「无故缺席一次扣2分,两次(含)以上扣5分,三次(含)以上不得分」: amounts for numbers of times
    reached grade the same failing; whether they add up is for a person to say."""
    graded = {
        draft.sentence
        for draft in drafts
        if _TIMES_REACHED.search(text, clause_start(text, draft.start), draft.end)
    }
    amounts = [draft.sentence for draft in drafts]
    beside = {sentence for sentence in amounts if amounts.count(sentence) > 1}
    counted = {
        d.sentence for d in drafts if d.rule.get("kind") == "per_occurrence" and "unit" in d.rule
    }
    doubted = graded & beside & counted
    return [draft.doubted() if draft.sentence in doubted else draft for draft in drafts]


def _zero_as_event(draft: Draft, text: str) -> Draft:
    """An amount of 0 earned (「得零分」) is no amount: the item scores 0 when it happens."""
    rule = draft.rule
    zero = rule.get("kind") == "per_occurrence" and rule.get("amount") == 0
    if zero and _ZERO.search(text, draft.start, draft.end):
        return replace(draft, rule={"kind": "zero_on_event"})
    return draft


def _zero_within_discretion(drafts: list[Draft], text: str) -> list[Draft]:
    """「不得分或酌情扣分」: one amount the assessor chooses, up to the item's points."""
    kept: list[Draft] = []
    for draft in drafts:
        if draft.rule.get("kind") != "zero_on_event" or not _offered_with_discretion(draft, text):
            kept.append(draft)
        elif not any(_discretion_beside(other, draft, text) for other in drafts):
            chosen = {"kind": "discretionary", "direction": "deduct"}
            kept.append(replace(draft, rule=chosen))
    return kept


def _offered_with_discretion(draft: Draft, text: str) -> bool:
    start = clause_start(text, draft.start)
    end = text.find(",", draft.end)
    end = len(text) if end < 0 else end
    return _ZERO_OR_DISCRETION.search(text, start, end) is not None


def _discretion_beside(other: Draft, zero: Draft, text: str) -> bool:
    chosen = other.rule.get("kind") == "discretionary" and "guesses" not in other.rule
    return chosen and clause_start(text, other.start) == clause_start(text, zero.start)

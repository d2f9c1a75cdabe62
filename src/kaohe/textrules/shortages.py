"""Counts of what is lacking whose list or minimum the reading did not find: each to a person.

「缺一项扣1分」 counts items short of a list, 「缺一次扣0.5分」 times short of a minimum,
「人均面积少1㎡扣1分」 a quantity short of a standard, 「各不少于3篇」 a minimum for each of several
things. Where the reader found the list (a checklist) or the minimum (a frequency, a shortfall)
the count is read; where the list or the minimum is written elsewhere (the item's name, a column,
the sentence before in another cell) or nowhere, an amount per occurrence — or a single minimum
for several things — would be a confident reading of words it never accounted for.
"""

from __future__ import annotations

import re
from typing import Any

from kaohe.textrules.clauses import clause_start
from kaohe.textrules.drafts import Draft
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD

_ONE = r"(?:一|1)"
# 「缺一项」, 「少1种」, 「每项不达标」, 「一项达不到」, 「有一项…」: items of a list.
_ITEMS_SHORT = re.compile(
    rf"(?:缺|少|漏|差)(?:少)?\s*{_ONE}\s*[项項种種类類]"
    rf"|每\s*[项項]\s*(?:未|不|没|达不到|達不到)"
    rf"|(?<![每第])(?:有\s*)?{_ONE}\s*[项項]\s*(?:未|不|没|达不到|達不到)"
    rf"|有\s*{_ONE}\s*[项項]\s*(?=扣|减)"
)
# 「缺一次」, 「少一次会议」, 「每少于一次」: times short of a minimum.
_TIMES_SHORT = re.compile(rf"(?:缺少?|(?<![不至])少于?)\s*{_ONE}\s*次")
# 「每低于目标值3%」, 「每下降1个百分点」: a rate by a share, which no count per time reads.
_SHARE_RATE = re.compile(r"每[^,;。]{0,12}?\d+(?:\.\d+)?\s*(?:%|‰|个?百分点)")
# Spaces inside words: a table's line breaks, and a page's pinyin after each character
# (「一項(xiàng)達(dá)不到」), which normalising blanked out.
_SPACE = re.compile(r"\s+")
# 「少1㎡」, 「差一人」: a quantity short of a standard, counted per unit short.
_QUANTITY_SHORT = re.compile(rf"(?:少|缺|差)\s*{_ONE}\s*[^\s\d一,;、的]")
# 「各不少于3篇」, 「每项至少要三次」: a minimum for each of several things.
_EACH_MINIMUM = re.compile(r"(?:各|每\s*[项項])\s*[^,;]{0,3}?(?:不少于|至少|不低于|不得少于)")


# What the count may be short of, written before it or in the item's name: a list of things
# (「计划、总结」, 「年度计划和总结」, 「(1)…(2)…」) or a number of times (「每年至少2次」).
_LIST = re.compile(r"[、和及]|\(\s*[12]\s*\)")
# 「…、AB岗等制度,每少一项」: a list left open by 等 counts each thing short, whatever it is.
_OPEN_LIST = re.compile(r"、[^,;。、]{1,20}?等")
_MINIMUM = re.compile(
    r"至少|不少于|不得少于|不低于|[\d一二两三四五六七八九十]\s*次(?:以上|及以上)?|每[月季年周半]"
)


def doubt_unlisted_shortages(drafts: list[Draft], text: str, name: str = "") -> list[Draft]:
    """``text`` is the normalised text the drafts' offsets point into; ``name`` the item's."""
    return [draft.doubted() if _unlisted(draft, text, name) else draft for draft in drafts]


def _unlisted(draft: Draft, text: str, name: str) -> bool:
    if draft.confidence < CONFIDENCE_THRESHOLD:
        return False
    rule = draft.rule
    condition = _SPACE.sub("", text[_condition_start(draft, text) : draft.end])
    before = _SPACE.sub("", name + "。" + _recent(text, draft.start))
    if rule.get("kind") == "per_occurrence" and "levels" not in rule:
        return bool(
            _SHARE_RATE.search(condition)
            or (_ITEMS_SHORT.search(condition) and _closed_list(before, rule))
            or (_TIMES_SHORT.search(condition) and _minimum_before(before))
            or (_once(rule) and _QUANTITY_SHORT.search(condition))
        )
    if rule.get("kind") in ("shortfall", "frequency"):
        return _EACH_MINIMUM.search(condition) is not None or _short_of_one(rule, condition)
    return False


def _closed_list(before: str, rule: dict[str, Any]) -> bool:
    """A list the count may be short of, not left open by 等, for an amount with no limit of
    its own (「1项未达到的扣0.5分，最多扣1分」 is bounded whichever it counts)."""
    limited = rule.get("cap") is not None and rule["cap"] != abs(rule.get("amount", 0))
    return not limited and _LIST.search(before) is not None and not _OPEN_LIST.search(before)


def _condition_start(draft: Draft, text: str) -> int:
    """The draft's own text and the clause before it when the amount opens its clause
    (「未建立的,少1项扣1分」 → the whole; 「…的,扣1分」 → its condition)."""
    start = clause_start(text, draft.start)
    if start and not text[start : draft.start].strip():
        start = clause_start(text, start - 1)
    return max(start, _after_last_amount(text, draft.start))


_AMOUNT_OR_END = re.compile(r"分|。")


def _after_last_amount(text: str, at: int) -> int:
    """Where the text after the sentence or amount before ``at`` begins: a table run together
    (「…每缺一项扣10分企业经营管理100分1、未按…」) is no condition of the next amount."""
    ends = [found.end() for found in _AMOUNT_OR_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def _recent(text: str, at: int) -> str:
    """The sentence before ``at`` and the one before it: where a list it counts is written."""
    previous = text.rfind("。", 0, text.rfind("。", 0, at))
    return text[previous + 1 : at]


def _short_of_one(rule: dict[str, Any], condition: str) -> bool:
    """「每少于一次扣1分」 read as short of a minimum of one: the minimum is not written."""
    return rule.get("target") == 1 and _TIMES_SHORT.search(condition) is not None


def _once(rule: dict[str, Any]) -> bool:
    amount = rule.get("amount")
    return amount is not None and rule.get("cap") == abs(amount)


def _minimum_before(before: str) -> bool:
    """A number of times required, the count short of it (「缺一次」) aside."""
    return _MINIMUM.search(_TIMES_SHORT.sub("", before)) is not None

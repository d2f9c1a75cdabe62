"""Shortfalls against a target and frequency minimums.

「验收人防工程14万平方米，每减少1万平方米，扣1分」 is a shortfall;
「全年不少于两次，每少一次扣0.5分」 is a frequency minimum per period;
「不少于20篇，不达标扣0.5分」 is all or nothing below the target.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from kaohe.textrules.clauses import Sentence, clause_start
from kaohe.textrules.listed import lists_before
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import (
    AMOUNT,
    DEDUCT,
    GUESS,
    LIKELY,
    SURE,
    Finding,
    sentence_reader,
    signed,
)
from kaohe.textrules.vocabulary import COUNTER, PERIODS

_MEASURE = r"[万千亿]?(?:平方米|㎡|米|公里|亩|元|吨|个百分点|百分点|%)"
_UNIT = rf"(?:{_MEASURE}|{COUNTER})"
_STEP = re.compile(
    rf"每\s*(?:减少|缺少|(?:少|缺)[开报交办发]?|下降|降低|低)\s*(?P<step>{NUMBER})\s*(?P<unit>{_UNIT})[^,;\d]{{0,4}}?[,]?\s*"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
# 「访贫困户少1户扣0.5分」, 「少一人次,扣0.5分」, 「缺一次扣1分」: one short costs the amount, as
# 每少 would.
_ONE_SHORT = re.compile(
    rf"(?<![每至最不多减缺])(?:少|缺)\s*(?P<step>一|1)\s*(?P<unit>{COUNTER})\s*[,]?\s*"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
MINIMUM_BEFORE = "_minimum_before"
"""A working key: 「每少1次扣0.5分」 counts against a minimum the text may write before (True:
one must be written, else a person says)."""
EACH_MINIMUM = "_each_minimum"
"""A working key: 「…不少于1次；…不少于两次，每项少一次扣0.1分」 costs a time short of each."""
_REQUIRED_COUNTS = frozenset({"次", "场", "期", "轮"})
MINIMUM = re.compile(
    rf"(?:不少于|不低于|至少|最少|不得少于)[^\d,;]{{0,8}}?(?P<minimum>{NUMBER})\s*(?P<unit>{COUNTER})"
    rf"|(?:每月|每季度|每季|每周|每年|全年|每半年)[^\d,;]{{0,6}}?(?P<minimum2>{NUMBER})\s*(?P<unit2>{COUNTER})"
    # 「全年班子研究效能工作2次以上」: times at least, however far the count is from the period.
    rf"|(?:每月|每季度|每季|每周|每年|全年|每半年)[^\d,;]{{0,12}}?(?P<minimum3>{NUMBER})\s*(?P<unit3>次)"
    r"\s*(?:及|或)?以上"
)
# 「每少开展一次活动的扣5分」: the verb of what was required may stand between 少 and the count.
_MISSING = re.compile(
    rf"(?:每\s*)?(?:少|缺)\s*(?:开展|召开|组织|举办|开|报|交|办|发|[\u4e00-\u9fff]{{2}})?\s*(?:一|1)\s*(?P<unit>{COUNTER})?"
    rf"(?:[^,;\d]{{0,4}}?的)?\s*[,,]?\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
_ALL_OR_NOTHING = re.compile(
    rf"(?:不达标|未达标|未达到|达不到|未完成)[^,;]{{0,6}}?(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
_BELOW = re.compile(
    rf"(?:(?<!不)低于|(?<!不)少于|不足|未达到|达不到|(?<!达)不到)\s*(?P<target>{NUMBER})\s*"
    rf"(?:(?P<unit>%|分|{COUNTER})\s*(?:\([^()]{{0,12}}\))?\s*的?\s*,?\s*|\s*的?\s*,?\s*(?={DEDUCT}))"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}"
    r"(?!\s*(?:-|至|到|/))"
)
# 「每月至少召开1次例会,未召开的每次扣0.5分」: each time not held is a time short of the minimum.
# 「未召开或召开不规范的，每次扣0.5分」: each poorly held one costs the amount as well.
_NOT_HELD = re.compile(
    r"未(?P<held>召开|开展|组织|举办|报送|进行|参加)[\u4e00-\u9fff]{0,4}?"
    r"(?:(?P<either>或者?|或是)(?P<other>[\u4e00-\u9fff]{2,10}?))?的?\s*,?\s*"
    rf"每\s*(?:一|1)?\s*次\s*,?\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
_SEVERAL = re.compile(r"每项少|各少")
_RECURRING = re.compile(r"每个?(?:月|季度?|周|半年|年)")


def _unit_key(unit: str) -> str:
    return "百分点" if unit in ("个百分点", "百分点", "%") else unit


def _target_before(text: str, end: int, unit: str) -> re.Match[str] | None:
    """The last number written with the same unit before ``end``: the target."""
    targets = [
        match
        for match in re.finditer(rf"({NUMBER})\s*({_UNIT})", text[:end])
        if _unit_key(match.group(2)) == _unit_key(unit)
    ]
    return targets[-1] if targets else None


@sentence_reader("每减少一个单位扣分", priority=130, needs="少缺降低")
def read_step_shortfall(sentence: Sentence) -> list[Finding]:
    findings = []
    for match in _STEP.finditer(sentence.text):
        unit = match.group("unit")
        target = _target_before(sentence.text, match.start(), unit)
        if target is None and re.fullmatch(COUNTER, unit) and number(match.group("step")) == 1:
            findings.append(_each_missing(sentence, match))
            continue
        rule = {
            "kind": "shortfall",
            "target": number(target.group(1)) if target else None,
            "step": number(match.group("step")),
            "amount": signed(match.group("verb"), match.group("amount")),
            "partial": "floor",
            "unit": _unit_key(unit),
        }
        # A period before the step (每月召开一次…每少一次) hints at a frequency misread here.
        sure = target is not None and not _RECURRING.search(sentence.text, 0, match.start())
        start = _target_clause(sentence.text, target.start(), match.start()) if target else 0
        findings.append(Finding(rule, start, match.end(), SURE if sure else GUESS))
    findings += [_each_missing(sentence, match) for match in _ONE_SHORT.finditer(sentence.text)]
    return findings


_OWN_AMOUNT = re.compile(rf"(?:计|记|得|{DEDUCT}|加)\s*{NUMBER}\s*分")


def _target_clause(text: str, target: int, step: int) -> int:
    """The rule starts with its target's clause, unless that clause scores on its own
    (「80%以上计1分，每减少10%扣0.1分」): its amount is left for a reader, or a person."""
    start = clause_start(text, target)
    if _OWN_AMOUNT.search(text, start, step) is None:
        return start
    return clause_start(text, step)


def _each_missing(sentence: Sentence, match: re.Match[str]) -> Finding:
    """「每少一项扣0.1分」 with no target: every missing item is one occurrence."""
    rule = {
        "kind": "per_occurrence",
        "amount": signed(match.group("verb"), match.group("amount")),
        "unit": match.group("unit"),
    }
    # A period nearby (每月…每少一次) means a frequency whose minimum was not read.
    listed = match.group("unit") != "次" and lists_before(sentence.text, match.start())
    confidence = GUESS if _period_before(sentence.text, match.start()) or listed else SURE
    if rule["unit"] in _REQUIRED_COUNTS:
        # Times short of a minimum written elsewhere, or a guess; 「病程记录缺一次扣3分」 may
        # count missing records instead, so 缺 is a time short only when a minimum is written.
        rule[MINIMUM_BEFORE] = "缺" not in match.group(0)
    return Finding(rule, match.start(), match.end(), confidence)


def _period_before(text: str, end: int) -> str | None:
    found = [(text.rfind(word, 0, end), period) for word, period in PERIODS.items()]
    position, period = max(found)
    return period if position >= 0 else None


# 「不少于6次12天」, 「不少于6次,12天」: a second minimum in another unit, right after the first.
_SECOND_MINIMUM = re.compile(rf"\s*,?\s*(?P<count>{NUMBER})\s*(?P<unit>{COUNTER})(?=\s*[,;。]|$)")
# 「每季度召开议事会议，每少开展一次扣5分」: what is held each period with no count is held once.
# 「开展季度检查工作,未开展的,1次扣4.5分」: the period written with what is held, too.
_HELD_EACH = re.compile(
    r"(?:(?P<period>每个?月|每个?季度|每季|每半年)\s*(?:召开|开展|组织|举办|进行)"
    r"|(?:召开|开展|组织|举办|进行)(?P<named>季度|月度))[^\d,;]{0,20}?,"
)
_ONCE_SHORT = re.compile(
    rf"(?:(?:每\s*)?少\s*(?:开展|召开|组织|举办|开|[\u4e00-\u9fff]{{2}})?\s*(?:一|1)\s*次"
    rf"|未(?:开展|召开|组织|举办|进行)的?\s*,?\s*(?:每|1|一)\s*次)[^,;\d]{{0,4}}?\s*,?\s*"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}"
)


def _held_each_period(sentence: Sentence) -> list[Finding]:
    held = _HELD_EACH.search(sentence.text)
    missing = _ONCE_SHORT.search(sentence.text, held.end()) if held else None
    if held is None or missing is None:
        return []
    rule = {
        "kind": "frequency",
        "minimum": Decimal(1),
        "per": _held_period(held),
        "amount": signed(missing.group("verb"), missing.group("amount")),
        "unit": "次",
    }
    return [Finding(rule, held.start(), missing.end(), LIKELY)]


def _held_period(held: re.Match[str]) -> str:
    if held.group("named"):
        return "quarter" if held.group("named") == "季度" else "month"
    return PERIODS[held.group("period").replace("个", "")]


@sentence_reader("不少于几次", priority=120, needs="少低月季周年")
def read_minimum(sentence: Sentence) -> list[Finding]:
    minimum = MINIMUM.search(sentence.text)
    if minimum is None:
        return _held_each_period(sentence)
    second = _SECOND_MINIMUM.match(sentence.text, minimum.end())
    both = _two_minimums(sentence, minimum, second) if second else []
    if both:
        return both
    missing = _MISSING.search(sentence.text, minimum.end())
    if missing is not None:
        return _each_period(sentence, minimum, missing) or [_frequency(sentence, minimum, missing)]
    if not_held := _not_held(sentence, minimum):
        return not_held
    all_or_nothing = _ALL_OR_NOTHING.search(sentence.text, minimum.end())
    if all_or_nothing is None:
        return []
    target = _count(minimum)
    rule = {
        "kind": "shortfall",
        "target": target,
        "step": target,
        "amount": signed(all_or_nothing.group("verb"), all_or_nothing.group("amount")),
        "partial": "ceil",
        "unit": counted_unit(minimum),
    }
    return [Finding(rule, minimum.start(), all_or_nothing.end(), LIKELY)]


def _two_minimums(
    sentence: Sentence, minimum: re.Match[str], second: re.Match[str]
) -> list[Finding]:
    """「全年学习不少于6次12天，缺一次扣2分，缺一天扣1分」: each minimum with the amount per
    unit short of it. Without an amount for each, none: the first minimum is read alone."""
    text, findings = sentence.text, []
    wanted = [
        (counted_unit(minimum), _count(minimum), minimum.start()),
        (second.group("unit"), number(second.group("count")), None),
    ]
    misses = list(_MISSING.finditer(text, second.end()))
    for unit, count, start in wanted:
        missing = next((m for m in misses if m.group("unit") == unit), None)
        if missing is None:
            return []
        amount = signed(missing.group("verb"), missing.group("amount"))
        rule = _minimum_rule(text, unit, count, second.end(), amount)
        findings.append(
            Finding(rule, missing.start() if start is None else start, missing.end(), SURE)
        )
    return findings


def _not_held(sentence: Sentence, minimum: re.Match[str]) -> list[Finding]:
    """The times of a minimum per period not held, each costing the amount: a frequency, when
    what was not held is what the minimum requires (「至少召开…未召开的」); a failing named
    beside it (「或召开不规范的」) costs the amount each time it happens."""
    found = _NOT_HELD.match(sentence.text, _clause_after(sentence.text, minimum.end()))
    required = sentence.text[minimum.start() : minimum.end()]
    held = found is not None and found.group("held") in sentence.text[: minimum.start()] + required
    if found is None or not held or counted_unit(minimum) != "次":
        return []
    amount = signed(found.group("verb"), found.group("amount"))
    rule = minimum_rule(sentence.text, minimum, amount)
    confidence = SURE if "per" in rule else GUESS
    if found.group("other") is None:
        return [Finding(rule, minimum.start(), found.end(), confidence)]
    each = {"kind": "per_occurrence", "amount": amount, "unit": "次"}
    return [  # the amount is written once, after the second failing: each has its own words
        Finding(rule, minimum.start(), found.start("either"), confidence),
        Finding(each, found.start("other"), found.end(), confidence),
    ]


def _clause_after(text: str, at: int) -> int:
    """Where the clause after ``at`` begins (past the next comma), or the end of the text."""
    comma = text.find(",", at)
    return len(text) if comma < 0 else comma + 1


def minimum_rule(text: str, minimum: re.Match[str], amount: Decimal) -> dict[str, Any]:
    """「全年不少于两次」 and the amount per time short: a frequency per the period written
    before the minimum, or a shortfall against a target when no period is written."""
    return _minimum_rule(text, counted_unit(minimum), _count(minimum), minimum.end(), amount)


def _minimum_rule(
    text: str, unit: str, count: Decimal, end: int, amount: Decimal
) -> dict[str, Any]:
    period = _period_before(text, end)
    if period is None:
        rule = {"kind": "shortfall", "target": count, "step": Decimal(1), "amount": amount}
        return {**rule, "partial": "floor", "unit": unit}
    return {"kind": "frequency", "minimum": count, "per": period, "amount": amount, "unit": unit}


def _count(minimum: re.Match[str]) -> Decimal:
    return number(minimum.group("minimum") or minimum.group("minimum2") or minimum["minimum3"])


def counted_unit(minimum: re.Match[str]) -> str:
    return str(minimum.group("unit") or minimum.group("unit2") or minimum.group("unit3"))


def _frequency(sentence: Sentence, minimum: re.Match[str], missing: re.Match[str]) -> Finding:
    unit = counted_unit(minimum)
    amount = signed(missing.group("verb"), missing.group("amount"))
    rule = minimum_rule(sentence.text, minimum, amount)
    confidence = SURE
    if _SEVERAL.search(sentence.text) or (missing.group("unit") or unit) != unit:
        confidence = GUESS
    if _another_minimum(sentence.text, minimum, missing.start()):
        confidence = GUESS
    if confidence == SURE or _SEVERAL.search(sentence.text, minimum.end()) is None:
        return Finding(rule, minimum.start(), missing.end(), confidence)
    # 「每项少一次」: every minimum of the text, if it names several (else a person says).
    each = Finding({**rule, EACH_MINIMUM: True}, minimum.start(), missing.end(), SURE)
    return each if (missing.group("unit") or unit) == unit else replace(each, confidence=GUESS)


def _each_period(
    sentence: Sentence, minimum: re.Match[str], missing: re.Match[str]
) -> list[Finding]:
    """「每月至少1次集中学习、每季度最少1次集体研讨,每少1次扣0.5分」: the same count listed for
    periods of its own, each a frequency costing the amount per time short; else none."""
    text = sentence.text
    listed = [minimum, *MINIMUM.finditer(text, minimum.end(), missing.start())]
    periods = [_period_before(text, found.end()) for found in listed]
    same = {(counted_unit(found), _count(found)) for found in listed}
    if len(listed) < 2 or len(same) > 1 or None in periods or len(set(periods)) < len(listed):
        return []
    amount = signed(missing.group("verb"), missing.group("amount"))
    ends = [len(text[: found.start()].rstrip("、, ")) for found in listed[1:]] + [missing.end()]
    return [
        Finding(minimum_rule(text, found, amount), found.start(), end, SURE)
        for found, end in zip(listed, ends, strict=True)
    ]


def _another_minimum(text: str, minimum: re.Match[str], end: int) -> bool:
    """「总支部每年4篇,党支部每年2篇,缺1篇扣1分」: a second minimum of the same thing, for other
    units, before the amount: which one a unit falls short of is for a person to say."""
    return any(
        counted_unit(other) == counted_unit(minimum) and _count(other) != _count(minimum)
        for other in MINIMUM.finditer(text, minimum.end(), end)
    )


# 「未完成的,每少完成目标值10%扣1分」: the target is the task itself, the step a share of it.
_SHARE_SHORT = re.compile(
    rf"每\s*(?:少|差)\s*(?:完成)?\s*(?:目标值|目标任务|任务数|目标)的?\s*(?P<step>{NUMBER})\s*%"
    rf"\s*,?\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
)


@sentence_reader("每少完成目标值10%扣分", priority=128, needs="少差")
def read_share_short(sentence: Sentence) -> list[Finding]:
    findings = []
    for match in _SHARE_SHORT.finditer(sentence.text):
        rule = {
            "kind": "shortfall",
            "target": Decimal(100),
            "step": number(match.group("step")),
            "amount": signed(match.group("verb"), match.group("amount")),
            "partial": "floor",
            "unit": "百分点",
        }
        findings.append(Finding(rule, match.start(), match.end(), SURE))
    return findings


@sentence_reader("低于85%的扣分", priority=125, needs="低少足达到")
def read_threshold(sentence: Sentence) -> list[Finding]:
    """「化解率低于85%的扣1分」, 「用稿未达到6篇的扣1分」: all or nothing below the threshold,
    as 「不少于20篇，不达标扣0.5分」 (the corpus's convention for 不达标)."""
    findings = []
    for match in _BELOW.finditer(sentence.text):
        if re.search(rf"{NUMBER}\s*{COUNTER}\s*$", sentence.text[: match.start()]):
            continue  # 「1项未达到100%的扣0.5分」 counts the items that fall short
        target = number(match.group("target"))
        rule = {
            "kind": "shortfall",
            "target": target,
            "step": target,
            "amount": signed(match.group("verb"), match.group("amount")),
            "partial": "ceil",
        }
        if match.group("unit"):  # 「安全感低于80扣3分」: a bare score or index has no unit
            rule["unit"] = _unit_key(match.group("unit"))
        findings.append(Finding(rule, match.start(), match.end(), LIKELY))
    return findings


# 「按时办结率100%的,得9分,下降1个百分点扣1分」: the part's points at the target, then so much per
# point below it, down to nothing: a shortfall from the target, capped at the part's points.
_FULL_THEN_STEP = re.compile(
    rf"(?P<target>{NUMBER})\s*%\s*的?\s*,?\s*(?:得|计|记)\s*(?P<full>{NUMBER})\s*分\s*,?\s*"
    rf"每?\s*(?:下降|降低|减少)\s*(?P<step>{NUMBER})\s*(?:个百分点|百分点|%)\s*,?\s*"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}"
)


@sentence_reader("达到目标得几分，每下降扣分", priority=58, needs="降减")
def read_full_then_step(sentence: Sentence) -> list[Finding]:
    findings = []
    for match in _FULL_THEN_STEP.finditer(sentence.text):
        rule = {
            "kind": "shortfall",
            "target": number(match.group("target")),
            "step": number(match.group("step")),
            "amount": signed(match.group("verb"), match.group("amount")),
            "partial": "floor",
            "unit": "百分点",
            "cap": number(match.group("full")),
        }
        findings.append(Finding(rule, match.start(), match.end(), SURE))
    return findings

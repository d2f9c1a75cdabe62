"""Does a sentence's reading account for what the sentence scores by? Else it is read again.

A reader finds an amount and the words it knows around it; a sentence may still hold words
that change what the amount means and that no finding used. A one-time amount
(「…扣1分」, capped at itself) whose condition counts things (「发生1起…事故扣1分」,
「每发生一起…事件扣10分」, 「差错一笔扣0.5分」, 「有一项未完成的,扣1分」) is an amount per thing
counted: read as once, it would be confidently wrong whenever the thing happens twice. Where
the count cannot be read as the amount's unit (a month, two counts, 每 before no count of
things, items listed before 「有一项」), the finding goes to a person.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from kaohe.textrules.clauses import Sentence, clause_start
from kaohe.textrules.patterns.base import GUESS, Finding
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD
from kaohe.textrules.vocabulary import COUNTER

# 「每发生一起」, 「1起」, 「一笔」: a count of one thing, the unit written after 每 or after one.
# A minimum (「至少1次」), a grade (「3次以上」), a period (每天), a time limit (「1个月内」) or a
# standard in brackets counts nothing.
_COUNT = re.compile(
    r"(?<![于至最第超过低达满])"
    r"(?:每(?![天日月季年周半])(?:\s*[\u4e00-\u9fff]{1,3}?\s*(?:一|1)|\s*(?:一|1)?)|一|1)\s*"
    rf"(?P<unit>{COUNTER}|笔)(?!\s*(?:个?点|百分点|(?:及|或)?以[上下内外]))"
    r"(?P<period>\s*[月季年周])?(?P<within>\s*[内中])?"
)
# 「召开一次…会议加2分」: a thing to be done once, not a count of things that happen; 「少开展
# 一项」 counts what was not done.
_DONE_ONCE = re.compile(r"(?<![少未缺漏])(?:召开|开展|组织|举办|举行|进行|参加)\s*$")
# 「任务、责任、措施有一项不落实」: the items are listed (a checklist, or a count of them?).
_LISTED = re.compile(r"、[^,;、]*$")
# 每 that is no period (每年, 每个月): a rate.
_EVERY = re.compile(r"每(?!\s*个?[天日月季年周半])")
_BRACKETED = re.compile(r"\([^()]*\)")


def account_for_counts(findings: list[Finding], sentence: Sentence) -> list[Finding]:
    """A one-time amount whose condition counts one thing no finding read becomes an amount
    per thing counted; one whose condition holds a count or rate it cannot read as its unit
    goes to a person."""
    unread = _BRACKETED.sub(lambda found: " " * len(found.group(0)), sentence.text)
    for finding in findings:
        width = finding.end - finding.start
        unread = unread[: finding.start] + " " * width + unread[finding.end :]
    findings = [_per_counted(finding, unread, sentence.text) for finding in findings]
    return _doubt_unsigned(findings, sentence.text)


# 「每宗0.3分,未及时整改的扣1分」: an amount written with no verb takes its sign from the reader's
# guess (a credit); beside deductions it may as well be one.
_SIGNED = re.compile(r"[扣减加得计记奖罚]")


def _doubt_unsigned(findings: list[Finding], text: str) -> list[Finding]:
    deducts = any(finding.rule.get("amount", 0) < 0 for finding in findings)
    return [
        replace(finding, confidence=min(finding.confidence, GUESS))
        if deducts
        and finding.rule.get("amount", 0) > 0
        and not _SIGNED.search(text, finding.start, finding.end)
        else finding
        for finding in findings
    ]


def _per_counted(finding: Finding, unread: str, text: str) -> Finding:
    if finding.confidence < CONFIDENCE_THRESHOLD or _unaccounted(finding, unread, text):
        return replace(finding, confidence=min(finding.confidence, GUESS))
    if not _once(finding.rule):
        return finding
    start = clause_start(unread, finding.start)
    counts = _counts(unread, start, finding.start)
    if len(counts) == 1 and _plain_count(counts[0], unread, start, finding.start):
        unit = counts[0]["unit"]
        rule = {"kind": "per_occurrence", "amount": finding.rule["amount"], "unit": unit}
        return replace(finding, rule=rule)
    # 「每高于标准5%加2分」: a rate by something other than a count of things; 「有一项未完成
    # 的,扣1分」: a count in the condition before an amount that opens its own clause, which
    # may count the tasks listed before it (a checklist) or any undone thing.
    before = (
        clause_start(unread, start - 1)
        if start and not unread[start : finding.start].strip()
        else start
    )
    if counts or _EVERY.search(unread, start, finding.start) or _counts(unread, before, start):
        return replace(finding, confidence=GUESS)
    return finding


# 「每增加死亡1人扣1分」 (over a target), 「分别超过…的扣10分」 (conditions paired with amounts),
# 「少一分扣1.5分」 (per point short): words that change what an amount means, which the amount's
# reading did not use.
_RELATIVE_RATE = re.compile(r"每\s*(?:增加|超过|超出|多|高于|低于|少|减少|下降|降低|上升|提高)")
_OVER_TARGET = re.compile(r"每\s*(?:增加|超过|超出|多出?|高于|低于|上升|提高)")
_TARGET = re.compile(r"指标|目标|基数|控制数|标准|平均")
_TIME_AFTER = re.compile(r"\s*(?:一|1)?\s*个?(?:天|日|小时|周|月|工作日)")  # 每超过1天: late
_PAIRED = re.compile(r"分别")
_PER_POINT = re.compile(r"[少差低减降]\s*(?:一|1)\s*分")


def _unaccounted(finding: Finding, unread: str, text: str) -> bool:
    """A rate or one-time amount whose clause holds, unread before it, a rate against a target
    or a count of points, or whose condition (its clause and the one before) holds 分别."""
    rule = finding.rule
    start = clause_start(unread, finding.start)
    if rule.get("kind") == "shortfall":
        return _threshold_left_before(unread, text, start, finding)
    if rule.get("kind") != "per_occurrence" or "levels" in rule:
        return False
    before = unread[start : finding.start]
    condition = unread[clause_start(unread, max(start - 1, 0)) : finding.start]
    # 「超过控制指标的,每增加1起扣2分」: read as if counted, but counted past a target.
    targeted = _TARGET.search(text, 0, finding.start) is not None
    relative = [
        *_RELATIVE_RATE.finditer(unread, start, finding.start),
        *(_OVER_TARGET.finditer(text, start, finding.end) if targeted else ()),
    ]
    return (
        _threshold_left_before(unread, text, start, finding)
        or any(_TIME_AFTER.match(text, rate.end()) is None for rate in relative)
        or _PER_POINT.search(before) is not None
        or _PAIRED.search(condition) is not None
    )


_THRESHOLD = re.compile(
    r"(?:达不到|低于|不足|未达到|少于|高于|超过)[^,;]{0,10}?\d+(?:\.\d+)?\s*(?:%|‰|个?百分点)"
)


def _threshold_left_before(unread: str, text: str, start: int, finding: Finding) -> bool:
    """「听筛达不到90%,复查率达不到90%扣3分」: a threshold in the clause before, with no amount
    of its own, beside the amount's own threshold: whether the amount covers both is unsaid."""
    if not start or not _THRESHOLD.search(text, start, finding.end):
        return False
    previous = clause_start(unread, start - 1)
    left = text[previous : start - 1]
    return unread[previous : start - 1] == left and _THRESHOLD.search(left) is not None


def _counts(text: str, start: int, end: int) -> list[re.Match[str]]:
    return [
        count
        for count in _COUNT.finditer(text, start, end)
        if not _DONE_ONCE.search(text, start, count.start()) and not count["within"]
    ]


def _plain_count(count: re.Match[str], text: str, start: int, end: int) -> bool:
    """Not a period (「出现一个月」), not one of items listed before it (「任务、责任、措施有
    一项」), not 「有一项未完成」 with nothing named whose items it counts, and not a quantity
    required (「未配备1名专职人员的扣2分」: a failing once, not per person)."""
    before = text[start : count.start()]
    required = _NOT_DONE.search(before) and _NAMED_AFTER.match(text, count.end(), end)
    listed = _LISTED.search(before) or before.strip() == "有"
    return not count["period"] and not listed and not required


# 「未配备1名专职人员的」: a count between a failing and the thing required.
_NOT_DONE = re.compile(r"(?:未|没有|没|无|不)[\u4e00-\u9fff]{1,4}$")
_NAMED_AFTER = re.compile(r"\s*[\u4e00-\u9fff“”\"]{2,}")


def _once(rule: dict[str, Any]) -> bool:
    amount = rule.get("amount")
    return (
        rule.get("kind") == "per_occurrence"
        and amount is not None
        and "unit" not in rule
        and rule.get("cap") == abs(amount)
    )

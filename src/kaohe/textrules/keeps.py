"""A credit equal to the item's points, then what the item loses: 「有工作方案的得5分，否则不得分」.

On a 5-point item 「…得5分」 earns nothing the item does not hold from the start: it says when the
item keeps its points. What follows in the sentence says what it loses, and that part reads with
confidence — 不得分 after the whole of the item's points is the item scoring nothing, as it would
be after 「该项」 (beside a smaller credit it withholds only that credit, and a person says). So
the credit goes to a person on its own, as a condition, and the rest stands beside it, instead
of the whole sentence going to the person.

A credit followed by amounts per failing (「…得5分，每发现一处扣1分」) is the part's full marks,
which the item holds: criteria.py leaves those credits out, so they are not taken here.

「记5分」 and 「计5分」 say the same as 得 when they are the item's points; the readers leave them
unread alone (they may be a value or a credit on top), so here, with the item's points known, the
marks are the condition the item keeps them on: a person settles them beside what follows, or,
before shortfalls counted from a target (「…95%以上的记12分，每少1个百分点扣1分」), they are the
full marks the shortfall takes from, and only the shortfall is read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from kaohe.textrules.clauses import clause_start
from kaohe.textrules.drafts import Draft
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import LIKELY, SURE, Finding
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD
from kaohe.textrules.sentences import SCORING, SentenceReading

_CREDIT_VERB = re.compile(r"^(?:得|[记计])")
_MARKS = re.compile(rf"(?<![按合总共])[记计]\s*(?P<amount>{NUMBER})\s*分")
_FROM_TARGET = frozenset({"shortfall", "frequency"})


def kept_credit_drafts(reading: SentenceReading, index: int, points: Decimal | None) -> list[Draft]:
    """The sentence's drafts when it opens with credits, the largest the item's points
    (「…的得3分，…的得2分，否则得0分」: values to choose from, the person's), and the rest takes
    away with confidence; empty when it does not."""
    if points is None or not points:
        return []
    if reading.unread:
        return _unread_marks_drafts(reading, index, points)
    rules = list(reading.rules)
    credits = _leading_credits(rules, reading.sentence.text)
    rest = rules[len(credits) :]
    if not credits or not rest:
        return []
    if max(_amount(credit) for credit in credits) < points and len(credits) == 1:
        return _part_down_to_nothing(credits[0], rest, reading, index)
    if max(_amount(credit) for credit in credits) != points:
        return []
    if not _all_stand(rest, reading, counted=False):
        return []
    return [_condition(credits, reading, index), *_standing(rest, reading, index)]


def _part_down_to_nothing(
    credit: Finding, rest: list[Finding], reading: SentenceReading, index: int
) -> list[Draft]:
    """「…，得2分，每发现1例…扣0.5分，扣完为止」 on a 13-point item: the 2 are the part's marks,
    and the amounts per failing take them down to nothing, no further."""
    (deduction,) = rest if len(rest) == 1 else (None,)
    if deduction is None or not _counted(deduction) or not _to_nothing_after(deduction, reading):
        return []
    rule = {**deduction.rule, "cap": _amount(credit)}
    start = reading.sentence.start  # the rule quotes the marks it takes from
    return [Draft(rule, start + credit.start, start + deduction.end, SURE, index)]


def _counted(finding: Finding) -> bool:
    rule = finding.rule
    counted = rule.get("kind") in _FROM_TARGET or "unit" in rule
    taking = rule.get("kind") in (*_FROM_TARGET, "per_occurrence") and rule["amount"] < 0
    sure = finding.confidence >= CONFIDENCE_THRESHOLD
    return counted and taking and sure and "cap" not in rule


def _to_nothing_after(deduction: Finding, reading: SentenceReading) -> bool:
    return any(
        finding.node.get("floor") == 0 and finding.start >= deduction.end
        for finding in reading.findings
    )


def _unread_marks_drafts(reading: SentenceReading, index: int, points: Decimal) -> list[Draft]:
    """「…的记5分，未完成不记分」 on a 5-point item: the marks left unread are its points, and
    everything after them reads with confidence."""
    marks = _unread_marks(reading)
    rest = list(reading.rules)
    if marks is None or number(marks.group("amount")) != points or not rest:
        return []
    if any(finding.start < marks.end() or not _sure(finding) for finding in rest):
        return []
    if all(finding.rule.get("kind") in _FROM_TARGET for finding in rest):
        if not _sure_target(reading, marks.start()):
            return []
        # The shortfall quotes the marks it takes from, from the clause that sets the target.
        first = rest[0]
        at = min(first.start, clause_start(reading.sentence.text, marks.start()))
        return _standing([replace(first, start=at), *rest[1:]], reading, index)
    if not _all_stand(rest, reading, counted=True):
        return []
    earned = {"kind": "per_occurrence", "amount": points, "cap": points}
    credit = Finding(earned, marks.start(), marks.end(), LIKELY)
    return [_condition([credit], reading, index), *_standing(rest, reading, index)]


def _unread_marks(reading: SentenceReading) -> re.Match[str] | None:
    """The one 记N分 left outside every finding, when nothing else that scores is."""
    text = list(reading.sentence.text)
    for finding in reading.findings:
        text[finding.start : finding.end] = " " * (finding.end - finding.start)
    leftover = "".join(text)
    found = list(_MARKS.finditer(leftover))
    if len(found) != 1:
        return None
    rest = leftover[: found[0].start()] + leftover[found[0].end() :]
    return None if SCORING.search(re.sub(r"\s+", "", rest)) else found[0]


def _sure(finding: Finding) -> bool:
    zero = finding.rule.get("kind") == "zero_on_event"
    return zero or finding.confidence >= CONFIDENCE_THRESHOLD


def _leading_credits(rules: list[Finding], text: str) -> list[Finding]:
    credits = []
    for finding in rules:
        if not _is_credit(finding, text):
            break
        credits.append(finding)
    return credits


def _is_credit(finding: Finding, text: str) -> bool:
    rule = finding.rule
    once = rule.get("kind") == "per_occurrence" and set(rule) == {"kind", "amount", "cap"}
    earned = once and rule["amount"] > 0 and rule["cap"] == rule["amount"]
    return earned and _CREDIT_VERB.match(text[finding.start : finding.end]) is not None


def _amount(finding: Finding) -> Decimal:
    amount: Decimal = finding.rule["amount"]
    return amount


def _all_stand(rest: list[Finding], reading: SentenceReading, *, counted: bool) -> bool:
    """Every rule after the marks stands on its own; amounts per thing (``counted``) only in
    units of their own (two in one unit may be levels of one thing: 主街每处3分, 小巷每处1分)."""
    units = [finding.rule.get("unit") for finding in rest if "unit" in finding.rule]
    distinct = len(units) == len(set(units))
    return distinct and all(_stands(finding, reading, counted=counted) for finding in rest)


# 「少于3万不得分」 is the bottom of a scale of values, 「每缺一项不计分」 may withhold one share.
_SCALE_OR_SHARE = re.compile(
    rf"(?:低于|少于|不足|未达到|达不到|不到)\s*{NUMBER}|{NUMBER}\s*\S{{0,3}}以[上下]|每"
)
# Items listed before an amount per item (「签订责任状、上报报表…的，每项扣2分」): a checklist?
_ITEM_UNITS = frozenset({"项", "个", "条", "种", "件"})


def _stands(finding: Finding, reading: SentenceReading, *, counted: bool) -> bool:
    """不得分 (doubted only for the credit before it), a one-time deduction or 酌情扣分 read
    with confidence, and (``counted``) an amount per thing; amounts per failing after 得N分
    are left to criteria.py, which takes the credit for the part's full marks."""
    rule, text = finding.rule, reading.sentence.text
    if rule.get("kind") == "zero_on_event":
        return not _SCALE_OR_SHARE.search(text, clause_start(text, finding.start), finding.end)
    if finding.confidence < CONFIDENCE_THRESHOLD:
        return False
    if rule.get("kind") == "discretionary":
        return rule.get("direction") == "deduct"
    if rule.get("kind") != "per_occurrence" or "levels" in rule or rule["amount"] >= 0:
        return False
    if rule.get("cap") == -rule["amount"]:  # once; 「…扣1分，扣完为止」 may mean per finding
        return not _to_nothing_after(finding, reading)
    listed = rule.get("unit") in _ITEM_UNITS and "、" in text[: finding.start]
    return counted and "unit" in rule and "cap" not in rule and not listed


# 「(1万亩耕地配备1名农技干部)」: a number in brackets is a standard, not the target.
_BRACKETED_NUMBER = re.compile(r"\([^()]*\d[^()]*\)")


def _sure_target(reading: SentenceReading, marks: int) -> bool:
    """The shortfall's target is written before the marks, outside brackets."""
    return _BRACKETED_NUMBER.search(reading.sentence.text, 0, marks) is None


def _condition(credits: list[Finding], reading: SentenceReading, index: int) -> Draft:
    """The flag quotes the clause of the marks, where the condition ends, and the clause before
    when the marks stand alone in theirs (「建立制度的，得5分」)."""
    sentence = reading.sentence
    start = clause_start(sentence.text, credits[0].start)
    if start and not sentence.text[start : credits[0].start].strip():
        start = clause_start(sentence.text, start - 1)
    start += sentence.start
    rule = {"kind": "discretionary", "guesses": [credit.rule for credit in credits]}
    return Draft(rule, start, sentence.start + credits[-1].end, Decimal(0), index)


def _standing(rest: list[Finding], reading: SentenceReading, index: int) -> list[Draft]:
    start = reading.sentence.start
    return [
        Draft(finding.rule, start + finding.start, start + finding.end, SURE, index)
        for finding in rest
    ]

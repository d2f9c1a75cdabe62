"""Per-occurrence deductions and bonuses: 每件扣1分, 发现一次扣1分, 扣30分/次, 1个案件扣0.5分.

A sentence that names a condition and an amount without 每 (「未建立制度的，扣0.5分」) is a
one-time deduction: a per-occurrence rule capped at its own amount, so the condition costs the
amount once however often it is recorded.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import (
    ADD,
    AMOUNT,
    DEDUCT,
    FALLBACK,
    GUESS,
    LIKELY,
    SURE,
    Finding,
    sentence_reader,
    signed,
)
from kaohe.textrules.vocabulary import COUNTER

_NOT_PER_OCCURRENCE = re.compile(r"少|减少|下降|降低|未完成|未达|超过|超出|提高|增加|上升")
_EVERY = re.compile(
    rf"每\s*(?:(?:发现|查实|出现|发生)?\s*|(?![季月年周半天日少缺减降低超迟逾晚延])[\u4e00-\u9fff]{{1,2}}(?=一|1))"
    rf"(?:一|1)?\s*(?P<unit>{COUNTER})(?!\s*百分点|月)(?P<between>[^,;:]{{0,14}}?"
    rf"|[^,;:]{{0,20}}?,)\s*(?P<verb>{DEDUCT}|{ADD}|(?<![获取记计])得)(?:(?<=加)计)?\s*{AMOUNT}"
)
# 「被民革中央采用,一件再加15分」: 再 adds the amount for each piece that goes further.
_FOUND_ONCE = re.compile(
    rf"(?<![少于至最第超后末])(?:一|1)\s*(?P<unit>{COUNTER})(?!月)\s*[,的]?\s*(?:再(?=加))?"
    rf"(?P<verb>{DEDUCT}|{ADD})\s*{AMOUNT}"
)
# 「发现一处四害孳生地扣0.05分」, 「解决一个问题加2分」, 「发生一起生产安全事故的,扣30分」: a
# thing found or done, named after its count.
_FOUND_ONE_THING = re.compile(
    rf"(?:发现|查实|查出|出现|发生|解决|化解|办结|引进)\s*(?:一|1)\s*(?P<unit>{COUNTER})(?!月)"
    rf"(?:(?!的)[\u4e00-\u9fff“”\"]){{1,8}}?\s*的?\s*,?\s*(?P<verb>{DEDUCT}|{ADD})\s*{AMOUNT}"
)
_SLASH = re.compile(rf"(?P<verb>{DEDUCT}|{ADD})\s*{AMOUNT}\s*/\s*(?P<unit>{COUNTER})")
_BY_UNIT = re.compile(rf"按\s*(?P<unit>{COUNTER})\s*(?P<verb>{DEDUCT}|{ADD})\s*{AMOUNT}")
_ONE_EACH = re.compile(
    rf"(?:^|(?<=[,;]))\s*(?:1|一)\s*(?P<unit>个|项|件|次|起|人次|人)(?!月)"
    rf"(?P<between>[^,;]{{0,30}}?)(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
# 「年度计划重点工作有一项未完成扣1分」: the items are named in the clause, each undone one costs.
_ONE_UNDONE = re.compile(
    rf"(?<=[^\s,;:])有\s*(?:一|1)\s*(?P<unit>项|个|条|件)\s*(?:未完成|未落实|未达到要求|未达标)"
    rf"\s*的?\s*,?\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
_RANGE_AFTER = re.compile(r"\s*(?:-|至|到)\s*\d")
_CAP = re.compile(
    rf"\s*,?\s*(?:累计)?(?:最多|最高|最多累计|累计不超过|不超过|限)\s*(?:不超过)?\s*(?:扣|减|加|得|计)?\s*({NUMBER})"
    r"\s*(?:分|(?![\d.%]|\s*(?:[次个项件篇人户名位]|元|万)))"
)
# 「扣除月度考核分1分」: what the amount is taken from may sit between the verb and the amount.
# 「…专项整治方案记3分」: 记 or 计 right before the amount credits it as 得 does.
_ONCE = re.compile(
    rf"(?<![每各])(?P<verb>{DEDUCT}|{ADD}|(?<![获取记计])得|(?<![按合总])[记计](?=\s*\d))"
    rf"\s*(?:[\u4e00-\u9fff]{{0,4}}?(?:考核分|考核得分|绩效分|基础分))?\s*{AMOUNT}"
)
# With several amounts in one sentence these say the amounts are alternatives, not additions:
# 「一次扣0.5分，两次以上扣1分」, 「优秀的得5分，良好的得4分」, 「情节严重的扣1分」.
_DOUBTFUL = re.compile(
    r"情节严重|情节较重|情节轻微|性质恶劣|视情况|根据情况|否则|相应|按比例"
    r"|(?:较大|重大|严重|恶劣)(?:社会)?影响"
    # 「迟报1天扣0.5分，迟报3天以上扣2分」: a count and more is a grade of what is counted
    # (places in a ranking, 进位5名以上, are graded one-offs the graded join reads).
    r"|(?:\d+|[一二两三四五六七八九十]+)\s*(?:次|起|件|项|人次|天|日|周|个月|人|户|处|篇|条|份|宗|例)"
    r"\s*(?:及|或)?以上|优秀|良好|合格|称职"
    # a ladder of disciplinary outcomes (诫勉, 轻处分, 重处分, 移送司法) grades one event
    r"|诫勉|[轻重]处分|移送司法|追究刑事"
)
_CREDIT = re.compile(rf"(?<!最多)(?<!最高)得\s*{NUMBER}\s*分")
# A count before a one-time amount (「2项任务有1项未完成扣0.5分」) says the amount is per something;
# a grade (「5个点以内」, 「3次以上」) does not.
_ONE = frozenset({"一", "1"})
_COUNTED = re.compile(
    rf"(?P<count>{NUMBER})\s*{COUNTER}(?!\s*(?:个?点|百分点|(?:及|或)?以[上下内外]))"
)
_COUNT_REACH = 8
# 「每高一个百分点扣1分」: a rate in the amount's own clause that no reader took is still a rate.
_RATE_IN_CLAUSE = re.compile(r"每[^,;:]{0,16}$")
# A recurring period (逾期未报的扣1分 after 每月5日前报送) or a ranking (排名前三的加1分) may
# make a plain amount per period or per position.
# 「排名靠后的扣10分」 names no positions: a condition met or not, costing its amount once.
_PER_SOMETHING = re.compile(
    r"每个?(?:月|季度?|周|半年)|排名(?!靠后|靠前|落后|较后|较前)|名次|位列"
    r"|前\s*[\d一二三四五六七八九十]+\s*的"
)
# 「90分以下扣1分」: a score the amount is graded by belongs to the amount's finding.
_SCORE_GRADE = re.compile(
    rf"(?:(?:低于|高于|不足|不到)\s*{NUMBER}\s*分|{NUMBER}\s*分\s*(?:及|或)?以[上下])\s*的?\s*,?\s*$"
)
_ALSO_DEDUCTED = re.compile(r"再扣|追加|另扣|(?<!酌情)(?<!视情)加扣|加倍|翻倍")
_AMOUNTS = re.compile(rf"(?:{DEDUCT}|{ADD}|得)\s*{NUMBER}\s*分|酌情")
# 「每份每天扣1分」 counts items and time at once (每人每次 counts person-times), and
# 「每起减扣0.4分」 gives back part of a deduction: neither is a plain amount per occurrence, so a
# person says what it costs.
_TWO_RATES_OR_REFUND = re.compile(r"每\s*(?:天|日|小时|周|月|年)|(?:减|少|免|不)$")
_RATE_BEFORE = re.compile(r"每\s*(?![超迟逾延晚少缺])[\u4e00-\u9fff]{1,2}\s*$")
_TIME_UNITS = frozenset("天日")
_REFUND = re.compile(r"(?:减|少|免)$")
# 「次考评的扣0.5分」 begins with the counting word of a line broken before it (「少开展1」): what
# was counted is in another piece of text.
_BROKEN_OFF = re.compile(r"\s*次(?![日年月数要序])")
# 「信息被省委办录用的加15分」: each piece adopted earns the amount, not the first one only.
_ADOPTED = re.compile(r"录用|采用|采纳|刊用|刊发|刊登|登载|选用|转发")


def _doubtful(sentence: Sentence) -> bool:
    """Severity words, thresholds and grades cast doubt only beside another amount."""
    several = len(_AMOUNTS.findall(sentence.text)) > 1
    alternatives = len(_CREDIT.findall(sentence.text)) > 1
    severity = several and _DOUBTFUL.search(sentence.text) is not None
    return severity or alternatives or _ALSO_DEDUCTED.search(sentence.text) is not None


def _with_cap(rule: dict[str, Any], sentence: Sentence, end: int) -> tuple[dict[str, Any], int]:
    cap = _CAP.match(sentence.text, end)
    if cap is None:
        return rule, end
    return {**rule, "cap": number(cap.group(1))}, cap.end()


def _per_occurrence(sentence: Sentence, match: re.Match[str], confidence: Decimal) -> Finding:
    rule = {
        "kind": "per_occurrence",
        "amount": signed(match.group("verb"), match.group("amount")),
        "unit": match.group("unit"),
    }
    rule, end = _with_cap(rule, sentence, match.end())
    if _doubtful(sentence):
        confidence = GUESS
    return Finding(rule=rule, start=match.start(), end=end, confidence=confidence)


def _ranged(sentence: Sentence, match: re.Match[str]) -> bool:
    return _RANGE_AFTER.match(sentence.text, match.end()) is not None


def _two_rates_or_refund(sentence: Sentence, match: re.Match[str], between: str) -> bool:
    per_day = match.group("unit") in _TIME_UNITS
    after_a_rate = per_day and _RATE_BEFORE.search(sentence.text, 0, match.start()) is not None
    return after_a_rate or _TWO_RATES_OR_REFUND.search(between) is not None


# 「每少排查一次扣1分」: a time short of a minimum, not a time something happened.
_SHORT_BEFORE = re.compile(r"少\s*[\u4e00-\u9fff]{0,3}$")


def _short_of(sentence: Sentence, match: re.Match[str]) -> bool:
    return _SHORT_BEFORE.search(sentence.text, 0, match.start()) is not None


@sentence_reader("每件扣分", priority=140, needs="扣减加奖得")
def read_every(sentence: Sentence) -> list[Finding]:
    findings: list[Finding] = []
    patterns = (_EVERY, _FOUND_ONCE, _FOUND_ONE_THING, _SLASH, _ONE_EACH, _BY_UNIT, _ONE_UNDONE)
    for pattern in patterns:
        for match in pattern.finditer(sentence.text):
            between = match.groupdict().get("between") or ""
            if _NOT_PER_OCCURRENCE.search(between) and pattern is _EVERY:
                continue
            found = _per_occurrence(sentence, match, SURE)
            if _two_rates_or_refund(sentence, match, between) or _short_of(sentence, match):
                found = replace(found, confidence=GUESS)
            taken = any(f.start < found.end and found.start < f.end for f in findings)
            if not _ranged(sentence, match) and not taken:
                findings.append(found)
    return sorted(findings, key=lambda finding: finding.start)


# 「《要情快报》采用1条，计5分」, 「每采用1篇计2分」, 「快报采用每条10分」: each piece adopted
# counts the amount.
_COUNTED_PER_PIECE = re.compile(
    rf"(?:{_ADOPTED.pattern})的?\s*,?\s*(?P<every>每\s*(?:一|1)?|一|1)\s*(?P<unit>{COUNTER})"
    rf"\s*[,的]?\s*(?P<verb>[计记])?\s*{AMOUNT}"
)


@sentence_reader("采用1条计分", priority=139, needs="计记每")
def read_counted_per_piece(sentence: Sentence) -> list[Finding]:
    matches = [
        match
        for match in _COUNTED_PER_PIECE.finditer(sentence.text)
        if match.group("verb") or match.group("every").startswith("每")
    ]
    # 「要情采用每条10分，被市委办采用每条10分」: amounts by where a piece was adopted, levels a
    # person settles; an amount written with 计 stands on its own.
    unwritten = sum(not match.group("verb") for match in matches)
    findings = []
    for match in matches:
        rule = {"kind": "per_occurrence", "amount": number(match.group("amount"))}
        rule, end = _with_cap({**rule, "unit": match.group("unit")}, sentence, match.end())
        sure = not _ranged(sentence, match) and (match.group("verb") or unwritten == 1)
        findings.append(Finding(rule, match.start(), end, SURE if sure else GUESS))
    return findings


# 「按每件0.5分扣分」, 「按0.5分/件计扣」: the rate the deduction is counted by, written after 按.
_BY_RATE = re.compile(
    rf"按\s*(?:每\s*(?:一|1)?\s*(?P<unit>{COUNTER})\s*(?P<amount>{NUMBER})\s*分"
    rf"|(?P<amount2>{NUMBER})\s*分\s*/\s*(?P<unit2>{COUNTER}))\s*(?:的标准)?\s*"
    r"(?:计)?(?P<verb>扣分|扣减|扣除|计扣|扣|加分|计加)"
)


@sentence_reader("按每件0.5分扣分", priority=141, needs="按")
def read_by_rate(sentence: Sentence) -> list[Finding]:
    findings = []
    for match in _BY_RATE.finditer(sentence.text):
        amount = number(match.group("amount") or match.group("amount2"))
        adds = "加" in match.group("verb")
        rule = {"kind": "per_occurrence", "amount": amount if adds else -amount}
        rule, end = _with_cap(
            {**rule, "unit": match["unit"] or match["unit2"]}, sentence, match.end()
        )
        confidence = GUESS if _doubtful(sentence) else SURE
        findings.append(Finding(rule, match.start(), end, confidence))
    return findings


# 「未按要求设立检查站(按七个一标准)的扣5分」: a count inside brackets names a standard.
_BRACKETED = re.compile(r"\([^()]*\)")


def _maybe_per_something(sentence: Sentence, start: int) -> bool:
    reach = max(0, start - _COUNT_REACH)
    unbracketed = _BRACKETED.sub(lambda found: " " * len(found.group(0)), sentence.text)
    # A count of one (「发现1处」) is the unit the amount is counted by: accounting.py reads it.
    counted = any(
        count.group("count") not in _ONE for count in _COUNTED.finditer(unbracketed, reach, start)
    )
    counted = counted or _RATE_IN_CLAUSE.search(sentence.text, 0, start) is not None
    counted = counted or _ELLIPTICAL_AFTER_A_COUNT.search(sentence.text, 0, start) is not None
    return counted or _doubtful(sentence) or _PER_SOMETHING.search(sentence.text) is not None


# 「发现一处孳生地扣0.05分,阳性的扣0.2分」: a condition of a word or two after an amount per
# thing may speak of the same things (per positive site), or of the whole item once; a failing of
# its own (「未整改的扣1分」) costs its amount once.
_ELLIPTICAL_AFTER_A_COUNT = re.compile(
    rf"(?:每|一|1)\s*{COUNTER}[^,;]*?(?:{DEDUCT}|{ADD})\s*{NUMBER}\s*分\s*,\s*"
    r"(?![未不没无])[\u4e00-\u9fff]{1,3}的?\s*,?\s*$"
)


# After 「…记50分」 the amounts per time that take from those marks: 「每推迟1个月扣10分」.
_TAKEN_PER_TIME = re.compile(
    r"每\s*(?:推迟|逾期|延迟)?\s*(?:一|1)?\s*个?\s*(?:次|件|起|例|处|月|天|人次)"
    r"[^,;]{0,8}?(?:扣|减)\s*[\d.]+\s*分"
)


def _credited_alone(sentence: Sentence, match: re.Match[str]) -> bool:
    """「…记50分,每推迟1个月扣10分」: 记 or 计 read as 得 only for the marks that amounts per
    time take from. Alone (「…方案记3分」) it may be the whole item's value or a credit on top,
    which only the item's points can tell: a person says."""
    if match.group("verb") not in ("记", "计"):
        return True
    return _TAKEN_PER_TIME.search(sentence.text, match.end()) is not None


@sentence_reader("一次性扣分", priority=FALLBACK, needs="扣减加奖得记计")
def read_once(sentence: Sentence) -> list[Finding]:
    """One-time amounts; registered last so every more specific reader goes first."""
    findings = []
    for match in _ONCE.finditer(sentence.text):
        if _ranged(sentence, match) or not _credited_alone(sentence, match):
            continue
        amount = signed(match.group("verb"), match.group("amount"))
        rule: dict[str, Any] = {"kind": "per_occurrence", "amount": amount, "cap": abs(amount)}
        if amount > 0 and _ADOPTED.search(sentence.text, 0, match.start()):
            rule = {"kind": "per_occurrence", "amount": amount}
        confidence = GUESS if _maybe_per_something(sentence, match.start()) else LIKELY
        if _REFUND.search(sentence.text, 0, match.start()) or _BROKEN_OFF.match(sentence.text):
            confidence = GUESS
        grade = _SCORE_GRADE.search(sentence.text, 0, match.start())
        start = grade.start() if grade else match.start()
        findings.append(Finding(rule, start, match.end(), confidence))
    return findings


# 「获领导批示的,每篇计12分」, 「每超报1篇计1分」, 「每个单位计3分」, 「转报的每条50分」: each piece
# counts the amount (计 or no verb at all: a credit, as a list of parts' points is).
_PER_PIECE = re.compile(
    rf"每\s*(?:[\u4e00-\u9fff]{{1,2}}?(?=一|1))?(?:一|1)?\s*(?P<unit>{COUNTER})(?!\s*(?:月|季|年|周))"
    rf"(?:(?![扣减加奖得罚再另])[\u4e00-\u9fff]){{0,2}}?\s*(?:计|记)?\s*{AMOUNT}"
)


# 「向省委会提交提案材料的,一件4分」: a clause of a count of one and its points, no verb: each
# piece earns them, as 「每件4分」 would.
_ONE_PIECE = re.compile(
    r"(?:^|(?<=[,;]))\s*(?:一|1)\s*(?P<unit>次|件|篇|条|期|份)\s*"
    rf"{AMOUNT}(?=\s*(?:$|[,;。]))"
)


@sentence_reader("一件计分", priority=143, needs="一1")
def read_one_piece(sentence: Sentence) -> list[Finding]:
    if _doubtful(sentence):
        return []
    findings = []
    for match in _ONE_PIECE.finditer(sentence.text):
        rule = {"kind": "per_occurrence", "amount": number(match.group("amount"))}
        rule, end = _with_cap({**rule, "unit": match.group("unit")}, sentence, match.end())
        findings.append(Finding(rule, match.start(), end, SURE))
    return findings


@sentence_reader("每篇计分", priority=142, needs="每")
def read_per_piece(sentence: Sentence) -> list[Finding]:
    matches = list(_PER_PIECE.finditer(sentence.text))
    if len(matches) != 1 or _doubtful(sentence):
        return []  # 「动态信息每条5分,简讯每条3分」: amounts by kind, levels a person settles
    match = matches[0]
    rule = {"kind": "per_occurrence", "amount": number(match.group("amount"))}
    rule, end = _with_cap({**rule, "unit": match.group("unit")}, sentence, match.end())
    return [Finding(rule, match.start(), end, SURE)]

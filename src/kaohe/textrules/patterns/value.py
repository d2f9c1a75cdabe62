"""Rules that set an item's value: conversion (折算), proportional, evaluation weights."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number, percent
from kaohe.textrules.patterns.base import GUESS, SURE, Finding, sentence_reader

_CONVERSION = re.compile(r"(?:按|根据|依据|按照)[^,;]*?折算(?!扣分|扣减|加分)(?:得分|分值)?")
# What 「按…折算」 converts, when it is people's judgement (测评, 评议, 满意度 …): the item is an
# evaluation item of one group, which the evaluations app can feed; any other source (another
# assessment's result, inspection scores) stays a conversion.
_JUDGING = r"(?:测评|评议|满意度|满意率|民意调查|问卷调查|评价)"
_JUDGED = re.compile(
    rf"(?:按|根据|依据|按照)(?P<name>[^,;]*?{_JUDGING}[^,;]*?)"
    r"(?:的)?(?:得分|结果|成绩|分数|分值|情况)?(?:按比例)?折算"
    rf"|(?P<name2>[^,;按]*?{_JUDGING}[^,;按]*?)(?:的)?(?:得分|结果|成绩|分数)按(?:照)?比例折算"
)
_NOT_JUDGED = re.compile(r"考核|检查|督查|考评")
_PROPORTIONAL = re.compile(r"按(?:照)?(?:实际)?完成(?:比例|情况|进度|率)(?:得分|计分|折算|赋分)")
# 「得分=及时受理率×5分」: the item earns its points in proportion to a rate out of 100%.
_RATE_TIMES_POINTS = re.compile(rf"(?:得分\s*=\s*)?[\u4e00-\u9fff]{{1,12}}率\s*\*\s*{NUMBER}\s*分")
_WEIGHTED = re.compile(rf"(?P<group>[^,;=()+*]+?)(?:评价)?得分\s*\*\s*(?P<weight>{NUMBER})\s*%")
_SHARE = re.compile(
    rf"(?P<group>[^,;=()+*:]+?)(?:评价)?得分占\s*(?P<weight>{NUMBER})\s*%"
    rf"|(?P<group2>[^,;=()+*:]+?(?:评议|评价|测评|评分|调查))占\s*(?P<weight2>{NUMBER})\s*%"
)
_RATIO = re.compile(
    r"(?P<first>[^,;和与]+?)(?:和|与)(?P<second>[^,;和与]+?)按\s*(?P<a>\d+)\s*:\s*(?P<b>\d+)\s*的?比例(?:\s*,?\s*折算出?[^,;]*)?"
)
_ROUND = re.compile(
    rf"(?:^|(?<=,))(?P<round>半年|年中|年终|上半年|下半年|季度)[^;]*?占(?:年度的?|全年的?)?\s*"
    rf"(?:(?P<fraction>\d+/\d+)|(?P<percent>{NUMBER})\s*%)"
)
_GROUP_NOISE = re.compile(r"^(?:其中|公众评议得分|由|.*?:)|[、\s]")


@sentence_reader("折算", priority=170, needs="折")
def read_conversion(sentence: Sentence) -> list[Finding]:
    match = _CONVERSION.search(sentence.text)
    if match is None:
        return []
    judged = _JUDGED.search(sentence.text)
    if judged and not _NOT_JUDGED.search(_named(judged, "name")):
        group = _group_name(_named(judged, "name")) or "测评"
        rule = {"kind": "evaluation", "groups": {group: Decimal(1)}}
        return [Finding(rule, match.start(), match.end(), SURE)]
    return [Finding({"kind": "conversion"}, match.start(), match.end(), SURE)]


@sentence_reader("按完成比例得分", priority=180, needs="完")
def read_proportional(sentence: Sentence) -> list[Finding]:
    # The target the completion is measured against is never in the sentence: a person sets it.
    match = _PROPORTIONAL.search(sentence.text)
    if match is None:
        return []
    return [Finding({"kind": "proportional"}, match.start(), match.end(), GUESS)]


@sentence_reader("比率乘分值", priority=175, needs="率")
def read_rate_times_points(sentence: Sentence) -> list[Finding]:
    match = _RATE_TIMES_POINTS.search(sentence.text)
    if match is None:
        return []
    rule = {"kind": "proportional", "target": Decimal(100), "unit": "%"}
    return [Finding(rule, match.start(), match.end(), SURE)]


def _group_name(raw: str) -> str:
    return _GROUP_NOISE.sub("", raw.strip())


def _named(match: re.Match[str], name: str) -> str:
    """A group that one of two alternatives captured (``group`` or ``group2``)."""
    found = match.groupdict().get(name) or match.groupdict().get(f"{name}2")
    return str(found)


def _weights(matches: list[re.Match[str]]) -> dict[str, Decimal] | None:
    groups = {
        _group_name(_named(match, "group")): percent(_named(match, "weight")) for match in matches
    }
    if len(groups) < 2 or sum(groups.values()) != 1 or "" in groups:
        return None
    return groups


def _evaluation(groups: dict[str, Any], matches: list[re.Match[str]]) -> Finding:
    rule = {"kind": "evaluation", "groups": groups}
    return Finding(rule, matches[0].start(), matches[-1].end(), SURE)


@sentence_reader("评价权重", priority=100, needs="%比")
def read_weights(sentence: Sentence) -> list[Finding]:
    if re.search(r"-\s*\S*扣分", sentence.text):
        return []  # a section formula (…×30% − 察访核验扣分), not one item's evaluation
    for pattern in (_WEIGHTED, _SHARE):
        matches = list(pattern.finditer(sentence.text))
        groups = _weights(matches) if matches else None
        if groups:
            return [_evaluation(groups, matches)]
    ratio = _RATIO.search(sentence.text)
    if ratio is None:
        return []
    a, b = Decimal(ratio.group("a")), Decimal(ratio.group("b"))
    groups = {
        _group_name(ratio.group("first")): a / (a + b),
        _group_name(ratio.group("second")): b / (a + b),
    }
    return [_evaluation(groups, [ratio])]


@sentence_reader("半年与年终权重", priority=110, needs="占")
def read_round(sentence: Sentence) -> list[Finding]:
    findings = []
    for match in _ROUND.finditer(sentence.text):
        fraction = match.group("fraction")
        weight = number(fraction) if fraction else percent(match.group("percent"))
        rule = {"kind": "evaluation", "rounds": {match.group("round"): weight}}
        findings.append(Finding(rule, match.start(), match.end(), SURE))
    return findings

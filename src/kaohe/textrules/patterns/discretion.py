"""Amounts the assessor chooses: 扣1-5分, 每件扣0.1分—0.5分, 酌情扣分, 予以加分; and values
the assessor sets outright (对报告质量等方面酌情打分)."""

from __future__ import annotations

import re

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import ADD, DEDUCT, FALLBACK, SURE, Finding, sentence_reader

# 「视情节轻重扣1—10分」, 「视火灾面积扣分5—15分」: what the choice depends on may be written
# before the range, and 扣分 may stand for the verb; 「1～3分」 arrives as 1~3.
_GROUND = (
    r"视情节?|酌情|视情况|根据情况|(?:视|根据|按照?)[^,;:]{0,10}?(?:轻重|程度|情况|情节|大小|面积)"
)
_RANGE = re.compile(
    rf"(?:(?:{_GROUND})\s*)?(?P<verb>{DEDUCT}|{ADD})\s*(?:分\s*)?(?P<low>{NUMBER})\s*分?\s*"
    rf"(?:-|~|至|到)\s*(?P<high>{NUMBER})\s*分"
)
# 「多于1名的酌情加扣」: more deducted at the assessor's choice is still a deduction they choose.
_AT_WILL = re.compile(
    rf"(?:酌情|视情|视情况|予以|适当|给予)\s*(?P<verb>{DEDUCT}|{ADD})(?:减|分|除)"
    r"|(?:予以|给予)(?P<incentive>正向激励|奖励)|(?:酌情|视情)(?P<more>加扣|增扣|多扣)"
)


def _direction(verb: str) -> str:
    return "add" if re.fullmatch(ADD, verb) else "deduct"


# 「排名第二至第四名的依次加3至1分」: amounts 依次/分别 by position are a sequence the rank reader
# reads when it knows the positions, never a range the assessor chooses within.
_IN_TURN = re.compile(r"(?:依次|分别)\s*$")


@sentence_reader("扣1-5分", priority=30, needs="-~至到")
def read_range(sentence: Sentence) -> list[Finding]:
    findings = []
    for match in _RANGE.finditer(sentence.text):
        if _IN_TURN.search(sentence.text, 0, match.start()):
            continue
        low, high = number(match.group("low")), number(match.group("high"))
        rule = {
            "kind": "discretionary",
            "min": min(low, high),
            "max": max(low, high),
            "direction": _direction(match.group("verb")),
        }
        findings.append(Finding(rule, match.start(), match.end(), SURE))
    return findings


def _at_will_direction(match: re.Match[str]) -> str:
    return "deduct" if match.group("more") else _direction(match.group("verb") or "加")


@sentence_reader("予以扣分", priority=FALLBACK + 1, needs="酌视予适")
def read_at_will(sentence: Sentence) -> list[Finding]:
    """酌情扣分 and 予以加分: weak, since 「予以扣分，其中：…」 only introduces the real amounts."""
    return [
        Finding(
            {"kind": "discretionary", "direction": _at_will_direction(match)},
            match.start(),
            match.end(),
            SURE,
            weak=True,
        )
        for match in _AT_WILL.finditer(sentence.text)
    ]


_SCORED_AT_WILL = re.compile(r"(?:酌情|视情)(?:打分|评分|给分|赋分)")


@sentence_reader("酌情打分", priority=31, needs="酌视")
def read_scored_at_will(sentence: Sentence) -> list[Finding]:
    """「对报告内容、分析方法等方面酌情打分」: the assessor sets the item's value. A number in the
    sentence (「在2分内酌情给分」) or a condition before it (「未实施的酌情给分」) leaves doubt
    about what is set and when: the sentence goes to a person."""
    match = _SCORED_AT_WILL.search(sentence.text)
    if match is None or re.search(r"\d", sentence.text):
        return []
    if sentence.text[: match.start()].rstrip().endswith("的"):
        return []
    return [Finding({"kind": "manual"}, match.start(), match.end(), SURE)]

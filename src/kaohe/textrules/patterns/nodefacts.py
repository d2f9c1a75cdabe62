"""Facts about the whole item rather than one rule: 扣完为止, 最高加5分, 不设上限, 得平均分."""

from __future__ import annotations

import re

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import SURE, Finding, sentence_reader

_TO_ZERO = re.compile(
    r"(?:本项|该项|此项)?(?:扣分)?扣完为止|(?:扣分|扣)至0分为止|扣完即止"
    # 「扣分至基本分值扣完为止」: down to nothing of the item's base points.
    r"|(?:扣分|扣)至(?:基本分值|基本分|基础分值|基础分|该项分值|本项分值)扣完为止"
    # (「扣分不超过本项分值的50%」 is a share of the points, not all of them: left unread.)
    r"|(?:以上)?(?:各项)?扣分(?:不超过|不得超过|以)(?:该项|本项)(?:分值|分数)(?:为限)?(?!\s*的)"
)
_BONUS_CAP = re.compile(
    rf"(?:最高|最多|累计最高|累计最多)(?:可)?加\s*(?P<cap>{NUMBER})\s*分"
    rf"|(?:加分|得分|激励得分|加分累计|累计加分)[^,;]{{0,4}}?(?:不超过|最高|最多|封顶)\s*(?P<cap2>{NUMBER})\s*分"
    rf"|(?:加分)?(?P<cap3>{NUMBER})\s*分封顶"
)
_PENALTY_CAP = re.compile(
    rf"(?:扣分|扣分累计|累计扣分)[^,;]{{0,4}}?(?:不超过|最高|最多|封顶)\s*(?P<cap>{NUMBER})\s*分"
    rf"|(?:本项|该项)?(?:最多|最高)扣\s*(?P<cap2>{NUMBER})\s*分"
    # 「每起扣0.5分，扣满4分为止」: deducted again and again, up to the limit.
    rf"|(?:本项|该项)?扣满\s*(?P<cap3>{NUMBER})\s*分(?:为止|即止)?"
    # 「每处扣1分，扣完2分为止」: deducted down to the limit written, as 扣满 says.
    rf"|(?:本项|该项)?扣完\s*(?P<cap4>{NUMBER})\s*分\s*(?:为止|即止|止)"
)
# 「扣分上不封顶」 is about deductions, not a bonus: left unread, and so flagged.
_UNCAPPED = re.compile(
    r"(?<!扣分)(?<!扣分上)(?:本项|该项)?(?:加分)?(?:不设上限|不设上线|不封顶|上不封顶)"
)
_ASSESSOR = re.compile(
    r"\(?\s*(?:负责考核科室|考核科室|考评单位|负责考核单位)\s*:\s*(?P<who>[^()]+?)\s*\)"
)
_FULL = re.compile(r"(?:不参加|未参加|不进驻|未进驻|不涉及|没有)[^;]*?得满分")
_MOVE = re.compile(
    r"(?:不参加|未参加|不涉及|没有)[^;]*?(?:分值|权重)(?:计入|并入|移至|转入|加到)\s*(?P<to>[^,;。]+)"
)
_AVERAGE = re.compile(r"(?:不参加|未参加|不进驻|未进驻|不涉及|没有)[^;]*?得[^;]*?平均分")


def _cap(match: re.Match[str]) -> str:
    return next(value for value in match.groups() if value is not None)


@sentence_reader("整项扣分上限与加分上限", priority=190, needs="止超以最封设考满入移到均")
def read_node_facts(sentence: Sentence) -> list[Finding]:
    text, findings = sentence.text, []
    for match in _TO_ZERO.finditer(text):
        findings.append(Finding({}, match.start(), match.end(), SURE, node={"floor": 0}))
    for match in _BONUS_CAP.finditer(text):
        node = {"kind": "bonus", "cap": number(_cap(match))}
        findings.append(Finding({}, match.start(), match.end(), SURE, node=node))
    for match in _PENALTY_CAP.finditer(text):
        node = {"kind": "penalty", "points": number(_cap(match))}
        findings.append(Finding({}, match.start(), match.end(), SURE, node=node))
    for match in _UNCAPPED.finditer(text):
        node = {"kind": "bonus", "cap": None}
        findings.append(Finding({}, match.start(), match.end(), SURE, node=node))
    for match in _AVERAGE.finditer(text):
        node = {"not_applicable": "average"}
        findings.append(Finding({}, match.start(), match.end(), SURE, node=node))
    for match in _FULL.finditer(text):
        findings.append(
            Finding({}, match.start(), match.end(), SURE, node={"not_applicable": "full"})
        )
    for match in _MOVE.finditer(text):
        node = {"not_applicable": {"move_to": match.group("to").strip()}}
        findings.append(Finding({}, match.start(), match.end(), SURE, node=node))
    for match in _ASSESSOR.finditer(text):
        node = {"assessor": match.group("who")}
        findings.append(Finding({}, match.start(), match.end(), SURE, node=node))
    return findings

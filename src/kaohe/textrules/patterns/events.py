"""Events that zero an item (该项不得分) and vetoes (一票否决) with their consequence."""

from __future__ import annotations

import re
from typing import Any

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import GUESS, SURE, Finding, sentence_reader

_ZERO = re.compile(
    r"(?:该项|本项|此项|该项目|本项目)?\s*(?:不得分|不计分|不记分|不给分|[得计记为]\s*0\s*分)"
    r"|扣除(?:该项|本项)?全部分值|(?:该项|本项)分值全部扣除|扣除全部分数"
    r"|(?:该项|本项)?(?:分值|分数)?全部扣完"
)
_AMOUNT = re.compile(rf"(?:得|加|扣)\s*(?!0\s*分){NUMBER}\s*分|得满分")
_VETO = re.compile(r"一票否决|实行否决|予以否决")
_VETO_MATTER = re.compile(r"否决”?[^,;“”]{0,6}?事项的")
_CONSEQUENCES: tuple[tuple[str, dict[str, Any]], ...] = (
    (r"取消[^,;]{0,6}?评优|不得评为优秀|取消[^,;]{0,4}?评先", {"consequence": "no_excellence"}),
    (r"取消[^,;]{0,4}?考核资格|不参加[^,;]{0,4}?考核", {"consequence": "disqualify"}),
    (r"列最后\s*(?:一|1)\s*(?:位|名)|列末位|排名最后|排在最后", {"consequence": "rank_last"}),
    (r"(?:总分|得分|考核得分)[^,;]{0,4}?(?:为|计)\s*(?:0|零)\s*分?", {"consequence": "zero"}),
)  # fmt: skip
_GRADE_CAP = re.compile(
    r"(?:等次|等级)?(?:直接)?(?:定为|确定为|评为|为)\s*(?P<grade>基本称职|不称职|一般|较差|差|不合格|基本合格|合格)\s*(?:等次|等级)?"
)
# 「少于10篇的，计0分」: a value below a threshold, not an event that happens — a person says
# whether the item keeps part of its points.
_BELOW_THRESHOLD = re.compile(rf"(?:低于|少于|不足|未达到|达不到|不到)\s*{NUMBER}")
_THRESHOLD = re.compile(rf"(?P<count>{NUMBER})\s*(?:人|起|次|宗)\s*(?:及|或)?以上")  # fmt: skip


def _consequence(text: str) -> tuple[dict[str, Any], re.Match[str]] | None:
    for pattern, consequence in _CONSEQUENCES:
        match = re.search(pattern, text)
        if match:
            return consequence, match
    grade = _GRADE_CAP.search(text)
    if grade:
        return {"consequence": "grade_cap", "grade": grade.group("grade")}, grade
    return None


# 「排名最后一名的,扣1分」: a standing followed by 的 and an amount names who loses the amount.
_CONDITION_AFTER = re.compile(r"\s*(?:(?:一|1)\s*[位名])?\s*的")


def _condition_of_an_amount(text: str, match: re.Match[str]) -> bool:
    return (
        _CONDITION_AFTER.match(text, match.end()) is not None
        and _AMOUNT.search(text, match.end()) is not None
    )


@sentence_reader("一票否决", priority=150, needs="否取为参列排计")
def read_veto(sentence: Sentence) -> list[Finding]:
    veto = _VETO.search(sentence.text)
    found = _consequence(sentence.text)
    if veto is None and found is not None and found[0]["consequence"] in ("zero", "grade_cap"):
        if _AMOUNT.search(sentence.text):
            return []  # 「被评定为不合格的，每次扣2分」: the grade is the condition of an amount
        # 「直接确定为不合格」 may be a veto, 「在60—75分的为一般」 a grade band: a person decides.
        match = found[1]
        return [Finding({"kind": "veto", **found[0]}, match.start(), match.end(), GUESS)]
    if veto is None and found is None:
        return []
    if veto is None and found is not None and _condition_of_an_amount(sentence.text, found[1]):
        return []  # 「排名最后一名的扣1分」: the standing is the condition of an amount
    if found is None and re.search(r"否决”?事项$", sentence.text):
        return []  # the heading of a veto section: the vetoes follow
    if found is None and _VETO_MATTER.search(sentence.text) and _AMOUNT.search(sentence.text):
        return []  # 「发生“一票否决”重特大事项的，扣30分」: the matters named, then their amount
    if found is None:
        return [Finding({"kind": "veto"}, veto.start(), veto.end(), GUESS)] if veto else []
    consequence, match = found
    rule: dict[str, Any] = {"kind": "veto", **consequence}
    threshold = _THRESHOLD.search(sentence.text)
    if threshold:
        rule["threshold"] = number(threshold.group("count"))
    start = min(match.start(), veto.start()) if veto else match.start()
    return [Finding(rule, start, max(match.end(), veto.end() if veto else 0), SURE)]


# 「按时完成得2分，未按时完成不得分」: beside an amount earned, 不得分 only withholds that amount;
# beside deductions (「5%以内扣1分，10%以上不得分」) it is the worst case: the item scores nothing.
_EARNED = re.compile(rf"(?:得|加)\s*(?!0\s*分){NUMBER}\s*分|得满分")


# 「达到责任指标的得满分,未达到的不得分」: all or nothing; the full marks only say the item keeps
# its points, so the 不得分 half is the rule.
_ALL_OR_NOTHING = re.compile(r"得满分\s*[,;]\s*[^,;]*?(?:不得分|不计分|得0分|计0分)")
_NUMBER_EARNED = re.compile(rf"(?:得|加)\s*(?!0\s*分){NUMBER}\s*分")


@sentence_reader("该项不得分", priority=160, needs="不0全")
def read_zero(sentence: Sentence) -> list[Finding]:
    confidence = GUESS if _EARNED.search(sentence.text) else SURE
    marks = _ALL_OR_NOTHING.search(sentence.text)
    if marks is not None and _NUMBER_EARNED.search(sentence.text) is None:
        confidence = SURE
    found = [
        Finding({"kind": "zero_on_event"}, match.start(), match.end(), confidence)
        if not _BELOW_THRESHOLD.search(sentence.text, 0, match.start())
        else Finding({"kind": "zero_on_event"}, match.start(), match.end(), GUESS)
        for match in _ZERO.finditer(sentence.text)
    ]
    if found and marks is not None and confidence == SURE:
        found.append(Finding({}, marks.start(), marks.start() + len("得满分"), SURE))
    return found

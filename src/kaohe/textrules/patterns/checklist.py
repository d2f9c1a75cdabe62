"""Checklists: 「…；…。每未完成1项，扣1分」 and lists of conditions ending 「…的，各扣0.5分」.

The tasks are the sentences before the amount, so the sentence reader only marks the amount and
the reader gathers the tasks once every sentence of the text is known.
"""

from __future__ import annotations

import re
from typing import Any

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import (
    AMOUNT,
    DEDUCT,
    GUESS,
    SURE,
    Finding,
    sentence_reader,
    signed,
)

GATHER_TASKS = "_gather_tasks"
GATHER_CONDITIONS = "_gather_conditions"
GATHER_LISTED = "_gather_listed"

_EACH_UNDONE = re.compile(
    rf"(?:(?:每|有)\s*(?:未完成|未落实|未达到|少完成)\s*(?:一|1)\s*项"
    rf"|每有\s*(?:一|1)\s*项\s*(?:未完成|未落实|未达到))[^,;]{{0,4}}?,?\s*"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
# 「每缺一项扣0.5分」, 「少一项扣1分」: items counted, or the tasks listed in the sentences before.
_EACH_MISSING = re.compile(
    rf"每?\s*(?:缺|少|缺少)\s*(?:一|1)\s*项\s*,?\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
# 「(1)…的。(2)…的。出现上述情况之一的每项扣30分」 (或「以上情形每出现一项扣1分」): each
# listed failing is a task.
_EACH_LISTED = re.compile(
    r"(?:上述|以上|前述|下列)[^,;]{0,12}?,?\s*"
    r"(?:每项|每一项|每条|每(?:出现|发现|有)\s*(?:一|1)\s*(?:项|条|种))"
    rf"\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
# 「未落实的每项扣1分」: the items are the requirements written before the sentence.
_EACH_NOT_DONE = re.compile(
    rf"^\s*(?:未|不|没有)[^,;、]{{1,6}}?的?\s*,?\s*(?:每项|每一项|每条)\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
    # 「每一项未落实扣1分」, 「每有一项不达标扣0.5分」: the same, the item named first.
    rf"|^\s*每\s*(?:有(?=\s*(?:一|1)\s*项\s*(?!未完成|未落实|未达到)))?\s*(?:一|1)\s*项\s*(?:未|不|没有)[\u4e00-\u9fff]{{1,4}}?的?\s*,?\s*"
    rf"(?P<verb2>{DEDUCT})\s*(?P<amount2>{NUMBER})\s*分"
)
_EACH_CONDITION = re.compile(rf"(?:的)?\s*,?\s*(?:各|分别)\s*(?P<verb>{DEDUCT})\s*{AMOUNT}$")


@sentence_reader("每未完成1项扣分", priority=10, needs="项各别")
def read_checklist(sentence: Sentence) -> list[Finding]:
    findings = []
    gathers = (
        (_EACH_UNDONE, GATHER_TASKS),
        (_EACH_MISSING, GATHER_LISTED),
        (_EACH_LISTED, GATHER_LISTED),
        (_EACH_NOT_DONE, GATHER_LISTED),
        (_EACH_CONDITION, GATHER_CONDITIONS),
    )
    for pattern, gather in gathers:
        match = pattern.search(sentence.text)
        if match:
            groups = match.groupdict()
            verb = groups["verb"] or groups["verb2"]
            amount = signed(verb, groups["amount"] or groups["amount2"])
            rule = {"kind": "checklist", "amount": amount, gather: True}
            findings.append(Finding(rule, match.start(), match.end(), SURE))
    return findings


TASK_SPANS = "_task_spans"
_LIST_ITEM = re.compile(r"[^、\s][^、]*[^、\s]|[^、\s]")


def _listed_checklist(match: re.Match[str], *shared: int) -> dict[str, Any]:
    """A checklist whose tasks are the 、-separated items of the match's ``items`` group (each
    followed by the ``shared`` span of words they have in common, when given), each costing the
    match's amount once."""
    offset = match.start("items")
    spans = [
        (offset + item.start(), offset + item.end(), *shared)
        for item in _LIST_ITEM.finditer(match.group("items"))
    ]
    amount = signed(match.group("verb"), match.group("amount"))
    return {"kind": "checklist", "amount": amount, TASK_SPANS: spans}


_NAMED_TASKS = re.compile(
    rf"(?P<count>{NUMBER})\s*项(?:任务|工作)?\s*中?\s*有\s*(?:一|1)\s*项\s*未完成\s*,?\s*"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
_TASK_VERB = re.compile(r"\s*(?:完成|开展|落实|做好|推进)")


def _named_task_spans(text: str, end: int) -> list[tuple[int, int]]:
    """The 、-separated items of the clause before ``end``: 「完成甲、乙，2项任务…」."""
    clause_end = len(text[:end].rstrip(" ,"))
    clause_start = text.rfind(",", 0, clause_end) + 1
    verb = _TASK_VERB.match(text, clause_start)
    start = verb.end() if verb else clause_start
    spans = []
    for item in re.finditer(r"[^、]+", text[start:clause_end]):
        spans.append((start + item.start(), start + item.end()))
    return spans


@sentence_reader("几项任务有1项未完成", priority=15, needs="完")
def read_named_tasks(sentence: Sentence) -> list[Finding]:
    match = _NAMED_TASKS.search(sentence.text)
    if match is None:
        return []
    spans = _named_task_spans(sentence.text, match.start())
    amount = signed(match.group("verb"), match.group("amount"))
    rule = {"kind": "checklist", "amount": amount, TASK_SPANS: spans}
    sure = len(spans) == number(match.group("count"))
    start = spans[0][0] if spans else match.start()
    return [Finding(rule, start, match.end(), SURE if sure else GUESS)]


_NEGATED = r"(?:未|不|无|没有|缺少|缺乏)[^,;、:]{1,30}?"
_NEGATED_LIST = re.compile(
    rf"(?:^|(?<=[,;:]))\s*[^,;:、未不无没]{{0,6}}?(?P<items>{_NEGATED}(?:\s*、\s*{_NEGATED})+?)\s*的?\s*,?\s*"
    rf"(?:分别|各)\s*(?P<verb>{DEDUCT})\s*{AMOUNT}(?!\s*、)"
)


@sentence_reader("未甲、未乙的分别扣分", priority=8, needs="别各")
def read_negated_list(sentence: Sentence) -> list[Finding]:
    """「未制定方案、未开展培训、未报送总结的，分别扣0.5分」 (also after a subject: 「工作无计划、
    无措施的分别扣1分」): each failing is one task of a checklist, so each costs the amount once."""
    match = _NEGATED_LIST.search(sentence.text)
    if match is None:
        return []
    return [Finding(_listed_checklist(match), match.start("items"), match.end(), SURE)]


# 「病程记录、手术记录未即时完成(超过24小时)各扣1分」: one failing shared by the named things.
_NAMED_LIST = re.compile(
    rf"(?:^|(?<=[,;:]))\s*(?P<items>[^,;:、不未无没]{{1,20}}(?:、[^,;:、不未无没]{{1,20}})+?)\s*"
    rf"(?:不|未|没有)[^,;:、()]{{0,6}}?(?:\([^()]{{0,12}}\))?的?\s*,?\s*"
    rf"(?:每项|每一项|每少一项|各)\s*(?P<verb>{DEDUCT})\s*{AMOUNT}"
)


@sentence_reader("甲、乙不落实的每项扣分", priority=9, needs="项各")
def read_named_list(sentence: Sentence) -> list[Finding]:
    """「“三会一课”、民主评议党员、党务公开不落实的，每项扣2分」: the named tasks form a
    checklist, each costing the amount once."""
    match = _NAMED_LIST.search(sentence.text)
    if match is None:
        return []
    # 「Р12、病程记录、手术记录…」: a number glued before the list may be an enumerator.
    numbered = re.search(r"\d", match.group("items").split("、")[0]) is not None
    confidence = GUESS if numbered else SURE
    return [Finding(_listed_checklist(match), match.start("items"), match.end(), confidence)]


# 「没有年度工作计划、总结各扣1分」, 「未建立甲制度、乙制度的各扣1分」: one negation over a list of
# things each missing on its own. A list with 或/及/和 in it may pair its items differently.
# A table's points column glued before the clause (「2没有…」) is not part of it.
_SHARED_NEGATION = re.compile(
    rf"(?:^|(?<=[,;:]))\d{{0,3}}(?P<clause>[^,;:、未无没\d]{{0,8}}?"
    rf"(?:没有|无|未(?:建立|制定|制订|设立|配备|签订|报送)))"
    rf"(?P<items>[^,;:、不未无没或及和与等的]{{2,15}}(?:、[^,;:、不未无没或及和与等的]{{2,15}})+)"
    rf"\s*的?\s*,?\s*各\s*(?P<verb>{DEDUCT})\s*{AMOUNT}(?!\s*、)"
)


@sentence_reader("没有甲、乙各扣分", priority=9, needs="各")
def read_shared_negation(sentence: Sentence) -> list[Finding]:
    match = _SHARED_NEGATION.search(sentence.text)
    if match is None:
        return []
    return [Finding(_listed_checklist(match), match.start("clause"), match.end(), SURE)]


# 「教育、组织、群众工作不力各扣1分」: the last item's failing (two characters and 不力, 不到位…)
# belongs to every item, so each task is the item with that failing. The list may follow the
# item's points (「…(2分)教育、组织…」). Tried before read_named_list, whose tasks would leave the
# shared failing off.
_SHARED_FAILING = re.compile(
    rf"(?:^|(?<=[,;:)]))\s*(?P<items>[^,;:、不未无没()]{{1,12}}(?:、[^,;:、不未无没()]{{1,12}})+?)"
    r"(?P<failing>[\u4e00-\u9fff]{2}(?:不力|不到位|不落实|不及时|不规范|不健全|不完善))"
    rf"\s*的?\s*,?\s*各\s*(?P<verb>{DEDUCT})\s*{AMOUNT}(?!\s*、)"
)


@sentence_reader("甲、乙工作不力各扣分", priority=8, needs="各")
def read_shared_failing(sentence: Sentence) -> list[Finding]:
    match = _SHARED_FAILING.search(sentence.text)
    if match is None:
        return []
    rule = _listed_checklist(match, *match.span("failing"))
    return [Finding(rule, match.start("items"), match.end(), SURE)]

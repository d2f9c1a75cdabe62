"""Passes over a whole text: rules whose parts sit in several sentences.

Checklist tasks are the plain sentences before 「每未完成1项扣1分」 (a single sentence before it
says what the items are, so they are counted instead); conditions listed before
「各扣0.5分」 become a checklist too; per-occurrence amounts that differ only by level
(市级…每个扣0.1分、省级…每个扣0.2分) become one rule with levels; 半年 ¼ and 年终 ¾ become one
evaluation with rounds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from kaohe.textrules.drafts import Draft
from kaohe.textrules.listed import listed_things, negated_conditions
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.checklist import (
    GATHER_CONDITIONS,
    GATHER_LISTED,
    GATHER_TASKS,
    TASK_SPANS,
)
from kaohe.textrules.patterns.severity import TIER
from kaohe.textrules.sentences import SentenceReading
from kaohe.textrules.vocabulary import LEVELS

_LEVEL = re.compile("|".join(LEVELS))
_TASK_EDGES = " ,:，：的\n"


def _task(text: str) -> str:
    return re.sub(r"\s+", "", text).strip(_TASK_EDGES)


# 「做好稳控工作(3分)」 heads an item of its own: a list of tasks does not reach past it.
_HEADING = re.compile(r"\(\s*\d+(?:\.\d+)?\s*分\s*\)\s*$")


def _plain_run_before(readings: list[SentenceReading], index: int) -> list[SentenceReading]:
    run: list[SentenceReading] = []
    for reading in reversed(readings[:index]):
        if not reading.is_plain or _HEADING.search(reading.sentence.text):
            break
        run.insert(0, reading)
    return run


def _gather_tasks(draft: Draft, readings: list[SentenceReading], text: str) -> Draft:
    run = _plain_run_before(readings, draft.sentence)
    rule = {key: value for key, value in draft.rule.items() if key != GATHER_TASKS}
    if len(run) == 1:
        # One sentence is not a list of tasks but what the items are (「落实值班执勤、大楼安全
        # 以及交办的其他事项。每未完成1项，扣0.5分」): the undone items are counted.
        counted = {"kind": "per_occurrence", "amount": rule["amount"], "unit": "项"}
        return replace(draft, rule=counted, start=run[0].sentence.start)
    rule["tasks"] = [_task(_original(reading, text)) for reading in run]
    start = run[0].sentence.start if run else draft.start
    gathered = replace(draft, rule=rule, start=start)
    return gathered if run else gathered.doubted()


def _gather_listed(
    draft: Draft, readings: list[SentenceReading], text: str, name: str = ""
) -> Draft:
    """「实施方案按时出台;领导担任河长;经费落实。每缺一项扣0.5分」: the tasks are the plain
    sentences listed before; without such a list the missing items are counted."""
    run = _plain_run_before(readings, draft.sentence)
    own = readings[draft.sentence].sentence
    if tasks := _counted_list(text[own.start : draft.start]):
        return replace(
            draft, rule={"kind": "checklist", "amount": draft.rule["amount"], "tasks": tasks}
        )
    counted = replace(
        draft, rule={"kind": "per_occurrence", "amount": draft.rule["amount"], "unit": "项"}
    )
    if _OTHER_ITEMS.search(text, own.start, draft.start):
        return counted  # 「未建立收运体系扣2分,其它缺一项扣0.5分」: the rest, whatever they are
    if len(run) < 2:
        listed = text[run[0].sentence.start if run else own.start : draft.start]
        if things := listed_things(listed):
            rule = {"kind": "checklist", "amount": draft.rule["amount"], "tasks": things}
            return replace(draft, rule=rule)
        if listed.strip(" ,;:"):
            return counted.doubted() if _lists_items(listed) else counted
        return _listed_elsewhere(counted, draft.sentence, name)
    rule = {"kind": "checklist", "amount": draft.rule["amount"]}
    rule["tasks"] = [_task(_original(reading, text)) for reading in run]
    return replace(draft, rule=rule)  # its text stays the amount's: the tasks name the list


# 「其它缺一项扣0.5分」: the items left after those named with their own amounts are counted.
_OTHER_ITEMS = re.compile(r"(?:其它|其他|其余)\s*$")


def _lists_items(listed: str) -> bool:
    """「设去向牌、座位牌,少一项扣1分」 and 「甲负总责,乙由分管领导担任。每一项未落实扣1分」 list
    the items (a checklist, or a count of them?): a person says. A list left open with 等 is
    counted (「配齐人员、经费等,少一项扣1分」), and so are the failings a condition names
    (「制度不健全的,少一项扣1分」)."""
    clauses = [clause for clause in re.split(r"[,;]", listed.strip(" ,;:")) if clause.strip()]
    return len(clauses) > 1 or ("、" in listed and "等" not in listed)


_NAME_PARTS = re.compile(r"[,;，；]")


def _listed_elsewhere(counted: Draft, sentence: int, name: str) -> Draft:
    """A bare 「缺一项扣2分」: right after a sentence the readers could not take as a list, the
    items may be in it (a person says); opening the criteria of an item whose name lists its
    requirements (「制度健全,台账完整」), the items are those; else the missing items are
    counted."""
    if sentence > 0:
        return counted.doubted()
    parts = [part.strip() for part in _NAME_PARTS.split(name) if part.strip()]
    if len(parts) < 2:
        return counted
    rule = {"kind": "checklist", "amount": counted.rule["amount"], "tasks": parts}
    return replace(counted, rule=rule)


# 「管理指标、品种检测和公众满意度评价三大指标每缺一项扣1分」: a list its count confirms.
_COUNTED_LIST = re.compile(
    rf"^(?P<items>[^,;:]+?)\s*(?P<count>{NUMBER})\s*(?:大|个|项|类)\s*[\u4e00-\u9fff]{{0,4}}?\s*,?\s*$"
)


def _counted_list(listed: str) -> list[str]:
    """The items of a list followed by their count, when the count agrees; else none."""
    clause = re.split(r"[,;]", listed.strip().rstrip(","))[-1]
    match = _COUNTED_LIST.match(clause.strip())
    if match is None:
        return []
    items = [_task(item) for item in re.split(r"、|和|及|与", match.group("items"))]
    agrees = len(items) == number(match.group("count")) and all(items)
    return items if agrees and len(items) > 1 else []


def _gather_conditions(
    draft: Draft, readings: list[SentenceReading], text: str, after: int = 0
) -> Draft:
    """``after``: where an earlier rule of the same sentence ends (「未部署的扣1分,…的各扣2分」):
    the conditions begin past it."""
    own = readings[draft.sentence].sentence
    run = [r for r in _plain_run_before(readings, draft.sentence) if r.sentence.text.endswith("的")]
    begin = max(own.start, after)
    begin += len(text[begin : draft.start]) - len(text[begin : draft.start].lstrip(" ,，;；"))
    own_condition = _task(text[begin : draft.start])
    rule = {key: value for key, value in draft.rule.items() if key != GATHER_CONDITIONS}
    rule["tasks"] = [_task(_original(reading, text)) for reading in run] + [own_condition]
    start = run[0].sentence.start if run else begin
    gathered = replace(draft, rule=rule, start=start)
    if not run and (conditions := negated_conditions(own_condition)):
        return replace(gathered, rule={**rule, "tasks": conditions})
    if not run:
        # Several conditions in one breath (how many is unclear), or 「各」 after one condition
        # that names its several items in words (「示范县和示范乡镇创建未完成的各扣2分」).
        return gathered.doubted()
    return gathered


def _original(reading: SentenceReading, text: str) -> str:
    """Tasks keep the document's own punctuation: they are shown to people as written."""
    return text[reading.sentence.start : reading.sentence.end]


def _name_tasks(draft: Draft, readings: list[SentenceReading], text: str) -> Draft:
    offset = readings[draft.sentence].sentence.start
    rule = {key: value for key, value in draft.rule.items() if key != TASK_SPANS}
    rule["tasks"] = [_spanned_task(text, offset, spans) for spans in draft.rule[TASK_SPANS]]
    return replace(draft, rule=rule)


def _spanned_task(text: str, offset: int, spans: tuple[int, ...]) -> str:
    """A task written in one piece (start, end), or in two (「教育」 and the 「工作不力」 it
    shares with the other items)."""
    pieces = zip(spans[::2], spans[1::2], strict=True)
    return _task("".join(text[offset + start : offset + end] for start, end in pieces))


def gather_checklists(
    drafts: list[Draft], readings: list[SentenceReading], text: str, name: str = ""
) -> list[Draft]:
    """Fill in checklist tasks from the sentences before the amount (or the item's ``name``,
    when it lists them); ``text`` is the original."""
    gathered: list[Draft] = []
    for draft in drafts:
        before = gathered[-1] if gathered else None
        after = before.end if before and before.sentence == draft.sentence else 0
        if TASK_SPANS in draft.rule:
            draft = _name_tasks(draft, readings, text)
        elif draft.rule.get(GATHER_TASKS):
            draft = _with_cap_of(draft, _gather_tasks(draft, readings, text))
        elif draft.rule.get(GATHER_LISTED):
            draft = _with_cap_of(draft, _gather_listed(draft, readings, text, name))
        elif draft.rule.get(GATHER_CONDITIONS):
            draft = _gather_conditions(draft, readings, text, after)
        gathered.append(draft)
    return gathered


def _with_cap_of(marked: Draft, gathered: Draft) -> Draft:
    """「每少1项扣0.5分,扣完2分为止」: the limit written with the amount stays with its rule."""
    if "cap" not in marked.rule or "cap" in gathered.rule:
        return gathered
    return replace(gathered, rule={**gathered.rule, "cap": marked.rule["cap"]})


def _level_of(draft: Draft, text: str, previous_end: int) -> str | None:
    levels = set(_LEVEL.findall(text[previous_end : draft.end]))
    if len(levels) > 1:  # a heading before may name levels too (「赴省到市上访(6分),去市…」)
        clause = max(text.rfind(mark, previous_end, draft.start) for mark in ",;:") + 1
        levels = set(_LEVEL.findall(text[max(clause, previous_end) : draft.end]))
    return levels.pop() if len(levels) == 1 else None


def _merged_levels(run: list[tuple[Draft, str]]) -> Draft:
    first = run[0][0]
    levels = {level: draft.rule["amount"] for draft, level in run}
    rule: dict[str, Any] = {"kind": "per_occurrence", "levels": levels}
    if "unit" in first.rule:
        rule["unit"] = first.rule["unit"]
    confidence = min(draft.confidence for draft, _ in run)
    return replace(first, rule=rule, end=run[-1][0].end, confidence=confidence)


def _can_join(run: list[tuple[Draft, str]], draft: Draft, level: str | None) -> bool:
    if not run or level is None or level in {known for _, known in run}:
        return False
    last = run[-1][0].rule
    rule = draft.rule
    same_sign = (last["amount"] > 0) == (rule["amount"] > 0)
    return (
        rule["kind"] == "per_occurrence"
        and "amount" in rule
        and same_sign
        and (rule.get("unit") == last.get("unit"))
    )


def merge_levels(drafts: list[Draft], text: str) -> list[Draft]:
    merged: list[Draft] = []
    run: list[tuple[Draft, str]] = []
    previous_end = 0

    def close() -> None:
        merged.extend([_merged_levels(run)] if len(run) > 1 else [d for d, _ in run])
        run.clear()

    for draft in drafts:
        level = None
        if draft.rule["kind"] == "per_occurrence" and "unit" in draft.rule:
            level = _level_of(draft, text, previous_end)
        if not _can_join(run, draft, level):
            close()
        if level is not None and "amount" in draft.rule and "unit" in draft.rule:
            run.append((draft, level))
        else:
            merged.append(draft)
        previous_end = draft.end
    close()
    return merged


def merge_rounds(drafts: list[Draft]) -> list[Draft]:
    """Join 半年/年终 weights into the text's one evaluation with groups.

    Rounds with no evaluation groups in the same text are flagged: the engine needs the groups,
    and which evaluators the rounds belong to is for a person to say.
    """
    rounds = [draft for draft in drafts if set(draft.rule) == {"kind", "rounds"}]
    if not rounds:
        return drafts
    weights: dict[str, Decimal] = {}
    for draft in rounds:
        weights.update(draft.rule["rounds"])
    grouped = [d for d in drafts if d.rule["kind"] == "evaluation" and "groups" in d.rule]
    host = grouped[0] if len(grouped) == 1 else rounds[0]
    parts = [host, *rounds]
    merged = replace(
        host,
        rule={**host.rule, "rounds": weights},
        start=min(part.start for part in parts),
        end=max(part.end for part in parts),
    )
    if sum(weights.values()) != 1 or len(grouped) != 1:
        merged = merged.doubted()
    joined = []
    for draft in drafts:
        if draft is host:
            joined.append(merged)
        elif draft not in rounds:
            joined.append(draft)
    return joined


def _one_off(rule: dict[str, Any]) -> bool:
    amount = rule.get("amount")
    return (
        rule.get("kind") == "per_occurrence"
        and amount is not None
        and rule.get("cap") == abs(amount)
        and set(rule) == {"kind", "amount", "cap"}
    )


def _tier_of(draft: Draft, text: str, previous_end: int) -> str | None:
    tiers = list(TIER.finditer(text, previous_end, draft.end))
    return tiers[0].group("level") if len(tiers) == 1 else None


def join_severity_tiers(drafts: list[Draft], text: str) -> list[Draft]:
    """「发生一般事故的扣3分；发生较大事故的扣6分」 across sentences: one-off amounts in a row,
    each for a different severity, become one tiered rule as within a sentence."""
    joined: list[Draft] = []
    run: list[tuple[Draft, str]] = []
    previous_end = 0

    def close() -> None:
        if len(run) > 1:
            levels = {level: draft.rule["amount"] for draft, level in run}
            rule = {"kind": "tiered", "levels": levels, "highest_only": True}
            confidence = min(draft.confidence for draft, _ in run)
            joined.append(replace(run[0][0], rule=rule, end=run[-1][0].end, confidence=confidence))
        else:
            joined.extend(draft for draft, _ in run)
        run.clear()

    for draft in drafts:
        level = _tier_of(draft, text, previous_end) if _one_off(draft.rule) else None
        fits = bool(run) and level not in {known for _, known in run}
        if level is None or not fits or _sign(run[-1][0]) != _sign(draft):
            close()
        if level is None:
            joined.append(draft)
        else:
            run.append((draft, level))
        previous_end = draft.end
    close()
    return joined


def _sign(draft: Draft) -> bool:
    return bool(draft.rule["amount"] > 0)

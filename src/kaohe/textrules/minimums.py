"""「每年至少召开4次会议。……每少1次会议扣1分」: times short of a minimum written earlier.

The sentence 「每少1次扣0.5分」 alone counts nothing it can name: the minimum sits in an earlier
sentence of the same criteria, or in the item's name, or nowhere. Found in the text, it makes the
rule a frequency (or a shortfall when no period is written); not found, the rule goes to a person
rather than being read per occurrence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kaohe.textrules.drafts import Draft
from kaohe.textrules.named_minimums import minimum_in_name
from kaohe.textrules.patterns.base import SURE
from kaohe.textrules.patterns.shortfall import (
    EACH_MINIMUM,
    MINIMUM,
    MINIMUM_BEFORE,
    counted_unit,
    minimum_rule,
)
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD
from kaohe.textrules.sentences import SCORING


def join_minimums(drafts: list[Draft], text: str, name: str = "") -> list[Draft]:
    """``text`` is the normalised text the drafts' offsets point into, ``name`` the item's
    (normalised). A sentence flagged only for the minimum a later rule has now read (「全年不少于
    6次」) needs no person any more."""
    joined: list[Draft] = []
    used: list[re.Match[str]] = []
    for draft in drafts:
        if EACH_MINIMUM in draft.rule:
            after = max((d.end for d in joined if d.confidence >= CONFIDENCE_THRESHOLD), default=0)
            each, minimums = _each_minimum(draft, text, after)
            joined += each
            used += minimums
            continue
        if MINIMUM_BEFORE in draft.rule:
            draft, minimum = _with_minimum(draft, text, joined, name)
            used += [minimum] if minimum else []
        joined.append(draft)
    return [draft for draft in joined if not any(_only_states(draft, m, text) for m in used)]


def _with_minimum(
    draft: Draft, text: str, earlier: list[Draft], name: str = ""
) -> tuple[Draft, re.Match[str] | None]:
    """The last minimum before the draft that no earlier rule has read as its own: 「每月至少1次
    集中学习,每少1次扣0.5分;未持续学习…的,每少一次扣0.5分」 — the second counts short of
    nothing written."""
    rule = {key: value for key, value in draft.rule.items() if key != MINIMUM_BEFORE}
    found = [
        minimum
        for minimum in MINIMUM.finditer(text, 0, draft.start)
        if counted_unit(minimum) == rule["unit"]
        and not any(_reads(read, minimum) for read in earlier)
    ]
    if not found and (named := minimum_in_name(name, text, rule)) is not None:
        return replace(draft, rule=named), None
    if not found:
        counted = replace(draft, rule=rule)
        return counted.doubted() if draft.rule[MINIMUM_BEFORE] else counted, None
    read = minimum_rule(text, found[-1], rule["amount"])
    if "cap" in rule:  # 「每少一次扣0.3分,累计扣分不超过1.2分」: the limit stays the rule's
        read["cap"] = rule["cap"]
    return replace(draft, rule=read), found[-1]


def _reads(draft: Draft, minimum: re.Match[str]) -> bool:
    """A rule read against the minimum: its span holds it."""
    counts = draft.rule.get("kind") in ("frequency", "shortfall")
    return counts and draft.start <= minimum.start() < draft.end


def _each_minimum(draft: Draft, text: str, after: int) -> tuple[list[Draft], list[re.Match[str]]]:
    """「检查每季不少于1次；教育活动不少于两次，每项少一次扣0.1分」: one rule per minimum written
    since the last rule read (``after``), each with the period of its own sentence; a single
    minimum leaves 「每项」 unexplained, and the rule to a person."""
    rule = {key: value for key, value in draft.rule.items() if key != EACH_MINIMUM}
    minimums = list(MINIMUM.finditer(text, after, draft.end))
    if len(minimums) < 2 or len({counted_unit(minimum) for minimum in minimums}) > 1:
        return [replace(draft, rule=rule).doubted()], []
    rules = [minimum_rule(_own_sentence(text, m), m, rule["amount"]) for m in minimums]
    ends = [minimum.end() for minimum in minimums[:-1]] + [draft.end]
    each = [
        replace(draft, rule=read, start=minimum.start(), end=end, confidence=SURE)
        for read, minimum, end in zip(rules, minimums, ends, strict=True)
    ]
    return each, minimums


def _own_sentence(text: str, minimum: re.Match[str]) -> str:
    """``text`` with everything before the minimum's sentence blanked (offsets hold): a period
    written in an earlier sentence is not this minimum's."""
    begin = max(text.rfind(mark, 0, minimum.start()) for mark in ";。\n") + 1
    return " " * begin + text[begin:]


def _only_states(draft: Draft, minimum: re.Match[str], text: str) -> bool:
    """A flag on a sentence whose one score-bearing phrase is the minimum."""
    if draft.rule.get("guesses") != [] or not draft.start <= minimum.start() < draft.end:
        return False
    rest = text[draft.start : minimum.start()] + text[minimum.end() : draft.end]
    return SCORING.search(rest) is None

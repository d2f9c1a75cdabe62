"""The entry point: split a criteria text into sentences, read each, then join across them."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from kaohe.textrules.allowances import settle_bonus_allowance
from kaohe.textrules.bases import settle_base_credits
from kaohe.textrules.clauses import clause_start, split_sentences
from kaohe.textrules.combine import (
    gather_checklists,
    join_severity_tiers,
    merge_levels,
    merge_rounds,
)
from kaohe.textrules.consequences import join_graded_consequences
from kaohe.textrules.doubts import doubt_damaged_amounts
from kaohe.textrules.drafts import Draft
from kaohe.textrules.graded import join_graded_conditions
from kaohe.textrules.highest import apply_highest_only
from kaohe.textrules.keeps import kept_credit_drafts
from kaohe.textrules.limits import join_limit_sentences
from kaohe.textrules.minimums import join_minimums
from kaohe.textrules.normalize import normalize
from kaohe.textrules.parallels import doubt_parallel_amounts
from kaohe.textrules.parts import zero_of_the_item_above, zero_within_part
from kaohe.textrules.patterns.base import GUESS, Finding
from kaohe.textrules.pooled import limit_beyond_the_item
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD, Reading, ReadRule
from kaohe.textrules.sentences import SentenceReading, read_sentence
from kaohe.textrules.shortages import doubt_unlisted_shortages
from kaohe.textrules.wording import read_by_wording


def read_criteria(
    text: str, *, points: Decimal | None = None, name: str = "", nested: bool = False
) -> Reading:
    """Read a criteria text into rules and node facts.

    ``points`` is the node's maximum when known: a standalone 「最多扣5分」 then becomes the
    node's floor (points − 5) rather than a penalty allowance. ``name`` is the item's name,
    when known: a table's 考核内容 cell may list the requirements its 「缺一项扣2分」 counts.
    ``nested`` says the item sits under another, which 「此大项不得分」 then names.
    Every returned rule carries the span of ``text`` it came from and a confidence in [0, 1];
    text that cannot be read with confidence becomes a flagged ``discretionary`` rule with the
    original text.
    """
    clean = normalize(text)  # same length as text: offsets found in it point into text
    clean_name = normalize(name)
    readings = [read_sentence(sentence) for sentence in split_sentences(clean)]
    drafts: list[Draft] = []
    node: dict[str, Any] = {}
    for index, reading in enumerate(readings):
        drafts.extend(kept_credit_drafts(reading, index, points) or _drafts(reading, index))
        for finding in reading.findings:
            node.update(finding.node)
    drafts.extend(_cut_off_end(readings, drafts))
    drafts = join_minimums(gather_checklists(drafts, readings, text, name), clean, clean_name)
    drafts = doubt_unlisted_shortages(drafts, clean, clean_name)
    drafts = join_limit_sentences(drafts, readings)
    drafts = join_severity_tiers(merge_levels(drafts, clean), clean)
    drafts = join_graded_conditions(drafts, clean, readings, text)
    drafts = join_graded_consequences(drafts, clean)
    drafts = apply_highest_only(merge_rounds(drafts), clean)
    drafts = doubt_parallel_amounts(zero_within_part(drafts, clean, points), clean)
    drafts = zero_of_the_item_above(drafts, clean) if nested else drafts
    drafts = _discretion_joins_flag(doubt_damaged_amounts(drafts, clean, points), clean)
    drafts = settle_base_credits(read_by_wording(drafts, clean), clean, points)
    drafts = [draft for draft in drafts if not _full_marks(draft, drafts, clean)]
    values = _credits_are_values(drafts, clean, points)
    drafts = [
        _as_condition(draft, readings, text)
        if values or _kept_unless_taken(draft, drafts, readings, clean)
        else draft
        for draft in drafts
    ]
    rules = tuple(_bounded(_read_rule(draft, text), points) for draft in drafts)
    rules, pooled = limit_beyond_the_item(rules, points)
    node = {**node, "floor": Decimal(0)} if pooled else node
    rules, node = settle_bonus_allowance(rules, _settle_node(node, points))
    return Reading(text=text, rules=rules, node=node)


def _drafts(reading: SentenceReading, index: int) -> list[Draft]:
    sentence = reading.sentence
    unsure = any(finding.confidence < CONFIDENCE_THRESHOLD for finding in reading.rules)
    if unsure and not reading.unread and (split := _sure_clauses_first(reading, index)):
        return split
    if reading.unread or unsure:
        # Part of the sentence is beyond the readers, and that part may change the rest: the
        # whole sentence goes to a person, with what was half-read offered as guesses.
        guesses = [finding.rule for finding in reading.rules]
        rule = {"kind": "discretionary", "guesses": guesses}
        return [Draft(rule, sentence.start, sentence.end, Decimal(0), index)]
    return [
        Draft(
            finding.rule,
            sentence.start + finding.start,
            sentence.start + finding.end,
            finding.confidence,
            index,
        )
        for finding in reading.rules
    ]


# 「…引发安全事故的,每」, 「获省领导批示的,每篇计」: a text (a page, an excerpt) that stops
# where its amount was about to be written.
_OPEN_END = re.compile(
    r"(?:^|,)(?P<clause>[^,;]*?,?\s*每\s*[\u4e00-\u9fff]?\s*(?:计|记|扣|加|得)?)$"
)


def _cut_off_end(readings: list[SentenceReading], drafts: list[Draft]) -> list[Draft]:
    """The last clause of a text cut off before its amount, when nothing covers it: it scored,
    by how much is for a person to find out."""
    if not readings:
        return []
    sentence = readings[-1].sentence
    covered = max((draft.end for draft in drafts), default=0)
    tail = _OPEN_END.search(sentence.text, max(covered - sentence.start, 0))
    if tail is None:
        return []
    start = sentence.start + tail.start("clause")
    rule = {"kind": "discretionary", "guesses": []}
    return [Draft(rule, start, sentence.end, Decimal(0), len(readings) - 1)]


def _sure_clauses_first(reading: SentenceReading, index: int) -> list[Draft]:
    """「每1起扣0.5分，整改到位的，每起减扣0.4分」: whole clauses read with confidence before
    the first clause the readers doubt stand; from that clause on, a person settles the rest."""
    sentence = reading.sentence
    doubted = min(f.start for f in reading.rules if f.confidence < CONFIDENCE_THRESHOLD)
    before = [f for f in reading.rules if f.end <= clause_start(sentence.text, doubted)]
    # The rest begins with the clause after the last rule that stands: its condition with it.
    cut = _next_clause(sentence.text, before[-1].end) if before else 0
    rest = [finding for finding in reading.rules if finding.start >= cut]
    if len(before) + len(rest) < len(reading.rules) or not before:
        return []
    if _settles_the_earlier(before, rest, sentence.text):
        return []
    drafts = [
        Draft(f.rule, sentence.start + f.start, sentence.start + f.end, f.confidence, index)
        for f in before
    ]
    guess = {"kind": "discretionary", "guesses": [finding.rule for finding in rest]}
    return [*drafts, Draft(guess, sentence.start + cut, sentence.end, Decimal(0), index)]


def _next_clause(text: str, at: int) -> int:
    ends = [end for end in (text.find(",", at), text.find(";", at)) if end >= 0]
    return min(ends) + 1 if ends else len(text)


def _settles_the_earlier(before: list[Finding], rest: list[Finding], text: str) -> bool:
    """「按时完成得2分，未按时完成不得分」: what the item earns and when it earns nothing are
    one value set on a condition; 「…，最多扣5分」 after the doubted clause may bound the earlier
    amounts too. Either way the earlier clause is part of what the person settles."""
    earned = any(_CREDIT.search(text[f.start : f.end]) for f in before)
    zeroed = any(finding.rule.get("kind") == "zero_on_event" for finding in rest)
    return earned or zeroed or _may_be_bounded(before, rest) or _graded_after(before, rest)


def _graded_after(before: list[Finding], rest: list[Finding]) -> bool:
    """「1次扣1分,时间长的扣3分」: a doubted one-time amount right after an amount per thing
    may grade the same things, which makes the amount before part of what is doubted."""
    counted, doubted = before[-1].rule, rest[0].rule
    once = doubted.get("cap") is not None and doubted.get("cap") == abs(doubted.get("amount", 0))
    same_sign = (counted.get("amount", 0) > 0) == (doubted.get("amount", 0) > 0)
    return "unit" in counted and "cap" not in counted and once and same_sign


def _may_be_bounded(before: list[Finding], rest: list[Finding]) -> bool:
    """A limit in the doubted part that an earlier rule could pass (an amount already capped
    below it, 「加1分」, is not changed by 「最多加2分」)."""
    limits = [
        finding.rule["cap"]
        for finding in rest
        if "cap" in finding.rule and finding.rule["cap"] != abs(finding.rule.get("amount", 0))
    ]  # a one-time amount's cap (扣10分: once) is no limit on others
    if not limits:
        return False
    return any(finding.rule.get("cap", min(limits) + 1) > min(limits) for finding in before)


_OTHERS = re.compile(r"其他|其它|其余|另外")


def _discretion_joins_flag(drafts: list[Draft], text: str) -> list[Draft]:
    """「…(组织科4分、农村科3分…)。根据完成情况酌情扣分」: an amount left to the assessor right
    after a sentence the person settles is part of what they settle, not a second deduction
    (「其他指标酌情扣分」 names its own ground and stands)."""
    joined: list[Draft] = []
    for draft in drafts:
        if joined and _settled_with(joined[-1], draft, text):
            joined[-1] = replace(joined[-1], end=draft.end, sentence=draft.sentence)
        else:
            joined.append(draft)
    return joined


# 「…未完成的按比例得分。得分=(引进项目数/目标任务)×分值」: the formula says how.
_FORMULA = re.compile(r"[^,;]{0,8}得分\s*=\s*\(")


def _settled_with(flagged: Draft, draft: Draft, text: str) -> bool:
    unsure = flagged.confidence < CONFIDENCE_THRESHOLD
    follows = draft.sentence == flagged.sentence + 1
    chosen = draft.rule.get("kind") == "discretionary" and "guesses" not in draft.rule
    chosen = chosen or _FORMULA.match(text, draft.start) is not None
    own_ground = _OTHERS.search(text, flagged.end, draft.start) is not None
    return unsure and follows and chosen and not own_ground


def _read_rule(draft: Draft, text: str) -> ReadRule:
    source = text[draft.start : draft.end]
    span = (draft.start, draft.end)
    if draft.confidence >= CONFIDENCE_THRESHOLD:
        return ReadRule(rule=draft.rule, span=span, source=source, confidence=draft.confidence)
    guesses = [_public(guess) for guess in draft.rule.get("guesses", [draft.rule])]
    return ReadRule(
        rule={"kind": "discretionary", "text": source, "flagged": True},
        span=span,
        source=source,
        confidence=min(draft.confidence, GUESS),
        flagged=True,
        guesses=tuple(guesses),
    )


def _public(rule: dict[str, Any]) -> dict[str, Any]:
    """A guess without the readers' working keys (``_task_spans``, ``_gather_tasks``)."""
    return {key: value for key, value in rule.items() if not key.startswith("_")}


def _bounded(read: ReadRule, points: Decimal | None) -> ReadRule:
    """An amount the assessor chooses (酌情扣分, or a flagged rule) is bounded by the points."""
    rule = read.rule
    if rule["kind"] != "discretionary" or "max" in rule or points is None:
        return read
    return replace(read, rule={**rule, "max": points})


_CREDIT = re.compile(r"(?<![加获取记计])得|(?<![按合总])[记記计計](?=\s*\d)")


def _is_credit(draft: Draft, text: str) -> bool:
    """「…的，得2分」: an amount earned once on a condition."""
    rule = draft.rule
    once = rule.get("kind") == "per_occurrence" and set(rule) == {"kind", "amount", "cap"}
    earned = once and rule["amount"] > 0 and rule["cap"] == rule["amount"]
    return earned and _CREDIT.search(text[draft.start : draft.end]) is not None


# 「…的，得满分；报送不及时的得2分」: the full marks named in words are one of the values.
_FULL_MARKS = re.compile(r"[得计记给]满分")


def _credits_are_values(drafts: list[Draft], text: str, points: Decimal | None) -> bool:
    """Credits on an item of known points that set its value rather than add to it: one of
    them is the whole item (「按时报送的，得2分」 on a 2-point item, or 得满分 beside them), or
    together they pass it (「质量较高的得4分；报送不及时的得2分」 on a 4-point item are grades,
    not 4 + 2)."""
    credits = [draft.rule["amount"] for draft in drafts if _is_credit(draft, text)]
    if credits and _FULL_MARKS.search(text):
        return True
    if any(credits) and any(_zero_grade(draft, text) for draft in drafts):
        return True  # 「…良好,得10分;…一般,得6分;…差,得0分」: a scale of values, ending at 0
    if not points:
        return False  # no points written (or masked, 「( * 分)」): nothing to measure against
    return points in credits or sum(credits) > points


_ZERO_GRADE = re.compile(r"[得计记]\s*0\s*分")


def _zero_grade(draft: Draft, text: str) -> bool:
    """「…,得0分」: the lowest value of a scale, written as a value."""
    zero = draft.rule.get("kind") == "zero_on_event" or draft.rule.get("amount") == 0
    return zero and _ZERO_GRADE.search(text, draft.start, draft.end) is not None


_COUNTED_KINDS = frozenset({"per_occurrence", "frequency", "shortfall", "lateness"})


def _full_marks(draft: Draft, drafts: list[Draft], text: str) -> bool:
    """「台账完整得3分,缺一次扣1分」: a credit followed in its sentence by so much per failing is
    the part's full marks, which the item holds from the start; the failings take from them."""
    if not _is_credit(draft, text):
        return False
    return any(
        other.sentence == draft.sentence
        and other.start >= draft.end
        and other.confidence >= CONFIDENCE_THRESHOLD
        and _counted_deduction(other.rule)
        for other in drafts
    )


def _counted_deduction(rule: dict[str, Any]) -> bool:
    once = rule.get("cap") is not None and rule.get("cap") == abs(rule.get("amount", 0))
    return rule["kind"] in _COUNTED_KINDS and rule.get("amount", 0) < 0 and not once


def _kept_unless_taken(
    draft: Draft, drafts: list[Draft], readings: list[SentenceReading], text: str
) -> bool:
    """「按规定到岗的，得20分。擅自脱岗的每次扣3分」, 「…的，得5分。未化解不得分」: beside an
    amount taken away within the same numbered part, a credit is the value the part keeps when
    it is met, not a bonus on top (「3.…的得1分。4.…每次扣1分」 are parts of their own)."""
    part = _part_of(draft.sentence, readings, text)
    return any(other.sentence in part and _takes_away(other, text) for other in drafts)


_TAKING = re.compile(r"扣|不得分")


def _takes_away(draft: Draft, text: str) -> bool:
    """A deduction, a zeroing, or a flagged sentence that deducts (「发现一次扣1」, cut short)."""
    rule = draft.rule
    if draft.confidence < CONFIDENCE_THRESHOLD:
        return _TAKING.search(text, draft.start, draft.end) is not None
    return rule.get("kind") == "zero_on_event" or rule.get("amount", 0) < 0


def _part_of(index: int, readings: list[SentenceReading], text: str) -> range:
    """The sentences around sentence ``index`` that no enumerator separates from it."""
    sentences = [reading.sentence for reading in readings]

    def numbered(at: int) -> bool:
        return _NUMBERED.search(text, sentences[at - 1].end, sentences[at].start) is not None

    first, last = index, index
    while first > 0 and not numbered(first):
        first -= 1
    while last + 1 < len(sentences) and not numbered(last + 1):
        last += 1
    return range(first, last + 1)


_NUMBERED = re.compile(r"[\d一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩]")


def _as_condition(draft: Draft, readings: list[SentenceReading], text: str) -> Draft:
    """A credit that sets the item's value says when the item has that value: which value it
    has otherwise is for a person to say, so the sentence is flagged with the credit as a
    guess (the item starts full; reading +2 would add to it)."""
    if not _is_credit(draft, text):
        return draft
    sentence = readings[draft.sentence].sentence
    guess = {"kind": "discretionary", "guesses": [draft.rule]}
    return Draft(guess, sentence.start, sentence.end, Decimal(0), draft.sentence)


def _settle_node(node: dict[str, Any], points: Decimal | None) -> dict[str, Any]:
    """A deduction limit on a scored item of known points is a floor, not a penalty item."""
    if points is not None and node.get("kind") == "penalty" and node["points"] != points:
        limit = node.pop("points")
        node.pop("kind")
        node["floor"] = points - limit
    return node

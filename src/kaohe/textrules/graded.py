"""Amounts for grades of one thing, in one sentence or in sentences in a row: alternatives.

「后退5位以上的扣1分，后退10位以上的扣2分」, 「低于90分扣1分；低于80分扣5分」, 「5%以内扣3分，
5%-10%扣6分」, 「总经费少于上年度的扣2分，本年度未安排的扣4分」: the conditions grade one measure,
so a unit that fell back 10 places loses 2, not 1 + 2. One-off amounts become one ``tiered``
rule, the highest level counting. Amounts per event (「死亡3-5人的，每起扣5分；死亡6-9人的，每起扣
10分」, 「差错每次扣10分，严重差错每次扣20分」) become one ``per_occurrence`` rule with levels.
Graded amounts counted otherwise (「重伤1人扣15分/次；重伤2人及以上扣30分/次」) and graded
shortfalls go to a person.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from kaohe.textrules.alternatives import (
    BREATH_ENDS,
    alternative_names,
    reporting_kinds,
    unnamed_levels,
)
from kaohe.textrules.drafts import Draft
from kaohe.textrules.patterns.base import GUESS
from kaohe.textrules.patterns.severity import SEVERITIES
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD
from kaohe.textrules.sentences import SentenceReading

_GRADE = re.compile(
    r"(?:低于|高于|少于|多于|超过|不足|不到)?\s*\d+(?:\.\d+)?\s*(?P<unit>%|个?百分点|个点|分|位|名|人|次|起|户|家|个|件|项|天)?"
    r"(?:\s*(?:-|—|~|至|到)\s*\d+(?:\.\d+)?\s*(?P<unit2>%|个?百分点|个点|分|位|名|人|次|起|户|家|个|件|项|天)?)?"
    r"\s*(?:\(含[^()]{0,6}\))?\s*(?:及以上|以上|及以下|以下|以内|以外)?(?:之间)?"
)
_SEVERITY = re.compile(rf"(?:情节)?(?:{SEVERITIES})")
_CLAUSE_END = re.compile(r"[,;:。\n]|\d{1,2}、")
_DEGREE = re.compile(r"少于|低于|不足|不到|未达到|达不到|减少")
_ABSENCE = re.compile(r"(?:本年度|当年|全年|年内|本年)?(?:未|没有|无)[\u4e00-\u9fff]{1,4}")
_GRADED_KINDS = frozenset({"per_occurrence", "shortfall"})


def _stem(condition: str) -> str:
    """The condition with its grade written as a mark: 「后退10位以上」 → 「后退#位」."""
    stem = _GRADE.sub(
        lambda grade: "#" + (grade.group("unit") or grade.group("unit2") or ""), condition
    )
    return _SEVERITY.sub("~", stem)


_VERB = re.compile(r"每|[扣减加得奖]")


# 「每引进1个10亿元以上项目,加4分」: the grade written inside what is counted.
_GRADED_RATE = re.compile(
    r"每[^\d,;]{0,6}(?:1|一)\s*[个项件家户起次]\s*(?P<grade>[^,;]{1,10}?(?:以上|以下|以内))"
)
RATED = "_rated"
"""A working key: the amount's grade is written inside what is counted."""


def _condition(text: str, start: int, draft: Draft) -> tuple[str, int]:
    """The clause before the amount, what the amount is for, and where it starts. An amount
    counted without 每 (「重伤1人扣15分/次」) and a shortfall keep their own words before the
    amount in the condition; an amount per thing of a grade is for that grade."""
    rate = _GRADED_RATE.match(text, draft.start, draft.end)
    if rate is not None:
        return rate.group("grade"), draft.start
    verb = _VERB.search(text, draft.start, draft.end)
    end = draft.start if verb is None else verb.start()
    before = text[start:end].rstrip(" 的,\n")
    cut = max((clause.end() for clause in _CLAUSE_END.finditer(before)), default=0)
    return re.sub(r"\s+", "", before[cut:]).strip("的"), start + cut


def _graded(conditions: list[str]) -> bool:
    """Conditions that differ only in their grade: one stem ends the other, and holds a grade.
    A condition left empty (「…的 2、,每次扣5分」: its words cut off by an enumerator) grades
    nothing."""
    if not all(conditions):
        return False
    stems = [_stem(condition) for condition in conditions]
    bare = [stem.replace("~", "") for stem in stems]
    unmarked = sum(not re.search("[#~]", stem) for stem in stems)
    # 「差错…，严重差错…」: the plain condition is the lowest grade of the severe one.
    marked = unmarked == 0 or (unmarked == 1 and any("~" in stem for stem in stems))
    first = bare[0]
    related = all(first.endswith(stem) or stem.endswith(first) for stem in bare[1:])
    return marked and related and len(set(conditions)) == len(conditions)


def _degree_then_absence(conditions: list[str]) -> bool:
    """「少于上年度的扣2分，本年度未安排的扣4分」: less, then none at all, of one thing."""
    if len(conditions) != 2:
        return False
    return bool(_DEGREE.search(conditions[0])) and _ABSENCE.fullmatch(conditions[1]) is not None


def _level_names(conditions: list[str]) -> list[str]:
    """The first condition cut where the next one's words begin (「年度考核位次较上一年度后退
    5位以上」 beside 「后退10位以上」 is the level 「后退5位以上」, 「造成一般事故」 beside
    「较大事故」 is 「一般事故」); the others as written."""
    first, following = conditions[0], conditions[1]
    lead = following[: _mark(following)]
    mark = _mark(first)
    plain = _SEVERITY.sub("", following)
    if mark < len(first):
        at = first.rfind(lead) if lead else mark
        compared = _COMPARED.search(first, 0, at if at >= 0 else mark)
        first = first[at:] if at >= 0 else first
        if compared and not lead:
            return _compared(compared.group(0), [first, *conditions[1:]])
    elif plain != following and first.endswith(plain):
        first = plain  # 「文稿校对出现错误」 beside 「重大错误」 is the level 「错误」
    return [first, *conditions[1:]]


_COMPARED = re.compile(r"低于|高于|少于|多于|超过|不足|不到")


def _compared(word: str, names: list[str]) -> list[str]:
    """「超过平均值5个点以内…，5个点以外…」: the comparison written once, apart from the first
    grade, belongs to every level: 「超过5个点以内」, 「超过5个点以外」."""
    return [name if _COMPARED.match(name) else word + name for name in names]


def _mark(condition: str) -> int:
    """Where the grade of a condition begins (its number or severity word), or its length."""
    found = (re.search(r"\d", condition), _SEVERITY.search(condition))
    grade = [match.start() for match in found if match is not None]
    at = min(grade, default=len(condition))
    compared = at >= 2 and re.match(r"低于|高于|少于|多于|超过|不足|不到", condition[at - 2 :])
    return at - 2 if compared else at


def _bare(condition: str) -> bool:
    """「80分以下」 alone: a grade with nothing graded, the rest of a list read elsewhere."""
    return re.fullmatch(r"#\D{0,4}", _stem(condition)) is not None


def _mode(draft: Draft, text: str) -> str | None:
    """How an amount counts: once (…的，扣1分), per event (每起扣5分), counted otherwise
    (扣15分/次), or a shortfall; None for rules that are never graded alternatives."""
    rule = draft.rule
    if rule["kind"] == "shortfall":
        all_or_nothing = rule["partial"] == "ceil" and rule["step"] == rule["target"]
        return "once" if all_or_nothing else "shortfall"
    if rule["kind"] != "per_occurrence" or "amount" not in rule or "levels" in rule:
        return None
    if set(rule) == {"kind", "amount", "cap"} and rule["cap"] == abs(rule["amount"]):
        return "once"
    if "cap" in rule or "unit" not in rule:
        return None
    return "every" if text[draft.start : draft.end].startswith("每") else "counted"


Run = list[tuple[Draft, str, int]]
"""Drafts with their conditions and where each condition starts."""


def _fits(run: Run, draft: Draft, condition: str, mode: str, text: str) -> bool:
    first = run[0][0]
    if mode != _run_mode(run) or _sign(first) != _sign(draft):
        return False
    if mode in _PER_EVENT and any(_same_amount(known, draft) for known, _, _ in run):
        return False  # 「不及时办理的,1次扣5分;不按规定办理的1次扣5分」: two failings, no grades
    if mode == "shortfall" and first.rule.get("unit") != draft.rule.get("unit"):
        return False
    conditions = [known for _, known, _ in run] + [condition]
    if all(rule.get(RATED) for rule in (first.rule, draft.rule)):
        return len(set(conditions)) == len(conditions) and mode == "every"
    if _graded(conditions) or _degree_then_absence(conditions):
        return True
    last = run[-1][0]
    one_sentence = last.sentence == draft.sentence
    one_breath = BREATH_ENDS.search(text, last.end, draft.start) is None
    names = alternative_names(conditions, mode, one_sentence=one_sentence, one_breath=one_breath)
    return names is not None or (one_breath and unnamed_levels(conditions, mode))


_PER_EVENT = ("counted", "every")


def _same_amount(one: Draft, other: Draft) -> bool:
    return one.rule.get("amount") is not None and one.rule.get("amount") == other.rule.get("amount")


# 「未做到扣2分或未做全扣1分」: one requirement failed one way or the other.
_EITHER = re.compile(r"或者?|或是")


def _or_else(run: Run, draft: Draft) -> bool:
    """The amount after 或 is the other grade of the one amount just before it."""
    return (
        len(run) == 1
        and _run_mode(run) == "once" == draft.rule["_mode"]
        and (_sign(run[0][0]) == _sign(draft))
    )


def _run_mode(run: Run) -> str:
    return str(run[0][0].rule.get("_mode"))


def _sign(draft: Draft) -> bool:
    amount = draft.rule.get("amount")
    return amount is None or bool(amount > 0)


def _merged(run: Run, text: str, written: str) -> Draft:
    drafts = [draft for draft, _, _ in run]
    mode = _run_mode(run)
    first, last = replace(drafts[0], start=run[0][2]), drafts[-1]
    confidence = min(draft.confidence for draft in drafts)
    rules = [_plain(draft.rule) for draft in drafts]
    conditions = [condition for _, condition, _ in run]
    # 「迟报一次扣1分,谎报一次扣2分」: a count of one per kind of failure is each time.
    each_time = mode == "counted" and reporting_kinds(conditions) is not None
    unnamed = not _graded(conditions) and unnamed_levels(conditions, mode)
    if (mode in ("counted", "shortfall") and not each_time) or unnamed:
        rule: dict[str, Any] = {"kind": "discretionary", "guesses": rules}
        return replace(first, rule=rule, end=last.end, confidence=Decimal(0))
    names = [
        _as_written(name, at, text, written)
        for name, (_, _, at) in zip(_names(run, conditions, mode), run, strict=True)
    ]
    names = [_INCLUSIVE.sub("", name) for name in names]
    if any(_BARE_NUMBER.fullmatch(name) for name in names):
        # 「90%扣2分,80%扣4分」: below 90%, or at it? The grade's side is not written.
        confidence = min(confidence, GUESS)
    levels = dict(zip(names, (r["amount"] for r in rules), strict=True))
    if mode == "once":
        rule = {"kind": "tiered", "levels": levels, "highest_only": True}
    else:
        rule = {"kind": "per_occurrence", "levels": levels, "unit": rules[0]["unit"]}
    return replace(first, rule=rule, end=last.end, confidence=confidence)


# 「60%到80%(含80%)」: which bound a grade includes is a note on its name, not the name.
_INCLUSIVE = re.compile(r"\(\s*含[^()]{0,8}\)")
_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|个?百分点|分|位|名)?")


def _names(run: Run, conditions: list[str], mode: str) -> list[str]:
    """Grades are named by their grade; alternatives in words by what tells them apart."""
    rated = all(draft.rule.get(RATED) for draft, _, _ in run)
    graded = rated or _graded(conditions) or _degree_then_absence(conditions)
    alternatives = None if graded else alternative_names(conditions, mode)
    return alternatives or _level_names(conditions)


def _plain(rule: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in rule.items() if key not in ("_mode", RATED)}


def _as_written(name: str, at: int, text: str, written: str) -> str:
    """A level's name in the document's own characters (「200萬元以上」, not 「200万元以上」), the
    pinyin glosses the normalised ``text`` blanked (「萬(wàn)」) left out."""
    if len(written) != len(text):
        return name
    kept = [index for index in range(at, len(text)) if not text[index].isspace()]
    squeezed = "".join(text[index] for index in kept)
    found = squeezed.find(name)
    if found < 0:
        return name
    return "".join(written[index] for index in kept[found : found + len(name)])


def join_graded_conditions(
    drafts: list[Draft], text: str, readings: list[SentenceReading], written: str = ""
) -> list[Draft]:
    """Join amounts whose conditions grade one thing; ``text`` is the normalised text, ``written``
    the text as given (level names keep its characters)."""
    joined: list[Draft] = []
    run: Run = []
    previous_end = 0

    def close() -> None:
        if len(run) > 1:
            joined.append(_merged(run, text, written or text))
        for draft, condition, _ in run if len(run) == 1 else ():
            lone = replace(draft, rule=_plain(draft.rule))
            after_doubt = bool(joined) and joined[-1].confidence < CONFIDENCE_THRESHOLD
            joined.append(lone.doubted() if after_doubt and _bare(condition) else lone)
        run.clear()

    for draft in drafts:
        mode = _mode(draft, text)
        start = max(previous_end, readings[draft.sentence].sentence.start)
        previous_end = draft.end
        if mode is None:
            close()
            joined.append(draft)
            continue
        rated = _GRADED_RATE.match(text, draft.start, draft.end) is not None
        marked = replace(draft, rule={**draft.rule, "_mode": mode, RATED: rated})
        condition, at = _condition(text, start, draft)
        either = _EITHER.match(condition)
        condition = condition[either.end() :] if either else condition
        if (
            run
            and not (either and _or_else(run, marked))
            and not _fits(run, marked, condition, mode, text)
        ):
            close()
        run.append((marked, condition, at))
    close()
    return joined

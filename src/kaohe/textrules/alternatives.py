"""Amounts for alternatives of one thing, named by what tells them apart.

Besides grades written with numbers or severity words (``graded``), conditions can be
alternatives of one thing in words: kinds of failure of one report (「迟报扣2分,漏报、瞒报的扣3
分」), one event by whom it came from (「受到市政府以上通报表彰的,每次加3分,受到市政府办公室通报
表彰的,每次加1分」), one requirement not met at all or met short (「资金未落实扣2分;资金配额不足
扣1分」), and a level and up, which holds the levels above it (「被评为市级以上先进单位得加3分;
省级以上得加5分」). Read one by one they would add up; they are one rule with levels.
"""

from __future__ import annotations

import re

from kaohe.textrules.vocabulary import LEVELS

_REPORTING = re.compile(r"迟报|漏报|瞒报|谎报|错报|误报|虚报|缓报|晚报")
_LEVEL_AND_UP = re.compile("(?:" + "|".join(LEVELS) + ")以上")
_FROM = re.compile(r"受到|被|获得|获")
_ONE_COUNTED = re.compile(r"(?:一|1)\s*(?:次|条|件|起|例)$")
_ABSENT = re.compile(r"(?:未|没有|无)[\u4e00-\u9fff]")
_SHORT = re.compile(r"不足|不够|不全|不到位|偏少|少于|低于")
# What ends one breath: a full stop, or an enumerator opening the next item.
BREATH_ENDS = re.compile(
    r"。|(?<![\d.])\d{1,2}[、.](?!\d)|[一二三四五六七八九十]+、|\(\d{1,2}\)|[①-⑮]"
)
_SHARED_EVENT = 3
_SHARED_THING = 4
_BRACKETED = re.compile(r"\([^()]*\)")
"""Characters of the event the conditions end alike with (通报表彰), at least."""


def alternative_names(
    conditions: list[str], mode: str, *, one_sentence: bool = True, one_breath: bool = True
) -> list[str] | None:
    """The level names when the conditions are alternatives of one thing, else None. ``mode``
    says how each amount counts: once, every (每次), or counted (迟报一次). An event shared by
    whole sentences (「…采用的信息每篇计2分;…采用的信息每篇计3分」) may be amounts by kind
    (``one_sentence``); alternatives never reach past a full stop or an enumerator
    (``one_breath``)."""
    if len(set(conditions)) != len(conditions) or not all(conditions) or not one_breath:
        return None
    for names in (
        reporting_kinds(conditions),
        _levels_and_up(conditions) if mode == "once" else None,
        _one_event(conditions) if mode == "every" and one_sentence else None,
        _absent_then_short(conditions) if mode == "once" else None,
    ):
        if names is not None:
            return names
    return None


def unnamed_levels(conditions: list[str], mode: str) -> bool:
    """「通过萧山市文明单位验收加1分,通过杭州市级以上文明单位(学校)验收加2分」: the same thing
    at a level and up and at a level named otherwise are alternatives too, but what the levels
    are called is for a person to say."""
    if mode != "once" or len(conditions) != 2:
        return False
    bare = [_BRACKETED.sub("", condition) for condition in conditions]
    up = [_LEVEL_AND_UP.search(condition) is not None for condition in bare]
    shared = _common_start([condition[::-1] for condition in bare])
    return up.count(True) == 1 and len(shared) >= _SHARED_THING


def reporting_kinds(conditions: list[str]) -> list[str] | None:
    """「突发事件信息迟报」, 「谎报」: each named from its first kind of failure on."""
    kinds = [set(_REPORTING.findall(condition)) for condition in conditions]
    seen: set[str] = set()
    for found in kinds:
        if not found or found & seen:
            return None
        seen |= found
    starts = [_REPORTING.search(condition) for condition in conditions]
    return [
        _ONE_COUNTED.sub("", condition[start.start() :])
        for condition, start in zip(conditions, starts, strict=True)
        if start is not None
    ]


def _levels_and_up(conditions: list[str]) -> list[str] | None:
    """「被评为市级以上先进单位」 then 「省级以上」: the same thing (or the level alone) at
    another level; 「区级以上部门指定召开现场会」 before them is another thing."""
    found = [list(_LEVEL_AND_UP.finditer(condition)) for condition in conditions]
    if any(len(levels) != 1 for levels in found):
        return None
    # 「被评为市级以上先进单位得加3分」: the 得 before the amount is not the thing.
    things = [
        condition[levels[0].end() :].rstrip("得")
        for condition, levels in zip(conditions, found, strict=True)
    ]
    first_thing = things[0]
    if any(thing not in ("", first_thing) for thing in things[1:]):
        return None
    names = [levels[0].group(0) for levels in found]
    return names if len(set(names)) == len(names) else None


def _one_event(conditions: list[str]) -> list[str] | None:
    reversed_common = _common_start([condition[::-1] for condition in conditions])
    if len(reversed_common) < _SHARED_EVENT:
        return None
    # The part before the shared event, from whom it came: 「…工作受到市政府以上」 → 市政府以上.
    heads = [_FROM.split(c[: len(c) - len(reversed_common)])[-1] for c in conditions]
    if any(len(head) < 2 for head in heads) or len(set(heads)) != len(heads):
        return None
    return heads


def _absent_then_short(conditions: list[str]) -> list[str] | None:
    if len(conditions) != 2 or len(_common_start(conditions)) < 2:
        return None
    absent, short = conditions
    if _ABSENT.search(absent) is None or _SHORT.search(short) is None:
        return None
    return conditions


def _common_start(texts: list[str]) -> str:
    """The characters every text begins with."""
    shortest = min(texts, key=len)
    for at, char in enumerate(shortest):
        if any(text[at] != char for text in texts):
            return shortest[:at]
    return shortest

"""Things listed before 「每缺一项扣0.5分」 as what must be there: 「无徽章、登记本的」.

A list before 「每缺一项」 may name the things to be there (a checklist of them) or the failings
counted (「资料不完整、手续不齐全的，每缺一项扣2分」: each failing found costs the amount), which
is why combine.py leaves such a list to a person. Written as what is missing (「无…的」,
「没有…的」) or each as what there is (「有领导小组、有办公场地」), the list names things, and they
are the checklist's tasks; a list with failings in it (不、未), open with 等, or led by a verb
(「设去向牌、座位牌」: the task is the board, not the setting up) stays with the person.
"""

from __future__ import annotations

import re

_MISSING_LIST = re.compile(r"^\s*(?:无|没有)\s*(?P<items>[^,;:]+?)\s*的?\s*[,;:]?\s*$")
_PLAIN_LIST = re.compile(r"^\s*(?P<items>[^,;:]+?)\s*[,;:]?\s*$")
_FAILING = re.compile(r"[不未没无]|等|\d")


def listed_things(listed: str) -> list[str]:
    """The things a one-clause list before 「每缺一项」 names, or none when it may name else."""
    missing = _MISSING_LIST.match(listed)
    if missing is not None:
        return _things(missing.group("items"))
    plain = _PLAIN_LIST.match(listed)
    items = _things(plain.group("items")) if plain is not None else []
    return items if items and all(item.startswith("有") for item in items) else []


def _things(items: str) -> list[str]:
    things = [re.sub(r"\s+", "", item) for item in items.split("、")]
    if len(things) < 2 or any(not thing or _FAILING.search(thing) for thing in things):
        return []
    return things


_CONDITION_ENDS = " ,;:的"


def negated_conditions(condition: str) -> list[str]:
    """「班子不团结、不协调、战斗力不强的各扣1分」: conditions each with its own failing (不、未、
    无、没), listed with 、, are the checklist's tasks; with one failing shared by all
    (「未做好团籍注册、花名册修订工作的」) which words go with each item is for a person."""
    if re.search(r"[,;:，；：\d]|或|和|及|与|并", condition):
        return []  # more than one clause, text run together, or items joined: how many?
    items = [re.sub(r"\s+", "", item).strip(_CONDITION_ENDS) for item in condition.split("、")]
    if len(items) < 2 or any(not item or not _NEGATION.search(item) for item in items):
        return []
    return items


_NEGATION = re.compile(r"[不未无没]")


def lists_before(text: str, end: int) -> bool:
    """Things listed with 、 before ``end`` (「设去向牌、座位牌,每少1个扣1分」): the amount per
    missing one may be a checklist of them, for a person to say; 「县(市、区)」 lists nothing."""
    return "、" in re.sub(r"\([^()]*\)", "", text[:end])

"""Points and node facts written inside indicator names.

「重点任务（15分）」 → 重点任务, 15; 「联系帮扶工作(5分,倒扣分1分)(由农办考核)」 → floor −1 and the
assessor; 「五城同创(倒扣分5分)」 → a penalty item of 5; 「自身建设(每小项倒扣分2分)」 → every child
is a penalty item of 2.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kaohe.textrules.normalize import normalize
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.reading import NameReading

_BRACKETS = re.compile(r"\(([^()]*)\)")
# 「(15)」「(15分)」, and the points with the word that introduces them: 「(共30分)」「(共计70分)」
# 「(占20分)」「(满分2分)」「(分值:10分)」.
_POINTS = re.compile(
    rf"^\s*(?:(?:共计?|合计|计|占|满分|分值|总分)\s*[:：为]?\s*)?(?P<points>{NUMBER})\s*分?\s*$"
)
_PENALTY = re.compile(rf"(?P<each>每小项|每项|各)?\s*倒扣(?:分)?\s*(?P<points>{NUMBER})\s*分")
_POINTS_FIRST = re.compile(rf"^\s*(?P<points>{NUMBER})\s*分\s*[,;]")
# 「平安三率(本项限扣5分)」: a deduction item that can take at most 5.
_LIMIT = re.compile(
    rf"^\s*(?:本项)?\s*(?:限扣|最多扣|最高扣|扣分上限为?)\s*(?P<points>{NUMBER})\s*分\s*$"
)
# 「信息报送(共40分,扣完为止)」: the item's points, deducted down to nothing; notes may follow
# (「(10分,扣完为止,下同)」).
_UNTIL_GONE = re.compile(
    rf"^\s*共?\s*(?P<points>{NUMBER})\s*分"
    r"(?:\s*[,;]\s*(?:扣完为止|扣完即止|扣完为准|扣完不倒扣分?|不计负分|下同))+\s*$"
)
_ASSESSOR = re.compile(r"^\s*由(?P<assessor>.+?)(?:负责)?(?:牵头)?考核\s*$")
# 「1.工业竞赛」「2.1从严治党」「一、」「(一)」 — but never the digits of a name (「12345热线」).
_ENUMERATOR = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)"
    r"|(?P<code>\d+(?:\.\d+)+)(?=[^\d.])|\d+[.、](?=[^\d]))\s*"
)


def _bracket_facts(inner: str) -> tuple[Decimal | None, dict[str, Any]] | None:
    """Points and node facts in one bracket, or None when the bracket is part of the name."""
    points = _POINTS.match(inner) or _UNTIL_GONE.match(inner)
    if points:
        return number(points.group("points")), {}
    limit = _LIMIT.match(inner)
    if limit:
        return number(limit.group("points")), {"kind": "penalty"}
    assessor = _ASSESSOR.match(inner)
    if assessor:
        return None, {"assessor": assessor.group("assessor").strip('“”"')}
    penalty = _PENALTY.search(inner)
    if penalty is None:
        return None
    allowance = number(penalty.group("points"))
    first = _POINTS_FIRST.match(inner)
    if first:
        return number(first.group("points")), {"floor": -allowance}
    if penalty.group("each"):
        return None, {"children": {"kind": "penalty", "points": allowance}}
    return allowance, {"kind": "penalty"}


def read_name(name: str) -> NameReading:
    """Split a node name into the bare name, its points and node facts.

    The node facts use the scheme format's node keys (``floor``, ``kind``, ``assessor``, ``code``)
    plus ``children`` — defaults for every child (「每小项倒扣分2分」).
    """
    original = name.replace("\n", "")
    clean = normalize(original)  # same length: offsets found in it cut the original
    points: Decimal | None = None
    node: dict[str, Any] = {}
    enumerator = _ENUMERATOR.match(clean)
    if enumerator and enumerator.group("code") and "." in enumerator.group("code"):
        node["code"] = enumerator.group("code")
    start = enumerator.end() if enumerator and enumerator.end() < len(clean) else 0
    clean, original = clean[start:], original[start:]
    for bracket in reversed(list(_BRACKETS.finditer(clean))):
        facts = _bracket_facts(bracket.group(1))
        if facts is None:
            continue
        points = facts[0] if facts[0] is not None else points
        node.update(facts[1])
        original = original[: bracket.start()] + original[bracket.end() :]
    return NameReading(name=original.strip(" 。.:：　"), points=points, node=node)


def read_points(name: str) -> tuple[str, Decimal | None]:
    """Split the points out of a node name.

    ``"重点任务（15分）"`` → ``("重点任务", Decimal("15"))``.
    For the other facts written in the name (倒扣分, 考核单位) use :func:`read_name`.
    """
    reading = read_name(name)
    return reading.name, reading.points

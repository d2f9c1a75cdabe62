"""Indicator names as documents write them: numbered, with points and owners squeezed in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kaohe.textrules import read_name

NUMBERING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百]+[章条节]|[一二三四五六七八九十]+[、.．]|"
    r"[（(]\s*[一二三四五六七八九十\d]+\s*[)）][、.．]?|\d+(?:\.\d+)+[、.．]?(?!\d)|"
    r"\d+[.．](?!\d)|\d{1,2}、(?!\d+[、月日])|[①-⑳]|[（(]\s*[*＊]\s*[)）]|[*＊]\s*、|[.．](?![\d.．])|\d{1,2}-\d{1,2}(?=\s*[\u4e00-\u9fff“])(?![月日号年个次人天分]))\s*"
)
_TRAILING_POINTS = re.compile(
    r"[（(]\s*(?:(?P<penalty>倒扣分?)\s*)?(?P<points>\d+(?:\.\d+)?)\s*分?"
    r"(?:\s*[，,]\s*倒扣分?\s*(?P<floor>\d+(?:\.\d+)?)\s*分)?\s*[)）]"
)
_POINTS_CELL = re.compile(
    r"(?:(?P<penalty>倒扣分?)|(?P<bonus>加分(?:最高)?))?(?P<points>\d+(?:\.\d+)?)?分?"
    r"(?:[（(](?:倒扣分?(?P<floor>\d+(?:\.\d+)?)分?|最高(?P<cap>\d+(?:\.\d+)?)分?"
    r"|(?P<uncapped>不封顶))[)）])?"
)
# 「一、组织领导20分」, 「目标管理 占20分」: points written bare after a name that scores nothing.
_BARE_TRAILING_POINTS = re.compile(
    r"(?P<name>[^\d，,。；;:：扣加得减每未不超少]{2,30}?)\s*(?:占|共|计)?\s*"
    r"(?P<points>\d{1,3}(?:\.\d{1,2})?)\s*分"
)
_MASKED_POINTS = re.compile(r"[（(]\s*[*＊]+\s*分\s*[)）]")
_EDGE_PUNCTUATION = "。；;，,：: \n\t"
UNIT_ENDINGS = tuple("科室局办部委站心位馆院会府大协校队所处厅组团联)）社司行")
_PADDED_NAME = re.compile(r"\S[ \u3000]{2,}\S|\S+")
_PEOPLE_SEPARATORS = re.compile(r"[\n、，,；;/]+")
_UNIT_SEPARATORS = re.compile(r"[、，,；;/]+")


@dataclass
class NamedPoints:
    """A bare indicator name with the points and node facts that were written inside it."""

    name: str
    points: Decimal | None
    node: dict[str, Any] = field(default_factory=dict)


def strip_numbering(text: str) -> str:
    return NUMBERING.sub("", text, count=1).strip()


def split_name(text: str) -> NamedPoints:
    """「(一）重点任务（15分）」 → 重点任务, 15. Numbering is dropped: codes carry the order; points
    the page masked (「( * 分)」) are dropped too, and stay unknown."""
    bare = " ".join(_MASKED_POINTS.sub("", strip_numbering(text)).split())
    reading = read_name(bare)
    if reading.points is not None or reading.node:
        return NamedPoints(_tidy(reading.name), reading.points, dict(reading.node))
    return _own_reading(bare)


def parse_points(text: str) -> NamedPoints | None:
    """A 分值 cell: 「8」, 「8分」, 「5（倒扣分1分）」, 「倒扣分5」 (a penalty item's allowance),
    or a bonus item: 「加分最高5」 (capped at its points), 「加分5（最高3）」, 「加分0（不封顶）」.
    """
    match = _POINTS_CELL.fullmatch("".join(text.split()))
    if match is None or not (match.group("points") or match.group("bonus")):
        return None
    points = Decimal(match.group("points")) if match.group("points") else None
    node: dict[str, Any] = {}
    if match.group("penalty"):
        node["kind"] = "penalty"
    if match.group("bonus"):
        node["kind"] = "bonus"
        node["cap"] = _bonus_cap(match, points)
        points = points if points is not None else Decimal(0)
    if match.group("floor"):
        node["floor"] = -Decimal(match.group("floor"))
    return NamedPoints("", points, node)


def _bonus_cap(match: re.Match[str], points: Decimal | None) -> Decimal | None:
    if match.group("cap"):
        return Decimal(match.group("cap"))
    return None if match.group("uncapped") else points


def _own_reading(text: str) -> NamedPoints:
    # The last annotation is the points: 「（一）工作（其他）（15分）」.
    match = next(reversed(list(_TRAILING_POINTS.finditer(text))), None)
    if match is None and (bare := _BARE_TRAILING_POINTS.fullmatch(text)):
        return NamedPoints(_tidy(bare.group("name")), Decimal(bare.group("points")))
    if match is None:
        return NamedPoints(_tidy(text), None)
    name = _tidy(text[: match.start()] + text[match.end() :])
    node: dict[str, Any] = {}
    points = Decimal(match.group("points"))
    if match.group("penalty"):
        node["kind"] = "penalty"
    if match.group("floor"):
        node["floor"] = -Decimal(match.group("floor"))
    return NamedPoints(name, points, node)


def _tidy(name: str) -> str:
    return _CATALOGUE_CODE.sub("", name.strip(_EDGE_PUNCTUATION))


# 「政策法规010000」: a catalogue's code printed after the name it numbers.
_CATALOGUE_CODE = re.compile(r"(?<=[\u4e00-\u9fff])\d{6}$")


def split_people(text: str) -> list[str]:
    """Names in a 责任人/分管领导 cell. Two-character names are often padded: 「许  峰张  正」."""
    people: list[str] = []
    for part in _PEOPLE_SEPARATORS.split(text):
        for token in _PADDED_NAME.findall(part.strip()):
            name = "".join(token.split())
            if name and name not in people:
                people.append(name)
    return people


def split_units(text: str) -> list[str]:
    """Units in a 责任科室 cell, separated by 、 or one a line; a line that cannot end a unit
    name (「规划」 before 「财务科」) was wrapped by the document, not a separate unit."""
    units: list[str] = []
    for part in _UNIT_SEPARATORS.split(text):
        pending = ""
        for line in part.split("\n"):
            piece = pending + "".join(line.split())
            if piece and (piece.endswith(UNIT_ENDINGS) or piece.startswith("各")):
                units.append(piece)
                piece = ""
            pending = piece
        if pending:
            units.append(pending)
    return list(dict.fromkeys(units))

"""Grade bands written as prose: 「总得分在90分以上(含90分)的确定为优秀等次，得分在76—89分的为良；
在60—75分的为一般；60分以下为差」 → bands in the scheme format, highest first.

A band is a minimum (inclusive), as the engine reads bands; the last band has none. 「90分以上」
is a minimum of 90 (以上 includes the number in official usage); 「60分以下」 is the lowest band
under the 60 where the band above begins.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kaohe.textrules.normalize import normalize
from kaohe.textrules.numbers import NUMBER, number

_NAME = r"(?P<name>[\u4e00-\u9fff]{1,4}?)\s*(?:等次|等级|档次)?\s*$"
_CALLED = r"[^;,]*?(?:确定为|评定为|评为|定为|为)\s*"
_RANGE = re.compile(
    rf"(?P<low>{NUMBER})\s*分?\s*(?:\(含\)\s*)?(?:-|至|到)\s*(?P<high>{NUMBER})\s*分?(?:\(含\))?{_CALLED}{_NAME}"
)
_ABOVE = re.compile(
    rf"(?P<low>{NUMBER})\s*分\s*(?:\(含[^)]*\)\s*)?(?:及|或)?以上(?:\s*\(含[^)]*\))?{_CALLED}{_NAME}"
)
_BELOW = re.compile(rf"(?P<high>{NUMBER})\s*分\s*(?:以下|以内|之下){_CALLED}{_NAME}")


@dataclass(frozen=True)
class _Band:
    name: str
    minimum: Decimal | None
    below: Decimal | None = None
    """For the lowest band: the score it stays under (must be the band above's minimum)."""
    high: Decimal | None = None
    """For a range (76—89分): its top, which must reach the band above (no gap)."""


def _band(clause: str) -> _Band | None:
    ranged = _RANGE.search(clause)
    if ranged:
        low, high = number(ranged.group("low")), number(ranged.group("high"))
        return _Band(ranged.group("name"), min(low, high), high=max(low, high))
    above = _ABOVE.search(clause)
    if above:
        return _Band(above.group("name"), number(above.group("low")))
    below = _BELOW.search(clause)
    if below:
        return _Band(below.group("name"), None, number(below.group("high")))
    return None


def _as_scheme(bands: list[_Band]) -> tuple[dict[str, Any], ...] | None:
    ranked = sorted(
        (band for band in bands if band.minimum is not None), key=_minimum, reverse=True
    )
    lowest = [band for band in bands if band.minimum is None]
    if len(lowest) != 1 or len(ranked) < 1 or len({band.name for band in bands}) != len(bands):
        return None
    if lowest[0].below != ranked[-1].minimum:
        return None  # a gap or an overlap between the lowest band and the one above it
    if len({band.minimum for band in ranked}) != len(ranked) or _gap(ranked):
        return None
    return (
        *({"name": band.name, "min": band.minimum} for band in ranked),
        {"name": lowest[0].name},
    )


def _gap(ranked: list[_Band]) -> bool:
    """76—89 below 90 is whole; 80—85 below 90 leaves 86–89 to nobody."""
    for higher, lower in itertools.pairwise(ranked):
        if (
            lower.high is not None
            and higher.minimum is not None
            and lower.high + 1 < higher.minimum
        ):
            return True
    return False


def _minimum(band: _Band) -> Decimal:
    return band.minimum if band.minimum is not None else Decimal(0)


def read_grades(text: str) -> tuple[dict[str, Any], ...] | None:
    """The grade bands a text describes, highest first, or None when it does not describe a
    complete, gapless set (every clause a band, one open-ended lowest band)."""
    clauses = [clause.strip() for clause in re.split(r"[;,。]", normalize(text)) if clause.strip()]
    bands = [band for band in map(_band, clauses) if band is not None]
    return _as_scheme(bands) if len(bands) >= 2 else None

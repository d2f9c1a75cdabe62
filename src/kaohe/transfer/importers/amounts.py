"""Amounts written alone in a table's standard column: 「受到通报批评的 | 15」.

An add/deduct table (加扣分事项 | 加扣分标准) often writes only the number in its standard
column: the row's event costs (or earns) that many points each time it is recorded once. Whether
the number adds or deducts is said by the event itself — 通报批评, 失职渎职, 未严格… deduct;
表彰, 录用, 评为先进 add. An event that says neither is left for a person to settle.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

AMOUNT_CELL = re.compile(r"^\s*(?P<value>\d{1,3}(?:\.\d{1,2})?)\s*分?\s*$")
_DEDUCTING = re.compile(
    r"批评|约谈|问责|处分|处理|失职|渎职|违法|违纪|违规|违反|事故|差错|迟报|漏报|瞒报|曝光|投诉"
    r"|追究|查处|造成|未|不|没有|滞后|落后|排名靠后|末位|后进"
)
_ADDING = re.compile(r"表彰|表扬|嘉奖|奖励|先进|录用|采用|示范|试点|荣获|获得|评为|推广|肯定")


def bare_amount(text: str) -> Decimal | None:
    """The number of a standard cell that holds only a number (「15」, 「3分」)."""
    match = AMOUNT_CELL.match(text)
    return Decimal(match.group("value")) if match else None


def amount_rule(event: str, amount: Decimal, text: str) -> dict[str, Any]:
    """The rule of a row whose standard column holds only ``amount``: once per event, signed
    by what the event says; flagged when the event does not say which way it counts."""
    deducts = _DEDUCTING.search(event) is not None
    adds = _ADDING.search(event) is not None
    if deducts == adds:
        return {"kind": "discretionary", "text": text, "flagged": True}
    signed = -amount if deducts else amount
    return {"kind": "per_occurrence", "amount": signed, "cap": amount, "text": text}


def amount_kind(event: str) -> str | None:
    """penalty or bonus for an event that says which, else None."""
    deducts = _DEDUCTING.search(event) is not None
    adds = _ADDING.search(event) is not None
    if deducts == adds:
        return None
    return "penalty" if deducts else "bonus"


_STANDARD_HEADER = re.compile(r"标准|细则")
_POINTS_HEADER = re.compile(r"分值|标准分|基础分|分数|满分|权重")


def amounts_in_standard(headers: list[str]) -> bool:
    """A header with a standard column (加扣分标准) and no points column (分值): the numbers
    written alone under it are amounts, not an item's points."""
    standard = any(_STANDARD_HEADER.search(text) for text in headers)
    return standard and not any(_POINTS_HEADER.search(text) for text in headers)

"""A bonus allowance written on an item that is scored, not a bonus item.

「该项设有加分项(最多加5分)…每少一次扣1.25分。加分项:参加一次加2.5分」: the item deducts from its
points and may also earn up to 5 on top. The 「最多加5分」 caps the bonus rule, and the item stays a
scored item; read as a node fact it would turn the whole item into a bonus item.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from kaohe.textrules.patterns.base import GUESS
from kaohe.textrules.reading import ReadRule


def settle_bonus_allowance(
    rules: tuple[ReadRule, ...], node: dict[str, Any]
) -> tuple[tuple[ReadRule, ...], dict[str, Any]]:
    """The rules and node facts with a bonus cap moved onto the item's one bonus rule; with
    several bonus rules, which of them the cap bounds is for a person to say."""
    cap = node.get("cap")
    if node.get("kind") != "bonus" or cap is None:
        return rules, node
    adding = [read for read in rules if _adds(read)]
    if not adding or not any(_deducts(read) for read in rules):
        return rules, node
    node = {key: value for key, value in node.items() if key not in ("kind", "cap")}
    if len(adding) == 1:
        return tuple(_capped(read, cap) if read in adding else read for read in rules), node
    return tuple(_flagged(read) if read in adding else read for read in rules), node


def _amount(read: ReadRule) -> Decimal | None:
    amount = read.rule.get("amount")
    return amount if isinstance(amount, Decimal) and not read.flagged else None


def _adds(read: ReadRule) -> bool:
    amount = _amount(read)
    return read.rule.get("kind") == "per_occurrence" and amount is not None and amount > 0


def _deducts(read: ReadRule) -> bool:
    amount = _amount(read)
    return amount is not None and amount < 0


def _capped(read: ReadRule, cap: Decimal) -> ReadRule:
    if "cap" in read.rule:
        return _flagged(read)
    return replace(read, rule={**read.rule, "cap": cap})


def _flagged(read: ReadRule) -> ReadRule:
    rule = {"kind": "discretionary", "text": read.source, "flagged": True}
    return replace(read, rule=rule, confidence=GUESS, flagged=True, guesses=(read.rule,))
